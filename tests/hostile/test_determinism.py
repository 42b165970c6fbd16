"""Same input, same bytes: across time zones, locales and hash seeds, and with or without the cache."""
from __future__ import annotations

from pathlib import Path

from tests.hostile.helpers import fenced, project


def test_the_map_does_not_depend_on_the_machine(tmp_path: Path) -> None:
    source = project(tmp_path / "p")
    outputs = []
    for n, env in enumerate([{"TZ": "Pacific/Kiritimati", "LC_ALL": "C", "PYTHONHASHSEED": "1"},
                             {"TZ": "America/Adak", "LC_ALL": "tr_TR.UTF-8", "LANG": "ar_SY.UTF-8",
                              "PYTHONHASHSEED": "4242"}]):
        out = tmp_path / f"out{n}" / "map.html"
        ran = fenced("build", source, "-o", out, *(["--no-cache"] if n else []), env=env)
        assert ran.code == 0, ran.err
        outputs.append([out.read_bytes(), out.with_name("map.embed.html").read_bytes(),
                        out.with_name("map.build.json").read_bytes().replace(str(tmp_path / "out1").encode(), b"")])
    assert outputs[0][0] == outputs[1][0] and outputs[0][1] == outputs[1][1] and outputs[0][2] == outputs[1][2]

"""``mapgen validate`` and ``build`` say how to write a place of several namesakes so that it
means one of them."""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from click.testing import CliRunner

from mapgen.cli import main
from tests.gazetteer.fixtures import _isolated_home, builtin_home_master, home  # noqa: F401

# Three incidents in the Damascus suburbs, and Az Zahra', a name of villages by Nubl, by
# Al-Bab and by Tal Hmis, none of them near: the gazetteer cannot say which is meant.
EVENTS = """\
id,date,type,place,lat,lon,sources
a,2016-02-01,shelling,Douma,33.5711,36.4017,SOHR|https://www.syriahr.com/en/1
b,2016-02-02,shelling,Harasta,33.5586,36.3650,SOHR|https://www.syriahr.com/en/2
c,2016-02-03,shelling,Jobar,33.5306,36.3389,SOHR|https://www.syriahr.com/en/3
d,2016-02-05,airstrike,Az Zahra',,,SOHR|https://www.syriahr.com/en/4
"""
NUBL = (36.3756, 36.9942)


def _project(root: Path, events: str = EVENTS) -> Path:
    (root / "events").mkdir(parents=True, exist_ok=True)
    (root / "map.yaml").write_text("title: T\ntimezone: UTC\ncountries: [SY, TR]\n", encoding="utf-8")
    (root / "events" / "a.csv").write_text(events, encoding="utf-8")
    return root


def test_an_ambiguous_place_is_listed_with_how_to_write_each_namesake(home: Path,
                                                                      tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    result = CliRunner().invoke(main, ["--home", str(home), "validate", str(project)])
    assert result.exit_code != 0
    errors = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert len(errors) == 1 and "ambiguous place \"Az Zahra'\"" in errors[0], result.stderr
    written = re.findall(r"written \"([^\"]+)\"", errors[0])
    assert len(written) >= 2 and all(w.startswith("Az Zahra', ") for w in written), errors[0]
    assert "write the one meant as given" in errors[0]
    # the one by Nubl, written as suggested: the map builds, with the village by Nubl
    by_nubl = [w for w in written if "Nub" in w]
    assert len(by_nubl) == 1, written
    fixed = EVENTS.replace("airstrike,Az Zahra',,", f"airstrike,\"{by_nubl[0]}\",,")
    _project(project, fixed)
    out = tmp_path / "map.html"
    built = CliRunner().invoke(main, ["--home", str(home), "build", str(project), "-o", str(out)])
    assert built.exit_code == 0, built.output + built.stderr
    pin = yaml.safe_load((project / "places.lock.yaml").read_text(encoding="utf-8"))["places"]
    assert abs(pin[by_nubl[0]]["lat"] - NUBL[0]) < 0.05 and abs(pin[by_nubl[0]]["lon"] - NUBL[1]) < 0.05

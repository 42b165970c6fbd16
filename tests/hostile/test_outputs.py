"""Outputs never replace inputs, are written all or nothing, and two builds of one output take turns."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mapgen.writefile import write_together
from tests.conftest import REPO
from tests.hostile.helpers import cli, one_error, project, snapshot


@pytest.mark.parametrize("target", ["events/incidents.yaml", "map.yaml", "zones/control.yaml", "map.html",
                                    "output/map.html", "places.lock.yaml"])
def test_an_output_inside_the_project_is_refused(tmp_path: Path, target: str) -> None:
    source = project(tmp_path / "p")
    before = snapshot(source)
    one_error(cli("build", source, "-o", source / target), "refusing to write an output inside the project folder")
    assert snapshot(source) == before


def test_an_output_linked_into_the_project_is_refused(tmp_path: Path) -> None:
    source = project(tmp_path / "p")
    before = snapshot(source)
    link = tmp_path / "map.html"
    link.symlink_to(source / "events" / "incidents.yaml")
    one_error(cli("build", source, "-o", link), "refusing")
    assert snapshot(source) == before


def test_the_single_source_file_and_its_companions_are_refused(tmp_path: Path) -> None:
    events = tmp_path / "events.yaml"
    events.write_text((REPO / "tests" / "fixtures.py").read_text(encoding="utf-8").split('EVENTS_YAML = """\\\n')[1]
                      .split('"""')[0].replace("place: Alpha", "lat: 36.5\n    lon: 37.0")
                      .replace("place: Bravo Town", "lat: 36.3\n    lon: 37.2"), encoding="utf-8")
    before = events.read_bytes()
    one_error(cli("build", events, "-o", events), "the source file")
    # the record of map.html is map.build.json: a GeoJSON source of that name is refused too
    geo = tmp_path / "map.build.json"
    geo.write_text('{"type":"Feature","geometry":{"type":"Point","coordinates":[37,36]},'
                   '"properties":{"id":"a","date":"2016-02-01","type":"shelling"}}', encoding="utf-8")
    one_error(cli("build", geo, "-o", tmp_path / "map.html"), "the source file")
    assert events.read_bytes() == before and not (tmp_path / "map.html").exists()


@pytest.mark.parametrize("blocked", ["map.embed.html", "map.build.json"])
def test_all_or_nothing_when_one_output_is_a_folder(tmp_path: Path, blocked: str) -> None:
    source = project(tmp_path / "p")
    out = tmp_path / "out" / "map.html"
    assert cli("build", source, "-o", out).code == 0
    (source / "events" / "report.yaml").write_text(
        "- {id: r-1, date: 2016-02-03, lat: 36.4, lon: 37.1, type: airstrike}\n", encoding="utf-8")
    target = tmp_path / "out" / blocked
    if target.exists():
        target.unlink()
    before = snapshot(tmp_path / "out")
    target.mkdir()
    one_error(cli("build", source, "-o", out), "cannot write", "no output file was changed")
    target.rmdir()
    after = snapshot(tmp_path / "out")
    assert after == {k: v for k, v in before.items() if k != str(target)}
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith((".tmp", ".old"))]


def test_a_failure_while_putting_files_in_place_restores_the_previous_ones(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    files = [tmp_path / name for name in ("a", "b", "c")]
    for path in files:
        path.write_bytes(b"old " + path.name.encode())
    real_replace, calls = os.replace, []

    def failing_third(src: str, dst: str) -> None:  # the disk fails on the third rename
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(5, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_third)
    with pytest.raises(OSError, match="no output file was changed"):
        write_together([(path, b"new") for path in files])
    monkeypatch.undo()
    assert [p.read_bytes() for p in files] == [b"old a", b"old b", b"old c"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "c"]


def test_a_full_disk_leaves_the_outputs_as_they_were(tmp_path: Path) -> None:
    from tests.hostile.helpers import fenced

    source = project(tmp_path / "p")
    out = tmp_path / "out" / "map.html"
    assert cli("build", source, "-o", out).code == 0
    before = snapshot(tmp_path / "out")
    ran = fenced("build", source, "-o", out, "--no-cache", file_size=100_000)  # the map is larger
    one_error(ran, "cannot write", "no output file was changed")
    assert snapshot(tmp_path / "out") == before


def test_a_second_build_of_one_output_waits_for_the_first(tmp_path: Path) -> None:
    """While one build holds the output's lock, another build of the same output writes
    nothing; it goes on when the lock is released (so map, snippet and record belong together)."""
    from mapgen.writefile import output_lock

    source = project(tmp_path / "p")
    out = tmp_path / "out" / "map.html"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with output_lock(out):  # the first build, at its end, writing
        proc = subprocess.Popen([sys.executable, "-m", "mapgen", "build", str(source), "-o", str(out)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(3)
        assert proc.poll() is None and not out.exists()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    record = json.loads((tmp_path / "out" / "map.build.json").read_text(encoding="utf-8"))
    assert record["source"] == str(source) and out.exists() and (tmp_path / "out" / "map.embed.html").exists()

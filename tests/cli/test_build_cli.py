"""``mapgen build`` and ``mapgen validate`` through click's runner: output, errors, determinism."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from gazetteer.resolve import haversine_km
from mapgen.cli import main
from tests.conftest import write_project
from tests.fixtures import EVENTS_YAML, PROJECT, ZONES_YAML


def run(*args: str) -> "CliRunner.invoke":
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "proj", PROJECT)


def test_build_writes_map_snippet_and_pins(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "map.html"
    result = run("build", str(project), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert f"map: {out}" in result.output
    assert "4 incidents, 3 zone versions" in result.output
    assert out.exists() and (tmp_path / "out" / "map.embed.html").exists()
    snippet = (tmp_path / "out" / "map.embed.html").read_text()
    assert '<iframe src="map.html"' in snippet
    pins = (project / "places.lock.yaml").read_text()
    assert "Alpha:" in pins and "Bravo Town:" in pins and "source: project" in pins


def test_build_is_byte_identical(project: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    assert run("build", str(project), "-o", str(first)).exit_code == 0
    assert run("build", str(project), "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_page_is_self_contained(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.html"
    run("build", str(project), "-o", str(out))
    page = out.read_text()
    assert "<script src=" not in page and "<link rel=\"stylesheet\" href=" not in page
    assert "cdn.jsdelivr" not in page and "code.jquery" not in page


BAD_INPUTS = {
    "missing date": (
        "incidents:\n  - id: x1\n    place: Alpha\n    type: airstrike\n",
        "events/incidents.yaml:2: date: missing"),
    "malformed yaml": (
        "incidents:\n  - id: x1\n    date: 2016-02-01\n   type: [unclosed\n",
        "events/incidents.yaml:4: malformed YAML"),
    "bad lat": (
        "incidents:\n  - {id: x1, date: 2016-02-01, lat: 95, lon: 37, type: airstrike}\n",
        "events/incidents.yaml:2: lat: 95 is outside -90..90"),
    "javascript url": (
        "incidents:\n  - id: x1\n    date: 2016-02-01\n    place: Alpha\n    type: airstrike\n"
        "    sources: [{outlet: X, url: 'javascript:alert(1)'}]\n",
        "events/incidents.yaml:2: sources[1].url: not an http(s) URL"),
    "no records": ("incidents: []\n", "events/incidents.yaml:1: no records"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_events_give_one_line_and_no_output(name: str, project: Path, tmp_path: Path) -> None:
    text, expected = BAD_INPUTS[name]
    (project / "events" / "incidents.yaml").write_text(text)
    out = tmp_path / "never.html"
    result = CliRunner().invoke(main, ["build", str(project), "-o", str(out)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("error: ") and lines[0].endswith(lines[0].split(": ", 1)[1])
    assert expected in lines[0].replace(str(project) + "/", ""), lines[0]
    assert "Traceback" not in result.output
    assert not out.exists() and not list(tmp_path.glob("*.html"))


def test_invalid_polygon_is_rejected_with_reason(project: Path, tmp_path: Path) -> None:
    bowtie = ZONES_YAML.replace(
        "[[[37.0, 36.0], [37.3, 36.0], [37.3, 36.3], [37.0, 36.3], [37.0, 36.0]]]",
        "[[[37.0, 36.0], [37.3, 36.3], [37.3, 36.0], [37.0, 36.3], [37.0, 36.0]]]")
    (project / "zones" / "control.yaml").write_text(bowtie)
    out = tmp_path / "never.html"
    result = CliRunner().invoke(main, ["build", str(project), "-o", str(out)])
    assert result.exit_code == 1
    assert "zones/control.yaml:2: geometry: invalid polygon: Self-intersection" in result.output
    assert not out.exists()
    repaired = CliRunner().invoke(main, ["build", str(project), "-o", str(out), "--repair"])
    assert repaired.exit_code == 0, repaired.output
    assert out.exists()


def test_failed_build_keeps_previous_map(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    assert run("build", str(project), "-o", str(out)).exit_code == 0
    before = out.read_bytes()
    (project / "events" / "incidents.yaml").write_text(EVENTS_YAML.replace("date: 2016-02-01", "date: 2016-13-01"))
    result = CliRunner().invoke(main, ["build", str(project), "-o", str(out)])
    assert result.exit_code == 1
    assert "date: not an ISO 8601 date" in result.output
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_unknown_place_names_file_line_and_field(project: Path, tmp_path: Path) -> None:
    (project / "events" / "incidents.yaml").write_text(
        "incidents:\n  - id: x1\n    date: 2016-02-01\n    place: Qwxzzy Nowhere\n    type: airstrike\n")
    result = CliRunner().invoke(main, ["build", str(project), "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 1
    assert "events/incidents.yaml:2: place: unknown place 'Qwxzzy Nowhere'" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "x.html").exists()


def test_a_place_refused_far_from_the_map_says_how_far(project: Path, tmp_path: Path) -> None:
    # OCHA's Um Hosh lies by Homs, more than 150 km from the project's places around Aleppo:
    # not the village meant, and the error says where the one the gazetteer knows lies
    (project / "events" / "incidents.yaml").write_text(
        EVENTS_YAML + "  - {id: f-5, date: 2016-02-04, place: Um Hosh, type: shelling}\n")
    result = CliRunner().invoke(main, ["build", str(project), "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 1
    found = re.search(r"place: no place 'Um Hosh' near the map's other places \(closest: Um Hosh "
                      r"\(SY, 34\.7647, 36\.1256, (\d+) km from the map's other places\)\)",
                      result.output)
    assert found, result.output
    # the nearest of the project's points: its places Alpha and Bravo, its located incidents
    points = [(36.5, 37.0), (36.3, 37.2), (36.1, 37.4), (36.2, 36.9)]
    nearest = min(float(haversine_km(34.7647, 36.1256, lat, lon)) for lat, lon in points)
    assert abs(int(found.group(1)) - nearest) <= 1
    assert not (tmp_path / "x.html").exists()


def test_validate_reports_every_problem(project: Path) -> None:
    (project / "events" / "incidents.yaml").write_text(
        "incidents:\n"
        "  - {id: a, place: Alpha, type: airstrike}\n"
        "  - {id: b, date: 2016-02-01, place: Alpha}\n"
        "  - {id: c, date: 2016-02-01, lat: 36, lon: 37, type: shelling, geo_precision: fuzzy}\n")
    result = CliRunner().invoke(main, ["validate", str(project)])
    assert result.exit_code == 1
    lines = [line for line in result.output.strip().splitlines() if line.startswith("error: ")]
    assert [line.split(": ", 2)[2].split(":")[0] for line in lines] == ["date", "type", "geo_precision"]
    assert ":2: " in lines[0] and ":3: " in lines[1] and ":4: " in lines[2]


def test_validate_ok_with_warnings(project: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(project)])
    assert result.exit_code == 0, result.output
    assert "ok: 4 incidents, 3 zone versions" in result.output
    assert "warning:" in result.output and "'Wire' has no URL" in result.output


def test_single_file_source_with_timezone(tmp_path: Path) -> None:
    events = tmp_path / "events.yaml"
    events.write_text("- {id: s1, date: '2016-02-04T23:34:00+00:00', lat: 36.6, lon: 37.0, type: statement}\n")
    out = tmp_path / "single.html"
    result = run("build", str(events), "-o", str(out), "--timezone", "Asia/Damascus")
    assert result.exit_code == 0, result.output
    assert '"iso":["2016-02-05"]' in out.read_text()
    bad = CliRunner().invoke(main, ["build", str(events), "--timezone", "Mars/Olympus"])
    assert bad.exit_code == 1 and "unknown time zone 'Mars/Olympus'" in bad.output


def test_console_build_ends_with_everything_written(project: Path, tmp_path: Path) -> None:
    """The console command ends its process right after a build (no teardown of the map): its
    output must still be flushed through a pipe, its files complete, its cache saved; and an
    error still exits 1 with its message."""
    import os
    import subprocess
    import sys

    from tests.pagedata import page_incidents

    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root), MAPGEN_HOME=str(tmp_path / "home"))
    out = tmp_path / "out" / "map.html"
    for attempt in ("first build", "no changes since the last build"):
        done = subprocess.run([sys.executable, "-m", "mapgen", "build", str(project), "-o", str(out)],
                              capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        assert f"map: {out}" in done.stdout and attempt in done.stdout   # flushed through the pipe
    html = out.read_text(encoding="utf-8")
    assert html.rstrip().endswith("</html>") and sorted(page_incidents(html)["id"]) == ["f-1", "f-2", "f-3", "f-4"]
    assert (tmp_path / "out" / "map.build.json").exists() and any((tmp_path / "home").rglob("*"))
    bad = subprocess.run([sys.executable, "-m", "mapgen", "build", str(tmp_path / "missing"), "-o", str(out)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert bad.returncode == 1 and bad.stderr.startswith("error: ")

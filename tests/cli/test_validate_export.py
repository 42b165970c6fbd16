"""``mapgen validate`` and ``mapgen export`` through click's CliRunner, on real files."""
from __future__ import annotations

import json
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from mapgen.cli import main
from mapgen.readers import read_file
from mapgen.source import load_source

ACLED = Path(__file__).parent.parent / "mapgen" / "data" / "acled-aleppo-2016-02.csv"
EVENTS = """\
id,date,type,place,lat,lon,sources,title
e1,2016-02-04,airstrike,Azaz,36.5866,37.0463,SOHR|https://www.syriahr.com/en/1,=cmd|' /C calc'!A0
e2,2016-02-05,shelling,Tell Rifaat,36.4733,37.0972,SOHR,Shelling
"""
CONTROL = """\
place,faction,from,to,status,sources,lat,lon,country
Azaz,rebels,2016-02-01,,assessed,ISW|https://www.understandingwar.org/a,36.5866,37.0463,SY
Tell Rifaat,ypg,2016-02-15,,claimed,Hawar|https://en.hawarnews.com/b,36.4733,37.0972,SY
"""
BOWTIE = {"type": "Feature", "properties": {"faction": "isil", "valid_from": "2016-02-01"},
          "geometry": {"type": "Polygon", "coordinates": [[[37.0, 36.5], [37.1, 36.6], [37.1, 36.5], [37.0, 36.6], [37.0, 36.5]]]}}


def _project(root: Path, events: str = EVENTS, control: str = CONTROL) -> Path:
    (root / "events").mkdir(parents=True)
    (root / "zones").mkdir()
    (root / "map.yaml").write_text("title: Test\ntimezone: Asia/Damascus\n", encoding="utf-8")
    (root / "events" / "a.csv").write_text(events, encoding="utf-8")
    (root / "zones" / "control.csv").write_text(control, encoding="utf-8")
    return root


def _run(*args: str, home: Path) -> object:
    return CliRunner().invoke(main, ["--home", str(home), *args])


def test_validate_ok_with_warnings(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    result = _run("validate", str(project), home=tmp_path / "home")
    assert result.exit_code == 0, result.output
    assert "ok: 2 incidents, 3 zone versions, 2 town control rows, 1 warning\n" in result.output
    assert f"warning: {project / 'events' / 'a.csv'}:3: sources[1]: 'SOHR' has no URL" in result.output


def test_validate_reports_every_problem_across_files(tmp_path: Path) -> None:
    events = EVENTS + "e3,2016-02-30,airstrike,Azaz,36.5,37.0,,\ne4,2016-02-06,shelling,X,95,37.0,,\n"
    control = CONTROL + "Nubl,government,2016-02-03,,maybe,,36.37,36.99,SY\n"
    project = _project(tmp_path / "p", events, control)
    (project / "zones" / "bad.geojson").write_text(json.dumps(BOWTIE), encoding="utf-8")
    result = _run("validate", str(project), home=tmp_path / "home")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 4, result.output
    pattern = re.compile(r"^error: (.+?):(\d+|features\[\d+\]): ([\w\[\].]+): .+$")
    assert all(pattern.match(line) for line in errors), errors
    joined = "\n".join(errors)
    assert "a.csv:4: date:" in joined and "a.csv:5: lat:" in joined
    assert "control.csv:4: status:" in joined and "bad.geojson:features[0]: geometry: invalid polygon" in joined


def test_validate_repair_turns_the_error_into_a_warning(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    (project / "zones" / "bad.geojson").write_text(json.dumps(BOWTIE), encoding="utf-8")
    result = _run("validate", "--repair", str(project), home=tmp_path / "home")
    assert result.exit_code == 0, result.output
    assert "features[0]: geometry: repaired invalid polygon (Self-intersection" in result.output


@pytest.mark.parametrize("suffix", [".csv", ".geojson"])
def test_export_round_trips(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"acled{suffix}"
    result = _run("export", str(ACLED), "-o", str(out), "--timezone", "Asia/Damascus", home=tmp_path / "home")
    assert result.exit_code == 0, result.output
    assert f"wrote {out} (11 incidents" in result.output
    original = load_source(ACLED, timezone="Asia/Damascus").incidents
    again = load_source(out, timezone="Asia/Damascus").incidents
    assert again == original


def test_export_csv_is_formula_safe(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    out = tmp_path / "out.csv"
    result = _run("export", str(project), "-o", str(out), home=tmp_path / "home")
    assert result.exit_code == 0, result.output
    assert "'=cmd|' /C calc'!A0" in out.read_text(encoding="utf-8")
    errors: list = []
    again = read_file(out, ZoneInfo("Asia/Damascus"), errors).incidents
    assert errors == [] and again[0].title == "=cmd|' /C calc'!A0"


def test_export_geojson_with_derived_zones(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    out = tmp_path / "out.geojson"
    result = _run("export", str(project), "-o", str(out), "--resolve", home=tmp_path / "home")
    assert result.exit_code == 0, result.output
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    kinds = [f["geometry"]["type"] for f in features]
    assert kinds.count("Point") == 2 and kinds.count("Polygon") + kinds.count("MultiPolygon") == 3  # rebels shrink when ypg arrives
    assert {f["properties"].get("faction") for f in features} >= {"rebels", "ypg"}


def test_export_rejects_unknown_format(tmp_path: Path) -> None:
    result = _run("export", str(ACLED), "-o", str(tmp_path / "out.xlsx"), home=tmp_path / "home")
    assert result.exit_code == 1
    assert "unknown export format '.xlsx'" in result.output


def test_validate_names_every_unknown_annotation_place(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    (project / "map.yaml").write_text(
        "title: Test\ntimezone: Asia/Damascus\nannotations:\n"
        "  - {type: line, text: Road, points: [Azaz, Tell Rifaat]}\n"
        "  - {type: arrow, text: Push, points: [Azaz, Qqqzzz, [36.4, 37.0]]}\n"
        "  - {type: label, text: Here, at: Wwwxxx}\n", encoding="utf-8")
    result = _run("validate", str(project), home=tmp_path / "home")
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert errors == [
        f"error: {project / 'map.yaml'}: annotations[1].points[1]: unknown place 'Qqqzzz': use a place of the "
        "map's incidents or places.yaml, or give [lat, lon]",
        f"error: {project / 'map.yaml'}: annotations[2].at: unknown place 'Wwwxxx': use a place of the "
        "map's incidents or places.yaml, or give [lat, lon]",
    ], result.output

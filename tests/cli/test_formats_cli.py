"""``build --skip-invalid`` / ``on_error: skip``, ``validate --skip-invalid``, warnings summarised
and look-alike types and factions, through the command line."""
from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from mapgen.cli import main

DATA = Path(__file__).parent.parent / "mapgen" / "data"


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _us_project(tmp_path: Path) -> Path:
    return Path(shutil.copytree(DATA / "us-dated", tmp_path / "us-dated"))


def test_build_is_strict_by_default_and_writes_nothing(tmp_path: Path) -> None:
    project, out = _us_project(tmp_path), tmp_path / "out" / "map.html"
    result = run("build", str(project), "-o", str(out))
    assert result.exit_code == 1
    assert "archive.csv:6: date: '2016-02-14' does not match date_format" in result.output
    assert not out.exists()


def test_skip_invalid_leaves_rows_out_and_reports_them(tmp_path: Path) -> None:
    project, out = _us_project(tmp_path), tmp_path / "out" / "map.html"
    result = run("build", str(project), "-o", str(out), "--skip-invalid")
    assert result.exit_code == 0, result.output
    assert "(4 incidents, 0 zone versions)" in result.output
    report = tmp_path / "out" / "map.skipped.csv"
    assert f"left out 1 invalid record (1 × date: … does not match date_format …): {report}" in result.output
    assert "SA-0105,2016-02-14" in report.read_text(encoding="utf-8")


def test_on_error_skip_in_map_yaml_does_the_same(tmp_path: Path) -> None:
    project, out = _us_project(tmp_path), tmp_path / "map.html"
    config = project / "map.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "on_error: skip\n", encoding="utf-8")
    result = run("build", str(project), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "map.skipped.csv").exists()
    checked = run("validate", str(project))
    assert checked.exit_code == 0, checked.output
    assert "ok: 4 incidents" in checked.output and "1 invalid record would be left out" in checked.output


def test_validate_skip_invalid(tmp_path: Path) -> None:
    project = _us_project(tmp_path)
    assert run("validate", str(project)).exit_code == 1
    result = run("validate", str(project), "--skip-invalid")
    assert result.exit_code == 0, result.output
    assert "left out: " in result.output and "archive.csv:6: date:" in result.output


def test_skip_invalid_leaves_out_unknown_places(tmp_path: Path) -> None:
    events = tmp_path / "events.csv"
    events.write_text("id,date,type,place,lat,lon\n"
                      "a,2016-02-04,airstrike,Azaz,36.5862,37.0441\n"
                      "b,2016-02-04,airstrike,Qqqzzzville,,\n", encoding="utf-8")
    out = tmp_path / "map.html"
    assert run("build", str(events), "-o", str(out)).exit_code == 1
    result = run("build", str(events), "-o", str(out), "--skip-invalid")
    assert result.exit_code == 0, result.output
    assert "(1 incidents, 0 zone versions)" in result.output
    assert "unknown place 'Qqqzzzville'" in (tmp_path / "map.skipped.csv").read_text(encoding="utf-8")


def test_acled_warnings_are_summarised_in_one_line(tmp_path: Path) -> None:
    result = run("validate", str(DATA / "acled-aleppo-2016-02.csv"))
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "has no URL" in line]
    assert len(lines) == 1 and "(and 17 more like it: " in lines[0]
    every = run("validate", str(DATA / "acled-aleppo-2016-02.csv"), "--all-warnings")
    assert sum("has no URL" in line for line in every.output.splitlines()) == 18


def test_lookalike_types_and_factions_are_warned_about(tmp_path: Path) -> None:
    (tmp_path / "events").mkdir()
    (tmp_path / "zones").mkdir()
    (tmp_path / "events" / "e.csv").write_text(
        "id,date,type,place,lat,lon\na,2016-02-04,air strike,Azaz,36.5862,37.0441\n"
        "b,2016-02-05,ambush,Azaz,36.5862,37.0441\n", encoding="utf-8")
    (tmp_path / "zones" / "control.csv").write_text(
        "place,faction,from,lat,lon,country\nAzaz,regime,2016-02-01,36.5862,37.0441,SY\n"
        "Tell Rifaat,goverment,2016-02-01,36.4717,37.0972,SY\nMare',rebels,2016-02-01,36.4833,37.0667,SY\n",
        encoding="utf-8")
    result = run("build", str(tmp_path), "-o", str(tmp_path.parent / (tmp_path.name + "-out") / "map.html"))
    assert result.exit_code == 0, result.output
    assert "e.csv:2: type: event type 'air strike' is not a known one; did you mean 'airstrike'?" in result.output
    assert "faction 'regime' is not a known one; did you mean 'government'?" in result.output
    assert "faction 'goverment' is not a known one; did you mean 'government'?" in result.output
    assert "ambush" not in result.output and "'rebels'" not in result.output

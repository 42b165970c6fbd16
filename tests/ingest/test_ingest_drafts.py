"""Drafts: their fields, the YAML file, `mapgen ingest` and merging into a project without duplicates."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from mapgen.build import build_map
from mapgen.cli import main
from mapgen.ingest import ingest_file, merge_into_project, write_drafts
from mapgen.source import load_source
from tests.conftest import write_project
from tests.ingest.conftest import DATA

NORTH = DATA / "report-north-aleppo-2016-02-06.txt"
MAP = "title: Ingest test\ntimezone: Asia/Damascus\ncountries: [SY, TR]\n"
# An incident the report repeats: Azaz, clashes... the same day as the report's entry on Azaz.
EXISTING = """\
incidents:
  - id: known-azaz
    date: 2016-02-06
    lat: 36.5866
    lon: 37.0463
    place: Azaz
    type: displacement
    title: Families camp outside Azaz
"""


@pytest.fixture(scope="module")
def north(gazetteer: Any) -> Any:
    return ingest_file(NORTH, published="2016-02-06", source_url="https://example.org/north", gazetteer=gazetteer)


def test_every_draft_is_a_reviewable_incident(north: Any) -> None:
    assert north.drafts
    for draft in north.drafts:
        assert draft["review"] is True
        assert len(draft["description"]) <= 200
        assert draft["sources"][0]["url"] == "https://example.org/north"
        assert draft["ingest"]["entry"] and draft["ingest"]["entry_time"].startswith("2016-02-0")
        assert 0 < draft["ingest"]["score"] <= 1
        assert draft["ingest"]["mention"] in draft["description"]
    ids = [d["id"] for d in north.drafts]
    assert len(ids) == len(set(ids))
    by_place = {d["place"]: d for d in north.drafts}
    # "warplanes hit Anadan and Rityan last night" in the 08:05 entry of 6 February
    assert by_place["Anadan"]["date"] == "2016-02-05" and by_place["Anadan"]["type"] == "airstrike"
    assert by_place["Anadan"]["ingest"]["when"] == "last night"
    assert by_place["Menagh"]["ingest"]["gazetteer"]["feature_code"] == "AIRB"
    # "Marea" could be two towns; the one among the report's other places is meant
    assert abs(by_place["Marea"]["lat"] - 36.4828) < 0.05 and abs(by_place["Marea"]["lon"] - 37.1964) < 0.05


def test_same_report_gives_the_same_ids(north: Any, gazetteer: Any) -> None:
    again = ingest_file(NORTH, published="2016-02-06", source_url="https://example.org/north", gazetteer=gazetteer)
    assert [d["id"] for d in again.drafts] == [d["id"] for d in north.drafts]


UNKNOWN = [{"name": "Qzxwvtown", "status": "unresolved", "entry": "Feb 06, 2016 08:05 (GMT)",
            "excerpt": "Shelling hit Qzxwvtown.", "count": 1}]


def test_drafts_file_loads_and_build_leaves_drafts_out(north: Any, tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", {"map.yaml": MAP, "events/known.yaml": EXISTING})
    write_drafts(project / "events" / "drafts.yaml", north.drafts, UNKNOWN)
    text = (project / "events" / "drafts.yaml").read_text(encoding="utf-8")
    assert "unresolved:" in text and "Qzxwvtown" in text
    source = load_source(project)
    assert sum(i.review for i in source.incidents) == len(north.drafts)
    doc = build_map(project)
    assert doc.incident_count == 1 and doc.left_out_for_review == len(north.drafts)


def test_merge_skips_incidents_already_there(north: Any, tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", {"map.yaml": MAP, "events/known.yaml": EXISTING})
    first = merge_into_project(project, north.drafts, UNKNOWN)
    skipped = {d["place"]: existing for d, existing in first.duplicates}
    assert skipped == {"Azaz": "known-azaz"}, "same place, type and day as an incident of the project"
    assert len(first.added) == len(north.drafts) - 1
    again = merge_into_project(project, north.drafts, UNKNOWN)
    assert again.added == [] and len(again.duplicates) == len(north.drafts)
    data = yaml.safe_load((project / "events" / "drafts.yaml").read_text(encoding="utf-8"))
    assert len(data["incidents"]) == len(first.added)
    assert [u["name"] for u in data["unresolved"]].count("Qzxwvtown") == 1


def test_merge_keeps_the_editors_changes(north: Any, tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", {"map.yaml": MAP, "events/known.yaml": EXISTING})
    merge_into_project(project, north.drafts[:3])
    drafts = project / "events" / "drafts.yaml"
    edited = drafts.read_text(encoding="utf-8").replace("\n  review: true", "\n  review: false", 1)
    drafts.write_text(edited, encoding="utf-8")
    result = merge_into_project(project, north.drafts)
    data = yaml.safe_load(drafts.read_text(encoding="utf-8"))
    assert data["incidents"][0]["review"] is False
    assert len(data["incidents"]) == len(north.drafts) - 1  # Azaz is in known.yaml
    assert len(result.added) == len(north.drafts) - 4


def test_cli_ingest_into_project(geonames_home: Path, tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", {"map.yaml": MAP, "events/known.yaml": EXISTING})
    args = ["--home", str(geonames_home), "ingest", str(NORTH), "--published", "2016-02-06",
            "--source-url", "https://example.org/north", "--into", str(project)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert re.search(r"drafts: .*drafts\.yaml  \(\d+ added, 1 already in the project\)", result.stdout)
    assert "skipped displacement at Azaz on 2016-02-06: same as known-azaz" in result.stdout
    again = CliRunner().invoke(main, args)
    assert "(0 added," in again.stdout


def test_cli_ingest_to_a_file_and_to_stdout(geonames_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "drafts.yaml"
    report = DATA / "report-border-2016-02-08.txt"
    annotation = yaml.safe_load((DATA / "report-border-2016-02-08.annotation.yaml").read_text(encoding="utf-8"))
    stamped = sum(1 for e in annotation["entries"] if e.get("stamp"))
    result = CliRunner().invoke(main, ["--home", str(geonames_home), "ingest", str(report), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"drafts from {stamped} timestamped entries" in result.stdout
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["incidents"] and all(d["review"] is True for d in data["incidents"])
    for name in {u["name"] for u in data.get("unresolved", [])}:
        assert f"unresolved: {name} (" in result.stderr
    piped = CliRunner().invoke(main, ["--home", str(geonames_home), "ingest", str(report)])
    assert yaml.safe_load(piped.stdout)["incidents"] == data["incidents"]


@pytest.mark.parametrize("args, message", [
    (["--source-url", "ftp://example.org/x"], "not an http(s) URL"),
    (["--published", "yesterday"], "published"),
    (["--timezone", "Mars/Olympus"], "unknown time zone"),
])
def test_cli_ingest_input_errors(geonames_home: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["--home", str(geonames_home), "ingest", str(NORTH), *args])
    assert result.exit_code == 1 and message in result.stderr
    assert "Traceback" not in result.output


def test_cli_ingest_from_standard_input(geonames_home: Path) -> None:
    text = "Feb 06, 2016 08:05 (GMT)\n\nArtillery shelled Anadan this morning.\n"
    result = CliRunner().invoke(main, ["--home", str(geonames_home), "ingest", "-"], input=text)
    assert result.exit_code == 0, result.output
    assert "place: Anadan" in result.stdout and "type: shelling" in result.stdout


def test_cli_ingest_report_without_time(geonames_home: Path, tmp_path: Path) -> None:
    report = tmp_path / "note.txt"
    report.write_text("Shelling hit Azaz.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--home", str(geonames_home), "ingest", str(report)])
    assert result.exit_code == 1 and "no timestamp found in the report; give its date with --published" in result.stderr
    ok = CliRunner().invoke(main, ["--home", str(geonames_home), "ingest", str(report), "--published", "2016-02-04"])
    assert ok.exit_code == 0 and "date: '2016-02-04'" in ok.stdout and "type: shelling" in ok.stdout

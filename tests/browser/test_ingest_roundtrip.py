"""Ingest -> review -> build -> browser: drafts accepted by an editor appear on the map at their dates."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mapgen.cli import main
from mapgen.source import load_source
from tests.conftest import write_project
from tests.fixtures import PROJECT
from tests.ingest.conftest import DATA, geonames_home  # noqa: F401 - fixture

pytestmark = pytest.mark.browser
REPORT = DATA / "report-north-aleppo-2016-02-06.txt"


def test_ingested_report_on_the_map(tmp_path: Path, geonames_home: Path, open_map) -> None:  # noqa: F811
    project = write_project(tmp_path / "fixture", PROJECT)
    runner = CliRunner()
    ingest = runner.invoke(main, ["--home", str(geonames_home), "ingest", str(REPORT), "--published", "2016-02-06",
                                  "--source-url", "https://example.org/north", "--into", str(project)])
    assert ingest.exit_code == 0, ingest.output
    out = tmp_path / "out" / "map.html"
    before = runner.invoke(main, ["--home", str(geonames_home), "build", str(project), "-o", str(out)])
    assert before.exit_code == 0, before.output
    drafts = project / "events" / "drafts.yaml"
    count = drafts.read_text(encoding="utf-8").count("\n  review: true")
    assert count >= 10
    assert f"left out {count} incidents marked review: true" in before.stdout

    # the editor accepts every draft
    drafts.write_text(drafts.read_text(encoding="utf-8").replace("\n  review: true", ""), encoding="utf-8")
    after = runner.invoke(main, ["--home", str(geonames_home), "build", str(project), "-o", str(out)])
    assert after.exit_code == 0, after.output
    assert f"{count} incidents added, 0 changed, 0 removed" in after.stdout
    assert "left out" not in after.stdout

    source = load_source(project)
    tz = source.config.zone
    accepted = {i.id: i.start.astimezone(tz).date().isoformat() for i in source.incidents if i.id.startswith("ingest-")}
    nearby = {i.id for i in source.incidents if i.id in accepted and 35 < (i.lat or 0) < 38}  # not Geneva
    assert len(accepted) == count and set(accepted.values()) == {"2016-02-03", "2016-02-05", "2016-02-06"}
    page = open_map(out)
    for day in sorted(set(accepted.values())):
        state = page.set_date(day)
        shown = {i for i in state["incidents"] if i.startswith("ingest-")}
        assert shown == {i for i, d in accepted.items() if d <= day}, day
        assert {i for i, d in accepted.items() if d == day and i in nearby} <= set(state["drawn"])
    early = page.set_date("2016-02-02")
    assert not any(i.startswith("ingest-") for i in early["incidents"])
    # "reached Nubl and Zahraa on Wednesday" (in a 6 February entry) is on 3 February
    wednesday = {i for i, d in accepted.items() if d == "2016-02-03"}
    assert wednesday and wednesday <= set(page.set_date("2016-02-03")["incidents"])
    page.assert_clean()

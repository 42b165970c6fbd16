"""``mapgen ingest --countries`` and the project's countries with ``--into``: same-named places
in two countries, the report's country decides."""
from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner, Result

from mapgen.cli import main
from tests.gazetteer.fixtures import _isolated_home, builtin_home_master, home  # noqa: F401

# Two villages of one name, alike in every way but their country (names no other place has).
TWINS = "name,lat,lon,country,type\nQasr Zarifat,34.1,36.1,LB,PPL\nQasr Zarifat,35.9,36.9,SY,PPL\n"
REPORT = "Feb 04, 2016 10:00 (GMT)\nShelling hit Qasr Zarifat on Thursday, local sources said.\n"


def _ingest(gazetteer_home: Path, report: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--home", str(gazetteer_home), "ingest", str(report), "--published", "2016-02-04",
                                     *args], catch_exceptions=False)


def test_the_reports_countries_choose_between_places_of_one_name(home: Path, tmp_path: Path) -> None:
    table = tmp_path / "twins.csv"
    table.write_text(TWINS, encoding="utf-8")
    assert CliRunner().invoke(main, ["--home", str(home), "gazetteer", "import", str(table)]).exit_code == 0
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")

    alone = _ingest(home, report)
    assert alone.exit_code == 0 and "unresolved: Qasr Zarifat (ambiguous" in alone.stderr
    for codes, lat in (("SY", 35.9), ("lb", 34.1)):
        chosen = _ingest(home, report, "--countries", codes)
        drafts = yaml.safe_load(chosen.stdout)["incidents"]
        assert [(d["place"], d["lat"]) for d in drafts] == [("Qasr Zarifat", lat)], codes

    project = tmp_path / "project"
    (project / "events").mkdir(parents=True)
    (project / "map.yaml").write_text("title: T\ntimezone: UTC\ncountries: [SY, TR]\n", encoding="utf-8")
    into = _ingest(home, report, "--into", str(project))
    assert into.exit_code == 0, into.output
    drafts = yaml.safe_load((project / "events" / "drafts.yaml").read_text(encoding="utf-8"))["incidents"]
    assert [d["lat"] for d in drafts] == [35.9]        # the project's countries

    bad = CliRunner().invoke(main, ["--home", str(home), "ingest", str(report), "--countries", "Syria"])
    assert bad.exit_code == 2 and "--countries" in bad.stderr and "'Syria'" in bad.stderr
    for first, second in (("LB", "SY"), ("SY", "LB")):   # repeated: both count, in order
        repeated = _ingest(home, report, "--countries", first, "--countries", second)
        joined = _ingest(home, report, "--countries", f"{first},{second}")
        assert repeated.exit_code == 0 and repeated.stdout == joined.stdout

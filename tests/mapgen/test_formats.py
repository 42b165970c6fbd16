"""Real-format files read unedited: UCDP GED (CSV and API rows), every ACLED layout, any other
table described by map.yaml (``columns:``, ``date_format:``), and their encodings and delimiters."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mapgen.build import build_map
from mapgen.errors import InputError, InputErrors
from mapgen.problems import reasons, summarise
from mapgen.readers import ReadOptions, read_file
from mapgen.readers.csvfile import csv_layout
from mapgen.source import load_source
from tests.pagedata import page_incidents, page_payload

DATA = Path(__file__).parent / "data"
ACLED_2023 = DATA / "acled-aleppo-2016-02.csv"
ACLED_SEMICOLON = DATA / "acled-export-tool-semicolon.csv"
ACLED_V6 = DATA / "acled-v6-windows-1252.csv"
GED_CSV = DATA / "ucdp-ged-aleppo-2016-02.csv"
GED_API = DATA / "ucdp-api-page.json"
US_DATED = DATA / "us-dated"
TZ = ZoneInfo("Asia/Damascus")


def _read(path: Path, options: ReadOptions | None = None) -> tuple[list, list, list]:
    errors: list[InputError] = []
    records = read_file(path, TZ, errors, options)
    return records.incidents, records.warnings, errors


def _same(a: list, b: list) -> None:
    """Equal incidents (origin is not compared), in the same order."""
    assert [dataclasses.replace(i, origin=b[0].origin) for i in a] == b


# ---------------------------------------------------------------------------------------- UCDP

def test_ged_csv_is_recognised_and_its_codes_become_ours() -> None:
    header = GED_CSV.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert len(header) == 49 and csv_layout(header) == "ucdp"
    incidents, _, errors = _read(GED_CSV)
    assert errors == []
    by_id = {i.id: i for i in incidents}
    assert len(by_id) == 6
    nubl = by_id["ged-160502"]
    assert nubl.type == "state-based violence"
    assert nubl.actors == ("Government of Syria", "Syrian insurgents")
    assert nubl.fatalities == 18  # best
    assert "low 18, high 25" in nubl.description and "Conflict: Syria: Government." in nubl.description
    assert nubl.title == "Government of Syria - Syrian insurgents"  # the dyad
    assert (nubl.geo_precision, nubl.time_precision) == ("exact", "day")
    assert (nubl.start, nubl.end) == (dt.datetime(2016, 2, 3, tzinfo=TZ), dt.datetime(2016, 2, 4, tzinfo=TZ))
    assert [(s.outlet, s.published.date().isoformat()) for s in nubl.sources] == [
        ("Reuters News", "2016-02-03"), ("Agence France Presse", "2016-02-04")]
    assert by_id["ged-160503"].type == "one-sided violence"
    assert by_id["ged-160504"].type == "non-state violence"
    # where_prec 2: near; date_prec 2 with a three-day range
    anadan = by_id["ged-160503"]
    assert anadan.geo_precision == "near"
    assert anadan.end - anadan.start == dt.timedelta(days=3)
    # known only to the province (where_prec 4) and the month (date_prec 4)
    province = by_id["ged-160505"]
    assert (province.geo_precision, province.time_precision) == ("region", "month")
    assert (province.start, province.end) == (dt.datetime(2016, 2, 1, tzinfo=TZ), dt.datetime(2016, 3, 1, tzinfo=TZ))
    # known only to the country (where_prec 6) and the year (date_prec 5): a region over the whole year,
    # never an exact point on 1 January
    country = by_id["ged-160506"]
    assert (country.geo_precision, country.time_precision) == ("region", "month")
    assert (country.start, country.end) == (dt.datetime(2016, 1, 1, tzinfo=TZ), dt.datetime(2017, 1, 1, tzinfo=TZ))
    assert "known to within a year" in country.description


def test_ged_api_rows_give_the_same_incidents_as_the_csv() -> None:
    from_api, _, errors = _read(GED_API)
    assert errors == []
    from_csv, _, _ = _read(GED_CSV)
    assert len(from_api) == 4
    _same(from_api, from_csv[:4])
    assert from_api[0].origin.record == "Result[0]"


def test_ged_map_shows_words_in_the_legend_and_draws_vague_places_as_regions() -> None:
    doc = build_map(GED_CSV, timezone="Asia/Damascus")
    payload = page_payload(doc.html)
    labels = {t["key"]: t["label"] for t in payload["types"]}
    assert labels == {"state-based violence": "State-based violence", "non-state violence": "Non-state violence",
                      "one-sided violence": "One-sided violence"}
    inc = page_incidents(doc.html)
    where = dict(zip(inc["id"], inc["gp"]))
    assert where["ged-160506"] == 2 and where["ged-160505"] == 2  # GEO_PRECISIONS index of "region"
    assert where["ged-160502"] == 0


def test_ged_bad_code_names_the_ged_column(tmp_path: Path) -> None:
    lines = GED_CSV.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("type_of_violence")] = "4"
    bad = tmp_path / "ged.csv"
    bad.write_text("\n".join([lines[0], ",".join(cells)]) + "\n", encoding="utf-8")
    _, _, errors = _read(bad)
    assert [(e.record, e.field) for e in errors] == [(2, "type_of_violence")]
    assert "not one of 1, 2, 3" in errors[0].message


# --------------------------------------------------------------------------------------- ACLED

def test_acled_export_tool_semicolons_read_like_commas() -> None:
    semicolon, _, errors = _read(ACLED_SEMICOLON)
    assert errors == []
    comma, _, _ = _read(ACLED_2023)
    assert len(semicolon) == 6
    _same(semicolon, comma[:6])


def test_tab_separated_export_reads_too(tmp_path: Path) -> None:
    import csv

    rows = list(csv.reader(ACLED_2023.open(encoding="utf-8")))
    tsv = tmp_path / "acled.csv"
    with tsv.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter="\t").writerows(rows)
    tabbed, _, errors = _read(tsv)
    assert errors == []
    _same(tabbed, _read(ACLED_2023)[0])


def test_acled_v6_windows_1252_layout() -> None:
    incidents, warnings, errors = _read(ACLED_V6)
    assert errors == []
    assert any("read as Windows-1252" in w.message and w.record == 2 for w in warnings)
    by_id = {i.id: i for i in incidents}
    assert len(by_id) == 9
    # upper-case columns, dd/mm/yyyy dates
    strike = by_id["LBY1002"]
    assert strike.start == dt.datetime(2016, 2, 19, tzinfo=TZ)
    assert strike.type == "shelling"  # "Remote violence" is today's Explosions/Remote violence
    assert strike.fatalities == 49 and strike.geo_precision == "near"  # GEO_PRECIS 2
    assert "—" in strike.description  # an em dash, byte 0x97 in Windows-1252
    assert [s.outlet for s in strike.sources] == ["Reuters", "AFP"]
    # ALLY_ACTOR_1 joins the actors; the curly apostrophe decodes
    assert "Benghazi Revolutionaries Shura Council: Ansar al-Sharia" in by_id["LBY1001"].actors
    assert "Benghazi’s" in by_id["LBY1001"].description
    types = {i.id: i.type for i in incidents}
    assert types == {
        "LBY1001": "clashes",                     # Battle-No change of territory
        "LBY1002": "shelling",                    # Remote violence
        "LBY1003": "territorial change",          # Battle-Government regains territory
        "LBY1004": "territorial change",          # Battle-Non-state actor overtakes territory
        "LBY1005": "protest",                     # Riots/Protests
        "LBY1006": "violence against civilians",  # Violence against civilians
        "LBY1007": "strategic development",       # Strategic development
        "LBY1008": "territorial change",          # Non-violent transfer of territory
        "LBY1009": "territorial change",          # Headquarters or base established
    }
    assert by_id["LBY1004"].geo_precision == "region" and by_id["LBY1006"].time_precision == "week"


def test_bytes_that_are_not_windows_1252_read_as_latin_1(tmp_path: Path) -> None:
    data = ACLED_V6.read_bytes().replace("Benghazi".encode(), b"Bengh\x81zi", 1)
    odd = tmp_path / "odd.csv"
    odd.write_bytes(data)
    incidents, warnings, errors = _read(odd)
    assert errors == [] and len(incidents) == 9
    assert any("read as Latin-1" in w.message for w in warnings)


def test_utf8_file_gives_no_encoding_warning() -> None:
    _, warnings, _ = _read(ACLED_2023)
    assert not any("UTF-8" in w.message for w in warnings)


# ------------------------------------------------------------------- any table, via map.yaml

def test_column_mapping_and_us_dates(tmp_path: Path) -> None:
    problems: list[InputError] = []
    source = load_source(US_DATED, problems=problems)
    assert [(Path(p.file).name, p.record, p.field) for p in problems] == [("archive.csv", 6, "date")]
    assert "does not match date_format '%m/%d/%y %I:%M %p'" in problems[0].message
    by_id = {i.id: i for i in source.incidents}
    assert len(by_id) == 4
    evening = by_id["SA-0102"]
    assert evening.start == dt.datetime(2016, 2, 3, 21, 30, tzinfo=TZ) and evening.time_precision == "exact"
    assert by_id["SA-0104"].start == dt.datetime(2016, 2, 13, 16, 15, tzinfo=TZ)
    assert evening.type == "airstrike" and evening.sources[0].url == "https://example.org/archive/0102"
    assert (evening.lat, evening.lon, evening.place) == (36.2944, 37.0453, "Anadan")


def test_every_header_problem_in_one_pass(tmp_path: Path) -> None:
    table = tmp_path / "events.csv"
    table.write_text("when,kind,where,when\n2016-02-04,airstrike,Azaz,x\n", encoding="utf-8")
    _, _, errors = _read(table)
    messages = [e.message for e in errors]
    assert len(errors) == 5, messages
    assert "column 'when' appears twice" in messages[0]
    assert any("missing column 'id'" in m for m in messages)
    assert any("missing column 'date'" in m for m in messages)
    assert any("missing column 'type'" in m for m in messages)
    assert any("needs a place column" in m for m in messages)
    assert all(e.record == 1 and not e.row for e in errors)


def test_a_mapping_to_a_column_the_table_lacks_is_named(tmp_path: Path) -> None:
    table = tmp_path / "events.csv"
    table.write_text("code,date_time,type,place\nA1,2016-02-04,airstrike,Azaz\n", encoding="utf-8")
    options = ReadOptions(columns=(("id", "code"), ("date", "date_tme"), ("lat", "latitude")))
    _, _, errors = _read(table, options)
    fields = sorted(e.field or "" for e in errors)
    assert "columns.date" in fields and "columns.lat" in fields
    assert any("did you mean 'date_time'?" in e.message for e in errors)


def test_missing_column_suggests_a_mapping(tmp_path: Path) -> None:
    table = tmp_path / "events.csv"
    table.write_text("id,dates,type,place\nA1,2016-02-04,airstrike,Azaz\n", encoding="utf-8")
    _, _, errors = _read(table)
    assert len(errors) == 1 and "columns: {date: dates}" in errors[0].message


@pytest.mark.parametrize("setting, field", [("on_error: maybe", "on_error"), ("columns: {when: date}", "columns"),
                                            ("date_format: 12", "date_format")])
def test_bad_new_settings_are_named(tmp_path: Path, setting: str, field: str) -> None:
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "a.csv").write_text("id,date,type,place\na,2016-02-04,airstrike,Azaz\n")
    (tmp_path / "map.yaml").write_text(setting + "\n")
    with pytest.raises(InputErrors) as info:
        load_source(tmp_path)
    assert info.value.errors[0].field == field


# ------------------------------------------------------------------------ summaries, skipping

def test_repeated_warnings_become_one_line() -> None:
    warnings = [InputError(f"'Outlet {n % 7}' has no URL", file="acled.csv", record=n + 2, field="sources[1]")
                for n in range(33_736)]
    warnings.insert(5, InputError("unknown column 'tags' ignored", file="acled.csv", record=1))
    lines = summarise(warnings)
    assert len(lines) == 2
    assert lines[0].startswith("acled.csv:2: sources[1]: 'Outlet 0' has no URL (and 33,735 more like it: "
                               "acled.csv:3, acled.csv:4, acled.csv:5, …)")
    assert lines[1] == "acled.csv:1: unknown column 'tags' ignored"
    assert reasons(warnings[:3]) == "3 × sources: … has no URL"


def test_build_skips_invalid_rows_only_when_asked(tmp_path: Path) -> None:
    with pytest.raises(InputErrors):
        build_map(US_DATED)
    doc = build_map(US_DATED, skip_invalid=True)
    assert doc.incident_count == 4
    assert [(e.record, e.field) for e in doc.skipped] == [(6, "date")]
    written = doc.save(tmp_path / "us.html")
    report = tmp_path / "us.skipped.csv"
    assert report in written
    text = report.read_text(encoding="utf-8")
    assert "SA-0105,2016-02-14,Tell Rifaat" in text and "does not match date_format" in text
    # a later build with nothing left out removes the stale report
    dataclasses.replace(doc, skipped=[]).save(tmp_path / "us.html")
    assert not report.exists()


def test_header_problems_stop_even_when_skipping(tmp_path: Path) -> None:
    table = tmp_path / "events.csv"
    table.write_text("id,when,type,place\nA1,2016-02-04,airstrike,Azaz\n", encoding="utf-8")
    with pytest.raises(InputErrors) as info:
        build_map(table, skip_invalid=True)
    assert "missing column 'date'" in str(info.value)

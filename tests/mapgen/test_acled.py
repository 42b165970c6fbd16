"""An ACLED-format export builds a map, and export -> import gives the same incidents."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mapgen.build import build_map
from mapgen.readers import read_file
from mapgen.readers.acled import event_type
from mapgen.readers.csvfile import csv_layout
from mapgen.writers import features_geojson, incidents_csv

ACLED = Path(__file__).parent / "data" / "acled-aleppo-2016-02.csv"
TZ = ZoneInfo("Asia/Damascus")


def _read(path: Path) -> list:
    errors: list = []
    records = read_file(path, TZ, errors)
    assert errors == []
    return records.incidents


def test_acled_layout_is_recognised_by_its_columns() -> None:
    header = ACLED.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert csv_layout(header) == "acled"
    assert csv_layout(["id", "date", "type", "lat", "lon"]) == "events"
    assert csv_layout(["place", "faction", "from", "to", "status", "sources"]) == "control"


def test_acled_codes_and_types_are_mapped() -> None:
    incidents = {i.id: i for i in _read(ACLED)}
    assert len(incidents) == 11
    strike = incidents["SYR20433"]
    assert (strike.type, strike.geo_precision, strike.time_precision) == ("airstrike", "exact", "day")
    assert strike.start == dt.datetime(2016, 2, 3, tzinfo=TZ)
    assert strike.end == dt.datetime(2016, 2, 4, tzinfo=TZ)
    assert (strike.lat, strike.lon, strike.place) == (36.2917, 37.0975, "Hraytan")
    assert strike.fatalities == 5
    assert [s.outlet for s in strike.sources] == ["Step News Agency", "Syrian Civil Defense"]
    week = incidents["SYR20452"]  # time_precision 2, geo_precision 2
    assert (week.type, week.time_precision, week.geo_precision) == ("shelling", "week", "near")
    assert week.end - week.start == dt.timedelta(days=7)
    month = incidents["SYR20533"]  # time_precision 3, geo_precision 3
    assert (month.type, month.time_precision, month.geo_precision) == ("protest", "month", "region")
    assert month.end == dt.datetime(2016, 3, 1, tzinfo=TZ)
    assert incidents["SYR20417"].type == "clashes"
    assert incidents["SYR20481"].type == "territorial change"
    assert "Hezbollah" in incidents["SYR20440"].actors and "Rebel Groups (Syria)" in incidents["SYR20440"].actors
    assert event_type("Explosions/Remote violence", "Remote explosive/landmine/IED") == "explosion"


def test_acled_file_builds_a_map() -> None:
    doc = build_map(ACLED, timezone="Asia/Damascus")
    assert doc.incident_count == 11
    assert "SYR20463" in doc.html and "TUR8841" in doc.html
    assert "\"airstrike\"" in doc.html and "\"shelling\"" in doc.html


@pytest.mark.parametrize("suffix", [".csv", ".geojson"])
def test_acled_round_trips_through_export(tmp_path: Path, suffix: str) -> None:
    original = _read(ACLED)
    out = tmp_path / f"export{suffix}"
    text = incidents_csv(original, TZ) if suffix == ".csv" else features_geojson(original, [], TZ)
    out.write_text(text, encoding="utf-8")
    again = _read(out)
    assert again == original  # Incident equality ignores origin
    assert [i.origin.file for i in again] == [str(out)] * len(original)

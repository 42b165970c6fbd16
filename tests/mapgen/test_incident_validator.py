"""The CSV fast path (IncidentValidator) gives exactly what incident_from_record gives: the same
incident, or the same error message, for any row of text cells."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from mapgen.errors import InputError
from mapgen.model import IncidentValidator, Origin, Source, incident_from_record

TZ = ZoneInfo("Asia/Damascus")
FIELDS = IncidentValidator.FIELDS
VALUES = {
    "id": ["ev1", "", " ev2 ", "bad id", "-x", "a" * 130],
    "date": ["2016-02-04", "2016-02-04T10:00:00+02:00", "2016-02-04 23:34", "", "2016-02-30", "04/02/2016", " "],
    "end": ["", "", "2016-02-06", "2016-02-04T12:00:00+02:00", "2016-02-01", "soon"],
    "time_precision": ["", "day", "week", "month", "exact", " Day ", "hourly", " "],
    "type": ["airstrike", " Shelling ", "CLASHES", "", " "],
    "place": ["Azaz", " Tell Rifaat ", "Azaz", "", " "],
    "lat": ["", "36.5", " 36 ", "-90", "90.01", "nan", "inf", "1_0", "x"],
    "lon": ["", "37.0", "180", "-180.5", "1e3", "x"],
    "geo_precision": ["", "near", " Region ", "close", " "],
    "actors": ["", "Russia;Government", "A|B", " ; ", "YPG"],
    "title": ["", " Strike ", "=1+1", " "],
    "description": ["", "line\nline", " "],
    "fatalities": ["", "0", " 3 ", "-1", "2.5", "²", "٣", "many", " "],
    "sources": ["", (Source("SOHR", "https://www.syriahr.com/en/1"),), ()],
    "review": ["", True, False],
}


# the first three values of each field (mostly) pass; the test corrupts up to two fields
rows = st.fixed_dictionaries({name: st.sampled_from(values[:3]) for name, values in VALUES.items()})


@st.composite
def mangled_rows(draw: st.DrawFn) -> dict:
    row = dict(draw(rows))
    for name in draw(st.lists(st.sampled_from(FIELDS), max_size=2)):
        row[name] = draw(st.sampled_from(VALUES[name]))
    return row


@settings(max_examples=400, deadline=None)
@given(mangled_rows(), st.permutations(list(FIELDS)))
def test_fast_path_matches_the_reference(row: dict, order: list) -> None:
    origin = Origin("rows.csv", 7)
    validator = IncidentValidator(TZ, order)
    record = {name: value for name, value in row.items() if value != ""}
    try:
        expected = incident_from_record(record, origin, TZ)
    except InputError as exc:
        expected = str(exc)
    for _ in range(2):  # the second time from the validator's memo
        try:
            got = validator.incident([row[name] for name in order], origin)
        except InputError as exc:
            got = str(exc)
        assert got == expected
        if not isinstance(got, str):
            assert got.origin == origin and repr(got) == repr(expected)

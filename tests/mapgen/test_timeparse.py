"""Dates become aware datetimes in the map's zone; a date alone is the whole day there."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from mapgen.timeparse import get_zone, parse_span

DAMASCUS = get_zone("Asia/Damascus")


def test_gmt_entry_late_at_night_is_next_day_in_damascus() -> None:
    span, precision = parse_span("2016-02-04T23:34Z", tz=DAMASCUS)
    assert precision == "exact"
    assert span.start.astimezone(DAMASCUS).date() == dt.date(2016, 2, 5)
    assert span.start.utcoffset() == dt.timedelta(hours=2)


def test_date_alone_covers_the_day() -> None:
    span, precision = parse_span("2016-02-03", tz=DAMASCUS)
    assert precision == "day"
    assert span.start == dt.datetime(2016, 2, 3, tzinfo=DAMASCUS)
    assert span.end == dt.datetime(2016, 2, 4, tzinfo=DAMASCUS)


def test_inclusive_end_date_and_week_and_month() -> None:
    span, _ = parse_span(start="2016-02-01", end="2016-02-03", tz=DAMASCUS)
    assert span.end == dt.datetime(2016, 2, 4, tzinfo=DAMASCUS)
    week, precision = parse_span("2016-02-04", precision="week", tz=DAMASCUS)
    assert precision == "week" and week.end.date() - week.start.date() == dt.timedelta(days=7)
    month, _ = parse_span("2016-12-15", precision="month", tz=DAMASCUS)
    assert month.start.day == 1 and month.end == dt.datetime(2017, 1, 1, tzinfo=DAMASCUS)


def test_day_across_daylight_saving_change_is_23_hours() -> None:
    berlin = get_zone("Europe/Berlin")
    span, _ = parse_span("2016-03-27", tz=berlin)
    assert span.end.timestamp() - span.start.timestamp() == 23 * 3600


@pytest.mark.parametrize("bad", ["2016-13-01", "yesterday", "", "2016-02-30", "04/02/2016"])
def test_bad_dates_raise_value_error(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_span(bad, tz=DAMASCUS)


def test_end_before_start_is_rejected() -> None:
    with pytest.raises(ValueError, match="end is before start"):
        parse_span(start="2016-02-03", end="2016-02-01", tz=DAMASCUS)


@given(st.text(max_size=30))
def test_any_text_either_parses_or_raises_value_error(text: str) -> None:
    try:
        span, _ = parse_span(text, tz=DAMASCUS)
    except ValueError:
        return
    assert span.start.tzinfo is not None and span.end >= span.start

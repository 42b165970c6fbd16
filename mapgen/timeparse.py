"""Turn the date values found in sources into aware datetime ranges in the map's time zone."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

TIME_PRECISIONS = ("exact", "day", "week", "month")
#: The years a map can show: the model's date arithmetic (a day, a month after a date) and the
#: page's slider hold them all, with room for any time zone.
MIN_YEAR, MAX_YEAR = 1000, 2999


@dataclass(frozen=True)
class TimeSpan:
    """A half-open interval ``[start, end)`` of aware datetimes."""

    start: dt.datetime
    end: dt.datetime


def get_zone(name: str) -> ZoneInfo:
    """Return the IANA time zone ``name``; raise ``ValueError`` naming it when unknown."""
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise ValueError(f"unknown time zone {str(name)[:40]!r} (use an IANA name such as Asia/Damascus)") from None


def parse_instant(value: object, tz: ZoneInfo) -> tuple[dt.datetime, bool]:
    """Parse a date or datetime value.

    Returns ``(datetime, is_date_only)``. A date alone is midnight at the start of that day in
    ``tz``; a datetime without an offset is read in ``tz``; one with an offset keeps its instant.
    """
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, dt.date):
        _check_year(value, value)
        return dt.datetime(value.year, value.month, value.day, tzinfo=tz), True
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            raise ValueError("empty date")
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        if len(text) == 10:
            try:
                day = dt.date.fromisoformat(text)
            except ValueError:
                raise ValueError(f"not an ISO 8601 date: {value[:40]!r}") from None
            _check_year(day, value)
            return dt.datetime(day.year, day.month, day.day, tzinfo=tz), True
        try:
            parsed = dt.datetime.fromisoformat(text.replace(" ", "T", 1))
        except ValueError:
            raise ValueError(f"not an ISO 8601 date or datetime: {value[:40]!r}") from None
    else:
        raise ValueError(f"not a date: {str(value)[:40]!r}")
    _check_year(parsed, value)
    if parsed.tzinfo is None:
        # through UTC: a wall time that does not exist (skipped by a clock change) becomes the
        # instant it names, written as the zone writes it, so writing and reading it agree
        parsed = parsed.replace(tzinfo=tz).astimezone(dt.timezone.utc)
    return parsed.astimezone(tz), False


def _check_year(moment: dt.date, value: object) -> None:
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise ValueError(f"{str(value)[:40]!r} is outside the years {MIN_YEAR}-{MAX_YEAR} a map can show")


def day_start(moment: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    """Midnight at the start of the calendar day of ``moment`` in ``tz``."""
    local = moment.astimezone(tz)
    return dt.datetime(local.year, local.month, local.day, tzinfo=tz)


def next_day(start: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    """Midnight of the calendar day after ``start`` (correct across daylight-saving changes)."""
    local = start.astimezone(tz).date() + dt.timedelta(days=1)
    return dt.datetime(local.year, local.month, local.day, tzinfo=tz)


def precision_span(start: dt.datetime, precision: str, tz: ZoneInfo) -> dt.datetime:
    """End of the period that a value of the given precision stands for."""
    if precision == "exact":
        return start
    first = day_start(start, tz)
    if precision == "day":
        return next_day(first, tz)
    if precision == "week":
        local = first.date() + dt.timedelta(days=7)
        return dt.datetime(local.year, local.month, local.day, tzinfo=tz)
    if precision == "month":
        year, month = (first.year + 1, 1) if first.month == 12 else (first.year, first.month + 1)
        return dt.datetime(year, month, 1, tzinfo=tz)
    raise ValueError(f"unknown time precision {precision!r} (one of {', '.join(TIME_PRECISIONS)})")


def parse_span(
    date: object = None,
    *,
    start: object = None,
    end: object = None,
    precision: str | None = None,
    tz: ZoneInfo,
) -> tuple[TimeSpan, str]:
    """Build the interval an incident covers from ``date`` or ``start``/``end``.

    Returns the span and the effective time precision: ``exact`` for a datetime, ``day`` for a
    date alone, unless ``precision`` says otherwise. An inclusive end date covers its whole day.
    Raises ``ValueError`` with a message suitable for an input error.
    """
    if date is not None and start is not None:
        raise ValueError("give either date or start/end, not both")
    first_value = date if date is not None else start
    if first_value is None:
        raise ValueError("missing (give date, or start and end)")
    begin, date_only = parse_instant(first_value, tz)
    effective = precision or ("day" if date_only else "exact")
    if effective not in TIME_PRECISIONS:
        raise ValueError(f"unknown time precision {effective!r} (one of {', '.join(TIME_PRECISIONS)})")
    if effective != "exact":
        begin = day_start(begin, tz)
    if effective == "month":  # "some time in February" is the whole month
        begin = begin.replace(day=1)
    if end is not None:
        finish, end_date_only = parse_instant(end, tz)
        if end_date_only:
            finish = next_day(finish, tz)
        if finish < begin:
            raise ValueError("end is before start")
    else:
        finish = precision_span(begin, effective, tz)
    return TimeSpan(begin, finish), effective


_TIME_DIRECTIVES = ("%H", "%I", "%M", "%S", "%p", "%X", "%c", "%T", "%R", "%f", "%z")


@lru_cache(maxsize=65536)
def reformat_date(value: str, fmt: str) -> str | None:
    """``value`` written with the strptime format ``fmt`` as ISO 8601 (a date when ``fmt`` has
    no time of day, else a datetime); None when it does not match. ``"08/21/13 12:00 AM"`` with
    ``"%m/%d/%y %I:%M %p"`` is ``"2013-08-21T00:00:00"``."""
    try:
        parsed = dt.datetime.strptime(value.strip(), fmt)
    except ValueError:
        return None
    if any(code in fmt for code in _TIME_DIRECTIVES):
        return parsed.isoformat()
    return parsed.date().isoformat()

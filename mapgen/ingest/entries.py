"""Split a report into its timestamped entries (live-blog posts), each with the instant it states."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

MONTHS = {name: n for n, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = r"(?:(?:,|\s+at|\s*-)?\s*(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\s*(?P<ampm>[ap]\.?m\.?))?)?"
_ZONE = r"(?:\s*\(?(?P<zone>GMT|UTC|Z|[+-]\d{2}:?\d{2})\)?)?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"

#: Patterns a line must match in full to open an entry.
STAMP_PATTERNS = [
    # Feb 04, 2016 19:14 (GMT) / February 4, 2016 / February 4, 2016 at 7:14 pm
    re.compile(r"^" + _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME + _ZONE + r"$", re.I),
    # 4 February 2016 / 4 Feb 2016 19:14 GMT
    re.compile(r"^" + _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME + _ZONE + r"$", re.I),
    # 2016-02-04 18:38:52 / 2016-02-04T18:38:52+02:00 / 2016-02-04
    re.compile(r"^(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})(?:[ T](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?)?" + _ZONE + r"$", re.I),
]


@dataclass(frozen=True)
class Stamp:
    """A timestamp line as written and the instant it stands for."""

    text: str
    moment: dt.datetime   # aware
    precision: str        # "exact" when a time of day is given, else "day"
    line: int             # 1-based line number in the cleaned text


@dataclass
class Entry:
    """One entry of a report: its stamp (None for text before the first stamp) and its lines."""

    stamp: Stamp | None
    lines: list[tuple[int, str]]

    @property
    def text(self) -> str:
        return "\n".join(line for _, line in self.lines)

    @property
    def moment(self) -> dt.datetime | None:
        return self.stamp.moment if self.stamp else None


def parse_stamp(line: str, tz: ZoneInfo, number: int = 0) -> Stamp | None:
    """The stamp a line holds when the whole line is a date or date-time; otherwise None."""
    text = " ".join(line.split())
    if not text or len(text) > 48 or not any(ch.isdigit() for ch in text):
        return None
    for pattern in STAMP_PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        parts = match.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else MONTHS[parts["month"].lower()]
        try:
            day = dt.date(int(parts["year"]), month, int(parts["day"]))
        except ValueError:
            return None
        if parts.get("hour") is None:
            return Stamp(text, dt.datetime(day.year, day.month, day.day, tzinfo=tz), "day", number)
        hour, minute = int(parts["hour"]), int(parts["minute"])
        ampm = (parts.get("ampm") or "").replace(".", "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            return None
        zone = _zone(parts.get("zone"), tz)
        moment = dt.datetime(day.year, day.month, day.day, hour, minute, int(parts.get("second") or 0),
                             tzinfo=zone)
        return Stamp(text, moment, "exact", number)
    return None


def _zone(text: str | None, default: ZoneInfo) -> dt.tzinfo:
    if not text:
        return default
    upper = text.upper()
    if upper in ("GMT", "UTC", "Z"):
        return dt.timezone.utc
    sign = -1 if upper[0] == "-" else 1
    digits = upper[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def split_entries(text: str, tz: ZoneInfo) -> list[Entry]:
    """Cut ``text`` at every stamp line; text before the first stamp is an entry without one."""
    entries = [Entry(None, [])]
    for number, line in enumerate(text.split("\n"), start=1):
        stamp = parse_stamp(line, tz, number)
        if stamp is not None:
            entries.append(Entry(stamp, []))
        else:
            entries[-1].lines.append((number, line))
    if not entries[0].lines or not entries[0].text.strip():
        if len(entries) > 1:
            entries.pop(0)
    return entries

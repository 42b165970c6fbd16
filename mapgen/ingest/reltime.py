"""Resolve the time phrases of a sentence ("last night", "on Tuesday", "earlier this week",
"on 25 February") against the time of the entry that holds it."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from mapgen.ingest.entries import MONTHS

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1}


@dataclass(frozen=True)
class When:
    """A resolved time phrase: the first day it covers and its precision (day, week, month)."""

    day: dt.date
    precision: str
    phrase: str


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:last|on \w+) night\b", re.I), "last_night"),
    (re.compile(r"\byesterday\b", re.I), "yesterday"),
    (re.compile(r"\b(?:the )?day before yesterday\b", re.I), "before_yesterday"),
    (re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|overnight|earlier today)\b", re.I), "today"),
    (re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|a) days? ago\b", re.I), "days_ago"),
    (re.compile(r"\b(?:earlier )?this week\b", re.I), "this_week"),
    (re.compile(r"\blast week\b", re.I), "last_week"),
    (re.compile(r"\b(?:earlier )?this month\b", re.I), "this_month"),
    (re.compile(r"\blast month\b", re.I), "last_month"),
    (re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>" + _MONTH_NAMES + r")\b(?!\s+\d{4})", re.I), "day_month"),
    (re.compile(r"\b(?P<month>" + _MONTH_NAMES + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+\d{4})", re.I), "day_month"),
    (re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>" + _MONTH_NAMES + r")\s+(?P<year>\d{4})\b", re.I), "full_date"),
    (re.compile(r"\b(?P<month>" + _MONTH_NAMES + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I), "full_date"),
    (re.compile(r"\b(?P<next>next |last |this )?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I), "weekday"),
]


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve_phrase(kind: str, match: re.Match[str], base: dt.date) -> When | None:
    """The day a phrase stands for, relative to the entry's day ``base``."""
    phrase = " ".join(match.group(0).split())
    if kind == "last_night":
        return When(base - dt.timedelta(days=1), "day", phrase)
    if kind == "yesterday":
        return When(base - dt.timedelta(days=1), "day", phrase)
    if kind == "before_yesterday":
        return When(base - dt.timedelta(days=2), "day", phrase)
    if kind == "today":
        return When(base, "day", phrase)
    if kind == "days_ago":
        raw = match.group("n").lower()
        n = int(raw) if raw.isdigit() else _NUMBERS[raw]
        return When(base - dt.timedelta(days=n), "day", phrase)
    if kind == "this_week":
        return When(_monday(base), "week", phrase)
    if kind == "last_week":
        return When(_monday(base) - dt.timedelta(days=7), "week", phrase)
    if kind == "this_month":
        return When(base.replace(day=1), "month", phrase)
    if kind == "last_month":
        first = base.replace(day=1) - dt.timedelta(days=1)
        return When(first.replace(day=1), "month", phrase)
    if kind in ("day_month", "full_date"):
        month, day = MONTHS[match.group("month").lower()], int(match.group("day"))
        if kind == "full_date":
            found = _date(int(match.group("year")), month, day)
        else:
            # a date without a year is the nearest such date, looking back at most ~10 months
            found = _date(base.year, month, day)
            if found is not None and (found - base).days > 60:
                found = _date(base.year - 1, month, day)
        return When(found, "day", phrase) if found else None
    if kind == "weekday":
        target = WEEKDAYS[match.group("weekday").lower()]
        which = (match.group("next") or "").strip().lower()
        if which == "next":
            ahead = (target - base.weekday()) % 7 or 7
            return When(base + dt.timedelta(days=ahead), "day", phrase)
        back = (base.weekday() - target) % 7
        if which == "last" and back == 0:
            back = 7
        return When(base - dt.timedelta(days=back), "day", phrase)
    return None


@lru_cache(maxsize=64)   # a sentence naming many places is read once
def _phrases(sentence: str, base: dt.date) -> tuple[tuple[int, int, When], ...]:
    found: list[tuple[int, int, When]] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _RULES:
        for match in pattern.finditer(sentence):
            span = match.span()
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            when = resolve_phrase(kind, match, base)
            taken.append(span)
            if when is not None:
                found.append((span[0], span[1], when))
    return tuple(found)


def find_when(sentence: str, base: dt.date, at: int | None = None) -> When | None:
    """The time phrase of ``sentence`` resolved against ``base``: the first one in reading order,
    or, given the position ``at`` of a place name, the one nearest to it ("a market in A
    yesterday and a bakery in B this morning": A yesterday, B today)."""
    found = _phrases(sentence, base)
    if not found:
        return None
    if at is None:
        return min(found, key=lambda f: f[0])[2]

    def distance(item: tuple[int, int, When]) -> float:
        start, end, _ = item
        # a phrase after the name ("hit A yesterday") binds a little closer than one before it
        return (start - at) if start >= at else 1.5 * (at - end)

    return min(found, key=distance)[2]

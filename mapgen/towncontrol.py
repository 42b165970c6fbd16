"""Town-level control claims ("faction F holds town T from day A to day B"), validated once.

A :class:`TownControl` row comes from ``zones/control.csv``; its place name gets coordinates
when places are resolved (:mod:`mapgen.resolve`), and :mod:`mapgen.control_zones` turns the
rows into dated :class:`~mapgen.model.ControlZone` polygons.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence
from zoneinfo import ZoneInfo

from mapgen.errors import InputError, excerpt
from mapgen.geodesy import great_circle_km
from mapgen.model import ZONE_STATUSES, Origin, Source, parse_sources
from mapgen.timeparse import next_day, parse_instant


@dataclass(frozen=True)
class TownControl:
    """Who holds one town during ``[valid_from, valid_to)``; ``valid_to`` None is open-ended.

    ``lat``/``lon`` and ``country`` are filled in by place resolution (or given in the file).
    """

    place: str
    faction: str
    valid_from: dt.datetime
    valid_to: dt.datetime | None
    status: str = "assessed"
    sources: tuple[Source, ...] = ()
    lat: float | None = None
    lon: float | None = None
    country: str = ""
    origin: Origin = field(default=Origin(""), compare=False)

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None

    def active_at(self, moment: dt.datetime) -> bool:
        return self.valid_from <= moment and (self.valid_to is None or moment < self.valid_to)


def _day(value: Any, origin: Origin, name: str, tz: ZoneInfo) -> tuple[dt.datetime, bool]:
    try:
        return parse_instant(value, tz)
    except ValueError as exc:
        raise origin.error(name, str(exc)) from None


def control_from_record(record: Mapping[str, Any], origin: Origin, tz: ZoneInfo,
                        sources: Sequence[Source] | None = None) -> TownControl:
    """Validate one control row: ``place, faction, from, to, status`` (and optional ``lat, lon``).

    ``to`` is the last day held (a date) or the instant control ended (a datetime); empty is
    open-ended. ``sources`` are passed already parsed.
    """
    place = str(record.get("place") or "").strip()
    if not place:
        raise origin.error("place", "missing")
    faction = str(record.get("faction") or "").strip()
    if not faction:
        raise origin.error("faction", "missing")
    if record.get("from") in (None, ""):
        raise origin.error("from", "missing")
    start, _ = _day(record["from"], origin, "from", tz)
    end = None
    if record.get("to") not in (None, ""):
        end, date_only = _day(record["to"], origin, "to", tz)
        if date_only:  # the last day held
            end = next_day(end, tz)
        if end <= start:
            raise origin.error("to", "is before from")
    status = str(record.get("status") or "assessed").strip().lower()
    if status not in ZONE_STATUSES:
        raise origin.error("status", f"{excerpt(status)} is not one of {', '.join(ZONE_STATUSES)}")
    lat = lon = None
    has_lat, has_lon = record.get("lat") not in (None, ""), record.get("lon") not in (None, "")
    if has_lat or has_lon:
        if not (has_lat and has_lon):
            raise origin.error("lon" if has_lat else "lat", "missing (give both lat and lon)")
        lat = _coordinate(record["lat"], origin, "lat", 90)
        lon = _coordinate(record["lon"], origin, "lon", 180)
    country = str(record.get("country") or "").strip().upper()
    found = tuple(sources) if sources is not None else parse_sources(record.get("sources"), origin, tz)
    return TownControl(place=place, faction=faction, valid_from=start, valid_to=end, status=status,
                       sources=found, lat=lat, lon=lon, country=country, origin=origin)


def _coordinate(value: Any, origin: Origin, name: str, limit: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise origin.error(name, f"not a number: {excerpt(value)}") from None
    if not -limit <= number <= limit:  # also false for NaN
        raise origin.error(name, f"{excerpt(value)} is outside {-limit:g}..{limit:g}")
    return number


#: rows of one name further apart than this are different towns (Syria has six Ayn al-Bayda)
SAME_NAME_KM = 2.0
#: rows of different names are one place only when they lie this close (two spellings, one spot)
SAME_SPOT_KM = 0.05


def folded_name(name: str) -> str:
    """A town's name compared without case or spacing differences."""
    return " ".join(name.casefold().split())


def same_place(a: TownControl, b: TownControl) -> bool:
    """Whether two control rows speak of one town.

    Rows are towns, not strings: one name with coordinates more than ``SAME_NAME_KM`` apart is
    two towns; two names are one town only at (nearly) the same spot. A row not yet located
    is the same place as a row of the same name (both will resolve alike).
    """
    same_name = folded_name(a.place) == folded_name(b.place)
    if not (a.located and b.located):
        return same_name
    distance = great_circle_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
    return distance <= (SAME_NAME_KM if same_name else SAME_SPOT_KM)


def check_overlaps(rows: Sequence[TownControl], errors: list[InputError]) -> None:
    """A town held by two rows at once is an input error naming both lines.

    Checked as the file is read for rows that are surely one town (the same name, both placed
    by the gazetteer, or both given coordinates close together); rows told apart only by their
    resolved places are checked once places are known (``control_zones.check_place_overlaps``).
    """
    by_place: dict[str, list[TownControl]] = {}
    for row in rows:
        by_place.setdefault(folded_name(row.place), []).append(row)
    for items in by_place.values():
        items.sort(key=lambda r: r.valid_from)
        for n, after in enumerate(items):
            for before in items[:n]:
                if before.located != after.located or not same_place(before, after):
                    continue
                if before.valid_to is None or after.valid_from < before.valid_to:
                    errors.append(after.origin.error(
                        "from", f"{after.place!r} is already held by {before.faction!r} then "
                                f"(line {before.origin.record}); end that row's 'to' first"))
                    break

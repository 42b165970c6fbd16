"""The validated data model: incidents, sources and control zones, checked once at the boundary.

Every reader hands raw records (mappings) to :func:`incident_from_record` and
:func:`zone_from_record`; what comes out is trusted downstream. Coordinates are stored as
``lat``/``lon`` attributes; geometry is a shapely object in (x=lon, y=lat) order, EPSG:4326.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Mapping  # typing.Mapping's isinstance is ~10x slower per record
from dataclasses import MISSING, dataclass, field, fields
from functools import lru_cache
from operator import attrgetter
from typing import Any, Sequence
from zoneinfo import ZoneInfo

from mapgen.errors import InputError, excerpt
from mapgen.timeparse import next_day, parse_instant, parse_span

GEO_PRECISIONS = ("exact", "near", "region")
MAX_FATALITIES = 2**31 - 1  # the page keeps counts in 32-bit integers
ZONE_STATUSES = ("assessed", "claimed", "contested")
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")
_URL_RE = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)


def _slot_init(cls: type) -> type:
    """Give a frozen, slotted dataclass an ``__init__`` that fills each slot through its
    descriptor.

    The generated one calls ``object.__setattr__`` once per field (a frozen class forbids plain
    assignment), which looks the attribute up each time: for an incident's sixteen fields that
    is half the cost of making one, and a build makes one per incident. Same parameters,
    defaults and resulting object (the model tests compare them).
    """
    params, lines = [], []
    namespace: dict[str, Any] = {}
    for item in fields(cls):
        if item.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{item.name}: default factories are not supported here")
        if item.default is MISSING:
            params.append(item.name)
        else:
            namespace[f"_default_{item.name}"] = item.default
            params.append(f"{item.name}=_default_{item.name}")
        namespace[f"_set_{item.name}"] = cls.__dict__[item.name].__set__  # the slot's descriptor
        lines.append(f"    _set_{item.name}(self, {item.name})\n")
    exec(f"def __init__(self, {', '.join(params)}):\n{''.join(lines)}", namespace)  # noqa: S102 - as dataclasses does
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = f"Make a {cls.__name__} (fields as the class lists them)."
    cls.__init__ = init  # type: ignore[misc]
    # pickled (the build cache) as the class and its field values: dataclasses' own state of a
    # slotted class lists the fields anew for every object, which made pickling the slowest step
    values = attrgetter(*(item.name for item in fields(cls)))

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, values(self)

    __reduce__.__qualname__ = f"{cls.__qualname__}.__reduce__"
    cls.__reduce__ = __reduce__  # type: ignore[assignment]
    return cls


@dataclass(frozen=True)
class Origin:
    """Where a record came from: file and record (line number, or index where lines are unknown)."""

    file: str
    record: int | str | None = None

    def error(self, field_name: str | None, message: str) -> InputError:
        return InputError(message, file=self.file, record=self.record, field=field_name, row=True)


@_slot_init
@dataclass(frozen=True, slots=True)
class Source:
    """One report an incident or zone rests on."""

    outlet: str
    url: str | None = None
    published: dt.datetime | None = None


@_slot_init
@dataclass(frozen=True, slots=True)
class Incident:
    """A dated, typed, sourced event at a place."""

    id: str
    start: dt.datetime
    end: dt.datetime
    time_precision: str
    type: str
    place: str | None
    lat: float | None
    lon: float | None
    geo_precision: str
    actors: tuple[str, ...] = ()
    title: str = ""
    description: str = ""
    fatalities: int | None = None
    sources: tuple[Source, ...] = ()
    review: bool = False
    origin: Origin = field(default=Origin(""), compare=False)

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class HeldTown:
    """A town inside a zone derived from town control: held since ``since``, on these sources."""

    place: str
    since: dt.datetime
    sources: tuple[Source, ...] = ()
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class ControlZone:
    """Who holds an area during a validity interval ``[valid_from, valid_to)`` (open when None).

    ``towns`` lists the towns a zone derived from town control holds (empty for drawn zones).
    """

    id: str
    faction: str
    geometry: Any  # shapely Polygon or MultiPolygon, (lon, lat)
    valid_from: dt.datetime
    valid_to: dt.datetime | None
    status: str = "assessed"
    sources: tuple[Source, ...] = ()
    origin: Origin = field(default=Origin(""), compare=False)
    towns: tuple[HeldTown, ...] = field(default=(), compare=False)  # derived, for the popup


# ---------------------------------------------------------------------------------------------
# field checks shared by incidents and zones

def _text(record: Mapping[str, Any], name: str, origin: Origin, *, required: bool = False) -> str:
    value = record.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise origin.error(name, "missing")
        return ""
    if isinstance(value, (dict, list)):
        raise origin.error(name, "must be text")
    return str(value).strip()


def _number(value: Any, name: str, origin: Origin, low: float, high: float) -> float:
    if isinstance(value, bool):
        raise origin.error(name, f"not a number: {excerpt(value)}")
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise origin.error(name, f"not a number: {excerpt(value)}") from None
    if not math.isfinite(number) or not low <= number <= high:
        raise origin.error(name, f"{excerpt(value)} is outside {low:g}..{high:g}")
    return number


def check_url(url: Any, origin: Origin, field_name: str = "sources") -> str:
    """Return ``url`` if it is an http(s) link; raise an input error otherwise."""
    text = str(url).strip()
    if not _URL_RE.match(text):
        raise origin.error(field_name, f"not an http(s) URL: {text[:80]!r}")
    return text


def parse_sources(value: Any, origin: Origin, tz: ZoneInfo, field_name: str = "sources") -> tuple[Source, ...]:
    """Sources as a list of mappings (outlet, url, published), strings (outlet), or one mapping."""
    if value is None or value == "":
        return ()
    if type(value) is tuple and all(type(item) is Source for item in value):
        return value  # already validated (readers cache parsed source cells)
    items = value if isinstance(value, list) else [value]
    sources = []
    for number, item in enumerate(items, start=1):
        where = f"{field_name}[{number}]"
        if isinstance(item, Source):  # already validated (readers cache parsed source cells)
            sources.append(item)
            continue
        if isinstance(item, str):
            item = {"url": item} if _URL_RE.match(item.strip()) else {"outlet": item}
        if not isinstance(item, Mapping):
            raise origin.error(where, "must be an outlet name or a mapping with outlet and url")
        outlet = str(item.get("outlet") or "").strip()
        url = item.get("url")
        url = check_url(url, origin, f"{where}.url") if url not in (None, "") else None
        if not outlet and url:
            outlet = re.sub(r"^https?://(www\.)?", "", url, flags=re.IGNORECASE).split("/")[0]
        if not outlet:
            raise origin.error(where, "needs an outlet or a url")
        published = None
        if item.get("published") not in (None, ""):
            try:
                published, _ = parse_instant(item["published"], tz)
            except ValueError as exc:
                raise origin.error(f"{where}.published", str(exc)) from None
        sources.append(Source(outlet=outlet, url=url, published=published))
    return tuple(sources)


def _actors(value: Any, origin: Origin) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        parts = [p.strip() for p in re.split(r"[;|]", value)]
    elif isinstance(value, list):
        parts = [str(p).strip() for p in value if not isinstance(p, (dict, list))]
        if len(parts) != len(value):
            raise origin.error("actors", "must be a list of names")
    else:
        raise origin.error("actors", "must be a name or a list of names")
    return tuple(p for p in parts if p)


def stable_id(*parts: object) -> str:
    """A short id derived from content, for records that bring none (same input, same id)."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return "e" + digest[:10]


def _check_id(value: Any, origin: Origin) -> str:
    text = str(value).strip()
    if not _ID_RE.match(text):
        raise origin.error("id", f"{text[:40]!r} is not a valid id (letters, digits, . _ : -)")
    return text


# ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=16384)
def _cached_span(date: Any, start: Any, end: Any, precision: str | None, tz: ZoneInfo) -> Any:
    return parse_span(date, start=start, end=end, precision=precision, tz=tz)


def _span(date: Any, start: Any, end: Any, precision: str | None, tz: ZoneInfo) -> Any:
    """:func:`parse_span`, cached for text values: feeds repeat the same dates many times."""
    if all(v is None or type(v) is str for v in (date, start, end)):
        return _cached_span(date, start, end, precision, tz)
    return parse_span(date, start=start, end=end, precision=precision, tz=tz)


def incident_from_record(record: Mapping[str, Any], origin: Origin, tz: ZoneInfo) -> Incident:
    """Validate one raw incident record; raise :class:`InputError` naming the bad field."""
    if not isinstance(record, Mapping):
        raise origin.error(None, "an incident must be a mapping of fields")
    precision = _text(record, "time_precision", origin) or None
    try:
        span, precision = _span(record.get("date"), record.get("start"), record.get("end"), precision, tz)
    except ValueError as exc:
        bad = "date" if record.get("start") is None else "start/end"
        if "precision" in str(exc):
            bad = "time_precision"
        raise origin.error(bad, str(exc)) from None

    kind = _text(record, "type", origin, required=True).lower()
    place = _text(record, "place", origin) or None
    lat = lon = None
    has_lat, has_lon = record.get("lat") not in (None, ""), record.get("lon") not in (None, "")
    if has_lat or has_lon:
        if not (has_lat and has_lon):
            raise origin.error("lon" if has_lat else "lat", "missing (give both lat and lon)")
        lat = _number(record["lat"], "lat", origin, -90, 90)
        lon = _number(record["lon"], "lon", origin, -180, 180)
    elif place is None:
        raise origin.error("place", "missing (give place, or lat and lon)")

    geo = (_text(record, "geo_precision", origin) or "exact").lower()
    if geo not in GEO_PRECISIONS:
        raise origin.error("geo_precision", f"{excerpt(geo)} is not one of {', '.join(GEO_PRECISIONS)}")

    fatalities = None
    if record.get("fatalities") not in (None, ""):
        value = record["fatalities"]
        text = str(value).strip()
        if isinstance(value, bool) or not text.isdecimal():
            raise origin.error("fatalities", f"not a whole number >= 0: {excerpt(value)}")
        if len(text) > 10 or int(text) > MAX_FATALITIES:
            raise origin.error("fatalities", f"{excerpt(text)} is outside 0..{MAX_FATALITIES} (the most a map holds)")
        fatalities = int(text)

    title = _text(record, "title", origin)
    raw_id = record.get("id")
    ident = (_check_id(raw_id, origin) if raw_id not in (None, "")
             else stable_id(span.start.isoformat(), place or f"{lat},{lon}", kind, title))
    review = record.get("review", False)
    if not isinstance(review, bool):
        raise origin.error("review", "must be true or false")
    return Incident(
        id=ident, start=span.start, end=span.end, time_precision=precision, type=kind,
        place=place, lat=lat, lon=lon, geo_precision=geo,
        actors=_actors(record.get("actors"), origin), title=title,
        description=_text(record, "description", origin), fatalities=fatalities,
        sources=parse_sources(record.get("sources"), origin, tz), review=review, origin=origin,
    )


class IncidentValidator:
    """:func:`incident_from_record` for many rows of text cells (CSV), with the same results.

    Feeds repeat dates, types, places, actors and fatality counts thousands of times, so each
    distinct value is checked once and remembered. Anything unusual (a missing or bad field, a
    ``start`` column) goes through :func:`incident_from_record` itself, so errors are word for
    word the same. Cells are text, except that ``sources`` may hold an already parsed tuple of
    :class:`Source` and ``review`` a bool; an empty cell counts as absent.

    Parameters
    ----------
    tz : ZoneInfo
        The map's time zone.
    names : sequence of str
        The model field each cell holds, in order ("" for a column to ignore).
    """

    MEMO_LIMIT = 65536  # distinct values remembered per field
    FIELDS = ("id", "date", "end", "time_precision", "type", "place", "lat", "lon", "geo_precision",
              "actors", "title", "description", "fatalities", "sources", "review")

    def __init__(self, tz: ZoneInfo, names: Sequence[str]) -> None:
        self.tz = tz
        self.names = list(names)
        self._slow = "start" in self.names
        # a field without a column reads the "" that incident() appends to every row
        self._index = [self.names.index(f) if f in self.names else -1 for f in self.FIELDS]
        self._spans: dict[tuple[str, str, str], tuple[dt.datetime, dt.datetime, str]] = {}
        self._types: dict[str, str] = {}
        self._places: dict[str, str | None] = {}
        self._geo: dict[str, str] = {}
        self._actors: dict[str, tuple[str, ...]] = {}
        self._fatalities: dict[str, int] = {}

    def incident(self, cells: list[Any], origin: Origin) -> Incident:
        """Validate one row (``cells`` gains a trailing ""); raise :class:`InputError` exactly
        as incident_from_record does."""
        cells.append("")
        try:
            if self._slow:
                raise _Fallback
            return self._fast(cells, origin)
        except (_Fallback, InputError, ValueError, TypeError, AttributeError):
            record = {n: v for n, v in zip(self.names, cells) if n and v != ""}
            return incident_from_record(record, origin, self.tz)

    def _fast(self, cells: list[Any], origin: Origin) -> Incident:  # noqa: C901 - one straight pass
        (i_id, i_date, i_end, i_precision, i_type, i_place, i_lat, i_lon, i_geo, i_actors, i_title,
         i_description, i_fatalities, i_sources, i_review) = self._index
        date, end, raw_precision = cells[i_date], cells[i_end], cells[i_precision]
        key = (date, end, raw_precision)
        found = self._spans.get(key)
        if found is None:
            if not date:
                raise _Fallback
            span, effective = parse_span(date, end=end or None, precision=raw_precision.strip() or None,
                                         tz=self.tz)
            found = (span.start, span.end, effective)
            if len(self._spans) < self.MEMO_LIMIT:  # a feed of exact times rarely repeats one
                self._spans[key] = found
        start, finish, precision = found

        raw_type = cells[i_type]
        kind = self._types.get(raw_type)
        if kind is None:
            if not raw_type.strip():
                raise _Fallback
            kind = self._types[raw_type] = raw_type.strip().lower()

        raw_place = cells[i_place]
        place = self._places.get(raw_place, "")
        if place == "":
            place = raw_place.strip() or None
            if len(self._places) < self.MEMO_LIMIT:
                self._places[raw_place] = place
        raw_lat, raw_lon = cells[i_lat], cells[i_lon]
        if raw_lat and raw_lon:  # as _number: float(), then the range (NaN fails it too)
            lat, lon = float(raw_lat), float(raw_lon)
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise _Fallback
        elif not raw_lat and not raw_lon and place is not None:
            lat = lon = None
        else:
            raise _Fallback

        raw_geo = cells[i_geo]
        geo = self._geo.get(raw_geo)
        if geo is None:
            geo = (raw_geo.strip() or "exact").lower()
            if geo not in GEO_PRECISIONS:
                raise _Fallback
            self._geo[raw_geo] = geo

        fatalities = None
        raw_fatalities = cells[i_fatalities]
        if raw_fatalities:
            fatalities = self._fatalities.get(raw_fatalities)
            if fatalities is None:
                text = raw_fatalities.strip()
                if not text.isdecimal() or len(text) > 10 or int(text) > MAX_FATALITIES:
                    raise _Fallback
                fatalities = self._fatalities[raw_fatalities] = int(text)

        raw_actors = cells[i_actors]
        actors = self._actors.get(raw_actors)
        if actors is None:
            actors = _actors(raw_actors, origin)
            if len(self._actors) < self.MEMO_LIMIT:
                self._actors[raw_actors] = actors

        title, description = cells[i_title].strip(), cells[i_description].strip()
        raw_id = cells[i_id]
        if raw_id:  # as _check_id
            ident = raw_id.strip()
            if not _ID_RE.match(ident):
                raise _Fallback
        else:
            ident = stable_id(start.isoformat(), place or f"{lat},{lon}", kind, title)
        review = cells[i_review] or False
        if type(review) is not bool:
            raise _Fallback
        sources = cells[i_sources] or ()
        if type(sources) is not tuple:
            raise _Fallback
        for item in sources:  # parsed by the reader; the tuple is kept as it is
            if type(item) is not Source:
                raise _Fallback
        return Incident(ident, start, finish, precision, kind, place, lat, lon, geo, actors, title, description,
                        fatalities, sources, review, origin)


class _Fallback(Exception):
    """Raised by the fast path of :class:`IncidentValidator` to let the reference check decide."""


#: ``is_url(text)`` is true for an (already stripped) http(s) link, as :func:`check_url` wants it.
is_url = _URL_RE.match


def check_geometry(geometry: Any, origin: Origin, field_name: str = "geometry", repair: bool = False,
                   warnings: list[InputError] | None = None) -> Any:
    """Return a valid shapely (Multi)Polygon from a GeoJSON mapping; raise an input error otherwise.

    With ``repair``, an invalid polygon is made valid (its polygonal part kept) and the repair is
    reported in ``warnings`` with shapely's reason.
    """
    from shapely.geometry import shape
    from shapely.validation import explain_validity, make_valid

    if not isinstance(geometry, Mapping):
        raise origin.error(field_name, "missing or not a GeoJSON geometry")
    if geometry.get("type") not in ("Polygon", "MultiPolygon"):
        raise origin.error(field_name, f"must be a Polygon or MultiPolygon, not {excerpt(geometry.get('type'))}")
    try:
        geom = shape(geometry)
    except Exception as exc:  # shapely raises several types for malformed coordinates
        raise origin.error(field_name, f"malformed coordinates ({exc})") from None
    if geom.is_empty:
        raise origin.error(field_name, "empty polygon")
    minx, miny, maxx, maxy = geom.bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        raise origin.error(field_name, "coordinates outside lon -180..180 / lat -90..90 (GeoJSON order is [lon, lat])")
    if not geom.is_valid:
        reason = explain_validity(geom)
        if not repair:
            raise origin.error(field_name, f"invalid polygon: {reason}")
        geom = _polygonal(make_valid(geom))
        if geom.is_empty:
            raise origin.error(field_name, f"invalid polygon: {reason}; nothing is left after repair")
        if warnings is not None:
            warnings.append(origin.error(field_name, f"repaired invalid polygon ({reason})"))
    return geom


def _polygonal(geom: Any) -> Any:
    """The polygons of a repaired geometry (make_valid may add stray lines and points)."""
    from shapely.geometry import MultiPolygon, Polygon

    if isinstance(geom, (Polygon, MultiPolygon)):
        return geom
    parts = [g for g in getattr(geom, "geoms", ()) if isinstance(g, (Polygon, MultiPolygon))]
    polygons = [p for g in parts for p in (g.geoms if isinstance(g, MultiPolygon) else [g])]
    return polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)


def zone_from_record(record: Mapping[str, Any], origin: Origin, tz: ZoneInfo, *, repair: bool = False,
                     warnings: list[InputError] | None = None) -> ControlZone:
    """Validate one raw control-zone record (faction, geometry, valid_from, valid_to, status, sources)."""
    if not isinstance(record, Mapping):
        raise origin.error(None, "a zone must be a mapping of fields")
    faction = _text(record, "faction", origin, required=True)
    if record.get("valid_from") in (None, ""):
        raise origin.error("valid_from", "missing")
    try:
        valid_from, _ = parse_instant(record["valid_from"], tz)
    except ValueError as exc:
        raise origin.error("valid_from", str(exc)) from None
    valid_to = None
    if record.get("valid_to") not in (None, ""):
        try:
            valid_to, date_only = parse_instant(record["valid_to"], tz)
        except ValueError as exc:
            raise origin.error("valid_to", str(exc)) from None
        if date_only:  # an end date is the last day held
            valid_to = next_day(valid_to, tz)
        if valid_to <= valid_from:
            raise origin.error("valid_to", "is not after valid_from")
    status = (_text(record, "status", origin) or "assessed").lower()
    if status not in ZONE_STATUSES:
        raise origin.error("status", f"{excerpt(status)} is not one of {', '.join(ZONE_STATUSES)}")
    geom = check_geometry(record.get("geometry"), origin, repair=repair, warnings=warnings)
    raw_id = record.get("id")
    ident = (_check_id(raw_id, origin) if raw_id not in (None, "")
             else stable_id(faction, valid_from.isoformat(), geom.wkt[:200]))
    return ControlZone(
        id=ident, faction=faction, geometry=geom, valid_from=valid_from, valid_to=valid_to,
        status=status, sources=parse_sources(record.get("sources"), origin, tz), origin=origin,
    )

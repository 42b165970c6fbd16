"""Shape validated incidents and zones into the plain payload the page's time layer reads.

No folium here: the payload is dicts and lists of numbers and strings, with fixed float precision
and a stable order, so the same input always serialises to the same bytes.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from operator import attrgetter, itemgetter
from typing import Any, Iterable, Sequence

from mapgen.basemap import encode_lines
from mapgen.config import MapConfig
from mapgen.model import GEO_PRECISIONS, ControlZone, Incident, Source
from mapgen.timeparse import TIME_PRECISIONS, day_start, next_day

COORD_DIGITS = 5  # about 1 m
ZONE_SCALE = 10 ** COORD_DIGITS  # zone outlines travel as encoded lines on this grid (zone_lines)


def _minutes(moment: dt.datetime) -> int:
    return int(moment.timestamp() // 60)


def day_label(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%b')} {day.year}"


def _source_rows(sources: Iterable[Source], tz: Any) -> list[list[Any]]:
    rows = []
    for src in sources:
        published = src.published.astimezone(tz).strftime("%Y-%m-%d %H:%M") if src.published else None
        rows.append([src.outlet, src.url, published])
    return rows


def zone_lines(geoms: Sequence[Any]) -> list[list[str]]:
    """Each (Multi)Polygon's rings, outer and inner, as encoded lines (``basemap.encode_line``)
    on a 1/ZONE_SCALE degree grid: about a quarter of GeoJSON's text, which the page decodes
    straight into projected coordinates. All geometries in one pass."""
    import numpy as np
    import shapely

    out: list[list[str]] = [[] for _ in geoms]
    if not out:
        return out
    parts, part_of = shapely.get_parts(list(geoms), return_index=True)
    rings, ring_of = shapely.get_rings(parts, return_index=True)  # outer first, then the holes
    coords, point_of = shapely.get_coordinates(rings, return_index=True)
    lines = np.split(coords, np.cumsum(np.bincount(point_of, minlength=len(rings)))[:-1])
    for text, owner in zip(encode_lines(lines, ZONE_SCALE), part_of[ring_of]):
        out[owner].append(text)
    return out


def day_axis(config: MapConfig, incidents: Sequence[Incident], zones: Sequence[ControlZone],
             starts: Any = None) -> dict[str, list[Any]]:
    """Calendar days from the first to the last date in the data, in the map's time zone.

    ``start`` holds each day's first minute (epoch minutes) and one more entry for the end of the
    last day, so that day ``d`` is ``[start[d], start[d+1])``. ``starts``: the incidents' start
    minutes (``_minutes_of``), if already at hand.
    """
    tz = config.zone
    moments = [z.valid_from for z in zones]
    moments += [z.valid_to - dt.timedelta(minutes=1) for z in zones if z.valid_to is not None]
    moments += _earliest_and_latest(incidents, starts)
    first, last = day_start(min(moments), tz), day_start(max(moments), tz)
    days: dict[str, list[Any]] = {"iso": [], "label": [], "start": []}
    current = first
    while current <= last:
        days["iso"].append(current.date().isoformat())
        days["label"].append(day_label(current.date()))
        days["start"].append(_minutes(current))
        current = next_day(current, tz)
    days["start"].append(_minutes(current))
    return days


def _earliest_and_latest(incidents: Sequence[Incident], starts: Any = None) -> list[dt.datetime]:
    """The first and the last start among the incidents (none if there are none)."""
    if not incidents:
        return []
    if starts is None:
        starts = _minutes_of(list(map(attrgetter("start"), incidents)))
    # minutes decide; within the same minute any of them will do for a day
    first, last = incidents[int(starts.argmin())].start, incidents[int(starts.argmax())].start
    return [first, last]


def _minutes_of(moments: Sequence[dt.datetime]) -> Any:
    """Epoch minutes of aware datetimes, as an int64 array."""
    import numpy as np

    seconds = np.fromiter(map(dt.datetime.timestamp, moments), dtype=np.float64, count=len(moments))
    return (np.floor(seconds) // 60).astype(np.int64)


def coordinate_arrays(incidents: Sequence[Any]) -> tuple[Any, Any]:
    """``lat`` and ``lon`` of each incident as float arrays, NaN where missing."""
    import numpy as np

    n = len(incidents)
    try:
        return (np.fromiter(map(attrgetter("lat"), incidents), dtype=np.float64, count=n),
                np.fromiter(map(attrgetter("lon"), incidents), dtype=np.float64, count=n))
    except TypeError:  # a None among them
        pairs = np.array(list(map(attrgetter("lat", "lon"), incidents)), dtype=np.float64).reshape(-1, 2)
        return pairs[:, 0].copy(), pairs[:, 1].copy()


def coordinate_digits(lat: Any, lon: Any) -> int:
    """Decimals the page's coordinates need: ``COORD_DIGITS``, or one fewer when every located
    coordinate is a whole number of that unit (e.g. ACLED's four decimals), which saves the
    page about a byte per incident."""
    import numpy as np

    coarse = 10 ** (COORD_DIGITS - 1)
    values = np.concatenate([np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64)])
    values = values[~np.isnan(values)] * coarse
    if values.size and np.all(np.abs(values - np.rint(values)) < 1e-6):
        return COORD_DIGITS - 1
    return COORD_DIGITS


def _fixed_point(values: Any, scale: int) -> Any:
    """Coordinates as integers at ``1 / scale`` degree (missing ones as 0)."""
    import numpy as np

    array = np.asarray(values, dtype=np.float64)  # a None becomes NaN
    return np.rint(np.nan_to_num(array, nan=0.0) * scale).astype(np.int64)


def _codes(values: Sequence[Any]) -> tuple[Any, list[Any]]:
    """Each value's index among the distinct values (first-seen order), and those values."""
    import numpy as np

    table = dict.fromkeys(values)  # distinct values in first-seen order, at C speed
    keys = list(table)
    if len(keys) == len(values):  # all distinct (links, usually): each is its own code
        return np.arange(len(keys), dtype=np.int64), keys
    table.update(zip(keys, range(len(keys))))
    return np.fromiter(map(table.__getitem__, values), dtype=np.int64, count=len(values)), keys


def _optional_table(values: list[Any], order: Any) -> tuple[dict[Any, int], Any]:
    """A value table for a column with gaps (None), and each row's code + 1 in ``order``, 0 for
    a gap: the table numbers only real values, in order of first use."""
    import numpy as np

    table: dict[Any, int] = {}
    codes, keys = _codes(values)
    codes = _reindex(codes[order], keys, table)
    if None not in table:
        return table, codes + 1
    missing = table.pop(None)
    # None took a number among the values: drop it and close the gap
    codes = np.where(codes == missing, -1, np.where(codes > missing, codes - 1, codes))
    return {v: (k if k < missing else k - 1) for v, k in table.items()}, codes + 1

def _reindex(codes: Any, keys: list[Any], table: dict[Any, int]) -> Any:
    """``codes`` (already in the final order) renumbered so that values are numbered in the order
    they are first seen there, continuing ``table`` (which gains the new values)."""
    import numpy as np

    if not len(codes):
        return codes
    if len(codes) == len(keys) and not table:  # all distinct: numbered as they come
        table.update(zip(map(keys.__getitem__, codes.tolist()), range(len(codes))))
        return np.arange(len(codes), dtype=np.int64)
    first = np.full(len(keys), len(codes), dtype=np.int64)
    np.minimum.at(first, codes, np.arange(len(codes), dtype=np.int64))  # each code's first place
    present = np.flatnonzero(first < len(codes))
    in_order = present[np.argsort(first[present], kind="stable")].tolist()
    renumber = np.zeros(len(keys), dtype=np.int64)
    renumber[in_order] = [table.setdefault(keys[code], len(table)) for code in in_order]
    return renumber[codes]


def incident_columns(config: MapConfig, incidents: Sequence[Incident], *, starts: Any = None,
                     coords: tuple[Any, Any] | None = None) -> dict[str, Any]:
    """Incidents as packed columns sorted by start time then id (the order the page's search needs).

    Coordinates are integers at 1e-``digits`` degree (``COORD_DIGITS``, or one fewer when every
    coordinate is given to that: ACLED's four decimals); ``s`` is the start and ``d`` the
    duration, in minutes; ``ty``/``tp``/``gp`` index the type and precision lists; ``pl``, ``ac``
    index the place and actor-set tables; ``fat`` is fatalities + 1 (0: unknown). Sources are
    flattened: ``sn`` per incident, then ``so`` (outlet), ``su`` (url + 1) and ``sp`` (published
    + 1) per source. Texts (``id``, ``title``, ``desc`` and the tables) are joined strings with
    a lengths column each (see :mod:`mapgen.columns`).

    Attributes are read in the incidents' own order (the objects lie in memory in that order, so
    reading them sorted by time would miss the processor's cache at every object) and the
    columns are then put in time order as arrays.
    """
    import numpy as np

    from mapgen.columns import Packer

    tz = config.zone
    pack = Packer()
    n = len(incidents)

    def column(name: str) -> list[Any]:
        return list(map(attrgetter(name), incidents))

    ids = column("id")
    starts = _minutes_of(column("start")) if starts is None else starts
    ends = _minutes_of(column("end"))
    by_id = sorted(range(n), key=ids.__getitem__)
    order = np.asarray(by_id, dtype=np.int64).reshape(-1)
    order = order[np.argsort(starts[order], kind="stable")]   # by start, then by id
    take = itemgetter(*order.tolist()) if n > 1 else list

    def ordered(values: Sequence[Any]) -> list[Any]:
        return list(take(values))

    # the popup texts are most of the bytes: deflated in a thread meanwhile, and harder than the
    # rest (at 100,000 incidents a fifth fewer bytes for the page to read than zlib's fastest
    # level, in less time than the packing of the other columns takes)
    titles, descriptions = ordered(column("title")), ordered(column("description"))
    pack.deflate_ahead({"title": titles, "desc": descriptions}, level=5)

    lat, lon = coords if coords is not None else coordinate_arrays(incidents)
    digits = coordinate_digits(lat, lon)
    scale = 10 ** digits
    type_index = {key: n for n, key in enumerate(config.event_types)}
    tp_index = {key: n for n, key in enumerate(TIME_PRECISIONS)}
    gp_index = {key: n for n, key in enumerate(GEO_PRECISIONS)}

    def indexed(name: str, index: dict[str, int]) -> Any:
        return np.fromiter(map(index.__getitem__, column(name)), dtype=np.int64, count=n)[order]

    pack.ints("lat", _fixed_point(lat, scale)[order])
    pack.ints("lon", _fixed_point(lon, scale)[order])
    pack.ints("s", starts[order], delta=True)
    pack.ints("d", (ends - starts)[order])
    pack.ints("ty", indexed("type", type_index))
    pack.ints("tp", indexed("time_precision", tp_index))
    pack.ints("gp", indexed("geo_precision", gp_index))

    places: dict[str, int] = {}
    codes, keys = _codes([p or "" for p in column("place")])
    pack.ints("pl", _reindex(codes[order], keys, places))
    # actor sets as tuples of names first (C-speed lookups), then each distinct set as name indices
    by_names: dict[tuple[str, ...], int] = {}
    codes, keys = _codes(column("actors"))
    pack.ints("ac", _reindex(codes[order], keys, by_names))
    actor_sets: dict[tuple[int, ...], int] = {}
    actor_names: dict[str, int] = {}
    name_index = actor_names.setdefault
    for group in by_names:
        actor_sets[tuple([name_index(a, len(actor_names)) for a in group])] = len(actor_sets)
    pack.ints("fat", np.fromiter((0 if f is None else f + 1 for f in column("fatalities")),
                                 dtype=np.int64, count=n)[order])

    sources = column("sources")
    counts = np.fromiter(map(len, sources), dtype=np.int64, count=n)
    pack.ints("sn", counts[order])
    flat = [src for group in sources for src in group]
    # the sources in the incidents' time order: each incident's run of sources, run by run
    offsets = np.concatenate([[0], np.cumsum(counts)])[:-1]
    run_counts = counts[order]
    total = int(run_counts.sum())
    run_starts = np.concatenate([[0], np.cumsum(run_counts)])[:-1]
    flat_order = (np.repeat(offsets[order] - run_starts, run_counts) + np.arange(total, dtype=np.int64)
                  if total else np.zeros(0, dtype=np.int64))

    outlets: dict[str, int] = {}
    codes, keys = _codes([src.outlet for src in flat])
    pack.ints("so", _reindex(codes[flat_order], keys, outlets))
    urls, codes = _optional_table([src.url for src in flat], flat_order)
    pack.ints("su", codes, delta=True)
    published_text: dict[Any, Any] = {None: None}
    stamps = [src.published for src in flat]
    for moment in stamps:
        if moment not in published_text:
            published_text[moment] = moment.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    published, codes = _optional_table([published_text[p] for p in stamps], flat_order)
    pack.ints("sp", codes, delta=True)

    pack.strings("id", ordered(ids))
    pack.strings("title", titles)
    pack.strings("desc", descriptions)
    pack.strings("place", places)
    pack.strings("actor", actor_names)
    pack.strings("outlet", outlets)
    pack.strings("url", urls)
    pack.strings("pub", published)
    # titles, descriptions and links are only needed for popups: the page inflates them after
    # its first drawing
    return pack.result(lazy=("title", "desc", "url"), n=n, digits=digits, actorSets=[list(a) for a in actor_sets])


def _zone_label(zone: ControlZone, tz: Any) -> str:
    first = day_label(zone.valid_from.astimezone(tz).date())
    if zone.valid_to is None:
        return f"from {first}"
    last = day_label((zone.valid_to - dt.timedelta(minutes=1)).astimezone(tz).date())
    return first if first == last else f"{first} – {last}"


MIN_GAIN_DEG2 = 2e-5  # parts of taken ground smaller than this (about 0.2 km²) are slivers of redrawing
NEW_TOWN_REACH_DEG = 0.05  # taken ground of a derived zone lies within about 5 km of a town it took


def _shown_the_day_before(zones: Sequence[ControlZone], tz: Any) -> list[tuple[ControlZone, list[ControlZone]]]:
    """Each zone version with the versions the map showed at the start of its first day (in the
    order of ``zones``): one sweep over the versions sorted by start, not one scan per version."""
    from bisect import insort

    position = {id(z): k for k, z in enumerate(zones)}
    by_start = sorted(zones, key=lambda z: z.valid_from)
    out = []
    active: list[tuple[int, ControlZone]] = []  # begun before the day, in the order of zones
    nxt = 0
    for zone in sorted(zones, key=lambda z: day_start(z.valid_from, tz)):
        before = day_start(zone.valid_from, tz)
        while nxt < len(by_start) and by_start[nxt].valid_from < before:
            insort(active, (position[id(by_start[nxt])], by_start[nxt]), key=lambda pair: pair[0])
            nxt += 1
        # ended before the day: ended before every later day too
        active = [(k, z) for k, z in active if z.valid_to is None or z.valid_to >= before]
        out.append((zone, [z for _, z in active]))
    out.sort(key=lambda pair: position[id(pair[0])])
    return out


def taken_ground(zones: Sequence[ControlZone], tz: Any) -> dict[str, Any]:
    """For each zone version that begins on a day when the map already showed zones: the ground
    it holds that its faction did not hold at the end of the day before (shapely geometry),
    keyed by zone id. Versions that only redraw the same ground are left out."""
    from shapely.geometry import Point
    from shapely.ops import unary_union

    gains: dict[str, Any] = {}
    for zone, shown in _shown_the_day_before(zones, tz):
        if not shown:  # the map's first zones: nothing was taken, they are where it starts
            continue
        # what the faction held there (a version whose box misses this one's takes nothing from it)
        x0, y0, x1, y1 = zone.geometry.bounds
        held = [z.geometry for z in shown if z.faction == zone.faction and not (
            z.geometry.bounds[0] > x1 or z.geometry.bounds[2] < x0 or z.geometry.bounds[1] > y1 or z.geometry.bounds[3] < y0)]
        gain = zone.geometry.difference(unary_union(held)) if held else zone.geometry
        parts = [g for g in getattr(gain, "geoms", [gain]) if g.geom_type == "Polygon" and g.area >= MIN_GAIN_DEG2]
        if zone.towns:
            # a zone drawn from town control took ground only where it took a town: a side whose
            # edge moved because a neighbour's towns changed hands has taken nothing
            before_towns = {(t.place, round(t.lat, 4), round(t.lon, 4)) for z in shown if z.faction == zone.faction
                            for t in z.towns if t.lat is not None and t.lon is not None}
            new = [Point(t.lon, t.lat) for t in zone.towns if t.lat is not None and t.lon is not None
                   and (t.place, round(t.lat, 4), round(t.lon, 4)) not in before_towns]
            parts = [g for g in parts if any(g.distance(town) <= NEW_TOWN_REACH_DEG for town in new)]
        if parts:
            gains[zone.id] = unary_union(parts)
    return gains


def zone_rows(config: MapConfig, zones: Sequence[ControlZone]) -> list[dict[str, Any]]:
    """The zone versions in time order; ``gain`` is the ground a version took on its first day
    (see :func:`taken_ground`), with ``gainAt``, a [lat, lon] inside it for its label."""
    tz = config.zone
    faction_index = {key: n for n, key in enumerate(config.factions)}
    gains = taken_ground(zones, tz)
    ordered = sorted(zones, key=lambda z: (z.valid_from, z.faction, z.id))
    taken = [gains[z.id] for z in ordered if z.id in gains]
    outlines = iter(zone_lines([z.geometry for z in ordered] + [g.simplify(0.0005) for g in taken]))
    geoms = [next(outlines) for _ in ordered]
    gain_lines = dict(zip((z.id for z in ordered if z.id in gains), outlines))
    rows = []
    for zone, geom in zip(ordered, geoms):
        gain = gains.get(zone.id)
        if gain is not None:
            largest = max(getattr(gain, "geoms", [gain]), key=lambda g: g.area)
            point = largest.representative_point()
            extra = {"gain": gain_lines[zone.id],
                     "gainAt": [round(point.y, COORD_DIGITS), round(point.x, COORD_DIGITS)]}
        else:
            extra = {}
        rows.append({**extra,
            "id": zone.id, "f": faction_index[zone.faction], "status": zone.status,
            "from": _minutes(zone.valid_from),
            "to": _minutes(zone.valid_to) if zone.valid_to is not None else None,
            "label": _zone_label(zone, tz), "src": _source_rows(zone.sources, tz),
            "geom": geom,
        })
        if zone.towns:  # which towns, since when, on whose word
            rows[-1]["towns"] = [[town.place, day_label(town.since.astimezone(tz).date()),
                                  _source_rows(town.sources, tz)] for town in zone.towns]
    return rows


def data_bounds(incidents: Sequence[Incident], zones: Sequence[ControlZone]) -> list[list[float]] | None:
    lats = [i.lat for i in incidents if i.lat is not None]
    lons = [i.lon for i in incidents if i.lon is not None]
    for zone in zones:
        minx, miny, maxx, maxy = zone.geometry.bounds
        lats += [miny, maxy]
        lons += [minx, maxx]
    if not lats:
        return None
    return [[round(min(lats), 4), round(min(lons), 4)], [round(max(lats), 4), round(max(lons), 4)]]


def view_bounds(incidents: Sequence[Incident], zones: Sequence[ControlZone],
                max_km: float = 400.0, coords: tuple[Any, Any] | None = None) -> list[list[float]] | None:
    """The area to open on: the incidents and zone parts within ``max_km`` of the median point of
    the incidents (of the zone parts, without incidents), so that a statement made in London, or
    a town of a control table resolved to a namesake far away, does not zoom a Syrian front out to
    the world. All data is used when fewer than half the points are that close."""
    import numpy as np
    import shapely

    lat, lon = coords if coords is not None else coordinate_arrays(incidents)
    located = ~(np.isnan(lat) | np.isnan(lon))
    lat, lon = lat[located], lon[located]
    parts = shapely.get_parts(np.array([zone.geometry for zone in zones], dtype=object)) if zones else []
    boxes = np.array(shapely.bounds(parts), dtype=np.float64).reshape(-1, 4)
    if not len(lat) and not len(boxes):
        return data_bounds(incidents, zones)
    part_lat, part_lon = (boxes[:, 1] + boxes[:, 3]) / 2, (boxes[:, 0] + boxes[:, 2]) / 2
    ref_lat, ref_lon = (lat, lon) if len(lat) else (part_lat, part_lon)
    middle = len(ref_lat) // 2  # the median point (the upper one of an even count)
    mid_lat, mid_lon = np.partition(ref_lat, middle)[middle], np.partition(ref_lon, middle)[middle]

    def close(la: Any, lo: Any) -> Any:
        # vectorised equirectangular distance, not geopy.distance: 8 ms for 100,000 incidents
        # against about 17 s for geopy's geodesic in a loop (benchmarks/distance_bench.py); a
        # 400 km cut needs no more
        x = np.radians(lo - mid_lon) * np.cos(np.radians((la + mid_lat) / 2))
        return 6371.0 * np.hypot(x, np.radians(la - mid_lat)) <= max_km

    near, near_parts = close(lat, lon), close(part_lat, part_lon)
    if (int(near.sum()) + int(near_parts.sum())) * 2 < len(lat) + len(boxes):
        near[:], near_parts[:] = True, True
    boxes = boxes[near_parts]
    lat = np.concatenate([lat[near], boxes[:, 1], boxes[:, 3]])
    lon = np.concatenate([lon[near], boxes[:, 0], boxes[:, 2]])
    if not len(lat):
        return data_bounds(incidents, zones)
    return [[round(float(lat.min()), 4), round(float(lon.min()), 4)],
            [round(float(lat.max()), 4), round(float(lon.max()), 4)]]


def updated_label(incidents: Sequence[Incident], zones: Sequence[ControlZone], tz: Any, starts: Any = None) -> str:
    moments = _earliest_and_latest(incidents, starts)[1:]
    moments += [s.published for i in incidents for s in i.sources if s.published]
    moments += [z.valid_from for z in zones]
    return day_label(max(moments).astimezone(tz).date()) if moments else ""


def credit_line(credit: str, *, ocha: bool = False) -> str:
    """The map's own credit followed by the credit for the bundled places it does not already
    name (``ocha``: a place of the map comes from UN OCHA's list of Syrian communities; the
    basemap's attribution is shown with the basemap, by the page)."""
    parts = [credit.strip()]
    if "geonames" not in credit.lower():
        parts.append("Places: GeoNames (CC BY 4.0).")
    if ocha and "ocha" not in credit.lower():
        parts.append("Places: UN OCHA, via HDX (CC BY 3.0 IGO).")
    return " ".join(p for p in parts if p)


def zone_label(timezone: str) -> str:
    """How times are labelled: ``Damascus time`` for Asia/Damascus, ``UTC`` for UTC."""
    if "/" not in timezone:
        return timezone
    return timezone.rsplit("/", 1)[1].replace("_", " ") + " time"


def build_payload(config: MapConfig, incidents: Sequence[Incident], zones: Sequence[ControlZone],
                  basemap: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything the time layer needs, as plain data."""
    used_types = set(map(attrgetter("type"), incidents))
    used_factions = {zone.faction for zone in zones}
    # the legend lists only what the data uses, in the configured order, then sorted; a type or
    # faction without a colour of its own gets one apart from every other shown
    config.use_event_types(used_types)
    config.use_factions(used_factions)
    tz = config.zone
    # what several parts below read from every incident, read once
    starts = _minutes_of(list(map(attrgetter("start"), incidents)))
    coords = coordinate_arrays(incidents)
    return {
        "title": config.title,
        "description": config.description,
        "credit": credit_line(config.credit),
        "updated": updated_label(incidents, zones, tz, starts),
        "timezone": config.timezone,
        "tzLabel": zone_label(config.timezone),
        "mode": config.mode,
        "windowDays": config.window_days,
        "days": day_axis(config, incidents, zones, starts),
        "types": [{"key": c.key, "label": c.label, "color": c.color} for c in config.event_types.values()],
        "factions": [{"key": c.key, "label": c.label, "color": c.color} for c in config.factions.values()],
        "inc": incident_columns(config, incidents, starts=starts, coords=coords),
        "zones": zone_rows(config, zones),
        "zoneScale": ZONE_SCALE,
        "bounds": view_bounds(incidents, zones, coords=coords),
        "basemap": basemap,
    }


_BLOBS = ("bin", "text", "lazyText")  # the packed incidents' base64 strings: most of the bytes
#: id of the page element holding the popup texts (``inc.lazyText``) after the page's script
LAZY_TEXT_ID = "mapgen-lazy-text"
_BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")


def _escaped_json(payload: dict[str, Any]) -> str:
    # ASCII only (other characters as \u escapes): the browser then keeps the block's text in
    # one byte per character, which it reads and parses faster
    text = json.dumps(payload, ensure_ascii=True, separators=(",", ":"), sort_keys=False, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def payload_json(payload: dict[str, Any]) -> str:
    """Serialise for a ``<script type="application/json">`` block: compact, stable, and with
    ``<``, ``>`` and ``&`` escaped so no text from a report can close the script element.

    The packed incidents' base64 strings (megabytes, with nothing in them to escape) stay out of
    the escaping passes: serialised as placeholders, and put in place afterwards."""
    inc = payload.get("inc")
    blobs: dict[str, str] = {}
    if isinstance(inc, dict):
        for key in _BLOBS:
            value = inc.get(key)
            if isinstance(value, str) and value.isascii() and _BASE64.fullmatch(value):
                blobs[key] = value
    if not blobs:
        return _escaped_json(payload)
    marks = {key: f"\x00mapgen:{key}" for key in blobs}
    text = _escaped_json({**payload, "inc": {**inc, **marks}})
    for key, value in blobs.items():
        mark = json.dumps(marks[key])
        if text.count(mark) != 1:  # the placeholder's text also occurs elsewhere in the payload
            return _escaped_json(payload)
        text = text.replace(mark, f'"{value}"', 1)
    return text


def page_data(payload: dict[str, Any]) -> tuple[str, str]:
    """The data block's text and, apart from it, the popup texts (base64; "" if none).

    The popup texts (titles, descriptions, links) are most of a large page's bytes and are not
    needed for its first drawing: the page carries them in a block of their own after its
    script (``LAZY_TEXT_ID``), so that the browser runs the script and starts decoding the
    incidents before it has read them. In the data block ``inc.lazyText`` is then null."""
    inc = payload.get("inc")
    lazy = inc.get("lazyText") if isinstance(inc, dict) else None
    if not (isinstance(lazy, str) and lazy.isascii() and _BASE64.fullmatch(lazy)):
        return payload_json(payload), ""
    return payload_json({**payload, "inc": {**inc, "lazyText": None}}), lazy

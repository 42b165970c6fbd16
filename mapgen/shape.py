"""Shape validated incidents and zones into the plain payload the page's time layer reads.

No folium here: the payload is dicts and lists of numbers and strings, with fixed float precision
and a stable order, so the same input always serialises to the same bytes.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterable, Sequence

from mapgen.config import MapConfig
from mapgen.model import GEO_PRECISIONS, ControlZone, Incident, Source
from mapgen.timeparse import TIME_PRECISIONS, day_start, next_day

COORD_DIGITS = 5  # about 1 m


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


def _round_coords(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, COORD_DIGITS)
    if isinstance(value, (list, tuple)):
        return [_round_coords(v) for v in value]
    return value


def geometry_json(geom: Any) -> dict[str, Any]:
    from shapely.geometry import mapping

    data = mapping(geom)
    return {"type": data["type"], "coordinates": _round_coords(data["coordinates"])}


def day_axis(config: MapConfig, incidents: Sequence[Incident], zones: Sequence[ControlZone]) -> dict[str, list[Any]]:
    """Calendar days from the first to the last date in the data, in the map's time zone.

    ``start`` holds each day's first minute (epoch minutes) and one more entry for the end of the
    last day, so that day ``d`` is ``[start[d], start[d+1])``.
    """
    tz = config.zone
    moments = [i.start for i in incidents] + [z.valid_from for z in zones]
    moments += [z.valid_to - dt.timedelta(minutes=1) for z in zones if z.valid_to is not None]
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


class _Table:
    """Distinct values in first-seen order, so that repeated strings are stored once."""

    def __init__(self) -> None:
        self.index: dict[Any, int] = {}

    def __call__(self, value: Any) -> int:
        found = self.index.get(value)
        if found is None:
            found = self.index[value] = len(self.index)
        return found

    @property
    def values(self) -> list[Any]:
        return list(self.index)


def _minutes_of(moments: Sequence[dt.datetime]) -> list[int]:
    """Epoch minutes; many incidents share a start (midnight of a day), so each distinct one is
    converted once."""
    cache: dict[dt.datetime, int] = {}
    out = []
    for moment in moments:
        value = cache.get(moment)
        if value is None:
            value = cache[moment] = int(moment.timestamp() // 60)
        out.append(value)
    return out


def incident_columns(config: MapConfig, incidents: Sequence[Incident]) -> dict[str, Any]:
    """Incidents as packed columns sorted by start time then id (the order the page's search needs).

    Coordinates are integers at 1e-``COORD_DIGITS`` degree; ``s`` is the start and ``d`` the
    duration, in minutes; ``ty``/``tp``/``gp`` index the type and precision lists; ``pl``, ``ac``
    index the place and actor-set tables; ``fat`` is fatalities + 1 (0: unknown). Sources are
    flattened: ``sn`` per incident, then ``so`` (outlet), ``su`` (url + 1) and ``sp`` (published
    + 1) per source. Texts (``id``, ``title``, ``desc`` and the tables) are joined strings with
    a lengths column each (see :mod:`mapgen.columns`).
    """
    from mapgen.columns import Packer

    tz = config.zone
    starts = _minutes_of([i.start for i in incidents])
    ids = [i.id for i in incidents]
    keys = list(zip(starts, ids))
    order = sorted(range(len(incidents)), key=keys.__getitem__)
    ordered = [incidents[k] for k in order]
    starts = [starts[k] for k in order]
    ends = _minutes_of([i.end for i in ordered])
    type_index = {key: n for n, key in enumerate(config.event_types)}
    tp_index = {key: n for n, key in enumerate(TIME_PRECISIONS)}
    gp_index = {key: n for n, key in enumerate(GEO_PRECISIONS)}
    scale = 10 ** COORD_DIGITS

    places, actor_sets, actor_names = _Table(), _Table(), _Table()
    outlets, urls, published = _Table(), _Table(), _Table()
    src_n: list[int] = []
    src_outlet: list[int] = []
    src_url: list[int] = []
    src_pub: list[int] = []
    published_cache: dict[dt.datetime, str] = {}
    for inc in ordered:
        src_n.append(len(inc.sources))
        for src in inc.sources:
            src_outlet.append(outlets(src.outlet))
            src_url.append(urls(src.url) + 1 if src.url else 0)
            if src.published is None:
                src_pub.append(0)
            else:
                text = published_cache.get(src.published)
                if text is None:
                    text = published_cache[src.published] = src.published.astimezone(tz).strftime("%Y-%m-%d %H:%M")
                src_pub.append(published(text) + 1)

    pack = Packer()
    pack.ints("lat", [round((i.lat or 0.0) * scale) for i in ordered])
    pack.ints("lon", [round((i.lon or 0.0) * scale) for i in ordered])
    pack.ints("s", starts, delta=True)
    pack.ints("d", [e - s for s, e in zip(starts, ends)])
    pack.ints("ty", [type_index[i.type] for i in ordered])
    pack.ints("tp", [tp_index[i.time_precision] for i in ordered])
    pack.ints("gp", [gp_index[i.geo_precision] for i in ordered])
    pack.ints("pl", [places(i.place or "") for i in ordered])
    pack.ints("ac", [actor_sets(tuple(actor_names(a) for a in i.actors)) for i in ordered])
    pack.ints("fat", [0 if i.fatalities is None else i.fatalities + 1 for i in ordered])
    pack.ints("sn", src_n)
    pack.ints("so", src_outlet)
    pack.ints("su", src_url, delta=True)
    pack.ints("sp", src_pub, delta=True)
    pack.strings("id", [i.id for i in ordered])
    pack.strings("title", [i.title for i in ordered])
    pack.strings("desc", [i.description for i in ordered])
    pack.strings("place", places.values)
    pack.strings("actor", actor_names.values)
    pack.strings("outlet", outlets.values)
    pack.strings("url", urls.values)
    pack.strings("pub", published.values)
    return pack.result(n=len(ordered), digits=COORD_DIGITS, actorSets=[list(a) for a in actor_sets.values])


def _zone_label(zone: ControlZone, tz: Any) -> str:
    first = day_label(zone.valid_from.astimezone(tz).date())
    if zone.valid_to is None:
        return f"from {first}"
    last = day_label((zone.valid_to - dt.timedelta(minutes=1)).astimezone(tz).date())
    return first if first == last else f"{first} – {last}"


def zone_rows(config: MapConfig, zones: Sequence[ControlZone]) -> list[dict[str, Any]]:
    tz = config.zone
    faction_index = {key: n for n, key in enumerate(config.factions)}
    rows = []
    for zone in sorted(zones, key=lambda z: (z.valid_from, z.faction, z.id)):
        rows.append({
            "id": zone.id, "f": faction_index[zone.faction], "status": zone.status,
            "from": _minutes(zone.valid_from),
            "to": _minutes(zone.valid_to) if zone.valid_to is not None else None,
            "label": _zone_label(zone, tz), "src": _source_rows(zone.sources, tz),
            "geom": geometry_json(zone.geometry),
        })
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


def updated_label(incidents: Sequence[Incident], zones: Sequence[ControlZone], tz: Any) -> str:
    moments = [i.start for i in incidents]
    moments += [s.published for i in incidents for s in i.sources if s.published]
    moments += [z.valid_from for z in zones]
    return day_label(max(moments).astimezone(tz).date()) if moments else ""


def build_payload(config: MapConfig, incidents: Sequence[Incident], zones: Sequence[ControlZone],
                  basemap: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything the time layer needs, as plain data."""
    for inc in incidents:
        config.event_type(inc.type)
    for zone in zones:
        config.faction(zone.faction)
    tz = config.zone
    return {
        "title": config.title,
        "description": config.description,
        "credit": config.credit,
        "updated": updated_label(incidents, zones, tz),
        "timezone": config.timezone,
        "tzLabel": config.timezone if config.timezone != "UTC" else "UTC",
        "mode": config.mode,
        "windowDays": config.window_days,
        "days": day_axis(config, incidents, zones),
        "types": [{"key": c.key, "label": c.label, "color": c.color} for c in config.event_types.values()],
        "factions": [{"key": c.key, "label": c.label, "color": c.color} for c in config.factions.values()],
        "inc": incident_columns(config, incidents),
        "zones": zone_rows(config, zones),
        "bounds": data_bounds(incidents, zones),
        "basemap": basemap,
    }


def payload_json(payload: dict[str, Any]) -> str:
    """Serialise for a ``<script type="application/json">`` block: compact, stable, and with
    ``<``, ``>`` and ``&`` escaped so no text from a report can close the script element."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=False, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")

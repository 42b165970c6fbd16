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


def incident_columns(config: MapConfig, incidents: Sequence[Incident]) -> dict[str, list[Any]]:
    """Incidents as columns, sorted by start time then id (the order the page's search needs)."""
    tz = config.zone
    order = sorted(incidents, key=lambda i: (i.start, i.id))
    type_index = {key: n for n, key in enumerate(config.event_types)}
    cols: dict[str, list[Any]] = {k: [] for k in (
        "id", "lat", "lon", "s", "e", "ty", "tp", "gp", "title", "desc", "place", "actors", "fat", "src")}
    for inc in order:
        cols["id"].append(inc.id)
        cols["lat"].append(round(inc.lat or 0.0, COORD_DIGITS))
        cols["lon"].append(round(inc.lon or 0.0, COORD_DIGITS))
        cols["s"].append(_minutes(inc.start))
        cols["e"].append(_minutes(inc.end))
        cols["ty"].append(type_index[inc.type])
        cols["tp"].append(TIME_PRECISIONS.index(inc.time_precision))
        cols["gp"].append(GEO_PRECISIONS.index(inc.geo_precision))
        cols["title"].append(inc.title)
        cols["desc"].append(inc.description)
        cols["place"].append(inc.place or "")
        cols["actors"].append(list(inc.actors))
        cols["fat"].append(inc.fatalities)
        cols["src"].append(_source_rows(inc.sources, tz))
    return cols


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


def view_bounds(incidents: Sequence[Incident], zones: Sequence[ControlZone],
                max_km: float = 400.0) -> list[list[float]] | None:
    """The area to open on: the zones and the incidents within ``max_km`` of the incidents'
    median point, so that a statement made in London does not zoom a Syrian front out to the
    world. All data is used when fewer than half the incidents are that close."""
    import math

    located = [i for i in incidents if i.lat is not None and i.lon is not None]
    if not located:
        return data_bounds(incidents, zones)
    lats = sorted(i.lat for i in located)  # type: ignore[misc]
    lons = sorted(i.lon for i in located)  # type: ignore[misc]
    mid_lat, mid_lon = lats[len(lats) // 2], lons[len(lons) // 2]

    def km(lat: float, lon: float) -> float:
        x = math.radians(lon - mid_lon) * math.cos(math.radians((lat + mid_lat) / 2))
        return 6371.0 * math.hypot(x, math.radians(lat - mid_lat))

    near = [i for i in located if km(i.lat, i.lon) <= max_km]  # type: ignore[arg-type]
    if len(near) * 2 < len(located):
        near = located
    return data_bounds(near, zones)


def updated_label(incidents: Sequence[Incident], zones: Sequence[ControlZone], tz: Any) -> str:
    moments = [i.start for i in incidents]
    moments += [s.published for i in incidents for s in i.sources if s.published]
    moments += [z.valid_from for z in zones]
    return day_label(max(moments).astimezone(tz).date()) if moments else ""


def credit_line(credit: str) -> str:
    """The map's own credit followed by the credit for the bundled data it does not already name."""
    parts = [credit.strip()]
    if "natural earth" not in credit.lower():
        parts.append("Basemap: Natural Earth.")
    if "geonames" not in credit.lower():
        parts.append("Places: GeoNames (CC BY 4.0).")
    return " ".join(p for p in parts if p)


def zone_label(timezone: str) -> str:
    """How times are labelled: ``Damascus time`` for Asia/Damascus, ``UTC`` for UTC."""
    if "/" not in timezone:
        return timezone
    return timezone.rsplit("/", 1)[1].replace("_", " ") + " time"


def build_payload(config: MapConfig, incidents: Sequence[Incident], zones: Sequence[ControlZone],
                  basemap: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything the time layer needs, as plain data."""
    used_types = {inc.type for inc in incidents}
    used_factions = {zone.faction for zone in zones}
    for key in sorted(used_types):
        config.event_type(key)
    for key in sorted(used_factions):
        config.faction(key)
    # the legend lists only what the data uses, in the configured (or default) order
    config.event_types = {k: v for k, v in config.event_types.items() if k in used_types}
    config.factions = {k: v for k, v in config.factions.items() if k in used_factions}
    tz = config.zone
    return {
        "title": config.title,
        "description": config.description,
        "credit": credit_line(config.credit),
        "updated": updated_label(incidents, zones, tz),
        "timezone": config.timezone,
        "tzLabel": zone_label(config.timezone),
        "mode": config.mode,
        "windowDays": config.window_days,
        "days": day_axis(config, incidents, zones),
        "types": [{"key": c.key, "label": c.label, "color": c.color} for c in config.event_types.values()],
        "factions": [{"key": c.key, "label": c.label, "color": c.color} for c in config.factions.values()],
        "inc": incident_columns(config, incidents),
        "zones": zone_rows(config, zones),
        "bounds": view_bounds(incidents, zones),
        "basemap": basemap,
    }


def payload_json(payload: dict[str, Any]) -> str:
    """Serialise for a ``<script type="application/json">`` block: compact, stable, and with
    ``<``, ``>`` and ``&`` escaped so no text from a report can close the script element."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=False, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")

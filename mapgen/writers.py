"""Write validated incidents and zones back out as CSV or GeoJSON, in the layouts the readers take.

Export then import gives the same incidents: dates keep their precision (a day-precision
incident is written as its date), coordinates keep every digit, sources keep outlet, link and
publication time. CSV cells that a spreadsheet would run as a formula get a leading ``'``
(which the CSV reader removes again).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from typing import Any, Sequence
from zoneinfo import ZoneInfo

from mapgen.model import ControlZone, Incident, Source
from mapgen.readers.csvbase import FORMULA_STARTS
from mapgen.timeparse import day_start, precision_span

CSV_COLUMNS = ("id", "date", "end", "time_precision", "type", "place", "lat", "lon", "geo_precision",
               "actors", "title", "description", "fatalities", "sources", "review")
_NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def escape_cell(value: str) -> str:
    """Guard a CSV cell against formula injection: ``=1+1`` -> ``'=1+1``.

    Plain numbers (``-12.5``) are left alone, since a spreadsheet reads them as numbers anyway; a
    cell that already starts with ``'`` before a formula character gets a second one, so that
    :func:`mapgen.readers.csvbase.unescape_cell` can always undo this exactly.
    """
    if not value:
        return value
    first = value[0]
    if first in FORMULA_STARTS and not _NUMBER_RE.match(value):
        return "'" + value
    if first == "'" and len(value) > 1 and (value[1] in FORMULA_STARTS or value[1] == "'"):
        return "'" + value
    return value


def date_cells(incident: Incident, tz: ZoneInfo) -> tuple[str, str]:
    """``(date, end)`` cells: a bare date when the incident covers whole days from midnight, and
    an end only when it differs from what the precision implies."""
    start = incident.start.astimezone(tz)
    if incident.time_precision != "exact" and start == day_start(start, tz):
        date = start.date().isoformat()
    else:
        date = start.isoformat()
    implied = precision_span(start, incident.time_precision, tz)
    end = "" if incident.end == implied else incident.end.astimezone(tz).isoformat()
    return date, end


def _published(moment: dt.datetime | None, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).isoformat() if moment is not None else ""


def sources_cell(sources: Sequence[Source], tz: ZoneInfo) -> str:
    """``outlet|url;outlet|url`` (``outlet|url|published`` when the time is known)."""
    parts = []
    for src in sources:
        published = _published(src.published, tz)
        if published:
            parts.append(f"{src.outlet}|{src.url or ''}|{published}")
        elif src.url:
            parts.append(f"{src.outlet}|{src.url}")
        else:
            parts.append(src.outlet)
    return ";".join(parts)


def incidents_csv(incidents: Sequence[Incident], tz: ZoneInfo) -> str:
    """The incidents as a plain-CSV table (the layout :mod:`mapgen.readers.csv_events` reads)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180; also makes csv quote a lone CR
    writer.writerow(CSV_COLUMNS)
    for inc in incidents:
        date, end = date_cells(inc, tz)
        row = [inc.id, date, end, inc.time_precision, inc.type, inc.place or "",
               repr(inc.lat) if inc.lat is not None else "", repr(inc.lon) if inc.lon is not None else "",
               inc.geo_precision, ";".join(inc.actors), inc.title, inc.description,
               "" if inc.fatalities is None else str(inc.fatalities), sources_cell(inc.sources, tz),
               "true" if inc.review else "false"]
        writer.writerow([escape_cell(cell) for cell in row])
    return out.getvalue()


def _sources_json(sources: Sequence[Source], tz: ZoneInfo) -> list[dict[str, str]]:
    items = []
    for src in sources:
        item = {"outlet": src.outlet}
        if src.url:
            item["url"] = src.url
        if src.published is not None:
            item["published"] = _published(src.published, tz)
        items.append(item)
    return items


def incident_feature(inc: Incident, tz: ZoneInfo) -> dict[str, Any]:
    """One incident as a GeoJSON Feature (a null geometry when it has no coordinates yet)."""
    date, end = date_cells(inc, tz)
    props: dict[str, Any] = {"id": inc.id, "date": date, "time_precision": inc.time_precision,
                             "type": inc.type, "geo_precision": inc.geo_precision}
    optional = {"end": end, "place": inc.place, "actors": list(inc.actors), "title": inc.title,
                "description": inc.description, "fatalities": inc.fatalities,
                "sources": _sources_json(inc.sources, tz), "review": inc.review or None}
    props.update({k: v for k, v in optional.items() if v not in (None, "", [])})
    geometry = ({"type": "Point", "coordinates": [inc.lon, inc.lat]} if inc.located else None)
    return {"type": "Feature", "id": inc.id, "geometry": geometry, "properties": props}


def zone_feature(zone: ControlZone, tz: ZoneInfo) -> dict[str, Any]:
    """One zone version as a GeoJSON Feature; ``valid_to`` is written as the instant it ends."""
    from shapely.geometry import mapping

    props: dict[str, Any] = {"id": zone.id, "faction": zone.faction,
                             "valid_from": zone.valid_from.astimezone(tz).isoformat(),
                             "valid_to": zone.valid_to.astimezone(tz).isoformat() if zone.valid_to else None,
                             "status": zone.status}
    if zone.sources:
        props["sources"] = _sources_json(zone.sources, tz)
    return {"type": "Feature", "id": zone.id, "geometry": _lists(mapping(zone.geometry)), "properties": props}


def _lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    return value


def features_geojson(incidents: Sequence[Incident], zones: Sequence[ControlZone], tz: ZoneInfo) -> str:
    """A FeatureCollection: incidents as points, zones as (multi)polygons; one feature a line."""
    features = [incident_feature(i, tz) for i in incidents] + [zone_feature(z, tz) for z in zones]
    lines = [json.dumps(f, ensure_ascii=False, allow_nan=False, separators=(",", ":")) for f in features]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


FORMATS = {".csv": "csv", ".geojson": "geojson", ".json": "geojson"}

__all__ = ["CSV_COLUMNS", "FORMATS", "date_cells", "escape_cell", "features_geojson", "incidents_csv",
           "sources_cell"]

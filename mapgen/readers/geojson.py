"""Read GeoJSON: Point features are incidents, Polygon/MultiPolygon features are control zones.

(A ``.json`` file holding UCDP API rows goes to :mod:`mapgen.readers.ucdp` instead.)

Incident properties are the model's fields (``id, date, end, type, place, time_precision,
geo_precision, actors, title, description, fatalities, sources, review``); the point gives
``lat``/``lon`` (GeoJSON order is [lon, lat]). A feature with a null geometry and a ``place``
property is an incident still to be placed by name. Zone properties: ``faction, valid_from,
valid_to, status, sources`` (and ``id``). Errors name the feature as ``features[i]`` (from 0).
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any, Mapping
from zoneinfo import ZoneInfo

from mapgen.errors import InputError, excerpt
from mapgen.model import Origin, incident_from_record, zone_from_record
from mapgen.readers.base import ReadOptions, Records
from mapgen.readers.csv_events import SourceCache, parse_review
from mapgen.readers.csvbase import read_text

_INCIDENT_KEYS = ("id", "date", "start", "end", "type", "place", "time_precision", "geo_precision",
                  "actors", "title", "description", "fatalities", "sources", "review")


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
                             r"|(?<![0-9a-fA-F]{4})\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def _load(path: Path) -> Any:
    text = read_text(path)
    try:
        data = json.loads(text, parse_constant=_no_constant)
        if _SURROGATE_ESCAPE.search(text):  # escapes may pair up; a lone one is not Unicode
            try:
                json.dumps(data, ensure_ascii=False).encode("utf-8")
            except UnicodeEncodeError:
                lone = _LONE_SURROGATE.search(text)
                line = text.count("\n", 0, lone.start()) + 1 if lone else 1
                raise InputError("an unpaired surrogate escape (\\ud800-\\udfff alone) is not Unicode text",
                                 file=str(path), record=line) from None
        return data
    except InputError:
        raise
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc.msg} (column {exc.colno})", file=str(path),
                         record=exc.lineno) from None
    except (RecursionError, ValueError) as exc:
        raise InputError(f"malformed JSON: {exc}", file=str(path), record=1) from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


def _point(geometry: Mapping[str, Any], origin: Origin) -> tuple[Any, Any]:
    coords = geometry.get("coordinates")
    if (not isinstance(coords, list) or len(coords) not in (2, 3)
            or not all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in coords)):
        raise origin.error("geometry", "a Point needs coordinates [lon, lat]")
    if not all(math.isfinite(c) for c in coords):
        raise origin.error("geometry", "coordinates must be finite numbers")
    return coords[1], coords[0]


def _sources(value: Any, cache: SourceCache, origin: Origin) -> Any:
    """Properties may hold sources as a list (like YAML) or the CSV's ``outlet|url;...`` text."""
    if isinstance(value, str) and ("|" in value or ";" in value):
        return cache.get(value, origin)
    return value


def read_geojson(path: Path, tz: ZoneInfo, errors: list[InputError], options: ReadOptions) -> Records:
    """Read a FeatureCollection (or one Feature); each bad feature adds one error and is left out."""
    records = Records()
    file = str(path)
    try:
        data = _load(path)
    except InputError as exc:
        errors.append(exc)
        return records
    from mapgen.readers.ucdp import read_ucdp_json, ucdp_json_rows

    rows = ucdp_json_rows(data)  # a UCDP API answer is JSON too
    if rows is not None:
        return read_ucdp_json(rows, path, tz, errors)
    if isinstance(data, Mapping) and data.get("type") == "Feature":
        features: Any = [data]
    elif isinstance(data, Mapping) and data.get("type") == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            errors.append(InputError("must be a list of features", file=file, record=1, field="features"))
            return records
    else:
        errors.append(InputError("expected a GeoJSON FeatureCollection or Feature", file=file, record=1))
        return records
    if not features:
        errors.append(InputError("no records (no features)", file=file, record=1))
        return records
    cache = SourceCache(tz)
    for index, feature in enumerate(features):
        origin = Origin(file, f"features[{index}]")
        try:
            _read_feature(feature, origin, tz, options, cache, records)
        except InputError as exc:
            errors.append(exc)
    return records


def _read_feature(feature: Any, origin: Origin, tz: ZoneInfo, options: ReadOptions,
                  cache: SourceCache, records: Records) -> None:
    if not isinstance(feature, Mapping) or feature.get("type") != "Feature":
        raise origin.error(None, "not a GeoJSON Feature")
    props = feature.get("properties") or {}
    if not isinstance(props, Mapping):
        raise origin.error("properties", "must be a mapping")
    geometry = feature.get("geometry")
    kind = geometry.get("type") if isinstance(geometry, Mapping) else None
    if geometry is not None and not isinstance(geometry, Mapping):
        raise origin.error("geometry", "must be a GeoJSON geometry or null")
    if kind in ("Polygon", "MultiPolygon"):
        record = dict(props)
        if feature.get("id") is not None and "id" not in record:
            record["id"] = feature["id"]
        record["geometry"] = geometry
        record["sources"] = _sources(record.get("sources"), cache, origin)
        records.zones.append(zone_from_record(record, origin, tz, repair=options.repair,
                                              warnings=records.warnings))
        return
    if kind not in ("Point", None):
        raise origin.error("geometry", f"{excerpt(kind)} is not supported (Point for incidents, "
                                       "Polygon or MultiPolygon for zones)")
    record = {key: props[key] for key in _INCIDENT_KEYS if key in props}
    if feature.get("id") is not None and "id" not in record:
        record["id"] = feature["id"]
    if kind == "Point":
        record["lat"], record["lon"] = _point(geometry, origin)  # type: ignore[arg-type]
    record["sources"] = _sources(record.get("sources"), cache, origin)
    if isinstance(record.get("review"), str):
        record["review"] = parse_review(record["review"], origin)
    records.incidents.append(incident_from_record(record, origin, tz))

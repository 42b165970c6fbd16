"""Convert between the validated model and GeoDataFrames (EPSG:4326), both ways.

A model -> frame -> model round trip gives equal incidents and zones: the frames hold the
model's fields, with times as time-zone aware pandas datetimes in the map's zone, actors as
``A;B`` text and sources as the CSV's ``outlet|url|published;...`` text (so a frame can be
written with ``to_file`` as it is). Frames going the other way (:func:`records_from_frame`) are
validated like any other input: each bad row adds one error naming the frame (or file), the row
and the field, and is left out.

This module imports geopandas; import it only where a frame is wanted.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from typing import Any, Sequence
from zoneinfo import ZoneInfo

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, mapping

from mapgen.errors import InputError
from mapgen.model import ControlZone, HeldTown, Incident, Origin, incident_from_record, zone_from_record
from mapgen.readers.base import ReadOptions, Records
from mapgen.readers.csv_events import SourceCache, parse_review
from mapgen.timeparse import parse_instant
from mapgen.writers import sources_cell

CRS = "EPSG:4326"
#: The columns of an incidents frame (besides ``geometry``), in order.
INCIDENT_COLUMNS = ("id", "start", "end", "time_precision", "type", "place", "geo_precision", "actors",
                    "title", "description", "fatalities", "sources", "review")
#: The columns of a zones frame (besides ``geometry``), in order.
ZONE_COLUMNS = ("id", "faction", "valid_from", "valid_to", "status", "sources", "towns")
_RECORD_KEYS = ("id", "date", "start", "end", "type", "place", "time_precision", "geo_precision",
                "actors", "title", "description", "fatalities", "sources", "review", "lat", "lon",
                "faction", "valid_from", "valid_to", "status", "towns")


def _times(values: Sequence[dt.datetime | None], tz: ZoneInfo) -> pd.Series:
    """Aware datetimes (any offsets) as one datetime column in the map's zone (NaT for None)."""
    series = pd.to_datetime(pd.Series(list(values), dtype=object), utc=True)
    return series.dt.tz_convert(tz.key)


def incidents_frame(incidents: Sequence[Incident], tz: ZoneInfo) -> gpd.GeoDataFrame:
    """The incidents as a GeoDataFrame of points (an empty geometry for one not yet placed).

    Parameters
    ----------
    incidents : sequence of Incident
        Validated incidents.
    tz : ZoneInfo
        The map's time zone: ``start`` and ``end`` are shown in it.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns :data:`INCIDENT_COLUMNS` and ``geometry``, CRS EPSG:4326.
    """
    data: dict[str, Any] = {
        "id": [i.id for i in incidents],
        "start": _times([i.start for i in incidents], tz),
        "end": _times([i.end for i in incidents], tz),
        "time_precision": [i.time_precision for i in incidents],
        "type": [i.type for i in incidents],
        "place": [i.place for i in incidents],
        "geo_precision": [i.geo_precision for i in incidents],
        "actors": [";".join(i.actors) for i in incidents],
        "title": [i.title for i in incidents],
        "description": [i.description for i in incidents],
        "fatalities": pd.array([i.fatalities for i in incidents], dtype="Int64"),
        "sources": [sources_cell(i.sources, tz) for i in incidents],
        "review": [i.review for i in incidents],
    }
    nan = float("nan")
    lon = np.array([nan if i.lon is None else i.lon for i in incidents], dtype=np.float64)
    lat = np.array([nan if i.lat is None else i.lat for i in incidents], dtype=np.float64)
    geometry = shapely.points(lon, lat)  # all at once: one Point object at a time is half the cost
    geometry[np.isnan(lon) | np.isnan(lat)] = None
    frame = pd.DataFrame({k: (v.reset_index(drop=True) if isinstance(v, pd.Series) else v) for k, v in data.items()})
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geometry, crs=CRS), crs=CRS)


def zones_frame(zones: Sequence[ControlZone], tz: ZoneInfo) -> gpd.GeoDataFrame:
    """The zone versions as a GeoDataFrame of (multi)polygons; ``valid_to`` is the instant a
    version ends (NaT while open-ended). ``towns`` (zones derived from town control) is JSON
    text: ``[[place, since, sources], ...]``, "" for drawn zones."""
    data = {
        "id": [z.id for z in zones],
        "faction": [z.faction for z in zones],
        "valid_from": _times([z.valid_from for z in zones], tz).reset_index(drop=True),
        "valid_to": _times([z.valid_to for z in zones], tz).reset_index(drop=True),
        "status": [z.status for z in zones],
        "sources": [sources_cell(z.sources, tz) for z in zones],
        "towns": [_towns_cell(z.towns, tz) for z in zones],
    }
    return gpd.GeoDataFrame(pd.DataFrame(data), geometry=gpd.GeoSeries([z.geometry for z in zones], crs=CRS),
                            crs=CRS)


def _towns_cell(towns: Sequence[HeldTown], tz: ZoneInfo) -> str:
    if not towns:
        return ""
    return json.dumps([[t.place, t.since.astimezone(tz).isoformat(), sources_cell(t.sources, tz), t.lat, t.lon]
                       for t in towns], ensure_ascii=False)


def _towns(value: Any, origin: Origin, tz: ZoneInfo, cache: SourceCache) -> tuple[HeldTown, ...]:
    """The ``towns`` cell back as held towns; an input error naming the field if malformed."""
    if value in (None, ""):
        return ()
    try:
        items = json.loads(value) if isinstance(value, str) else value
        towns = []
        for item in items:
            place, since, sources = item[:3]
            lat, lon = (item[3], item[4]) if len(item) == 5 else (None, None)  # where the town is
            moment, _ = parse_instant(since, tz)
            towns.append(HeldTown(str(place), _midnight(moment, tz),
                                  cache.get(sources, origin, "towns") if sources else (),
                                  None if lat is None else float(lat), None if lon is None else float(lon)))
        return tuple(towns)
    except (TypeError, ValueError):
        raise origin.error("towns", "must be JSON [[place, since, sources, lat, lon], ...]") from None


def _plain(value: Any) -> Any:
    """A cell as the model's checks take it: None for missing, Python scalars, aware datetimes."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _field_name(column: str) -> str | None:
    """The model field a column holds: its own name, or the field a Shapefile cut to ten
    characters (``time_preci`` is ``time_precision``); None for other columns."""
    if column in _RECORD_KEYS:
        return column
    if len(column) == 10:
        found = [key for key in _RECORD_KEYS if key.startswith(column)]
        if len(found) == 1:
            return found[0]
    return None


def _check_crs(frame: gpd.GeoDataFrame, where: str) -> None:
    crs = getattr(frame, "crs", None)
    if crs is not None and not crs.equals(CRS) and crs.to_epsg() != 4326:
        raise InputError(f"CRS is {crs.to_string()}, expected EPSG:4326 (reproject with .to_crs(4326))",
                         file=where)


def records_from_frame(frame: gpd.GeoDataFrame, where: str, tz: ZoneInfo, errors: list[InputError],
                       options: ReadOptions | None = None, *, row_label: str = "row",
                       positions: bool = False) -> Records:
    """Validate the rows of a GeoDataFrame as incidents (points, or no geometry and a ``place``)
    and zones (polygons), as every reader does.

    Parameters
    ----------
    frame : geopandas.GeoDataFrame or pandas.DataFrame
        Rows with the model's fields as columns (see :data:`INCIDENT_COLUMNS`,
        :data:`ZONE_COLUMNS`; a ``date`` column may stand for ``start``), in EPSG:4326; a plain
        DataFrame gives incidents by ``lat``/``lon`` or ``place`` columns.
    where : str
        What errors name as the file: a path, or e.g. ``<incidents frame>``.
    tz : ZoneInfo
        The map's time zone, for times without an offset.
    errors : list of InputError
        Each bad row adds one error (``where:row label: field: message``) and is left out.
    options : ReadOptions, optional
        ``repair`` makes invalid polygons valid, with a warning.
    row_label : str
        How errors name a row: ``row`` gives ``row 3`` (the frame's index label), a layer name
        gives ``zones[3]``.
    positions : bool
        Name rows by position from 0 instead of by index label (files read from disk).
    """
    options = options or ReadOptions()
    records = Records()
    try:
        _check_crs(frame, where)
    except InputError as exc:
        errors.append(exc)
        return records
    keys = {c: _field_name(str(c)) for c in frame.columns}
    columns = [c for c in frame.columns if keys[c]]
    geometry_name = getattr(frame, "active_geometry_name", None)  # None: a plain DataFrame (lat, lon)
    cache = SourceCache(tz)
    geoms = frame[geometry_name].tolist() if geometry_name else [None] * len(frame)
    labels = range(len(frame)) if positions else frame.index
    values = frame[columns].itertuples(index=False, name=None)
    for label, cells, geom in zip(labels, values, geoms):
        record_name = f"{row_label}[{label}]" if positions else f"{row_label} {label}"
        origin = Origin(where, record_name)
        try:
            record = {keys[k]: v for k, v in ((k, _plain(c)) for k, c in zip(columns, cells)) if v is not None}
            _add_row(record, geom, origin, tz, options, cache, records)
        except InputError as exc:
            errors.append(exc)
    return records


def _midnight(value: Any, tz: ZoneInfo) -> Any:
    """A time at the start of a local day, written as the model writes day boundaries.

    The model makes them as wall-clock midnight, even on a day whose midnight a daylight-saving
    change skips (2016-03-25 in Damascus); the same instant read back from a frame is 01:00+03.
    Python compares times of one zone by wall clock, so the two would differ: give the model's.
    """
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        return value
    local = value.astimezone(tz)
    wall = dt.datetime(local.year, local.month, local.day, tzinfo=tz)
    return wall if wall.timestamp() == value.timestamp() else value


def _add_row(record: dict[str, Any], geom: Any, origin: Origin, tz: ZoneInfo, options: ReadOptions,
             cache: SourceCache, records: Records) -> None:
    for key in ("valid_from", "valid_to"):
        if key in record:
            record[key] = _midnight(record[key], tz)
    if "end" in record and record.get("time_precision", "exact") != "exact":
        record["end"] = _midnight(record["end"], tz)
    sources = record.get("sources")
    if isinstance(sources, str):
        record["sources"] = cache.get(sources, origin) if sources.strip() else ()
    if isinstance(record.get("review"), str):
        record["review"] = parse_review(record["review"], origin)
    if isinstance(record.get("fatalities"), float) and record["fatalities"].is_integer():
        record["fatalities"] = int(record["fatalities"])
    if geom is not None and getattr(geom, "is_empty", False):
        geom = None
    if isinstance(geom, (Polygon, MultiPolygon)):
        for key in ("lat", "lon"):
            record.pop(key, None)
        record["geometry"] = mapping(geom)
        towns = _towns(record.pop("towns", None), origin, tz, cache)
        zone = zone_from_record(record, origin, tz, repair=options.repair, warnings=records.warnings)
        records.zones.append(dataclasses.replace(zone, towns=towns) if towns else zone)
        return
    if geom is not None and not isinstance(geom, Point):
        raise origin.error("geometry", f"{geom.geom_type!r} is not supported (Point for incidents, "
                                       "Polygon or MultiPolygon for zones)")
    if isinstance(geom, Point):  # the model checks the range (and NaN)
        record["lat"], record["lon"] = geom.y, geom.x
    if "start" in record and "date" in record:
        record.pop("date")
    for key in ("faction", "valid_from", "valid_to", "status", "towns"):
        record.pop(key, None)
    records.incidents.append(incident_from_record(record, origin, tz))


__all__ = ["CRS", "INCIDENT_COLUMNS", "ZONE_COLUMNS", "incidents_frame", "records_from_frame", "zones_frame"]

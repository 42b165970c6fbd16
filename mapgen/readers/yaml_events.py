"""Read incidents and zones from hand-edited YAML (a list, or ``incidents:`` / ``zones:`` keys)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping
from zoneinfo import ZoneInfo

from mapgen.errors import InputError
from mapgen.model import Origin, incident_from_record, zone_from_record
from mapgen.readers.base import ReadOptions, Records
from mapgen.readers.yamlfile import line_of, load_yaml


def read_yaml_events(path: Path, tz: ZoneInfo, errors: list[InputError], options: ReadOptions) -> Records:
    """Read ``path``; each bad record adds one error to ``errors`` and is left out."""
    records = Records()
    try:
        data = load_yaml(path)
    except InputError as exc:
        errors.append(exc)
        return records
    incidents: Any
    zones: Any = None
    if isinstance(data, list):
        incidents = data
    elif isinstance(data, Mapping):
        # `unresolved:` and `set_aside:` are `mapgen ingest`'s lists for the editor: names it could
        # not place, and places named but not as incidents
        unknown = sorted(str(k) for k in data if k not in ("incidents", "zones", "unresolved", "set_aside"))
        if unknown:
            errors.append(InputError(f"unknown top-level key {unknown[0]!r} (expected incidents, zones)",
                                     file=str(path), record=line_of(data)))
            return records
        incidents, zones = data.get("incidents"), data.get("zones")
    elif data is None:
        incidents = None
    else:
        errors.append(InputError("expected a list of incidents or a mapping with incidents/zones",
                                 file=str(path), record=1))
        return records
    for key, value in (("incidents", incidents), ("zones", zones)):
        if value is not None and not isinstance(value, list):
            errors.append(InputError("must be a list", file=str(path), record=line_of(data), field=key))
            return records
    if not incidents and not zones:
        errors.append(InputError("no records", file=str(path), record=line_of(data, 1)))
        return records
    for index, raw in enumerate(incidents or (), start=1):
        origin = Origin(str(path), line_of(raw, index))
        try:
            records.incidents.append(incident_from_record(raw, origin, tz))
        except InputError as exc:
            errors.append(exc)
    for index, raw in enumerate(zones or (), start=1):
        origin = Origin(str(path), line_of(raw, index))
        try:
            records.zones.append(zone_from_record(raw, origin, tz, repair=options.repair,
                                                   warnings=records.warnings))
        except InputError as exc:
            errors.append(exc)
    return records

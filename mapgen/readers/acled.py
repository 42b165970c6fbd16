"""Read ACLED-style CSV exports (recognised by their columns) into incidents.

Every layout ACLED has published reads as it is: today's (lower-case columns,
``sub_event_type``), the export tool's semicolon-separated files, and the old v5/v6 files
(upper-case columns, ``GEO_PRECIS``, ``ALLY_ACTOR_1/2``, ``dd/mm/yyyy`` dates, often
Windows-1252: see :mod:`mapgen.readers.csvbase`). ACLED codes precision as numbers:
``geo_precision`` 1/2/3 is our exact/near/region, and ``time_precision`` 1/2/3 is
day/week/month. Event types are mapped to ours from ``event_type`` and ``sub_event_type`` (e.g.
"Air/drone strike" -> airstrike), the pre-2017 ones too ("Battle-No change of territory" ->
clashes); the sub-event type names the incident when there is no better title. ``notes`` is the
description; ACLED's ``source`` column names outlets without links, so ``validate`` warns about
them (in one summary line).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from mapgen.errors import InputError
from mapgen.model import IncidentValidator, Origin, Source, incident_from_record, parse_sources
from mapgen.readers.base import Records
from mapgen.readers.csv_events import long_lived_rows
from mapgen.readers.csvbase import CsvTable, unescape_cell

#: Columns whose presence marks a CSV as ACLED's layout.
SIGNATURE = ("event_date", "event_type", "latitude", "longitude")
GEO_PRECISION = {"1": "exact", "2": "near", "3": "region"}
TIME_PRECISION = {"1": "day", "2": "week", "3": "month"}

#: ACLED sub-event types (lower case) -> our event types.
SUB_EVENT_TYPES = {
    "air/drone strike": "airstrike",
    "shelling/artillery/missile attack": "shelling",
    "remote explosive/landmine/ied": "explosion",
    "suicide bomb": "explosion",
    "grenade": "explosion",
    "chemical weapon": "chemical attack",
    "armed clash": "clashes",
    "government regains territory": "territorial change",
    "non-state actor overtakes territory": "territorial change",
    "non-violent transfer of territory": "territorial change",
    "headquarters or base established": "territorial change",
    "agreement": "diplomatic",
    "change to group/activity": "statement",
    "displacement": "displacement",
}
#: ACLED event types (lower case) -> our event types, when the sub-event type says nothing more.
EVENT_TYPES = {
    "battles": "clashes",
    "explosions/remote violence": "shelling",
    "violence against civilians": "violence against civilians",
    "protests": "protest",
    "riots": "riot",
    "strategic developments": "strategic development",
    # before 2017 (ACLED v5-v7)
    "battle-no change of territory": "clashes",
    "battle-government regains territory": "territorial change",
    "battle-non-state actor overtakes territory": "territorial change",
    "remote violence": "shelling",
    "riots/protests": "protest",
    "strategic development": "strategic development",
    "non-violent transfer of territory": "territorial change",
    "headquarters or base established": "territorial change",
}
#: Old column names (lower-cased) -> today's.
OLD_COLUMNS = {"geo_precis": "geo_precision", "ally_actor_1": "assoc_actor_1", "ally_actor_2": "assoc_actor_2",
               "time_precis": "time_precision"}
_ACTOR_COLUMNS = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")


def is_acled_header(header: list[str]) -> bool:
    return all(name in header for name in SIGNATURE)


def event_type(kind: str, sub_kind: str) -> str:
    """Our event type for an ACLED ``event_type`` / ``sub_event_type`` pair."""
    sub = sub_kind.strip().lower()
    if sub in SUB_EVENT_TYPES:
        return SUB_EVENT_TYPES[sub]
    main = re.sub(r"\s*-\s*", "-", " ".join(kind.lower().split()))  # "Battle - No change..." too
    return EVENT_TYPES.get(main, main or sub)


@lru_cache(maxsize=8192)
def acled_date(text: str) -> str:
    """ISO date for the ways ACLED writes one: ``2016-02-04``, ``04 February 2016``, ``4-Feb-16``."""
    value = text.strip()
    if len(value) == 10 and value[4] == "-":
        return value
    for fmt in ("%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%d-%b-%y", "%d/%m/%Y", "%d/%m/%y"):
        try:
            return dt.datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return value  # the model names it as a bad date


def _actors(row: dict[str, str]) -> list[str]:
    names: list[str] = []
    for column in _ACTOR_COLUMNS:
        for name in row.get(column, "").split(";"):
            name = name.strip()
            if name and name not in names:
                names.append(name)
    return names


def _code(table: dict[str, str], value: str, name: str, origin: Origin) -> str:
    if value in table:
        return table[value]
    raise origin.error(name, f"ACLED code {value[:20]!r} is not one of 1, 2, 3")


def record_from_row(row: dict[str, str], origin: Origin) -> dict[str, Any]:
    """Our incident record for one ACLED row (before validation)."""
    place = row.get("location", "").strip()
    sub_kind = row.get("sub_event_type", "").strip()
    record: dict[str, Any] = {
        "id": row.get("event_id_cnty", "").strip() or None,
        "date": acled_date(row.get("event_date", "")) if row.get("event_date", "").strip() else None,
        "type": event_type(row.get("event_type", ""), sub_kind),
        "place": place or None,
        "lat": row.get("latitude", ""),
        "lon": row.get("longitude", ""),
        "actors": _actors(row),
        "title": f"{sub_kind or row.get('event_type', '').strip()} in {place}" if place else sub_kind,
        "description": row.get("notes", ""),
        "fatalities": row.get("fatalities", "").strip(),
        "sources": [s.strip() for s in row.get("source", "").split(";") if s.strip()] or None,
    }
    geo = row.get("geo_precision", "").strip()
    if geo:
        record["geo_precision"] = _code(GEO_PRECISION, geo, "geo_precision", origin)
    when = row.get("time_precision", "").strip()
    if when:
        record["time_precision"] = _code(TIME_PRECISION, when, "time_precision", origin)
    return record


def read_acled_rows(table: CsvTable, tz: ZoneInfo, errors: list[InputError], records: Records) -> None:
    """Validate each row of an opened ACLED table into ``records``."""
    if not table.has_columns(SIGNATURE, errors):
        return
    table.header = [OLD_COLUMNS.get(name, name) for name in table.header]
    validator = IncidentValidator(tz, IncidentValidator.FIELDS)
    outlets: dict[str, tuple[Source, ...]] = {}
    with long_lived_rows():
        count = _acled_rows(table, tz, errors, records, validator, outlets)
    if not count:
        errors.append(table.error("no records (only a header)"))


def _acled_rows(table: CsvTable, tz: ZoneInfo, errors: list[InputError], records: Records,
                validator: IncidentValidator, outlets: dict[str, tuple[Source, ...]]) -> int:
    header = table.header
    count = 0
    for line, cells in table.rows(errors):
        count += 1
        origin = Origin(table.file, line)
        if "'" in "".join(cells):
            cells = [unescape_cell(value) for value in cells]
        row = dict(zip(header, cells))
        try:
            if not row.get("event_date", "").strip():
                raise origin.error("event_date", "missing")
            record = record_from_row(row, origin)
            if record["sources"] is not None:  # outlet lists repeat: parse each once
                key = row.get("source", "")
                if key not in outlets:
                    outlets[key] = parse_sources(record["sources"], origin, tz)
                record["sources"] = outlets[key]
            if any("|" in name for name in record["actors"]):  # the validator's text form splits on |
                records.incidents.append(incident_from_record(record, origin, tz))
                continue
            record["actors"] = ";".join(record["actors"])
            records.incidents.append(validator.incident([record.get(f) or "" for f in validator.FIELDS], origin))
        except InputError as exc:
            if exc.field in ("lat", "lon", "date"):  # name the ACLED column the user sees
                exc = origin.error({"lat": "latitude", "lon": "longitude", "date": "event_date"}[exc.field],
                                   exc.message)
            errors.append(exc)
    return count

"""Read UCDP GED events (the download CSV, or rows of the UCDP API as JSON) into incidents.

The Uppsala Conflict Data Program's Georeferenced Event Dataset is recognised by its columns
(``type_of_violence, date_start, latitude, longitude, best``...). Its codes become ours:

- ``type_of_violence`` 1/2/3: state-based, non-state and one-sided violence (event types whose
  legend labels say so);
- ``best`` deaths are the fatalities; ``low``/``high`` and the deaths by side go to the popup;
- ``side_a``/``side_b`` are the actors; ``dyad_name`` titles the incident and ``conflict_name``
  opens its description;
- ``date_start``..``date_end`` is the span; ``date_prec`` 1 (exact day) .. 5 (within a year) its
  time precision (day, day range, week, month, and the span itself for coarser ones);
- ``where_prec`` 1 (exact place) .. 7 (international waters): 1 is exact, 2 (within 25 km) near,
  3-7 (a district, a province, a line, the country...) a region, which the page draws as an
  approximate area, never as an exact point;
- ``source_article`` (``outlet,date,headline`` items separated by ``;``) gives the sources.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable, Mapping
from zoneinfo import ZoneInfo

from mapgen.errors import InputError
from mapgen.model import Origin, incident_from_record
from mapgen.readers.base import Records
from mapgen.readers.csv_events import long_lived_rows
from mapgen.readers.csvbase import CsvTable, unescape_cell

#: Columns whose presence marks a table as UCDP GED.
SIGNATURE = ("type_of_violence", "date_start", "latitude", "longitude", "best")
TYPES = {"1": "state-based violence", "2": "non-state violence", "3": "one-sided violence"}
#: where_prec -> our geo_precision (3 and above: only an area is known).
WHERE_PRECISION = {"1": "exact", "2": "near", "3": "region", "4": "region", "5": "region", "6": "region",
                   "7": "region"}
#: date_prec -> our time_precision (with date_start..date_end as the span).
DATE_PRECISION = {"1": "day", "2": "day", "3": "week", "4": "month", "5": "month"}
#: How the description words a date_prec coarser than a day.
DATE_WORDS = {"2": "known to within a few days", "3": "known to within a week", "4": "known to within a month",
              "5": "known to within a year"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def is_ucdp_header(header: Iterable[str]) -> bool:
    names = set(header)
    return all(name in names for name in SIGNATURE)


def _code(value: Any) -> str:
    """A code as text: ``1``, ``"1"`` and ``1.0`` (a spreadsheet's) are all ``"1"``."""
    if value is None:
        return ""
    text = (value if type(value) is str else str(value)).strip()
    return text[:-2] if text.endswith(".0") else text


def _day(value: Any, name: str, origin: Origin) -> str:
    """``2016-02-04`` from ``2016-02-04``, ``2016-02-04 00:00:00.000`` or ``2016-02-04T00:00:00``."""
    text = str(value or "").strip()
    if not text:
        raise origin.error(name, "missing")
    if not _DATE.match(text):
        raise origin.error(name, f"not a date (YYYY-MM-DD): {text[:30]!r}")
    return text[:10]


def _sources(row: Mapping[str, Any]) -> list[dict[str, str]]:
    """Sources from ``source_article`` (``outlet,date,headline;...``), else ``source_office``."""
    items: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for part in str(row.get("source_article") or "").split(";"):
        outlet, _, rest = part.strip().partition(",")
        outlet = outlet.strip().strip('"').strip()
        published = rest.strip().strip('"')[:10]
        if not outlet:
            continue
        item = {"outlet": outlet}
        if re.match(r"^\d{4}-\d{2}-\d{2}$", published):
            item["published"] = published
        key = (outlet, item.get("published", ""))
        if key not in seen:
            seen.add(key)
            items.append(item)
    if not items:
        for outlet in str(row.get("source_office") or "").split(";"):
            if outlet.strip() and (outlet.strip(), "") not in seen:
                seen.add((outlet.strip(), ""))
                items.append({"outlet": outlet.strip()})
    return items


def _number(row: Mapping[str, Any], name: str) -> str:
    return _code(row.get(name))


def _description(row: Mapping[str, Any], best: str) -> str:
    parts = []
    conflict = str(row.get("conflict_name") or "").strip()
    if conflict:
        parts.append(f"Conflict: {conflict}.")
    dyad = str(row.get("dyad_name") or "").strip()
    if dyad:
        parts.append(f"Dyad: {dyad}.")
    low, high = _number(row, "low"), _number(row, "high")
    if best:
        deaths = f"Deaths: {best} (best estimate"
        if low and high:
            deaths += f"; low {low}, high {high}"
        deaths += ")"
        sides = [(label, _number(row, name)) for label, name in (
            ("side A", "deaths_a"), ("side B", "deaths_b"), ("civilians", "deaths_civilians"),
            ("unknown", "deaths_unknown"))]
        known = [f"{label} {value}" for label, value in sides if value and value != "0"]
        parts.append(deaths + (": " + ", ".join(known) if known else "") + ".")
    where = str(row.get("where_description") or "").strip()
    if where:
        parts.append(f"Where: {where}.")
    precision = _code(row.get("date_prec"))
    if precision in DATE_WORDS:
        start, end = str(row.get("date_start") or "")[:10], str(row.get("date_end") or "")[:10]
        parts.append(f"When: between {start} and {end} ({DATE_WORDS[precision]}).")
    return " ".join(parts)


def record_from_row(row: Mapping[str, Any], origin: Origin) -> dict[str, Any]:
    """Our incident record for one GED row (before validation)."""
    kind = _code(row.get("type_of_violence"))
    if kind not in TYPES:
        raise origin.error("type_of_violence", f"UCDP code {kind[:20]!r} is not one of 1, 2, 3")
    where = _code(row.get("where_prec"))
    if where and where not in WHERE_PRECISION:
        raise origin.error("where_prec", f"UCDP code {where[:20]!r} is not one of 1..7")
    when = _code(row.get("date_prec"))
    if when and when not in DATE_PRECISION:
        raise origin.error("date_prec", f"UCDP code {when[:20]!r} is not one of 1..5")
    start = _day(row.get("date_start"), "date_start", origin)
    end = _day(row.get("date_end") or start, "date_end", origin)
    raw_id = _code(row.get("id"))
    best = _number(row, "best")
    dyad = str(row.get("dyad_name") or "").strip()
    place = str(row.get("where_coordinates") or "").strip() or str(row.get("adm_1") or "").strip()
    return {
        "id": f"ged-{raw_id}" if raw_id else None,
        "start": start,
        "end": end,
        "time_precision": DATE_PRECISION.get(when, "day"),
        "type": TYPES[kind],
        "place": place or None,
        "lat": row.get("latitude"),
        "lon": row.get("longitude"),
        "geo_precision": WHERE_PRECISION.get(where, "exact"),
        "actors": [name for name in (str(row.get("side_a") or "").strip(), str(row.get("side_b") or "").strip())
                   if name],
        "title": dyad or str(row.get("conflict_name") or "").strip(),
        "description": _description(row, best),
        "fatalities": best or None,
        "sources": _sources(row) or None,
    }


#: Our field -> the GED column an error about it should name.
_COLUMN_OF = {"lat": "latitude", "lon": "longitude", "start/end": "date_start", "date": "date_start",
              "fatalities": "best"}


def _incident(row: Mapping[str, Any], origin: Origin, tz: ZoneInfo, records: Records,
              errors: list[InputError]) -> None:
    try:
        records.incidents.append(incident_from_record(record_from_row(row, origin), origin, tz))
    except InputError as exc:
        if exc.field in _COLUMN_OF:
            exc = origin.error(_COLUMN_OF[exc.field], exc.message)
        errors.append(exc)


def read_ucdp_rows(table: CsvTable, tz: ZoneInfo, errors: list[InputError], records: Records) -> None:
    """Validate each row of an opened GED table into ``records``."""
    if not table.has_columns(SIGNATURE, errors):
        return
    header = table.header
    count = 0
    with long_lived_rows():  # many long-lived records: no collector passes over them meanwhile
        for line, cells in table.rows(errors):
            count += 1
            if "'" in "".join(cells):
                cells = [unescape_cell(value) for value in cells]
            _incident(dict(zip(header, cells)), Origin(table.file, line), tz, records, errors)
    if not count:
        errors.append(table.error("no records (only a header)"))


def ucdp_json_rows(data: Any) -> list[Any] | None:
    """The event rows of a UCDP API answer (``{"Result": [...], ...}``) or of a JSON list of
    GED rows; None when ``data`` is neither."""
    rows = data.get("Result") if isinstance(data, Mapping) else data
    if isinstance(rows, list) and (not rows or (isinstance(rows[0], Mapping) and is_ucdp_header(rows[0]))):
        return rows if rows or isinstance(data, Mapping) and "Result" in data else None
    return None


def read_ucdp_json(rows: list[Any], path: Path, tz: ZoneInfo, errors: list[InputError]) -> Records:
    """Validate rows of the UCDP API (``Result[i]`` in messages) into incidents."""
    records = Records()
    file = str(path)
    if not rows:
        errors.append(InputError("no records (Result is empty)", file=file, record=1))
        return records
    for index, row in enumerate(rows):
        origin = Origin(file, f"Result[{index}]")
        if not isinstance(row, Mapping):
            errors.append(origin.error(None, "an event must be a JSON object"))
            continue
        _incident({str(k).lower(): v for k, v in row.items()}, origin, tz, records, errors)
    return records


__all__ = ["SIGNATURE", "TYPES", "is_ucdp_header", "read_ucdp_json", "read_ucdp_rows", "record_from_row",
           "ucdp_json_rows"]

"""The ``.csv`` reader: one suffix, four layouts, told apart by the header.

ACLED exports (``event_date, event_type, latitude, longitude``...), UCDP GED
(``type_of_violence, date_start, best``...), town control (``place, faction, from``...), else the
plain incidents table (``id, date, type``...), whose columns map.yaml's ``columns:`` may rename
and whose dates ``date_format:`` may describe.
"""
from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from mapgen.errors import InputError
from mapgen.readers.acled import is_acled_header, read_acled_rows
from mapgen.readers.base import ReadOptions, Records
from mapgen.readers.control_csv import is_control_header, read_control_rows
from mapgen.readers.csv_events import read_event_rows
from mapgen.readers.csvbase import open_table
from mapgen.readers.ucdp import is_ucdp_header, read_ucdp_rows


def csv_layout(header: list[str]) -> str:
    """``"acled"``, ``"ucdp"``, ``"control"`` or ``"events"`` for a lower-cased header."""
    if is_acled_header(header):
        return "acled"
    if is_ucdp_header(header):
        return "ucdp"
    if is_control_header(header):
        return "control"
    return "events"


def read_csv(path: Path, tz: ZoneInfo, errors: list[InputError], options: ReadOptions) -> Records:
    """Read any of the CSV layouts; each bad row adds one error and is left out."""
    records = Records()
    try:
        table = open_table(path)
    except InputError as exc:
        errors.append(exc)
        return records
    records.warnings.extend(table.warnings)  # e.g. the encoding the file was read in
    layout = csv_layout(table.header)
    if layout == "events":
        if options.columns:
            table.rename(dict(options.columns))
        table.date_format = options.date_format
    reader = {"acled": read_acled_rows, "ucdp": read_ucdp_rows, "control": read_control_rows,
              "events": read_event_rows}[layout]
    reader(table, tz, errors, records)
    return records

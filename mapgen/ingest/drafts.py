"""Write draft incidents as YAML, and merge them into a map project without duplicates.

A draft is an ordinary incident record with ``review: true`` (``build`` leaves it out) and an
``ingest:`` mapping that says where it came from. Accepting a draft is deleting ``review: true``.
Merging skips a draft when the project already holds an incident of the same type at the same
place (within :data:`SAME_PLACE_KM`, or of the same name) whose dates overlap, within each one's
time precision.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence
from zoneinfo import ZoneInfo

import yaml

from mapgen.errors import InputError, InputErrors
from mapgen.ingest.textkeys import distance_km, fold
from mapgen.model import Incident
from mapgen.timeparse import parse_span
from mapgen.writefile import write_atomic

SAME_PLACE_KM = 2.0
DRAFTS_FILE = "drafts.yaml"

HEADER = """\
# Draft incidents written by `mapgen ingest`. `mapgen build` leaves out every incident marked
# `review: true`. For each draft: check the place, date, type and text against the report, fix
# or delete it, then remove `review: true` to accept it. `unresolved:` lists names that look
# like places but were not found (or not sure) in the gazetteer: add them to places.yaml or give
# lat/lon in a new incident.
"""


def _plain(value: Any) -> Any:
    """Mappings and lists from the line-keeping YAML loader as plain dicts and lists."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def render_drafts(drafts: Sequence[Mapping[str, Any]], unresolved: Sequence[Mapping[str, Any]] = ()) -> str:
    """The YAML text of a drafts file: ``incidents:`` then ``unresolved:``."""
    body: dict[str, Any] = {"incidents": [_plain(d) for d in drafts]}
    if unresolved:
        body["unresolved"] = [_plain(u) for u in unresolved]
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)   # libyaml: a long report's drafts in seconds
    text = yaml.dump(body, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)
    return HEADER + text


def write_drafts(path: str | Path, drafts: Sequence[Mapping[str, Any]],
                 unresolved: Sequence[Mapping[str, Any]] = ()) -> Path:
    """Write a drafts file atomically."""
    return write_atomic(Path(path), render_drafts(drafts, unresolved).encode("utf-8"))


@dataclass
class MergeResult:
    """What merging drafts into a project did."""

    path: Path
    added: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[tuple[dict[str, Any], str]] = field(default_factory=list)  # (draft, existing id)


def _span(record: Mapping[str, Any], tz: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    span, _ = parse_span(record.get("date"), start=record.get("start"), end=record.get("end"),
                         precision=record.get("time_precision"), tz=tz)
    return span.start, span.end


def _overlap(a: tuple[dt.datetime, dt.datetime], b: tuple[dt.datetime, dt.datetime]) -> bool:
    a_end = a[1] if a[1] > a[0] else a[0] + dt.timedelta(seconds=1)
    b_end = b[1] if b[1] > b[0] else b[0] + dt.timedelta(seconds=1)
    return a[0] < b_end and b[0] < a_end


@dataclass(frozen=True)
class _Known:
    id: str
    type: str
    span: tuple[dt.datetime, dt.datetime]
    names: frozenset[str]
    point: tuple[float, float] | None


def _known_from_incidents(incidents: Iterable[Incident], pins: Mapping[str, Any]) -> list[_Known]:
    known = []
    for inc in incidents:
        point = (inc.lat, inc.lon) if inc.located else None
        names = frozenset({fold(inc.place)} if inc.place else set())
        if point is None and inc.place:
            pin = pins.get(" ".join(inc.place.casefold().split()))
            if pin is not None:
                point = (pin.lat, pin.lon)
        known.append(_Known(inc.id, inc.type, (inc.start, inc.end), names, point))
    return known


def find_duplicate(draft: Mapping[str, Any], known: Sequence[_Known], tz: ZoneInfo) -> str | None:
    """The id of a known incident the draft repeats (same type, place and overlapping date)."""
    span = _span(draft, tz)
    names = {fold(str(draft.get("place") or ""))}
    meta = draft.get("ingest") or {}
    if isinstance(meta, Mapping) and isinstance(meta.get("gazetteer"), Mapping):
        names.add(fold(str(meta["gazetteer"].get("name") or "")))
    names.discard("")
    point = (float(draft["lat"]), float(draft["lon"])) if draft.get("lat") is not None else None
    for item in known:
        if item.id == draft.get("id"):
            return item.id
        if item.type != str(draft.get("type", "")).lower():
            continue
        same_place = bool(names & item.names) or (
            point is not None and item.point is not None
            and distance_km(point[0], point[1], item.point[0], item.point[1]) <= SAME_PLACE_KM)
        if same_place and _overlap(span, item.span):
            return item.id
    return None


def merge_into_project(project: str | Path, drafts: Sequence[Mapping[str, Any]],
                       unresolved: Sequence[Mapping[str, Any]] = ()) -> MergeResult:
    """Add ``drafts`` to ``PROJECT/events/drafts.yaml``, skipping any the project already holds.

    The project must load (its files valid); its incidents, drafts included, are what a new
    draft is compared with. Unresolved names are added to the file's ``unresolved:`` list.

    Raises
    ------
    InputErrors
        When the project cannot be read.
    """
    from mapgen.resolve import read_pins
    from mapgen.source import load_source

    folder = Path(project)
    if not folder.is_dir():
        raise InputErrors([InputError("not a map project folder", file=str(folder))])
    target = folder / "events" / DRAFTS_FILE
    existing_records: list[dict[str, Any]] = []
    existing_unresolved: list[dict[str, Any]] = []
    if target.exists():
        from mapgen.readers.yamlfile import load_yaml

        data = _plain(load_yaml(target)) or {}
        if isinstance(data, list):
            data = {"incidents": data}
        if not isinstance(data, dict):
            raise InputErrors([InputError("expected incidents: and unresolved: lists", file=str(target))])
        existing_records = list(data.get("incidents") or [])
        existing_unresolved = list(data.get("unresolved") or [])
    has_files = any((folder / sub).is_dir() and any((folder / sub).iterdir()) for sub in ("events", "zones"))
    incidents: list[Incident] = []
    tz = ZoneInfo("UTC")
    if has_files:
        source = load_source(folder)
        incidents = source.incidents
        tz = source.config.zone
        pins = read_pins(source.lock_path)
    else:
        pins = {}
    known = _known_from_incidents(incidents, pins)
    result = MergeResult(target)
    for draft in drafts:
        dup = find_duplicate(draft, known, tz)
        if dup is not None:
            result.duplicates.append((dict(draft), dup))
            continue
        result.added.append(dict(draft))
        span = _span(draft, tz)
        known.append(_Known(str(draft["id"]), str(draft["type"]), span,
                            frozenset({fold(str(draft.get("place") or ""))}),
                            (float(draft["lat"]), float(draft["lon"]))))
    seen = {fold(str(u.get("name", ""))) for u in existing_unresolved}
    merged_unresolved = existing_unresolved + [dict(u) for u in unresolved
                                               if fold(str(u.get("name", ""))) not in seen]
    records = existing_records + result.added
    if records and (result.added or len(merged_unresolved) != len(existing_unresolved)):
        write_drafts(target, records, merged_unresolved)
    return result


__all__ = ["MergeResult", "find_duplicate", "merge_into_project", "render_drafts", "write_drafts",
           "DRAFTS_FILE"]

"""The build record kept beside a map (``OUT.build.json``) and what changed since the last build.

The record holds, for every incident on the map, its id and a hash of its content (after place
resolution), and for every zone version its id, hash and validity dates. Comparing two records
says which incidents were added, changed or removed, and which zone versions changed, by date.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from operator import attrgetter
from typing import Any, Callable, Iterable, Mapping, Sequence

from mapgen.model import ControlZone, Incident
from mapgen.writefile import write_atomic

RECORD_VERSION = 2
SHOW_AT_MOST = 10


def record_path(out: str | Path) -> Path:
    """``map.html`` -> ``map.build.json``."""
    out = Path(out)
    return out.with_name(out.stem + ".build.json")


def incident_hash(inc: Incident, iso: Callable[[Any], str] = dt.datetime.isoformat) -> str:
    """A hash of everything about an incident that the map shows. ``iso``: the isoformat of a
    datetime (make_record passes one that remembers the moments it has seen)."""
    parts = [inc.id, iso(inc.start), iso(inc.end), inc.time_precision, inc.type,
             inc.place or "", "" if inc.lat is None else f"{inc.lat:.6f}",
             "" if inc.lon is None else f"{inc.lon:.6f}", inc.geo_precision, "|".join(inc.actors),
             inc.title, inc.description, "" if inc.fatalities is None else str(inc.fatalities)]
    for src in inc.sources:
        parts += [src.outlet, src.url or "", iso(src.published) if src.published else ""]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _remembering_isoformat() -> Callable[[Any], str]:
    """``datetime.isoformat`` that reuses the text of a moment object it has seen (readers hand
    out one object per distinct date, which thousands of incidents share). Keyed by identity:
    only for objects alive while it is used."""
    seen: dict[int, str] = {}

    def iso(moment: Any) -> str:
        text = seen.get(id(moment))
        if text is None:
            text = seen[id(moment)] = moment.isoformat()
        return text

    return iso


def zone_hash(zone: ControlZone) -> str:
    parts = [zone.id, zone.faction, zone.valid_from.isoformat(),
             zone.valid_to.isoformat() if zone.valid_to else "", zone.status, zone.geometry.wkb_hex]
    for src in zone.sources:
        parts += [src.outlet, src.url or ""]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def make_record(incidents: Iterable[Incident], zones: Iterable[ControlZone], *, source: str = "",
                left_out_for_review: int = 0) -> dict[str, Any]:
    """The record of one build."""
    iso = _remembering_isoformat()  # the start's isoformat begins with its date
    return {
        "version": RECORD_VERSION,
        "source": source,
        "left_out_for_review": left_out_for_review,
        # compact rows (a 10,000-incident map has a 10,000-row record): [hash, date, type, place]
        "incidents": {inc.id: [incident_hash(inc, iso), iso(inc.start)[:10], inc.type, inc.place or ""]
                      for inc in sorted(incidents, key=attrgetter("id"))},
        # [hash, faction, valid from, valid to]
        "zones": {z.id: [zone_hash(z), z.faction, z.valid_from.date().isoformat(),
                         z.valid_to.date().isoformat() if z.valid_to else None]
                  for z in sorted(zones, key=lambda z: z.id)},
    }


def read_record(path: str | Path, warnings: list[str] | None = None) -> dict[str, Any] | None:
    """A previous record, or None when there is none, or when it cannot be read or is not a
    record (then all is new, and a line saying so is added to ``warnings``)."""
    path = Path(path)
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, RecursionError) as exc:
        reason = getattr(exc, "strerror", None) or "not JSON"
        _warn(warnings, path, reason)
        return None
    problem = _record_problem(data)
    if problem:
        _warn(warnings, path, problem)
        return None
    return data


def _warn(warnings: list[str] | None, path: Path, reason: str) -> None:
    if warnings is not None:
        warnings.append(f"{path}: previous build record ignored ({reason}); every incident counts as new")


def _record_problem(data: Any) -> str | None:
    """What makes ``data`` not a record of this version, or None."""
    if not isinstance(data, dict) or data.get("version") != RECORD_VERSION:
        return f"not a version {RECORD_VERSION} build record"
    incidents, zones = data.get("incidents"), data.get("zones")
    if not isinstance(incidents, dict) or not isinstance(zones, dict):
        return "incidents and zones must be mappings"
    for row in incidents.values():
        if not (isinstance(row, list) and len(row) == 4 and all(isinstance(v, str) for v in row)):
            return "an incident row is not [hash, date, type, place]"
    for row in zones.values():
        if not (isinstance(row, list) and len(row) == 4 and all(isinstance(v, str) for v in row[:3])
                and isinstance(row[3], (str, type(None)))):
            return "a zone row is not [hash, faction, from, to]"
    return None


def record_bytes(record: Mapping[str, Any]) -> bytes:
    """The text of a record file."""
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def write_record(path: str | Path, record: Mapping[str, Any]) -> Path:
    return write_atomic(Path(path), record_bytes(record))


@dataclass
class Changes:
    """What changed between two builds."""

    first_build: bool = False
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    zones: dict[str, list[str]] = field(default_factory=dict)   # date -> ["+id", "~id", "-id"]
    new: Mapping[str, Any] = field(default_factory=dict)
    old: Mapping[str, Any] = field(default_factory=dict)

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.zones)

    def summary(self) -> str:
        """One line: counts of added, changed and removed incidents and zone versions."""
        if self.first_build:
            return (f"first build: {len(self.new.get('incidents', {}))} incidents, "
                    f"{len(self.new.get('zones', {}))} zone versions")
        if not self.any:
            return "no changes since the last build"
        zone_count = sum(len(v) for v in self.zones.values())
        return (f"changes since the last build: {len(self.added)} incidents added, "
                f"{len(self.changed)} changed, {len(self.removed)} removed; "
                f"{zone_count} zone change{'s' if zone_count != 1 else ''}")

    def lines(self, limit: int = SHOW_AT_MOST) -> list[str]:
        """The summary, then one line per change (at most ``limit`` per kind)."""
        out = [self.summary()]
        if self.first_build:
            return out
        for mark, ids, record in (("+", self.added, self.new), ("~", self.changed, self.new),
                                  ("-", self.removed, self.old)):
            items = record.get("incidents", {})
            for ident in ids[:limit]:
                _, day, kind, place = items.get(ident) or ("", "", "", "")
                out.append(f"  {mark} {ident}  {day}  {kind}{'  ' + place if place else ''}")
            if len(ids) > limit:
                out.append(f"  {mark} ... and {len(ids) - limit} more")
        for day in sorted(self.zones):
            out.append(f"  zones from {day}: {', '.join(self.zones[day])}")
        return out


def compare(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> Changes:
    """The changes from record ``old`` (None: first build) to ``new``."""
    if old is None:
        return Changes(first_build=True, new=new)
    changes = Changes(new=new, old=old)
    before, after = old.get("incidents", {}), new.get("incidents", {})
    changes.added = sorted(set(after) - set(before))
    changes.removed = sorted(set(before) - set(after))
    changes.changed = sorted(i for i in set(after) & set(before) if after[i][0] != before[i][0])
    zb, za = old.get("zones", {}), new.get("zones", {})
    for mark, ids, record in (("+", set(za) - set(zb), za), ("-", set(zb) - set(za), zb),
                              ("~", {z for z in set(za) & set(zb) if za[z][0] != zb[z][0]}, za)):
        for ident in sorted(ids):
            changes.zones.setdefault(record[ident][2], []).append(f"{mark}{ident}")
    return changes


def record_build(out: str | Path, incidents: Sequence[Incident], zones: Sequence[ControlZone], *,
                 source: str = "", left_out_for_review: int = 0,
                 warnings: list[str] | None = None) -> Changes:
    """Compare the build just written to ``out`` with the last one, and keep its record."""
    changes, data = prepare_record(out, incidents, zones, source=source, left_out_for_review=left_out_for_review,
                                   warnings=warnings)
    write_atomic(record_path(out), data)
    return changes


def prepare_record(out: str | Path, incidents: Sequence[Incident], zones: Sequence[ControlZone], *,
                   source: str = "", left_out_for_review: int = 0,
                   warnings: list[str] | None = None) -> tuple[Changes, bytes]:
    """The changes since the record beside ``out``, and the new record's bytes (to write with the map)."""
    new = make_record(incidents, zones, source=source, left_out_for_review=left_out_for_review)
    return compare(read_record(record_path(out), warnings), new), record_bytes(new)

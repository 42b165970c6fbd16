"""Write draft incidents as YAML, and merge them into a map project without duplicates.

A draft is an ordinary incident record with ``review: true`` (``build`` leaves it out) and an
``ingest:`` mapping that says where it came from. Accepting a draft is deleting ``review: true``.
Merging appends to the drafts file as text (the editor's comments stay) and records every id it
offered in ``PROJECT/ingested.yaml``, so that a deleted draft is not offered again.
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
from mapgen.gcpause import paused_gc
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
# lat/lon in a new incident. `set_aside:` lists places the report names but not as incidents
# (where someone speaks or meets, a capital named for its government, an earlier time's event).
"""


def _plain(value: Any) -> Any:
    """Mappings and lists from the line-keeping YAML loader as plain dicts and lists."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_SCALARS = frozenset((int, float, bool, type(None)))
_SafeDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)   # libyaml when there


class _Dumper(_SafeDumper):  # type: ignore[misc, valid-type]
    """The safe dumper, asking once per distinct text whether it reads as a plain string (a
    drafts file repeats its place names, types and dates thousands of times)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._resolved: dict[tuple[Any, Any, Any], Any] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if type(value) is not str:
            return super().resolve(kind, value, implicit)
        key = (kind, value, implicit)
        hit = self._resolved.get(key)
        if hit is None:
            hit = self._resolved[key] = super().resolve(kind, value, implicit)
        return hit


@paused_gc()
def _block_yaml(data: Any) -> str:
    """The text ``yaml.dump(data, Dumper=CSafeDumper, sort_keys=False, allow_unicode=True,
    width=100, default_flow_style=False)`` gives, made faster for long reports: mappings, lists
    and strings become YAML nodes directly (the nodes the safe representer would make) for
    libyaml to write. Mapping keys are written as strings (as :func:`_plain` makes them)."""
    import io

    stream = io.StringIO()
    dumper = _Dumper(stream, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    scalar, sequence, mapping = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode
    representers = dumper.yaml_representers

    def node(value: Any) -> Any:
        kind = type(value)
        if kind is str:
            return scalar(_STR_TAG, value)
        if kind is dict:
            return mapping(_MAP_TAG, [(scalar(_STR_TAG, str(k)), node(v)) for k, v in value.items()],
                           flow_style=False)
        if kind is list:
            return sequence(_SEQ_TAG, [node(v) for v in value], flow_style=False)
        if kind in _SCALARS:
            dumper.alias_key = None
            return representers[kind](dumper, value)
        if isinstance(value, Mapping):
            return node(dict(value))
        return dumper.represent_data(value)

    try:
        dumper.open()
        dumper.serialize(node(data))
        dumper.close()
    finally:
        dumper.dispose()
    return stream.getvalue()


def render_drafts(drafts: Sequence[Mapping[str, Any]], unresolved: Sequence[Mapping[str, Any]] = (),
                  set_aside: Sequence[Mapping[str, Any]] = ()) -> str:
    """The YAML text of a drafts file: ``incidents:``, then ``unresolved:`` and ``set_aside:``."""
    body: dict[str, Any] = {"incidents": list(drafts)}
    if unresolved:
        body["unresolved"] = list(unresolved)
    if set_aside:
        body["set_aside"] = list(set_aside)
    return HEADER + _block_yaml(body)


def write_drafts(path: str | Path, drafts: Sequence[Mapping[str, Any]],
                 unresolved: Sequence[Mapping[str, Any]] = (), set_aside: Sequence[Mapping[str, Any]] = ()) -> Path:
    """Write a drafts file atomically."""
    return write_atomic(Path(path), render_drafts(drafts, unresolved, set_aside).encode("utf-8"))


@dataclass
class MergeResult:
    """What merging drafts into a project did."""

    path: Path
    added: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[tuple[dict[str, Any], str]] = field(default_factory=list)  # (draft, existing id)
    offered_before: list[dict[str, Any]] = field(default_factory=list)  # listed in ingested.yaml


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


RECORD_FILE = "ingested.yaml"
RECORD_HEADER = """\
# Drafts `mapgen ingest --into` has offered this map, by id. A draft listed here is never
# offered again, so a draft the editor deleted stays deleted when its report is ingested again.
# Remove an id to be offered that draft again.
"""


def read_record(project: str | Path) -> dict[str, Any]:
    """The ids of the drafts already offered to ``project`` (its ``ingested.yaml``), with what
    each was; empty when there is none. A record that cannot be read is an input error."""
    path = Path(project) / RECORD_FILE
    if not path.exists():
        return {}
    from mapgen.readers.yamlfile import load_yaml

    data = _plain(load_yaml(path)) or {}
    offered = data.get("ingested") if isinstance(data, dict) else None
    if offered is None:
        offered = {}
    if not isinstance(offered, dict):
        raise InputErrors([InputError("expected a mapping of draft ids", file=str(path), field="ingested")])
    return offered


def _write_record(project: Path, offered: Mapping[str, Any]) -> Path:
    body = yaml.dump({"ingested": dict(offered)}, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
                     sort_keys=False, allow_unicode=True, width=200, default_flow_style=None)
    return write_atomic(project / RECORD_FILE, (RECORD_HEADER + body).encode("utf-8"))


def _items_text(items: Sequence[Mapping[str, Any]], indent: int) -> str:
    """Block-sequence YAML for ``items`` with the dash at column ``indent``."""
    text = _block_yaml(list(items))
    if indent:
        text = "".join(" " * indent + line if line.strip() else line for line in text.splitlines(True))
    return text


def _line_after(text: str, index: int) -> int:
    """The offset of the start of the line after the one holding ``index`` (or the end)."""
    if index > 0 and text[index - 1] == "\n":
        return index
    nl = text.find("\n", index)
    return len(text) if nl < 0 else nl + 1


def append_to_drafts(text: str, key: str, items: Sequence[Mapping[str, Any]]) -> str:
    """``text`` (a drafts file) with ``items`` added at the end of its top-level ``key:`` list,
    everything else (the editor's comments, order and layout) left as it was."""
    if not items:
        return text
    root = yaml.compose(text, Loader=yaml.SafeLoader) if text.strip() else None
    if isinstance(root, yaml.SequenceNode) and key == "incidents" and root.value and not root.flow_style:
        return _append_to_sequence(text, root, items)   # a bare list of incidents
    node = None
    if isinstance(root, yaml.MappingNode):
        for k, v in root.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                node = v
    if node is None or (isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null")):
        if node is not None:   # "key:" with nothing after it: the list goes on the next lines
            at = _line_after(text, node.end_mark.index)
            return text[:at] + _items_text(items, 0) + text[at:]
        head = "" if not text or text.endswith("\n") else "\n"
        return text + head + f"{key}:\n" + _items_text(items, 0)
    if not isinstance(node, yaml.SequenceNode):
        raise ValueError(f"{key}: is not a list")
    if node.flow_style or not node.value:   # "key: []" or "[a, b]": written again as a block list
        existing = yaml.safe_load(text[node.start_mark.index:node.end_mark.index]) or []
        block = "\n" + _items_text([*existing, *items], 0)
        after = _line_after(text, node.end_mark.index)
        rest = text[node.end_mark.index:after].strip()
        return text[:node.start_mark.index].rstrip(" ") + block + (f"# {rest.lstrip('#').strip()}\n" if rest else "") + text[after:]
    return _append_to_sequence(text, node, items)


def _append_to_sequence(text: str, node: Any, items: Sequence[Mapping[str, Any]]) -> str:
    # a block sequence starts at its first dash: new items go after the last item's content and
    # the comments indented under it, at the dash's column; other comments stay where they are
    dash = node.start_mark.column
    last = node.value[-1]
    while isinstance(last, (yaml.MappingNode, yaml.SequenceNode)) and last.value:
        last = last.value[-1][1] if isinstance(last, yaml.MappingNode) else last.value[-1]
    at = _line_after(text, last.end_mark.index)
    while at < len(text):
        end = text.find("\n", at) + 1 or len(text)
        line = text[at:end]
        if not (line.lstrip().startswith("#") and len(line) - len(line.lstrip()) > dash):
            break
        at = end
    return text[:at] + _items_text(items, dash) + text[at:]


def merge_into_project(project: str | Path, drafts: Sequence[Mapping[str, Any]],
                       unresolved: Sequence[Mapping[str, Any]] = (),
                       set_aside: Sequence[Mapping[str, Any]] = ()) -> MergeResult:
    """Add ``drafts`` to ``PROJECT/events/drafts.yaml``, skipping any the project already holds
    and any offered to it before (listed in ``PROJECT/ingested.yaml``: a draft the editor deleted
    stays deleted).

    The project must load (its files valid); its incidents, drafts included, are what a new
    draft is compared with. New drafts and unresolved names are appended to the file as text, so
    the editor's comments, order and layout stay as they were.

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
    existing_unresolved: list[dict[str, Any]] = []
    existing_aside: list[dict[str, Any]] = []
    text = ""
    if target.exists():
        from mapgen.readers.yamlfile import load_yaml

        data = _plain(load_yaml(target)) or {}
        if isinstance(data, list):
            data = {"incidents": data}
            unresolved = set_aside = ()   # a bare list of incidents has no place for them
        if not isinstance(data, dict):
            raise InputErrors([InputError("expected incidents: and unresolved: lists", file=str(target))])
        existing_unresolved = list(data.get("unresolved") or [])
        existing_aside = list(data.get("set_aside") or [])
        text = target.read_text(encoding="utf-8")
    offered = read_record(folder)
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
        if str(draft.get("id")) in offered:
            result.offered_before.append(dict(draft))
            continue
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
    new_unresolved = [dict(u) for u in unresolved if fold(str(u.get("name", ""))) not in seen]
    seen_aside = {(fold(str(u.get("name", ""))), str(u.get("why", ""))) for u in existing_aside}
    new_aside = [dict(u) for u in set_aside if (fold(str(u.get("name", ""))), str(u.get("why", ""))) not in seen_aside]
    if result.added or new_unresolved or new_aside:
        if not text:
            text = HEADER
        try:
            text = append_to_drafts(text, "incidents", result.added)
            text = append_to_drafts(text, "unresolved", new_unresolved)
            text = append_to_drafts(text, "set_aside", new_aside)
        except ValueError as exc:
            raise InputErrors([InputError(str(exc), file=str(target))]) from None
        write_atomic(target, text.encode("utf-8"))
    if result.added:
        for draft in result.added:
            offered[str(draft["id"])] = {"date": str(draft.get("date")), "type": draft.get("type"),
                                         "place": draft.get("place")}
        _write_record(folder, offered)
    return result


__all__ = ["MergeResult", "append_to_drafts", "find_duplicate", "merge_into_project", "read_record",
           "render_drafts", "write_drafts", "DRAFTS_FILE", "RECORD_FILE"]

"""What a rebuild does not redo: parsed source files and the page around the data.

Parsing YAML is most of a build's time, so every events or zones file that read without
errors is kept, parsed, under ``MAPGEN_HOME/cache/``. An entry's name is a hash of everything
that shapes what it holds: the bytes of the file, the path it was read by, the time zone, the
reader options, and a stamp of the code and libraries that read and draw it. Nothing else (no
sizes, no modification times) decides that a file is unchanged.

Entries are plain JSON, parsed field by field into the model's objects (nothing in a cache
file can run code), each behind a line holding the SHA-256 of its bytes: an entry that is
unreadable, damaged or does not match is ignored, reported once, and the file read again. A
new entry is stored only when it decodes back to exactly what it encodes, so a build with the
cache writes the same bytes as ``--no-cache``, always.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable
from zoneinfo import ZoneInfo

from mapgen.errors import InputError
from mapgen.model import ControlZone, Incident, Origin, Source
from mapgen.readers import ReadOptions, Records, read_file
from mapgen.towncontrol import TownControl
from mapgen.readers.vector import sidecar_files
from mapgen.writefile import write_atomic

CACHE_FORMAT = 5
MAGIC = b"mapgen-cache 5 sha256="
#: the fields an entry encodes; a model or reader result with others is not cached (read again)
_SHAPES = {
    Records: ("incidents", "zones", "control", "warnings"),
    Incident: ("id", "start", "end", "time_precision", "type", "place", "lat", "lon", "geo_precision",
               "actors", "title", "description", "fatalities", "sources", "review", "origin"),
    Source: ("outlet", "url", "published"),
    ControlZone: ("id", "faction", "geometry", "valid_from", "valid_to", "status", "sources", "origin", "towns"),
    TownControl: ("place", "faction", "valid_from", "valid_to", "status", "sources", "lat", "lon", "country",
                  "origin"),
}


def default_home(home: str | os.PathLike[str] | None = None) -> Path:
    """``home``, else env ``MAPGEN_HOME``, else the user data folder (as the gazetteer does)."""
    if home is None or str(home) == "":
        home = os.environ.get("MAPGEN_HOME") or None
    if home is None:
        import platformdirs

        home = platformdirs.user_data_dir("mapgen", appauthor=False)
    return Path(home).expanduser()


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """A hash of the bytes of the code, data and page assets that read and draw a map, and of
    the versions of Python and the libraries that make the page (so no cache outlives them)."""
    import mapgen

    root = Path(mapgen.__file__).parent
    digest = hashlib.sha256(sys.version.encode())
    for rel in sorted(("model.py", "timeparse.py", "config.py", "basemap.py", "towncontrol.py", "shape.py",
                       "errors.py", "buildcache.py", "readers", "templates", "static", "render", "data")):
        path = root / rel
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and file.suffix in (".py", ".j2", ".js", ".css", ".html", ".json", ".jsonl"):
                digest.update(f"\0{file.relative_to(root)}\0".encode())
                digest.update(file.read_bytes())
    from importlib import metadata

    for dist in ("folium", "branca", "jinja2", "django-js-lib-leaflet", "PyYAML", "shapely"):
        try:
            digest.update(f"\0{dist}=={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"\0{dist}: none".encode())
    return digest.hexdigest()[:32]


def _copy(records: Records) -> Records:
    """A copy whose lists (incidents, zones, control rows, warnings...) can be extended freely."""
    return Records(**{f.name: list(getattr(records, f.name)) for f in dataclasses.fields(records)})


class Uncacheable(Exception):
    """Records the entry format cannot hold exactly (they are then simply not cached)."""


# -- the entry format: JSON, every object rebuilt field by field --------------------------------

_SHAPES_CHECKED: set[type] = set()  # classes whose fields were found to be the ones above


def _check_shape(obj: Any) -> None:
    # a dataclass's fields belong to its class: each class is compared once, not every record
    kind = type(obj)
    if kind in _SHAPES_CHECKED:
        return
    names = tuple(f.name for f in dataclasses.fields(obj))
    if names != _SHAPES.get(kind):
        raise Uncacheable(f"{kind.__name__} has fields {names}")
    _SHAPES_CHECKED.add(kind)


class _Encoder:
    """Tables of the distinct moments, sources and file names of one file's records."""

    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz
        self.moments: dict[int, int] = {}
        self.moment_list: list[str] = []
        self.sources: dict[int, int] = {}
        self.source_list: list[list[Any]] = []
        self.files: dict[str, int] = {}
        self.keep: list[Any] = []  # objects whose id() is a key above stay alive

    def moment(self, value: dt.datetime | None) -> int | None:
        if value is None:
            return None
        index = self.moments.get(id(value))
        if index is None:
            if type(value) is not dt.datetime or value.tzinfo is not self.tz:
                raise Uncacheable("a moment not in the map's time zone")
            text = value.replace(tzinfo=None).isoformat() + ("|1" if value.fold else "")
            index = self.moments[id(value)] = len(self.moment_list)
            self.moment_list.append(text)
            self.keep.append(value)
        return index

    def source_refs(self, sources: tuple[Source, ...]) -> list[int]:
        refs = []
        for src in sources:
            index = self.sources.get(id(src))
            if index is None:
                _check_shape(src)
                if not isinstance(src.outlet, str) or not isinstance(src.url, (str, type(None))):
                    raise Uncacheable("source fields")
                index = self.sources[id(src)] = len(self.source_list)
                self.source_list.append([src.outlet, src.url, self.moment(src.published)])
                self.keep.append(src)
            refs.append(index)
        return refs

    def origin(self, origin: Origin) -> list[Any]:
        index = self.files.get(origin.file)
        if index is None:
            index = self.files[origin.file] = len(self.files)
        if origin.record is not None and type(origin.record) not in (int, str):
            raise Uncacheable("record of an origin")
        return [index, origin.record]


def _number(value: Any) -> Any:
    if value is not None and type(value) not in (int, float):
        raise Uncacheable("a number that is not int or float")
    return value


def encode_records(records: Records, tz: ZoneInfo) -> bytes:
    """The JSON text of ``records`` read in ``tz``; raises :class:`Uncacheable`."""
    _check_shape(records)
    enc = _Encoder(tz)
    incidents = []
    for inc in records.incidents:
        _check_shape(inc)
        if type(inc.actors) is not tuple or type(inc.review) is not bool:
            raise Uncacheable("incident fields")
        incidents.append([inc.id, enc.moment(inc.start), enc.moment(inc.end), inc.time_precision, inc.type,
                          inc.place, _number(inc.lat), _number(inc.lon), inc.geo_precision, list(inc.actors),
                          inc.title, inc.description, _number(inc.fatalities), enc.source_refs(inc.sources),
                          inc.review, *enc.origin(inc.origin)])
    zones = []
    for zone in records.zones:
        _check_shape(zone)
        if zone.towns:  # only zones derived from town control list towns, and those are not read
            raise Uncacheable("zone towns")
        zones.append([zone.id, zone.faction, zone.geometry.wkb_hex, enc.moment(zone.valid_from),
                      enc.moment(zone.valid_to), zone.status, enc.source_refs(zone.sources),
                      *enc.origin(zone.origin)])
    control = []
    for row in records.control:
        _check_shape(row)
        control.append([row.place, row.faction, enc.moment(row.valid_from), enc.moment(row.valid_to), row.status,
                        enc.source_refs(row.sources), _number(row.lat), _number(row.lon), row.country,
                        *enc.origin(row.origin)])
    warnings = []
    for warning in records.warnings:
        if type(warning) is not InputError:
            raise Uncacheable("a warning that is not an InputError")
        warnings.append([warning.message, warning.file, warning.record, warning.field])
    data = {"tz": str(tz), "moments": enc.moment_list, "sources": enc.source_list, "files": list(enc.files),
            "incidents": incidents, "zones": zones, "control": control, "warnings": warnings}
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        return text.encode("utf-8")
    except (TypeError, ValueError) as exc:  # a value JSON cannot hold exactly
        raise Uncacheable(str(exc)) from None


def decode_records(payload: bytes, tz: ZoneInfo) -> Records:
    """Records from :func:`encode_records`' text; raises ValueError (or TypeError, KeyError,
    IndexError) for anything that is not exactly such a text."""
    data = json.loads(payload.decode("utf-8"))
    if not isinstance(data, dict) or data.get("tz") != str(tz):
        raise ValueError("not an entry of this time zone")
    moments: list[dt.datetime] = []
    for text in data["moments"]:
        naive, _, fold = text.partition("|")
        moments.append(dt.datetime.fromisoformat(naive).replace(tzinfo=tz, fold=1 if fold == "1" else 0))

    def moment(index: Any) -> dt.datetime | None:
        return None if index is None else moments[_index(index)]

    sources = [Source(_text(o), _opt_text(u), moment(p)) for o, u, p in data["sources"]]
    files = [_text(f) for f in data["files"]]
    origins: dict[tuple[int, Any], Origin] = {}

    def origin(file_index: Any, record: Any) -> Origin:
        key = (_index(file_index), record)
        found = origins.get(key)
        if found is None:
            if record is not None and type(record) not in (int, str):
                raise ValueError("record")
            found = origins[key] = Origin(files[key[0]], record)
        return found

    def refs(items: Any) -> tuple[Source, ...]:
        return tuple(sources[_index(i)] for i in items)

    records = Records()
    for (ident, start, end, precision, kind, place, lat, lon, geo, actors, title, description, fatalities,
         source_refs, review, file_index, record) in data["incidents"]:
        records.incidents.append(Incident(
            _text(ident), moment(start), moment(end), _text(precision), _text(kind), _opt_text(place),
            _opt_num(lat), _opt_num(lon), _text(geo), tuple(_text(a) for a in actors), _text(title),
            _text(description), _opt_int(fatalities), refs(source_refs), _bool(review), origin(file_index, record)))
    if data["zones"]:
        from shapely import wkb

        for ident, faction, geometry, start, end, status, source_refs, file_index, record in data["zones"]:
            records.zones.append(ControlZone(
                _text(ident), _text(faction), wkb.loads(bytes.fromhex(_text(geometry))), moment(start),
                moment(end), _text(status), refs(source_refs), origin(file_index, record)))
    for place, faction, start, end, status, source_refs, lat, lon, country, file_index, record in data["control"]:
        records.control.append(TownControl(
            _text(place), _text(faction), moment(start), moment(end), _text(status), refs(source_refs),
            _opt_num(lat), _opt_num(lon), _text(country), origin(file_index, record)))
    for message, file, record, field_name in data["warnings"]:
        if record is not None and type(record) not in (int, str):
            raise ValueError("record")
        records.warnings.append(InputError(_text(message), file=_opt_text(file), record=record,
                                           field=_opt_text(field_name)))
    return records


def _index(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise ValueError("index")
    return value


def _text(value: Any) -> str:
    if type(value) is not str:
        raise ValueError("text")
    return value


def _opt_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _opt_num(value: Any) -> float | None:
    if value is not None and type(value) not in (int, float):
        raise ValueError("number")
    return value


def _opt_int(value: Any) -> int | None:
    if value is not None and type(value) is not int:
        raise ValueError("whole number")
    return value


def _bool(value: Any) -> bool:
    if type(value) is not bool:
        raise ValueError("true or false")
    return value


def seal(payload: bytes) -> bytes:
    """An entry file's bytes: a line with the SHA-256 of ``payload``, then ``payload``."""
    return MAGIC + hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload


def unseal(data: bytes) -> bytes:
    """The payload of an entry file; ValueError unless its checksum matches."""
    head, newline, payload = data.partition(b"\n")
    if not newline or not head.startswith(MAGIC):
        raise ValueError("not a cache entry")
    if head[len(MAGIC):] != hashlib.sha256(payload).hexdigest().encode("ascii"):
        raise ValueError("checksum mismatch")
    return payload


def _key(**parts: Any) -> str:
    """A hash of a JSON object of ``parts`` (a structure: no two keys can run together)."""
    text = json.dumps({"format": CACHE_FORMAT, "code": code_stamp(), **parts}, sort_keys=True,
                      ensure_ascii=True, default=repr)
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:40]


def _file_digest(path: Path) -> str | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except (OSError, ValueError):
        return None


class BuildCache:
    """Parsed files and the page around the data for one output map, kept between builds.

    The cache is a folder with one entry per parsed file and one for the page, each named by
    the hash of what it depends on; a build removes the entries it did not use.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.hits = 0
        self.misses = 0
        self.problems: list[str] = []   # damaged entries met (ignored and rebuilt)
        self._pending: dict[str, bytes] = {}  # entry name -> sealed bytes to write
        self._used: set[str] = set()

    @classmethod
    def for_output(cls, out: str | Path, home: str | os.PathLike[str] | None = None) -> "BuildCache":
        """The cache of the map written to ``out``."""
        key = hashlib.sha256(str(Path(out).resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:20]
        return cls(default_home(home) / "cache" / f"build-{key}")

    def _entry(self, name: str) -> Path:
        return self.path / f"{name}.json"

    def _load(self, name: str) -> bytes | None:
        """The verified payload of entry ``name``; None when there is none or it is damaged."""
        try:
            data = self._entry(name).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            self._problem(name, exc.strerror or str(exc))
            return None
        try:
            return unseal(data)
        except ValueError as exc:
            self._problem(name, str(exc))
            return None

    def _problem(self, name: str, what: str) -> None:
        self.problems.append(f"{self._entry(name)}: {what}")

    def warning(self) -> str | None:
        """One line about damaged entries met during the build, or None."""
        if not self.problems:
            return None
        more = len(self.problems) - 1
        return (f"build cache entry ignored and rebuilt ({self.problems[0]}"
                + (f"; and {more} more" if more else "") + ")")

    def save(self) -> None:
        """Write the new entries (atomically) and remove the ones this build did not use; a
        cache that cannot be written is only slower."""
        try:
            for name, data in self._pending.items():
                write_atomic(self._entry(name), data)
            self._pending.clear()
            for entry in self.path.iterdir():
                if entry.suffix == ".json" and entry.stem not in self._used:
                    entry.unlink()
        except OSError:
            return

    # -- parsed files ---------------------------------------------------------------------
    def read(self, path: Path, tz: ZoneInfo, errors: list[InputError], options: ReadOptions) -> Records:
        """:func:`mapgen.readers.read_file`, answered from the cache when the file is unchanged."""
        digest = _file_digest(path) if path.is_file() else None  # a device could be read forever
        if digest is None:
            return read_file(path, tz, errors, options)
        # a Shapefile's attributes live in its .dbf (and .shx, .prj, .cpg): their bytes count too
        sidecars = [[other.name, _file_digest(other)] for other in sidecar_files(path)]
        name = _key(kind="file", path=str(path), content=digest, sidecars=sidecars, tz=str(tz), reader=path.suffix.lower(),
                    options=dataclasses.asdict(options) if dataclasses.is_dataclass(options) else repr(options))
        self._used.add(name)
        payload = self._load(name)
        if payload is not None:
            try:
                records = decode_records(payload, tz)
            except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError) as exc:
                self._problem(name, f"undecodable ({exc.__class__.__name__})")
            else:
                self.hits += 1
                return records
        self.misses += 1
        before = len(errors)
        records = read_file(path, tz, errors, options)
        if len(errors) == before and _file_digest(path) == digest:  # unchanged while it was read
            self._store(name, records, tz)
        return records

    def _store(self, name: str, records: Records, tz: ZoneInfo) -> None:
        """Keep ``records`` if they decode back to exactly what was encoded."""
        try:
            payload = encode_records(records, tz)
            if encode_records(decode_records(payload, tz), tz) != payload:
                return
        except (Uncacheable, ValueError, TypeError, KeyError, IndexError, AttributeError):
            return
        self._pending[name] = seal(payload)

    # -- the page -------------------------------------------------------------------------
    def render(self, payload_text: str, title: str, full_render: Callable[[], str], lazy_text: str = "", *,
               cdn: bool = False) -> str:
        """The page for ``payload_text`` (the serialised data, a JSON object) and ``lazy_text``
        (the popup texts' block after the script, see :func:`mapgen.shape.page_data`): the
        cached parts around them, or ``full_render()`` once, split around them, to make them.

        The page may add keys of its own at the end of the object (web tile settings), so the
        split is made after the data's last key, before its closing brace.
        """
        body = payload_text[:-1] if payload_text.endswith("}") else payload_text
        name = _key(kind="page", title=title, cdn=bool(cdn), lazy=bool(lazy_text))
        self._used.add(name)
        payload = self._load(name)
        if payload is not None:
            try:
                parts = json.loads(payload.decode("utf-8"))
                if not (isinstance(parts, list) and len(parts) == 3 and all(type(p) is str for p in parts)):
                    raise ValueError("not three parts")
            except ValueError as exc:
                self._problem(name, f"undecodable ({exc.__class__.__name__})")
            else:
                self.hits += 1
                return parts[0] + body + parts[1] + lazy_text + parts[2]
        page = full_render()
        at = page.find(body)
        if at < 0 or page.find(body, at + 1) >= 0:
            return page
        rest = page[at + len(body):]
        split = rest.find(lazy_text) if lazy_text else len(rest)
        if split >= 0 and (not lazy_text or rest.find(lazy_text, split + 1) < 0):
            parts = [page[:at], rest[:split], rest[split + len(lazy_text):]]
            self._pending[name] = seal(json.dumps(parts, ensure_ascii=False).encode("utf-8"))
        return page


__all__ = ["BuildCache", "Uncacheable", "code_stamp", "decode_records", "default_home", "encode_records",
           "seal", "unseal"]

"""What a rebuild does not redo: parsed source files and the page around the data.

Parsing YAML is most of a build's time, so every events or zones file that read without
errors is kept, parsed, in a pickle under ``MAPGEN_HOME/cache/``, keyed by its path, size and
modification time (and the time zone and reader options it was read with). The page is the
same bytes around the data for a given title, so its parts are kept too, and a rebuild
needs neither folium nor the YAML of unchanged files. The cache is an accelerator only: when
it is missing, stale or unreadable, the build reads everything, with the same result.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
from pathlib import Path
from typing import Any, Callable
from zoneinfo import ZoneInfo

from mapgen.errors import InputError
from mapgen.readers import ReadOptions, Records, read_file
from mapgen.writefile import write_atomic

CACHE_FORMAT = 4


def default_home(home: str | os.PathLike[str] | None = None) -> Path:
    """``home``, else env ``MAPGEN_HOME``, else the user data folder (as the gazetteer does)."""
    if home is None or str(home) == "":
        home = os.environ.get("MAPGEN_HOME") or None
    if home is None:
        import platformdirs

        home = platformdirs.user_data_dir("mapgen", appauthor=False)
    return Path(home).expanduser()


def _code_stamp() -> str:
    """Changes whenever the model, readers, page assets or the libraries that make the page
    change (so a cache never outlives them)."""
    import mapgen

    root = Path(mapgen.__file__).parent
    parts = []
    for rel in ("model.py", "timeparse.py", "config.py", "basemap.py", "towncontrol.py", "readers",
                "templates", "static", "render", "data"):
        path = root / rel
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.is_file() and file.suffix in (".py", ".j2", ".js", ".css", ".html", ".json", ".jsonl"):
                st = file.stat()
                parts.append(f"{file.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}")
    from importlib import metadata

    for dist in ("folium", "branca", "jinja2", "django-js-lib-leaflet", "PyYAML", "shapely"):
        try:
            parts.append(f"{dist}=={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}: none")
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:16]


def _copy(records: Records) -> Records:
    """A copy whose lists (incidents, zones, control rows, warnings...) can be extended freely."""
    return Records(**{f.name: list(getattr(records, f.name)) for f in dataclasses.fields(records)})


class BuildCache:
    """Parsed files and the page around the data for one output map, kept between builds.

    The cache is a folder: ``index.pickle`` (file keys, page parts) and one pickle per parsed
    file, so a rebuild after one new report writes only that file's pickle.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.keys: dict[str, tuple[Any, ...]] = {}
        self.pages: dict[str, tuple[str, str, str]] = {}
        self.hits = 0
        self.misses = 0
        self._pending: dict[str, Records] = {}
        self._dirty = False
        self._stamp = _code_stamp()
        self._load()

    @classmethod
    def for_output(cls, out: str | Path, home: str | os.PathLike[str] | None = None) -> "BuildCache":
        """The cache of the map written to ``out``."""
        key = hashlib.sha1(str(Path(out).resolve()).encode("utf-8")).hexdigest()[:16]
        return cls(default_home(home) / "cache" / f"build-{key}")

    @property
    def index_path(self) -> Path:
        return self.path / "index.pickle"

    def _file_path(self, name: str) -> Path:
        return self.path / "files" / (hashlib.sha1(name.encode("utf-8")).hexdigest()[:20] + ".pickle")

    @staticmethod
    def _unpickle(path: Path) -> Any:
        try:
            with open(path, "rb") as handle:
                return pickle.load(handle)  # noqa: S301 - our own files under MAPGEN_HOME
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, ValueError, TypeError,
                IndexError, KeyError):
            return None

    def _load(self) -> None:
        data = self._unpickle(self.index_path)
        if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT or data.get("code") != self._stamp:
            return
        self.keys = data.get("keys", {})
        self.pages = data.get("pages", {})

    def save(self) -> None:
        """Write what is new (atomically; a cache that cannot be written is only slower)."""
        if not self._dirty:
            return
        try:
            for name, records in self._pending.items():
                write_atomic(self._file_path(name), pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL))
            data = {"format": CACHE_FORMAT, "code": self._stamp, "keys": self.keys, "pages": self.pages}
            write_atomic(self.index_path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            return
        self._pending.clear()
        self._dirty = False

    # -- parsed files ---------------------------------------------------------------------
    def read(self, path: Path, tz: ZoneInfo, errors: list[InputError], options: ReadOptions) -> Records:
        """:func:`mapgen.readers.read_file`, answered from the cache when the file is unchanged."""
        try:
            st = path.stat()
        except OSError:
            return read_file(path, tz, errors, options)
        name = str(path.resolve())
        key = (st.st_size, st.st_mtime_ns, str(tz), options)
        if self.keys.get(name) == key:
            records = self._pending.get(name) or self._unpickle(self._file_path(name))
            if isinstance(records, Records):
                self.hits += 1
                return _copy(records)
        self.misses += 1
        before = len(errors)
        records = read_file(path, tz, errors, options)
        if len(errors) == before:
            self.keys[name] = key
            self._pending[name] = _copy(records)
            self._dirty = True
        elif self.keys.pop(name, None) is not None:
            self._dirty = True
        return records

    def forget_missing(self, keep: set[str]) -> None:
        """Drop files no longer in the source."""
        for name in [n for n in self.keys if n not in keep]:
            del self.keys[name]
            self._pending.pop(name, None)
            try:
                self._file_path(name).unlink()
            except OSError:
                pass
            self._dirty = True

    # -- the page -------------------------------------------------------------------------
    def render(self, payload_text: str, title: str, full_render: Callable[[], str], lazy_text: str = "") -> str:
        """The page for ``payload_text`` (the serialised data, a JSON object) and ``lazy_text``
        (the popup texts' block after the script, see :func:`mapgen.shape.page_data`): the
        cached parts around them, or ``full_render()`` once, split around them, to make them.

        The page may add keys of its own at the end of the object (web tile settings), so the
        split is made after the data's last key, before its closing brace.
        """
        body = payload_text[:-1] if payload_text.endswith("}") else payload_text
        key = title + ("\n--lazy-text" if lazy_text else "")
        parts = self.pages.get(key)
        if parts is not None:
            self.hits += 1
            return parts[0] + body + parts[1] + lazy_text + parts[2]
        page = full_render()
        at = page.find(body)
        if at < 0 or page.find(body, at + 1) >= 0:
            return page
        rest = page[at + len(body):]
        split = rest.find(lazy_text) if lazy_text else len(rest)
        if split >= 0 and (not lazy_text or rest.find(lazy_text, split + 1) < 0):
            self.pages = {key: (page[:at], rest[:split], rest[split + len(lazy_text):])}
            self._dirty = True
        return page

__all__ = ["BuildCache", "default_home"]

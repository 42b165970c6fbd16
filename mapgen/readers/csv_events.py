"""Read incidents from a plain CSV table: ``id,date,type`` plus ``place`` or ``lat,lon``.

Optional columns, in any order: ``end, time_precision, geo_precision, actors, title,
description, fatalities, sources, review``. ``actors`` are separated by ``;``; ``sources`` are
``outlet|url`` pairs separated by ``;`` (a third part, ``outlet|url|published``, keeps the
publication time). Cells that :mod:`mapgen.writers` guarded against spreadsheet formulas (a
leading ``'``) are read back as written.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Any, Iterator
from zoneinfo import ZoneInfo

from mapgen.errors import InputError
from mapgen.model import IncidentValidator, Origin, Source, is_url, parse_sources
from mapgen.readers.base import Records
from mapgen.readers.csvbase import CsvTable, unescape_cell
from mapgen.timeparse import reformat_date

REQUIRED = ("id", "date", "type")
OPTIONAL = ("place", "lat", "lon", "end", "time_precision", "geo_precision", "actors", "title",
            "description", "fatalities", "sources", "review")
_TRUE = {"true", "yes", "1", "y"}
_FALSE = {"false", "no", "0", "n", ""}


def split_sources(text: str) -> list[dict[str, str]]:
    """``"SOHR|https://...;Reuters|https://..."`` -> ``[{"outlet": ..., "url": ...}, ...]``.

    A part without ``|`` is an outlet name, or a URL when it starts with http(s)://.
    """
    items = []
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        if "|" not in part:
            lowered = part.lower()
            items.append({"url": part} if lowered.startswith(("http://", "https://")) else {"outlet": part})
            continue
        outlet, _, rest = part.partition("|")
        url, _, published = rest.partition("|")
        item = {"outlet": outlet.strip(), "url": url.strip()}
        if published.strip():
            item["published"] = published.strip()
        items.append(item)
    return items


class SourceCache:
    """Parsed ``sources`` cells by their text: feeds are full of repeated outlets and links.

    When the first few thousand cells (or ``outlet|url`` parts) are nearly all different, as in
    a feed where every incident has its own report, the cache stops remembering them: storing
    text that never comes back costs time and memory.
    """

    PROBE = 4096

    def __init__(self, tz: ZoneInfo) -> None:
        self.tz = tz
        self._cache: dict[str, tuple[Source, ...]] | None = {}
        self._parts: dict[str, Source] | None = {}
        self._outlets: dict[str, str] = {}  # one string per outlet name, however many rows cite it
        self._cells = self._cell_hits = self._part_count = self._part_hits = 0

    def get(self, text: str, origin: Origin, field_name: str = "sources") -> tuple[Source, ...]:
        cache = self._cache
        if cache is not None:
            found = cache.get(text)
            if found is not None:
                self._cell_hits += 1
                return found
        found = self._simple(text, origin)
        if found is None:  # the model's own check decides, and words any error
            found = parse_sources(split_sources(text), origin, self.tz, field_name)
        if cache is not None:
            cache[text] = found
            self._cells += 1
            if self._cells == self.PROBE:
                self._review()
        return found

    def _review(self) -> None:
        """After the probe: keep a cache only if it was hit at least once in twenty lookups."""
        if self._cell_hits * 20 < self._cells + self._cell_hits:
            self._cache = None
        if self._part_hits * 20 < self._part_count:
            self._parts = None

    def _simple(self, text: str, origin: Origin) -> tuple[Source, ...] | None:
        """The common case, ``outlet|url`` parts, checked as :func:`parse_sources` checks them;
        None for anything else. Parts are cached too: one report often backs several incidents."""
        sources = []
        parts = self._parts
        for part in text.split(";"):
            source = parts.get(part) if parts is not None else None
            if source is None:
                outlet, bar, url = part.partition("|")
                outlet, url = outlet.strip(), url.strip()
                if not bar or not outlet or "|" in url or not is_url(url):
                    return None
                source = Source(self._outlets.setdefault(outlet, outlet), url)
                if parts is not None:
                    parts[part] = source
            else:
                self._part_hits += 1
            sources.append(source)
        self._part_count += len(sources)
        return tuple(sources)


def parse_review(value: str, origin: Origin) -> bool:
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise origin.error("review", f"must be true or false, not {value[:20]!r}")


@contextmanager
def long_lived_rows() -> Iterator[None]:
    """Build many long-lived, acyclic records without the cyclic collector scanning them over
    and over: collection is paused while they are built, and then they join the oldest
    generation directly (``freeze`` + ``unfreeze`` moves every tracked object there, unscanned;
    everything stays collectable). This is a third of the time of a 100,000-row load."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def read_event_rows(table: CsvTable, tz: ZoneInfo, errors: list[InputError], records: Records) -> None:
    """Validate each row of an opened plain-CSV table into ``records``."""
    problems = table.problems + table.missing(*REQUIRED)
    if "place" not in table.header and not ("lat" in table.header and "lon" in table.header):
        problems.append(table.error("needs a place column or lat and lon columns"))
    if problems:  # every header problem at once
        table.close()
        errors.extend(problems)
        return
    known = table.known_columns(REQUIRED, OPTIONAL, records.warnings)
    names = [name if name in known else "" for name in table.header]
    validator = IncidentValidator(tz, names)
    sources = SourceCache(tz)
    i_sources = names.index("sources") if "sources" in names else None
    i_review = names.index("review") if "review" in names else None
    append = records.incidents.append
    dated = ([i for i, name in enumerate(names) if name in ("date", "start", "end")]
             if table.date_format else [])
    with long_lived_rows():
        count = _validate_rows(table, errors, validator, sources, i_sources, i_review, append, dated)
    if not count:
        errors.append(table.error("no records (only a header)"))


def _validate_rows(table: CsvTable, errors: list[InputError], validator: IncidentValidator,
                   sources: SourceCache, i_sources: int | None, i_review: int | None, append: Any,
                   dated: list[int]) -> int:
    file = table.file
    count = 0
    fmt = table.date_format or ""
    for line, cells in table.rows(errors):
        count += 1
        origin = Origin(file, line)
        if "'" in "".join(cells):  # a cell may carry the formula guard (cheap test first)
            cells = [unescape_cell(value) for value in cells]
        try:
            for i in dated:  # map.yaml's date_format: to ISO 8601 first
                if cells[i].strip():
                    iso = reformat_date(cells[i], fmt)
                    if iso is None:
                        raise origin.error(validator.names[i], f"{cells[i][:40]!r} does not match "
                                                               f"date_format {fmt!r}")
                    cells[i] = iso
            if i_sources is not None and cells[i_sources]:
                cells[i_sources] = sources.get(cells[i_sources], origin)
            if i_review is not None:
                cells[i_review] = parse_review(cells[i_review], origin)
            append(validator.incident(cells, origin))
        except InputError as exc:
            errors.append(exc)
    return count

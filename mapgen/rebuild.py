"""Build a map, keep its build record, and say what changed: what ``build`` and ``watch`` run."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mapgen.buildrecord import Changes, prepare_record, record_path


@dataclass
class BuildOutcome:
    """A finished build: the document, the files written and the changes since the last one."""

    doc: Any
    written: list[Path]
    changes: Changes
    seconds: float
    cache_hits: int = 0
    cache_misses: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # a damaged cache or build record, ignored


def build_and_record(source: str | Path, out: str | Path, *, timezone: str | None = None,
                     home: str | None = None, repin: bool = False, title: str | None = None,
                     options: Any = None, embed_url: str | None = None, use_cache: bool = True,
                     cdn: bool = False, skip_invalid: bool = False) -> BuildOutcome:
    """Build ``source`` into ``out`` (with the build cache unless ``use_cache`` is false), write
    the build record ``OUT.build.json`` and return what changed since the previous build.

    Outputs inside the source are refused before anything is read. The map, its embed snippet,
    the place pins and the record are written together or not at all, while holding a lock
    beside ``out`` (a second build of the same output waits for the first).

    Raises the same input errors as :func:`mapgen.build.build_map`; nothing is written then.
    """
    from mapgen.build import build_map, check_embed_url, check_outputs, embed_path, forget_skipped, skipped_path
    from mapgen.writefile import output_lock, write_together

    started = time.perf_counter()
    out = Path(out)
    check_embed_url(embed_url)
    check_outputs(source, [out, embed_path(out), record_path(out), skipped_path(out)])
    with output_lock(out):
        cache = None
        if use_cache:
            from mapgen.buildcache import BuildCache

            cache = BuildCache.for_output(out, home)
        doc = build_map(source, timezone=timezone, home=home, repin=repin, title=title, options=options,
                        cache=cache, cdn=cdn, skip_invalid=skip_invalid)
        files = doc.outputs(out, embed_url=embed_url)
        warnings: list[str] = []
        changes, record = prepare_record(out, doc.incidents, doc.zones, source=str(source),
                                         left_out_for_review=doc.left_out_for_review, warnings=warnings)
        written = write_together([*files, (record_path(out), record)])[:-1]
        forget_skipped(out, doc.skipped)
        doc.written = written
        if cache is not None:
            cache.save()
            if cache.warning():
                warnings.insert(0, cache.warning())
    return BuildOutcome(doc, written, changes, time.perf_counter() - started,
                        cache.hits if cache else 0, cache.misses if cache else 0, warnings=warnings)

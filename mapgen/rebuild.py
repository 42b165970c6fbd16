"""Build a map, keep its build record, and say what changed: what ``build`` and ``watch`` run."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mapgen.buildrecord import Changes, record_build


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


def build_and_record(source: str | Path, out: str | Path, *, timezone: str | None = None,
                     home: str | None = None, repin: bool = False, title: str | None = None,
                     options: Any = None, embed_url: str | None = None, use_cache: bool = True,
                     cdn: bool = False, skip_invalid: bool = False) -> BuildOutcome:
    """Build ``source`` into ``out`` (with the build cache unless ``use_cache`` is false), write
    the build record ``OUT.build.json`` and return what changed since the previous build.

    Raises the same input errors as :func:`mapgen.build.build_map`; nothing is written then.
    """
    from mapgen.build import build_map

    started = time.perf_counter()
    cache = None
    if use_cache:
        from mapgen.buildcache import BuildCache

        cache = BuildCache.for_output(out, home)
    doc = build_map(source, timezone=timezone, home=home, repin=repin, title=title, options=options,
                    cache=cache, cdn=cdn, skip_invalid=skip_invalid)
    written = doc.save(out, embed_url=embed_url)
    if cache is not None:
        cache.forget_missing({str(Path(f).resolve()) for f in doc.source.files})
        cache.save()
    changes = record_build(out, doc.incidents, doc.zones, source=str(source),
                           left_out_for_review=doc.left_out_for_review)
    return BuildOutcome(doc, written, changes, time.perf_counter() - started,
                        cache.hits if cache else 0, cache.misses if cache else 0)

"""Pause Python's cycle collector while a build or an ingest makes its many small objects.

A build (hundreds of thousands of incidents) and a long report's ingest (sentences, words,
mentions, drafts, YAML nodes) allocate millions of small objects that live until the end and
make no reference cycles worth collecting; with the collector on, its repeated passes over them
take a large share of the time (a fifth of a 20 MB ingest, more than a large build itself).
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused_gc(resume: bool = True) -> Iterator[None]:
    """Disable the cycle collector inside the block (or the decorated function), if it was on.

    Turned back on, it soon makes one pass over everything still alive (a tenth of a second
    after a 100,000-incident build): ``resume=False`` leaves it off, for a process that ends
    after the work (the console's build command).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled and resume:
            gc.enable()

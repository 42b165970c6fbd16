"""End a one-shot command's process without tearing down what it built.

A build of 100,000 incidents leaves that many objects behind, and the interpreter frees them
one by one when the process exits: a tenth of a second, although the operating system takes
the memory back at once. After a successful build, with its files written and closed, the
console command flushes its output and ends the process directly. Only the console entry
point (:func:`mapgen.cli.run`) enables this; a command invoked in-process (the test runner,
another program) returns normally.
"""
from __future__ import annotations

import logging
import os
import sys

_ENABLED = False


def enable() -> None:
    """Allow :func:`finish` to end the process (the console entry point calls this)."""
    global _ENABLED
    _ENABLED = True


def enabled() -> bool:
    """Whether :func:`finish` will end the process."""
    return _ENABLED


def finish(status: int = 0) -> None:
    """End the process now with ``status`` if enabled, after flushing logs and output; else
    return."""
    if not _ENABLED:
        return
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(status)

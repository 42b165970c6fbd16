"""The gazetteer's compiled modules: used only while they are the sources' own.

The modules that match and rank names (:data:`COMPILED`) are compiled to C extensions by mypyc
when the package is built where a C compiler is at hand (see the project's ``setup.py``);
compiled, a name resolved for the first time takes 55-67% of the time. The Python
sources stay beside them and are the truth: the build records a digest of the sources it
compiled (:data:`RECORD`), and when a source no longer matches it (a source edited in an
editable install since the last build) or the environment variable ``MAPGEN_PURE_PYTHON`` is
set to anything but ``""`` or ``0``, every one of the modules is imported from its source
instead -- all of them, since the compiled modules call one another directly.

This module is imported before the others (by ``gazetteer/__init__.py``) and needs nothing
outside the standard library (the build loads it on its own to write the record).
"""
from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import sys
from importlib.abc import MetaPathFinder
from pathlib import Path
from types import ModuleType
from typing import Sequence

#: The modules compiled when the package is built, as files of this folder.
COMPILED = ("normalize.py", "fuzzy.py", "resolve.py", "api.py")
#: The build's record of the sources it compiled (JSON: ``{"sources": digest}``).
RECORD = "native.json"
#: Set to anything but "" or "0" to import the Python sources even when a fresh build exists.
PURE_PYTHON_ENV = "MAPGEN_PURE_PYTHON"
PACKAGE = "gazetteer"
FOLDER = Path(__file__).resolve().parent


def sources_digest(folder: Path = FOLDER) -> str | None:
    """SHA-256 of the :data:`COMPILED` sources in ``folder`` (None when one is missing)."""
    digest = hashlib.sha256()
    for name in COMPILED:
        try:
            digest.update((folder / name).read_bytes())
        except OSError:
            return None
        digest.update(b"\0")
    return digest.hexdigest()


def record_text(folder: Path = FOLDER) -> str:
    """The record a build that compiled the sources of ``folder`` writes beside them."""
    return json.dumps({"sources": sources_digest(folder)}) + "\n"


def built_from_these_sources(folder: Path = FOLDER) -> bool:
    """Whether the compiled modules in ``folder`` were built from its sources as they are now
    (a build without its sources beside it counts as theirs)."""
    try:
        recorded = json.loads((folder / RECORD).read_text(encoding="utf-8"))["sources"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    now = sources_digest(folder)
    return now is None or recorded == now


def pure_python_wanted() -> bool:
    """Whether ``MAPGEN_PURE_PYTHON`` asks for the Python sources."""
    return os.environ.get(PURE_PYTHON_ENV, "") not in ("", "0")


class _SourcesFirst(MetaPathFinder):
    """Finds the compiled modules' Python sources ahead of their compiled files."""

    def __init__(self, folder: Path) -> None:
        self._files = {f"{PACKAGE}.{name[:-3]}": folder / name for name in COMPILED}

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        source = self._files.get(fullname)
        if source is None or not source.is_file():
            return None
        return importlib.util.spec_from_file_location(fullname, source)


def choose(folder: Path = FOLDER) -> bool:
    """Called once, before the compiled modules are imported: when the Python sources are to
    be used (see the module's docstring), put a finder of them first. Returns whether the
    compiled modules (if any were built) are used."""
    if not pure_python_wanted() and built_from_these_sources(folder):
        return True
    if not any(isinstance(f, _SourcesFirst) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourcesFirst(folder))
    return False


def compiled_in_use() -> list[str]:
    """The names of the gazetteer's modules imported as compiled extensions."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    out = []
    for name in COMPILED:
        module = sys.modules.get(f"{PACKAGE}.{name[:-3]}")
        if module is not None and str(getattr(module, "__file__", "")).endswith(suffixes):
            out.append(module.__name__)
    return out

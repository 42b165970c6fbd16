"""Import folium for a one-shot build process, without the parts a build never uses.

folium imports pandas when it is installed (to accept DataFrames as locations); that import is
about half of folium's import time, and a map build passes folium no DataFrame. folium also
imports ``requests`` (with urllib3, ssl and http.client) for the one case of a GeoJSON layer
given as a URL, which a build never makes. Only commands that run one build and exit call
this; the Python API imports folium normally.
"""
from __future__ import annotations

import importlib
import sys
import types
from typing import Any


class _OnFirstUse(types.ModuleType):
    """Stands in for a module inside folium until folium first uses it, then imports it."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(importlib.import_module(self.__name__), name)


_ONE_SHOT = False


def one_shot_build() -> None:
    """Declare this process a one-shot build: folium, if a build needs it at all (a cached page
    does not), is then imported without pandas (see :func:`import_folium_for_build`)."""
    global _ONE_SHOT
    _ONE_SHOT = True


def import_folium_lazily() -> None:
    """Called where folium is first needed: the lean import in one-shot builds, else nothing."""
    if _ONE_SHOT:
        import_folium_for_build()


def import_folium_for_build() -> None:
    """Import folium with pandas hidden from it and ``requests`` imported on first use, unless
    folium is already imported.

    pandas stays importable afterwards (for geopandas); only folium's optional DataFrame support
    is off in this process. folium's ``requests`` loads the real module when folium first uses it.
    """
    if "folium" in sys.modules or "pandas" in sys.modules:
        return
    sys.modules["pandas"] = None  # type: ignore[assignment]  # makes `import pandas` raise ImportError
    lazy = "requests" not in sys.modules
    if lazy:
        sys.modules["requests"] = _OnFirstUse("requests")
    try:
        import folium  # noqa: F401
    finally:
        del sys.modules["pandas"]
        if lazy and isinstance(sys.modules.get("requests"), _OnFirstUse):
            del sys.modules["requests"]

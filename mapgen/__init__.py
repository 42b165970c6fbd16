"""mapgen: interactive time-slider conflict maps from war reporting.

>>> import mapgen
>>> doc = mapgen.build_map("examples/aleppo-2016-02")   # doctest: +SKIP
>>> doc.save("output/aleppo.html")                      # doctest: +SKIP
>>> project = mapgen.load("examples/aleppo-2016-02")    # doctest: +SKIP
>>> project.incidents                                   # a GeoDataFrame  # doctest: +SKIP
"""
from __future__ import annotations

from typing import Any

from mapgen.errors import InputError, InputErrors, MapgenError

__all__ = ["InputError", "InputErrors", "MapgenError", "Project", "build_map", "check", "export", "load",
           "load_source"]
_PROJECT_API = ("Project", "check", "export", "load")


def __getattr__(name: str) -> Any:
    """Import the pipeline lazily, so ``import mapgen`` stays cheap."""
    if name == "build_map":
        from mapgen.build import build_map
        return build_map
    if name in _PROJECT_API:
        from mapgen import project
        return getattr(project, name)
    if name == "load_source":
        from mapgen.source import load_source
        return load_source
    raise AttributeError(f"module 'mapgen' has no attribute {name!r}")

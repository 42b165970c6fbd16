"""Import folium for a one-shot build process, without the parts a build never uses.

folium imports pandas when it is installed (to accept DataFrames as locations); that import is
about half of folium's import time, and a map build passes folium no DataFrame. Only commands
that run one build and exit call this; the Python API imports folium normally.
"""
from __future__ import annotations

import sys


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
    """Import folium with pandas hidden from it, unless either is already imported.

    pandas stays importable afterwards (for geopandas); only folium's optional DataFrame support
    is off in this process.
    """
    if "folium" in sys.modules or "pandas" in sys.modules:
        return
    sys.modules["pandas"] = None  # type: ignore[assignment]  # makes `import pandas` raise ImportError
    try:
        import folium  # noqa: F401
    finally:
        del sys.modules["pandas"]

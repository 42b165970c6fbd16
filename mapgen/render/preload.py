"""Import folium for a one-shot build process, without the parts a build never uses.

folium imports pandas when it is installed (to accept DataFrames as locations); that import is
about half of folium's import time, and a map build passes folium no DataFrame. folium also
imports ``requests`` (with urllib3, ssl and http.client) for the one case of a GeoJSON layer
given as a URL, which a build never makes. Only commands that run one build and exit call
this; the Python API imports folium normally.

folium and branca also compile a jinja template for every element class they define, about 50
at import, of which a map build renders five; in a one-shot build those are compiled when first
rendered instead.
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


def _lazy_template_class(template_class: type) -> type:
    """A subclass of jinja's ``Template`` that compiles its source on first use, not when made."""

    class LazyTemplate(template_class):  # type: ignore[misc, valid-type]
        def __new__(cls, source: Any, **options: Any) -> Any:
            self = object.__new__(cls)
            self.__dict__["_lazy_source"] = (source, options)
            return self

        def __getattr__(self, name: str) -> Any:
            # reached only for attributes a compiled template has and this one does not yet
            if name.startswith("__") or "_lazy_source" not in self.__dict__:
                raise AttributeError(name)
            pending = self.__dict__.pop("_lazy_source")
            # jinja's own constructor, for this class (folium's subclass has its own environment)
            compiled = template_class.__new__(type(self), pending[0], **pending[1])
            self.__dict__.update(compiled.__dict__)
            return getattr(self, name)

    return LazyTemplate


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
    """Import folium with pandas hidden from it, ``requests`` imported on first use and its
    templates compiled on first use, unless folium or branca is already imported.

    pandas stays importable afterwards (for geopandas); only folium's optional DataFrame support
    is off in this process. folium's ``requests`` loads the real module when folium first uses it.
    Templates that folium and branca make compile when first rendered (``jinja2.Template``
    itself is restored after the import).
    """
    if "folium" in sys.modules or "branca" in sys.modules or "pandas" in sys.modules:
        return
    import jinja2

    sys.modules["pandas"] = None  # type: ignore[assignment]  # makes `import pandas` raise ImportError
    lazy = "requests" not in sys.modules
    if lazy:
        sys.modules["requests"] = _OnFirstUse("requests")
    template_class = jinja2.Template
    jinja2.Template = _lazy_template_class(template_class)  # type: ignore[misc]
    try:
        import folium  # noqa: F401
    finally:
        jinja2.Template = template_class  # type: ignore[misc]
        del sys.modules["pandas"]
        if lazy and isinstance(sys.modules.get("requests"), _OnFirstUse):
            del sys.modules["requests"]

"""Offline gazetteer: place names as war reports spell them -> coordinates, with a score and
alternatives, and a clear ``ambiguous``/``unresolved`` when it is not sure.

Importable on its own (no mapgen, folium or click)::

    from gazetteer import open_gazetteer
    with open_gazetteer() as gz:
        res = gz.resolve("Kafer Naya", countries=("SY",))
        print(res.status, res.place)
"""
from __future__ import annotations

from gazetteer import native

native.choose()  # the compiled modules, or their sources when these changed since the build

from gazetteer.api import Gazetteer, open_gazetteer  # noqa: E402
from gazetteer.errors import GazetteerError, GazetteerInputError  # noqa: E402
from gazetteer.importer import ImportReport  # noqa: E402
from gazetteer.model import Place, Resolution  # noqa: E402

__all__ = ["Place", "Resolution", "Gazetteer", "open_gazetteer", "GazetteerError",
           "GazetteerInputError", "ImportReport"]

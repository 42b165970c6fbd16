"""Offline gazetteer: place names as war reports spell them -> coordinates, with a score and
alternatives, and a clear ``ambiguous``/``unresolved`` when it is not sure.

Importable on its own (no mapgen, folium or click)::

    from gazetteer import open_gazetteer
    with open_gazetteer() as gz:
        res = gz.resolve("Kafer Naya", countries=("SY",))
        print(res.status, res.place)
"""
from __future__ import annotations

from gazetteer.api import Gazetteer, open_gazetteer
from gazetteer.errors import GazetteerError, GazetteerInputError
from gazetteer.importer import ImportReport
from gazetteer.model import Place, Resolution

__all__ = ["Place", "Resolution", "Gazetteer", "open_gazetteer", "GazetteerError",
           "GazetteerInputError", "ImportReport"]

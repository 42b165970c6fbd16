"""The provinces a located name may name: "Al-Bayda, Tartus Governorate" lies in Tartus.

A province is known by its seat: the gazetteer resolves the location to a town, and the
province is the outline (``data/provinces.geojson``, Natural Earth admin-1, public domain) that
holds the town's point. Of the places a name spells, those inside it are the ones the name
may mean. A capital's province is read with the province around it (Damascus with Rif
Dimashq: reports write "Douma, Damascus"), and Quneitra with the disengagement zone that holds
its old seat.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["Province", "province_at"]

#: Outlines read together with the one named (ISO 3166-2 codes): a capital city's province and
#: the province around it; the UN disengagement zone and the governorate of Quneitra.
_READ_WITH = {"SY-DI": ("SY-RD",), "SY-RD": ("SY-DI",), "LB-BA": ("LB-JL",),
              "SY-X01~": ("SY-QU",), "SY-QU": ("SY-X01~",)}
#: A point this close outside an outline counts as inside (degrees, about 3 km): the outlines
#: are simplified, and a village on a border may be filed on either side of it.
MARGIN_DEGREES = 0.03


@dataclass(frozen=True)
class Province:
    """A province: its code (ISO 3166-2), its name, and its outline (with MARGIN_DEGREES)."""

    code: str
    name: str
    _area: Any

    @property
    def country(self) -> str:
        """The country's ISO code (the code's first part)."""
        return self.code.split("-", 1)[0]

    def contains(self, lat: float, lon: float) -> bool:
        """Whether (lat, lon) lies in the province, or within MARGIN_DEGREES of it."""
        from shapely import contains_xy

        return bool(contains_xy(self._area, lon, lat))


@lru_cache(maxsize=1)
def _outlines() -> tuple[tuple[str, str, Any], ...]:
    from shapely.geometry import shape

    text = resources.files("gazetteer").joinpath("data/provinces.geojson").read_text("utf-8")
    return tuple((f["properties"]["iso_3166_2"], f["properties"]["name"],
                  shape(f["geometry"])) for f in json.loads(text)["features"])


@lru_cache(maxsize=256)
def province_at(lat: float, lon: float) -> Province | None:
    """The province whose outline holds (lat, lon), or None (outside every outline known)."""
    from shapely import Point, prepare, union_all

    point = Point(lon, lat)
    outlines = _outlines()
    for code, name, geom in outlines:
        if geom.contains(point):
            parts = [geom] + [g for c, _, g in outlines if c in _READ_WITH.get(code, ())]
            area = union_all(parts).buffer(MARGIN_DEGREES)
            prepare(area)
            return Province(code, name, area)
    return None

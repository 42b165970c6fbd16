"""The provinces and districts a located name may name: "Al-Bayda, Tartus Governorate" lies in
Tartus, "Suran (Azaz District)" in the district of Azaz.

A province is known by its seat: the gazetteer resolves the location to a town, and the
province is the outline (``data/provinces.geojson``, Natural Earth admin-1, public domain) that
holds the town's point. Of the places a name spells, those inside it are the ones the name
may mean. A capital's province is read with the province around it (Damascus with Rif
Dimashq: reports write "Douma, Damascus"), and Quneitra with the disengagement zone that holds
its old seat. A district (Syria's; ``data/districts.geojson``, from Who's On First) is known
by its seat the same way, or by its own name when that is no town's ("Jebel Saman District").
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["Province", "district_at", "district_named", "province_at"]

#: Outlines read together with the one named (ISO 3166-2 codes): a capital city's province and
#: the province around it; the UN disengagement zone and the governorate of Quneitra.
_READ_WITH = {"SY-DI": ("SY-RD",), "SY-RD": ("SY-DI",), "LB-BA": ("LB-JL",),
              "SY-X01~": ("SY-QU",), "SY-QU": ("SY-X01~",)}
#: A point this close outside an outline counts as inside (degrees, about 3 km): the outlines
#: are simplified, and a village on a border may be filed on either side of it.
MARGIN_DEGREES = 0.03


@dataclass(frozen=True)
class Province:
    """A province or district: its code (ISO 3166-2; a district's, its country's and its Who's
    On First id), its name, and its outline (with MARGIN_DEGREES)."""

    code: str
    name: str
    _area: Any

    @property
    def middle(self) -> tuple[float, float]:
        """A point inside the outline, as (lat, lon)."""
        point = self._area.representative_point()
        return (point.y, point.x)

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
    from shapely import Point, union_all

    point = Point(lon, lat)
    outlines = _outlines()
    for code, name, geom in outlines:
        if geom.contains(point):
            parts = [geom] + [g for c, _, g in outlines if c in _READ_WITH.get(code, ())]
            return _unit(code, name, union_all(parts))
    return None


@lru_cache(maxsize=1)
def _districts() -> tuple[tuple[str, tuple[str, ...], Any], ...]:
    from shapely.geometry import shape

    text = resources.files("gazetteer").joinpath("data/districts.geojson").read_text("utf-8")
    out = []
    for f in json.loads(text)["features"]:
        p = f["properties"]
        names = tuple(n for n in (p["name"], p["name_en"], p["name_ar"]) if n)
        out.append((f"{p['country']}-WOF{p['wof_id']}", names, shape(f["geometry"])))
    return tuple(out)


def _unit(code: str, name: str, geom: Any) -> Province:
    """A province or district of ``geom``, widened by MARGIN_DEGREES and prepared."""
    from shapely import prepare

    area = geom.buffer(MARGIN_DEGREES)
    prepare(area)
    return Province(code, name, area)


@lru_cache(maxsize=256)
def district_at(lat: float, lon: float) -> Province | None:
    """The district whose outline holds (lat, lon), or None (outside every district known)."""
    from shapely import Point

    point = Point(lon, lat)
    for code, names, geom in _districts():
        if geom.contains(point):
            return _unit(code, names[0], geom)
    return None


#: Words district names are written with that say nothing of which ("Markaz Hamah": the
#: district of the seat; "منطقة الباب": the district of al-Bab).
_DISTRICT_NAME_WORDS = frozenset({"markaz", "مركز", "منطقة", "district"})


def _district_key(name: str) -> str:
    from gazetteer.normalize import is_arabic, loose_key

    words = [w for w in name.replace("-", " ").split() if w.lower() not in _DISTRICT_NAME_WORDS]
    text = " ".join(words)
    return text if is_arabic(text) else loose_key(text)


@lru_cache(maxsize=1)
def _district_keys() -> dict[str, int]:
    keys: dict[str, int] = {}
    for i, (_, names, _) in enumerate(_districts()):
        for name in names:
            key = _district_key(name)
            # a key two districts share names neither ("Rural Damascus")
            keys[key] = i if keys.get(key, i) == i else -1
    return keys


@lru_cache(maxsize=256)
def district_named(name: str) -> Province | None:
    """The district whose own name (Who's On First's, English or Arabic, "Markaz" aside) is
    ``name`` read loosely, or None: "Jebel Saman", "Jabal Sam'an", "Al Ma'ra"."""
    i = _district_keys().get(_district_key(name), -1)
    if i < 0:
        return None
    code, names, geom = _districts()[i]
    return _unit(code, names[0], geom)

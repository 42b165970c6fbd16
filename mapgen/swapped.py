"""Warn about points whose latitude and longitude look swapped (a GeoJSON point written [lat, lon]).

A point given with coordinates looks swapped when the place it names lies far from it but near
the point with its two numbers exchanged, or, for a map with ``countries`` in its map.yaml, when
it lies outside those countries and the exchanged point inside them. These are warnings: the
build goes on with the coordinates as given.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from mapgen.errors import InputError, excerpt
from mapgen.geodesy import great_circle_km
from mapgen.model import Incident

#: A point this close (km) to the place it names is taken as meant for it.
NEAR_KM = 25.0
#: Warnings listed one by one; more are counted in one last line.
SHOW_AT_MOST = 5
#: Names of GeoJSON points looked up in the gazetteer (when its database exists).
LOOKUP_AT_MOST = 200


@lru_cache(maxsize=65536)  # a map names few places many times
def _key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


@lru_cache(maxsize=8)
def _countries_shape(codes: tuple[str, ...]) -> Any:
    """The union of the bundled outlines of ``codes`` (None when none is known)."""
    from shapely.geometry import shape
    from shapely.ops import unary_union

    from mapgen.basemap import _countries

    parts = [shape(f["geometry"]) for f in _countries() if f["properties"].get("iso") in codes]
    return unary_union(parts) if parts else None


def _known_places(source: Any) -> dict[str, tuple[float, float]]:
    """Coordinates the project already gives names: places.yaml, then the pins of earlier builds."""
    known: dict[str, tuple[float, float]] = {}
    try:
        from mapgen.resolve import read_pins

        for key, pin in read_pins(source.lock_path).items():
            known[key] = (pin.lat, pin.lon)
    except InputError:  # a damaged pin file is reported when the build reads it
        pass
    for place in source.places:
        for name in (place.name, *place.aliases):
            known[_key(name)] = (place.lat, place.lon)
    return known


def _gazetteer_places(names: Sequence[str], countries: Sequence[str], home: str | None) -> dict[str, tuple[float, float]]:
    """Places of ``names`` from the gazetteer, only when its database already exists (a build of
    located points never creates it)."""
    from gazetteer import GazetteerError, open_gazetteer
    from gazetteer.db import DB_FILENAME, resolve_home

    if not names or not (resolve_home(home) / DB_FILENAME).is_file():
        return {}
    try:
        with open_gazetteer(home) as gaz:
            results = gaz.resolve_many(list(names), countries=countries)
    except GazetteerError:
        return {}
    return {_key(name): (r.place.lat, r.place.lon) for name, r in zip(names, results)
            if r.status == "resolved" and r.place is not None}


def swapped_warnings(source: Any, home: str | None = None) -> list[InputError]:
    """A warning for each point of ``source`` (a :class:`~mapgen.source.MapSource`) that looks
    swapped, at most :data:`SHOW_AT_MOST` and a count of the rest."""
    located = [i for i in source.incidents if i.located and abs(i.lon) <= 90 and i.lat != i.lon]
    if not located:
        return []
    known = _known_places(source)
    countries = tuple(source.config.countries)
    geojson = {f for f in {i.origin.file for i in located}
               if Path(str(f)).suffix.lower() in (".geojson", ".json")}  # per file, not per point
    wanted = sorted({i.place for i in located if i.place and i.origin.file in geojson
                     and _key(i.place) not in known})[:LOOKUP_AT_MOST]
    known.update(_gazetteer_places(wanted, countries, home))
    area = _countries_shape(countries) if countries else None
    found: list[InputError] = []
    seen: set[tuple[Any, ...]] = set()
    unplaced: list[Incident] = []
    for inc in located:
        mark = (inc.origin.file, inc.place, inc.lat, inc.lon)
        if mark in seen:
            continue
        seen.add(mark)
        place = known.get(_key(inc.place)) if inc.place else None
        if place is None:
            unplaced.append(inc)
            continue
        given, swapped = great_circle_km(inc.lat, inc.lon, *place), great_circle_km(inc.lon, inc.lat, *place)
        if given > NEAR_KM and swapped <= NEAR_KM:
            found.append(_warning(inc, f"lies {given:.0f} km from {excerpt(inc.place)}, which is near "
                                       f"({inc.lon:g}, {inc.lat:g})"))
    if area is not None and unplaced:
        import numpy as np
        import shapely

        lat = np.array([i.lat for i in unplaced])
        lon = np.array([i.lon for i in unplaced])
        suspect = ~shapely.contains_xy(area, lon, lat) & shapely.contains_xy(area, lat, lon)
        for inc in (unplaced[k] for k in np.flatnonzero(suspect)):
            found.append(_warning(inc, f"lies outside the map's countries ({', '.join(countries)}) and "
                                       f"({inc.lon:g}, {inc.lat:g}) inside them"))
    found.sort(key=lambda e: (str(e.file), str(e.record)))
    if len(found) > SHOW_AT_MOST:
        rest = len(found) - SHOW_AT_MOST
        found = found[:SHOW_AT_MOST] + [InputError(f"and {rest} more points look swapped")]
    return found


def _warning(inc: Incident, reason: str) -> InputError:
    return inc.origin.error("lat/lon", f"({inc.lat:g}, {inc.lon:g}) {reason}: are latitude and longitude "
                                       "swapped? (GeoJSON order is [lon, lat])")


__all__ = ["swapped_warnings"]

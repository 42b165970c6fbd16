"""The self-contained vector basemap: bundled country outlines near the data, and place labels."""
from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from importlib import resources
from operator import attrgetter
from typing import Any, Sequence

from mapgen.model import Incident

MAX_LABELS = 300


@lru_cache(maxsize=1)
def _countries() -> list[dict[str, Any]]:
    text = (resources.files("mapgen") / "data" / "ne_admin0.json").read_text(encoding="utf-8")
    return json.loads(text)["features"]


def _grid_points(incidents: Sequence[Incident]) -> Any:
    """The distinct places of the incidents on a 0.1 degree grid, as a (lat, lon) array
    (vectorised: 100,000 incidents are a few hundred grid points)."""
    import numpy as np

    from mapgen.shape import coordinate_arrays

    lat, lon = coordinate_arrays(incidents)
    located = ~(np.isnan(lat) | np.isnan(lon))
    cells = np.rint(np.stack([lat[located], lon[located]], axis=1) * 10).astype(np.int64)
    if not len(cells):
        return np.zeros((0, 2))
    # one integer per grid cell (lat -900..900, lon -1800..1800): a 1-D unique, far quicker than rows
    keys = np.unique((cells[:, 0] + 900) * 4000 + (cells[:, 1] + 1800))
    return np.stack([keys // 4000 - 900, keys % 4000 - 1800], axis=1) / 10


def _holds_a_point(bbox: Sequence[float], points: Any) -> bool:
    lat, lon = points[:, 0], points[:, 1]
    return bool(((bbox[1] <= lat) & (lat <= bbox[3]) & (bbox[0] <= lon) & (lon <= bbox[2])).any())


def basemap_for(bounds: list[list[float]] | None, incidents: Sequence[Incident]) -> dict[str, Any]:
    """Countries whose box meets the view's box (grown by half its size, at least 3 degrees) or
    holds an incident, and labels for the most-used place names of the incidents."""
    features = _countries()
    points = _grid_points(incidents)
    if bounds:
        (south, west), (north, east) = bounds
        grow_lat = max(3.0, (north - south) / 2)
        grow_lon = max(3.0, (east - west) / 2)
        south, north, west, east = south - grow_lat, north + grow_lat, west - grow_lon, east + grow_lon
        features = [f for f in features
                    if not (f["bbox"][0] > east or f["bbox"][2] < west
                            or f["bbox"][1] > north or f["bbox"][3] < south)
                    or _holds_a_point(f["bbox"], points)]
    countries = {"type": "FeatureCollection",
                 "features": [{"type": "Feature", "properties": {}, "geometry": f["geometry"]}
                              for f in features]}
    named = [i for i in incidents if i.place and i.lat is not None]
    names = list(map(attrgetter("place"), named))
    first = dict(zip(reversed(names), reversed(named)))  # each name's first incident
    counts = {name: [number, first[name].lat, first[name].lon] for name, number in Counter(names).items()}
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))[:MAX_LABELS]
    # most-used first: where labels collide on screen, the page keeps the earlier one
    places = [[name, round(lat, 4), round(lon, 4)] for name, (_, lat, lon) in ranked]
    return {"countries": countries, "places": places}

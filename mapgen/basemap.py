"""The self-contained vector basemap: bundled country outlines near the data, and place labels."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Sequence

from mapgen.model import Incident

MAX_LABELS = 300


@lru_cache(maxsize=1)
def _countries() -> list[dict[str, Any]]:
    text = (resources.files("mapgen") / "data" / "ne_admin0.json").read_text(encoding="utf-8")
    return json.loads(text)["features"]


def basemap_for(bounds: list[list[float]] | None, incidents: Sequence[Incident]) -> dict[str, Any]:
    """Countries whose box meets the view's box (grown by half its size, at least 3 degrees) or
    holds an incident, and labels for the most-used place names of the incidents."""
    features = _countries()
    points = {(round(i.lat, 1), round(i.lon, 1)) for i in incidents if i.lat is not None and i.lon is not None}
    if bounds:
        (south, west), (north, east) = bounds
        grow_lat = max(3.0, (north - south) / 2)
        grow_lon = max(3.0, (east - west) / 2)
        south, north, west, east = south - grow_lat, north + grow_lat, west - grow_lon, east + grow_lon
        features = [f for f in features
                    if not (f["bbox"][0] > east or f["bbox"][2] < west
                            or f["bbox"][1] > north or f["bbox"][3] < south)
                    or any(f["bbox"][1] <= lat <= f["bbox"][3] and f["bbox"][0] <= lon <= f["bbox"][2]
                           for lat, lon in points)]
    countries = {"type": "FeatureCollection",
                 "features": [{"type": "Feature", "properties": {}, "geometry": f["geometry"]}
                              for f in features]}
    counts: dict[str, list[Any]] = {}
    for inc in incidents:
        if inc.place and inc.lat is not None:
            entry = counts.setdefault(inc.place, [0, inc.lat, inc.lon])
            entry[0] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))[:MAX_LABELS]
    places = sorted([[name, round(lat, 4), round(lon, 4)] for name, (_, lat, lon) in ranked])
    return {"countries": countries, "places": places}

"""Great-circle distance between two points, with nothing but the standard library.

For the scalar checks of the event layer and ingest (is this town the same as that one, which of
a few places is nearest). Exact ellipsoidal distances go through ``geopy.distance``; arrays of
thousands of pairs through :func:`gazetteer.resolve.haversine_km` (``benchmarks/distance_bench.py``
has the timings that decided which is used where).
"""
from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG), as the gazetteer uses


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in km on the mean sphere: within 0.5% of the geodesic."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


__all__ = ["EARTH_RADIUS_KM", "great_circle_km"]

"""Distances: geopy.distance against the vectorised formulas that stay where speed needs them.

    PYTHONPATH=. python benchmarks/distance_bench.py

Prints microseconds per pair for one pair, milliseconds for the gazetteer's ranking matrix
(500 candidates x 30 context places) and for the view filter over 100,000 incidents, and the
largest difference between the sphere and the WGS84 ellipsoid at those ranges.
"""
from __future__ import annotations

import timeit

import numpy as np
from geopy.distance import geodesic, great_circle

from gazetteer.resolve import _distance_km, haversine_km


def main() -> None:
    a, b = (36.5866, 37.0463), (36.7161, 37.115)  # Azaz, Kilis
    n = 20000
    for name, func in [("haversine, scalar (gazetteer)", lambda: _distance_km(*a, *b)),
                       ("geopy great_circle", lambda: great_circle(a, b).km),
                       ("geopy geodesic", lambda: geodesic(a, b).km)]:
        per = min(timeit.repeat(func, number=n, repeat=3)) / n
        print(f"{name}: {per * 1e6:.2f} us/pair")
    rng = np.random.default_rng(1)
    lats, lons = rng.uniform(35, 37, 500), rng.uniform(36, 38, 500)
    pts = np.c_[rng.uniform(35, 37, 30), rng.uniform(36, 38, 30)]
    matrix = min(timeit.repeat(lambda: haversine_km(lats[:, None], lons[:, None], pts[None, :, 0], pts[None, :, 1]),
                               number=20, repeat=3)) / 20

    def loop(dist):  # type: ignore[no-untyped-def]
        return [[dist((la, lo), (p[0], p[1])).km for p in pts] for la, lo in zip(lats, lons)]

    geo = min(timeit.repeat(lambda: loop(geodesic), number=1, repeat=2))
    gc = min(timeit.repeat(lambda: loop(great_circle), number=1, repeat=2))
    print(f"500 x 30 matrix: numpy haversine {matrix * 1e3:.3f} ms; geopy great_circle loop {gc * 1e3:.1f} ms; "
          f"geopy geodesic loop {geo * 1e3:.1f} ms")
    sphere = haversine_km(lats[:, None], lons[:, None], pts[None, :, 0], pts[None, :, 1])
    ellipsoid = np.array(loop(geodesic))
    print(f"largest sphere/ellipsoid difference: {np.max(np.abs(sphere - ellipsoid) / ellipsoid) * 100:.3f}%")
    count = 100_000
    la, lo = rng.uniform(35, 37, count), rng.uniform(36, 38, count)

    def equirectangular() -> np.ndarray:
        x = np.radians(lo - 37) * np.cos(np.radians((la + 36) / 2))
        return 6371.0 * np.hypot(x, np.radians(la - 36)) <= 400

    flat = min(timeit.repeat(equirectangular, number=5, repeat=3)) / 5
    sample = 5000
    slow = min(timeit.repeat(lambda: [geodesic((x, y), (36, 37)).km <= 400 for x, y in zip(la[:sample], lo[:sample])],
                             number=1, repeat=2)) * count / sample
    print(f"{count:,} incidents within 400 km: numpy {flat * 1e3:.2f} ms; geopy geodesic loop {slow * 1e3:.0f} ms "
          f"(from {sample:,})")


if __name__ == "__main__":
    main()

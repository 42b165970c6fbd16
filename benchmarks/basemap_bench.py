"""The offline basemap's cost: page size, page ready and drawing time, with and without it.

Builds the example map twice from the same data: as it is (country outlines plus the detailed
geography of its region) and with the country outlines only (the basemap before the regional
geography), then opens both pages alternately in one headless Chromium: page ready (navigation
start to the frame after the incidents are drawn, as benchmarks/timeline_bench.py measures it),
when the basemap is complete (its geography, names and relief are drawn after the incidents),
and the basemap's own drawing time at the opening view and after zooming in and out. Medians.

usage:
  python -m benchmarks.basemap_bench [--repeats 7] [SOURCE]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.timeline_bench import CHROMIUM, CHROMIUM_ARGS, INIT

REPO = Path(__file__).resolve().parents[1]
ZOOMS = {"zoom 11 (Azaz-Aleppo)": (36.45, 37.07, 11), "zoom 8": (36.4, 37.1, 8), "zoom 13": (36.585, 37.05, 13)}


def build(source: Path, out: Path, detailed: bool) -> int:
    import mapgen.build as build_module
    from mapgen.basemap import basemap_for

    def outlines_only(*args: Any, **kwargs: Any) -> dict[str, Any]:
        basemap = basemap_for(*args, **kwargs)
        return {**basemap, "geo": None}

    build_module.basemap_for = basemap_for if detailed else outlines_only
    try:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp) / source.name
            shutil.copytree(source, work)
            build_module.build_map(work).save(out)
    finally:
        build_module.basemap_for = basemap_for
    return out.stat().st_size


def measure(browser: Any, page: Path) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(INIT)
    context.route(lambda url: not url.startswith(("file:", "data:", "blob:", "about:")), lambda r: r.abort())
    try:
        tab = context.new_page()
        tab.goto(page.resolve().as_uri(), wait_until="load")
        tab.wait_for_function("window.__bench.paint !== null", polling=50)
        row = {"ready_ms": tab.evaluate("window.__bench.paint"),
               "draw_ms": tab.evaluate("mapgen.app.basemap.drawMs || 0")}
        tab.evaluate("() => mapgen.app.basemap.showDetail().then(() => true)")
        # the geography, names and relief are drawn after the incidents: when all is on screen
        row["complete_ms"] = tab.evaluate("mapgen.app.basemap.detailAt || window.__bench.paint")
        for name, (lat, lon, zoom) in ZOOMS.items():
            tab.evaluate("([lat, lon, z]) => mapgen.app.map.setView([lat, lon], z, {animate: false})", [lat, lon, zoom])
            tab.wait_for_timeout(100)
            row[name] = tab.evaluate("mapgen.app.basemap.drawMs || 0")
        return row
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", default=str(REPO / "examples" / "aleppo-2016-02"))
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--out", default="/tmp/mapgen-basemap-bench")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pages = {"outlines only": out / "outlines.html", "with regional basemap": out / "basemap.html"}
    sizes = {name: build(Path(args.source), path, detailed="regional" in name) for name, path in pages.items()}
    rows: dict[str, list[dict[str, float]]] = {name: [] for name in pages}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, path in pages.items():  # warm up
                measure(browser, path)
            for _ in range(args.repeats):
                for name, path in pages.items():
                    rows[name].append(measure(browser, path))
        finally:
            browser.close()
    keys = ["ready_ms", "complete_ms", "draw_ms", *ZOOMS]
    print("| page | HTML KB | page ready ms | basemap complete ms | basemap first draw ms | " + " | ".join(f"draw {k} ms" for k in ZOOMS) + " |")
    print("|---|---|---|---|---|" + "---|" * len(ZOOMS))
    for name in pages:
        medians = [statistics.median(r[k] for r in rows[name]) for k in keys]
        print(f"| {name} | {sizes[name] / 1024:,.0f} | " + " | ".join(f"{m:.1f}" for m in medians) + " |")
    before, after = (statistics.median(r["ready_ms"] for r in rows[name]) for name in pages)
    print(f"\nbasemap adds {(sizes['with regional basemap'] - sizes['outlines only']) / 1024:,.0f} KB "
          f"and {after - before:+.1f} ms page ready (median of {args.repeats}; noisy on a shared machine)")


if __name__ == "__main__":
    main()

"""The time layer at scale, side by side with folium's TimestampedGeoJson, from the same data.

For each N: write N seeded synthetic incidents and 200 zone versions (benchmarks/synthetic.py),
build the page with this project and with folium (each build is one whole process, timed with
/usr/bin/time -v: wall, CPU, peak memory), then open both pages in headless Chromium and measure
page ready (navigation start to the first frame painted after the incidents are drawn), slider
steps from the last date backwards (input to the frame after the one that drew it; median), and
the JS heap after garbage collection. Prints a markdown table with mapgen/folium ratios.

usage:
  python -m benchmarks.timeline_bench                  # N = 1000, 10000, 100000
  python -m benchmarks.timeline_bench --quick          # N = 1000, 5000; fewer steps
  python -m benchmarks.timeline_bench --n 100000 --results benchmarks/RESULTS.md

Chromium is /usr/bin/chromium (MAPGEN_CHROMIUM); folium's CDN files come from npm copies in
MAPGEN_BENCH_NPM (default /tmp/mapgen-bench-npm), installed on first use. Run it niced, in the
background: the 100,000-incident folium page takes about a minute per run.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import folium_assets, synthetic

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("MAPGEN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

# Polls every animation frame from the start of the page. t_ready: first frame after the load
# event in which the incidents are drawn; t_paint: the frame after that one (so they have been
# painted) = "page ready".
INIT = r"""
window.__bench = {ready: null, paint: null, loaded: false};
window.addEventListener('load', function () { window.__bench.loaded = true; });
window.__benchDrawn = function () {
  if (window.mapgen && window.mapgen.state) return window.mapgen.state({ids: false}).ready;
  for (const k in window) {
    if (k.startsWith('timestamped_geo_json_') && window[k] && window[k]._map) return true;
  }
  return false;
};
(function poll() {
  requestAnimationFrame(function () {
    var B = window.__bench, ok = false;
    try { ok = window.__benchDrawn(); } catch (e) {}
    if (ok && B.loaded) {
      B.ready = performance.now();
      requestAnimationFrame(function () { B.paint = performance.now(); });
      return;
    }
    poll();
  });
})();
"""

# Steps backwards from the last date. Each step: change the date the way the page's own slider
# does, then wait two animation frames (the first draws, the second starts after the paint).
STEPS = r"""
async (steps) => {
  const frame2 = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  let api;
  if (window.mapgen && window.mapgen.state) {
    const range = document.querySelector('input.mapgen-range');
    api = {
      last: () => +range.max,
      jump: i => mapgen.setDate(mapgen.days()[i]),
      step: i => { range.value = i; range.dispatchEvent(new Event('input')); },
      check: () => { const s = mapgen.state({ids: false});
                     return {index: s.index, count: s.count, ready: s.ready, draw_ms: s.drawMs}; }
    };
  } else {
    let map = null, layer = null;
    for (const k of Object.keys(window)) {
      if (!map && k.startsWith('map_') && window[k] instanceof L.Map) map = window[k];
      if (!layer && k.startsWith('timestamped_geo_json_')) layer = window[k];
    }
    const td = map.timeDimension;
    api = {
      last: () => td.getAvailableTimes().length - 1,
      jump: i => td.setCurrentTimeIndex(i),
      step: i => td.setCurrentTimeIndex(i),
      check: () => ({index: td.getCurrentTimeIndex(),
                     count: layer._currentLayer ? layer._currentLayer.getLayers().length : 0, ready: true})
    };
  }
  let index = api.last();
  api.jump(index);
  await frame2();
  await frame2();
  const out = [];
  for (let k = 0; k < steps; k++) {
    index -= 1;
    const t0 = performance.now();
    api.step(index);
    const t1 = performance.now();
    await frame2();
    const t2 = performance.now();
    out.push(Object.assign({js_ms: t1 - t0, paint_ms: t2 - t0, target: index}, api.check()));
  }
  return out;
}
"""


def csv_reader_present() -> bool:
    """Whether this checkout reads CSV events and GeoJSON zones (then the CLI path is timed too)."""
    from mapgen.readers import READERS

    return ".csv" in READERS and ".geojson" in READERS


METHOD = """\
## Method

`python -m benchmarks.timeline_bench` (see its docstring). Same seeded synthetic data for both
pages: N incidents over northern Syria and 365 days (70% day precision, 20% exact, 10% week or
month; title, ~100-character description, place, actors, one source with its own URL) and 200
control-zone versions (20 areas x 10 versions, ~60 vertices each).

- **Build**: one whole process each, under `/usr/bin/time -v` (wall, user+system CPU, maximum
  resident set; median of the runs). mapgen: load the data file, make `mapgen.model` incidents and zones, `build_map`,
  `save` (as `mapgen build` does: folium imported without its optional pandas support, garbage
  collector paused). folium: load the same file, one GeoJSON feature per incident with an HTML
  popup, `plugins.TimestampedGeoJson(period="P1D")`, `Map.save`. When the checkout has the CSV and
  GeoJSON readers, `python -m mapgen build` on the same data as a CSV + GeoJSON project is timed too.
- **HTML B/incident**: (bytes at N - bytes of the same page with no incidents) / N. *Beyond its
  text*: minus the incident's own text (UTF-8 of id, title, description, source URL); mapgen
  packs its text too, so the figure is negative; *numbers* is mapgen's packed non-text columns alone.
- **Page ready**: navigation start to the first animation frame after the one in which the
  incidents are drawn (mapgen: `mapgen.state().ready`; folium: the TimestampedGeoJson layer is on
  the map) and the load event has fired. folium's CDN files are served from npm copies.
- **Step to paint**: from the last date backwards, each step set through the page's own control
  (mapgen: the slider's `input` event; folium: `timeDimension.setCurrentTimeIndex`), then two
  animation frames (the first draws, the second begins after the paint); median of the steps.
  Each step is checked to have reached its date and (mapgen) to be drawn. *Step JS*: the work
  on the main thread per step: mapgen's input handler plus its canvas drawing (`state().drawMs`);
  folium's `setCurrentTimeIndex`, which rebuilds its layers synchronously. On a busy machine the
  difference to *step to paint* is mostly waiting for frames.
- **JS heap**: `Runtime.getHeapUsage` after a forced garbage collection, once the page is ready
  and mapgen has also unpacked its popup texts (typed arrays' backing stores are outside it).
  The steps start after that as well.

Headless Debian Chromium (`--headless --no-sandbox --disable-gpu`), viewport 1280x800, a fresh
browser per page, and a one-second pause after each so that its processes have exited before the
next page loads; pages are measured `--repeats` times (median), folium's 100,000-incident page
once. The machine has 2 cores shared with other work, so wall times vary from run to run (page
ready at 100,000 incidents has measured 420-562 ms across runs of this script); ratios are steadier.
"""


def run_build(tool: str, data: Path, out: Path) -> dict[str, Any]:
    """One build as a whole process: wall and CPU seconds, peak resident memory (MB).

    ``mapgen-cli`` is ``python -m mapgen build PROJECT -o OUT`` on the CSV/GeoJSON project.
    """
    if tool == "mapgen-cli":
        cmd = [sys.executable, "-m", "mapgen", "-q", "build", str(data), "-o", str(out)]
    else:
        cmd = [sys.executable, "-m", "benchmarks.build_one", tool, str(data), str(out)]
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               MAPGEN_HOME=str(out.parent / "home"))  # never the user's gazetteer and caches
    if os.path.exists("/usr/bin/time"):
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True, env=env, cwd=REPO)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            raise RuntimeError(f"{tool} build failed:\n{proc.stderr[-2000:]}")
        err = proc.stderr
        user = float(re.search(r"User time \(seconds\): ([\d.]+)", err).group(1))
        system = float(re.search(r"System time \(seconds\): ([\d.]+)", err).group(1))
        peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) / 1024
        phases = json.loads(proc.stdout.strip().splitlines()[-1]) if tool != "mapgen-cli" else {}
        return {"wall_s": wall, "cpu_s": user + system, "peak_mb": peak, "phases": phases,
                "html_bytes": out.stat().st_size}
    import psutil  # fallback: poll the process tree

    start = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO)
    peak = 0
    while proc.poll() is None:
        try:
            peak = max(peak, proc.memory_info().rss)
            times = proc.cpu_times()
        except psutil.Error:
            pass
        time.sleep(0.005)
    wall = time.perf_counter() - start
    stdout, stderr = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"{tool} build failed:\n{stderr.decode()[-2000:]}")
    return {"wall_s": wall, "cpu_s": times.user + times.system, "peak_mb": peak / 2**20,
            "phases": json.loads(stdout.decode().strip().splitlines()[-1]) if tool != "mapgen-cli" else {},
            "html_bytes": out.stat().st_size}


def measure_page(page: Path, resolver: folium_assets.Resolver, steps: int, timeout_s: float = 600) -> dict[str, Any]:
    """Open ``page`` in a fresh Chromium; page ready, JS heap, and ``steps`` slider steps."""
    from playwright.sync_api import sync_playwright

    def route(request_route: Any) -> None:
        found = resolver(request_route.request.url)
        if found is None:
            request_route.fulfill(status=404, body="")
        else:
            request_route.fulfill(status=200, content_type=found[0], body=found[1],
                                  headers={"access-control-allow-origin": "*"})

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            context.add_init_script(INIT)
            context.route(lambda url: url.startswith("http"), route)
            tab = context.new_page()
            errors: list[str] = []
            tab.on("pageerror", lambda e: errors.append(str(e)[:200]))
            tab.set_default_timeout(timeout_s * 1000)
            cdp = context.new_cdp_session(tab)
            tab.goto(page.resolve().as_uri(), wait_until="load", timeout=timeout_s * 1000)
            tab.wait_for_function("window.__bench.paint !== null", timeout=timeout_s * 1000, polling=50)
            ready_ms = tab.evaluate("window.__bench.paint")
            # mapgen inflates popup texts after its first drawing: measure the heap and the steps
            # once that is done too
            tab.evaluate("() => window.mapgen && mapgen.app ? mapgen.app.textLoading.then(() => true) : true")
            cdp.send("HeapProfiler.collectGarbage")
            heap = cdp.send("Runtime.getHeapUsage")["usedSize"] / 2**20
            runs = tab.evaluate(STEPS, steps)
            if errors:
                raise RuntimeError(f"{page.name}: page errors: {errors}")
            bad = [r for r in runs if r["index"] != r["target"] or not r["ready"]]
            if bad:
                raise RuntimeError(f"{page.name}: a step did not reach its date or was not drawn: {bad[:2]}")
            return {"ready_ms": ready_ms, "heap_mb": heap, "steps": runs,
                    "step_ms": statistics.median(r["paint_ms"] for r in runs),
                    "step_js_ms": statistics.median(r["js_ms"] + r.get("draw_ms", 0) for r in runs)}
        finally:
            browser.close()
            time.sleep(1.0)  # let the browser's processes exit before the next page is measured


def text_bytes_per_incident(data: dict[str, Any]) -> float:
    """An incident's own text: its id, title, description and source URL (UTF-8 bytes)."""
    rows = data["incidents"]
    total = sum(len((r["id"] + r["title"] + r["desc"] + r["url"]).encode("utf-8")) for r in rows)
    return total / max(1, len(rows))


def packed_bytes(page: Path) -> dict[str, int]:
    """Sizes inside a mapgen page's data block: the packed numbers and the packed text."""
    html = page.read_text(encoding="utf-8")
    start = html.index('id="mapgen-data">') + len('id="mapgen-data">')
    data = json.loads(html[start:html.index("</script>", start)])
    lazy = data["inc"]["lazyText"]
    if lazy is None:  # in its own block after the page's script
        from mapgen.shape import LAZY_TEXT_ID

        at = html.index(f'id="{LAZY_TEXT_ID}">') + len(f'id="{LAZY_TEXT_ID}">')
        lazy = html[at:html.index("</script>", at)]
    return {"numbers": len(data["inc"]["bin"]), "text": len(data["inc"]["text"]) + len(lazy)}


def run(ns: list[int], zones: int, steps: int, repeats: int, out_dir: Path, folium: bool) -> list[dict[str, Any]]:
    out_dir.mkdir(parents=True, exist_ok=True)
    tools = ["mapgen", "folium"] if folium else ["mapgen"]
    resolver = folium_assets.Resolver(folium_assets.install(folium_assets.default_folder())) if folium else None
    base_data = synthetic.write(out_dir / f"data-0-z{zones}.json", 0, zones)
    base_bytes = {}
    for tool in tools:
        base_bytes[tool] = run_build(tool, base_data, out_dir / f"{tool}-0.html")["html_bytes"]
    rows = []
    for n in ns:
        data_path = synthetic.write(out_dir / f"data-{n}-z{zones}.json", n, zones)
        text = text_bytes_per_incident(synthetic.load(data_path))
        if csv_reader_present():
            project = synthetic.write_project(out_dir / f"project-{n}", n, zones)
            build = run_build("mapgen-cli", project, out_dir / f"mapgen-cli-{n}.html")
            rows.append({"n": n, "tool": "mapgen-cli", "build": build})
            print(json.dumps({"n": n, "tool": "mapgen-cli", "build": {k: build[k] for k in (
                "wall_s", "cpu_s", "peak_mb", "html_bytes")}}, default=lambda v: round(v, 3)),
                file=sys.stderr, flush=True)
        for tool in tools:
            page = out_dir / f"{tool}-{n}.html"
            once = tool == "folium" and n >= 100000
            builds = [run_build(tool, data_path, page) for _ in range(1 if once else repeats)]
            build = {k: statistics.median(b[k] for b in builds) for k in ("wall_s", "cpu_s", "peak_mb")}
            build.update(html_bytes=builds[0]["html_bytes"], phases=builds[0]["phases"], runs=len(builds))
            row = {"n": n, "tool": tool, "build": build, "text_bytes": text,
                   "added": (build["html_bytes"] - base_bytes[tool]) / n,
                   "beyond_text": (build["html_bytes"] - base_bytes[tool]) / n - text}
            if tool == "mapgen":
                row["packed"] = {k: v / n for k, v in packed_bytes(page).items()}
            measured = []
            # folium's 100,000-incident page takes minutes per run: once; every other page `repeats` times
            for _ in range(1 if once else repeats):
                measured.append(measure_page(page, resolver or folium_assets.Resolver("."), steps))
            row["browser"] = {k: statistics.median(m[k] for m in measured)
                              for k in ("ready_ms", "heap_mb", "step_ms", "step_js_ms")}
            row["counts"] = [measured[0]["steps"][0]["count"], measured[0]["steps"][-1]["count"]]
            rows.append(row)
            print(json.dumps({k: row[k] for k in ("n", "tool", "beyond_text", "browser", "counts")}
                             | {"build": {k: build[k] for k in ("wall_s", "cpu_s", "peak_mb", "html_bytes")}},
                             default=lambda v: round(v, 3)), file=sys.stderr, flush=True)
    return rows


def _fmt(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}"


def _beyond(row: dict[str, Any]) -> str:
    """Bytes an incident adds beyond its own text; for mapgen also the packed numbers alone (the
    text is packed too, so the total is below the text's own size)."""
    text = f"{row['beyond_text']:,.0f} (text {row['text_bytes']:,.0f})"
    if "packed" in row:
        text += f"; numbers {row['packed']['numbers']:,.1f}"
    return text


def table(rows: list[dict[str, Any]]) -> str:
    head = ("| N | page | build wall s | build CPU s | build peak MB | HTML MB | HTML B/incident "
            "| B/incident beyond its text | page ready ms | step to paint ms (median) | step JS ms (median) "
            "| JS heap MB |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|\n")
    lines = []
    by_n: dict[int, dict[str, dict[str, Any]]] = {}
    for row in rows:
        by_n.setdefault(row["n"], {})[row["tool"]] = row
    for n, tools in by_n.items():
        if "mapgen-cli" in tools:
            r = tools["mapgen-cli"]["build"]
            lines.append(f"| {n:,} | `mapgen build` CSV + GeoJSON project (CLI) | {_fmt(r['wall_s'], 2)} "
                         f"| {_fmt(r['cpu_s'], 2)} | {_fmt(r['peak_mb'])} | {_fmt(r['html_bytes'] / 1e6, 1)} "
                         "| | | | | | |")
        for tool in ("mapgen", "folium"):
            if tool not in tools:
                continue
            r, b = tools[tool], tools[tool]["browser"]
            name = "mapgen" if tool == "mapgen" else "folium TimestampedGeoJson"
            lines.append(f"| {n:,} | {name} | {_fmt(r['build']['wall_s'], 2)} | {_fmt(r['build']['cpu_s'], 2)} "
                         f"| {_fmt(r['build']['peak_mb'])} | {_fmt(r['build']['html_bytes'] / 1e6, 1)} "
                         f"| {_fmt(r['added'])} | {_beyond(r)} | {_fmt(b['ready_ms'])} | {_fmt(b['step_ms'], 1)} "
                         f"| {_fmt(b['step_js_ms'], 1)} | {_fmt(b['heap_mb'], 1)} |")
        if "mapgen" in tools and "folium" in tools:
            m, f = tools["mapgen"], tools["folium"]

            def ratio(a: float, b: float) -> str:
                return f"{a / b:.2g}" if b and a / b < 0.1 else f"{a / b:.2f}" if b else "–"
            lines.append(
                f"| {n:,} | *mapgen / folium* | {ratio(m['build']['wall_s'], f['build']['wall_s'])} "
                f"| {ratio(m['build']['cpu_s'], f['build']['cpu_s'])} | {ratio(m['build']['peak_mb'], f['build']['peak_mb'])} "
                f"| {ratio(m['build']['html_bytes'], f['build']['html_bytes'])} "
                f"| {ratio(m['added'], f['added'])} | – | {ratio(m['browser']['ready_ms'], f['browser']['ready_ms'])} "
                f"| {ratio(m['browser']['step_ms'], f['browser']['step_ms'])} "
                f"| {ratio(m['browser']['step_js_ms'], f['browser']['step_js_ms'])} "
                f"| {ratio(m['browser']['heap_mb'], f['browser']['heap_mb'])} |")
    return head + "\n".join(lines) + "\n"


def reference_loop_ms(repeats: int = 5) -> float:
    """The machine's speed at the time of the run: the best of ``repeats`` timings of a fixed
    pure-Python loop (two million additions), in ms. Shared or throttled machines vary by tens
    of per cent from hour to hour; compare runs by this figure as well as by the ratios."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        total = 0
        for i in range(2_000_000):
            total += i
        best = min(best, time.perf_counter() - start)
    return best * 1000


def environment() -> str:
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    import folium as folium_module

    return (f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; {platform.processor() or platform.machine()}, "
            f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end, reference loop "
            f"{reference_loop_ms():.0f} ms (see reference_loop_ms); Python "
            f"{platform.python_version()}; folium {folium_module.__version__}; {chromium}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", default="1000,10000,100000", help="comma-separated incident counts")
    parser.add_argument("--quick", action="store_true", help="N = 1000, 5000; 5 steps; one run each")
    parser.add_argument("--zones", type=int, default=200, help="zone versions (default 200)")
    parser.add_argument("--steps", type=int, default=10, help="slider steps per page (default 10)")
    parser.add_argument("--repeats", type=int, default=3,
                        help="browser runs per page, median (folium at 100,000: one)")
    parser.add_argument("--out", default="/tmp/mapgen-bench", help="folder for data and pages")
    parser.add_argument("--no-folium", action="store_true", help="measure this project only")
    parser.add_argument("--results", default=None, help="also write the table to this markdown file")
    parser.add_argument("--json", default=None, help="also write the raw rows as JSON")
    parser.add_argument("--table-from", default=None, metavar="ROWS.json",
                        help="only print the table of rows written earlier with --json")
    args = parser.parse_args()
    if args.table_from:
        print(table(json.loads(Path(args.table_from).read_text(encoding="utf-8"))))
        return
    ns = [1000, 5000] if args.quick else [int(v) for v in args.n.split(",") if v.strip()]
    steps, repeats = (5, 1) if args.quick else (args.steps, args.repeats)
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        sys.exit(f"{CHROMIUM} is missing (apt-get install chromium)")
    rows = run(ns, args.zones, steps, repeats, Path(args.out), not args.no_folium)
    text = table(rows)
    note = f"\nMeasured {environment()}.\n"
    print(text + note)
    if args.results:
        Path(args.results).write_text("# Time layer benchmark\n\n" + text + note + "\n" + METHOD, encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1, default=float), encoding="utf-8")


if __name__ == "__main__":
    main()

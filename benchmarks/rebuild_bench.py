"""Rebuild after one report: a fresh `mapgen build` process, with and without the build cache.

Makes a 10,000-incident project (benchmarks/make_big_project.py) in a temporary folder with a
temporary MAPGEN_HOME, builds it once to fill the cache, ingests the seed live blog
(../shared/seed) into it with `mapgen ingest --into`, accepts the drafts (removes
`review: true`), and times fresh `mapgen build` processes:

* full: `--no-cache` (every file parsed, page rendered with folium);
* incremental: with the cache (only the new drafts file parsed; page halves reused);
* no change: with the cache, nothing edited.

    python benchmarks/rebuild_bench.py [-n 10000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "live-blog-2016-02-04.txt"
sys.path.insert(0, str(REPO))


CPU: list[float] = []


def mapgen(*args: str, env: dict[str, str]) -> tuple[float, str]:
    """Run a fresh `mapgen` process; return its wall time (its CPU time goes to ``CPU``)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "mapgen", *args], env=env, cwd=REPO,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    if proc.returncode != 0:
        raise SystemExit(f"mapgen {' '.join(args)} failed:\n{proc.stdout}{proc.stderr}")
    return seconds, proc.stdout


def main() -> int:
    from benchmarks.make_big_project import make_project

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mapgen-rebuild-") as tmp:
        root = Path(tmp)
        project = make_project(root / "project", args.n)
        out = root / "out" / "map.html"
        env = {**os.environ, "MAPGEN_HOME": str(root / "home"), "PYTHONPATH": str(REPO)}
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"{args.n} incidents; load average at start {load:.1f} on {os.cpu_count()} cores")
        first, _ = mapgen("build", str(project), "-o", str(out), env=env)
        print(f"first build (fills the cache):        {first:6.2f} s wall, {CPU[-1]:5.2f} s CPU")
        _, text = mapgen("ingest", str(SEED), "--published", "2016-02-04",
                         "--source-url", "https://example.org/live-blog", "--into", str(project), env=env)
        drafts = project / "events" / "drafts.yaml"
        accepted = re.sub(r"(?m)^  review: true\n", "", drafts.read_text(encoding="utf-8"))
        drafts.write_text(accepted, encoding="utf-8")
        print("ingest:", text.strip().splitlines()[0])
        incremental, summary = mapgen("build", str(project), "-o", str(out), env=env)
        print(f"incremental build after the report:   {incremental:6.2f} s wall, {CPU[-1]:5.2f} s CPU")
        print("  " + "\n  ".join(line for line in summary.splitlines() if "changes" in line or line.startswith("  +"))[:600])
        mark = len(CPU)
        same = [mapgen("build", str(project), "-o", str(out), env=env)[0] for _ in range(args.repeat)]
        print(f"no-change rebuild (median of {args.repeat}):      {statistics.median(same):6.2f} s wall, "
              f"{statistics.median(CPU[mark:]):5.2f} s CPU")
        mark = len(CPU)
        full = [mapgen("build", str(project), "-o", str(out), "--no-cache", env=env)[0]
                for _ in range(max(1, args.repeat - 1))]
        print(f"full build, --no-cache (median of {len(full)}): {statistics.median(full):6.2f} s wall, "
              f"{statistics.median(CPU[mark:]):5.2f} s CPU")
        print(f"speed-up of the incremental rebuild: {statistics.median(full) / incremental:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

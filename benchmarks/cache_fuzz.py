"""Fuzz the build cache: flip random bits in its entries, rebuild, compare with ``--no-cache``.

Builds the fixture-sized project of benchmarks/make_big_project.py (default 2,000 incidents)
into a temporary folder with a temporary MAPGEN_HOME, then N times: flips 1-4 random bits in
one random cache entry (or truncates or empties it), rebuilds with the cache, and compares the
map, embed snippet and build record with a ``--no-cache`` build. Prints how many rebuilds
differed (must be 0) and how many flips were reported as damaged entries.

    python benchmarks/cache_fuzz.py [-n 200] [--incidents 2000] [--seed 1]
"""
from __future__ import annotations

import argparse
import contextlib
import io
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("--incidents", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    import os

    from benchmarks.make_big_project import make_project

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="mapgen-fuzz-") as tmp:
        root = Path(tmp)
        os.environ["MAPGEN_HOME"] = str(root / "home")
        from mapgen.buildcache import BuildCache
        from mapgen.rebuild import build_and_record

        project = make_project(root / "project", args.incidents)
        out = root / "out" / "map.html"
        full = build_and_record(project, root / "full" / "map.html", use_cache=False)
        expected = [full.doc.html.encode()] + [(root / "full" / n).read_bytes() for n in ("map.embed.html",)]
        build_and_record(project, out)  # fills the cache
        cache = BuildCache.for_output(out)
        differing = reported = 0
        started = time.perf_counter()
        for round_ in range(args.n):
            entries = sorted(cache.path.glob("*.json"))
            entry = rng.choice(entries)
            data = bytearray(entry.read_bytes())
            how = rng.random()
            if how < 0.9:
                for _ in range(rng.randint(1, 4)):
                    data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
            elif how < 0.95:
                del data[rng.randrange(len(data)):]
            else:
                data = bytearray()
            entry.write_bytes(bytes(data))
            with contextlib.redirect_stdout(io.StringIO()):
                outcome = build_and_record(project, out)
            reported += any("build cache" in w for w in outcome.warnings)
            got = [out.read_bytes(), out.with_name("map.embed.html").read_bytes()]
            if got != expected:
                differing += 1
                print(f"round {round_}: the map differs from --no-cache after damaging {entry.name}")
        seconds = time.perf_counter() - started
    print(f"{args.n} damaged cache entries, {args.incidents} incidents: {differing} maps differing from --no-cache, "
          f"{reported} damaged entries reported; {seconds:.1f} s")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Time of `mapgen ingest` on large live-blog pages (250 KB, 2 MB, 20 MB by default).

Each page is made of entries built from the sentences of the annotated reports in
tests/ingest/data (shuffled, with a new timestamp every few minutes) and a few made-up village
names per entry, so the page has new unresolved names as it grows, as a long live blog has.
Every size is ingested in a fresh `mapgen ingest PAGE -o DRAFTS` process with the built-in
gazetteer in a temporary MAPGEN_HOME (or --home). The machine's speed varies; the figures are
wall and CPU seconds of one run per size.

    python benchmarks/ingest_scale.py                    # 250 KB, 2 MB, 20 MB
    python benchmarks/ingest_scale.py --sizes 0.25,2 --profile   # cProfile of the largest size
    python benchmarks/ingest_scale.py --unique           # no sentence written twice
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "ingest" / "data"
sys.path.insert(0, str(REPO))

SYLLABLES = ["kaf", "tal", "ra", "mi", "sha", "bou", "dar", "jib", "nah", "zar", "qa", "lu", "hai", "sem",
             "dou", "bar", "ka", "ri", "yan", "fat"]


def _sentences() -> list[str]:
    """Body sentences of the annotated English reports (no stamps, headlines or bylines)."""
    from mapgen.ingest.clean import clean_text
    from mapgen.ingest.entries import split_entries
    from mapgen.ingest.sentences import is_title_line, paragraphs, split_sentences
    from zoneinfo import ZoneInfo

    out: list[str] = []
    for path in sorted(DATA.glob("report-*")):
        # (the reports in Portuguese, French, Arabic and Turkish are left out: a page of one
        # language, the same page as before the Arabic and Turkish reports were added)
        if path.name.endswith(".annotation.yaml") or any(
                f"-{lang}-" in path.name for lang in ("pt", "fr", "ar", "tr")):
            continue
        text = clean_text(path.read_text(encoding="utf-8"), is_html=path.suffix == ".html")
        for entry in split_entries(text, ZoneInfo("UTC")):
            if entry.stamp is None:
                continue
            for paragraph in paragraphs(entry.text):
                if is_title_line(paragraph):
                    continue
                out.extend(s for s in split_sentences(paragraph) if len(s) > 40)
    return out


def make_page(size: int, seed: int = 1, unique: bool = False) -> str:
    """A live-blog page of about ``size`` characters (with ``unique``, every sentence ends with
    its own number, so that no sentence is written twice)."""
    rng = random.Random(seed)
    sentences = _sentences()
    names = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(5000)]
    moment = dt.datetime(2016, 2, 1, 6, 0, tzinfo=dt.timezone.utc)
    parts: list[str] = ["Live: The Northern Aleppo Offensive, Hour By Hour\n\n"]
    total = len(parts[0])
    while total < size:
        moment += dt.timedelta(minutes=rng.randint(3, 12))
        body = rng.sample(sentences, 3)
        if unique:
            body = [f"{s[:-1]} (no. {len(parts)}-{n}){s[-1]}" if s[-1:] in ".!?" else f"{s} (no. {len(parts)}-{n})"
                    for n, s in enumerate(body)]
        body.append(f"Activists also reported shelling on {rng.choice(names)} and {rng.choice(names)} this morning.")
        rng.shuffle(body)
        entry = f"{moment:%b %d, %Y %H:%M} (GMT)\n\n" + " ".join(body) + "\n\n"
        parts.append(entry)
        total += len(entry)
    return "".join(parts)


def run(page: Path, out: Path, env: dict[str, str], profile: Path | None = None) -> tuple[float, float, str]:
    """Ingest ``page`` in a fresh process; (wall s, CPU s, its summary line)."""
    args = [sys.executable]
    if profile is not None:
        args += ["-m", "cProfile", "-o", str(profile)]
    args += ["-m", "mapgen", "ingest", str(page), "--published", "2016-02-01", "-o", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(args, env=env, cwd=REPO, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed:\n{proc.stdout}{proc.stderr[-2000:]}")
    summary = next((line for line in proc.stdout.splitlines() if line.startswith("drafts:")), "")
    return wall, cpu, summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.25,2,20", help="page sizes in MB (comma-separated)")
    parser.add_argument("--home", type=Path, default=None, help="MAPGEN_HOME to use (default: a temporary one)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the largest size")
    parser.add_argument("--keep", type=Path, default=None, help="folder to keep the pages in")
    parser.add_argument("--unique", action="store_true",
                        help="no sentence written twice (each ends with its own number)")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(prefix="mapgen-ingest-scale-") as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        home = args.home or root / "home"
        env = {**os.environ, "MAPGEN_HOME": str(home), "PYTHONPATH": str(REPO)}
        # the first run also fills the gazetteer database: do it once, untimed
        warm = root / "warm.txt"
        warm.write_text(make_page(2000), encoding="utf-8")
        run(warm, root / "warm.yaml", env)
        print(f"{'page':>9} {'entries':>8} {'wall s':>8} {'CPU s':>8}  summary")
        previous: tuple[float, float] | None = None
        for mb in sizes:
            text = make_page(int(mb * 1_000_000), unique=args.unique)
            page = root / f"page-{mb:g}MB{'-unique' if args.unique else ''}.txt"
            page.write_text(text, encoding="utf-8")
            entries = len(re.findall(r"^\w{3} \d{2}, \d{4} \d{2}:\d{2} \(GMT\)$", text, re.M))
            profile = root / "ingest.prof" if args.profile and mb == max(sizes) else None
            wall, cpu, summary = run(page, root / f"drafts-{mb:g}.yaml", env, profile)
            growth = ""
            if previous is not None:
                import math

                exponent = math.log(cpu / previous[1]) / math.log(len(text) / previous[0])
                growth = f"  (CPU grows as n^{exponent:.2f})"
            print(f"{len(text) / 1e6:>7.2f}MB {entries:>8} {wall:>8.2f} {cpu:>8.2f}  {summary}{growth}")
            previous = (len(text), cpu)
            if profile is not None:
                import pstats

                pstats.Stats(str(profile)).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

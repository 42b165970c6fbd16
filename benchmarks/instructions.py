"""Machine instructions per first-time resolution: the gazetteer's speed as a count.

CPU seconds vary with what else the machine does (by a fifth from run to run on a shared
2-core machine, more from day to day), so a change of a few per cent, or two days' figures,
cannot be told apart by timing. Valgrind's callgrind counts the instructions a process runs
instead: the same count, run after run, whatever the load.

Imports the SY and TR GeoNames-format dumps and OCHA's Syrian communities (as
``gazetteer_bench.py`` does) into a temporary MAPGEN_HOME; then, under ``valgrind
--tool=callgrind``, opens the gazetteer, resolves a few hundred names to warm it up, empties
its caches and resolves N distinct names for the first time each (the names of
``gazetteer_bench.py``'s first-time speed, countries SY,TR). The same is run with no names;
the difference, divided by N, is the count per name. When this checkout's gazetteer modules
are compiled (see ``gazetteer/native.py``), their Python sources are counted too
(MAPGEN_PURE_PYTHON). With ``--against REV`` the code of commit REV (a git worktree of it,
never compiled) is counted the same way, on a copy of the same database.

Instructions are not seconds: a count says which of two versions does more work and by how
much, not how fast either runs. Needs ``valgrind`` (Debian: ``apt-get install valgrind``);
about two minutes per version (1,000 names; the import first, 15 s).

Run: ``python benchmarks/instructions.py [--names N] [--against REV]``
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: Names resolved to warm the gazetteer up (its lazily read tables), before the counted ones.
WARM_NAMES = 300
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def _child(code: str, home: str, names_file: str, count: int) -> None:
    """Run inside valgrind: open ``home`` with the gazetteer of checkout ``code``, warm it up,
    then resolve the first ``count`` names of ``names_file`` for the first time each."""
    sys.path.insert(0, code)
    from gazetteer import open_gazetteer
    from gazetteer.normalize import clear_caches

    names = Path(names_file).read_text(encoding="utf-8").splitlines()
    warm, counted = names[:WARM_NAMES], names[WARM_NAMES:]
    gz = open_gazetteer(home)
    for name in warm:
        gz.resolve(name, countries=("SY", "TR"))
    gz._cache.clear()
    clear_caches()
    for name in counted[:count]:
        gz.resolve(name, countries=("SY", "TR"))
    gz.close()


def _instructions(code: Path, home: Path, names_file: Path, count: int,
                  sources: bool = False) -> int:
    """Instructions callgrind counts for one run of :func:`_child` (``sources``: with the
    Python sources of the compiled modules)."""
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
           str(Path(__file__).resolve()), "--child", str(code), str(home), str(names_file),
           str(count)]
    env = dict(os.environ, MAPGEN_HOME=str(home), OMP_NUM_THREADS="1",
               OPENBLAS_NUM_THREADS="1", PYTHONHASHSEED="0",
               MAPGEN_PURE_PYTHON="1" if sources else "")
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    found = _COLLECTED.search(out.stderr)
    if out.returncode != 0 or found is None:
        raise SystemExit(f"valgrind run failed ({code}): {out.stderr.strip()[-500:]}")
    return int(found.group(1))


def per_name(code: Path, home: Path, names_file: Path, count: int,
             sources: bool = False) -> float:
    """Instructions per first-time resolution with the code of checkout ``code``."""
    # a first open by this code: a database built by another version is rebuilt here, not in
    # the counted runs
    _instructions(code, home, names_file, 0, sources)
    base = _instructions(code, home, names_file, 0, sources)
    full = _instructions(code, home, names_file, count, sources)
    return (full - base) / count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--names", type=int, default=1000, help="names counted (default 1000)")
    ap.add_argument("--against", metavar="REV", help="also count the code of this commit")
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        code, home, names_file, count = args.child
        _child(code, home, names_file, int(count))
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind not found (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO))
    from benchmarks.gazetteer_bench import sample_names
    from benchmarks.shared_data import DUMPS, OCHA
    from gazetteer import native, open_gazetteer

    if not DUMPS.is_dir():
        print(f"GeoNames-format dumps not found: {DUMPS}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="instructions-bench-") as tmp:
        tmp_path = Path(tmp)
        home = tmp_path / "home"
        home.mkdir()
        with open_gazetteer(home) as gz:
            gz.import_files([DUMPS / "SY.txt", DUMPS / "TR.txt"]
                            + ([OCHA] if OCHA.is_file() else []))
        # the first-time names of gazetteer_bench.py, the warm-up names from its far end
        names = sample_names(10_000)
        names_file = tmp_path / "names.txt"
        names_file.write_text("\n".join(names[-WARM_NAMES:] + names[:args.names]) + "\n",
                              encoding="utf-8")
        if native.built_from_these_sources() and not native.pure_python_wanted():
            rows = [("this checkout, compiled", per_name(REPO, home, names_file, args.names)),
                    ("this checkout, Python sources",
                     per_name(REPO, home, names_file, args.names, sources=True))]
        else:
            rows = [("this checkout", per_name(REPO, home, names_file, args.names))]
        if args.against:
            tree = tmp_path / "against"
            subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(tree),
                            args.against], check=True, capture_output=True)
            try:
                other_home = tmp_path / "home-against"
                shutil.copytree(home, other_home)
                rows.append((args.against, per_name(tree, other_home, names_file, args.names)))
            finally:
                subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force",
                                str(tree)], check=False, capture_output=True)
        print(f"Instructions per first-time resolution ({args.names} names, countries SY,TR, "
              "built-in + SY + TR + OCHA):")
        for label, value in rows:
            print(f"  {label}: {value:,.0f}")
        for label, value in rows[1:]:
            print(f"  {rows[0][0]} / {label}: {rows[0][1] / value:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

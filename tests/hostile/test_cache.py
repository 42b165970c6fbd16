"""The build cache can only speed a build up: nothing in it runs, a damaged entry is rebuilt,
and a build with it writes the same bytes as ``--no-cache``."""
from __future__ import annotations

import os
import pickle
import random
from pathlib import Path

from mapgen.buildcache import BuildCache, seal
from tests.fixtures import NEW_INCIDENT
from tests.hostile.helpers import cli, project


def _no_cache(source: Path, out: Path, *extra: str) -> bytes:
    ran = cli("build", source, "-o", out, "--no-cache", *extra)
    assert ran.code == 0, ran.err
    return out.read_bytes()


class _Planted:
    """Pickled, this runs ``touch`` when unpickled: what a cache of pickles would execute."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple:
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_pickle_never_runs(tmp_path: Path) -> None:
    source = project(tmp_path / "p")
    out = tmp_path / "out" / "map.html"
    assert cli("build", source, "-o", out).code == 0
    marker = tmp_path / "ran"
    cache = BuildCache.for_output(out)
    entries = sorted(cache.path.glob("*.json"))
    assert entries and all(e.read_bytes().startswith(b"mapgen-cache ") for e in entries)
    for entry in entries:  # a pickle, and a pickle behind a valid checksum line
        entry.write_bytes(pickle.dumps(_Planted(marker)) if entry == entries[0]
                          else seal(pickle.dumps(_Planted(marker))))
    (cache.path / "index.pickle").write_bytes(pickle.dumps(_Planted(marker)))
    ran = cli("build", source, "-o", out)
    assert ran.code == 0 and not marker.exists()
    assert "warning: build cache entry ignored and rebuilt" in ran.err and ran.err.count("warning: build cache") == 1
    assert out.read_bytes() == _no_cache(source, tmp_path / "full.html")


def test_flipped_bytes_never_change_the_map(tmp_path: Path) -> None:
    """A small run of the cache fuzz (benchmarks/cache_fuzz.py flips 200): each flip is detected."""
    source = project(tmp_path / "p")
    out = tmp_path / "out" / "map.html"
    expected = _no_cache(source, tmp_path / "full.html")
    assert cli("build", source, "-o", out).code == 0
    cache = BuildCache.for_output(out)
    rng = random.Random(15)
    for _ in range(8):
        entry = rng.choice(sorted(cache.path.glob("*.json")))
        data = bytearray(entry.read_bytes())
        at = rng.randrange(len(data))
        data[at] ^= 1 << rng.randrange(8)
        entry.write_bytes(bytes(data))
        ran = cli("build", source, "-o", out)
        assert ran.code == 0 and "build cache entry ignored" in ran.err
        assert out.read_bytes() == expected


def test_an_edit_that_keeps_size_and_time_is_built(tmp_path: Path) -> None:
    source = project(tmp_path / "p")
    out = tmp_path / "out" / "map.html"
    assert cli("build", source, "-o", out).code == 0
    events = source / "events" / "incidents.yaml"
    before = events.stat()
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("Strike on Alpha", "Strike on Alphb"), encoding="utf-8")
    os.utime(events, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert events.stat().st_size == before.st_size
    ran = cli("build", source, "-o", out)
    assert "1 changed" in ran.out and "~ f-1" in ran.out
    assert out.read_bytes() == _no_cache(source, tmp_path / "full.html")


def test_title_and_cdn_are_part_of_the_key(tmp_path: Path) -> None:
    source = project(tmp_path / "p")
    out = tmp_path / "out" / "map.html"
    assert cli("build", source, "-o", out, "--title", "X", "--cdn").code == 0
    assert cli("build", source, "-o", out, "--title", "X\n--cdn").code == 0  # was the same cache key
    assert out.read_bytes() == _no_cache(source, tmp_path / "a.html", "--title", "X\n--cdn")
    assert b"<script>" in out.read_bytes() and b"integrity=" not in out.read_bytes()
    assert cli("build", source, "-o", out, "--title", "X").code == 0  # self-contained after a --cdn build
    assert out.read_bytes() == _no_cache(source, tmp_path / "b.html", "--title", "X")


def test_cached_rebuild_after_a_new_report_equals_a_full_build(tmp_path: Path) -> None:
    source = project(tmp_path / "p")
    out = tmp_path / "out" / "map.html"
    assert cli("build", source, "-o", out).code == 0
    (source / "events" / "report.yaml").write_text(NEW_INCIDENT, encoding="utf-8")
    ran = cli("build", source, "-o", out)
    assert "1 incidents added" in ran.out and not ran.err
    assert out.read_bytes() == _no_cache(source, tmp_path / "full.html")

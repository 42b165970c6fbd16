"""Build record and change summary; the build cache gives the same bytes as a full build."""
from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from mapgen.buildcache import BuildCache
from mapgen.buildrecord import compare, make_record, read_record, record_path
from mapgen.cli import main
from mapgen.rebuild import build_and_record
from tests.conftest import write_project
from tests.fixtures import NEW_INCIDENT, PROJECT
from tests.pagedata import page_incidents


def _touch_later(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


def test_record_and_changes(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", PROJECT)
    out = tmp_path / "out" / "map.html"
    first = build_and_record(project, out)
    assert first.changes.first_build and first.changes.summary() == "first build: 4 incidents, 3 zone versions"
    record = read_record(record_path(out))
    assert record is not None and set(record["incidents"]) == {"f-1", "f-2", "f-3", "f-4"}
    assert record["zones"]["gov-after"][1:3] == ["government", "2016-02-03"]
    assert record["incidents"]["f-2"][1:] == ["2016-02-03", "shelling", "Bravo Town"]
    assert json.loads(record_path(out).read_text())["version"] == 2

    same = build_and_record(project, out)
    assert not same.changes.any and same.changes.summary() == "no changes since the last build"

    events = project / "events" / "incidents.yaml"
    text = events.read_text(encoding="utf-8")
    text = text.replace("title: Strike on Alpha", "title: Strike on Alpha market")   # f-1 changed
    text = text[:text.index("  - id: f-4")]                                          # f-4 removed
    events.write_text(text, encoding="utf-8")
    (project / "events" / "report.yaml").write_text(NEW_INCIDENT, encoding="utf-8")   # r-1 added
    zones = project / "zones" / "control.yaml"
    zones.write_text(zones.read_text(encoding="utf-8").replace("status: claimed", "status: contested"),
                     encoding="utf-8")
    _touch_later(events)
    _touch_later(zones)
    changed = build_and_record(project, out).changes
    assert (changed.added, changed.changed, changed.removed) == (["r-1"], ["f-1"], ["f-4"])
    assert changed.zones == {"2016-02-03": ["~gov-after"]}
    lines = changed.lines()
    assert lines[0] == ("changes since the last build: 1 incidents added, 1 changed, 1 removed; 1 zone change")
    assert "  + r-1  2016-02-03  airstrike" in lines
    assert any(line.startswith("  - f-4  2016-02-0") for line in lines)
    assert "  zones from 2016-02-03: ~gov-after" in lines


def test_compare_zone_added_and_removed() -> None:
    old = {"incidents": {}, "zones": {"a": ["1", "rebels", "2016-02-01", None]}}
    new = {"incidents": {}, "zones": {"b": ["2", "rebels", "2016-02-05", None]}}
    assert compare(old, new).zones == {"2016-02-01": ["-a"], "2016-02-05": ["+b"]}
    assert make_record([], [])["incidents"] == {}


def test_cached_build_is_byte_identical_and_rereads_only_changed_files(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", PROJECT)
    out = tmp_path / "out" / "map.html"
    first = build_and_record(project, out)
    assert first.cache_misses == 2 and first.cache_hits == 0
    second = build_and_record(project, out)
    assert second.cache_misses == 0 and second.cache_hits >= 2
    (project / "events" / "report.yaml").write_text(NEW_INCIDENT, encoding="utf-8")
    third = build_and_record(project, out)
    assert third.cache_misses == 1
    cached_html = out.read_bytes()
    full = build_and_record(project, tmp_path / "full" / "map.html", use_cache=False)
    assert full.doc.html.encode("utf-8") == cached_html
    assert "r-1" in page_incidents(cached_html.decode("utf-8"))["id"]
    # the popup texts come last, after the page's script, in both
    html = cached_html.decode("utf-8")
    assert html.index('<script type="text/plain" id="mapgen-lazy-text">') > html.rindex("mapgen.init(")
    assert html.rstrip().endswith("</script>\n</html>")


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", PROJECT)
    out = tmp_path / "out" / "map.html"
    build_and_record(project, out)
    cache = BuildCache.for_output(out)
    entries = [e for e in cache.path.glob("*.json") if b"<!DOCTYPE" not in e.read_bytes()]
    assert len(entries) == 2 and len(list(cache.path.glob("*.json"))) == 3  # two files and the page
    entries[0].write_bytes(b"not an entry")
    again = build_and_record(project, out)
    assert again.cache_misses == 1 and again.doc.incident_count == 4
    assert len(again.warnings) == 1 and "not a cache entry" in again.warnings[0]
    for entry in cache.path.glob("*.json"):
        entry.write_bytes(entry.read_bytes()[:-20])     # truncated: read the file again
    third = build_and_record(project, out)
    assert third.cache_misses == 2 and third.doc.incident_count == 4 and not third.changes.any
    assert "checksum mismatch" in third.warnings[0] and "and 2 more" in third.warnings[0]
    assert out.read_bytes() == build_and_record(project, tmp_path / "full.html", use_cache=False).doc.html.encode()


def test_cli_build_prints_changes(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", PROJECT)
    out = tmp_path / "map.html"
    runner = CliRunner()
    first = runner.invoke(main, ["build", str(project), "-o", str(out)])
    assert first.exit_code == 0 and "first build: 4 incidents, 3 zone versions" in first.stdout
    assert record_path(out).exists()
    (project / "events" / "report.yaml").write_text(NEW_INCIDENT.replace("title: New report", "title: New\n    review: true"),
                                                     encoding="utf-8")
    second = runner.invoke(main, ["build", str(project), "-o", str(out)])
    assert "left out 1 incidents marked review: true" in second.stdout
    assert "no changes since the last build" in second.stdout
    accepted = (project / "events" / "report.yaml").read_text(encoding="utf-8").replace("\n    review: true", "")
    (project / "events" / "report.yaml").write_text(accepted, encoding="utf-8")
    _touch_later(project / "events" / "report.yaml")
    third = runner.invoke(main, ["build", str(project), "-o", str(out)])
    assert "changes since the last build: 1 incidents added, 0 changed, 0 removed" in third.stdout
    assert "  + r-1  2016-02-03  airstrike" in third.stdout
    nocache = runner.invoke(main, ["build", str(project), "-o", str(out), "--no-cache"])
    assert nocache.exit_code == 0 and "no changes since the last build" in nocache.stdout


def test_paused_gc_resumes_the_collector_unless_the_process_ends() -> None:
    import gc

    from mapgen.build import paused_gc

    assert gc.isenabled()
    try:
        with paused_gc():
            assert not gc.isenabled()
        assert gc.isenabled()
        with paused_gc(resume=False):
            assert not gc.isenabled()
        assert not gc.isenabled()   # the console build: the process ends next
    finally:
        gc.enable()

"""`mapgen watch` in a real process: rebuilds on change, survives bad input, prints the changes."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from mapgen.cli import main
from tests.conftest import REPO, write_project
from tests.fixtures import PROJECT

NEW = "incidents:\n  - {id: w-1, date: 2016-02-02, lat: 36.3, lon: 37.0, type: shelling, title: Watched}\n"


def _wait_for(path: Path, text: str, proc: subprocess.Popen, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        content = path.read_text(encoding="utf-8") if path.exists() else ""
        if text in content:
            return content
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    raise AssertionError(f"{text!r} not seen; output so far:\n{path.read_text(encoding='utf-8')}")


def test_watch_rebuilds_and_survives_bad_input(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", PROJECT)
    out = tmp_path / "out" / "map.html"
    log, errlog = tmp_path / "watch.out", tmp_path / "watch.err"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with open(log, "w") as stdout, open(errlog, "w") as stderr:
        proc = subprocess.Popen([sys.executable, "-m", "mapgen", "watch", str(project), "-o", str(out),
                                 "--interval", "0.1", "--max-builds", "3"], stdout=stdout, stderr=stderr,
                                env=env, cwd=tmp_path)
        try:
            _wait_for(log, "watching", proc)
            assert "first build: 4 incidents, 3 zone versions" in log.read_text(encoding="utf-8")
            first_map = out.read_bytes()
            (project / "events" / "report.yaml").write_text("incidents:\n  - {id: w-1, date: [oops\n",
                                                           encoding="utf-8")
            _wait_for(errlog, "build failed", proc)
            err = errlog.read_text(encoding="utf-8")
            assert "report.yaml" in err and "malformed YAML" in err and "Traceback" not in err
            assert out.read_bytes() == first_map, "a failed build leaves the map as it was"
            (project / "events" / "report.yaml").write_text(NEW, encoding="utf-8")
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
    text = log.read_text(encoding="utf-8")
    assert proc.returncode == 0
    assert "changed: report.yaml" in text
    assert "changes since the last build: 1 incidents added, 0 changed, 0 removed" in text
    assert "  + w-1  2016-02-02  shelling" in text
    assert "w-1" in out.read_text(encoding="utf-8")


def test_watch_once(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", PROJECT)
    out = tmp_path / "map.html"
    ok = CliRunner().invoke(main, ["watch", str(project), "-o", str(out), "--once"])
    assert ok.exit_code == 0 and "first build" in ok.stdout and out.exists()
    (project / "events" / "bad.yaml").write_text("incidents: []\n", encoding="utf-8")
    bad = CliRunner().invoke(main, ["watch", str(project), "-o", str(out), "--once"])
    assert bad.exit_code == 1 and "bad.yaml" in bad.stderr and "no records" in bad.stderr

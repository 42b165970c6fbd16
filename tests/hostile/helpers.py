"""What the hostile-input tests share: a project, a command run in-process or in a fenced
subprocess (memory limit, file size limit, timeout), and a snapshot of files to prove them untouched."""
from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from mapgen.cli import main
from tests.conftest import REPO, write_project
from tests.fixtures import PROJECT

#: Address space a fenced subprocess may use (a bomb that expands in memory dies, not the machine).
MEMORY_LIMIT = 1536 * 2**20


@dataclass
class Ran:
    code: int
    out: str
    err: str
    seconds: float

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def project(root: Path, **changes: str) -> Path:
    """The fixture project under ``root``, with files replaced or added by ``changes``
    (``events__incidents_yaml="..."`` -> ``events/incidents.yaml``)."""
    files = dict(PROJECT)
    for key, text in changes.items():
        rel = key.replace("__", "/").replace("_yaml", ".yaml").replace("_csv", ".csv").replace("_geojson", ".geojson")
        files[rel] = text
    return write_project(root, files)


def cli(*args: str) -> Ran:
    """``mapgen ARGS`` in-process."""
    started = time.perf_counter()
    result = CliRunner().invoke(main, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Ran(result.exit_code, result.stdout, result.stderr, time.perf_counter() - started)


def fenced(*args: str, env: dict[str, str] | None = None, memory: int = MEMORY_LIMIT,
           file_size: int | None = None, timeout: float = 60, cwd: Path | None = None) -> Ran:
    """``mapgen ARGS`` in a subprocess limited to ``memory`` bytes of address space (and files of
    ``file_size`` bytes: a full disk), killed after ``timeout`` seconds."""

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        if file_size is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes fail with EFBIG instead
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))

    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "mapgen", *map(str, args)], env=full_env, cwd=cwd or REPO,
                          capture_output=True, text=True, errors="surrogateescape", timeout=timeout,
                          preexec_fn=limits)
    return Ran(proc.returncode, proc.stdout, proc.stderr, time.perf_counter() - started)


def snapshot(*roots: Path) -> dict[str, bytes]:
    """Every file under ``roots`` (or the file itself) with its bytes."""
    files: dict[str, bytes] = {}
    for root in roots:
        paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in paths:
            files[str(path)] = path.read_bytes()
    return files


def one_error(ran: Ran, *needles: str) -> str:
    """Assert ``ran`` failed with exit 1 and exactly one error line (no traceback) holding every
    needle; return the line."""
    assert ran.code == 1, (ran.code, ran.out, ran.err)
    assert "Traceback" not in ran.err, ran.err
    lines = ran.error_lines
    assert len(lines) == 1 and lines[0].startswith("error: "), lines
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    assert "\x1b" not in ran.err and "\x07" not in ran.err
    return lines[0]

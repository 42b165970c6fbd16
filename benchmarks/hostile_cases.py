"""Run the hostile-input cases against a checkout and print a table: exit code, first message
line, and whether the files that must stay untouched did.

    python benchmarks/hostile_cases.py [--repo PATH] [--python PATH]

``--repo`` and ``--python`` pick the checkout and interpreter to run (default: this one), so the
same cases can be run on an older version for a before/after table. Each case runs in a fresh
temporary folder and MAPGEN_HOME, in a subprocess limited to 1.5 GB of address space and 60 s.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE))

from tests.fixtures import PROJECT  # noqa: E402

EVENT = "- {id: x, date: '%s', type: shelling, lat: 36, lon: 37%s}\n"
BOMB = "".join(f"{c}: &{c} [{', '.join([f'*{p}'] * 9) if p else ', '.join(['lol'] * 9)}]\n"
               for p, c in zip([None, *"abcdefgh"], "abcdefghi"))


class Planted:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple:
        return (os.system, (f"touch {self.marker}",))


def write_project(root: Path, **files: str) -> Path:
    for rel, text in {**PROJECT, **files}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


class Runner:
    def __init__(self, repo: Path, python: str) -> None:
        self.repo, self.python = repo, python

    def run(self, tmp: Path, *args: Any, env: dict[str, str] | None = None, memory: int = 1536 * 2**20,
            fsize: int | None = None, timeout: float = 60) -> tuple[int, str, str]:
        def limits() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
            if fsize:
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

        full_env = {**os.environ, "PYTHONPATH": str(self.repo), "MAPGEN_HOME": str(tmp / "home"), **(env or {})}
        try:
            proc = subprocess.run([self.python, "-m", "mapgen", *map(str, args)], cwd=tmp, env=full_env,
                                  capture_output=True, timeout=timeout, preexec_fn=limits)
        except subprocess.TimeoutExpired:
            return -9, "", f"(killed after {timeout:.0f} s)"
        return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


def snapshot(*roots: Path) -> dict[str, bytes]:
    files = {}
    for root in roots:
        for p in ([root] if root.is_file() else sorted(q for q in root.rglob("*") if q.is_file())):
            files[str(p)] = p.read_bytes()
    return files


def first_line(err: str, out: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    if any(ln.startswith("Traceback") for ln in lines):
        return "TRACEBACK: " + lines[-1]
    text = lines[0] if lines else (out.splitlines()[-1] if out.strip() else "")
    return text.replace(str(Path(tempfile.gettempdir())), "")


CASES: list[tuple[str, Callable[[Runner, Path], tuple[int, str, str]]]] = []


def case(name: str) -> Callable:
    def add(func: Callable) -> Callable:
        CASES.append((name, func))
        return func
    return add


def _output_over(rel: str) -> Callable:
    def run(r: Runner, t: Path) -> tuple[int, str, str]:
        p = write_project(t / "p")
        before = snapshot(p)
        code, out, err = r.run(t, "build", p, "-o", p / rel)
        return code, first_line(err, out), "yes" if snapshot(p) == before else "NO"
    return run


for _rel in ("events/incidents.yaml", "map.yaml", "zones/control.yaml"):
    case(f"-o PROJECT/{_rel}")(_output_over(_rel))


@case("-o SOURCE (one events file)")
def _(r: Runner, t: Path):
    e = t / "e.yaml"
    e.write_text(EVENT % ("2016-02-01", ""), encoding="utf-8")
    code, out, err = r.run(t, "build", e, "-o", e)
    return code, first_line(err, out), "yes" if e.read_text() == EVENT % ("2016-02-01", "") else "NO"


@case("pickle planted in the cache")
def _(r: Runner, t: Path):
    p = write_project(t / "p")
    r.run(t, "build", p, "-o", t / "o" / "m.html")
    marker = t / "RAN"
    for f in (t / "home" / "cache").rglob("*"):
        if f.is_file():
            f.write_bytes(pickle.dumps(Planted(str(marker))))
    code, out, err = r.run(t, "build", p, "-o", t / "o" / "m.html")
    return code, first_line(err, out), "code ran" if marker.exists() else "no code ran"


@case("cache: 40 bit flips vs --no-cache")
def _(r: Runner, t: Path):
    import random
    rng = random.Random(3)
    p = write_project(t / "p")
    r.run(t, "build", p, "-o", t / "full.html", "--no-cache")
    want = (t / "full.html").read_bytes()
    r.run(t, "build", p, "-o", t / "o" / "m.html")
    differ = 0
    for _ in range(40):
        files = sorted(f for f in (t / "home" / "cache").rglob("*") if f.is_file())
        f = rng.choice(files)
        data = bytearray(f.read_bytes())
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        f.write_bytes(bytes(data))
        code, out, err = r.run(t, "build", p, "-o", t / "o" / "m.html")
        differ += code != 0 or (t / "o" / "m.html").read_bytes() != want
    return 0, f"{differ} of 40 maps differ from --no-cache", "yes" if not differ else "NO"


@case("edit keeping size and mtime")
def _(r: Runner, t: Path):
    p = write_project(t / "p")
    r.run(t, "build", p, "-o", t / "o" / "m.html")
    e = p / "events" / "incidents.yaml"
    st = e.stat()
    e.write_text(e.read_text().replace("Strike on Alpha", "Strike on Alphb"))
    os.utime(e, ns=(st.st_atime_ns, st.st_mtime_ns))
    code, out, err = r.run(t, "build", p, "-o", t / "o" / "m.html")
    return code, [ln for ln in out.splitlines() if "change" in ln][0], "-"


@case("title 'X\\n--cdn' after --title X --cdn")
def _(r: Runner, t: Path):
    p = write_project(t / "p")
    r.run(t, "build", p, "-o", t / "o" / "m.html", "--title", "X", "--cdn")
    code, out, err = r.run(t, "build", p, "-o", t / "o" / "m.html", "--title", "X\n--cdn")
    r.run(t, "build", p, "-o", t / "full.html", "--title", "X\n--cdn", "--no-cache")
    same = (t / "o" / "m.html").read_bytes() == (t / "full.html").read_bytes()
    return code, "same as --no-cache" if same else "DIFFERS from --no-cache", "-"


def _events_case(name: str, text: str, suffix: str = ".yaml", **kw: Any) -> None:
    @case(name)
    def _(r: Runner, t: Path):
        e = t / f"e{suffix}"
        e.write_text(text, encoding="utf-8")
        code, out, err = r.run(t, "build", e, "-o", t / "o" / "m.html", **kw)
        return code, first_line(err, out), "yes" if not (t / "o" / "m.html").exists() else "NO"


_events_case("YAML alias bomb in a field (1 GB limit)", "incidents:\n  - {id: x, date: 2016-02-01, type: shelling, "
             "lat: 36, lon: 37, notes: {" + BOMB.replace("\n", ", ").rstrip(", ") + "}, fatalities: *i}\n",
             memory=1024 * 2**20, timeout=60)
_events_case("duplicate key", "- {id: a, date: 2016-02-01, type: x, lat: 1, lon: 1, lat: 2}\n")
_events_case("date 9999-12-31", EVENT % ("9999-12-31", ""))
_events_case("date 7000-01-01T00:00", EVENT % ("7000-01-01T00:00:00", ""))
_events_case("fatalities 3000000000", EVENT % ("2016-02-01", ", fatalities: 3000000000"))
_events_case("lone surrogate (GeoJSON)", '{"type":"Feature","geometry":{"type":"Point","coordinates":[37,36]},'
             '"properties":{"id":"a","date":"2016-02-01","type":"x","title":"\\ud800"}}', ".geojson")
_events_case("CSV cell of 200 KB", "id,date,type,lat,lon,title\nx,2016-02-01,x,36,37," + "t" * 200_000 + "\n", ".csv")
@case("CSV header with terminal escapes")
def _(r: Runner, t: Path):
    (t / "e.csv").write_text("id,date,\x1b]0;PWNED\x07\x1b[31mred,place\na,2016-02-01,x,A\n")
    code, out, err = r.run(t, "build", t / "e.csv", "-o", t / "m.html")
    return code, first_line(err, out), "RAW ESCAPES on the terminal" if "\x1b" in err else "escaped"


def _project_case(name: str, rel: str, text: str | bytes) -> None:
    @case(name)
    def _(r: Runner, t: Path):
        p = write_project(t / "p", events__incidents_yaml=PROJECT["events/incidents.yaml"])
        p = write_project(t / "p")
        (p / rel).write_bytes(text if isinstance(text, bytes) else text.encode())
        code, out, err = r.run(t, "build", p, "-o", t / "o" / "m.html")
        return code, first_line(err, out), "yes" if not (t / "o" / "m.html").exists() else "NO"


_project_case("map.yaml countries: 5", "map.yaml", "countries: 5\n")
_project_case("map.yaml title: [a, b]", "map.yaml", "title: [a, b]\n")
_project_case("lock file lat .nan", "places.lock.yaml", "places:\n  Alpha: {lat: .nan, lon: 37, source: g}\n")
_project_case("lock file lat 1000", "places.lock.yaml", "places:\n  Alpha: {lat: 1000, lon: 37, source: g}\n")
_project_case("lock file in Latin-1", "places.lock.yaml", "places:\n  Alépo: {lat: 36, lon: 37}\n".encode("latin-1"))


@case("malformed OUT.build.json")
def _(r: Runner, t: Path):
    p = write_project(t / "p")
    (t / "o").mkdir()
    (t / "o" / "m.build.json").write_text('{"version": 2, "incidents": [1], "zones": {}}')
    code, out, err = r.run(t, "build", p, "-o", t / "o" / "m.html")
    return code, first_line(err, out), "-"


def _blocked(name: str, blocked: str) -> None:
    @case(name)
    def _(r: Runner, t: Path):
        p = write_project(t / "p")
        r.run(t, "build", p, "-o", t / "o" / "m.html")
        (p / "events" / "r.yaml").write_text(EVENT % ("2016-02-03", ""))
        (t / "o" / blocked).unlink()
        before = snapshot(t / "o")
        (t / "o" / blocked).mkdir()
        code, out, err = r.run(t, "build", p, "-o", t / "o" / "m.html")
        (t / "o" / blocked).rmdir()
        return code, first_line(err, out), "yes" if snapshot(t / "o") == before else "NO"


_blocked("embed snippet path is a folder", "m.embed.html")
_blocked("build record path is a folder", "m.build.json")


@case("full disk (RLIMIT_FSIZE 100 KB) while writing the map")
def _(r: Runner, t: Path):
    p = write_project(t / "p")
    r.run(t, "build", p, "-o", t / "o" / "m.html")
    (p / "events" / "r.yaml").write_text(EVENT % ("2016-02-03", ""))
    before = snapshot(t / "o")
    code, out, err = r.run(t, "build", p, "-o", t / "o" / "m.html", "--no-cache", fsize=100_000)
    after = {k: v for k, v in snapshot(t / "o").items() if not k.endswith(".tmp")}
    return code, first_line(err, out), "yes" if after == before else "NO"


for _url in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>", "vbscript:x"):
    @case(f"--embed-url {_url}")
    def _(r: Runner, t: Path, url: str = _url):
        p = write_project(t / "p")
        code, out, err = r.run(t, "build", p, "-o", t / "m.html", "--embed-url", url)
        snippet = (t / "m.embed.html").read_text() if (t / "m.embed.html").exists() else ""
        return code, first_line(err, out), "in snippet" if url.lower()[:4] in snippet.lower() else "not written"


@case("events file -> /proc/self/environ")
def _(r: Runner, t: Path):
    (t / "e.csv").symlink_to("/proc/self/environ")
    code, out, err = r.run(t, "build", t / "e.csv", "-o", t / "m.html", env={"CANARY": "secret-value"})
    leaked = [k for k, v in os.environ.items() if len(k) > 3 and f"{k}={v}"[:16].lower() in err.lower()]
    return code, first_line(err, out)[:90], f"{len(leaked)} variables printed" if leaked else "not printed"


def _gazetteer_ready(r: Runner, t: Path) -> Path:
    (t / "p.csv").write_text("name,lat,lon,country,type\n" + "".join(
        f"Place {i},{30 + i % 1000 / 100},{35 + i // 1000 / 100},SY,PPL\n" for i in range(3000)))
    r.run(t, "gazetteer", "import", t / "p.csv", timeout=300)
    return t / "home" / "gazetteer.sqlite3"


@case("gazetteer import while another holds it 8 s")
def _(r: Runner, t: Path):
    db = _gazetteer_ready(r, t)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    proc = subprocess.Popen([r.python, "-m", "mapgen", "gazetteer", "import", str(t / "p.csv")], cwd=t,
                            env={**os.environ, "PYTHONPATH": str(r.repo), "MAPGEN_HOME": str(t / "home")},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(8)
    holder.execute("ROLLBACK")
    out, err = proc.communicate(timeout=300)
    return proc.returncode, first_line(err, out), "-"


@case("gazetteer database with damaged pages")
def _(r: Runner, t: Path):
    db = _gazetteer_ready(r, t)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    keep = {1, *(x[0] for x in conn.execute("SELECT rootpage FROM sqlite_master WHERE tbl_name='meta'"))}
    conn.close()
    data = bytearray(db.read_bytes())
    for page in range(1, len(data) // 4096 + 1):
        if page not in keep:
            data[(page - 1) * 4096 + 8:(page - 1) * 4096 + 200] = b"\xa5" * 192
    db.write_bytes(bytes(data))
    code, out, err = r.run(t, "resolve", "Place 17", timeout=300)
    return code, first_line(err, out), "-"


@case("gazetteer zip with one 4 GB line (1 GB limit)")
def _(r: Runner, t: Path):
    from tests.hostile.test_gazetteer import _zip_with_one_line

    _gazetteer_ready(r, t)
    archive = _zip_with_one_line(t / "SY.zip", "SY.txt", 4 * 2**30)
    code, out, err = r.run(t, "gazetteer", "import", archive, memory=1024 * 2**20, timeout=120)
    return code, first_line(err, out), "-"


@case("GeoJSON point written [lat, lon]")
def _(r: Runner, t: Path):
    p = write_project(t / "p")
    (p / "events" / "pt.geojson").write_text(json.dumps({"type": "Feature", "geometry": {
        "type": "Point", "coordinates": [36.5, 37.0]}, "properties": {"id": "s", "date": "2016-02-01",
                                                                        "type": "x", "place": "Alpha"}}))
    code, out, err = r.run(t, "build", p, "-o", t / "m.html")
    return code, first_line(err, "no warning"), "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=HERE)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("-k", default="", help="only cases whose name holds this")
    args = parser.parse_args()
    runner = Runner(args.repo.resolve(), args.python)
    print("| case | exit | message (first line) | untouched |\n|---|---|---|---|")
    for name, func in CASES:
        if args.k not in name:
            continue
        tmp = Path(tempfile.mkdtemp(prefix="mapgen-case-"))
        try:
            code, message, untouched = func(runner, tmp)
        except Exception as exc:  # noqa: BLE001 - a case that cannot even be set up is reported
            code, message, untouched = "?", f"case failed: {exc!r}"[:120], "?"
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        message = message.encode("unicode_escape").decode("ascii")[:110].replace("|", "\\|")
        print(f"| {name} | {code} | {message} | {untouched} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

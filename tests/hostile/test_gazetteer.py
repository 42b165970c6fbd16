"""The gazetteer under pressure: writers wait for each other, a damaged database or a full disk is
one line with the way out, import files are read in bounded memory, zip member names go nowhere."""
from __future__ import annotations

import json
import sqlite3
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from gazetteer import db
from tests.conftest import REPO
from tests.hostile.helpers import fenced, one_error

GEONAMES_LINE = "\t".join(["9000001", "Testkoy", "Testkoy", "", "36.5", "37.5", "P", "PPL", "SY", "", "", "", "",
                           "", "500", "", "400", "Asia/Damascus", "2020-01-01"]) + "\n"


def _empty_gazetteer(home: Path) -> Path:
    """A real gazetteer database with its schema and no built-in places (building those takes
    seconds; these tests need only the file)."""
    from gazetteer.sources.builtin import BUILTIN_VERSION

    conn = db.connect(home)
    db.set_meta(conn, "builtin_version", BUILTIN_VERSION)
    db.set_meta(conn, "country_names", json.dumps({"SY": "Syria"}))
    conn.close()
    return home / db.DB_FILENAME


def _places_csv(path: Path, n: int) -> Path:
    path.write_text("name,lat,lon,country,type\n" + "".join(
        f"Place {i},{30 + i % 1000 / 100},{35 + i // 1000 / 100},SY,PPL\n" for i in range(n)), encoding="utf-8")
    return path


def test_a_second_writer_waits_then_says_the_database_is_busy(tmp_path: Path, mapgen_home: Path) -> None:
    path = _empty_gazetteer(mapgen_home)
    places = _places_csv(tmp_path / "p.csv", 3)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another import, holding the database
    try:
        ran = fenced("gazetteer", "import", places, env={"MAPGEN_DB_TIMEOUT": "1"}, timeout=60)
    finally:
        holder.execute("ROLLBACK")
    one_error(ran, str(path), "busy", "more than 1 s", "try again")


def test_a_second_writer_goes_on_when_the_first_is_done(tmp_path: Path, mapgen_home: Path) -> None:
    path = _empty_gazetteer(mapgen_home)
    places = _places_csv(tmp_path / "p.csv", 3)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    proc = subprocess.Popen([sys.executable, "-m", "mapgen", "gazetteer", "import", str(places)],
                            env={**__import__("os").environ, "PYTHONPATH": str(REPO)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(6)  # longer than SQLite's default wait of 5 s
    holder.execute("ROLLBACK")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "imported 3 places" in out


def test_a_damaged_database_is_one_line_with_the_way_out(tmp_path: Path, mapgen_home: Path) -> None:
    path = _empty_gazetteer(mapgen_home)
    assert fenced("gazetteer", "import", _places_csv(tmp_path / "p.csv", 5000)).code == 0
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    keep = {1, *(r[0] for r in conn.execute("SELECT rootpage FROM sqlite_master WHERE tbl_name = 'meta'"))}
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    for page in range(1, len(data) // size + 1):  # every page of places and names
        if page not in keep:
            data[(page - 1) * size + 8: (page - 1) * size + 200] = b"\xa5" * 192
    path.write_bytes(bytes(data))
    ran = fenced("resolve", "Place 17", "Place 4242")
    one_error(ran, str(path), "run `mapgen gazetteer import` again, or remove")


def test_a_file_that_is_not_a_database(mapgen_home: Path) -> None:
    (mapgen_home / db.DB_FILENAME).write_bytes(b"\x1b]0;not sqlite\x07" * 1000)
    one_error(fenced("resolve", "Aleppo"), "not a gazetteer database", "or remove")


def test_a_full_disk_under_mapgen_home_is_one_line(tmp_path: Path, mapgen_home: Path) -> None:
    _empty_gazetteer(mapgen_home)
    places = _places_csv(tmp_path / "p.csv", 3000)  # some 600 KB of database
    ran = fenced("gazetteer", "import", places, file_size=128 * 1024)
    one_error(ran, str(mapgen_home / db.DB_FILENAME), "disk", "free some space")


def _zip_with_one_line(path: Path, member: str, size: int) -> Path:
    """A zip whose one member is ``size`` bytes of one line, written without compressing it
    (a deflate block of 16 MiB repeated: deflate blocks after a full flush stand alone)."""
    chunk = 16 * 2**20
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(b"a" * chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    data = block * (size // chunk) + b"\x03\x00"  # and an empty final block
    name = member.encode()
    crc = 0  # never checked: the reader stops long before the end
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0x21, crc, 0xFFFFFFFF, 0xFFFFFFFF, len(name), 20)
    local += name + struct.pack("<HHQQ", 1, 16, size, len(data))
    central_at = len(local) + len(data)
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 8, 0, 0x21, crc, 0xFFFFFFFF, 0xFFFFFFFF,
                          len(name), 28, 0, 0, 0, 0, 0xFFFFFFFF)
    central += name + struct.pack("<HHQQQ", 1, 24, size, len(data), 0)
    end64_at = central_at + len(central)
    end64 = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, 1, 1, len(central), central_at)
    locator = struct.pack("<IIQI", 0x07064B50, 0, end64_at, 1)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    path.write_bytes(local + data + central + end64 + locator + end)
    return path


def test_a_zip_with_a_4_gb_line_is_refused_in_bounded_memory(tmp_path: Path, mapgen_home: Path) -> None:
    _empty_gazetteer(mapgen_home)
    archive = _zip_with_one_line(tmp_path / "SY.zip", "SY.txt", 4 * 2**30)
    with zipfile.ZipFile(archive) as zf:
        assert zf.infolist()[0].file_size == 4 * 2**30
    ran = fenced("gazetteer", "import", archive, memory=1024 * 2**20, timeout=60)
    one_error(ran, "SY.zip:1:", "a line longer than 1 M characters")


def test_zip_member_names_are_never_paths(tmp_path: Path, mapgen_home: Path) -> None:
    _empty_gazetteer(mapgen_home)
    archive = tmp_path / "in" / "SY.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../../escaped/SY.txt", GEONAMES_LINE)
        zf.writestr("/tmp/absolute-SY.txt", GEONAMES_LINE)
    ran = fenced("gazetteer", "import", archive)
    assert ran.code == 0, ran.err
    assert not (tmp_path / "escaped").exists() and not Path("/tmp/absolute-SY.txt").exists()
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["SY.zip", "in"]


def test_a_csv_cell_over_128_kb_in_an_import(tmp_path: Path, mapgen_home: Path) -> None:
    _empty_gazetteer(mapgen_home)
    table = tmp_path / "big.csv"
    table.write_text('name,lat,lon\n"' + "x" * 200_000 + '",1,2\n', encoding="utf-8")
    one_error(fenced("gazetteer", "import", table), "big.csv:2:", "a cell longer than 131,072 characters")


@pytest.mark.parametrize("text", ["\x1b]0;PWNED\x07" * 3 + "\t" * 18 + "\n"])
def test_a_bad_geonames_line_is_quoted_escaped(tmp_path: Path, mapgen_home: Path, text: str) -> None:
    _empty_gazetteer(mapgen_home)
    dump = tmp_path / "SY.txt"
    dump.write_text(text, encoding="utf-8")
    ran = fenced("gazetteer", "import", dump)
    assert ran.code == 1 and "\x1b" not in ran.err and "\x07" not in ran.err and "Traceback" not in ran.err

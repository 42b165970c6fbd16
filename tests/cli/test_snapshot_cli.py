"""``mapgen snapshot``: a real PNG of the right size, drawn at the asked date, and clear errors."""
from __future__ import annotations

import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapgen.cli import main
from tests.conftest import write_project
from tests.fixtures import PROJECT

CHROMIUM = os.environ.get("MAPGEN_CHROMIUM", "/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(
    not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)) and not os.environ.get("CI"),
    reason=f"{CHROMIUM} is not installed")


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and unfiltered rows (RGB or RGBA, 8 bits, not interlaced) of a PNG file."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "a PNG signature"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert header is not None
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    bpp = 3 if colour == 2 else 4
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, [_rgb(r, bpp) for r in rows]


def _rgb(row: bytes, bpp: int) -> bytes:
    return b"".join(row[i:i + 3] for i in range(0, len(row), bpp))


def pixels(rows: list[bytes]) -> list[tuple[int, int, int]]:
    return [tuple(r[i:i + 3]) for r in rows for i in range(0, len(r), 3)]  # type: ignore[misc]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "proj", PROJECT)


@needs_chromium
def test_snapshot_writes_a_png_of_the_map_at_the_date(project: Path, tmp_path: Path) -> None:
    first, last = tmp_path / "first.png", tmp_path / "last.png"
    result = CliRunner().invoke(main, ["snapshot", str(project), "--date", "2016-02-01", "-o", str(first),
                                       "--width", "480", "--height", "320"])
    assert result.exit_code == 0, result.output
    assert f"snapshot: {first}" in result.output
    width, height, rows = read_png(first)
    assert (width, height) == (480, 320)
    colours = pixels(rows)
    assert len(set(colours)) > 50, "not a blank page"
    airstrike = (0xCC, 0x33, 0x11)
    assert any(max(abs(p[k] - airstrike[k]) for k in range(3)) < 12 for p in colours), "the 1 Feb airstrike is drawn"
    # the last day looks different (another zone version, more incidents); a built page works as SOURCE too
    build = CliRunner().invoke(main, ["build", str(project), "-o", str(tmp_path / "m.html")])
    assert build.exit_code == 0, build.output
    result = CliRunner().invoke(main, ["snapshot", str(tmp_path / "m.html"), "-o", str(last),
                                       "--width", "480", "--height", "320"])
    assert result.exit_code == 0, result.output
    w2, h2, rows2 = read_png(last)
    assert (w2, h2) == (480, 320)
    changed = sum(a != b for a, b in zip(colours, pixels(rows2)))
    assert changed > 500, "the date was applied"


def test_snapshot_without_chromium_is_one_clear_line(project: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["snapshot", str(project), "-o", str(tmp_path / "x.png")],
                                env={"MAPGEN_CHROMIUM": str(tmp_path / "no-chromium")})
    assert result.exit_code == 1
    assert result.output.strip() == (f"error: Chromium not found at {tmp_path / 'no-chromium'}: "
                                      "install the chromium package or set MAPGEN_CHROMIUM to its path")
    assert not (tmp_path / "x.png").exists()


@needs_chromium
def test_snapshot_rejects_a_date_outside_the_map(project: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["snapshot", str(project), "--date", "2015-01-01",
                                       "-o", str(tmp_path / "x.png"), "--width", "200", "--height", "150"])
    assert result.exit_code == 1
    assert "error: date 2015-01-01 is not in the map (2016-02-01 to 2016-02-04)" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "x.png").exists()


@needs_chromium
def test_snapshot_of_a_cdn_page_says_why_it_cannot(project: Path, tmp_path: Path) -> None:
    page = tmp_path / "cdn.html"
    assert CliRunner().invoke(main, ["build", str(project), "-o", str(page), "--cdn"]).exit_code == 0
    result = CliRunner().invoke(main, ["snapshot", str(page), "-o", str(tmp_path / "x.png"),
                                       "--width", "200", "--height", "150"])
    assert result.exit_code == 1
    assert result.output.strip() == ("error: cdn.html loads Leaflet from the network (built with --cdn?); "
                                      "snapshot a self-contained build")

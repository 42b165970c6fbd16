"""``mapgen gazetteer import`` and ``download`` (against a local HTTP server)."""
from __future__ import annotations

import functools
import http.server
import json
import sqlite3
import threading
import zipfile

import pytest
from click.testing import CliRunner

from mapgen.cli import main
from tests.gazetteer.fixtures import (  # noqa: F401  (pytest finds fixtures by name)
    _isolated_home, builtin_home_master, home, sy_sample, sytr_home, sytr_home_master)
from tests.gazetteer.common import DUMPS, SAMPLE_SY, dump_lines

pytestmark = pytest.mark.skipif(not DUMPS.is_dir(), reason="GeoNames-format dumps not found")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def places(home) -> int:
    conn = sqlite3.connect(home / "gazetteer.sqlite3")
    try:
        return conn.execute("SELECT COUNT(*) FROM places").fetchone()[0]
    finally:
        conn.close()


def test_import_reports_and_makes_names_resolvable(home, sy_sample, tmp_path):
    csv_path = tmp_path / "camps.csv"
    csv_path.write_text("name,lat,lon,country,type\nAtmeh camp,36.2186,36.6594,SY,CMPRF\n",
                        encoding="utf-8")
    result = run("--home", str(home), "gazetteer", "import", str(sy_sample), str(csv_path))
    assert result.exit_code == 0, result.output
    assert f"{sy_sample}: {len(SAMPLE_SY)} places (geonames)" in result.output
    assert f"{csv_path}: 1 places (csv)" in result.output
    assert "imported 8 places" in result.output
    assert "importing" not in result.output  # no progress bar when not on a terminal
    out = json.loads(run("--home", str(home), "resolve", "Kafer Naya", "--json").output)
    assert out["status"] == "resolved" and out["geonameid"] == 168652


def test_import_bad_file_is_one_line_and_changes_nothing(home, sy_sample, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat,lon\nCamp,36.1,east\n", encoding="utf-8")
    before = places(home)
    result = run("--home", str(home), "gazetteer", "import", str(sy_sample), str(bad))
    assert result.exit_code == 1
    assert result.output == f"error: {bad}:2: lon: not a number: 'east'\n"
    assert places(home) == before


def test_import_missing_file(home, tmp_path):
    result = run("--home", str(home), "gazetteer", "import", str(tmp_path / "SY.txt"))
    assert result.exit_code == 1
    assert result.output.strip() == f"error: {tmp_path / 'SY.txt'}: no such file"


def test_import_counts_skipped_lines(home, tmp_path):
    lines = dump_lines("SY", SAMPLE_SY)
    path = tmp_path / "SY.txt"
    path.write_text("".join(lines) + "12345\tbroken line\n", encoding="utf-8")
    result = run("--home", str(home), "gazetteer", "import", str(path))
    assert result.exit_code == 0
    assert "skipped 1 bad line" in result.output
    assert f"{path}:{len(lines) + 1}: wrong column count 2, expected 19" in result.output


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture
def dump_server(tmp_path):
    root = tmp_path / "www" / "export" / "dump"
    root.mkdir(parents=True)
    with zipfile.ZipFile(root / "SY.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("SY.txt", "".join(dump_lines("SY", SAMPLE_SY)))
    handler = functools.partial(_Quiet, directory=str(tmp_path / "www"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/export/dump/"
    finally:
        server.shutdown()
        server.server_close()


def test_download_fetches_and_imports(home, dump_server, monkeypatch):
    monkeypatch.setenv("MAPGEN_GEONAMES_URL", dump_server)
    result = run("--home", str(home), "gazetteer", "download", "sy")
    assert result.exit_code == 0, result.output
    assert f"downloaded {home / 'downloads' / 'SY.zip'}" in result.output
    assert f"{len(SAMPLE_SY)} places (geonames)" in result.output
    out = json.loads(run("--home", str(home), "resolve", "Kafr Naya", "--json").output)
    assert out["geonameid"] == 168652


def test_download_missing_country_is_one_line(home, dump_server):
    before = places(home)
    result = run("--home", str(home), "gazetteer", "download", "TR", "--url", dump_server)
    assert result.exit_code == 1
    assert result.output == f"error: download {dump_server}TR.zip: HTTP 404 File not found\n"
    assert places(home) == before


def test_download_refuses_bad_codes_and_addresses(home, dump_server):
    result = run("--home", str(home), "gazetteer", "download", "Syria", "--url", dump_server)
    assert result.exit_code == 1
    assert "not an ISO-3166 alpha-2 country code: 'Syria'" in result.output
    result = run("--home", str(home), "gazetteer", "download", "SY", "--url", "file:///etc/")
    assert result.exit_code == 1 and "must be http(s)" in result.output


def test_download_unreachable_server(home):
    result = run("--home", str(home), "gazetteer", "download", "SY", "--url",
                 "http://127.0.0.1:9/")
    assert result.exit_code == 1
    assert result.output.startswith("error: download http://127.0.0.1:9/SY.zip:")
    assert len(result.output.strip().splitlines()) == 1


def test_group_help_lists_commands():
    result = run("gazetteer", "--help")
    assert "import" in result.output and "download" in result.output
    assert "Examples:" in result.output

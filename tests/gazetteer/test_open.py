"""Opening the database: where it lives, built once, cached, and the package's layering."""
from __future__ import annotations

import ast
import sqlite3
import time
from pathlib import Path

import pytest

import gazetteer
from gazetteer import GazetteerError, open_gazetteer
from gazetteer.db import resolve_home


def test_home_argument_then_env_then_user_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("MAPGEN_HOME", str(tmp_path / "env"))
    assert resolve_home(tmp_path / "arg") == tmp_path / "arg"
    assert resolve_home(None) == tmp_path / "env"
    monkeypatch.delenv("MAPGEN_HOME")
    assert "mapgen" in str(resolve_home(None))


def test_first_open_builds_the_default_once(home):
    db = home / "gazetteer.sqlite3"
    conn = sqlite3.connect(db)
    ids = conn.execute("SELECT MIN(id), MAX(id), COUNT(*) FROM places").fetchone()
    conn.close()
    assert ids[2] > 5000
    with open_gazetteer(home) as gz:  # env and argument agree; nothing is rebuilt
        assert gz.path == db
        counts = gz.counts()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT MIN(id), MAX(id), COUNT(*) FROM places").fetchone() == ids
    conn.close()
    assert counts["curated"] >= 5 and counts["builtin"] > 5000


def test_open_with_env_home(home):
    with open_gazetteer() as gz:
        assert gz.home == home


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    (tmp_path / "gazetteer.sqlite3").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(GazetteerError, match="not a gazetteer database"):
        open_gazetteer(tmp_path)


def test_context_manager_closes(home):
    with open_gazetteer(home) as gz:
        pass
    with pytest.raises(sqlite3.ProgrammingError):
        gz.resolve("Azaz")


FORBIDDEN = {"mapgen", "folium", "click", "branca"}


def test_gazetteer_imports_nothing_from_mapgen_folium_or_click():
    root = Path(gazetteer.__file__).parent
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN, f"{path.name} imports {name}"


def test_every_module_states_its_responsibility():
    root = Path(gazetteer.__file__).parent
    for path in root.rglob("*.py"):
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert doc and doc.strip(), path.name


def test_curated_rows_name_a_second_source():
    text = (Path(gazetteer.__file__).parent / "data" / "curated_places.csv").read_text("utf-8")
    rows = [r for r in text.splitlines() if r and not r.startswith("#")][1:]
    assert rows
    for row in rows:
        assert row.rstrip().split(",")[-1].strip(), row


def _camp_csv(path: Path, name: str) -> Path:
    path.write_text(f"{name},36.2186,36.6594,SY,CMPRF\n", encoding="utf-8")
    return path


def test_a_place_another_connection_imports_resolves_once_the_shared_read_is_renewed(
        gz, home, tmp_path):
    from gazetteer.api import SNAPSHOT_SECONDS

    assert gz.resolve("Azaz", countries=["SY"]).status == "resolved"  # lookups share a read
    with open_gazetteer(home) as other:  # a writer never waits for that read
        assert other.import_files([_camp_csv(tmp_path / "c.csv", "Qasr Zeta camp")]).places == 1
    time.sleep(SNAPSHOT_SECONDS + 0.1)
    res = gz.resolve("Qasr Zeta camp", countries=["SY"])
    assert res.status == "resolved" and res.place.source == "csv"


def test_an_import_while_lookups_share_a_read_shows_at_once(gz, tmp_path):
    assert gz.resolve("Azaz", countries=["SY"]).status == "resolved"
    assert gz.import_files([_camp_csv(tmp_path / "c.csv", "Qasr Eta camp")]).places == 1
    assert gz.resolve("Qasr Eta camp", countries=["SY"]).place.source == "csv"


def test_closing_ends_the_shared_read(home):
    with open_gazetteer(home) as gz:
        gz.resolve("Azaz", countries=["SY"])
        conn = sqlite3.connect(home / "gazetteer.sqlite3", isolation_level=None, timeout=0.1)
        conn.execute("CREATE TABLE IF NOT EXISTS scratch (x)")  # a write to checkpoint
        assert conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 1  # busy
    assert conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0
    conn.close()


def test_built_in_places_built_again_answer_as_a_fresh_home(sytr_home):
    # a newer version's built-in places are built again in a home that holds imported dumps:
    # its answers are those of a home built afresh with the same imports (ties are broken by
    # the places' order, so the built-in ones must still come first)
    from tests.gazetteer.common import DUMPS

    names = []
    for path in (DUMPS / "SY.txt", DUMPS / "TR.txt"):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                cols = line.split("\t")
                names += [cols[1]] + [a for a in cols[3].split(",")[:2] if a]
    names = sorted(set(names))
    with open_gazetteer(sytr_home) as gz:
        fresh = [gz.resolve(n, countries=["SY", "TR"]).to_json_dict() for n in names]
    conn = sqlite3.connect(sytr_home / "gazetteer.sqlite3")
    with conn:
        conn.execute("UPDATE meta SET value = 'old' WHERE key = 'builtin_version'")
    conn.close()
    with open_gazetteer(sytr_home) as gz:
        built_again = [gz.resolve(n, countries=["SY", "TR"]).to_json_dict() for n in names]
    assert len(names) > 3000
    changed = [n for n, a, b in zip(names, fresh, built_again) if a != b]
    assert not changed, changed[:10]

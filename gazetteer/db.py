"""The gazetteer's SQLite database: where it lives (MAPGEN_HOME), its schema, and opening it."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from gazetteer.errors import GazetteerError

DB_FILENAME = "gazetteer.sqlite3"
SCHEMA_VERSION = "1"
#: Bytes of the database file read through a memory map (address space only).
MMAP_BYTES = 256 * 2**20
#: Seconds a writer waits for another one (an import in another process) to finish; env
#: ``MAPGEN_DB_TIMEOUT`` changes it.
BUSY_TIMEOUT_S = 600.0


def busy_timeout() -> float:
    """:data:`BUSY_TIMEOUT_S`, or env ``MAPGEN_DB_TIMEOUT`` (seconds) when set to a number."""
    try:
        value = float(os.environ.get("MAPGEN_DB_TIMEOUT", ""))
    except ValueError:
        return BUSY_TIMEOUT_S
    return value if 0 <= value < 1e6 else BUSY_TIMEOUT_S


def database_error(path: Path, exc: sqlite3.Error) -> GazetteerError:
    """One line for an SQLite failure on the database ``path``, with the way out."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return GazetteerError(f"{path}: the gazetteer database is busy: another process (an import?) has "
                              f"held it for more than {busy_timeout():.0f} s; try again when it has finished")
    if "full" in text or "disk I/O" in text:
        return GazetteerError(f"{path}: cannot write the database ({text}): is the disk full? free some space "
                              f"and try again; if it persists, remove {path}")
    return GazetteerError(f"{path}: the gazetteer database is damaged ({text}); run `mapgen gazetteer "
                          f"import` again, or remove {path}")

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    country TEXT NOT NULL,
    feature_code TEXT NOT NULL,
    geonameid INTEGER,
    population INTEGER NOT NULL,
    source TEXT NOT NULL,
    importance REAL NOT NULL,
    ref TEXT
);
CREATE INDEX IF NOT EXISTS places_geonameid ON places (geonameid);
CREATE INDEX IF NOT EXISTS places_source ON places (source);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL,
    kind INTEGER NOT NULL,
    place_id INTEGER NOT NULL,
    PRIMARY KEY (key, kind, place_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_place ON names (place_id);
CREATE TABLE IF NOT EXISTS fuzzy_keys (
    block TEXT PRIMARY KEY,
    keys TEXT NOT NULL,
    ids BLOB NOT NULL
);
"""


def resolve_home(home: str | os.PathLike[str] | None = None) -> Path:
    """Return the folder for the database: ``home``, else env ``MAPGEN_HOME``, else the
    platform's user data folder for ``mapgen``."""
    if home is None or str(home) == "":
        home = os.environ.get("MAPGEN_HOME") or None
    if home is None:
        try:
            import platformdirs
            home = platformdirs.user_data_dir("mapgen", appauthor=False)
        except ImportError:  # pragma: no cover - a declared dependency
            home = Path.home() / ".local" / "share" / "mapgen"
    return Path(home).expanduser()


def connect(home: Path) -> sqlite3.Connection:
    """Open (creating if needed) the database under ``home`` and ensure its schema."""
    try:
        home.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(home / DB_FILENAME, isolation_level=None, timeout=busy_timeout())
    except (OSError, sqlite3.Error) as exc:
        raise GazetteerError(f"cannot open the gazetteer database in {home}: {exc}") from None
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA temp_store=MEMORY")
        # Lookups read pages scattered over the file: mapping it saves a read() per page.
        conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        conn.executescript(SCHEMA)
        cols = [r[1] for r in conn.execute("PRAGMA table_info(places)")]
        if "ref" not in cols:  # a database made before sources had their own ids
            conn.execute("ALTER TABLE places ADD COLUMN ref TEXT")
        found = get_meta(conn, "schema_version")
        if found is None:
            set_meta(conn, "schema_version", SCHEMA_VERSION)
        elif found != SCHEMA_VERSION:
            raise GazetteerError(f"{home / DB_FILENAME}: schema version {found}, expected "
                                 f"{SCHEMA_VERSION}; delete the file to rebuild it")
    except sqlite3.OperationalError as exc:
        conn.close()
        raise database_error(home / DB_FILENAME, exc) from None
    except sqlite3.DatabaseError as exc:
        conn.close()
        path = home / DB_FILENAME
        raise GazetteerError(f"{path}: not a gazetteer database, or damaged ({exc}); run `mapgen gazetteer "
                             f"import` again, or remove {path}") from None
    return conn


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    """Return a value of the ``meta`` table, or None."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Set a value of the ``meta`` table."""
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

"""A gazetteer with the SY and TR GeoNames-format extracts imported, made once and kept between runs.

Loading the built-in default and importing the extracts (tests/data/SOURCE.md) takes seconds, so
the prepared database is kept in pytest's cache folder, keyed by the gazetteer's code and the
extracts' sizes and times; each test session works on its own copy in a temporary MAPGEN_HOME.
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.conftest import REPO, TEST_DATA

DUMPS = [TEST_DATA / "geonames-format" / "SY.txt", TEST_DATA / "geonames-format" / "TR.txt"]
DATA = Path(__file__).parent / "data"


def _key() -> str:
    parts = []
    for path in sorted((REPO / "gazetteer").rglob("*")) + DUMPS:
        if path.is_file() and "__pycache__" not in path.parts:
            st = path.stat()
            parts.append(f"{path.name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:16]


@pytest.fixture(scope="session")
def geonames_home(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A MAPGEN_HOME whose gazetteer holds the built-in places plus the SY and TR extracts."""
    from gazetteer import open_gazetteer

    home = tmp_path_factory.mktemp("geonames-home")
    cache = getattr(request.config, "cache", None)  # absent with -p no:cacheprovider
    kept = (Path(cache.mkdir(f"ingest-gazetteer-{_key()}")) if cache is not None
            else tmp_path_factory.mktemp("ingest-gazetteer"))
    db = kept / "gazetteer.sqlite3"
    if not db.exists():
        build = tmp_path_factory.mktemp("geonames-build")
        with open_gazetteer(build) as gaz:
            gaz.import_files([str(p) for p in DUMPS])
        shutil.copy2(build / "gazetteer.sqlite3", kept / "gazetteer.sqlite3.tmp")
        (kept / "gazetteer.sqlite3.tmp").replace(db)
    shutil.copy2(db, home / "gazetteer.sqlite3")
    return home


@pytest.fixture(scope="session")
def gazetteer(geonames_home: Path) -> Iterator[Any]:
    from gazetteer import open_gazetteer

    with open_gazetteer(geonames_home) as gaz:
        yield gaz


@pytest.fixture(scope="module")
def builtin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The built-in gazetteer (what a fresh install has), opened once for the module."""
    from gazetteer import open_gazetteer

    with open_gazetteer(tmp_path_factory.mktemp("builtin-home")) as gaz:
        yield gaz

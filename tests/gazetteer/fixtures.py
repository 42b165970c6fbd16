"""Gazetteer test fixtures: every test gets its own MAPGEN_HOME; built databases are made once
per run and copied (building the built-in default takes seconds, copying a file milliseconds).

Used by ``tests/gazetteer/conftest.py`` and imported by the gazetteer CLI test modules."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.gazetteer.common import DUMPS, SAMPLE_SY, dump_lines

DB_FILENAME = "gazetteer.sqlite3"


#: Master homes built in this run, shared by every module that imports these fixtures.
_MASTERS: dict[str, Path] = {}


def _copy_home(src: Path, dst: Path) -> Path:
    dst.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src / DB_FILENAME, dst / DB_FILENAME)
    return dst


@pytest.fixture(scope="session")
def builtin_home_master(tmp_path_factory) -> Path:
    from gazetteer import open_gazetteer

    if "builtin" not in _MASTERS:
        home = tmp_path_factory.mktemp("builtin-master")
        open_gazetteer(home).close()
        _MASTERS["builtin"] = home
    return _MASTERS["builtin"]


@pytest.fixture(scope="session")
def sytr_home_master(tmp_path_factory, builtin_home_master) -> Path:
    from gazetteer import open_gazetteer

    if "sytr" not in _MASTERS:
        home = _copy_home(builtin_home_master, tmp_path_factory.mktemp("sytr-master"))
        with open_gazetteer(home) as gz:
            gz.import_files([DUMPS / "SY.txt", DUMPS / "TR.txt"])
        _MASTERS["sytr"] = home
    return _MASTERS["sytr"]


@pytest.fixture
def home(tmp_path, monkeypatch, builtin_home_master) -> Path:
    """A fresh MAPGEN_HOME holding the built-in default only."""
    h = _copy_home(builtin_home_master, tmp_path / "home")
    monkeypatch.setenv("MAPGEN_HOME", str(h))
    return h


@pytest.fixture
def sytr_home(tmp_path, monkeypatch, sytr_home_master) -> Path:
    """A fresh MAPGEN_HOME with the built-in default and the SY and TR extracts imported."""
    h = _copy_home(sytr_home_master, tmp_path / "home")
    monkeypatch.setenv("MAPGEN_HOME", str(h))
    return h


@pytest.fixture
def gz(home):
    from gazetteer import open_gazetteer

    with open_gazetteer(home) as g:
        yield g


@pytest.fixture(scope="session")
def gz_sytr(sytr_home_master):
    """One read-only gazetteer with the SY+TR extracts for the many resolution tests."""
    from gazetteer import open_gazetteer

    with open_gazetteer(sytr_home_master) as g:
        yield g


@pytest.fixture
def sy_sample(tmp_path) -> Path:
    """A GeoNames-format file of a few real rows of the SY dump (see ``SAMPLE_SY``)."""
    path = tmp_path / "SY.txt"
    path.write_text("".join(dump_lines("SY", SAMPLE_SY)), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """No test ever touches the real user data folder."""
    monkeypatch.setenv("MAPGEN_HOME", str(tmp_path / "isolated-home"))
    monkeypatch.delenv("MAPGEN_GEONAMES_URL", raising=False)

"""Fixtures shared by every test: a private MAPGEN_HOME, paths to shared data, small map projects;
gazetteer databases are made once per run and copied (building the built-in default takes
seconds, copying a file milliseconds)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from tests.browser.conftest import browser, open_map  # noqa: F401  (shared with tests outside tests/browser)

# The machine is shared: no per-example deadline, a modest number of examples.
settings.register_profile("mapgen", deadline=None, max_examples=150)
settings.load_profile("mapgen")

from tests.gazetteer.common import DUMPS  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DB_FILENAME = "gazetteer.sqlite3"


@pytest.fixture(autouse=True)
def mapgen_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own gazetteer home, never the user's."""
    home = tmp_path_factory.mktemp("mapgen-home")
    monkeypatch.setenv("MAPGEN_HOME", str(home))
    return home


@pytest.fixture
def shared_data() -> Path:
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip("../shared/data is not beside the repository")
    return path


def write_project(root: Path, files: dict[str, str]) -> Path:
    """Write a map project from ``{relative path: text}`` and return its folder."""
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


os.environ.setdefault("MAPGEN_TEST", "1")


def _copy_home(src: Path, dst: Path) -> Path:
    dst.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src / DB_FILENAME, dst / DB_FILENAME)
    return dst


@pytest.fixture(scope="session")
def builtin_home_master(tmp_path_factory) -> Path:
    from gazetteer import open_gazetteer

    home = tmp_path_factory.mktemp("builtin-master")
    open_gazetteer(home).close()
    return home


@pytest.fixture(scope="session")
def sytr_home_master(tmp_path_factory, builtin_home_master) -> Path:
    if not DUMPS.is_dir():
        pytest.skip(f"GeoNames-format dumps not found at {DUMPS}")
    from gazetteer import open_gazetteer

    home = _copy_home(builtin_home_master, tmp_path_factory.mktemp("sytr-master"))
    with open_gazetteer(home) as gz:
        gz.import_files([DUMPS / "SY.txt", DUMPS / "TR.txt"])
    return home


@pytest.fixture
def home(tmp_path, monkeypatch, builtin_home_master) -> Path:
    """A fresh MAPGEN_HOME holding the built-in default only."""
    h = _copy_home(builtin_home_master, tmp_path / "home")
    monkeypatch.setenv("MAPGEN_HOME", str(h))
    return h


@pytest.fixture
def sytr_home(tmp_path, monkeypatch, sytr_home_master) -> Path:
    """A fresh MAPGEN_HOME with the built-in default and the SY and TR dumps imported."""
    h = _copy_home(sytr_home_master, tmp_path / "home")
    monkeypatch.setenv("MAPGEN_HOME", str(h))
    return h


@pytest.fixture
def gz(home):
    from gazetteer import open_gazetteer

    with open_gazetteer(home) as g:
        yield g


@pytest.fixture(scope="session")
def gz_sytr_shared(sytr_home_master):
    """One read-only gazetteer with SY+TR for the many resolution tests."""
    from gazetteer import open_gazetteer

    with open_gazetteer(sytr_home_master) as g:
        yield g


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """No test ever touches the real user data folder."""
    monkeypatch.setenv("MAPGEN_HOME", str(tmp_path / "isolated-home"))
    monkeypatch.delenv("MAPGEN_GEONAMES_URL", raising=False)

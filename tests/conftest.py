"""Fixtures shared by every test: a private MAPGEN_HOME, the committed data extracts, small map projects."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests check behaviour, not speed: no per-example deadline (a loaded 2-core machine
# can take seconds for one example), and no health check failing a slow data generator.
settings.register_profile("mapgen", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("mapgen")

REPO = Path(__file__).resolve().parents[1]
#: Small real extracts of the GeoNames-format dumps and the OCHA communities (tests/data/SOURCE.md).
TEST_DATA = REPO / "tests" / "data"


@pytest.fixture(autouse=True)
def mapgen_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own gazetteer home, never the user's."""
    home = tmp_path_factory.mktemp("mapgen-home")
    monkeypatch.setenv("MAPGEN_HOME", str(home))
    return home


@pytest.fixture
def data_extracts() -> Path:
    """The committed real extracts (``tests/data``: ``geonames-format/``,
    ``ocha-syria-communities/``)."""
    return TEST_DATA


def write_project(root: Path, files: dict[str, str]) -> Path:
    """Write a map project from ``{relative path: text}`` and return its folder."""
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


os.environ.setdefault("MAPGEN_TEST", "1")

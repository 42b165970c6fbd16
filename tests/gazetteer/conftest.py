"""Fixtures for the gazetteer tests (defined in ``fixtures.py``, shared with the CLI tests)."""
from __future__ import annotations

from tests.gazetteer.fixtures import (  # noqa: F401  (pytest finds fixtures by name)
    _isolated_home, builtin_home_master, gz, gz_sytr, home, sy_sample, sytr_home,
    sytr_home_master)

"""mapgen: interactive time-slider conflict maps from war reporting."""
from __future__ import annotations

from mapgen.errors import InputError, InputErrors, MapgenError

__all__ = ["InputError", "InputErrors", "MapgenError"]

"""Where the benchmarks find the real data kept beside the project (tests never read it)."""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: The shared data folder: beside the checkout, or beside the folder holding a worktree.
SHARED = next((p for p in (REPO.parent / "shared", REPO.parent.parent / "shared") if p.is_dir()),
              REPO.parent / "shared")
#: GeoNames-format country dumps (SY.txt, TR.txt, ...).
DUMPS = SHARED / "data" / "geonames-format"
#: OCHA's list of Syrian communities.
OCHA = SHARED / "data" / "ocha-syria-communities" / "communities.csv"

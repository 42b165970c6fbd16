"""Loading and validating a source must not pull in the heavy libraries (they cost a second)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ACLED = Path(__file__).parent / "data" / "acled-aleppo-2016-02.csv"


def test_loading_a_csv_source_imports_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "from mapgen.source import load_source\n"
        f"source = load_source({str(ACLED)!r}, timezone='Asia/Damascus')\n"
        "assert len(source.incidents) == 11\n"
        "heavy = [m for m in ('shapely', 'pandas', 'geopandas', 'pyproj', 'numpy', 'folium') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == ""

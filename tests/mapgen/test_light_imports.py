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


def test_lean_folium_import_renders_the_same_page(tmp_path: Path) -> None:
    """A one-shot build imports folium without pandas and compiles its templates on first use;
    the page must be byte for byte the one a normal folium import gives."""
    example = ROOT / "examples" / "aleppo-2016-02"
    code = (
        "import sys\n"
        "lean = sys.argv[1] == 'lean'\n"
        "if lean:\n"
        "    from mapgen.render.preload import import_folium_for_build\n"
        "    import_folium_for_build()\n"
        "else:\n"
        "    import pandas, folium\n"
        "import folium, jinja2\n"
        "from mapgen.build import build_map\n"
        "build_map(sys.argv[2], cache=None).save(sys.argv[3])\n"
        "lazy = any(c.__name__ == 'LazyTemplate' for c in type(folium.Map._template).__mro__)\n"
        "print(lazy, jinja2.Template.__name__, 'pandas' in sys.modules)\n"
    )
    pages, kinds = {}, {}
    for kind in ("lean", "normal"):
        out = tmp_path / f"{kind}.html"
        run = subprocess.run([sys.executable, "-c", code, kind, str(example), str(out)], cwd=ROOT, capture_output=True,
                             text=True, check=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin",
                                                         "MAPGEN_HOME": str(tmp_path / "home")})
        pages[kind], kinds[kind] = out.read_bytes(), run.stdout.split()
    assert kinds["lean"][:2] == ["True", "Template"]   # folium's templates were lazy; jinja's restored
    assert kinds["normal"][0] == "False"
    assert pages["lean"] == pages["normal"] and len(pages["lean"]) > 100_000


def test_lazy_template_compiles_on_first_use_only() -> None:
    """A lazily compiled template renders like jinja's own, and asking it for a dunder first
    (as copy or markup checks do) does not lose its source."""
    import jinja2

    from mapgen.render.preload import _lazy_template_class

    lazy = _lazy_template_class(jinja2.Template)("Hello {{ name }}!")
    assert "_lazy_source" in vars(lazy)
    assert not hasattr(lazy, "__html__")
    assert lazy.render(name="Azaz") == jinja2.Template("Hello {{ name }}!").render(name="Azaz") == "Hello Azaz!"
    assert "_lazy_source" not in vars(lazy) and lazy.module is not None


def test_the_library_api_imports_geopandas_only_when_frames_are_wanted(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import mapgen\n"
        "from mapgen.project import check, export, load\n"
        "from mapgen.readers import READERS\n"
        "import gazetteer\n"
        "before = [m for m in ('geopandas', 'pyogrio', 'pandas', 'geopy') if m in sys.modules]\n"
        "mapgen.load\n"
        "project = load('examples/aleppo-2016-02')\n"
        "print(','.join(before), type(project.incidents).__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "MAPGEN_HOME": str(tmp_path)})
    assert out.stdout.split() == ["GeoDataFrame"]

"""``mapgen validate`` and ``build`` report a place the gazetteer put far from the rest of the map."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from mapgen.cli import main
from tests.gazetteer.fixtures import _isolated_home, builtin_home_master, home  # noqa: F401

# Four incidents north of Aleppo with coordinates, and one named place the gazetteer resolves
# (Al Qamishli, about 370 km east): a typo for a nearby village would look just like this.
EVENTS = """\
id,date,type,place,lat,lon,sources
a,2016-02-01,shelling,Azaz,36.5866,37.0463,SOHR|https://www.syriahr.com/en/1
b,2016-02-02,shelling,Tell Rifaat,36.4733,37.0972,SOHR|https://www.syriahr.com/en/2
c,2016-02-03,shelling,Nubl,36.3756,36.9942,SOHR|https://www.syriahr.com/en/3
d,2016-02-04,shelling,Kafr Naya,36.4199,37.0720,SOHR|https://www.syriahr.com/en/4
e,2016-02-05,airstrike,Qamishli,,,SOHR|https://www.syriahr.com/en/5
"""


def _project(root: Path) -> Path:
    (root / "events").mkdir(parents=True)
    (root / "map.yaml").write_text("title: T\ntimezone: UTC\ncountries: [SY, TR]\n", encoding="utf-8")
    (root / "events" / "a.csv").write_text(EVENTS, encoding="utf-8")
    return root


def test_validate_and_build_report_a_far_away_resolution(home: Path, tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    result = CliRunner().invoke(main, ["--home", str(home), "validate", str(project)])
    assert result.exit_code == 0, result.output
    lines = [x for x in result.stderr.splitlines() if "km from the map's other places" in x]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"warning: {project / 'events' / 'a.csv'}:6: place: 'Qamishli'")
    km = int(lines[0].split(" km from")[0].rsplit(" ", 1)[1].replace(",", ""))
    assert 350 < km < 400   # to Azaz, the nearest other place

    out = tmp_path / "map.html"
    built = CliRunner().invoke(main, ["--home", str(home), "build", str(project), "-o", str(out)])
    assert built.exit_code == 0, built.output
    assert "'Qamishli' was resolved to SY" in built.stderr

    # inside the map's view it is meant: no warning
    (project / "map.yaml").write_text("title: T\ntimezone: UTC\ncountries: [SY, TR]\n"
                                      "view: [[36.0, 36.5], [37.5, 42.0]]\n", encoding="utf-8")
    again = CliRunner().invoke(main, ["--home", str(home), "validate", str(project)])
    assert again.exit_code == 0 and "km from the map's other places" not in again.stderr


def test_a_map_using_an_ocha_place_credits_it(home: Path, tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    events = EVENTS.replace("e,2016-02-05,airstrike,Qamishli,,", "e,2016-02-05,airstrike,Retyan,,")
    (project / "events" / "a.csv").write_text(events, encoding="utf-8")
    out = tmp_path / "map.html"
    built = CliRunner().invoke(main, ["--home", str(home), "build", str(project), "-o", str(out)])
    assert built.exit_code == 0, built.output
    assert "UN OCHA, via HDX" in out.read_text(encoding="utf-8")
    assert "source: ocha" in (project / "places.lock.yaml").read_text(encoding="utf-8")

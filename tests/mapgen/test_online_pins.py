"""The online fallback in builds: asked only when map.yaml says so, only for names the offline
gazetteer cannot place, pinned as ``source: online``, cached; against a local Nominatim stand-in."""
from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from mapgen.cli import main
from tests.conftest import write_project
from tests.gazetteer.fixtures import builtin_home_master, home  # noqa: F401 (fixtures)
from tests.nominatim_server import PLACES, NominatimStandIn, nominatim  # noqa: F401,F811 (fixture)

EVENTS = """\
incidents:
  - {id: a1, date: 2016-02-04, type: airstrike, place: Azaz, sources: [{outlet: SOHR, url: "https://www.syriahr.com/en/1"}]}
  - {id: a2, date: 2016-02-05, type: shelling, place: Wadi Zzyzx, sources: [{outlet: SOHR, url: "https://www.syriahr.com/en/2"}]}
"""


def _map_yaml(url: str | None) -> str:
    text = "title: Online test\ntimezone: Asia/Damascus\ncountries: [SY, TR]\n"
    if url:
        text += f"geocoder:\n  service: nominatim\n  url: {url}\n  user_agent: mapgen-tests/1\n  min_delay_seconds: 0\n"
    return text


def _run(*args: str, home: Path) -> object:  # noqa: F811
    return CliRunner().invoke(main, ["--home", str(home), *args])


def test_online_pins_are_made_cached_and_used_only_when_asked(tmp_path: Path, home: Path,  # noqa: F811
                                                             nominatim: NominatimStandIn) -> None:  # noqa: F811
    project = write_project(tmp_path / "p", {"map.yaml": _map_yaml(nominatim.url), "events/a.yaml": EVENTS})
    out = tmp_path / "map.html"
    result = _run("build", str(project), "-o", str(out), home=home)
    assert result.exit_code == 0, result.output
    pins = yaml.safe_load((project / "places.lock.yaml").read_text(encoding="utf-8"))["places"]
    raw = PLACES["wadi zzyzx"]
    assert pins["Wadi Zzyzx"] == {"lat": float(raw["lat"]), "lon": float(raw["lon"]), "source": "online",
                                  "country": "SY"}
    assert pins["Azaz"]["source"] != "online"
    assert [r["query"]["q"] for r in nominatim.requests] == ["Wadi Zzyzx"]  # Azaz was found offline
    assert nominatim.requests[0]["user_agent"] == "mapgen-tests/1"

    again = _run("build", str(project), "-o", str(out), "--repin", home=home)
    assert again.exit_code == 0, again.output
    assert len(nominatim.requests) == 1  # answered from the cache under MAPGEN_HOME

    (project / "map.yaml").write_text(_map_yaml(None), encoding="utf-8")
    refused = _run("build", str(project), "-o", str(tmp_path / "other.html"), home=home)
    assert refused.exit_code == 1
    assert "unknown place 'Wadi Zzyzx'" in refused.output
    assert "pins it from the online geocoder, which is used only when map.yaml sets `geocoder:`" in refused.output
    assert len(nominatim.requests) == 1 and not (tmp_path / "other.html").exists()


def test_resolve_online_from_the_command_line(home: Path, nominatim: NominatimStandIn) -> None:  # noqa: F811
    offline = _run("resolve", "Wadi Zzyzx", "--country", "SY", home=home)
    assert offline.exit_code == 0 and "Wadi Zzyzx: unresolved" in offline.output
    assert nominatim.requests == []
    args = ("resolve", "Wadi Zzyzx", "Azaz", "--country", "SY", "--online", "--online-url", nominatim.url)
    first = _run(*args, home=home)
    assert first.exit_code == 0, first.output
    assert "Wadi Zzyzx: resolved: Wadi Zzyzx (SY) 36.61234,37.01234 [online]" in first.output
    assert "Azaz: resolved:" in first.output and "Azaz" not in str(nominatim.requests)
    second = _run(*args, home=home)
    assert "[online cached]" in second.output and len(nominatim.requests) == 1
    assert nominatim.requests[0]["user_agent"].startswith("mapgen")


def test_geocoder_setting_is_checked(tmp_path: Path, home: Path) -> None:  # noqa: F811
    project = write_project(tmp_path / "p", {"map.yaml": "geocoder: {service: photon}\n", "events/a.yaml": EVENTS})
    result = _run("validate", str(project), home=home)
    assert result.exit_code == 1
    assert f"error: {project / 'map.yaml'}:1: geocoder.service: 'photon' is not one of nominatim" in result.output

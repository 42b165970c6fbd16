"""``mapgen init`` and the two forms of places.yaml (and errors for any other shape)."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from mapgen.cli import main
from mapgen.config import MapConfig
from mapgen.errors import InputErrors
from mapgen.source import load_source
from tests.conftest import write_project

REPO = Path(__file__).resolve().parents[2]
EVENTS = "incidents:\n  - {id: a1, date: 2016-02-04, type: airstrike, place: Alpha Town, sources: [SOHR]}\n"


def test_init_writes_a_commented_project_and_builds_it(tmp_path: Path) -> None:
    folder, out = tmp_path / "my-map", tmp_path / "out" / "my-map.html"
    result = CliRunner().invoke(main, ["--home", str(tmp_path / "home"), "init", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    for rel in ("map.yaml", "events/incidents.yaml", "zones/control.csv", "places.yaml"):
        assert f"wrote {folder / rel}\n" in result.output
    assert f"map: {out}  (2 incidents, " in result.output and out.stat().st_size > 100_000
    text = (folder / "map.yaml").read_text(encoding="utf-8")
    for item in dataclasses.fields(MapConfig):  # every setting is there, set or in a comment
        assert f"\n{item.name}:" in text or f"\n# {item.name}:" in text, item.name
    assert yaml.safe_load(text)["title"] == "My map"
    source = load_source(folder)
    assert source.config.timezone == "Asia/Damascus" and len(source.control) == 4
    again = CliRunner().invoke(main, ["init", str(folder)])
    assert again.exit_code == 1 and "exists and is not an empty folder" in again.output


def test_readme_documents_every_map_yaml_key() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for item in dataclasses.fields(MapConfig):
        assert f"`{item.name}`" in readme, item.name


@pytest.mark.parametrize("places", [
    "places:\n  - {name: Alpha Town, lat: 36.5, lon: 37.0, country: SY, aliases: [Alfa]}\n",
    "- {name: Alpha Town, lat: 36.5, lon: 37.0, country: SY, aliases: [Alfa]}\n",
    "places:\n  Alpha Town: {lat: 36.5, lon: 37.0, country: SY, aliases: [Alfa]}\n",
    "Alpha Town: {lat: 36.5, lon: 37.0, country: SY, aliases: [Alfa]}\n",
])
def test_places_yaml_as_a_list_or_a_mapping(tmp_path: Path, places: str) -> None:
    project = write_project(tmp_path / "p", {"events/a.yaml": EVENTS, "places.yaml": places})
    [place] = load_source(project).places
    assert (place.name, place.lat, place.lon, place.country, place.aliases) == ("Alpha Town", 36.5, 37.0, "SY", ("Alfa",))


@pytest.mark.parametrize(("places", "message"), [
    ("just a sentence\n", "places.yaml: places: expected a list of places"),
    ("places: 12\n", "places.yaml: places: expected a list of places"),
    ("Alpha Town: [36.5, 37.0]\n", "places.yaml:1: Alpha Town: a place must be a mapping of lat, lon"),
    ("places:\n  - Alpha Town\n", "places.yaml:1: a place must be a mapping"),
    ("Alpha Town: {name: Beta, lat: 36.5, lon: 37.0}\n", "places.yaml:1: name: name 'Beta' differs from its key"),
])
def test_places_yaml_in_another_shape_is_an_error(tmp_path: Path, places: str, message: str) -> None:
    project = write_project(tmp_path / "p", {"events/a.yaml": EVENTS, "places.yaml": places})
    with pytest.raises(InputErrors) as caught:
        load_source(project)
    assert str(caught.value.errors[0]).startswith(f"{project / message}"), str(caught.value.errors[0])

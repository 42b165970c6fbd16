"""``mapgen resolve`` through click's CliRunner: JSON lines, text, options, errors."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from gazetteer.resolve import haversine_km
from mapgen.cli import main
from tests.gazetteer.fixtures import (  # noqa: F401  (pytest finds fixtures by name)
    _isolated_home, builtin_home_master, home, sytr_home, sytr_home_master)

KEYS = ["query", "status", "name", "lat", "lon", "country", "feature_code", "geonameid",
        "score", "match", "context_km", "sources", "alternatives"]


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_json_lines_one_per_name(home):
    result = run("--home", str(home), "resolve", "A'zaz", "London", "Qqqxxzz", "--json")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [d["query"] for d in lines] == ["A'zaz", "London", "Qqqxxzz"]
    assert all(list(d) == KEYS for d in lines)
    azaz, london, nothing = lines
    assert azaz["status"] == "resolved" and azaz["country"] == "SY"
    assert abs(azaz["lat"] - 36.587) < 0.01 and abs(azaz["lon"] - 37.046) < 0.01
    assert london["country"] == "GB" and london["geonameid"] == 2643743
    assert nothing["status"] == "unresolved" and nothing["lat"] is None and nothing["lon"] is None


def test_home_from_env(home):
    result = run("resolve", "Killis", "--json")  # MAPGEN_HOME set by the fixture
    assert json.loads(result.output)["name"] == "Kilis"


def test_text_output_lists_alternatives_of_ambiguous_names(sytr_home):
    alone = run("--home", str(sytr_home), "resolve", "Az Zahra'", "--country", "SY")
    assert alone.output.startswith("Az Zahra': ambiguous: Az Zahra' (SY)")  # five villages
    # each with the way to write it so that it means that one: the name and a town near it
    written = re.findall(r'\(written "([^"]+)"\)', alone.output)
    assert len(written) >= 3
    for name in written:
        one = run("--home", str(sytr_home), "resolve", name, "--country", "SY")
        assert one.output.startswith(f"{name}: resolved: Az Zahra'"), one.output
    # in JSON too, with each alternative
    answer = json.loads(run("--home", str(sytr_home), "resolve", "Az Zahra'", "--country", "SY",
                            "--json").output)
    assert set(written) <= {a["written"] for a in answer["alternatives"]}
    assert all(set(a) >= {"name", "lat", "lon", "written"} for a in answer["alternatives"])
    result = run("--home", str(sytr_home), "resolve", "Az Zahra'", "Azaz", "--country", "SY")
    assert result.exit_code == 0
    first, second = result.output.splitlines()
    assert "geonameid=166458" in first         # the one beside Azaz and Nubl
    assert second.startswith("Azaz: resolved: ") and "geonameid=172082" in second


def test_an_alternative_far_from_the_other_places_says_how_far(home):
    # OCHA's Um Hosh, by Homs, is the only place of the name: on a map of northern Aleppo
    # (--near Azaz) it is refused, and offered with its distance from the map
    km = float(haversine_km(34.7647, 36.1256, 36.587, 37.046))      # Um Hosh to Azaz
    text = run("--home", str(home), "resolve", "Um Hosh", "--country", "SY", "--near",
               "36.587,37.046").output
    assert text.strip() == f"Um Hosh: unresolved: Um Hosh (SY) 34.7647,36.1256 ({km:.0f} km off)"
    answer = json.loads(run("--home", str(home), "resolve", "Um Hosh", "--country", "SY",
                            "--near", "36.587,37.046", "--json").output)
    assert answer["status"] == "unresolved" and answer["context_km"] is None
    assert [a["context_km"] for a in answer["alternatives"]] == pytest.approx([km], abs=0.2)
    # alone, it is the answer, with no distance to give
    alone = json.loads(run("--home", str(home), "resolve", "Um Hosh", "--country", "SY",
                           "--json").output)
    assert alone["status"] == "resolved" and alone["context_km"] is None


def test_country_and_near_options(sytr_home):
    north = json.loads(run("--home", str(sytr_home), "resolve", "Suran", "--near", "36.58,37.05",
                           "--json").output)
    south = json.loads(run("--home", str(sytr_home), "resolve", "Suran", "--near",
                           "35.13,36.75", "--country", "sy", "--json").output)
    assert north["status"] == south["status"] == "resolved"
    assert north["lat"] > 36.4 > 35.6 > south["lat"]


def test_country_repeated_adds_countries(sytr_home):
    """``--country SY --country TR`` is ``--country SY,TR`` (and ``--countries`` is accepted):
    a repeated option never silently keeps only its last country."""
    names = ["Az Zahra'", "Suran", "Kilis"]

    def answers(*country_args: str) -> list[tuple]:
        result = run("--home", str(sytr_home), "resolve", *names, *country_args, "--json")
        assert result.exit_code == 0, result.output
        return [(d["status"], d["name"], d["country"])
                for d in map(json.loads, result.output.splitlines())]

    both = answers("--country", "SY,TR")
    assert answers("--country", "SY", "--country", "TR") == both
    assert answers("--countries", "sy", "--countries", "tr") == both
    assert answers("--country", "TR") != both


def test_bad_options_are_usage_errors(home):
    for args in (["--near", "1,2,3"], ["--near", "95,10"], ["--country", "Syria"],
                 ["--country", "SY", "--country", ","]):
        result = CliRunner().invoke(main, ["--home", str(home), "resolve", "Azaz", *args])
        assert result.exit_code == 2
        assert "Invalid value" in result.output and "Traceback" not in result.output


def test_empty_name_is_a_one_line_error(home):
    result = CliRunner().invoke(main, ["--home", str(home), "resolve", "  "])
    assert result.exit_code == 1
    assert result.output.strip() == "error: name: empty place name"


def test_help_shows_an_example():
    result = run("resolve", "--help")
    assert "Example:" in result.output and "--country" in result.output

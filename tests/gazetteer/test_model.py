"""Place and Resolution: axis order, JSON shape of ``resolve --json``, immutability."""
from __future__ import annotations

import dataclasses
import json

import pytest

from gazetteer import GazetteerInputError, Place, Resolution

KEYS = ["query", "status", "name", "lat", "lon", "country", "feature_code", "geonameid",
        "score", "match", "context_km", "sources", "alternatives"]
ALT_KEYS = ["name", "lat", "lon", "country", "feature_code", "geonameid", "score"]
AZAZ = Place("I‘zāz", 36.586621, 37.046284, "SY", "PPL", 172082, 66138, "geonames")
OTHER = Place("Al `Aziziyah", 36.52892, 37.31404, "SY", "PPL", 10152475, 0, "geonames")


def test_resolved_json_has_exactly_the_documented_fields():
    res = Resolution("A'zaz", "resolved", AZAZ, 0.81234, (OTHER,), (0.4,))
    d = res.to_json_dict()
    assert list(d) == KEYS
    assert d["lat"] == 36.58662 and d["lon"] == 37.04628  # 5 decimals, lat before lon
    assert d["score"] == 0.812
    assert [list(a) for a in d["alternatives"]] == [ALT_KEYS]
    assert d["alternatives"][0]["score"] == 0.4
    json.dumps(d)


def test_unresolved_json_has_null_coordinates():
    d = Resolution("Nowhere", "unresolved", None, 0.0).to_json_dict()
    assert list(d) == KEYS
    assert d["lat"] is None and d["lon"] is None and d["name"] is None
    assert d["alternatives"] == []


def test_ambiguous_json_lists_alternatives_with_scores():
    d = Resolution("Zahraa", "ambiguous", None, 0.66, (AZAZ, OTHER), (0.66, 0.65)).to_json_dict()
    assert d["lat"] is None
    assert [a["geonameid"] for a in d["alternatives"]] == [172082, 10152475]
    assert [a["score"] for a in d["alternatives"]] == [0.66, 0.65]


def test_place_is_frozen_and_says_its_axis_order():
    with pytest.raises(dataclasses.FrozenInstanceError):
        AZAZ.lat = 0.0  # type: ignore[misc]
    assert AZAZ.lonlat() == (AZAZ.lon, AZAZ.lat)


def test_input_error_is_one_line_naming_file_line_and_field():
    err = GazetteerInputError("not a number:\n'x'", file="p.csv", line=3, field="lat")
    assert str(err) == "p.csv:3: lat: not a number: 'x'"
    assert isinstance(err, ValueError)


def test_place_from_row_equals_the_dataclass_constructor():
    from gazetteer.model import place_from_row

    row = ("Kafr Naya", 36.39, 37.01, "SY", "PPL", 170321, 2500, "geonames", 0.41, 2, 7)
    made = place_from_row(row)
    built = Place(*row[:8])
    assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
    assert dataclasses.asdict(made) == dataclasses.asdict(built)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.lat = 0.0  # type: ignore[misc]

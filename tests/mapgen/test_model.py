"""The model boundary: one record in, a trusted Incident or ControlZone out, or an input error."""
from __future__ import annotations

import pytest

from mapgen.errors import InputError
from mapgen.model import Origin, incident_from_record, zone_from_record
from mapgen.timeparse import get_zone

TZ = get_zone("Asia/Damascus")
HERE = Origin("events.yaml", 7)


def incident(**fields):
    base = {"id": "x", "date": "2016-02-01", "lat": 36.5, "lon": 37.0, "type": "Airstrike"}
    base.update(fields)
    return incident_from_record(base, HERE, TZ)


def test_valid_incident_is_normalised() -> None:
    inc = incident(actors="Air force; Army", sources=[{"outlet": "A", "url": "https://a.example/x"}])
    assert inc.type == "airstrike" and inc.actors == ("Air force", "Army")
    assert inc.sources[0].url == "https://a.example/x" and inc.start.tzinfo is not None


@pytest.mark.parametrize("fields, field, words", [
    ({"type": ""}, "type", "missing"),
    ({"lat": None, "lon": None}, "place", "missing"),
    ({"lon": None}, "lon", "missing"),
    ({"lat": "north"}, "lat", "not a number"),
    ({"fatalities": -1}, "fatalities", "whole number"),
    ({"geo_precision": "2"}, "geo_precision", "not one of"),
    ({"time_precision": "year"}, "time_precision", "unknown time precision"),
    ({"id": "has space"}, "id", "not a valid id"),
    ({"sources": [{"outlet": "A", "url": "ftp://x"}]}, "sources[1].url", "not an http(s) URL"),
    ({"sources": [{"url": "javascript:alert(1)"}]}, "sources[1].url", "not an http(s) URL"),
    ({"review": "yes"}, "review", "true or false"),
])
def test_bad_fields_name_file_line_and_field(fields, field, words) -> None:
    with pytest.raises(InputError) as caught:
        incident(**fields)
    err = caught.value
    assert (err.file, err.record, err.field) == ("events.yaml", 7, field)
    assert words in str(err) and str(err).startswith(f"events.yaml:7: {field}: ")


def test_missing_id_gets_a_stable_content_id() -> None:
    first = incident(id=None, title="T")
    assert first.id == incident(id=None, title="T").id != incident(id=None, title="U").id


SQUARE = {"type": "Polygon", "coordinates": [[[37, 36], [38, 36], [38, 37], [37, 37], [37, 36]]]}


def test_zone_validity_end_is_inclusive_day() -> None:
    zone = zone_from_record({"faction": "rebels", "valid_from": "2016-02-01", "valid_to": "2016-02-02",
                             "geometry": SQUARE}, HERE, TZ)
    assert zone.valid_to.isoformat() == "2016-02-03T00:00:00+02:00"


@pytest.mark.parametrize("geometry, words", [
    ({"type": "Point", "coordinates": [37, 36]}, "must be a Polygon"),
    ({"type": "Polygon", "coordinates": [[[37, 36], [38, 37], [38, 36], [37, 37], [37, 36]]]}, "Self-intersection"),
    ({"type": "Polygon", "coordinates": [[[36, 370], [37, 370], [37, 371], [36, 370]]]}, "outside"),
    ({"type": "Polygon", "coordinates": "nope"}, "malformed"),
    (None, "missing"),
])
def test_bad_zone_geometry(geometry, words) -> None:
    with pytest.raises(InputError, match=words) as caught:
        zone_from_record({"faction": "rebels", "valid_from": "2016-02-01", "geometry": geometry}, HERE, TZ)
    assert caught.value.field == "geometry"


def test_one_step_init_makes_the_same_frozen_dataclass() -> None:
    """Incident and Source fill their slots directly; they must behave as the dataclass
    ``__init__`` would: defaults, keywords or positions, equality, hashing, frozen, replace, pickle."""
    import dataclasses
    import datetime as dt
    import pickle

    from mapgen.model import Incident, Source

    start = dt.datetime(2016, 2, 4, tzinfo=dt.timezone.utc)
    source = Source("Example Wire", "https://example.org/a")
    assert (source.outlet, source.url, source.published) == ("Example Wire", "https://example.org/a", None)
    by_keyword = Incident(id="a", start=start, end=start, time_precision="exact", type="clashes", place="Azaz",
                          lat=36.5, lon=37.0, geo_precision="exact", sources=(source,))
    by_position = Incident("a", start, start, "exact", "clashes", "Azaz", 36.5, 37.0, "exact", (), "", "", None,
                           (source,))
    assert by_keyword == by_position and hash(by_keyword) == hash(by_position)
    assert dataclasses.asdict(by_keyword)["sources"] == ({"outlet": "Example Wire", "url": "https://example.org/a",
                                                         "published": None},)
    assert (by_keyword.actors, by_keyword.title, by_keyword.fatalities, by_keyword.review) == ((), "", None, False)
    assert by_keyword.origin == Origin("")
    with pytest.raises(dataclasses.FrozenInstanceError):
        by_keyword.lat = 1.0  # type: ignore[misc]
    moved = dataclasses.replace(by_keyword, lat=36.6)
    assert moved.lat == 36.6 and moved.lon == 37.0 and moved != by_keyword
    assert pickle.loads(pickle.dumps(moved)) == moved
    with pytest.raises(TypeError):
        Incident(id="a")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Source("x", colour="red")  # type: ignore[call-arg]

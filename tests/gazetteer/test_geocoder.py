"""The gazetteer as a geopy geocoder (offline, through geopandas too), and the cached online
fallback against a local Nominatim stand-in on 127.0.0.1."""
from __future__ import annotations

from pathlib import Path

import geopandas
import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from gazetteer import GazetteerError, open_gazetteer
from gazetteer.geocoder import MapgenGazetteer, online_geocoder
from tests.nominatim_server import PLACES, NominatimStandIn, nominatim  # noqa: F401 (fixture)

NAMES = ["Azaz", "Kilis", "A'zaz", "Wadi Zzyzx"]


def test_geocode_returns_a_geopy_location_with_the_gazetteer_answer(home: Path) -> None:
    coder = MapgenGazetteer(home, countries=["SY", "TR"])
    assert isinstance(coder, Geocoder)
    with open_gazetteer(home) as gz:
        expected = gz.resolve("Azaz", countries=("SY", "TR"))
    found = coder.geocode("Azaz")
    assert isinstance(found, Location)
    assert (found.latitude, found.longitude) == (expected.place.lat, expected.place.lon)
    assert found.raw == expected.to_json_dict() and found.raw["status"] == "resolved"
    assert coder.geocode("Azaz", exactly_one=False) == [found]
    assert coder.geocode("Wadi Zzyzx") is None and coder.geocode("Wadi Zzyzx", exactly_one=False) is None
    with pytest.raises(NotImplementedError):
        coder.reverse((36.58, 37.04))
    with pytest.raises(ValueError):
        coder.geocode("  ")
    coder.close()


def test_geopandas_geocode_works_offline(home: Path) -> None:
    coder = MapgenGazetteer(home, countries=["SY", "TR"])
    frame = geopandas.tools.geocode(NAMES, provider=coder)
    assert frame.crs.to_epsg() == 4326 and len(frame) == len(NAMES)
    for name, point in zip(NAMES[:3], frame.geometry[:3]):
        place = coder.geocode(name)
        assert (point.y, point.x) == (place.latitude, place.longitude)
    assert frame.geometry[0] == frame.geometry[2]  # A'zaz is Azaz
    assert frame.geometry[3].is_empty  # unknown: no guess
    by_class = geopandas.tools.geocode(NAMES[:1], provider=MapgenGazetteer, home=home, countries=["SY"])
    assert by_class.geometry[0] == frame.geometry[0]


def test_online_answers_are_cached_on_disk(nominatim: NominatimStandIn, tmp_path: Path) -> None:  # noqa: F811
    options = {"url": nominatim.url, "user_agent": "mapgen-tests/1", "home": tmp_path, "min_delay_seconds": 0}
    coder = online_geocoder("nominatim", **options)
    first = coder.lookup("Wadi Zzyzx", ["SY"])
    raw = PLACES["wadi zzyzx"]
    assert first.place is not None and not first.cached
    assert (first.place.lat, first.place.lon, first.place.country, first.place.source) == (
        float(raw["lat"]), float(raw["lon"]), "SY", "online")
    assert nominatim.requests == [{"path": "/search", "user_agent": "mapgen-tests/1",
                                   "query": {"q": "Wadi Zzyzx", "format": "json", "limit": "1",
                                             "countrycodes": "sy", "addressdetails": "1"}}]
    assert coder.lookup("wadi  ZZYZX", ["SY"]).cached
    missing = coder.lookup("Nowhere at all")
    assert missing.place is None and len(nominatim.requests) == 2
    again = online_geocoder("nominatim", **options)  # a new process: the cache is on disk
    assert again.lookup("Wadi Zzyzx", ["SY"]).cached and again.lookup("Nowhere at all").cached
    assert len(nominatim.requests) == 2 and coder.cache_path.is_relative_to(tmp_path)


def test_online_errors_name_the_service(tmp_path: Path) -> None:
    closed = NominatimStandIn()
    closed.close()  # nothing listens there now
    coder = online_geocoder("nominatim", url=closed.url, home=tmp_path, min_delay_seconds=0, timeout=2)
    with pytest.raises(GazetteerError, match=f"online geocoder {closed.url}/search"):
        coder.lookup("Wadi Zzyzx")
    with pytest.raises(GazetteerError, match="known: nominatim"):
        online_geocoder("photon")

"""A map of a whole country: nearness to its places is no evidence for one of far-apart namesakes."""
from __future__ import annotations

import numpy as np

from gazetteer.resolve import context_is_wide
from tests.gazetteer.test_trust import GEONAMES, NUBL, ZAHRA_NUBL

# Places of northern Aleppo named in one report of the February 2016 offensive.
FRONT = [NUBL, (36.3833, 37.0167), (36.3900, 36.9600), (36.3500, 37.0600), (36.5864, 37.0441)]


def _grid(south: float, west: float, north: float, east: float, step: float) -> np.ndarray:
    lats, lons = np.meshgrid(np.arange(south, north, step), np.arange(west, east, step))
    return np.column_stack([lats.ravel(), lons.ravel()])


# Points every 0.25 degrees over Syria's settled west and north and the Euphrates and Khabur
# valleys: a catalogue of the whole country's places.
COUNTRY = np.concatenate([_grid(32.6, 35.9, 37.1, 38.6, 0.25), _grid(34.4, 38.6, 37.2, 42.2, 0.25)])


def test_a_front_is_not_wide_and_a_whole_country_is() -> None:
    # the country's places: every 0.1 degrees over the same settled areas
    sample = np.concatenate([_grid(32.6, 35.9, 37.1, 38.6, 0.1), _grid(34.4, 38.6, 37.2, 42.2, 0.1)])
    assert not context_is_wide(FRONT, sample)
    assert context_is_wide(COUNTRY, sample)
    assert not context_is_wide([], sample)
    assert not context_is_wide(COUNTRY, np.empty((0, 2)))


def test_wide_context_measured_on_the_maps_country(gz) -> None:
    assert not gz.context_is_wide(FRONT, ["SY"])
    assert gz.context_is_wide(COUNTRY, ["SY"])
    assert not gz.context_is_wide(COUNTRY, [])  # no country: nothing to measure it against


def test_namesakes_picked_by_a_front_not_by_a_whole_country(gz) -> None:
    gz.import_files([GEONAMES])
    alone = gz.resolve("Az Zahra'", countries=["SY"])
    assert alone.status == "ambiguous"
    front = gz.resolve("Az Zahra'", countries=["SY"], context=FRONT)
    assert front.status == "resolved" and front.place.geonameid == ZAHRA_NUBL
    # the same front among places all over the country: the village near Nubl is near the
    # map's places, but so is every other Az Zahra'
    country = np.concatenate([np.asarray(FRONT), COUNTRY])
    wide = gz.resolve("Az Zahra'", countries=["SY"], context=country)
    assert wide.status == "ambiguous"
    assert ZAHRA_NUBL in {p.geonameid for p in wide.alternatives}
    # ... unless the map's view says which (the view is not the map's places)
    view = [[36.2, 36.8], [36.7, 37.3]]
    framed = gz.resolve("Az Zahra'", countries=["SY"], context=country, view=view)
    assert framed.status == "resolved" and framed.place.geonameid == ZAHRA_NUBL


# Places of one report of the northern Aleppo offensive (around Nubl and Az Zahra').
FRONT_NAMES = ["Nubl", "Tal Rifaat", "Azaz", "Mare'", "Hayyan", "Deir Jamal", "Kafr Naya"]
# Towns all over Syria, from Daraa to Al-Malikiyah, from Latakia to Al-Bukamal.
COUNTRY_NAMES = [
    "Damascus", "Homs", "Hama", "Latakia", "Tartus", "Daraa", "As-Suwayda", "Deir ez-Zor",
    "Raqqa", "Hasakah", "Qamishli", "Palmyra", "Idlib", "Aleppo", "Manbij", "Al-Bukamal",
    "Quneitra", "Jableh", "Baniyas", "Salamiyah", "Douma", "Al-Mayadin", "Ras al-Ayn",
    "Kafranbel", "Suluk", "Tell Kalakh", "Safira", "Jawadiyah", "Darbasiyah", "Shaddadi",
    "Jisr al-Shughur", "Ain Issa", "Masyaf", "Deir Hafer", "Saraqib", "Tabqa", "Nawa",
    "Khanasir", "Afrin", "Al-Hawl", "Qahtaniyah", "Malikiyah", "Kobani", "Tell Abyad",
    "Tel Tamer", "Burj Islam"]


def test_a_reports_names_all_over_the_country_pick_no_namesake(gz) -> None:
    gz.import_files([GEONAMES])
    many = gz.resolve_many(["Az Zahra'", *FRONT_NAMES, *COUNTRY_NAMES], countries=["SY"])
    found = [(r.place.lat, r.place.lon) for r in many[1:] if r.place is not None]
    assert len(found) == len(FRONT_NAMES) + len(COUNTRY_NAMES)
    assert gz.context_is_wide(found, ["SY"])
    # the village by Nubl is near the report's places, but so is every other Az Zahra'
    assert many[0].status == "ambiguous"
    assert ZAHRA_NUBL in {p.geonameid for p in many[0].alternatives}


def test_a_reports_names_on_one_front_pick_the_namesake_there(gz) -> None:
    gz.import_files([GEONAMES])
    many = gz.resolve_many(["Az Zahra'", *FRONT_NAMES], countries=["SY"])
    assert many[0].status == "resolved" and many[0].place.geonameid == ZAHRA_NUBL

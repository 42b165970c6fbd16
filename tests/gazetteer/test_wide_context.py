"""A map of a whole country: nearness to its places is no evidence for one of far-apart namesakes."""
from __future__ import annotations

import numpy as np

from gazetteer.resolve import (ContextSpread, _crowd, context_is_wide, context_spread,
                               haversine_km)
from tests.gazetteer.test_trust import GEONAMES, NUBL, ZAHRA_NUBL, _km

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


# Points every 0.25 degrees over the north of the country only (Aleppo, Idlib, Raqqa, Hasakah):
# a map of half the country.
NORTH = COUNTRY[COUNTRY[:, 0] >= 35.5]


def test_the_crowd_that_counts_grows_with_the_maps_spread() -> None:
    sample = np.concatenate([_grid(32.6, 35.9, 37.1, 38.6, 0.1), _grid(34.4, 38.6, 37.2, 42.2, 0.1)])
    front = context_spread(FRONT, sample)
    north = context_spread(NORTH, sample)
    assert not front.wide and not north.wide
    # a front leaves most of the country empty: any crowd of its places counts ...
    assert front.crowd < 0.05
    # ... half the country has some of a map of the north around it: a village in the
    # middle of it sees no more of them than the crowd that counts
    middle = _crowd(np.array([36.4]), np.array([38.0]), NORTH)[0]
    assert north.crowd > 0.5 and middle < 2 * north.crowd
    assert context_spread([], sample) == ContextSpread()
    assert context_spread(NORTH, np.empty((0, 2))) == ContextSpread()
    # the cells a large map is counted by keep how many points each holds
    doubled = context_spread(np.concatenate([NORTH, NORTH]), sample)
    assert abs(doubled.crowd - 2 * north.crowd) < 1e-6 * north.crowd


def _km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    return float(haversine_km(a[0], a[1], b[0], b[1]))


def test_a_namesake_is_picked_by_a_crowd_only_where_few_places_see_one(gz) -> None:
    gz.import_files([GEONAMES])
    # five places of a front 4-6 km around the Az Zahra' by Nubl (none within 3 km, which
    # would tell on its own: see the next test), and one place 7 km from the Az Zahra' by
    # Idlib: both villages are near the map's places, but the front crowds around the one by Nubl
    zahra = (36.36085, 37.01072)
    front = [(36.400, 37.040), (36.325, 37.040), (36.405, 36.985), (36.320, 36.975),
             (36.365, 37.075)]
    assert all(3 < _km_between(p, zahra) < 7 for p in front)
    context = front + [(35.80, 36.40)]
    crowd = _crowd(np.array([NUBL[0]]), np.array([NUBL[1]]), context)[0]
    picked = gz.resolve("Az Zahra'", countries=["SY"], context=context,
                        context_spread=ContextSpread(False, 0.0))
    assert picked.status == "resolved" and picked.place.geonameid == ZAHRA_NUBL
    # ... which is no evidence when a map spread over much of the country crowds as much
    # around many of its places
    doubt = gz.resolve("Az Zahra'", countries=["SY"], context=context,
                       context_spread=ContextSpread(False, 2 * crowd))
    assert doubt.status == "ambiguous"
    assert ZAHRA_NUBL in {p.geonameid for p in doubt.alternatives}
    # measured, this map's own spread lets the front's crowd count
    assert gz.context_spread(context, ["SY"]).crowd < crowd
    measured = gz.resolve("Az Zahra'", countries=["SY"], context=context)
    assert measured.status == "resolved" and measured.place.geonameid == ZAHRA_NUBL


def test_a_look_alike_is_confirmed_by_a_crowd_only_where_few_places_see_one(gz) -> None:
    # "Binsha" only resembles Binnish (its consonants; two edits from each of its names):
    # Idlib, Sarmin and Taftanaz, named in the same report, confirm it ...
    idlib = [(35.9306, 36.6339), (35.9017, 36.7214), (35.9981, 36.7836)]
    binnish = (35.9566, 36.7138)
    assert gz.resolve("Binsha", countries=["SY"]).status == "unresolved"
    crowd = _crowd(np.array([binnish[0]]), np.array([binnish[1]]), idlib)[0]
    near = gz.resolve("Binsha", countries=["SY"], context=idlib,
                      context_spread=ContextSpread(False, 0.0))
    assert near.status == "resolved" and _km(near.place, *binnish) < 2, near
    # ... unless as large a crowd of the map's places is common on the map
    common = gz.resolve("Binsha", countries=["SY"], context=idlib,
                        context_spread=ContextSpread(False, 2 * crowd))
    assert common.status == "unresolved", common


def test_a_namesake_another_name_of_the_map_was_found_at_is_picked_whatever_the_crowd(gz) -> None:
    gz.import_files([GEONAMES])
    # a map that found another name 1 km from the Az Zahra' by Nubl (as a map drawn from
    # several reports finds another spelling of it), and places 7-10 km from two others
    context = [(36.3650, 37.0200), (35.80, 36.40), (35.75, 35.98)]
    high = ContextSpread(False, 50.0)  # a crowd none of them sees
    res = gz.resolve("Az Zahra'", countries=["SY"], context=context, context_spread=high)
    assert res.status == "resolved" and res.place.geonameid == ZAHRA_NUBL, res
    # two namesakes that names of the map were found at: in doubt
    both = context + [(35.8520, 36.3490)]
    assert gz.resolve("Az Zahra'", countries=["SY"], context=both,
                      context_spread=high).status == "ambiguous"


def test_a_look_alike_another_name_of_the_map_was_found_at_is_picked_whatever_the_crowd(gz) -> None:
    # "Tall Abied" is a letter from OCHA's Tell Abiad (the town), from Tal Elabed, 200 km
    # east, and from two more villages: alone in doubt; on a map that found another spelling
    # of the town ("Tell Abyad") there, the town, however few of the map's places crowd
    # around it. ("Tall Abjad", the Polish spelling, is the town's name read the Polish way:
    # see test_foreign.py)
    assert gz.resolve("Tall Abied", countries=["SY"]).status == "ambiguous"
    high = ContextSpread(False, 50.0)
    town = gz.resolve("Tell Abyad", countries=["SY"]).place
    # (and another place of the map 8 km from Tal Elabed: neither is the only one near)
    context = [(town.lat, town.lon), (36.6877, 41.2193), (35.80, 36.40), (35.75, 35.98)]
    res = gz.resolve("Tall Abied", countries=["SY"], context=context, context_spread=high)
    assert res.status == "resolved" and _km(res.place, town.lat, town.lon) < 3, res
    # names of the map found at both look-alikes: in doubt
    both = context + [(36.6257, 41.2193)]
    assert gz.resolve("Tall Abied", countries=["SY"], context=both,
                      context_spread=high).status == "ambiguous"


KAFRAYA_IDLIB = (35.98989, 36.67689)   # OCHA's Kafraya by al-Fu'ah
KAFRAYA_WEST = (35.672, 36.081)        # OCHA's other Kafraya, 64 km south-west


def _ring(point: tuple[float, float], n: int) -> list[tuple[float, float]]:
    """``n`` points about 3 km around ``point``."""
    return [(point[0] + 0.03 * np.cos(2 * np.pi * k / n),
             point[1] + 0.036 * np.sin(2 * np.pi * k / n)) for k in range(n)]


def test_on_a_map_of_much_of_a_country_a_spelled_namesake_needs_twice_the_crowd(gz) -> None:
    # a map of much of the country (its crowd bar 1.0): five of its places around one Kafraya
    # and two around the other pick the first, 2.5 times as crowded; five against three (1.7
    # times) pick none
    spread = ContextSpread(False, 1.0)
    picked = gz.resolve("Kafraya", countries=["SY"], context_spread=spread,
                        context=_ring(KAFRAYA_IDLIB, 5) + _ring(KAFRAYA_WEST, 2))
    assert picked.status == "resolved" and _km(picked.place, *KAFRAYA_IDLIB) < 1
    close = gz.resolve("Kafraya", countries=["SY"], context_spread=spread,
                       context=_ring(KAFRAYA_IDLIB, 5) + _ring(KAFRAYA_WEST, 3))
    assert close.status == "ambiguous"
    # on a map of a few places (a bar under 1.0) crowds of a few points need three times
    few = gz.resolve("Kafraya", countries=["SY"], context_spread=ContextSpread(False, 0.5),
                     context=_ring(KAFRAYA_IDLIB, 5) + _ring(KAFRAYA_WEST, 2))
    assert few.status == "ambiguous"


def _spread_with_share(share: float, km: float, n: int = 200) -> ContextSpread:
    """A map's spread (not all over the country) whose places have ``share`` of the
    country's places within ``km`` of them, and the rest 100 km or more away."""
    close = int(round(share * n))
    return ContextSpread(False, 0.0,
                         tuple([km / 2] * close + [100.0 + k for k in range(n - close)]))


def test_a_namesake_near_the_map_is_no_pick_where_many_places_lie_as_near(gz) -> None:
    gz.import_files([GEONAMES])
    # one place of the map 10 km north of the Az Zahra' by Nubl (the others lie 90 km and more
    # from it), and 24 places between al-Bab and Manbij, 30 to 80 km east of it
    point = (36.45, 37.01)
    assert _km(gz.resolve("Nubl", countries=["SY"]).place, *point) < 15
    east = [(36.5 + 0.1 * (k % 4), 37.3 + 0.1 * (k // 4)) for k in range(24)]
    context = [point, *east]
    few = gz.resolve("Az Zahra'", countries=["SY"], context=context,
                     context_spread=_spread_with_share(0.05, 10.0))
    assert few.status == "resolved" and few.place.geonameid == ZAHRA_NUBL
    # a map whose places have a quarter of the country's villages as near them as that: one
    # of five namesakes is as likely near them by chance
    many = gz.resolve("Az Zahra'", countries=["SY"], context=context,
                      context_spread=_spread_with_share(0.25, 10.0))
    assert many.status == "ambiguous"
    assert ZAHRA_NUBL in {p.geonameid for p in many.alternatives}
    # ... but a place of the map at the very spot is the place it names twice
    twin = gz.resolve("Az Zahra'", countries=["SY"], context=[(36.362, 37.012), *east],
                      context_spread=_spread_with_share(0.25, 10.0))
    assert twin.status == "resolved" and twin.place.geonameid == ZAHRA_NUBL
    # ... and the handful of places of a report name one area, whatever the share
    report = gz.resolve("Az Zahra'", countries=["SY"], context=[point, *east[:4]],
                        context_spread=_spread_with_share(0.25, 10.0))
    assert report.status == "resolved" and report.place.geonameid == ZAHRA_NUBL


def test_the_spread_measured_on_the_map_decides_the_pick(gz) -> None:
    gz.import_files([GEONAMES])
    point = [(36.45, 37.01)]
    assert gz.resolve("Az Zahra'", countries=["SY"], context=point).place.geonameid == ZAHRA_NUBL
    spread = gz.context_spread(point, ["SY"])
    assert spread.share_within(10.0) is not None and spread.share_within(10.0) < 0.2


def test_the_sample_of_a_countrys_places_is_the_same_whatever_their_order(gz, tmp_path) -> None:
    # the places a map's spread is measured against are drawn by a hash of each point, not by
    # their order in the database: a place added before the others (the built-in places built
    # again) moves the sample by that place at most
    from gazetteer import open_gazetteer
    from gazetteer.api import COUNTRY_SAMPLE

    before = {tuple(p) for p in gz._country_sample("SY").tolist()}
    assert len(before) == COUNTRY_SAMPLE
    rows = gz._lookup.execute("SELECT lat, lon FROM places WHERE country = 'SY' AND "
                              "feature_code LIKE 'PPL%' ORDER BY id DESC").fetchall()
    from gazetteer.api import _point_hash

    reordered = np.array(rows, dtype=float)
    again = {tuple(p) for p in reordered[np.argsort(_point_hash(reordered), kind="stable")
                                         [:COUNTRY_SAMPLE]].tolist()}
    assert again == before
    path = tmp_path / "one.csv"
    path.write_text("name,lat,lon,country,type\nQaryat Jadida Testiyeh,35.123,37.456,SY,PPL\n",
                    encoding="utf-8")
    gz.import_files([path])
    with open_gazetteer(gz.home) as fresh:
        after = {tuple(p) for p in fresh._country_sample("SY").tolist()}
    assert len(before ^ after) <= 2

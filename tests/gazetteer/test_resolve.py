"""Resolving with context: countries, near, other names, project places; status decisions."""
from __future__ import annotations

import pytest

from gazetteer import GazetteerInputError, Place
from tests.gazetteer.common import km


def test_empty_name_is_an_input_error(gz):
    with pytest.raises(GazetteerInputError, match="empty place name"):
        gz.resolve("   ")


def test_unknown_name_is_unresolved_not_an_error(gz):
    res = gz.resolve("Qqqxxzz Nowhere")
    assert res.status == "unresolved" and res.place is None and res.score == 0.0


def test_city_wins_over_the_province_of_the_same_name(gz_sytr):
    res = gz_sytr.resolve("Aleppo")
    assert res.status == "resolved" and not res.place.feature_code.startswith("ADM")
    assert abs(res.place.lon - 37.16) < 0.05  # the city, not the governorate centroid (37.62)


def test_country_names_never_resolve_to_a_town(gz):
    # Lebanon, Tennessee and Jordan, Minnesota exist; a country's name means the country.
    # (the built-in default lists no country: the name is unresolved, not a namesake town)
    for name in ("Lebanon", "Jordan", "Egypt"):
        res = gz.resolve(name)
        assert res.status == "unresolved" and not res.alternatives, (name, res)


def test_near_picks_the_right_one_of_two_villages(gz_sytr):
    azaz_area = (36.58, 37.05)
    hama_area = (35.13, 36.75)
    north = gz_sytr.resolve("Suran", near=azaz_area)
    south = gz_sytr.resolve("Suran", near=hama_area)
    assert north.status == south.status == "resolved"
    assert north.place.lat > 36.4 and south.place.lat < 35.6


def test_other_names_of_the_report_are_context(gz_sytr):
    alone = gz_sytr.resolve("Zahraa", countries=["SY"])
    assert alone.status == "ambiguous" and len(alone.alternatives) >= 2
    report = ["Nubl", "Zahraa", "Mayer", "Anadan", "Kafer Naya", "Tell Rifaat"]
    res = dict(zip(report, gz_sytr.resolve_many(report, countries=["SY"])))
    assert res["Zahraa"].status == "resolved"
    assert abs(res["Zahraa"].place.lat - 36.3586) < 0.02


def test_country_preference_keeps_a_famous_city_abroad(gz_sytr):
    res = gz_sytr.resolve("Beirut", countries=["SY", "TR"])
    assert res.status == "resolved" and res.place.country == "LB"


def test_project_places_come_first(gz):
    own = Place("Azaz hospital", 36.5890, 37.0470, "SY", "HSP")
    camp = Place("Azaz", 36.60, 37.06, "SY", "CMPRF")
    res = gz.resolve("A'zaz", extra_places=[own, camp])
    assert res.status == "resolved"
    assert res.place.source == "project" and res.place.lat == 36.60
    assert gz.resolve("Azaz Hospital", extra_places=[own]).place.name == "Azaz hospital"
    assert gz.resolve("Azaz", extra_places=[own]).place.source != "project"


def test_skeleton_alone_does_not_resolve_without_support(gz_sytr):
    # "Qamishlo" (Kurdish) shares only its consonants with Al Qamishli
    alone = gz_sytr.resolve("Qamishlo")
    assert alone.status == "unresolved"
    assert any(a.name == "Al Qamishli" for a in alone.alternatives)
    helped = gz_sytr.resolve("Qamishlo", near=(37.05, 41.22))
    assert helped.status == "resolved" and helped.place.name == "Al Qamishli"


def test_resolution_is_deterministic(gz_sytr):
    names = ["Kafer Naya", "Salma", "Rabia", "Tal Rifaat", "Bab al-Hawa", "Homs"]
    first = [r.to_json_dict() for r in gz_sytr.resolve_many(names, countries=["SY"])]
    gz_sytr._cache.clear()
    second = [r.to_json_dict() for r in gz_sytr.resolve_many(names, countries=["SY"])]
    assert first == second


def test_crossing_and_air_base_come_from_the_curated_table(gz):
    for name, code in (("Bab al-Salameh", "PSTB"), ("Bab al-Hawa crossing", "PSTB"),
                       ("Menagh airbase", "AIRB"), ("Minakh Air Base", "AIRB")):
        res = gz.resolve(name)
        assert res.status == "resolved", name
        assert (res.place.source, res.place.feature_code) == ("curated", code)


@pytest.mark.parametrize("name, code, lat, lon", [
    ("Abu al-Duhur airbase", "AIRB", 35.733, 37.102),
    ("T4", "AIRB", 34.523, 37.630),                   # Tiyas air base, known by its letters
    ("Shayrat airbase", "AIRB", 34.490, 36.909),
    ("Tishreen Dam", "DAM", 36.381, 38.183),
    ("Euphrates Dam", "DAM", 35.872, 38.567),         # the Tabqa Dam
    ("Saydnaya prison", "PRN", 33.665, 36.329),
    ("Jabal al-Sheikh", "MT", 33.416, 35.858),        # Mount Hermon
    ("Jobar", "PPLX", 33.531, 36.337),                # a district of Damascus, not Jober by Homs
    ("Bab Amr", "PPLX", 34.711, 36.691),              # Baba Amr, a district of Homs
    ("Eastern Ghouta", "RGN", 33.500, 36.421),        # the region east of Damascus
    ("Ghouta", "RGN", 33.500, 36.421),                # ... not OCHA's Ghota, a village by Raqqa
    ("Ghouta Oriental", "RGN", 33.500, 36.421),       # ... as Portuguese and Spanish write it
    ("Guta Oriental", "RGN", 33.500, 36.421),
    ("Jebel Zawiya", "MTS", 35.733, 36.700),          # the highland of Idlib's south
    ("Golan Heights", "RGN", 32.982, 35.749),         # the plateau Israel holds
    ("plateau du Golan", "RGN", 32.982, 35.749),      # ... as French names it
    ("al-Asali", "PPLX", 33.466, 36.286),             # a district of Damascus's south
    ("Badia", "RGN", 33.333, 38.833),                 # the Syrian Desert, not a village in Turkey
    ("Sahl al-Ghab", "PLN", 35.545, 36.319),          # the Ghab Plain by the Orontes
    ("Jabal al-Arab", "MTS", 32.667, 36.733),         # Jabal al-Druze, east of Suwayda
    ("Old Aleppo", "PPLX", 36.203, 37.163),           # the walled city around the citadel
    ("حلب القديمة", "PPLX", 36.203, 37.163),
])
def test_facilities_and_districts_of_the_war_come_from_the_curated_table(gz, name, code, lat,
                                                                         lon):
    res = gz.resolve(name, countries=["SY", "TR"])
    assert res.status == "resolved", res
    assert (res.place.source, res.place.feature_code) == ("curated", code)
    assert abs(res.place.lat - lat) < 0.01 and abs(res.place.lon - lon) < 0.01


def test_the_golan_alone_is_never_silently_a_village_in_aleppo(gz):
    # OCHA lists a village of northern Aleppo as "Golan - Qurret Qawaqez": the name alone is
    # the plateau or that village, in doubt; beside the report's other places, the one near them
    res = gz.resolve("Golan", countries=["SY", "TR"])
    assert res.status == "ambiguous", res
    assert {p.feature_code for p in res.alternatives} >= {"RGN"}
    south = gz.resolve("Golan", countries=["SY", "TR"], context=[(33.126, 35.825), (32.62, 36.10)])
    assert south.status == "resolved" and south.place.name == "Golan Heights", south


def test_the_old_city_is_aleppos_or_damascuss_never_silently_jerusalems(gz):
    # "the Old City" of a report of Syria: of Aleppo or of Damascus, in doubt alone; the report's
    # other places tell which; never Jerusalem's, outside the map's countries
    res = gz.resolve("Old City", countries=["SY", "TR"])
    assert res.status == "ambiguous", res
    assert {p.name for p in res.alternatives} == {"Old City of Aleppo", "Old City of Damascus"}
    aleppo = gz.resolve("Old City", countries=["SY", "TR"], context=[(36.22, 37.12), (36.25, 37.2)])
    assert aleppo.status == "resolved" and aleppo.place.name == "Old City of Aleppo", aleppo


@pytest.mark.parametrize("name, facility", [
    ("Abu al-Duhur", "Abu al-Duhur Military Airbase"),   # the town, 5 km from its air base
    ("Latakia", "Hmeimim Air Base"),                     # also called Latakia Air Base
    ("Palmyra", "Palmyra Airport"),
])
def test_a_name_without_its_type_word_is_the_towns_not_the_facilitys(gz, name, facility):
    res = gz.resolve(name, countries=["SY", "TR"])
    assert res.status == "resolved", res
    assert res.place.feature_code.startswith("PPL") and res.place.source != "curated"
    # ... with the type word, the facility
    with_word = gz.resolve(f"{name} airport", countries=["SY", "TR"])
    assert with_word.status == "resolved" and with_word.place.name == facility


def test_a_facility_with_no_town_of_its_name_beside_it_keeps_the_name(gz):
    res = gz.resolve("Menagh", countries=["SY", "TR"])
    assert res.status == "resolved" and res.place.name == "Menagh Air Base"


def test_arabic_script_query(gz_sytr):
    res = gz_sytr.resolve("حريتان")
    assert res.status == "resolved" and res.place.geonameid == 169858


@pytest.mark.parametrize("name, truth", [
    ("أبلين", (35.71611, 36.51917)),     # OCHA writes ابلين: alif with hamza is alif
    ("أتارب", (36.1389, 36.8303)),       # OCHA writes الأتارب: with the article or without
])
def test_arabic_script_spelled_another_way_than_the_list_does(gz, name, truth):
    from tests.gazetteer.common import km

    res = gz.resolve(name, countries=["SY"])
    assert res.status == "resolved" and km(res.place, truth) < 5, res


def test_candidates_are_one_per_place_strongest_key_first_then_capped(gz, tmp_path):
    from gazetteer.api import MAX_CANDIDATES
    from gazetteer.importer import EXACT_MAIN, LOOSE

    lines = ["name,lat,lon,country,type"]
    # 3 places only the loose key of "Qasr Testiyeh" matches, then 70 its exact key matches,
    # 0.2 degrees apart (about 22 km): separate places
    lines += [f"Kasr Testiya,{34.0 + 0.2 * i:.1f},38.0,SY,PPL" for i in range(3)]
    lines += [f"Qasr Testiyeh,{30.0 + 0.2 * i:.1f},40.0,SY,PPL" for i in range(70)]
    path = tmp_path / "many.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    gz.import_files([path])

    exact = gz.candidates("Qasr Testiyeh")
    assert len(exact) == MAX_CANDIDATES
    assert [r[9] for r in exact.rows] == [EXACT_MAIN] * MAX_CANDIDATES
    assert [r[1] for r in exact.rows] == [round(30.0 + 0.2 * i, 1) for i in range(MAX_CANDIDATES)]

    loose = gz.candidates("Kasr Testiya")
    kinds = [r[9] for r in loose.rows]
    assert kinds == [EXACT_MAIN] * 3 + [LOOSE] * (MAX_CANDIDATES - 3)
    assert len({(r[1], r[2]) for r in loose.rows}) == MAX_CANDIDATES  # each place once
    assert [r[1] for r in loose.rows[:3]] == [34.0, 34.2, 34.4]


def test_a_french_ending_ieh_finds_the_village_spelled_iyah(gz_sytr):
    # Turaykieh: GeoNames' Turaykiyah, east of Aleppo (the ya of -iyya unwritten)
    res = gz_sytr.resolve("Turaykieh", countries=("SY", "TR"))
    assert res.status == "resolved" and res.match == "loose", res
    assert km(res.place, (36.18285, 37.33397)) < 1


def test_an_arabic_name_written_with_a_long_vowel_more_is_the_place(gz):
    # تل شميران: OCHA's Tal Shamran (تل شمران) by Tell Tamer, its long vowel written
    res = gz.resolve("تل شميران", countries=("SY", "TR"))
    assert res.status == "resolved" and res.match == "loose", res
    assert km(res.place, (36.638694, 40.357426)) < 1
    # a short name is not read so (حلاب is not Aleppo, حلب)
    res = gz.resolve("حلاب", countries=("SY", "TR"))
    assert res.status != "resolved" or res.place.name != "Aleppo", res


def test_an_airport_code_is_no_name_of_its_city(gz):
    # GeoNames lists "DAM" among Damascus's names and "ALP" among Aleppo's: a report's "near
    # the Dam" is no Damascus; Turkish "Şam" still is
    for code in ("Dam", "DAM", "Alp"):
        res = gz.resolve(code, countries=["SY", "TR"])
        assert res.status != "resolved" or res.place.feature_code != "PPLC", (code, res)
        assert res.place is None or res.place.name not in ("Damascus", "Aleppo"), (code, res)
    assert gz.resolve("Şam", countries=["SY", "TR"]).place.name == "Damascus"


def test_of_more_namesakes_than_are_ranked_the_one_among_the_map_is_in_the_running(gz, tmp_path):
    from gazetteer.resolve import TOP_K

    # a dozen villages of one name, of one weight, 0.5 degrees (55 km) apart: ranked alike,
    # ties broken by their order; the map's places lie by the last of them, which the context
    # picks as it picks any namesake among the map's places
    n = TOP_K + 3
    lines = ["name,lat,lon,country,type"]
    lines += [f"Qaryat Testiyeh,{32.5 + 0.5 * i:.1f},38.0,SY,PPL" for i in range(n)]
    path = tmp_path / "namesakes.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    gz.import_files([path])
    last = 32.5 + 0.5 * (n - 1)
    alone = gz.resolve("Qaryat Testiyeh", countries=["SY"])
    assert alone.status == "ambiguous", alone
    context = [(last + 0.03, 38.02), (last - 0.02, 37.97), (last + 0.01, 38.05)]
    res = gz.resolve("Qaryat Testiyeh", countries=["SY"], context=context)
    assert res.status == "resolved" and abs(res.place.lat - last) < 0.01, res
    # and inside the map's view alone
    view = [[last - 0.1, 37.9], [last + 0.1, 38.1]]
    res = gz.resolve("Qaryat Testiyeh", countries=["SY"], view=view)
    assert res.status == "resolved" and abs(res.place.lat - last) < 0.01, res

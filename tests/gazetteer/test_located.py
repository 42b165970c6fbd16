"""Names that say where they lie, as Wikipedia titles villages that share a name ("Al-Burj, al-Bab",
"Suran (Azaz District)"): resolved near the place the location names, in the country it
names, and refused when the only place of the name lies elsewhere (built-in default)."""
from __future__ import annotations

import json

from click.testing import CliRunner

from gazetteer.located import split_location
from mapgen.cli import main
from tests.gazetteer.common import km as _km

AZAZ = (36.5866, 37.0463)      # Wikipedia
HOMS = (34.7308, 36.7094)      # Wikipedia
AL_BAB = (36.3706, 37.5157)    # Wikipedia
QAHTANIYAH = (37.0275, 41.63028)  # Wikipedia, as in benchmarks/data/syria_eval.csv


def test_a_location_is_split_off_and_unit_words_dropped() -> None:
    assert split_location("Al-Burj, al-Bab") == ("Al-Burj", ("al-Bab",))
    assert split_location("Suran (Azaz District)") == ("Suran", ("Azaz",))
    assert split_location("Ayn al-Bayda, Latakia Governorate, Syria") == \
        ("Ayn al-Bayda", ("Latakia", "Syria"))
    assert split_location("Kafr Naya") is None
    assert split_location("Azaz, Marea, Tell Rifaat, Nubl") is None  # a list, not a name


def test_the_location_tells_namesakes_apart(gz) -> None:
    # two subdistrict seats called Suran, 148 km apart: the name alone is in doubt
    assert gz.resolve("Suran", countries=["SY"]).status == "ambiguous"
    north = gz.resolve("Suran (Azaz District)", countries=["SY"])
    south = gz.resolve("Suran, Hama", countries=["SY"])
    assert north.status == south.status == "resolved"
    assert _km(north.place, AZAZ) < 25 and _km(south.place, AZAZ) > 100
    assert north.query == "Suran (Azaz District)" and north.context_km < 25
    # a village near Azaz and one west of Homs share the name Kafra
    assert _km(gz.resolve("Kafra (Azaz)", countries=["SY"]).place, AZAZ) < 25
    assert _km(gz.resolve("Kafra, Homs Governorate", countries=["SY"]).place, HOMS) < 60


def test_a_country_as_location_chooses_the_country(gz) -> None:
    # a Syrian community shares the Egyptian resort's name
    assert gz.resolve("Sharm el-Sheikh", countries=["SY"]).status == "ambiguous"
    res = gz.resolve("Sharm el-Sheikh (Egypt)", countries=["SY"])
    assert res.status == "resolved" and res.place.country == "EG"


def test_a_place_far_from_where_the_location_says_is_refused(gz) -> None:
    assert gz.resolve("Kafr Naya", countries=["SY"]).status == "resolved"
    res = gz.resolve("Kafr Naya, Daraa", countries=["SY"])
    assert res.status == "unresolved" and _km(res.alternatives[0], AZAZ) < 25
    assert gz.resolve("Kafr Naya, Aleppo, Syria", countries=["SY"]).status == "resolved"


def test_resolve_json_answers_located_names(home) -> None:
    out = CliRunner().invoke(main, ["resolve", "Suran (Azaz District)", "Suran, Hama", "--country",
                                    "SY", "--json"])
    assert out.exit_code == 0, out.output
    north, south = [json.loads(line) for line in out.output.splitlines()]
    assert north["query"] == "Suran (Azaz District)" and north["status"] == "resolved"
    assert south["status"] == "resolved" and abs(north["lat"] - south["lat"]) > 1.0


def test_a_country_named_as_the_location_is_kept_to(gz) -> None:
    # Kobani and Ariha are Syrian: "Kobani, Iraq" names no place the gazetteer knows
    for name in ("Kobani, Iraq", "Ariha, Jordan"):
        res = gz.resolve(name, countries=["SY", "TR"])
        assert res.status == "unresolved" and res.alternatives[0].country == "SY", (name, res)


def test_a_country_named_as_the_location_leaves_out_namesakes_elsewhere(gz) -> None:
    # alone, the Syrian village Arak is in doubt with the Iranian city of 500,000, and the
    # Syrian community Sharm El Sheikh with the Egyptian resort; "..., Syria" says which
    for name in ("Arak", "Sharm el-Sheikh"):
        assert gz.resolve(name, countries=["SY", "TR"]).status == "ambiguous", name
        res = gz.resolve(f"{name}, Syria", countries=["SY", "TR"])
        assert res.status == "resolved" and res.place.country == "SY", (name, res)
        assert res.alternatives == ()
    # namesakes in the country named stay in doubt
    res = gz.resolve("Suran, Syria", countries=["SY", "TR"])
    assert res.status == "ambiguous" and {p.country for p in res.alternatives} == {"SY"}


def test_a_province_is_known_by_its_seat_s_records_together(gz_sytr) -> None:
    # GeoNames' al-Hasakah is a town of 81,539, OCHA's record of it the province's seat: the
    # province reaches Al-Qahtaniyah, 92 km off, as a district's seat would not
    res = gz_sytr.resolve("Al-Qahtaniyah, al-Hasakah Governorate", countries=["SY", "TR"])
    assert res.status == "resolved" and _km(res.place, QAHTANIYAH) < 10, res


def test_a_location_never_makes_a_look_alike_the_answer(gz) -> None:
    # "Sinai" only shares its consonants with villages; one of them (San) lies by Idlib
    res = gz.resolve("Sinai, Idlib", countries=["SY", "TR"])
    assert res.status == "ambiguous" and res.place is None, res
    # a place the name spells (al-Burj: OCHA's Borj) near the location is picked
    res = gz.resolve("Al-Burj (al-Bab)", countries=["SY", "TR"])
    assert res.status == "resolved" and _km(res.place, AL_BAB) < 25


def test_a_location_of_unit_words_only_leaves_the_name(gz) -> None:
    assert split_location("Idlib (governorate)") == ("Idlib", ())
    assert split_location("Jarabulus (town)") == ("Jarabulus", ())
    res = gz.resolve("Idlib (governorate)", countries=["SY"])
    assert res.status == "resolved" and res.place.name == gz.resolve("Idlib", countries=["SY"]).place.name


def test_each_namesake_is_written_with_a_town_that_tells_it_from_the_others(gz) -> None:
    from tests.gazetteer.test_trust import GEONAMES

    gz.import_files([GEONAMES])
    doubt = gz.resolve("Az Zahra'", countries=["SY"])
    assert doubt.status == "ambiguous" and len(doubt.alternatives) >= 3
    written = [gz.located_name("Az Zahra'", p, ["SY"]) for p in doubt.alternatives]
    assert sum(w is not None for w in written) >= 3, written
    for place, name in zip(doubt.alternatives, written):
        if name is None:
            continue
        assert name.startswith("Az Zahra', ") and name != "Az Zahra', Az Zahra'"
        one = gz.resolve(name, countries=["SY"])
        assert one.status == "resolved" and _km(one.place, (place.lat, place.lon)) < 5, (name, one)
    # a name only resembling a place is written by the place's own name
    village = gz.resolve("Khatuna", countries=["SY"]).place
    assert village is not None
    written = gz.located_name("Khatuniyah", village, ["SY"])
    assert written is not None and written.startswith(f"{village.name}, "), written


DARAA_AQRABA = (33.10972, 36.00778)      # Wikipedia, "Aqraba, Syria"
ABU_KHASHAB = (35.93583, 40.03667)       # Wikipedia, as in benchmarks/data/syria_eval.csv
AD_DANA = (36.2125, 36.7700)             # the town of Ad Dana, Idlib Governorate


def test_a_province_names_the_namesake_in_it(gz) -> None:
    from gazetteer.provinces import province_at

    # three villages called Aqraba (Aleppo, Rif Dimashq, Daraa): the one in Daraa's province
    # lies 56 km from Daraa, the one in Rif Dimashq 97 km, too close to tell by distance
    assert gz.resolve("Aqraba", countries=["SY"]).status == "ambiguous"
    res = gz.resolve("Aqraba, Daraa", countries=["SY"])
    assert res.status == "resolved" and _km(res.place, DARAA_AQRABA) < 5, res
    assert res.context_km is not None and 40 < res.context_km < 70
    # Abu Khashab of Deir ez-Zor is 70 km from its seat; two namesakes lie in al-Hasakah's
    res = gz.resolve("Abu Khashab, Deir ez-Zor Governorate", countries=["SY", "TR"])
    assert res.status == "resolved" and _km(res.place, ABU_KHASHAB) < 5, res
    # the name alone is the town of Ad Dana; in Aleppo's province it is the village there
    assert _km(gz.resolve("Dana", countries=["SY"]).place, AD_DANA) < 5
    res = gz.resolve("Dana, Aleppo Governorate", countries=["SY"])
    assert res.status == "resolved" and _km(res.place, AD_DANA) > 25, res
    assert province_at(res.place.lat, res.place.lon).code == "SY-HL"
    assert any(_km(p, AD_DANA) < 5 for p in res.alternatives)


def test_namesakes_in_one_province_stay_in_doubt(gz) -> None:
    # two Abu Khashab lie in al-Hasakah's province, 100 km apart, none near its seat
    res = gz.resolve("Abu Khashab, al-Hasakah Governorate", countries=["SY"])
    assert res.status == "ambiguous" and res.place is None, res
    assert all(_km(p, ABU_KHASHAB) > 25 for p in res.alternatives)


def test_a_capital_s_province_is_read_with_the_province_around_it() -> None:
    from gazetteer.provinces import province_at

    tartus = province_at(34.889, 35.887)
    assert tartus is not None and tartus.code == "SY-TA"
    assert tartus.contains(35.125, 35.948)          # Al Bayda by Baniyas
    assert not tartus.contains(35.039, 36.339)      # Al Baydah, in Hama's province
    damascus = province_at(33.5138, 36.2765)
    assert damascus is not None and damascus.code == "SY-DI"
    assert damascus.contains(33.5717, 36.4027)      # Douma, Rif Dimashq: "Douma, Damascus"
    assert not damascus.contains(32.6189, 36.1021)  # Daraa
    assert province_at(40.0, 30.0) is None          # no outline known


def test_an_arabic_comma_and_unit_words_locate_an_arabic_name(gz) -> None:
    assert split_location("عقربا، محافظة درعا") == ("عقربا", ("درعا",))
    assert split_location("عقربا (ريف دمشق)") == ("عقربا", ("دمشق",))
    assert gz.resolve("عقربا", countries=["SY"]).status == "ambiguous"
    res = gz.resolve("عقربا، محافظة درعا", countries=["SY"])
    assert res.status == "resolved" and _km(res.place, DARAA_AQRABA) < 5, res


def test_a_province_of_another_country_than_the_place_s_refuses_it(gz) -> None:
    # Ad Dana lies in Idlib, 20 km from Turkey's province of Hatay: "Dana, Hatay" is no Syrian
    # town (the gazetteer knows no Dana in Hatay), "Dana, Idlib" is
    res = gz.resolve("Dana, Hatay", countries=["SY", "TR"])
    assert res.status == "unresolved" and _km(res.alternatives[0], AD_DANA) < 5, res
    assert _km(gz.resolve("Dana, Idlib", countries=["SY", "TR"]).place, AD_DANA) < 5


def test_a_location_the_place_lies_near_is_read_as_a_point(gz) -> None:
    assert split_location("Suran (north of Hama)") == ("Suran", ("Hama",))
    assert split_location("Tell Rifaat, 10 km north of Azaz") == ("Tell Rifaat", ("Azaz",))
    assert split_location("Kafr Naya (northern Aleppo countryside)") == ("Kafr Naya", ("Aleppo",))
    # two Surans 148 km apart: the location near one tells them apart
    north = gz.resolve("Suran (near Azaz)", countries=["SY"])
    assert north.status == "resolved" and _km(north.place, AZAZ) < 25, north
    south = gz.resolve("Suran, north of Hama", countries=["SY"])
    assert south.status == "resolved" and _km(south.place, AZAZ) > 100, south
    # near a province's seat is not in its province: Ad Dana, in Idlib's, lies west of Aleppo
    res = gz.resolve("Dana, west of Aleppo", countries=["SY", "TR"])
    assert res.status == "resolved" and _km(res.place, AD_DANA) < 5, res
    assert _km(gz.resolve("Dana, Aleppo", countries=["SY", "TR"]).place, AD_DANA) > 25


BAAMRA_MASYAF = (34.95148, 36.34872)   # OCHA C3406, in Masyaf district
BAAMRA_SAFITA = (34.78872, 36.11981)   # OCHA C5486, in Safita district, 33 km south-west


def test_a_location_said_to_be_a_district_is_marked_so() -> None:
    from gazetteer.located import locate

    assert locate("Suran (Azaz District)").districts == {"Azaz"}
    assert locate("Tell Rifaat, منطقة اعزاز").districts == {"اعزاز"}
    # a subdistrict, a province, a town: no district
    for name in ("Kafr Naya (Azaz subdistrict)", "Kafr Naya (Azaz sub-district)",
                 "Dana, Aleppo Governorate", "Al-Burj, al-Bab"):
        assert not locate(name).districts, name


def test_districts_are_known_by_their_seat_or_their_name() -> None:
    from gazetteer.provinces import district_at, district_named

    azaz = district_at(*AZAZ)
    assert azaz is not None and azaz.contains(36.4723, 37.0947)  # Tell Rifaat
    assert not azaz.contains(*AL_BAB) and district_at(*AL_BAB).contains(*AL_BAB)
    # Aleppo's district has a name no town has, written several ways
    saman = district_named("Jebel Saman")
    assert saman is not None and saman == district_named("Jabal Sam'an")
    assert saman.contains(36.2021, 37.1343)  # Aleppo
    assert district_named("Rural Damascus") is not None  # (two records, one district)
    assert district_named("Nowhere") is None


def test_a_district_names_the_namesake_in_it(gz) -> None:
    # two villages called Baamra 33 km apart, in two districts of two provinces: the name alone
    # is in doubt, and Masyaf (12 km from one, 33 km from the other) is no clear pointer as a
    # point; as a district it tells them apart, named or by its seat
    assert gz.resolve("Baamra", countries=["SY", "TR"]).status == "ambiguous"
    for name, truth in (("Baamra, Masyaf District", BAAMRA_MASYAF), ("Baamra (Masyaf)", BAAMRA_MASYAF),
                        ("Baamra, Safita District", BAAMRA_SAFITA)):
        res = gz.resolve(name, countries=["SY", "TR"])
        assert res.status == "resolved" and _km(res.place, truth) < 1, (name, res)
    # a district named by a name no town has: six villages called Aziziyeh, one in Aleppo's
    # district (OCHA C8009, south of the city)
    assert gz.resolve("Aziziyeh", countries=["SY", "TR"]).status == "ambiguous"
    res = gz.resolve("Aziziyeh, Jebel Saman District", countries=["SY", "TR"])
    assert res.status == "resolved" and _km(res.place, (35.94119, 37.03342)) < 1, res


def test_a_district_s_own_name_is_asked_before_a_town_of_it(gz) -> None:
    # "Al Makhrim" alone is Makhrum, a village by al-Hasakah 330 km off: as a district it is
    # al-Mukharram's, east of Homs, and "Nawa" there is OCHA's village, not the town in Daraa
    assert _km(gz.resolve("Nawa", countries=["SY", "TR"]).place, (32.8833, 36.05)) < 5  # Wikipedia
    res = gz.resolve("Nawa, Al Makhrim District", countries=["SY", "TR"])
    assert res.status == "resolved" and _km(res.place, (34.84177, 36.9838)) < 1, res  # OCHA C2928

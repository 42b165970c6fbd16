"""Kurdish spellings of Syrian places: Kurmanji in Latin letters (Hawar) and Kurdish in Arabic
script, read as Arabic romanisations write the names the places are listed under (real rows:
the built-in default and the SY+TR extracts of ``tests/data``; true coordinates from
Wikipedia)."""
from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer.normalize import (border_calque, glued_al_apart, has_kurdish_letters,
                                 is_description, is_surely_kurdish, kurdish_calque,
                                 kurdish_gh_reading, kurdish_readings, skeleton_key,
                                 sorani_latin)
from tests.gazetteer.common import km as _km

JINDIRES = (36.39472, 36.68889)
SHEIKH_MAQSOOD = (36.23611, 37.15167)
HASAKAH = (36.51167, 40.74222)
RAS_AL_AYN = (36.85030, 40.07060)
MANBIJ = (36.52665, 37.95633)


@pytest.mark.parametrize("name, readings", [
    ("Cindirês", ("Jindires",)),                      # c is Arabic ج, romanised j
    ("Cindirêsê", ("Jindirese", "Jindires")),         # oblique -ê read off
    ("Reco", ()),                                     # c alone: Turkish writes it too
    ("Çanacık", ("Chanacık",)),                       # ş, ç: Turkish too, letters only
    ("Şêxmeqsûd", ("Shekhmeqsud",)),
    ("Serêkaniyê", ("Serekaniye", "Serekani")),       # -yê after a vowel
    ("Dêrika Hemko", ("Derika Hemko", "Derik Hemko")),  # linking -a of the first word
    ("Cheikh Maqsoud", ()),                           # c before h: French, not Kurdish
    ("Aleppo", ()),
])
def test_kurdish_letters_are_read_as_romanisations_write_them(name, readings) -> None:
    assert kurdish_readings(name) == readings


def test_kurdish_in_arabic_script_is_read_in_latin_letters() -> None:
    assert sorani_latin("حەسەکە") == "heseke"
    assert sorani_latin("شێخ مەقسوود") == "şêx meqsûd"  # a doubled waw is û
    assert kurdish_readings("شێخ مەقسوود") == ("shekh meqsud",)
    # Arabic (and Persian) spelling has none of Kurdish's own letters: not read
    assert sorani_latin("الحسكة") is None and kurdish_readings("حلب") == ()
    assert not has_kurdish_letters("Reco") and has_kurdish_letters("Cindirês")
    assert is_surely_kurdish("حەسەکە") and is_surely_kurdish("Cindirês")
    assert not is_surely_kurdish("Çanacık") and not is_surely_kurdish("الحسكة")


def test_kurdish_arabic_letters_fold_into_the_skeleton() -> None:
    # the vowels ە, ێ, ۆ are dropped; ڕ and ڵ are r and l
    assert skeleton_key("شێخ مەقسوود") == skeleton_key("الشيخ مقصود") == "shkhmksd"
    assert skeleton_key("ڕەقە") == skeleton_key("رقة") == "rk"
    assert skeleton_key("قەڵا") == skeleton_key("قلعة") == "kl"


@pytest.mark.parametrize("name, truth", [
    ("Cindirês", JINDIRES),          # GeoNames Jindayris, OCHA Jandairis
    ("Cindirêsê", JINDIRES),
    ("شێخ مەقسوود", SHEIKH_MAQSOOD),
    ("حەسەکە", HASAKAH),
])
@pytest.mark.parametrize("countries", [["SY", "TR"], ["SY"]])
def test_kurdish_spellings_resolve_to_the_place(gz_sytr, name, truth, countries) -> None:
    res = gz_sytr.resolve(name, countries=countries)
    assert res.status == "resolved", res
    assert res.place.country == "SY" and _km(res.place, truth) < 5


@pytest.mark.parametrize("name", [
    "Baxoz",      # read Bakhoz or Baghoz: in these extracts al-Baghuz's villages only look alike
    "Tilkoçer",   # al-Yaarubiyah (Tall Kochek), not Tall Qushur, 490 km off
    "تلکۆچەر",
])
def test_a_kurdish_reading_that_finds_only_look_alikes_is_never_far(gz_sytr, name) -> None:
    res = gz_sytr.resolve(name, countries=["SY", "TR"])
    assert res.status == "unresolved", res


def test_a_turkish_name_with_c_is_not_read_the_kurdish_way(gz_sytr, gz) -> None:
    # Turkish writes c for j too: "Hacılar", Turkish villages, read the Kurdish way would be
    # "Hajilar", the name of two Syrian villages. It is not read so (the Syrian villages are
    # only look-alikes), even on a map of Syria alone
    assert any(r[3] == "SY" and r[9] == 0 for r in gz_sytr.candidates("Hajilar", ("SY",)).rows)
    for name in ("Hacılar", "Hacilar"):
        rows = gz_sytr.candidates(name, ("SY",)).rows
        assert all(r[3] == "TR" for r in rows if r[9] <= 2), name  # exact, alternate, loose
        res = gz_sytr.resolve(name, countries=["SY", "TR"])
        assert res.status == "ambiguous", res   # Turkish villages of that name
        assert all(p.country == "TR" for p in res.alternatives)
    # nor when the gazetteer lacks the Turkish villages (built-in default): "Cabbar" is not
    # the Syrian Jaber, nor "Alanca" the Turkish town Alanya
    for name, wrong in (("Cabbar", "Jabbar"), ("Alanca", "Alanya")):
        assert gz.resolve(wrong, countries=["SY", "TR"]).status == "resolved"
        assert gz.resolve(name, countries=["SY", "TR"]).status == "unresolved", name


def test_kurdish_words_of_place_names_are_put_as_arabic_names_put_them() -> None:
    assert kurdish_calque("Girê Spî") == "tall abyad"
    assert kurdish_calque("Serê Kaniyê") == "ras ayn"
    assert kurdish_calque("Efrîn") is None
    assert kurdish_calque("Girê Xurma") == "tall tamr"     # hill of dates: Tell Tamer
    assert kurdish_calque("Derî") == "bab"                 # door, gate: al-Bab
    # in Arabic script, whose Latin reading leaves the short i unwritten (گرێ: "grê")
    assert kurdish_calque("سەرێ کانیێ") == "ras ayn"
    assert kurdish_calque("گرێ خورما") == "tall tamr"
    assert is_description("گرێ ڕەش") and not is_description("گرێ ئاران")
    # a word made of two of them, as the Kurdish name of Ras al-Ayn is written
    assert kurdish_calque("Serêkaniyê") == "ras ayn" and is_description("Serêkaniyê")
    # read loosely, its letters folded, only where a divided town is looked for
    assert kurdish_calque("Serekaniye") is None
    assert border_calque("Serekaniye") == border_calque("Sere Kaniye") == "ras ayn"
    assert border_calque("Serkan") is None and border_calque("Derbesiye") is None
    # (and, as a name of the town across the border only, an article glued on read apart)
    assert glued_al_apart("Raselain") == "ras ain" and glued_al_apart("Aleppo") is None


BORDER_TOWNS = Path(__file__).parent / "data" / "geonames_border_towns_extract.txt"
DARBASIYAH = (37.07279, 40.65199)
CEYLANPINAR = (36.84722, 40.05000)
SENYURT = (37.07886, 40.64408)


@pytest.mark.parametrize("name, truth", [
    ("Serê Kaniyê", RAS_AL_AYN), ("Serêkaniyê", RAS_AL_AYN),  # GeoNames: Ceylanpınar's names
    ("Sere Kaniye", RAS_AL_AYN), ("Serekaniye", RAS_AL_AYN),  # as English texts write them
    ("Derbesiye", DARBASIYAH),                                 # Turkish; Şenyurt's old name
    ("Raselain", RAS_AL_AYN),                                  # its article glued on
])
def test_a_town_the_border_divides_is_the_map_s_side_of_it(gz, name, truth) -> None:
    gz.import_files([BORDER_TOWNS])
    res = gz.resolve(name, countries=["SY", "TR"])
    assert res.status == "resolved" and res.place.country == "SY", (name, res)
    assert _km(res.place, truth) < 2, (name, res)
    # the town across the border is no record of it
    assert all(p.country == "SY" for p in res.same_place), res.same_place


def test_the_town_across_the_border_keeps_its_own_name_and_the_map_of_its_country(gz) -> None:
    gz.import_files([BORDER_TOWNS])
    for name, truth in (("Ceylanpınar", CEYLANPINAR), ("Şenyurt", SENYURT)):
        res = gz.resolve(name, countries=["SY", "TR"])
        assert res.status == "resolved" and _km(res.place, truth) < 1, (name, res)
    # on a map of Turkey first, its own town
    res = gz.resolve("Derbesiye", countries=["TR", "SY"])
    assert res.status == "resolved" and _km(res.place, SENYURT) < 1, res
    # Ras al-Ayn by its own name cites its records, not Ceylanpınar 2 km off
    res = gz.resolve("Ras al-Ain", countries=["SY", "TR"])
    assert res.status == "resolved" and _km(res.place, RAS_AL_AYN) < 2, res
    assert all(s.get("geonameid") != 318668 for s in res.to_json_dict()["sources"]), res


def test_a_translated_town_found_only_as_villages_next_door_is_the_town(gz) -> None:
    # "Derî" is also the name of Turkish villages (Deri, Dari), which a name in Kurdish letters
    # is not by itself; put in Arabic it is Bab, the town of al-Bab
    res = gz.resolve("Derî", countries=["SY", "TR"])
    assert res.status == "resolved" and _km(res.place, (36.3706, 37.5157)) < 5, res


def test_a_translated_name_counts_for_a_town_only(gz) -> None:
    # Serê Kaniyê ("head of the spring") is Ras al-Ayn, the district seat (built-in default,
    # which lists it under no Kurdish name); Girê Reş ("black hill") is no village called
    # Tall Aswad, of which there are several
    for name in ("Serê Kaniyê", "سەرێ کانیێ"):  # in Latin letters and in Arabic script
        res = gz.resolve(name, countries=["SY", "TR"])
        assert res.status == "resolved" and _km(res.place, RAS_AL_AYN) < 5, (name, res)
    assert gz.resolve("Girê Reş", countries=["SY", "TR"]).status == "unresolved"
    assert gz.resolve("گرێ ڕەش", countries=["SY", "TR"]).status == "unresolved"


@pytest.mark.parametrize("name, truth", [
    ("Girê Spî", (36.69750, 38.95667)), ("Girêspî", (36.69750, 38.95667)),  # Tell Abyad
    ("Girê Xurma", (36.66060, 40.37140)),                                   # Tell Tamer
])
def test_a_translated_town_is_found_beside_a_record_that_knows_no_town(gz, name, truth) -> None:
    # the built-in data's Tall Abyad and Tall Tamr, the names the words spell, list no people
    # (no town, for a description); OCHA's records of the towns beside them, district and
    # subdistrict seats, are spelled Tell Abiad and Tell Tamer
    res = gz.resolve(name, countries=["SY", "TR"])
    assert res.status == "resolved" and _km(res.place, truth) < 5, (name, res)


def test_a_turkish_spelling_of_a_far_city_keeps_its_reading(gz) -> None:
    # Şiraz, read with ş as sh, is Shiraz (Iran), a city of millions: nothing at home
    # matches, so a map of Syria means it, as before; only surely Kurdish readings are kept
    # to the map's region
    res = gz.resolve("Şiraz", countries=["SY"])
    assert res.status == "resolved" and res.place.country == "IR"


def test_a_kurdish_name_with_x_finds_the_place_spelled_with_gh(gz) -> None:
    from tests.gazetteer.test_namesakes import ALTERNATES

    # Baxoz: the village Baghuz (and Kasan, also listed as Baghuz: in doubt, as "Baghouz" is)
    gz.import_files([ALTERNATES])
    res = gz.resolve("Baxoz", countries=["SY", "TR"])
    assert res.status == "ambiguous" and "Baghuz" in {p.name for p in res.alternatives}, res


def test_a_kurdish_x_is_read_as_gh_too() -> None:
    # Kurdish writes the sound of Arabic غ (gh) with the letter of خ (kh)
    assert kurdish_gh_reading("Baxoz") == "Baghoz"  # Baghuz
    assert kurdish_gh_reading("Kefêr Sixîrê") == "Kefer Sighire"  # Kafr Saghir
    assert kurdish_gh_reading("Efrîn") is None  # no x
    assert kurdish_gh_reading("خەزال") is None  # Arabic script writes خ and غ apart
    assert is_description("Girê Reş Jêr")  # a qualifier makes no name of a description


def test_a_translated_name_with_a_name_of_its_own_counts_for_villages_too(gz) -> None:
    # Girê Aran: "Aran hill", the village of Tell Aran by as-Safira (no town), which no
    # data lists under its Kurdish name; a description alone (Girê Reş) stays a town's
    assert is_description("Girê Reş") and not is_description("Girê Aran")
    res = gz.resolve("Girê Aran", countries=["SY", "TR"])
    assert res.status == "resolved" and _km(res.place, (36.123, 37.337)) < 5, res


def test_a_name_in_kurdish_arabic_script_finds_the_town_arabic_spells_alike(gz) -> None:
    # مەنبج is Arabic's منبج but for the vowel ە, which Arabic leaves unwritten
    res = gz.resolve("مەنبج", countries=("SY",))
    assert res.status == "resolved" and res.match == "loose", res
    assert _km(res.place, MANBIJ) < 5


RAJO = (36.67556, 36.66389)          # Rajo, a subdistrict seat in Afrin (Wikipedia)
JAWADIYAH = (36.98722, 41.82028)      # Al-Jawadiyah, a subdistrict seat by al-Malikiyah


@pytest.mark.parametrize("name, truth", [("Reco", RAJO), ("Raco", RAJO),
                                         ("Cewadiya", JAWADIYAH),
                                         ("Cevadiye", JAWADIYAH)])   # Turkish v is w too
def test_a_kurdish_name_without_kurdish_letters_reads_c_as_j_for_towns(gz, name, truth) -> None:
    # Kurdish names written without ê, î, û, ş: "Reco" spells nothing anywhere; its c read as
    # j, the Kurdish way, it is Rejo, the seat Raju (Rajo); "Cewadiya" is al-Jawadiyah, not
    # OCHA's Sawadiya, 500 km off, a consonant away
    res = gz.resolve(name, countries=["SY", "TR"])
    assert res.status == "resolved" and _km(res.place, truth) < 5, res
    assert res.match == "loose"

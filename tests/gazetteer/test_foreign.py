"""Syrian places as other languages' romanisations spell them (German, Polish, Dutch, Spanish,
Turkish, French), read as the English-style romanisations of the gazetteer's names write them
(the built-in default; true coordinates from Wikipedia)."""
from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer.normalize import (article_apart, exact_key, foreign_readings, loose_key,
                                 unglued_article)
from tests.gazetteer.common import km

KHAN_SHAYKHUN = (35.4417, 36.6500)
JARABULUS = (36.8175, 38.0114)
JISR_ASH_SHUGHUR = (35.8000, 36.3167)
SHEIKH_NAJJAR = (36.2833, 37.2333)
#: Ras al-Ayn, ad-Darbasiyah and the Turkish towns across the border (GeoNames lines).
BORDER_TOWNS = Path(__file__).parent / "data" / "geonames_border_towns_extract.txt"


@pytest.mark.parametrize("name, reading", [
    ("Chan Schaichun", "khan shaikhun"),        # German: ch is kh, sch sh
    ("Chan Szajchun", "khan shaykhun"),         # Polish: sz is sh, j y
    ("Dżarabulus", "jarabulus"),                # Polish dż is j
    ("Doema", "duma"),                          # Dutch oe is u
    ("Jan Sheijun", "khan sheikhun"),           # Spanish: j is kh
    ("Sinyar", "sinjar"),                       # Spanish: y after a consonant is j
    ("Yisr al Shugur", "jisr al shugur"),       # ... and opening a word, before a vowel
    ("Cisr eş Şuğur", "jisr esh shughur"),      # Turkish: c is j, ş sh, ğ gh
    ("Han Şeyhun", "khan sheykhun"),            # Turkish h writes kh (خ) too
    ("Yacoubiyah", "yakoubiyah"),               # French: c before a, o, u is k
    ("Jisr al-Choughour", "jisr al-shoughour"),  # French ch is sh
    ("Tavila", "tawila"),                       # Turkish v is w (و)
    ("Vaşokani", "washokani"),                  # ... with ş as sh
])
def test_a_foreign_spelling_has_the_english_style_reading(name, reading) -> None:
    assert reading in foreign_readings(name)


def test_a_v_beside_a_letter_turkish_does_not_write_is_no_w() -> None:
    # "Qaval", a Kurdish name GeoNames gives Turkish villages: q is no Turkish letter, and its v
    # is a v
    assert not any("w" in r for r in foreign_readings("Qaval"))


def test_a_turkish_v_is_the_village_the_report_places(gz) -> None:
    # "Tavila" spells nothing; read with v as w, OCHA's Tawilah (by al-Hasakah) and Tawileh (by
    # Tall Tamr), 50 km apart: in doubt alone, the one by Tall Tamr among a report's places there
    assert gz.resolve("Tavila", countries=["SY", "TR"]).status == "ambiguous"
    res = gz.resolve("Tavila", countries=["SY", "TR"],
                     context=[(36.656, 40.371), (36.614, 40.199), (36.708, 40.364)])
    assert res.status == "resolved" and res.match == "loose"
    assert km(res.place, (36.651, 40.271)) < 1


@pytest.mark.parametrize("name, reading", [
    ("CİSR", "Jisr"),
    ("DEİR CEMAL", "Deir Jemal"),
])
def test_a_capital_dotted_i_is_a_letter_of_turkish(name, reading) -> None:
    # "İ" lower-cases to two letters, i and a combining dot
    assert [exact_key(r) for r in foreign_readings(name)] == [exact_key(reading)]


@pytest.mark.parametrize("name", [
    "Cinan",          # no letter of Turkish's own: it may be a Turkish village, not Jinan
    "Yanik",          # y at the start of a short word is y (a Turkish village, not Janik)
    "Al Bajjā‘",      # transliterated the English way (ā): jj is not Polish yy
    "Aleppo", "Homs",
    "Carduus",        # no mark of French spelling: c may be English k (Kardus is a village)
])
def test_names_no_tradition_reads_otherwise_have_no_reading(name) -> None:
    assert foreign_readings(name) == ()


def test_a_name_in_turkish_letters_is_not_read_the_spanish_way() -> None:
    # Yayladağı is a Turkish town: its y is y (its ğ is read as Turkish writes it)
    assert not [r for r in foreign_readings("Yayladağı") if r.startswith("j")]


@pytest.mark.parametrize("name, truth", [
    ("Jan Sheijun", KHAN_SHAYKHUN),
    ("Chan Szajchun", KHAN_SHAYKHUN),
    ("Dżarabulus", JARABULUS),
    ("Cisr eş Şuğur", JISR_ASH_SHUGHUR),
    ("Han Şeyhun", KHAN_SHAYKHUN),
    ("Yisr al Shugur", JISR_ASH_SHUGHUR),     # as the Spanish agency EFE writes it
    ("Yarablus", JARABULUS),
])
def test_foreign_spellings_resolve_to_the_place(gz, name, truth) -> None:
    res = gz.resolve(name, countries=["SY", "TR"])
    assert res.status == "resolved" and km(res.place, truth) < 5
    assert res.match == "loose"  # a reading is never the name as written


def test_a_turkish_looking_name_is_not_read_into_syria(gz) -> None:
    # read the Turkish way, "Cinan" would be Jinan, a Syrian village's name
    assert "SY" in {p.country for p in gz.resolve("Jinan", countries=["SY", "TR"]).alternatives}
    res = gz.resolve("Cinan", countries=["SY", "TR"])
    assert res.status == "unresolved" and res.place is None
    assert not [p for p in res.alternatives if p.country == "SY"]


@pytest.mark.parametrize("name, english", [
    ("Ach-Charqiya", "Ash Sharqiya"),                     # French
    ("Tell ech Choûr", "Tall ash-Shur"),
    ("Dschisr asch-Schughur", "Jisr ash-Shughur"),        # German
])
def test_the_article_as_other_languages_write_it_is_dropped(name, english) -> None:
    assert loose_key(name) == loose_key(english)


def test_a_german_spelling_with_its_article_is_a_loose_match(gz) -> None:
    res = gz.resolve("Dschisr asch-Schughur", countries=["SY", "TR"])
    assert res.status == "resolved" and km(res.place, JISR_ASH_SHUGHUR) < 5
    assert res.match == "loose"


def test_scheich_is_shaykh() -> None:
    assert loose_key("Scheich Maksud") == loose_key("Sheikh Maksud")
    assert loose_key("Schaich Hilal") == loose_key("Shaykh Hilal")


def test_a_german_spelling_of_sheikh_najjar_resolves_to_it(gz) -> None:
    # both German readings at once: Scheich is Shaykh, dsch is j
    res = gz.resolve("Scheich Nadschar", countries=["SY", "TR"])
    assert res.status == "resolved" and km(res.place, SHEIKH_NAJJAR) < 5


YAKUBIYAH = (35.91667, 36.31667)     # Yakubiyah by Jisr ash-Shughur (Wikipedia)


def test_a_french_spelling_resolves_to_the_place_it_reads_not_a_look_alike(gz) -> None:
    # "Yacoubiyah" (the article's French-style spelling) is a consonant from the seat of
    # Ya`rubiyah, 530 km east; read the French way it is Yakubiyah
    for name in ("Yacoubiyah", "Yacoubieh"):
        res = gz.resolve(name, countries=["SY", "TR"])
        assert res.status == "resolved" and km(res.place, YAKUBIYAH) < 5, res
        assert res.match == "loose"


def test_turkish_and_kurdish_c_is_not_read_the_french_way() -> None:
    # Turkish and Kurdish write c for j: "Carıs" (Jarez) is no Karis
    assert not any(r.startswith("kar") for r in foreign_readings("Carıs"))
    assert not any(r.startswith("kin") for r in foreign_readings("Cindirês"))


TELL_ABYAD = (36.69750, 38.95667)    # Tell Abyad (Wikipedia)


def test_a_polish_spelling_is_the_town_it_reads_not_a_look_alike_of_villages(gz) -> None:
    # "Tall Abjad" (the Polish article's) is a letter from the town Tell Abiad and from the
    # village Tal Elabed, 200 km east; read the Polish way (j is y) it is Tall Abyad
    res = gz.resolve("Tall Abjad", countries=["SY"])
    assert res.status == "resolved" and km(res.place, TELL_ABYAD) < 5, res


@pytest.mark.parametrize("name, reading", [
    ("Resulayn", "res ayn"),              # Ras al-Ayn: -ül written onto the word before
    ("Aynul Arap", "ayn arab"),           # Ayn al-Arab: and Turkish p for a final b
    ("Ayn-ül Arap", "ayn arab"),
    ("Babüsselame", "bab selame"),        # Bab as-Salama: -ü and the sun letter doubled
    ("Babülhava", "bab hawa"),            # Turkish v for w
    ("Hanüşşeyhun", "han şeyhun"),
])
def test_the_article_turkish_writes_onto_a_word_is_read_apart(name, reading) -> None:
    assert article_apart(name) == reading
    for word in ("Sultan", "Bulbul", "Tulul", "Suluk"):  # an u and an l, no article
        assert article_apart(word) is None, word


BAB_AL_SALAMEH = (36.6344, 37.0858)      # the crossing north of Azaz (Wikipedia)
KOBANI = (36.8906, 38.3536)


@pytest.mark.parametrize("name, truth", [
    ("Babüsselame", BAB_AL_SALAMEH), ("Aynul Arap", KOBANI), ("Aynularap", KOBANI),
])
def test_a_turkish_spelling_with_its_article_glued_resolves_to_the_place(gz, name,
                                                                          truth) -> None:
    res = gz.resolve(name, countries=["SY", "TR"])
    assert res.status == "resolved" and km(res.place, truth) < 5, (name, res)


def test_the_turkish_name_of_a_town_the_border_divides_is_the_map_s_side(gz) -> None:
    # "Resulayn" is Ras al-Ayn as Turkish writes it, and the old name of Ceylanpınar across
    # the border, which GeoNames lists
    gz.import_files([BORDER_TOWNS])
    res = gz.resolve("Resulayn", countries=["SY", "TR"])
    assert res.status == "resolved" and res.place.country == "SY", res
    assert km(res.place, (36.8503, 40.0706)) < 2, res


@pytest.mark.parametrize("name, truth", [
    ("Almastumah", (35.8744, 36.6311)),     # al-Mastumah, the article glued in small letters
    ("Assafira", (36.0670, 37.3670)),       # as-Safira: the article as its sun letter, doubled
])
def test_an_article_glued_in_small_letters_is_read_apart(gz, name, truth) -> None:
    res = gz.resolve(name, countries=["SY", "TR"])
    assert res.status == "resolved" and km(res.place, truth) < 5


def test_a_name_beginning_as_an_article_does_is_no_article() -> None:
    # (only before a consonant and four letters more, or a sun letter doubled)
    assert [unglued_article(n) for n in ("Aleppo", "Also", "Atman", "Adana")] == [None] * 4
    assert unglued_article("Almastumah") == "Al mastumah"

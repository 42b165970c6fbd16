"""Syrian places written in Cyrillic letters, as Russian and Ukrainian reports write them, read
as the English-style romanisations of the gazetteer's names spell them (the built-in default;
true coordinates from Wikipedia, as in test_foreign.py)."""
from __future__ import annotations

import pytest

from gazetteer.normalize import cyrillic_readings, is_cyrillic
from tests.gazetteer.common import km

ALEPPO = (36.2021, 37.1343)
HRAYTAN = (36.2881, 37.0850)
KHAN_SHAYKHUN = (35.4417, 36.6500)
JARABULUS = (36.8175, 38.0114)
TALL_RIFAAT = (36.4733, 37.0972)
DEIR_EZ_ZOR = (35.3333, 40.1500)
MAARRAT_AL_NUMAN = (35.6433, 36.6736)
KHAN_ESH_SHIH = (33.3833, 36.1167)


@pytest.mark.parametrize("name, readings", [
    ("Тель-Рифаат", ("Tel-Rifaat",)),
    ("Джараблус", ("Jarablus",)),                  # дж is ج, j
    ("Хан-Шейхун", ("Khan-Sheykhun", "Han-Sheyhun",   # х is خ (kh) as often as ح (h) ...
                    "Khan-Sheyhun", "Han-Sheykhun")),   # ... each of them either way
    ("Халяким", ("Khalakim", "Halakim")),          # я after a consonant softens it: a
    ("Тель-Абьяд", ("Tel-Abyad",)),                # ... after a sign it is ya
    ("Ажель", ("Ajel",)),                          # ж, like дж, is j
    ("Ар-Роуда", ("Ar-Rawda",)),                   # оу is aw
    ("Даръа", ("Dar'a",)),                         # ъ is the ‘ayn
    ("Ідліб", ("Idlib",)),                         # Ukrainian і
    ("ШЕЙХ-МАКСУД", ("SHEYKH-MAKSUD", "SHEYH-MAKSUD")),   # capitals stay capitals
    ("Хомс", ("Khoms", "Homs")),
])
def test_a_cyrillic_name_has_its_latin_readings(name, readings) -> None:
    assert cyrillic_readings(name) == readings


def test_names_in_other_letters_have_no_cyrillic_reading() -> None:
    assert cyrillic_readings("Aleppo") == () and cyrillic_readings("حلب") == ()
    assert not is_cyrillic("Hraytan") and is_cyrillic("Хрейтан")


def test_a_letter_of_another_cyrillic_alphabet_is_read_by_its_base_letter() -> None:
    # (no Cyrillic letter is left in a reading: a reading is looked up as a Latin name)
    readings = cyrillic_readings("Ўзбек Ѓ")
    assert readings == ("Uzbek G",) and not any(is_cyrillic(r) for r in readings)


@pytest.mark.parametrize("name, truth", [
    ("Алеппо", ALEPPO),
    ("Хрейтан", HRAYTAN),                 # х read as h: Hraytan, not a Khuraytah
    ("Хан-Шейхун", KHAN_SHAYKHUN),
    ("Джараблус", JARABULUS),
    ("Тель-Рифаат", TALL_RIFAAT),
    ("Дейр-эз-Зор", DEIR_EZ_ZOR),
    ("Мааррат-эн-Нууман", MAARRAT_AL_NUMAN),
])
def test_cyrillic_spellings_resolve_to_the_place(gz, name, truth) -> None:
    res = gz.resolve(name, countries=["SY", "TR"])
    assert res.status == "resolved", (name, res.status, [a.name for a in res.alternatives])
    assert km(res.place, truth) < 5
    assert res.query == name
    # a reading from another alphabet is a loose match, never the name as the data records it
    assert res.match in ("loose", "fuzzy")


def test_each_kh_of_a_name_is_read_either_way(gz) -> None:
    # "Хан-эш-Ших": Khan (خ, kh) ash-Shih (ح, h), spelled so by a reading that mixes the two
    # (each х read alike, only a look-alike answers)
    res = gz.resolve("Хан-эш-Ших", countries=["SY", "TR"])
    assert res.status == "resolved" and res.match == "loose"
    assert km(res.place, KHAN_ESH_SHIH) < 3


def test_a_cyrillic_name_in_doubt_stays_in_doubt(gz) -> None:
    # "Захра" is several villages of Syria (az-Zahra'): in doubt alone, the one by Nubl among
    # a report's places there
    assert gz.resolve("Захра", countries=["SY", "TR"]).status == "ambiguous"
    res = gz.resolve("Захра", countries=["SY", "TR"],
                     context=[(36.3787, 36.9929), (36.3863, 37.0244), (36.2881, 37.0850)])
    assert res.status == "resolved" and km(res.place, (36.3600, 37.0100)) < 3

"""Reports written in Russian (and Ukrainian), with the built-in gazetteer (no imported dumps):
names in Cyrillic letters and their case endings, the words before a name that say it is a
place, people and countries, datelines, dates and incident types."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mapgen.ingest import ingest_file, ingest_text
from mapgen.ingest.cyrillic import case_forms, is_cyrillic
from mapgen.ingest.mentions import BUREAU, CAPITAL, DATELINE_FAR, SPEAKS

DATA = Path(__file__).parent / "data"
REPORT = DATA / "report-ru-aleppo-2016-02-04.txt"
STAMP = "4 февраля 2016 года, 14:30"


def _read(builtin: Any, text: str) -> Any:
    return ingest_text(f"{STAMP}\n\n{text}\n", gazetteer=builtin, countries=("SY", "TR"))


def test_a_russian_report_names_its_places_in_any_case(builtin: Any) -> None:
    result = ingest_file(REPORT, gazetteer=builtin, countries=("SY", "TR"))
    assert [s.text for s in result.stamps] == [STAMP]
    found = {m.text: (m.place.name, m.precision, m.role, m.reason) for m in result.found.mentions}
    # the names as their nominative ("у деревни Майер", "в районе Хрейтана", "под Анданом")
    names = {"Нубль", "Захра", "Майер", "Хрейтан", "Андан", "Баб-эс-Саляма", "Азаз"}
    assert names <= set(found)
    assert found["Хрейтан"][1] == "near"            # "в районе Хрейтана": in its area
    assert found["Андан"][1] == "near"              # "под Анданом": near Andan
    assert found["Азаз"][1] == "near"               # "возле Азаза"
    assert found["Майер"][1] == "exact"             # "у деревни Майер"
    assert found["Захра"][0] in ("Zahraa", "Az Zahra'")   # the town by Nubl (context)
    assert found["АЛЕППО"][3] == DATELINE_FAR        # "АЛЕППО, 4 февраля."
    assert found["Дамаске"][2:] == ("speaker", SPEAKS)    # "заявил в Дамаске"
    assert found["Анкара"][2:] == ("speaker", CAPITAL)    # "Москва и Анкара обменялись ..."
    # a person ("Башара Асада": Assad is a village's name too) and a country are no places
    assert "Башара Асада" in result.found.people
    named = {m.text for m in result.found.mentions} | {m.text for m in result.found.unresolved}
    assert not any(word in name for name in named for word in ("Асад", "Башар", "Сири", "Росси"))
    types = {d["ingest"]["mention"]: d["type"] for d in result.drafts}
    # the draft's place is the gazetteer's name, in the map's script
    assert not any(is_cyrillic(d["place"]) for d in result.drafts)
    assert types["Нубль"] == "territorial change"    # "прорвали блокаду"
    assert types["Майер"] == "clashes"                # "Бои продолжаются"
    assert types["Андан"] == "airstrike"              # "авиация нанесла удары"
    assert types["Баб-эс-Саляма"] == "displacement"   # "жителей бежали"
    assert "Анкара" not in types and "Дамаске" not in types


def test_a_case_ending_is_read_off_the_name() -> None:
    assert case_forms("Азаза")[:2] == ["Азаза", "Азаз"]          # genitive
    assert "Нубль" in case_forms("Нубля")                          # a soft stem: -ь back
    assert "Хрейтань" not in case_forms("Хрейтана")                # a hard one: none
    assert "Хомс" in case_forms("Хомсе") and "Хама" in case_forms("Хамой")
    assert case_forms("Аз") == ["Аз"]                              # no stem of two letters


def test_the_case_a_name_is_in_decides_its_form(builtin: Any) -> None:
    # "Сальму" (accusative) is Salma, not a village abroad spelled "Salmu"; "Асрия"
    # (nominative) is Ithriya, not a village Asri its stem spells; "Ракки" (genitive) is Raqqa
    result = _read(builtin, "Армия наступает на Сальму со стороны деревни Кафр-Дельба в "
                            "провинции Латакия. Колонна вышла из деревни Асрия на дорогу к Ракки.")
    found = {m.text: m.place for m in result.found.mentions}
    assert set(found) >= {"Сальма", "Кафр-Дельба", "Латакия", "Асрия", "Ракка"}
    assert found["Сальма"].country == "SY" and found["Асрия"].country == "SY"


def test_a_name_opening_a_sentence_must_be_a_town(builtin: Any) -> None:
    # every sentence's first word has a capital: a village's name there is no place unless a
    # word of its kind says so; a town's is
    result = _read(builtin, "Майер остаётся под контролем армии. Алеппо обстреливали всю ночь.")
    found = {m.text for m in result.found.mentions}
    assert "Алеппо" in found and "Майер" not in found


def test_a_dash_after_a_name_in_small_letters_is_no_dateline(builtin: Any) -> None:
    # "Ракка — город на севере Сирии" (Raqqa is a city in the north of Syria) tells what Raqqa
    # is; "ХАМА —" in capitals opens a dispatch from Hama
    result = _read(builtin, "Ракка — город на севере Сирии, который боевики удерживали три "
                            "года.\n\nХАМА — Армия отбила атаку у деревни Маан.")
    found = {m.text: m.reason for m in result.found.mentions}
    datelines = (DATELINE_FAR, BUREAU)
    assert found["Ракка"] not in datelines and found["ХАМА"] in datelines


@pytest.mark.parametrize("text, stamp", [
    ("23 октября 2015, 14:43", (2015, 10, 23, 14, 43)),
    ("12 лютого 2016 року", (2016, 2, 12, 0, 0)),        # Ukrainian
    ("4 февраля 2016 г. в 09:15", (2016, 2, 4, 9, 15)),
    ("Опубликовано: 4 февраля 2016, 14:43", (2016, 2, 4, 14, 43)),     # labelled
    ("Опубликованно 29.04.2017 04:07", (2017, 4, 29, 4, 7)),          # (misspelled so)
    ("Опубліковано: 12 лютого 2016 року, 09:15", (2016, 2, 12, 9, 15)),
    ("04.02.2016 14:35 - Обновлено 04.02.2016 15:10", (2016, 2, 4, 14, 35)),   # not the update
])
def test_russian_and_ukrainian_dates_open_an_entry(builtin: Any, text: str, stamp: tuple) -> None:
    result = ingest_text(f"{text}\n\nБои идут у деревни Майер к северу от Алеппо.\n",
                         gazetteer=builtin, countries=("SY", "TR"))
    moment = result.stamps[0].moment
    assert (moment.year, moment.month, moment.day, moment.hour, moment.minute) == stamp


def test_a_sentence_in_cyrillic_is_told_by_its_letters() -> None:
    assert is_cyrillic("Бои у деревни Майер (Mayer)")
    assert not is_cyrillic("Fighting near Mayer (Майер)")


def test_the_first_word_of_an_arabic_name_is_no_place_alone(builtin: Any) -> None:
    # "Кафр Батики" (Kafr Batikh), which the built-in data lacks: no village "Kafr" of it
    result = _read(builtin, "Боевики отступили к деревне Кафр Батики у Саракиба.")
    named = {m.text for m in result.found.mentions} | {m.text for m in result.found.unresolved}
    assert "Кафр" not in named and "Саракиб" in {m.text for m in result.found.mentions}


def test_a_direction_before_a_name_and_a_group_s_name(builtin: Any) -> None:
    # "Восточной Гуте" is Eastern Ghouta (an area: region); "Хайят Тахрир аш-Шам" is a group,
    # and its al-Sham no Damascus
    result = _read(builtin, "Авиация нанесла удары по Восточной Гуте и городу Дума. Боевики "
                            "группировки Хайят Тахрир аш-Шам обстреляли деревню Маан.")
    found = {m.text: (m.place.name, m.precision) for m in result.found.mentions}
    assert found["Восточной Гуте"] == ("Eastern Ghouta", "region")
    assert "Дума" in found and not any("Шам" in name for name in found)


def test_the_golan_heights_in_russian(builtin: Any) -> None:
    # "у Голанских высот": an adjective declined, then "heights" in small letters
    result = _read(builtin, "Бои идут у Голанских высот, к югу от города Кунейтра.")
    found = {m.text: (m.place.name, m.precision) for m in result.found.mentions}
    assert found["Голанских высот"] == ("Golan Heights", "region")

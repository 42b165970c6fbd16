"""Reports written in Turkish, with the built-in gazetteer (no imported dumps): the case endings
Turkish writes onto a name after an apostrophe, the words after a name that place an event near
it, where someone speaks or meets, Turkish words of types and time, and facilities' names."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from mapgen.ingest import ingest_file, ingest_text
from mapgen.ingest import lexicon as lx
from mapgen.ingest.kinds import suggest_type
from gazetteer.normalize import lookup_keys

DATA = Path(__file__).parent / "data"
REPORT = DATA / "report-tr-kilis-2016-02-15.txt"
STAMP = "15 Şubat 2016, 16:40"
#: A paragraph of Turkish news: enough of its words to tell the language.
FILLER = ("Yetkililer, bölgede çatışmaların sürdüğünü ve sivillerin güvenli bölgelere taşınması için "
          "çalışmaların devam ettiğini bildirdi. Bu arada sınır hattındaki güvenlik önlemleri artırıldı.")


def _read(builtin: Any, text: str) -> Any:
    return ingest_text(f"{STAMP}\n\n{text} {FILLER}\n", gazetteer=builtin, countries=("SY", "TR"))


def test_a_report_in_turkish_is_told_by_its_words() -> None:
    words = Counter(w.lower() for w in (REPORT.read_text(encoding="utf-8") + FILLER).split())
    assert "tr" in lx.languages_of(words)
    english = Counter("the rebels said the army shelled the town of azaz and the camps near it".split() * 3)
    assert "tr" not in lx.languages_of(english)


def test_case_endings_are_read_off_the_names(builtin: Any) -> None:
    result = _read(builtin, "Kilis'e roket düştü. Azez'den kaçan aileler Halep'in kuzeyindeki kamplara ulaştı.")
    found = [(m.text, m.place.name, m.precision) for m in result.found.mentions]
    assert found == [("Kilis", "Kilis", "exact"), ("Azez", "I‘zāz", "exact"), ("Halep", "Aleppo", "near")]


def test_case_endings_in_capitals_are_read_off_too(builtin: Any) -> None:
    # a headline's "EL BAB'A" (to al-Bab) is al-Bab, not a look-alike of "El Baba"
    result = _read(builtin, "ÖSO EL BAB'A İLERLİYOR. Muhalifler Azez'den yola çıktı.")
    found = [(m.text, m.place.name) for m in result.found.mentions]
    assert found == [("EL BAB", "Al Bāb"), ("Azez", "I‘zāz")]
    assert not any(m.text.startswith("EL BAB'") for m in result.found.mentions)


def test_an_english_report_keeps_the_apostrophes_of_arabic_names(builtin: Any) -> None:
    result = ingest_text(f"{STAMP}\n\nRebels shelled Mare'a and fighters left al-Ra'i on Monday.\n",
                         gazetteer=builtin, countries=("SY", "TR"))
    assert [m.text for m in result.found.mentions] == ["Mare'a", "al-Ra'i"]


def test_where_someone_speaks_or_meets_is_no_incident(builtin: Any) -> None:
    result = _read(builtin, "Davutoğlu, Ankara'da yaptığı açıklamada yardımların süreceğini söyledi. "
                            "Reyhanlı'daki yetkililer kamplarda yer kalmadığını ifade etti. "
                            "Çavuşoğlu, Münih'te düzenlenen güvenlik konferansında konuştu. "
                            "Münbiç'e yönelik hava saldırısında 7 kişi öldü.")
    roles = {m.text: m.role for m in result.found.mentions}
    # (Munich, far outside the map's countries, is no place of the map at all)
    assert roles == {"Ankara": "speaker", "Reyhanlı": "speaker", "Münbiç": ""}
    assert [(d["place"], d["type"]) for d in result.drafts] == [("Münbiç", "airstrike")]
    meeting = ingest_text(f"{STAMP}\n\nÇavuşoğlu, Münih'te düzenlenen güvenlik konferansında konuştu. "
                          f"Azez'e roket düştü. {FILLER}\n", gazetteer=builtin)
    assert [(m.text, m.role) for m in meeting.found.mentions] == [("Münih", "speaker"), ("Azez", "")]


def test_turkish_words_of_types_and_time(builtin: Any) -> None:
    assert suggest_type("Azez ilçesinde rejim güçleri ile muhalifler arasındaki çatışmalar sürüyor") == "clashes"
    assert suggest_type("Kürt güçleri Menağ Askeri Havaalanı'nı ele geçirdi") == "territorial change"
    assert suggest_type("Öncüpınar'daki sığınmacıların sayısı 50 bini aştı") == "displacement"
    result = _read(builtin, "Kilis'e dün gece iki roket düştü.")
    draft = result.drafts[0]
    assert (draft["place"], draft["type"], draft["date"][:10], draft["ingest"]["when"]) == (
        "Kilis", "shelling", "2016-02-14", "dün gece")
    past = _read(builtin, "Muhalifler Azez'i 2013 yılında ele geçirmişti.")
    assert [(s["name"], s["why"]) for s in past.set_aside] == [("Azez", "an earlier time (2013 yılında)")]


def test_turkish_words_of_a_facility_are_its_type() -> None:
    assert lookup_keys("Menağ Askeri Havaalanı")[1] == lookup_keys("Menag Airbase")[1]
    assert lookup_keys("Öncüpınar Sınır Kapısı")[1] == lookup_keys("Oncupinar Crossing")[1]


def test_a_turkish_report_gives_drafts(builtin: Any) -> None:
    result = ingest_file(REPORT, gazetteer=builtin, countries=("SY", "TR"))
    drafts = {d["place"]: d for d in result.drafts}
    assert {"Azez", "Kilis", "Tel Rıfat", "Menağ Askeri Havaalanı", "Marea"} <= set(drafts)
    assert drafts["Tel Rıfat"]["type"] == "airstrike"
    assert drafts["Öncüpınar Sınır Kapısı"]["geo_precision"] == "near"
    assert "Ankara" not in drafts
    assert all(d["date"].startswith("2016-02-15") for d in drafts.values())


def test_turkish_given_names_are_people(builtin: Any) -> None:
    # the soldiers' names ("Zafer Er": no Zafar village, 90 km south)
    text = ("25 Kasım 2016\n\nEl Bab yakınlarındaki Hazvan köyünde 3 asker şehit oldu. Şehit olan "
            "askerlerin isimlerinin Erdal Bolat, Melih Özcan ve Zafer Er olduğu açıklandı.\n")
    result = ingest_text(text, gazetteer=builtin, countries=("SY", "TR"))
    assert [m.text for m in result.found.mentions] == ["El Bab", "Hazvan"]
    assert not result.unresolved

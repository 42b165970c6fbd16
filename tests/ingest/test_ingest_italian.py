"""Reports written in Italian, with the built-in gazetteer (no imported dumps): told by their
words; nearness, provinces, meetings and types in Italian (date lines with "ore" and "alle":
test_ingest_articles.py)."""
from __future__ import annotations

from collections import Counter
from typing import Any

from mapgen.ingest import ingest_text
from mapgen.ingest import lexicon as lx
from mapgen.ingest.kinds import suggest_type

#: Our own short report in Italian, of the facts of 12 February 2016.
REPORT = """Siria: l'esercito avanza verso Azaz, migliaia di sfollati al confine

12 febbraio 2016, ore 18:32

BEIRUT - Le forze governative siriane, sostenute dai raid aerei russi, hanno preso il controllo \
del villaggio di Kafr Naya, secondo l'Osservatorio siriano per i diritti umani. Nei pressi di Tall \
Rifaat sono proseguiti violenti scontri con i ribelli. Decine di migliaia di profughi sono \
ammassati al valico di Bab al-Salama, vicino alla città turca di Kilis. Il ministro degli Esteri \
turco ha detto a Monaco che Ankara non aprirà la frontiera. Intanto i colloqui di Ginevra restano \
sospesi. Nella provincia di Idlib un raid ha colpito l'ospedale di Maarat al-Numan.
"""


def test_a_report_in_italian_is_told_by_its_words() -> None:
    assert "it" in lx.languages_of(Counter(w.lower() for w in REPORT.split()))
    spanish = Counter("los rebeldes dijeron que el ejército bombardeó la ciudad de azaz y los campos".split() * 3)
    assert "it" not in lx.languages_of(spanish)


def test_places_nearness_provinces_and_meetings_in_italian(builtin: Any) -> None:
    result = ingest_text(REPORT, gazetteer=builtin, countries=("SY", "TR"))
    found = {m.text: (m.precision, m.role) for m in result.found.mentions}
    assert found["Kafr Naya"] == ("exact", "")
    assert found["Tall Rifaat"] == ("near", "")          # "nei pressi di"
    assert found["Idlib"] == ("region", "")              # "nella provincia di"
    assert found["Maarat al-Numan"] == ("exact", "")
    assert found["Ankara"][1] == "speaker"
    types = {d["place"]: d["type"] for d in result.drafts}
    assert types["Kafr Naya"] == "territorial change" and types["Tall Rifaat"] == "clashes"
    # the crossing is placed; Kilis, "vicino alla città turca di Kilis", only says where it is
    assert "Bab al-Salama" in types and "Kilis" not in types
    assert suggest_type("Raid aerei sulla cittadina: dieci civili uccisi") == "airstrike"


def test_words_of_italian_before_and_inside_names(builtin: Any) -> None:
    text = ("12 febbraio 2016, ore 18:32\n\nIl ministero della Difesa di Ankara ha reso noto che i "
            "jihadisti si sono ritirati dal villaggio di Al Sukhna, a Nord-Est di Palmira. A comandare "
            "l'offensiva c'è il generale arabo Abu Kamal, insieme ai curdi di Tel Tamr. Le forze "
            "governative hanno preso il controllo della cittadina, secondo l'Osservatorio.\n")
    result = ingest_text(text, gazetteer=builtin, countries=("SY", "TR"))
    found = {m.text: m.role for m in result.found.mentions}
    # the capital after a ministry of it is its government; "Al" is the name's article here,
    # not Italian "al"; a general's name is no town (Abu Kamal is one)
    assert found.get("Ankara") == "speaker"
    assert "Al Sukhna" in found and "Sukhna" not in found
    assert "Abu Kamal" not in found and "Palmira" in found
    assert not any(u.text.startswith("Nord") for u in result.found.unresolved)
    # a word for a kind of place alone is none ("Tel" of a name not found)
    one = ingest_text("12 febbraio 2016\n\nSono stati colpiti Tel Khareta e Tel Tamr, secondo gli "
                      "attivisti, che hanno anche detto della fuga dei civili verso la città.\n",
                      gazetteer=builtin, countries=("SY", "TR"))
    assert "Tel" not in {m.text for m in one.found.mentions}

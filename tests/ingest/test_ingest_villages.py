"""A name the text calls a village is no city 400 km off the report's front
(mapgen/ingest/villages.py), on the built-in gazetteer, whose only Suwayda is the city of
as-Suwayda in the south."""
from __future__ import annotations

from typing import Any

import pytest

from mapgen.ingest import ingest_text
from mapgen.ingest.mentions import Mention
from mapgen.ingest.sentences import Sentence
from mapgen.ingest.villages import called_a_village

#: A report of the fighting west of Jarablus, in English and in Turkish; {x} names Suwayda.
ENGLISH = ("Aug 28, 2016\n\nRebels took Tuwayran and al-Waqf near al-Rai, and the line between "
           "Azaz and Marea was joined. West of Jarablus, they also seized {x}.\n")
TURKISH = ("28 Ağustos 2016\n\nÖSO, Çobanbey ve El Bab arasındaki köyleri IŞİD'den aldı; Azez ile "
           "Mare arasındaki hat da birleşti. Cerablus'un batısında ise {x} ele geçirildi.\n")


def _read(builtin: Any, text: str) -> Any:
    return ingest_text(text, gazetteer=builtin, countries=("SY", "TR"))


def _placed(result: Any) -> dict[str, float]:
    return {m.text: round(m.place.lat, 2) for m in result.found.mentions}


@pytest.mark.parametrize("text, name", [
    (ENGLISH.format(x="the villages of Ghanima and Suwayda"), "Suwayda"),
    (ENGLISH.format(x="the village of Suwayda"), "Suwayda"),
    (ENGLISH.format(x="Suwayda village"), "Suwayda"),
    (ENGLISH.format(x="Ghanima and Suwayda villages"), "Suwayda"),
    (TURKISH.format(x="Ganime ve Süveyda köylerini"), "Süveyda"),
    (TURKISH.format(x="Süveyda köyünü"), "Süveyda"),
])
def test_a_village_read_as_a_city_far_from_the_reports_places_is_left_in_doubt(
        builtin: Any, text: str, name: str) -> None:
    result = _read(builtin, text)
    placed = _placed(result)
    assert name not in placed
    assert placed["Azaz" if "Azaz" in text else "Azez"] == 36.59   # (the report's front)
    assert name not in {d["place"] for d in result.drafts}
    doubt = next(u for u in result.unresolved if u["name"] == name)
    assert any("As-Suwayda (SY, 32.70" in c for c in doubt["candidates"])   # (listed for the editor)


@pytest.mark.parametrize("text, name", [
    (ENGLISH.format(x="Suwayda"), "Suwayda"),                   # no word of its kind
    (ENGLISH.format(x="the Suwayda villages"), "Suwayda"),      # the villages of a town
    (TURKISH.format(x="Süveyda köylerini"), "Süveyda"),         # the same, in Turkish
    (TURKISH.format(x="Süveyda kentini"), "Süveyda"),           # "the city of Süveyda"
])
def test_a_city_not_called_a_village_stands_however_far(builtin: Any, text: str, name: str) -> None:
    assert _placed(_read(builtin, text))[name] == 32.71


@pytest.mark.parametrize("sentence, name, called", [
    ("Ils ont libéré plusieurs villages tels que El Hicêfat, El Malîha et Reqeb.", "Malîha", True),
    ("Rebels took villages such as Kafr Naya, Tal Rifaat and Deir Jamal.", "Deir Jamal", True),
    ("Rebels took the villages of Kafr Naya and Tal Rifaat.", "Tal Rifaat", True),
    ("Rebels shelled Tal Rifaat and the Afrin villages.", "Afrin", False),
    ("Rebels shelled Tal Rifaat and El Malîha.", "Malîha", False),
])
def test_names_called_villages(sentence: str, name: str, called: bool) -> None:
    # (a French report of the villages north of Deir ez-Zor: "El Malîha", its article apart, is
    # no seat of al-Mulayhah by Damascus, 400 km from its other places)
    mention = Mention(name, Sentence(0, 0, sentence), sentence.index(name), "resolved")
    assert called_a_village(mention) is called

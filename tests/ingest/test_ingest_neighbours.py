"""A name the text places beside another ("the village of X, on the outskirts of B"): the
namesake beside B, or in doubt when the gazetteer has none there (mapgen/ingest/neighbours.py),
on the built-in gazetteer (OCHA's communities: three villages called Zarzur, one called
Mushayrifa)."""
from __future__ import annotations

from typing import Any

from mapgen.ingest import ingest_text

#: A report of the fighting by the Tishrin Dam and by Tal Tamr, 200 km apart: Mushayrifa is
#: named beside Abu Rasin (by Tal Tamr), and OCHA's only Mushayrifa lies by Hama.
MUSHAYRIFA = ("Jan 3, 2025\n\nTurkish drones struck the Tishrin Dam, and factions shelled Qabab "
              "Abu Qalqal south of Manbij. Factions also shelled the villages around Tal Tamr and "
              "the village of Mushayrifa{cue}Abu Rasin.\n")


def _read(builtin: Any, text: str) -> Any:
    return ingest_text(text, gazetteer=builtin, countries=("SY", "TR"))


def _placed(result: Any) -> dict[str, tuple[float, float]]:
    return {m.text: (round(m.place.lat, 2), round(m.place.lon, 2)) for m in result.found.mentions}


def test_a_village_far_from_the_place_the_text_puts_it_near_is_left_in_doubt(builtin: Any) -> None:
    for cue in (", on the outskirts of ", " near ", ", a village north of "):
        result = _read(builtin, MUSHAYRIFA.format(cue=cue))
        assert "Mushayrifa" not in _placed(result), cue
        assert "Mushayrifa" not in {d["place"] for d in result.drafts}
        doubt = next(u for u in result.unresolved if u["name"] == "Mushayrifa")
        assert any("Mushayrifa (SY, 35.44" in c for c in doubt["candidates"])   # (listed, not drafted)
        assert _placed(result)["Abu Rasin"] == (36.85, 40.33)


def test_without_such_words_the_report_places_the_village(builtin: Any) -> None:
    # "Mushayrifa and Abu Rasin": two places, neither said to lie by the other
    result = _read(builtin, MUSHAYRIFA.format(cue=" and "))
    assert _placed(result)["Mushayrifa"] == (35.45, 37.35)


#: A report of Palmyra naming two areas east of it, as Spanish agencies wrote it: OCHA's
#: al-Amiriyah lies by Palmyra, its only Basatin 180 km west, by Tall Kalakh.
PALMYRA = ("21 de mayo de 2015\n\nEl grupo Estado Islámico tomó el control de Palmira, en el este "
           "de la provincia de Homs. Aviones de guerra bombardearon {areas}Al Ameriya y Basatín, en "
           "el este de la ciudad.\n")


def test_of_two_areas_named_together_one_far_from_the_other_is_left_in_doubt(builtin: Any) -> None:
    for areas in ("las áreas de ", "los barrios de "):
        result = _read(builtin, PALMYRA.format(areas=areas))
        placed = _placed(result)
        assert placed["Al Ameriya"] == (34.59, 38.29), areas
        assert "Basatín" not in placed, areas
        doubt = next(u for u in result.unresolved if u["name"] == "Basatín")
        assert any("Basatin (SY, 34.83" in c for c in doubt["candidates"])


def test_two_places_named_together_without_such_words_are_as_found(builtin: Any) -> None:
    result = _read(builtin, PALMYRA.format(areas=""))
    assert _placed(result)["Basatín"] == (34.83, 36.21)


def test_of_namesakes_the_one_beside_the_place_named_is_meant(builtin: Any) -> None:
    # OCHA's three villages called Zarzur lie by Jisr al-Shughur, by Hama and by al-Bab: a report
    # of Darkush and Jisr al-Shughur means the first, unless it says the village lies near al-Bab
    text = "Jan 3, 2025\n\nClashes broke out in Darkush and Jisr al-Shughur. Jets struck the village of Zarzur{}.\n"
    assert _placed(_read(builtin, text.format("")))["Zarzur"] == (35.95, 36.34)
    for cue in (", near al-Bab", ", a village east of al-Bab", ", perto de al-Bab"):
        result = _read(builtin, text.format(cue))
        assert _placed(result)["Zarzur"] == (36.41, 37.62), cue
        assert "Zarzur" in {d["place"] for d in result.drafts}

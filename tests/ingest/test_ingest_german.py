"""Reports written in German (which capitalises every noun), and what a report says of where a
place lies, with the built-in gazetteer (no imported dumps): German nouns are no places, words
of types, nearness and meetings (German date lines: test_ingest_articles.py); the province a
report names beside a place; two places a hyphen joins into a road's or a front line's name;
common words of French and Turkish names that are no places."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from mapgen.ingest import ingest_file, ingest_text
from mapgen.ingest import lexicon as lx
from mapgen.ingest.kinds import suggest_type
from mapgen.ingest.mentions import ROUTE
from gazetteer.normalize import foreign_readings

DATA = Path(__file__).parent / "data"
REPORT = DATA / "report-de-menagh-2016-02-11.txt"
STAMP = "11. Februar 2016, 09:15 Uhr"
#: A paragraph of German news: enough of its words to tell the language.
FILLER = ("Die Lage in der Region ist nach Angaben der Helfer weiter sehr angespannt, und viele "
          "Familien sind auf der Suche nach einer Unterkunft, die ihnen Schutz bietet.")


def _read(builtin: Any, text: str) -> Any:
    return ingest_text(f"{STAMP}\n\n{text} {FILLER}\n", gazetteer=builtin, countries=("SY", "TR"))


def test_a_report_in_german_is_told_by_its_words() -> None:
    words = Counter(w.lower() for w in (REPORT.read_text(encoding="utf-8") + FILLER).split())
    assert "de" in lx.languages_of(words)
    english = Counter("the rebels said the army shelled the town of azaz and the camps near it".split() * 3)
    assert "de" not in lx.languages_of(english)


def test_german_nouns_are_no_places(builtin: Any) -> None:
    result = ingest_file(REPORT, gazetteer=builtin, countries=("SY", "TR"))
    assert [s.text for s in result.stamps] == [STAMP]
    found = {m.text: (m.role, m.precision) for m in result.found.mentions}
    # the settlement words before the names are read apart ("die Kleinstadt", "der Orte")
    assert {"Menagh", "Hraytan", "Nubl", "Bab al-Salama", "Kilis"} <= set(found)
    assert found["Aleppo"] == ("", "near")          # "nördlich von Aleppo"
    assert found["Ankara"][0] == "speaker"           # "bei einem Besuch in Ankara"
    nouns = {"Regierungstruppen", "Rettungskräften", "Kampfjets", "Volksverteidigungseinheiten",
             "Zivilisten", "Armee", "Kämpfer", "Gouverneurs", "Flüchtlinge", "Europa", "Nacht"}
    named = {m.text for m in result.found.mentions} | {m.text for m in result.found.unresolved}
    assert not any(noun in name for name in named for noun in nouns)
    types = {d["place"]: d["type"] for d in result.drafts}
    assert types["Hraytan"] == "airstrike" and types["Menagh"] == "territorial change"
    assert "Ankara" not in types


def test_german_settlement_and_province_words_before_a_name(builtin: Any) -> None:
    result = _read(builtin, "Bei Luftangriffen auf die Kleinstadt Maarat al-Numan in der Provinz Idlib "
                            "wurden zwölf Menschen getötet. Regierungstruppen nahmen das Dorf Kafr "
                            "Nabuda ein. Ein Konvoi wurde nahe der Stadt Chan Scheichun getroffen. "
                            "Rund um die Ortschaft Tall Rifaat kam es zu Gefechten.")
    found = [(m.text, m.precision) for m in result.found.mentions]
    assert found == [("Maarat al-Numan", "exact"), ("Idlib", "region"), ("Kafr Nabuda", "exact"),
                     ("Chan Scheichun", "near"), ("Tall Rifaat", "near")]
    assert suggest_type("Bei Luftangriffen auf die Stadt wurden zwölf Menschen getötet.") == "airstrike"
    assert suggest_type("Regierungstruppen haben das Dorf eingenommen.") == "territorial change"


def test_german_s_before_a_vowel_is_read_as_z(builtin: Any) -> None:
    assert foreign_readings("Sahraa") == ("zahraa",)
    assert foreign_readings("Asas") == ("azaz",)
    assert not any("z" in r for r in foreign_readings("Çasas"))   # a Turkish letter: s is s
    answer = builtin.resolve("Sabadani", countries=("SY",))
    assert answer.status == "resolved" and answer.place.name == "Az Zabadānī"


def test_the_province_a_report_names_beside_a_place_picks_its_namesake(builtin: Any) -> None:
    spanish = ingest_text("30 de septiembre de 2012\n\nCuatro civiles murieron por el bombardeo de la "
                          "localidad de Maskana en la provincia de Alepo, según el Observatorio. Los "
                          "combates siguieron en los barrios de la ciudad y en las afueras de la capital.\n",
                          gazetteer=builtin, countries=("SY", "TR"))
    maskana = next(m for m in spanish.found.mentions if m.text == "Maskana")
    assert maskana.status == "resolved" and maskana.place.lat > 35.5   # Aleppo's, not Homs's
    turkish = ingest_text("16 Ekim 2016\n\nÖSO güçleri, Halep ilinin Soran beldesi ve Dabık köyünü ele "
                          "geçirdi. Bölgede çatışmalar sürüyor ve siviller güvenli bölgelere taşınıyor, "
                          "yetkililer bu konuda açıklama yaptı.\n", gazetteer=builtin, countries=("SY", "TR"))
    soran = next(m for m in turkish.found.mentions if m.text == "Soran")
    assert soran.place is not None and soran.place.lat > 36.0   # by Dabiq, not Hama's Souran
    assert builtin.resolve("Soran", countries=("SY", "TR")).place.lat < 35.5


def test_two_places_a_hyphen_joins_name_a_road_or_a_line(builtin: Any) -> None:
    result = ingest_text("BEIRUT, Feb 10, 2016 (AFP) - Rebels cut the Aleppo-Damascus highway near "
                         "Khan Tuman on Wednesday.\n", gazetteer=builtin, countries=("SY", "TR"))
    roles = {m.text: (m.role, m.reason) for m in result.found.mentions}
    assert roles["Aleppo"] == ("route", ROUTE) and roles["Damascus"] == ("route", ROUTE)
    assert [d["place"] for d in result.drafts] == ["Khan Tuman"]
    assert {a["name"] for a in result.set_aside} >= {"Aleppo", "Damascus"}
    # a name of its own written with a hyphen is one place
    one = ingest_text("BEIRUT, Feb 10, 2016 (AFP) - Tal-Rifaat was shelled on Wednesday.\n",
                      gazetteer=builtin, countries=("SY", "TR"))
    assert [(m.text, m.role) for m in one.found.mentions if m.text != "BEIRUT"] == [("Tal-Rifaat", "")]


class _Asked:
    """The built-in gazetteer, noting every name it is asked (the test's data lacks the
    villages these words resemble: Humah, ad-Daliyah)."""

    def __init__(self, gazetteer: Any) -> None:
        self.gazetteer, self.names = gazetteer, set()

    def resolve(self, name: str, **kwargs: Any) -> Any:
        self.names.add(name)
        return self.gazetteer.resolve(name, **kwargs)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.gazetteer, attr)


def test_common_words_of_french_and_turkish_names_are_never_looked_up(builtin: Any) -> None:
    asked = _Asked(builtin)
    ingest_text("Lundi 8 février 2016\n\nLes frappes ont tué quatre civils à Anadan, a affirmé de son "
                "côté le directeur de l'Observatoire syrien des droits de l'Homme (OSDH), Rami Abdel "
                "Rahmane. Les combats continuent dans la province, selon des habitants qui ont fui les "
                "villages et qui sont arrivés à la frontière pendant la nuit.\n", gazetteer=asked, countries=("SY", "TR"))
    assert "Anadan" in asked.names and not any("Homme" in name for name in asked.names)
    asked.names.clear()
    ingest_text("04 Mart 2018 15:38\n\nTürk Silahlı Kuvvetleri'nin sürdürdüğü 'Zeytin Dalı Harekâtı' "
                "kapsamında Bülbül ele geçirildi. Bölgede çatışmalar sürüyor ve siviller güvenli "
                "bölgelere taşınıyor, yetkililer bu konuda açıklama yaptı.\n", gazetteer=asked,
                countries=("SY", "TR"))
    assert "Bülbül" in asked.names and not any("Dalı" in name for name in asked.names)


def test_common_german_words_are_not_names_in_doubt(builtin: Any) -> None:
    result = _read(builtin, "Bei Gefechten nahe Azaz starben nach Angaben aus Kreisen der Rebellen zwölf "
                            "Kämpfer. Nach der Einnahme von Tall Rifaat trat eine Feuerpause in Kraft.")
    assert [m.text for m in result.found.mentions] == ["Azaz", "Tall Rifaat"]
    assert result.found.unresolved == []
    assert lx.is_common_word("Karte", ("de",)) and not lx.is_common_word("Saraqib", ("de",))
    assert lx.is_german_compound("Pilgerzentrum") and not lx.is_german_compound("Sayyida")


def test_a_german_noun_before_a_name_is_read_apart(builtin: Any) -> None:
    # "Flecken" (a small town) and "Pilgerzentrum" are words of the language, not of the names
    result = _read(builtin, "Die Armee hat den strategischen Flecken Tall Rifaat überrannt, und im "
                            "Pilgerzentrum Scheich Maqsud blieb es ruhig.")
    assert [m.text for m in result.found.mentions] == ["Tall Rifaat", "Scheich Maqsud"]


def test_a_family_name_alone_is_a_person(builtin: Any) -> None:
    # Assad is also the name of a village by Manbij
    assert builtin.resolve("Assad", countries=("SY", "TR")).status == "resolved"
    result = ingest_text("Feb 8, 2016\n\nForces loyal to Assad shelled Duma. Erdogan said Turkey would "
                         "not open the gate.\n", gazetteer=builtin, countries=("SY", "TR"))
    assert [m.text for m in result.found.mentions] == ["Duma"]


def test_a_month_written_short_before_a_name_without_a_number_opens_the_name(builtin: Any) -> None:
    # Spanish agencies write Khan (خان) as "Jan": "Jan Sheijun" is Khan Shaykhun, not January
    text = ("8 de febrero de 2016\n\nLos bombardeos causaron la muerte de 9 personas en la "
            "localidad de Jan Sheijun y 3 en Maarat al Numan, según el Observatorio.\n")
    result = ingest_text(text, gazetteer=builtin, countries=("SY", "TR"))
    placed = {m.text: m.place for m in result.found.mentions}
    assert placed["Jan Sheijun"].name == "Khān Shaykhūn"
    # beside a number it is the month
    dated = ingest_text("Jan 3, 2016\n\nShelling hit Azaz on Jan 2.\n", gazetteer=builtin,
                        countries=("SY", "TR"))
    assert [m.text for m in dated.found.mentions] == ["Azaz"]


def test_a_family_name_with_its_article_apart_is_a_person(builtin: Any) -> None:
    # Spanish agencies write "Al Asad", which the gazetteer reads as the village of Assad
    assert builtin.resolve("Al Asad", countries=("SY", "TR")).status == "resolved"
    text = ("8 de febrero de 2016\n\nLos civiles abandonaron el este de Alepo hacia las zonas "
            "dominadas por las fuerzas de Al Asad, según el Observatorio.\n")
    result = ingest_text(text, gazetteer=builtin, countries=("SY", "TR"))
    assert [m.text for m in result.found.mentions] == ["Alepo"]
    assert "Al Asad" not in {u["name"] for u in result.unresolved}


def test_a_word_of_a_romance_language_within_a_sentence_is_a_name(builtin: Any) -> None:
    # "marea" is Spanish for tide; within a sentence, capitalised, it is the town of Mare'
    text = ("8 de febrero de 2016\n\nLas fuerzas del gobierno avanzaron hacia Marea y Azaz, según el "
            "Observatorio, y los rebeldes dijeron que los combates continuaban en la zona, donde "
            "también hay miles de desplazados.\n")
    assert lx.is_common_word("Marea", ("es",))
    result = ingest_text(text, gazetteer=builtin, countries=("SY", "TR"))
    assert [m.text for m in result.found.mentions] == ["Marea", "Azaz"]


def test_mal_of_zum_ersten_mal_is_no_village(builtin: Any) -> None:
    # "Zum ersten Mal seit zehn Tagen" (for the first time in ten days): no village of Mal
    result = _read(builtin, "Zum ersten Mal seit zehn Tagen griffen Kampfjets das Gebiet um Duma an.")
    assert [m.text for m in result.found.mentions] == ["Duma"]

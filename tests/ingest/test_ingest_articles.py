"""News articles and reports in other languages, with the built-in gazetteer (no imported dumps):
datelines and bylines, common words, speakers' whereabouts, "near", and merging into a project
(deleted drafts stay deleted, the editor's comments stay)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml
from click.testing import CliRunner

from mapgen.cli import main
from mapgen.errors import InputError
from mapgen.ingest import ingest_file, ingest_text, merge_into_project
from mapgen.ingest.drafts import RECORD_FILE
from mapgen.ingest.entries import DATELINE, MissingYear, parse_stamp, split_entries
from tests.conftest import write_project

DATA = Path(__file__).parent / "data"
ARTICLE = DATA / "report-en-dateline-2016-02-07.txt"
PORTUGUESE = DATA / "report-pt-fronteira-2016-02-07.txt"
FRENCH = DATA / "report-fr-alep-2016-02-08.txt"
UTC = ZoneInfo("UTC")
GMT = dt.timezone.utc
MAP = "title: Ingest test\ntimezone: UTC\ncountries: [SY, TR]\n"
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")


@pytest.mark.parametrize("line, stamp_text, moment, precision", [
    ("February 7th, 2016 - 11:57 GMT", "February 7th, 2016 - 11:57 GMT", dt.datetime(2016, 2, 7, 11, 57, tzinfo=GMT), "exact"),
    ("Sunday, Feb. 7, 2016", "Sunday, Feb. 7, 2016", dt.datetime(2016, 2, 7, tzinfo=UTC), "day"),
    ("Feb. 8, 2016", "Feb. 8, 2016", dt.datetime(2016, 2, 8, tzinfo=UTC), "day"),
    ("7 de fevereiro de 2016", "7 de fevereiro de 2016", dt.datetime(2016, 2, 7, tzinfo=UTC), "day"),
    ("8 février 2016", "8 février 2016", dt.datetime(2016, 2, 8, tzinfo=UTC), "day"),
    ("Publié le lundi 8 février 2016 à 14h32", "lundi 8 février 2016 à 14h32",
     dt.datetime(2016, 2, 8, 14, 32, tzinfo=UTC), "exact"),
    ("Atualização: 8 de fevereiro de 2016, 09h30", "8 de fevereiro de 2016, 09h30",
     dt.datetime(2016, 2, 8, 9, 30, tzinfo=UTC), "exact"),
    ("domingo, 7 de febrero de 2016 - 11:57", "domingo, 7 de febrero de 2016 - 11:57",
     dt.datetime(2016, 2, 7, 11, 57, tzinfo=UTC), "exact"),
    ("By Daniel Hart | Sunday, Feb. 7, 2016", "Sunday, Feb. 7, 2016", dt.datetime(2016, 2, 7, tzinfo=UTC), "day"),
    ("By Daniel Hart, February 7, 2016", "February 7, 2016", dt.datetime(2016, 2, 7, tzinfo=UTC), "day"),
    ("Updated 11:57 GMT, 7 February 2016", "11:57 GMT, 7 February 2016",
     dt.datetime(2016, 2, 7, 11, 57, tzinfo=GMT), "exact"),
    ("Feb 7, 2016 13:57 GMT+2", "Feb 7, 2016 13:57 GMT+2", dt.datetime(2016, 2, 7, 11, 57, tzinfo=GMT), "exact"),
    # a byline that ends as a sentence does, and a date written year first with slashes
    ("Publicado em 6 de agosto de 2013 às 07h57.", "6 de agosto de 2013 às 07h57",
     dt.datetime(2013, 8, 6, 7, 57, tzinfo=UTC), "exact"),
    ("Date: 2016/02/11", "2016/02/11", dt.datetime(2016, 2, 11, tzinfo=UTC), "day"),
    # a date and the outlet or author after a dash
    ("2019-08-20 00:00:00 - From: Baghdad Post", "2019-08-20 00:00:00",
     dt.datetime(2019, 8, 20, tzinfo=UTC), "exact"),
    ("By Daniel Hart - Feb. 7, 2016", "Feb. 7, 2016", dt.datetime(2016, 2, 7, tzinfo=UTC), "day"),
    # the weekday after the date; the time of day after a separator, with words of its own
    ("14:28, 09 February 2018 Friday", "14:28, 09 February 2018 Friday",
     dt.datetime(2018, 2, 9, 14, 28, tzinfo=UTC), "exact"),
    ("Saturday 17 March 2018 | 9:32 AM Damascus Local Time", "Saturday 17 March 2018 9:32 AM",
     dt.datetime(2018, 3, 17, 9, 32, tzinfo=UTC), "exact"),
    # an article's number, its date and a labelled time of day (a news agency's footer)
    ("News Code: 15902  |  Date: 2017/05/11  |  Time: 10 : 22", "2017/05/11 10:22",
     dt.datetime(2017, 5, 11, 10, 22, tzinfo=UTC), "exact"),
    ("Date: 2017/05/11 | Time: 10:22 PM", "2017/05/11 22:22",
     dt.datetime(2017, 5, 11, 22, 22, tzinfo=UTC), "exact"),
    # bylines of blogs and papers: the author after the date, a label word of its own, the
    # page's age after a slash, a British time of day with a point
    ("Posted on August 20, 2019 by Leith Aboufadel", "August 20, 2019",
     dt.datetime(2019, 8, 20, tzinfo=UTC), "day"),
    ("Updated on August 20, 2019", "August 20, 2019", dt.datetime(2019, 8, 20, tzinfo=UTC), "day"),
    ("Published date: 20 August 2019 13:45 UTC", "20 August 2019 13:45 UTC",
     dt.datetime(2019, 8, 20, 13, 45, tzinfo=GMT), "exact"),
    ("Last Modified: 20 Aug 2019 13:45 GMT", "20 Aug 2019 13:45 GMT",
     dt.datetime(2019, 8, 20, 13, 45, tzinfo=GMT), "exact"),
    ("AUGUST 20, 2019 / 1:45 PM / 3 YEARS AGO", "AUGUST 20, 2019 1:45 PM",
     dt.datetime(2019, 8, 20, 13, 45, tzinfo=UTC), "exact"),
    ("First published: Tue 20 Aug 2019 13.45 BST", "Tue 20 Aug 2019 13.45 BST",
     dt.datetime(2019, 8, 20, 12, 45, tzinfo=GMT), "exact"),
    # dates in figures, day first (points always; slashes and dashes when the day is over 12,
    # or the month when the first figure cannot be one), and Turkish and German month names
    ("20.08.2019 13:45", "20.08.2019 13:45", dt.datetime(2019, 8, 20, 13, 45, tzinfo=UTC), "exact"),
    ("05.08.2019", "05.08.2019", dt.datetime(2019, 8, 5, tzinfo=UTC), "day"),
    ("20.08.2019 (updated 21.08.2019)", "20.08.2019", dt.datetime(2019, 8, 20, tzinfo=UTC), "day"),
    ("Updated: 20/08/2019 - 13:45", "20/08/2019 - 13:45", dt.datetime(2019, 8, 20, 13, 45, tzinfo=UTC), "exact"),
    ("08/20/2019", "08/20/2019", dt.datetime(2019, 8, 20, tzinfo=UTC), "day"),
    ("20 Ağustos 2019 Salı", "20 Ağustos 2019 Salı", dt.datetime(2019, 8, 20, tzinfo=UTC), "day"),
    ("Veröffentlicht am 20. August 2019", "20. August 2019", dt.datetime(2019, 8, 20, tzinfo=UTC), "day"),
    # a zone's offset after a space; a section's name before a full date and time
    ("31 May 2015 22:39 (UTC +04:00)", "31 May 2015 22:39 (UTC +04:00)",
     dt.datetime(2015, 5, 31, 18, 39, tzinfo=GMT), "exact"),
    ("Türkiye Materials 31 May 2015 22:39 (UTC +04:00)", "31 May 2015 22:39 (UTC +04:00)",
     dt.datetime(2015, 5, 31, 18, 39, tzinfo=GMT), "exact"),
    # figures read day first on a line in a language that writes the day first, or with a
    # time of day written with an h; a weekday before them, "às" before the time, the
    # page's update after them
    ("Publicado em 08/02/2020 14:35", "08/02/2020 14:35", dt.datetime(2020, 2, 8, 14, 35, tzinfo=UTC), "exact"),
    ("08/02/2020 14h35", "08/02/2020 14h35", dt.datetime(2020, 2, 8, 14, 35, tzinfo=UTC), "exact"),
    ("Domingo, 24/01/2016, 17:53", "Domingo, 24/01/2016, 17:53", dt.datetime(2016, 1, 24, 17, 53, tzinfo=UTC),
     "exact"),
    ("24.01.2016 às 17:53", "24.01.2016 às 17:53", dt.datetime(2016, 1, 24, 17, 53, tzinfo=UTC), "exact"),
    ("08/02/2020 14:35 - Atualizado em 08/02/2020 15:10", "08/02/2020 14:35",
     dt.datetime(2020, 2, 8, 14, 35, tzinfo=UTC), "exact"),
    # an American zone named by its region, and the update after the date with no separator
    ("02/22/2012 11:09 am ET Updated Apr 23, 2012", "02/22/2012 11:09 am ET",
     dt.datetime(2012, 2, 22, 16, 9, tzinfo=GMT), "exact"),
    ("August 9, 2012 -- Updated 0950 GMT (1750 HKT)", "August 9, 2012",
     dt.datetime(2012, 8, 9, tzinfo=UTC), "day"),
    # a byline's author, then the date with no separator
    ("By Newsdesk Staff Feb 14, 2020", "Feb 14, 2020", dt.datetime(2020, 2, 14, tzinfo=UTC), "day"),
    # an outlet's name and a comma; bullets and separators around the date; a newspaper's page;
    # a weekday between the date and its time; "out" (outubro) on a date line
    ("AFP, Tuesday 7 Feb 2012", "Tuesday 7 Feb 2012", dt.datetime(2012, 2, 7, tzinfo=UTC), "day"),
    ("Reuters January 10, 2014", "January 10, 2014", dt.datetime(2014, 1, 10, tzinfo=UTC), "day"),
    ("  • Nov 24, 2015-", "Nov 24, 2015", dt.datetime(2015, 11, 24, tzinfo=UTC), "day"),
    ("Update: 01 March, 2014", "01 March, 2014", dt.datetime(2014, 3, 1, tzinfo=UTC), "day"),
    ("Lunes 5 de diciembre de 2016, p. 32", "Lunes 5 de diciembre de 2016",
     dt.datetime(2016, 12, 5, tzinfo=UTC), "day"),
    ("25 Ocak 2016 Pazartesi 22:26", "25 Ocak 2016 Pazartesi 22:26",
     dt.datetime(2016, 1, 25, 22, 26, tzinfo=UTC), "exact"),
    ("• Oluşturulma Tarihi : 22.01.2018 10:50", "22.01.2018 10:50",
     dt.datetime(2018, 1, 22, 10, 50, tzinfo=UTC), "exact"),
    ("EFE, 9 out 2019", "9 out 2019", dt.datetime(2019, 10, 9, tzinfo=UTC), "day"),
    # German: "Uhr" after the time, "um" before it, labels, a weekday cut short before a comma
    ("Aktualisiert am 11. Februar 2016, 09:15 Uhr", "11. Februar 2016, 09:15 Uhr",
     dt.datetime(2016, 2, 11, 9, 15, tzinfo=UTC), "exact"),
    ("11.02.2016, 09:15 Uhr", "11.02.2016, 09:15 Uhr", dt.datetime(2016, 2, 11, 9, 15, tzinfo=UTC), "exact"),
    ("Stand: 11.02.2016 09:15 Uhr", "11.02.2016 09:15 Uhr", dt.datetime(2016, 2, 11, 9, 15, tzinfo=UTC),
     "exact"),
    ("11. Februar 2016 um 9.15 Uhr", "11. Februar 2016 um 9.15 Uhr",
     dt.datetime(2016, 2, 11, 9, 15, tzinfo=UTC), "exact"),
    ("Do, 27.02.2020, 13.54 Uhr", "Do, 27.02.2020, 13.54 Uhr", dt.datetime(2020, 2, 27, 13, 54, tzinfo=UTC),
     "exact"),
    # Italian: "ore" and "alle" before the time, the label of the last update
    ("12 febbraio 2016, ore 18:32", "12 febbraio 2016, ore 18:32",
     dt.datetime(2016, 2, 12, 18, 32, tzinfo=UTC), "exact"),
    ("12 febbraio 2016 alle 18:32", "12 febbraio 2016 alle 18:32",
     dt.datetime(2016, 2, 12, 18, 32, tzinfo=UTC), "exact"),
    ("Ultimo aggiornamento: 12 febbraio 2016 18:32", "12 febbraio 2016 18:32",
     dt.datetime(2016, 2, 12, 18, 32, tzinfo=UTC), "exact"),
])
def test_dateline_and_byline_formats(line: str, stamp_text: str, moment: dt.datetime, precision: str) -> None:
    stamp = parse_stamp(line, UTC)
    assert stamp is not None, line
    assert (stamp.text, stamp.moment, stamp.precision) == (stamp_text, moment, precision)


@pytest.mark.parametrize("line", ["Mais de 30 mil pessoas", "5 out of 10", "By Daniel Hart", "Azaz | 7 February 2016 | 3 killed",
                                  "Killed: 12 | Date: 2017/05/11",
                                  # 5 August or 8 May: a date in doubt is no date
                                  "05/08/2019", "Updated: 05/08/2019 13:45", "20.13.2019",
                                  # a section's name needs a time of day after the date
                                  "Middle East 31 May 2015", "Azaz 31 killed 2015 12:30",
                                  "By the end of 7 February 2016", "Aleppo, 3 dead on 7 February 2016",
                                  "Rebels, 7 February 2016 and after", "Reuters reported 10 dead",
                                  "20 August 2019 troops were killed by a shell",
                                  "The talks of 8 February 2016 were suspended by the envoy in Geneva today."])
def test_lines_that_are_not_datelines(line: str) -> None:
    assert parse_stamp(line, UTC) is None


def test_a_date_without_year_takes_it_from_the_report() -> None:
    text = "Feb 06, 2016 08:05 (GMT)\n\nFirst.\n\nMonday 8 February\n\nSecond.\n"
    stamps = [e.stamp for e in split_entries(text, UTC) if e.stamp]
    assert [s.moment.date() for s in stamps] == [dt.date(2016, 2, 6), dt.date(2016, 2, 8)]
    # the nearest year that puts the day close to the report's others: across New Year too
    stamps = [e.stamp for e in split_entries("Dec 31, 2015\n\nA.\n\nFriday 1 January\n\nB.\n", UTC) if e.stamp]
    assert stamps[1].moment.date() == dt.date(2016, 1, 1)
    alone = "Monday 8 February\n\nShelling hit Azaz.\n"
    assert split_entries(alone, UTC, year=dt.date(2016, 2, 9))[0].stamp.moment.date() == dt.date(2016, 2, 8)
    with pytest.raises(MissingYear):
        split_entries(alone, UTC)


def test_a_date_without_year_and_nothing_else_is_refused_clearly(builtin: Any) -> None:
    with pytest.raises(InputError, match=r"note\.txt:1: the date 'Monday 8 February' has no year.*--published"):
        ingest_text("Monday 8 February\n\nShelling hit Azaz.\n", report="note.txt", gazetteer=builtin)
    ok = ingest_text("Monday 8 February\n\nShelling hit Azaz.\n", published="2016-02-10", gazetteer=builtin)
    assert ok.drafts and ok.drafts[0]["ingest"]["entry_time"] == "2016-02-08T00:00:00+00:00"


def test_news_article_needs_no_published_date(builtin: Any) -> None:
    result = ingest_file(ARTICLE, gazetteer=builtin)
    assert [s.text for s in result.stamps] == ["February 7th, 2016 - 11:57 GMT"]
    assert result.drafts
    for draft in result.drafts:
        assert draft["sources"][0]["published"] == "2016-02-07T11:57:00+00:00"
        assert ISO_WITH_OFFSET.match(draft["date"]) and ISO_WITH_OFFSET.match(draft["ingest"]["entry_time"])
    # a headline is not an entry: the Oncupinar of the title adds no draft of its own
    assert not any(d["ingest"]["entry"] == "(before the first timestamp)" for d in result.drafts)
    assert "Fields" not in {u["name"] for u in result.unresolved}


def test_dateline_at_the_start_of_the_first_paragraph(builtin: Any) -> None:
    text = ("Aid Trucks Wait At The Border\n\nKILIS, Turkey, Feb. 8, 2016 — Shelling hit Azaz overnight, "
            "residents said.\n")
    result = ingest_text(text, gazetteer=builtin)
    assert [s.text for s in result.stamps] == ["Feb. 8, 2016"]
    assert {d["place"] for d in result.drafts} == {"Azaz"}


def test_a_first_paragraph_that_opens_with_its_date(builtin: Any) -> None:
    text = ("Jets Strike Villages Near Azaz\n\n07 Feb 2016; NEWSDESK: Shelling hit Azaz overnight, "
            "residents said.\n")
    result = ingest_text(text, gazetteer=builtin)
    assert [s.text for s in result.stamps] == ["07 Feb 2016"]
    assert {d["place"] for d in result.drafts} == {"Azaz"}


@pytest.mark.parametrize("dateline, day", [
    ("ŞANLIURFA, Turkey, 7 Feb 2016 —", dt.date(2016, 2, 7)),
    ("İSTANBUL, Turkey, Feb. 9, 2016 (Reuters) -", dt.date(2016, 2, 9)),
    ("ST. PETERSBURG, Russia, Feb. 10, 2016 —", dt.date(2016, 2, 10)),
    ("BEIRUT, Feb. 11, 2016 (AFP) -", dt.date(2016, 2, 11)),
    ("BEIRUT, 12 feb 2016 (AFP) -", dt.date(2016, 2, 12)),
    # an agency's dateline in small letters, or with a point before the dash
    ("Cairo/Ancara, 14 fev 2016 (EFE).-", dt.date(2016, 2, 14)),
    ("DAMASCO, 15 fev 2016 (EFE).-", dt.date(2016, 2, 15)),
    ("Beirut, Feb. 16, 2016 (AFP) -", dt.date(2016, 2, 16)),
])
def test_a_dateline_in_any_capitals_dates_the_article(dateline: str, day: dt.date) -> None:
    entries = split_entries(f"Headline Of The Story\n\n{dateline} Talks resumed on Monday.\n", UTC)
    assert [e.stamp.moment.date() for e in entries if e.stamp] == [day]
    assert "Talks resumed" in entries[-1].text


def test_initials_with_dots_open_no_dateline() -> None:
    assert DATELINE.match("U.S. - Russia talks stalled") is None
    dateline = DATELINE.match("ST. PETERSBURG, Russia (Reuters) - Talks resumed")
    assert dateline is not None and dateline.group("place") == "ST. PETERSBURG"


def test_common_words_of_other_languages_are_not_places(builtin: Any) -> None:
    text = ("7 de fevereiro de 2016\n\nMais de mil famílias fugiram para Azaz durante a noite. Para o governo "
            "turco, a fronteira continua fechada. Sobre a estrada de Alepo só passam ambulâncias.\n")
    result = ingest_text(text, gazetteer=builtin)
    found = {m.text for m in result.found.mentions}
    assert {"Azaz", "Alepo"} <= found
    assert not found & {"Mais", "Para", "Sobre"}
    assert not {u["name"] for u in result.unresolved} & {"Mais", "Para", "Sobre"}
    # the same capitalised word is a name in an English report (so the test above can fail)
    english = ingest_text("Feb 07, 2016 10:00 (GMT)\n\nShelling hit Para and Azaz.\n", gazetteer=builtin)
    assert "Para" in {m.text for m in english.found.mentions} | {u["name"] for u in english.unresolved}


def test_a_speaker_somewhere_is_not_an_incident_there(builtin: Any) -> None:
    text = ("Feb 07, 2016 10:00 (GMT)\n\nThe UN envoy told reporters in Geneva that shelling in Azaz must stop. "
            "The prime minister said in Ankara that Kilis was full.\n")
    result = ingest_text(text, gazetteer=builtin)
    roles = {m.text: m.role for m in result.found.mentions}
    assert roles == {"Geneva": "speaker", "Azaz": "", "Ankara": "speaker", "Kilis": ""}
    assert {d["place"] for d in result.drafts} == {"Azaz", "Kilis"}


@pytest.mark.parametrize("sentence, name, why", [
    ("At talks in Munich on Friday, the powers agreed to seek a pause in the fighting.", "Munich", "meeting"),
    ("The minister arrived in Munich for the talks this afternoon.", "Munich", "meeting"),
    ("Foreign ministers are meeting in Vienna tonight.", "Vienna", "meeting"),
    ("The US will convene a meeting of ministers from countries fighting IS in Brussels.", "Brussels", "meeting"),
    ("Leaders told an international donors' conference in London that aid was short.", "London", "meeting"),
    ("A chanceler, de visita a Ancara, discutiu a ajuda aos deslocados.", "Ancara", "meeting"),
    ("Prime Minister Davutoglu, speaking in Kiev, said Turkey would answer any attack.", "Kiev", "speaks"),
    ("Em conferência de imprensa em Moscou, a porta-voz negou os ataques.", "Moscou", "meeting"),
    ("Washington urged Ankara to stop the shelling.", "Ankara", "government"),
    ("Washington urged Ankara to stop the shelling.", "Washington", "government"),
    ("A senator said Moscow could demand compensation for the victims.", "Moscow", "government"),
    ("My mind is not now in London but on our border, he said.", "London", "capital"),
])
def test_where_people_speak_or_meet_is_not_an_incident(builtin: Any, sentence: str, name: str, why: str) -> None:
    text = f"Feb 11, 2016 10:00 (GMT)\n\nShelling hit Azaz this morning. {sentence}\n"
    result = ingest_text(text, gazetteer=builtin)
    mention = next(m for m in result.found.mentions if m.text == name)
    assert mention.role == "speaker" and why in mention.reason, (mention.role, mention.reason)
    assert {d["place"] for d in result.drafts} == {"Azaz"}
    assert name in [item["name"] for item in result.set_aside]


@pytest.mark.parametrize("sentence, name", [
    ("Shelling continued in Azaz while the talks went on.", "Azaz"),
    ("The conference heard of the bombing in Azaz this morning.", "Azaz"),
    ("Shelling hit Aleppo, the ministers meeting in Munich were told.", "Aleppo"),
    ("Rebels took Tell Rifaat as talks were held elsewhere.", "Tell Rifaat"),
    ("Airstrikes hit Damascus suburbs overnight.", "Damascus"),
    ("Three hundred thousand people living in Aleppo are ready to move.", "Aleppo"),
    ("A car bomb exploded in Damascus, state media reported.", "Damascus"),
    ("Truce talks in Azaz broke down on Monday, local officials said.", "Azaz"),
    ("Rebel commanders met in Aleppo to plan the defence of the city.", "Aleppo"),
    ("Leaflets urged Aleppo residents to leave.", "Aleppo"),
])
def test_events_beside_talk_are_still_incidents(builtin: Any, sentence: str, name: str) -> None:
    result = ingest_text(f"Feb 11, 2016 10:00 (GMT)\n\n{sentence}\n", gazetteer=builtin)
    mention = next(m for m in result.found.mentions if m.text == name)
    assert mention.role == "", mention.reason
    assert name in {d["place"] for d in result.drafts}


def test_past_events_named_as_background_are_not_incidents(builtin: Any) -> None:
    text = ("Feb 15, 2016 10:00 (GMT)\n\nTurkish artillery shelled positions around Menagh air base on Monday. "
            "Rebels seized Menagh from the army in August 2013. Police have linked the group to last year's "
            "Bangkok bombing. Families who fled Aleppo in 2014 reached Kilis today.\n")
    result = ingest_text(text, gazetteer=builtin)
    roles = [(m.text, m.role) for m in result.found.mentions]
    assert roles == [("Menagh", ""), ("Menagh", "past"), ("Bangkok", "past"), ("Aleppo", "past"), ("Kilis", "")]
    menagh = [d for d in result.drafts if d["place"] == "Menagh"]
    assert len(menagh) == 1 and menagh[0]["type"] == "shelling" and menagh[0]["ingest"]["mentions"] == 1
    assert {d["place"] for d in result.drafts} == {"Menagh", "Kilis"}
    aside = {(item["name"], item["why"].split(" (")[0]) for item in result.set_aside}
    assert aside == {("Menagh", "an earlier time"), ("Bangkok", "an earlier time"), ("Aleppo", "an earlier time")}


def test_a_headline_word_far_from_the_report_is_no_place(builtin: Any) -> None:
    text = ("Missiles Hit A Hospital In Azaz\n\nBy Lena Ward | Feb. 15, 2016\n\n"
            "Missiles struck a hospital in Azaz and a school in Kilis on Monday, doctors said.\n")
    result = ingest_text(text, gazetteer=builtin)
    assert "Hit" not in {m.text for m in result.found.mentions}
    assert {d["place"] for d in result.drafts} == {"Azaz", "Kilis"}


def test_set_aside_places_are_listed_in_the_drafts_file(gazetteer: Any, tmp_path: Path) -> None:
    project = _project(tmp_path)
    result = ingest_file(DATA / "report-en-live-2016-02-11.txt", gazetteer=gazetteer)
    assert {"Munich", "Geneva", "Moscow", "Ankara", "Kobani"} <= {i["name"] for i in result.set_aside}
    assert not {"Munich", "Geneva", "Moscow", "Ankara", "Kobani"} & {d["place"] for d in result.drafts}
    merge_into_project(project, result.drafts, result.unresolved, result.set_aside)
    again = merge_into_project(project, result.drafts, result.unresolved, result.set_aside)
    assert again.added == []
    data = yaml.safe_load((project / "events" / "drafts.yaml").read_text(encoding="utf-8"))
    assert [i["name"] for i in data["set_aside"]] == [i["name"] for i in result.set_aside]   # not twice
    for item in data["set_aside"]:
        assert set(item) == {"name", "why", "entry", "excerpt", "count"}
    # the project still loads and builds with the list in its drafts file
    run = CliRunner().invoke(main, ["validate", str(project)])
    assert run.exit_code == 0, run.output
    out = CliRunner().invoke(main, ["ingest", str(DATA / "report-en-live-2016-02-11.txt"), "-o", str(tmp_path / "d.yaml")])
    assert out.exit_code == 0 and re.search(r"not incidents \(a meeting's place\): Munich", out.stderr), out.output


@pytest.mark.parametrize("sentence, name, precision", [
    ("Shelling hit the camps on the outskirts of Azaz.", "Azaz", "near"),
    ("An offensive north of Aleppo emptied the villages.", "Aleppo", "near"),
    ("Fighters stand near Tell Rifaat.", "Tell Rifaat", "near"),
    ("A shell fell 5 km from Kilis.", "Kilis", "near"),
    ("Shelling hit a market in Azaz.", "Azaz", "exact"),
    ("Os acampamentos nos arredores de Azaz cresceram durante a noite.", "Azaz", "near"),
    ("Les camps se multiplient aux abords d'Azaz depuis la fermeture de la frontière.", "Azaz", "near"),
])
def test_near_precision(builtin: Any, sentence: str, name: str, precision: str) -> None:
    result = ingest_text(f"Feb 07, 2016 10:00 (GMT)\n\n{sentence}\n", gazetteer=builtin)
    mention = next(m for m in result.found.mentions if m.text == name)
    assert mention.precision == precision
    assert any(d["place"] == name and d["geo_precision"] == precision for d in result.drafts)


def test_other_languages_articles(builtin: Any) -> None:
    portuguese = ingest_file(PORTUGUESE, gazetteer=builtin)
    assert [s.text for s in portuguese.stamps] == ["7 de fevereiro de 2016, 11h57", "8 de fevereiro de 2016, 09h30"]
    french = ingest_file(FRENCH, gazetteer=builtin)
    assert [s.moment for s in french.stamps] == [dt.datetime(2016, 2, 8, 14, 32, tzinfo=UTC)]
    places = {m.text for m in french.found.mentions}
    assert {"Alep", "Azaz", "Kilis", "Nubl"} <= places, places   # "d'Alep", "Nubl et Zahraa"


def _project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "p", {"map.yaml": MAP})


def test_a_deleted_draft_stays_deleted(builtin: Any, tmp_path: Path) -> None:
    project = _project(tmp_path)
    result = ingest_file(ARTICLE, gazetteer=builtin)
    first = merge_into_project(project, result.drafts, result.unresolved)
    assert len(first.added) == len(result.drafts) >= 3
    drafts = project / "events" / "drafts.yaml"
    data = yaml.safe_load(drafts.read_text(encoding="utf-8"))
    deleted = data["incidents"][1]["id"]
    data["incidents"].pop(1)   # the editor deletes one draft
    drafts.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    again = merge_into_project(project, result.drafts, result.unresolved)
    assert again.added == [] and len(again.offered_before) == len(result.drafts)
    ids = [d["id"] for d in yaml.safe_load(drafts.read_text(encoding="utf-8"))["incidents"]]
    assert deleted not in ids and len(ids) == len(result.drafts) - 1
    assert deleted in yaml.safe_load((project / RECORD_FILE).read_text(encoding="utf-8"))["ingested"]


def test_into_keeps_the_editors_comments(builtin: Any, tmp_path: Path) -> None:
    project = _project(tmp_path)
    article = ingest_file(ARTICLE, gazetteer=builtin)
    merge_into_project(project, article.drafts[:2])
    drafts = project / "events" / "drafts.yaml"
    text = drafts.read_text(encoding="utf-8")
    text = text.replace("incidents:\n", "incidents:\n# checked by the desk on Monday\n", 1)
    text = text.replace("\n  review: true", "\n  review: true  # keep: needs a second source", 1)
    drafts.write_text(text + "# end of the desk's file\n", encoding="utf-8")
    later = merge_into_project(project, article.drafts)
    assert len(later.added) == len(article.drafts) - 2
    after = drafts.read_text(encoding="utf-8")
    assert after.startswith(text[:200])
    for comment in ("# checked by the desk on Monday", "# keep: needs a second source", "# end of the desk's file"):
        assert comment in after
    assert [d["id"] for d in yaml.safe_load(after)["incidents"]] == [d["id"] for d in article.drafts]


def test_cli_into_twice_reports_drafts_offered_before(tmp_path: Path) -> None:
    project = _project(tmp_path)
    args = ["ingest", str(ARTICLE), "--into", str(project)]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0 and re.search(r"\(0 added, 0 already in the project, \d+ offered before\)", again.stdout)


def test_a_dateline_with_a_colon_names_where_the_report_is_filed(builtin: Any) -> None:
    # "BEIRUT: Regime forces captured...": the dateline's place, far from the story, is set
    # aside (no draft in Beirut); a word in capitals before a colon that is no place is nothing
    story = "Regime forces captured the town of Kafr Zita in Hama province on Thursday.\n"
    result = ingest_text("Feb 8, 2016\n\nBEIRUT: " + story, gazetteer=builtin, countries=("SY", "TR"))
    assert [s["name"] for s in result.set_aside] == ["BEIRUT"]
    assert "BEIRUT" not in {d["place"] for d in result.drafts}
    assert "Kafr Zita" in {d["place"] for d in result.drafts}
    result = ingest_text("Feb 8, 2016\n\nUPDATE: " + story, gazetteer=builtin, countries=("SY", "TR"))
    assert not result.set_aside and "UPDATE" not in {u["name"] for u in result.unresolved}


def test_a_labelled_date_heading_the_text_dates_it_or_gives_its_year(builtin: Any) -> None:
    # "date 2020-02-09 ..." heading the first paragraph (as stored pages print it) is the
    # report's date; "date 2014-08" gives the year of a dateline that has none, and the dateline
    # after it is still one (its place the bureau, no incident)
    story = "The army took Zamrin and shelled Jasim in Deraa province, residents said.\n"
    result = ingest_text(" date 2020-02-09 " + story, gazetteer=builtin, countries=("SY", "TR"))
    assert [s.moment.date().isoformat() for s in result.stamps] == ["2020-02-09"]
    wire = " date 2014-08 Cairo, 24 ago (EFE).- Ao menos 32 rebeldes morreram em Zamrin, na " \
           "província de Deraa, informou o Observatório Sírio dos Direitos Humanos."
    result = ingest_text(wire, gazetteer=builtin, countries=("SY", "TR"))
    assert [s.moment.date().isoformat() for s in result.stamps] == ["2014-08-24"]
    assert "Cairo" not in {d["place"] for d in result.drafts}
    assert "Zamrin" in {d["place"] for d in result.drafts}
    with pytest.raises(InputError, match="has no year"):
        ingest_text(wire.replace(" date 2014-08 ", ""), gazetteer=builtin, countries=("SY", "TR"))


def test_a_labelled_month_and_the_day_in_brackets_date_a_brazilian_report(builtin: Any) -> None:
    # "nesta sexta-feira (29)", as Brazilian reports write today's date, is the 29th of the
    # labelled month -- a Friday in September 2017; a weekday that is not the day's is no date
    story = ("As forças curdas tomaram nesta sexta-feira (29) a cidade de Al Suwar, na província de "
             "Deir ez-Zor, informou o Observatório Sírio dos Direitos Humanos.\n")
    result = ingest_text(" date 2017-09 " + story, gazetteer=builtin, countries=("SY", "TR"))
    assert {d["date"][:10] for d in result.drafts} == {"2017-09-29"}
    today = story.replace("nesta sexta-feira (29)", "hoje (2)")
    result = ingest_text(" date 2018-01 " + today, gazetteer=builtin, countries=("SY", "TR"))
    assert {d["date"][:10] for d in result.drafts} == {"2018-01-02"}
    with pytest.raises(InputError, match="give its date with --published"):
        ingest_text(" date 2017-10 " + story, gazetteer=builtin, countries=("SY", "TR"))
    with pytest.raises(InputError, match="give its date with --published"):
        ingest_text(story, gazetteer=builtin, countries=("SY", "TR"))

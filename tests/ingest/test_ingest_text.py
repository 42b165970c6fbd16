"""Report text without the gazetteer: cleaning, entry stamps, relative time, sentences, excerpts."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
import yaml

from mapgen.ingest.clean import clean_text
from mapgen.ingest.entries import parse_stamp, split_entries
from mapgen.ingest.kinds import suggest_type
from mapgen.ingest.reltime import background, find_when
from mapgen.ingest.report import excerpt
from mapgen.ingest.sentences import paragraphs, split_sentences
from tests.ingest.conftest import DATA

UTC = ZoneInfo("UTC")
DAMASCUS = ZoneInfo("Asia/Damascus")
THU = dt.date(2016, 2, 4)  # a Thursday

REPORT = """\
Headline Of A Live Blog

4 February 2016

Morning text.

Feb 04, 2016 19:14 (GMT)

Evening text, with a date inside: talks set for 2-5 February 2016 and on October 31.
2016-02-04 18:38:52

Late text.
February 5, 2016
"""


def test_stamp_formats_and_their_instants() -> None:
    entries = split_entries(REPORT, DAMASCUS)
    stamps = [e.stamp for e in entries if e.stamp]
    assert [s.text for s in stamps] == ["4 February 2016", "Feb 04, 2016 19:14 (GMT)", "2016-02-04 18:38:52",
                                        "February 5, 2016"]
    assert stamps[0].precision == "day" and stamps[0].moment == dt.datetime(2016, 2, 4, tzinfo=DAMASCUS)
    assert stamps[1].moment == dt.datetime(2016, 2, 4, 19, 14, tzinfo=dt.timezone.utc)
    assert stamps[2].moment == dt.datetime(2016, 2, 4, 18, 38, 52, tzinfo=DAMASCUS)  # no zone: the report's
    assert entries[0].stamp is None and "Headline" in entries[0].text
    assert "2-5 February 2016" in entries[2].text, "a date inside a sentence does not open an entry"


@pytest.mark.parametrize("line", ["on 4 February 2016 the", "Feb 04, 2016 19:14 (GMT) and more words",
                                  "08/ 03/ 2018", "08. 03.2018",
                                  "2016-02-31", "February 30, 2016", "25:10", ""])
def test_lines_that_are_not_stamps(line: str) -> None:
    assert parse_stamp(line, UTC) is None


@given(st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2040, 12, 31)))
def test_every_stamp_format_reads_back_its_instant(moment: dt.datetime) -> None:
    moment = moment.replace(second=0, microsecond=0)
    aware = moment.replace(tzinfo=dt.timezone.utc)
    for text in (aware.strftime("%b %d, %Y %H:%M (GMT)"), moment.strftime("%Y-%m-%d %H:%M:%S"),
                 moment.strftime("%d. %m. %Y, %H:%M"), moment.strftime("%d.%m.%Y %H:%M")):
        stamp = parse_stamp(text, UTC)
        assert stamp is not None and stamp.moment == aware and stamp.precision == "exact", text
    for text in (f"{moment.day} {moment:%B %Y}", f"{moment:%B} {moment.day}, {moment.year}"):
        stamp = parse_stamp(text, UTC)
        assert stamp is not None and stamp.moment.date() == moment.date() and stamp.precision == "day", text


def test_own_report_has_the_stamps_of_its_annotation() -> None:
    report = DATA / "report-north-aleppo-2016-02-06.txt"
    annotation = yaml.safe_load((DATA / "report-north-aleppo-2016-02-06.annotation.yaml").read_text(encoding="utf-8"))
    want = [e for e in annotation["entries"] if e.get("stamp")]
    entries = split_entries(clean_text(report.read_text(encoding="utf-8")), UTC)
    stamps = [e.stamp for e in entries if e.stamp]
    assert len(stamps) == len(want) >= 5
    assert stamps[0].precision == "day" and stamps[0].moment.date() == dt.date(2016, 2, 6)
    assert [s.precision for s in stamps] == [e["precision"] for e in want]
    assert all(s.moment.tzinfo is not None for s in stamps)


@pytest.mark.parametrize("sentence, day, precision", [
    ("a shell landed near the bakery last night", "2016-02-03", "day"),
    ("Yesterday, militia units entered two farms", "2016-02-03", "day"),
    ("the mill was hit the day before yesterday", "2016-02-02", "day"),
    ("residents say the mill was hit today", "2016-02-04", "day"),
    ("shelling began this morning", "2016-02-04", "day"),
    ("convoys have been turned back earlier this week", "2016-02-01", "week"),
    ("the bridge was cut earlier this month", "2016-02-01", "month"),
    ("forty raids were counted on Tuesday", "2016-02-02", "day"),
    ("the governor spoke on Thursday", "2016-02-04", "day"),
    ("a statement issued on Monday", "2016-02-01", "day"),
    ("three days ago the road was cut", "2016-02-01", "day"),
    ("the ferry sank on October 31", "2015-10-31", "day"),
    ("a visit planned for 9-12 March 2016", "2016-03-12", "day"),
])
def test_relative_time_against_the_entry_day(sentence: str, day: str, precision: str) -> None:
    when = find_when(sentence, THU)
    assert when is not None and when.day.isoformat() == day and when.precision == precision


@pytest.mark.parametrize("sentence, name, phrase", [
    ("Police linked the group to last year's Bangkok bombing, officials said.", "Bangkok", "last year's"),
    ("Rebels seized Menagh from the army in August 2013 after a long siege.", "Menagh", "2013"),
    ("In 2014, fighters drove the group out of Kobani.", "Kobani", "2014"),
    ("Many had fled once before, from the fighting in Kobani two years ago.", "Kobani", "two years ago"),
    ("The airliner left Sharm el-Sheikh on October 31 and crashed in Sinai.", "Sharm el-Sheikh", "October 31"),
    ("The crowd marked the anniversary of the first protest in Daraa.", "Daraa", "anniversary"),
    ("A base de Menagh tinha sido tomada pelos rebeldes em agosto de 2013.", "Menagh", "2013"),
    ("Os curdos expulsaram o grupo de Kobani no ano passado.", "Kobani", "no ano passado"),
    # the day's news: no earlier time, or the earlier time belongs to another clause or name
    ("Shelling hit Azaz on Monday.", "Azaz", None),
    ("Rebels who lost Azaz in 2013 retook Tell Rifaat on Monday.", "Tell Rifaat", None),
    ("Rebels who lost Azaz in 2013 retook Tell Rifaat on Monday.", "Azaz", "2013"),
    ("Fighters who took Kobani last year now hold a line from Afrin to Azaz.", "Kobani", "last year"),
    ("The fighters, who took Kobani last year, now hold a line from Afrin to Azaz.", "Afrin", None),
    ("Nubl and Zahraa, besieged since 2012, were relieved on Wednesday.", "Nubl", None),
    ("The road to Azaz was cut earlier this month.", "Azaz", None),
    ("The road to Azaz was cut in January.", "Azaz", None),
    ("Some 2015 families reached Kilis.", "Kilis", None),   # a number, not a year
    ("Aid reached the 2000 families sheltering in Azaz.", "Azaz", None),
    ("Kurdish fighters have held Afrin since 2012.", "Afrin", None),
    ("Strikes that began in September 2015 helped the army on to Tell Rifaat.", "Tell Rifaat", None),
])
def test_background_phrases_set_a_name_in_an_earlier_time(sentence: str, name: str, phrase: str | None) -> None:
    got = background(sentence, THU, sentence.index(name))
    assert (got is None) if phrase is None else (got is not None and phrase in got.replace("’", "'")), got


def test_no_time_phrase() -> None:
    assert find_when("The city is nearly encircled by the army.", THU) is None


def test_html_is_cleaned_to_lines() -> None:
    html = ("<html><head><title>T</title><script>var x = 'Aleppo';</script></head><body>"
            "<p>First &amp; second<br>line</p><div><time>Feb 04, 2016 19:14 (GMT)</time></div>"
            "<style>p{}</style><p>Kafr&nbsp;Naya</p></body></html>")
    text = clean_text(html)
    assert "var x" not in text and "p{}" not in text and "<" not in text
    assert "First & second\nline" in text
    assert "\nFeb 04, 2016 19:14 (GMT)\n" in text
    assert "Kafr Naya" in text


def test_time_element_with_datetime_attribute() -> None:
    text = clean_text('<article><time datetime="2016-02-04T19:14:00Z">7:14pm</time><p>Text.</p></article>')
    stamps = [e.stamp for e in split_entries(text, DAMASCUS) if e.stamp]
    assert len(stamps) == 1 and stamps[0].moment == dt.datetime(2016, 2, 4, 19, 14, tzinfo=dt.timezone.utc)
    assert "7:14pm" not in text


def test_html_report_splits_on_time_elements() -> None:
    text = clean_text((DATA / "report-east-aleppo-2016-02-09.html").read_text(encoding="utf-8"))
    stamps = [e.stamp.text for e in split_entries(text, UTC) if e.stamp]
    assert stamps == ["9 February 2016", "2016-02-09 09:10:00", "Feb 09, 2016 14:55 (GMT)"]


def test_sentences_keep_abbreviations_and_join_wrapped_lines() -> None:
    paras = paragraphs("Brig. Gen. A. Smith told the U.S. press on Monday that the\ncity fell. Then it rained.\n\nNext.")
    assert paras[0].endswith("Then it rained.") and "the city fell" in paras[0]
    assert split_sentences(paras[0]) == ["Brig. Gen. A. Smith told the U.S. press on Monday that the city fell.",
                                         "Then it rained."]


@given(st.text(min_size=0, max_size=600), st.integers(min_value=0, max_value=600))
def test_excerpt_never_longer_than_200(text: str, at: int) -> None:
    assert len(excerpt(text, at)) <= 200


def test_excerpt_is_short_and_keeps_the_mention() -> None:
    sentence = " ".join(["word"] * 80) + " Hraytan " + " ".join(["more"] * 80)
    text = excerpt(sentence, sentence.index("Hraytan"))
    assert len(text) <= 200 and "Hraytan" in text and text.startswith("…") and text.endswith("…")
    assert excerpt("Short one.", 0) == "Short one."


@pytest.mark.parametrize("sentence, kind", [
    ("Russian jets carried out airstrikes on the town", "airstrike"),
    ("artillery shelled the village all night", "shelling"),
    ("the militia captured two hamlets", "territorial change"),
    ("families fled on foot overnight", "displacement"),
    ("fierce clashes on the front line", "clashes"),
    ("donors pledged aid at the conference", "diplomatic"),
    ("the hospital ran out of medical supplies", "humanitarian"),
    ("the minister's office said nothing more", "diplomatic"),
    ("he said the weather was fine", "statement"),
    # retaking and freeing in Portuguese, Spanish and French
    ("as tropas retomaram o controle do povoado", "territorial change"),
    ("os soldados recuperaram quatro aldeias", "territorial change"),
    ("as milícias arrebataram a cidade aos jihadistas", "territorial change"),
    ("las fuerzas recuperaron el control de la localidad", "territorial change"),
    ("les rebelles ont libéré le village", "territorial change"),
])
def test_type_suggestion(sentence: str, kind: str) -> None:
    assert suggest_type(sentence) == kind


def test_type_and_time_follow_the_words_next_to_the_place() -> None:
    sentence = "Militias took Alpha this morning and are shelling the road to Bravo, which was hit yesterday."
    assert suggest_type(sentence, at=sentence.index("Alpha")) == "territorial change"
    assert suggest_type(sentence, at=sentence.index("Bravo")) == "shelling"
    assert find_when(sentence, THU, at=sentence.index("Alpha")).day == THU
    assert find_when(sentence, THU, at=sentence.index("Bravo")).day == dt.date(2016, 2, 3)


@pytest.mark.parametrize("sentence, phrase", [
    ("Los rebeldes tomaron Menagh en octubre y ahora huyen.", "en octubre"),
    ("Les rebelles ont pris Menagh en octobre.", "en octobre"),
    ("Os rebeldes tomaram Menagh em outubro.", "em outubro"),
])
def test_a_month_named_in_another_language_sets_an_earlier_time(sentence: str, phrase: str) -> None:
    from mapgen.ingest.reltime import background

    assert background(sentence, dt.date(2016, 2, 15), sentence.index("Menagh")) == phrase


LIVE_BLOG_TIMES = """\
Syria live: the northern Aleppo offensive

Thursday 4 February 2016

15.32 GMT
Talks in Geneva were suspended.

Updated at 2.10pm
Shelling hit the road north of Aleppo.

13:45
Rebels retreated from a village.

12.50
"""


def test_a_time_alone_is_a_post_on_the_day_above_it() -> None:
    entries = split_entries(LIVE_BLOG_TIMES, UTC)
    stamps = [(e.stamp.text, e.stamp.moment, e.stamp.precision) for e in entries if e.stamp]
    assert stamps == [
        ("Thursday 4 February 2016", dt.datetime(2016, 2, 4, tzinfo=UTC), "day"),
        ("15.32 GMT", dt.datetime(2016, 2, 4, 15, 32, tzinfo=dt.timezone.utc), "exact"),
        ("2.10pm", dt.datetime(2016, 2, 4, 14, 10, tzinfo=UTC), "exact"),  # (after "Updated at")
        ("13:45", dt.datetime(2016, 2, 4, 13, 45, tzinfo=UTC), "exact"),
    ]
    # "12.50" alone (no am/pm, no zone) may be a price: no time
    assert "12.50" in entries[-1].text


def test_a_time_alone_needs_a_date_above_it_or_the_report_s() -> None:
    text = "Headline\n\n13:45 GMT\nShelling hit the road.\n"
    assert not any(e.stamp for e in split_entries(text, UTC))
    dated = [e.stamp for e in split_entries(text, UTC, year=THU) if e.stamp]
    assert [s.moment for s in dated] == [dt.datetime(2016, 2, 4, 13, 45, tzinfo=dt.timezone.utc)]

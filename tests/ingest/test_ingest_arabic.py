"""Reports written in Arabic, with the built-in gazetteer (no imported dumps): Arabic dates as
stamps, place names after the words Arabic reporting puts before them, the letters written onto
a word, common words and countries that are no places, where someone speaks, and drafts."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml
from click.testing import CliRunner

from mapgen.cli import main
from mapgen.ingest import ingest_file, ingest_text
from mapgen.ingest.arabic import forms, is_arabic
from mapgen.ingest.entries import parse_stamp, split_entries
from mapgen.ingest.kinds import suggest_type

DATA = Path(__file__).parent / "data"
REPORT = DATA / "report-ar-azaz-2016-02-08.txt"
UTC = ZoneInfo("UTC")
STAMP = "الاثنين 8 شباط/فبراير 2016 - 14:20"


def _read(builtin: Any, text: str) -> Any:
    return ingest_text(f"{STAMP}\n\n{text}\n", gazetteer=builtin, countries=("SY", "TR"))


def _names(result: Any) -> list[tuple[str, str, str]]:
    """(name as found, the gazetteer's name, precision) of every place found."""
    return [(m.text, m.place.name, m.precision) for m in result.found.mentions]


@pytest.mark.parametrize("line, expected, precision", [
    ("الأحد، 7 شباط/فبراير 2016 - 11:57 ص", dt.datetime(2016, 2, 7, 11, 57, tzinfo=UTC), "exact"),
    ("يوم السبت 6 شباط 2016 09:15 مساء", dt.datetime(2016, 2, 6, 21, 15, tzinfo=UTC), "exact"),
    ("٧ فبراير ٢٠١٦", dt.datetime(2016, 2, 7, tzinfo=UTC), "day"),
    ("تاريخ النشر: 8 شباط 2016 الساعة 14:30", dt.datetime(2016, 2, 8, 14, 30, tzinfo=UTC), "exact"),
    ("آخر تحديث: 07.02.2016", dt.datetime(2016, 2, 7, tzinfo=UTC), "day"),
    ("نشر في 15 كانون الأول 2016م", dt.datetime(2016, 12, 15, tzinfo=UTC), "day"),
    ("الاثنين 8 شباط", dt.datetime(2016, 2, 8, tzinfo=UTC), "day"),
])
def test_arabic_dates_are_stamps(line: str, expected: dt.datetime, precision: str) -> None:
    stamp = parse_stamp(line, UTC, year=2016)
    assert stamp is not None, line
    assert (stamp.moment, stamp.precision, stamp.text) == (expected, precision, line)


@pytest.mark.parametrize("line", [
    "قصفت طائرات حربية بلدة إعزاز في 7 شباط 2016",   # a sentence that holds a date
    "قتل 7 أشخاص في 2016",
    "آذار",
])
def test_an_arabic_sentence_with_a_date_is_no_stamp(line: str) -> None:
    assert parse_stamp(line, UTC, year=2016) is None


def test_an_arabic_report_is_cut_at_its_stamps() -> None:
    text = REPORT.read_text(encoding="utf-8")
    entries = split_entries(text, UTC)
    assert [e.stamp.moment for e in entries if e.stamp] == [
        dt.datetime(2016, 2, 8, 14, 20, tzinfo=UTC), dt.datetime(2016, 2, 9, 10, 5, tzinfo=UTC)]


def test_the_letters_written_onto_a_word_are_read_off() -> None:
    assert forms("وبإعزاز") == ["وبإعزاز", "بإعزاز", "إعزاز"]
    assert forms("للباب") == ["للباب", "الباب"]
    assert forms("بنش") == ["بنش"]   # too short to carry any: Binnish
    assert is_arabic("قصفت طائرات حربية بلدة إعزاز") and not is_arabic("Azaz (إعزاز) was shelled")


def test_places_after_the_words_that_introduce_them(builtin: Any) -> None:
    result = _read(builtin, "استهدفت غارات جوية بلدتي عندان وحريتان، ودارت اشتباكات قرب مدينة إعزاز. "
                            "وتقدمت القوات في ريف حلب الشمالي.")
    found = _names(result)
    assert [(name, precision) for name, _, precision in found] == [
        ("عندان", "exact"), ("حريتان", "exact"), ("إعزاز", "near"), ("حلب", "region")]
    assert [gazetteer_name for _, gazetteer_name, _ in found][2:] == ["I‘zāz", "Aleppo"]
    assert not result.unresolved   # "الشمالي" (northern) is no place's kind word: nothing after it


def test_common_words_and_countries_are_no_places(builtin: Any) -> None:
    # "the door" (also al-Bab), "the opposition" (a village's name loosely), "Turkey" (also an
    # OCHA community's name), "the city" (a kind word with the article: no name after it)
    result = _read(builtin, "وفتح الباب أمام المعارضة للعودة إلى تركيا، وقال إن المدينة لم تعد آمنة.")
    assert _names(result) == [] and result.unresolved == []
    assert [code for _, code in result.found.countries] == ["TR"]


def test_where_someone_speaks_is_no_incident(builtin: Any) -> None:
    result = _read(builtin, "وقال مسؤولون في مدينة كلس التركية إن المدينة امتلأت بالنازحين. "
                            "وقال ناشطون إن غارات جوية استهدفت مدينة مارع. واتهمت موسكو أنقرة بالتحضير لتدخل عسكري.")
    roles = {m.text: (m.role, m.place.name) for m in result.found.mentions}
    assert roles["كلس"] == ("speaker", "Kilis")
    assert roles["مارع"][0] == ""   # what the activists said happened there
    assert roles["موسكو"] == ("speaker", "Moscow")   # Moscow accused: its government
    assert roles["أنقرة"][0] == "speaker"
    # the draft's place is the gazetteer's name, as the map's other labels are; the report's
    # spelling stays in its ingest metadata
    assert [(d["ingest"]["mention"], d["place"]) for d in result.drafts] == [("مارع", "Mare'")]


def test_an_arabic_report_gives_typed_drafts(builtin: Any) -> None:
    result = ingest_file(REPORT, gazetteer=builtin, countries=("SY", "TR"))
    drafts = {d["ingest"]["mention"]: d for d in result.drafts}
    assert drafts["عندان"]["type"] == "airstrike" and drafts["عندان"]["lat"] == pytest.approx(36.29, abs=0.05)
    assert drafts["مارع"]["type"] == "shelling"
    # ("صباح اليوم", this morning: the update's day)
    assert (drafts["مارع"]["date"], drafts["مارع"]["time_precision"]) == ("2016-02-09T00:00:00+00:00", "day")
    assert drafts["دير جمال"]["type"] == "territorial change"
    assert drafts["معبر باب السلامة"]["geo_precision"] == "near"
    assert not {"أنقرة", "موسكو", "كلس"} & set(drafts)
    assert all(d["review"] for d in result.drafts)


def test_arabic_keywords_suggest_the_type() -> None:
    assert suggest_type("قصفت طائرات حربية بلدة إعزاز") == "airstrike"
    assert suggest_type("سقطت قذائف هاون على حي الشيخ مقصود") == "shelling"
    assert suggest_type("نزح آلاف المدنيين نحو معبر باب السلامة") == "displacement"
    assert suggest_type("سيطرت الوحدات الكردية على قرية دير جمال") == "territorial change"


def test_the_command_reads_an_arabic_report(tmp_path: Path) -> None:
    out = tmp_path / "drafts.yaml"
    runner = CliRunner()
    res = runner.invoke(main, ["--home", str(tmp_path / "home"), "ingest", str(REPORT), "--country", "SY,TR",
                               "-o", str(out)])
    assert res.exit_code == 0, res.output
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    places = [d["ingest"]["mention"] for d in data["incidents"]]
    assert "إعزاز" in places and "رتيان" in places
    assert not any(is_arabic(d["place"]) for d in data["incidents"])
    assert all(d["ingest"]["entry"] in ("الاثنين 8 شباط/فبراير 2016 - 14:20", "الثلاثاء 9 شباط/فبراير 2016 - 10:05",
                                        "(before the first timestamp)") for d in data["incidents"])


@pytest.mark.parametrize("sentence, day, phrase", [
    ("استهدفت غارات فجر اليوم بلدة عندان", dt.date(2016, 2, 8), "اليوم"),
    ("قصفت الطائرات مساء أمس مدينة إعزاز", dt.date(2016, 2, 7), "أمس"),
    ("سيطرت القوات أول أمس على قرية رتيان", dt.date(2016, 2, 6), "أول أمس"),
    ("نزح المدنيون منذ يومين نحو الحدود", dt.date(2016, 2, 6), "منذ يومين"),
    ("قتل ثلاثة في ٧ شباط في عندان", dt.date(2016, 2, 7), "٧ شباط"),
    ("دارت اشتباكات يوم الأحد الماضي في كفرنايا", dt.date(2016, 2, 7), "يوم الأحد الماضي"),
])
def test_arabic_time_phrases_date_the_draft(sentence: str, day: dt.date, phrase: str) -> None:
    from mapgen.ingest.reltime import find_when

    when = find_when(sentence, dt.date(2016, 2, 8))
    assert when is not None and (when.day, when.phrase) == (day, phrase)


def test_an_arabic_report_dates_its_drafts_and_sets_the_past_aside(builtin: Any) -> None:
    result = _read(builtin, "قصفت الطائرات مساء أمس مدينة إعزاز. "
                            "وكانت فصائل المعارضة قد سيطرت على مدينة منبج عام ٢٠١٢.")
    drafts = {d["ingest"]["mention"]: d for d in result.drafts}
    assert drafts["إعزاز"]["date"].startswith("2016-02-07") and drafts["إعزاز"]["ingest"]["when"] == "أمس"
    assert "منبج" not in drafts
    assert [(s["name"], s["why"]) for s in result.set_aside] == [("منبج", "an earlier time (عام ٢٠١٢)")]


def test_an_arabic_dateline_is_where_the_report_is_filed_from(builtin: Any) -> None:
    far = _read(builtin, "بيروت - (أ ف ب) - قصفت طائرات حربية بلدة إعزاز وقرية كفين صباح اليوم.")
    assert [d["ingest"]["mention"] for d in far.drafts] == ["إعزاز", "كفين"]
    assert [(s["name"], s["why"]) for s in far.set_aside] == [
        ("بيروت", "the dateline's place, far from the report's events (where the report is filed from)")]
    near = _read(builtin, "حلب - خاص\n\nقصفت طائرات حربية بلدة إعزاز صباح اليوم.")
    assert [d["ingest"]["mention"] for d in near.drafts] == ["إعزاز"]   # (Aleppo: near the story, no draft of its own)
    alone = _read(builtin, "حلب - قصفت طائرات حربية الأحياء الشرقية صباح اليوم.")
    assert [d["ingest"]["mention"] for d in alone.drafts] == ["حلب"]


def test_a_stretched_word_is_the_same_name(builtin: Any) -> None:
    # the tatweel (ـ) stretches a word in headlines: "إعـزاز" is إعزاز
    result = _read(builtin, "قصفت طائرات حربية مدينة إعـزاز صباح اليوم.")
    assert [(m.text, m.place.name) for m in result.found.mentions] == [("إعـزاز", "I‘zāz")]


def test_short_words_adjectives_and_the_coast(builtin: Any) -> None:
    # "وفي" (and in) is a preposition though too short to read letters off in general; "بلدات
    # جديدة" (new towns) names no town "جديدة"; "الساحل" (the coast) is no town on its own
    # (As Sahil, Egypt); roads "leading to" a town are near it
    result = ingest_text(f"{STAMP}\n\nوفي كسب، افتتح مركز صحي. وتقدمت القوات على جبهة الساحل نحو بلدات جديدة، "
                         "وزرعت عبوات في الطرقات المؤدية إلى بلدة ربيعة.\n", gazetteer=builtin)
    assert [(m.text, m.precision) for m in result.found.mentions] == [("كسب", "exact"), ("ربيعة", "near")]
    assert result.unresolved == []


def test_a_village_after_a_preposition_only_is_among_the_report(builtin: Any) -> None:
    # "من خلاله" (through it) is also the village Khlaleh, 158 km from the report's other places;
    # a village the report names after a word of its kind, or among its places, stays
    result = _read(builtin, "استهدفت غارات بلدتي عندان وحريتان ومدينة إعزاز، ووصلت القوات من خلاله إلى "
                            "بلدتي نبل والزهراء. وفي كفين، دارت اشتباكات.")
    assert [m.text for m in result.found.mentions] == ["عندان", "حريتان", "إعزاز", "نبل", "الزهراء", "كفين"]


def test_an_arabic_live_blog_posts_at_times_of_day() -> None:
    text = ("الاثنين 8 شباط 2016\n\n١٠:٣٠\nقصفت طائرات حربية بلدة عندان.\n\n"
            "14:45\nدارت اشتباكات في محيط قرية رتيان.\n")
    stamps = [(e.stamp.text, e.stamp.moment) for e in split_entries(text, UTC) if e.stamp]
    assert stamps == [("الاثنين 8 شباط 2016", dt.datetime(2016, 2, 8, tzinfo=UTC)),
                      ("١٠:٣٠", dt.datetime(2016, 2, 8, 10, 30, tzinfo=UTC)),
                      ("14:45", dt.datetime(2016, 2, 8, 14, 45, tzinfo=UTC))]


def test_a_word_of_a_kind_or_a_facility_names_no_place_by_itself(builtin: Any) -> None:
    # "وسجن الأحداث" (and the juvenile prison) is no village of Sijn (al-Mazra'ah by Suwayda,
    # 400 km off, known so too); after "قاعدة" (base) the name that follows is the place
    assert builtin.resolve("سجن", countries=("SY", "TR")).status == "resolved"
    result = _read(builtin, "تراجع التنظيم من دوار البانوراما وسجن الأحداث في مدينة الحسكة، "
                            "وأقلعت الطائرات من قاعدة حميميم.")
    assert [m.text for m in result.found.mentions] == ["الحسكة", "حميميم"]
    assert not {u["name"] for u in result.unresolved} & {"سجن", "وسجن"}


def test_a_common_word_after_a_word_of_its_kind_is_a_village_only_among_the_report(builtin: Any) -> None:
    # "بمنطقة الجزيرة" (in the Jazira area of the Euphrates, by Abu Kamal) is no village of
    # al-Jazira by Aleppo, 300 km off; in a report of the villages around it, it is
    assert builtin.resolve("الجزيرة", countries=("SY", "TR")).status == "resolved"
    far = _read(builtin, "قصفت الطائرات مدينة البوكمال وقرى بمنطقة الجزيرة شرقي دير الزور.")
    assert "الجزيرة" not in [m.text for m in far.found.mentions]
    near = _read(builtin, "قصفت الطائرات حيي الشيخ مقصود وبلدة الجزيرة قرب مدينة حلب.")
    assert "الجزيرة" in [m.text for m in near.found.mentions]


def test_a_dash_of_tatweel_or_a_mark_alone_between_words(builtin: Any) -> None:
    # Arabic papers write a dash as tatweel ("دمشق، حلب ــ الأخبار", the dateline's bureau and
    # agency; "طريق حمص ــ دمشق", the Homs-Damascus road), and a stray mark of a vowel stands
    # alone after a word; neither is a word to read as a cue
    result = _read(builtin, "حلب ــ قصفت قوات النظام بلدة عندان ٍ في ريف حلب الشمالي، "
                            "وتقدمت على طريق حمص ــ دمشق.")
    names = _names(result)
    assert ("عندان", "Andan", "exact") in names
    assert ("حمص", "Homs", "exact") in names and ("دمشق", "Damascus", "exact") in names
    assert not any("ــ" in name or "ٍ" in name for name, _, _ in names)


def test_a_list_after_a_word_of_many_runs_on_over_every_comma(builtin: Any) -> None:
    # "towns and villages «A, B, C, ... and Z»": every item, past the first, which the
    # built-in data lacks (الغدفة), and those spelled loosely among the others too (معرشمارين:
    # OCHA's Maar Shamarin), not the list's first items alone
    result = _read(builtin, "شن الطيران غارات طالت مدن وبلدات “الغدفة، معصران، معرشمارين، "
                            "معرشورين، تلمنس، الدير الشرقي ومعرة النعمان” في ريف إدلب.")
    found = [name for name, _, _ in _names(result)]
    assert found[:6] == ["معصران", "معرشمارين", "معرشورين", "تلمنس", "الدير الشرقي",
                         "معرة النعمان"]


def test_a_word_with_an_indefinite_ending_is_no_name(builtin: Any) -> None:
    # "حققت القوات تقدماً كبيراً" (the forces made great progress): كبيراً, without its ك, is
    # Beira in Mozambique to a gazetteer asked with no countries
    result = ingest_text(f"{STAMP}\n\nحققت قوات النظام تقدماً كبيراً في محيط يبرود.\n",
                         gazetteer=builtin)
    assert [name for name, _, _ in _names(result)] == ["يبرود"]

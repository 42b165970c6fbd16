"""What makes a long report fast keeps the drafts the same: shared readings of repeated
sentences, the YAML writer, and the paused cycle collector."""
from __future__ import annotations

import gc
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
import yaml

from mapgen.ingest import ingest_text, render_drafts
from mapgen.ingest.drafts import _block_yaml
from mapgen.ingest.mentions import MentionFinder, PlaceLookup
from mapgen.ingest.report import _entry_sentences
from mapgen.ingest.entries import split_entries
from mapgen.ingest.clean import clean_text
from zoneinfo import ZoneInfo

# Strings YAML reads as something else unless quoted, long ones it folds, and other scripts.
TRICKY = ["yes", "No", "null", "~", "1e3", "0x1F", "2016-02-01", "12:30", "- dash", "# hash",
          "key: value", " leading", "trailing ", "multi\nline", "", "'quoted'", '"double"',
          "Ḩamāh", "حلب", "tab\there", "a " * 70, "x" * 130, "@at", "`tick", "!bang", "%pct",
          "*star", "&amp", "|pipe", ">fold", "[list]", "{map}", "…ellipsis", "=", "<<"]
SCALARS = st.one_of(st.sampled_from(TRICKY), st.text(max_size=150), st.integers(),
                    st.floats(allow_nan=False), st.booleans(), st.none())
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)), max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=12), VALUES, max_size=6))
def test_block_yaml_is_the_safe_dump_text(data: dict[str, Any]) -> None:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)   # what drafts were always written with
    expected = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100,
                         default_flow_style=False)
    assert _block_yaml(data) == expected


def test_drafts_text_round_trips() -> None:
    drafts = [{"id": "ingest-1", "place": name, "lat": 36.5, "lon": 37.05, "review": True,
               "ingest": {"mentions": 2, "score": 0.812, "gazetteer": {"geonameid": None}}}
              for name in TRICKY]
    text = render_drafts(drafts, [{"name": "Qzxw", "count": 3, "candidates": []}])
    assert yaml.safe_load(text) == {"incidents": drafts, "unresolved": [{"name": "Qzxw", "count": 3, "candidates": []}]}


REPEATED = """\
Feb 04, 2016 10:00 (GMT)

Shelling hit Azaz this morning. Families fled towards the border.

Feb 05, 2016 09:00 (GMT)

Shelling hit Azaz this morning. Later, clashes were reported in Tell Rifaat.

Feb 06, 2016 08:00 (GMT)

Shelling hit Azaz this morning.
"""


def test_a_repeated_sentence_is_read_once_and_placed_in_each_entry(gazetteer: Any) -> None:
    result = ingest_text(REPEATED, gazetteer=gazetteer)
    azaz = [m for m in result.found.mentions if m.text == "Azaz"]
    # one mention per sentence, each in its own sentence and entry
    assert [m.entry for m in azaz] == [0, 1, 2]
    assert len({id(m.sentence) for m in azaz}) == 3
    assert all(m.sentence.text.startswith("Shelling hit Azaz") for m in azaz)
    assert all(m.start == m.sentence.text.index("Azaz") for m in azaz)
    days = sorted(d["date"][:10] for d in result.drafts if d["place"] == "Azaz")
    assert days == ["2016-02-04", "2016-02-05", "2016-02-06"]
    assert any(d["place"] == "Tell Rifaat" for d in result.drafts)


def test_shared_reading_finds_what_reading_each_sentence_alone_finds(gazetteer: Any) -> None:
    entries = split_entries(clean_text(REPEATED), ZoneInfo("UTC"))
    sentences = _entry_sentences(entries)
    together = MentionFinder(PlaceLookup(gazetteer), sentences).run()
    for sentence in sentences:
        alone = MentionFinder(PlaceLookup(gazetteer), [sentence]).run()
        mine = [(m.text, m.start, m.status, m.place.geonameid if m.place else None)
                for m in together.mentions if m.sentence is sentence]
        assert mine == [(m.text, m.start, m.status, m.place.geonameid if m.place else None)
                        for m in alone.mentions]


def test_the_cycle_collector_runs_again_after_ingest(gazetteer: Any) -> None:
    assert gc.isenabled()
    ingest_text(REPEATED, gazetteer=gazetteer)
    render_drafts([{"id": "x"}])
    assert gc.isenabled()
    gc.disable()
    try:
        ingest_text(REPEATED, gazetteer=gazetteer)
        assert not gc.isenabled()   # left as the caller had it
    finally:
        gc.enable()

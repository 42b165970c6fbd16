"""Editors' annotations: validated at the model boundary with errors naming map.yaml, the
annotation's index and field; located from the map's own places."""
from __future__ import annotations

import datetime as dt

import pytest

from mapgen.annotations import annotation_rows, parse_annotations
from mapgen.config import config_from_mapping
from mapgen.errors import InputError
from mapgen.timeparse import get_zone

TZ = get_zone("Asia/Damascus")
GOOD = [
    {"type": "label", "text": "Front <b>line</b>", "at": [36.5, 37.1]},
    {"type": "arrow", "text": "Advance", "points": ["Hraytan", "Nubl"], "from": "2016-02-01", "to": "2016-02-03",
     "color": "#D55E00"},
    {"type": "area", "points": [[36, 37], [36.1, 37], [36.1, 37.1]], "dashed": True},
]


def test_annotations_parse_with_whole_day_dates() -> None:
    notes = parse_annotations(GOOD, "map.yaml", TZ)
    assert [n.kind for n in notes] == ["label", "arrow", "area"]
    assert notes[0].text == "Front <b>line</b>" and notes[0].points == ((36.5, 37.1),)
    assert notes[1].valid_from == dt.datetime(2016, 2, 1, tzinfo=TZ)
    assert notes[1].valid_to == dt.datetime(2016, 2, 4, tzinfo=TZ), "to is inclusive: the whole day"
    assert notes[2].dashed and notes[2].color == "#333333"


@pytest.mark.parametrize("item, field, words", [
    ({"type": "circle", "points": [[1, 2]]}, "annotations[1].type", "not one of"),
    ({"type": "label", "at": "Azaz"}, "annotations[1].text", "needs a text"),
    ({"type": "line", "points": ["Azaz"]}, "annotations[1].points", "at least 2"),
    ({"type": "area", "points": ["A", "B"]}, "annotations[1].points", "at least 3"),
    ({"type": "line", "points": ["A", [95, 1]]}, "annotations[1].points[1]", "latitude"),
    ({"type": "line", "points": ["A", "B"], "from": "2016-02-05", "to": "2016-02-01"}, "annotations[1].to", "before"),
    ({"type": "line", "points": ["A", "B"], "from": "soon"}, "annotations[1].from", "not an ISO"),
    ({"type": "line", "points": ["A", "B"], "color": "red"}, "annotations[1].color", "colour"),
    ({"type": "line", "points": ["A", "B"], "dashed": "yes"}, "annotations[1].dashed", "true or false"),
    ({"type": "line", "points": ["A", "B"], "colour": "#fff"}, "annotations[1].colour", "unknown field"),
])
def test_bad_annotations_name_file_index_and_field(item, field, words) -> None:
    with pytest.raises(InputError) as caught:
        config_from_mapping({"annotations": [GOOD[0], item]}, "proj/map.yaml")
    message = str(caught.value)
    assert message.startswith("proj/map.yaml") and field in message and words in message
    assert "\n" not in message


def test_rows_use_the_maps_places_and_reject_unknown_ones() -> None:
    notes = parse_annotations(GOOD, "proj/map.yaml", TZ)
    rows = annotation_rows(notes, {"hraytan": (36.28861, 37.08527), "Nubl": (36.37867, 36.99294)})
    assert rows[1]["pts"] == [[36.28861, 37.08527], [36.37867, 36.99294]]
    assert rows[1]["from"] == int(dt.datetime(2016, 2, 1, tzinfo=TZ).timestamp() // 60)
    assert rows[0]["to"] is None and rows[0]["t"] == "Front <b>line</b>"  # escaped by the page (canvas text)
    with pytest.raises(InputError, match=r"proj/map.yaml.*annotations\[1\]\.points\[1\].*unknown place 'Nubl'"):
        annotation_rows(notes, {"Hraytan": (36.28861, 37.08527)})

"""Names the text calls villages: "the village of X", "X village", Turkish "X köyü", a list
of names before "villages" or "köylerini" ("Ganime ve Süveyda köylerini", the villages of
Ganime and Süveyda).

The gazetteer lets a city or a province's seat stand however far it lies from a report's
other places (Jablah, 66,000 people, is meant wherever the report is), but a name the text
calls a village is no city: when the answer for it is a town farther than FRONT_TOWN_KM from
every other place of the report (MIN_OTHERS of them at least), the report's own village of
that name, which the gazetteer lacks, is meant, and the name is left for the editor with its
candidates. (A Turkish report of the villages west of Jarablus does not mean the city of
as-Suwayda, 440 km south, by "Süveyda"; nor the Black Sea city of Ordu, one of whose names is
Mesudiye; nor a French report of "villages tels que ... El Malîha" north of Deir ez-Zor the
seat of al-Mulayhah by Damascus.)

A single name before a plural ("the Afrin villages", "Afrin köyleri") names the villages of
a town, not the town as one of them: only a list of names is read so.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import numpy as np

from mapgen.ingest import lexicon as lx
from mapgen.ingest.textkeys import fold

#: Words before names that call them villages, in English, Portuguese, Spanish, French,
#: Italian, German and Arabic ("the village of", "las aldeas de", "i villaggi di", "das Dorf").
_VILLAGES_BEFORE = re.compile(
    r"\b(?:villages?|aldeias?|aldeas?|vilarejos?|povoados?|villaggio|villaggi|dorf|dörfer|"
    r"ortschaften|قرية|قرى|قريتي)\s+(?:(?:of|de|del|da|das|dos|des|du|di|dei|der)\s+|"
    r"(?:such\s+as|including|like|tels?\s+que|telles?\s+que|dont|como|tales\s+como|"
    r"incluyendo|wie|come|tra\s+cui)\s+)?"
    r"(?:(?:the|la|las|los|les|die|das|o|os|a|as|il|i)\s+)?", re.I)
#: Words after names that call them villages ("X village"; Turkish "X köyü", "A ve B
#: köylerini"), and of them those that are plural.
_VILLAGES_AFTER = re.compile(r"(?:['’]\w*)?\s+(villages?|köy\w*)\b", re.I)
_PLURAL = re.compile(r"villages|köyler", re.I)
#: What stands between two names of a list: a comma, "and" in those languages, Turkish "ve"
#: and "ile", the Arabic conjunction written onto the next name (after a Turkish case ending).
_AND = r"(?:and|y|e|et|und|ed|ve|ile)"
_COMMA_OR_AND = rf"(?:\s*[,،]\s*(?:{_AND}\s+)?|\s+{_AND}\s+)"
_LIST_SEP = re.compile(rf"(?:['’]\w*)?(?:{_COMMA_OR_AND}|\s+و(?=\w))", re.I)
#: ... and one that ends where a name of the list starts, after the name before it.
_LIST_SEP_BEFORE = re.compile(rf"[^\W\d_][\w'’-]*{_COMMA_OR_AND}$", re.I)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: The fewest other places of the report that a town called a village must lie far from.
MIN_OTHERS = 3
#: The most characters of text looked at before a name for the name before it in a list.
MAX_GAP = 60
#: The most words of one name of a list ("Havar en-Nahr", "Tell Abu Shahin").
MAX_NAME_WORDS = 4


def _name_end(text: str, pos: int) -> int | None:
    """The end of a name of a list starting at ``pos``: up to MAX_NAME_WORDS words, each
    capitalised, in Arabic script or a word with an article ("en-Nahr"); None when no name
    starts there."""
    end = None
    for _ in range(MAX_NAME_WORDS):
        word = _WORD.match(text, pos)
        if word is None:
            break
        w = word.group()
        if not (w[0].isupper() or not w[0].isascii() and not w[0].islower()
                or w.split("-")[0].lower() in lx.ARTICLES and "-" in w):
            break
        end = word.end()
        if text[end:end + 1] != " ":
            break
        pos = end + 1
    return end


def _article_before(text: str, pos: int, start: int) -> bool:
    """Whether the text from ``pos`` to ``start`` is an article written apart, which the
    name found at ``start`` goes without ("El Malîha": Malîha)."""
    return 0 < start - pos <= 4 and text[pos:start].rstrip().lower() in lx.ARTICLES \
        and text[start - 1] == " "


def called_a_village(mention: Any) -> bool:
    """Whether the sentence of ``mention`` calls its name a village: after words that say so
    ("the villages of A, B and X"), or before such a word, alone when singular ("X village",
    "X köyü") or at the end of a list ("A, B ve X köylerini")."""
    text = mention.sentence.text
    start, end = mention.start, mention.start + len(mention.text)
    if text[start:end] != mention.text:
        return False
    for cue in _VILLAGES_BEFORE.finditer(text, 0, start):
        pos: int | None = cue.end()
        while pos is not None and pos < start and not _article_before(text, pos, start):
            pos = _name_end(text, pos)
            sep = _LIST_SEP.match(text, pos) if pos is not None else None
            pos = sep.end() if sep is not None else None
        if pos is not None and (pos == start or _article_before(text, pos, start)):
            return True
    before = _LIST_SEP_BEFORE.search(text, max(0, start - MAX_GAP), start)
    pos, listed = end, int(before is not None and _name_end(text, before.start()) is not None)
    while True:
        cue = _VILLAGES_AFTER.match(text, pos)
        if cue is not None:
            return listed > 0 or _PLURAL.match(cue.group(1)) is None
        sep = _LIST_SEP.match(text, pos)
        after = _name_end(text, sep.end()) if sep is not None else None
        if after is None:
            return False
        pos, listed = after, listed + 1


def villages_far_off(lookup: Any, found: Any) -> Any:
    """``found`` (see :class:`mapgen.ingest.mentions.Found`) with each name the text calls a
    village left in doubt where the gazetteer's answer is a town farther than FRONT_TOWN_KM
    from every other place of the report (see the module's text). ``lookup`` is the
    report's :class:`mapgen.ingest.mentions.PlaceLookup`."""
    from gazetteer.resolve import FRONT_TOWN_KM, haversine_km
    from mapgen.ingest.mentions import _is_town

    doubted: set[str] = set()
    far: dict[tuple[str, float, float], bool] = {}   # (name, place) -> far from the others
    for m in found.mentions:
        key = fold(m.text)
        place = m.place
        if key in doubted or m.role or place is None or not place.feature_code.startswith("PPL") \
                or not _is_town(place):
            continue
        at = (key, place.lat, place.lon)
        if at not in far:   # (worked out once a name and place: a live blog repeats its towns)
            points = np.array(lookup.others(key), dtype=float).reshape(-1, 2)
            far[at] = len(points) >= MIN_OTHERS and bool((haversine_km(
                place.lat, place.lon, points[:, 0], points[:, 1]) > FRONT_TOWN_KM).all())
        if far[at] and called_a_village(m):
            doubted.add(key)
    if not doubted:
        return found
    kept = []
    for m in found.mentions:
        if fold(m.text) in doubted:
            found.unresolved.append(replace(m, status="unresolved", place=None, score=0.0,
                                            alternatives=(m.place, *m.alternatives)))
        else:
            kept.append(m)
    found.mentions[:] = kept
    return found

"""Folded forms of words and names for comparing a mention with a place's name."""
from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

_MARKS = str.maketrans({"ı": "i", "İ": "i", "'": "", "’": "", "‘": "", "`": "", "ʿ": "", "ʾ": "",
                        "ʻ": "", "ʼ": "", "´": "", "ß": "ss"})
#: The letters of Arabic (hamza to ya, without the tatweel), and with them those Persian and
#: Kurdish add: character ranges for regular expressions.
ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a"
ARABIC_SCRIPT_LETTERS = ARABIC_LETTERS + "\u0671-\u06d3"
#: What is not a letter or figure of a name: Latin letters, and Arabic and Cyrillic ones for
#: names in those scripts.
_NON_WORD = re.compile(f"[^0-9a-z{ARABIC_SCRIPT_LETTERS}\u0430-\u045f\u0491]+")
_ARTICLES = frozenset("al el il ul as es ash esh ad ed ar er az ez an en at et ath adh".split())
_TYPE_WORDS = frozenset("border crossing checkpoint gate airbase air base airport airfield camp "
                        "military city town village province governorate district "
                        # the same in Arabic, as folded (crossing, airport, city, town, village, camp)
                        "معبر مطار مدينة بلدة قرية مخيم "
                        # and in Turkish (border gate, airport, military, district)
                        "sinir kapisi havaalani askeri ilcesi".split())


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower case, accents and ‘ayn/hamza marks removed, punctuation as single spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_MARKS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().translate(_MARKS)
    return " ".join(_NON_WORD.split(text)).strip()


@lru_cache(maxsize=100_000)
def name_core(text: str) -> str:
    """A name without articles and kind words, vowels of endings unified: for similarity."""
    words = [w for w in fold(text).split() if w not in _ARTICLES and w not in _TYPE_WORDS]
    core = "".join(words)
    core = re.sub(r"(.)\1+", r"\1", core)
    core = re.sub(r"(?<=[aei])h$", "", core)
    return core.replace("ou", "u").replace("ee", "i").replace("ei", "ay").replace("q", "k")


def _skeleton(core: str) -> str:
    return re.sub(r"[aeiouyw]", "", core)


@lru_cache(maxsize=100_000)
def similarity(mention: str, name: str) -> float:
    """How alike a mention and a place name look, 0..1 (Latin script only; 0 for others)."""
    a, b = name_core(mention), name_core(name)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    if _skeleton(a) and _skeleton(a) == _skeleton(b):
        ratio = max(ratio, 0.8)
    if len(a) >= 4 and (b.startswith(a) or a.startswith(b)):
        ratio = max(ratio, 0.75)
    return ratio


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km on the WGS84 ellipsoid (geopy's geodesic).

    About 0.15 ms a pair; a report asks for a few dozen, so the exact distance costs nothing
    worth saving (the gazetteer's ranking, thousands of pairs per name, stays vectorised).
    """
    from geopy.distance import geodesic

    return float(geodesic((lat1, lon1), (lat2, lon2)).km)

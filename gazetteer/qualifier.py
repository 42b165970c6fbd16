"""Names with a qualifier: "Al-Burj, al-Bab", "Suran (Azaz District)", "Kafra, Syria".

Wikipedia titles its articles on villages that share a name this way, and people paste those
titles into a map's places: the part after the comma, or in brackets, names the district,
town, province or country the place lies in. :func:`split_qualifier` separates the name from
its qualifiers; the gazetteer resolves the name near the place the qualifier names (see
:meth:`gazetteer.api.Gazetteer.resolve`).
"""
from __future__ import annotations

import re

__all__ = ["split_qualifier"]

#: "Name (qualifier)" -- the brackets at the end.
_BRACKETS = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<qualifier>[^()]+)\)\s*$")
#: Words that say what kind of unit a qualifier is ("Azaz District", "Hama Governorate",
#: "Aleppo countryside"): dropped, the unit is known by its seat's name.
_UNIT_WORDS = re.compile(
    r"\b(?:sub-?district|district|nahiy[ae]h?|nahia|governorate|province|muhafaz[ae]h?|"
    r"mintaq[ae]h?|manteqa|canton|region|area|countryside|rural|rif|gouvernorat|"
    r"provinz|bezirk)\b", re.I)
#: Qualifiers read at most (more commas: a list, not a qualified name).
MAX_QUALIFIERS = 2


def split_qualifier(name: str) -> tuple[str, tuple[str, ...]] | None:
    """The name and its qualifiers, the most specific first, or None when it has none.

    Examples
    --------
    >>> split_qualifier("Al-Burj, al-Bab")
    ('Al-Burj', ('al-Bab',))
    >>> split_qualifier("Suran (Azaz District)")
    ('Suran', ('Azaz',))
    >>> split_qualifier("Ayn al-Bayda, Latakia Governorate, Syria")
    ('Ayn al-Bayda', ('Latakia', 'Syria'))
    >>> split_qualifier("Azaz") is None
    True
    """
    text = name.strip()
    match = _BRACKETS.match(text)
    if match is not None:
        base, parts = match["name"], [match["qualifier"]]
        base_parts = base.split(",")
        if len(base_parts) > 1:  # "Suran, Aleppo (Syria)"
            base, parts = base_parts[0], base_parts[1:] + parts
    else:
        base, *parts = text.split(",")
    if not parts or len(parts) > MAX_QUALIFIERS:
        return None
    quals = tuple(q for q in (" ".join(_UNIT_WORDS.sub(" ", p).split()) for p in parts) if q)
    base = base.strip()
    if not base or not quals:
        return None
    return base, quals

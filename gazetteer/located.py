"""Names that say where they lie: "Al-Burj, al-Bab", "Suran (Azaz District)", "Kafra, Syria".

Wikipedia titles its articles on villages that share a name this way, and people paste those
titles into a map's places: the part after the comma, or in brackets, names the district,
town, province or country the place lies in (its location). :func:`split_location` separates
the name from its locations; the gazetteer resolves the name near the place a location names (see
:meth:`gazetteer.api.Gazetteer.resolve`).
"""
from __future__ import annotations

import re

__all__ = ["split_location"]

#: "Name (location)" -- the brackets at the end.
_BRACKETS = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<location>[^()]+)\)\s*$")
#: Words that say what kind of unit a location is ("Azaz District", "Hama Governorate",
#: "Aleppo countryside"): dropped, the unit is known by its seat's name; and words that say
#: what kind of place the name is ("Jarabulus (town)"), which leave the name alone.
_UNIT_WORDS = re.compile(
    r"\b(?:sub-?district|district|nahiy[ae]h?|nahia|governorate|province|muhafaz[ae]h?|"
    r"mintaq[ae]h?|manteqa|canton|region|area|countryside|rural|rif(?=\s)|gouvernorat|"
    r"provinz|bezirk|town|city|village|municipality)\b"
    r"|(?:^|(?<=\s))(?:محافظة|منطقة|ناحية|ريف|مدينة|بلدة|قرية)(?=\s|$)", re.I)
#: A comma, Latin or Arabic ("الباب، حلب").
_COMMA = re.compile("[,\u060c]")
#: Locations read at most (more commas: a list, not a located name).
MAX_LOCATIONS = 2


def split_location(name: str) -> tuple[str, tuple[str, ...]] | None:
    """The name and its locations, the most specific first, or None when it has none.

    Examples
    --------
    >>> split_location("Al-Burj, al-Bab")
    ('Al-Burj', ('al-Bab',))
    >>> split_location("Suran (Azaz District)")
    ('Suran', ('Azaz',))
    >>> split_location("Ayn al-Bayda, Latakia Governorate, Syria")
    ('Ayn al-Bayda', ('Latakia', 'Syria'))
    >>> split_location("Idlib (governorate)")
    ('Idlib', ())
    >>> split_location("Azaz") is None
    True
    """
    text = name.strip()
    match = _BRACKETS.match(text)
    if match is not None:
        base, parts = match["name"], [match["location"]]
        base_parts = _COMMA.split(base)
        if len(base_parts) > 1:  # "Suran, Aleppo (Syria)"
            base, parts = base_parts[0], base_parts[1:] + parts
    else:
        base, *parts = _COMMA.split(text)
    if not parts or len(parts) > MAX_LOCATIONS:
        return None
    places = tuple(q for q in (" ".join(_UNIT_WORDS.sub(" ", p).split()) for p in parts) if q)
    base = base.strip()
    if not base:
        return None
    return base, places  # ("Idlib (governorate)": no place, the name alone)

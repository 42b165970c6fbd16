"""Names that say where they lie: "Al-Burj, al-Bab", "Suran (Azaz District)", "Kafra, Syria".

Wikipedia titles its articles on villages that share a name this way, and people paste those
titles into a map's places: the part after the comma, or in brackets, names the district,
town, province or country the place lies in (its location). :func:`split_location` separates
the name from its locations; the gazetteer resolves the name near the place a location names (see
:meth:`gazetteer.api.Gazetteer.resolve`).
"""
from __future__ import annotations

import re

__all__ = ["split_location", "relative_locations", "locate"]

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
#: Words that place the name near its location, not in it: "north of Hama", "near Azaz",
#: "10 km east of al-Bab", "the outskirts of Homs", "قرب حلب", "شمال حماة".
_RELATIVE = re.compile(
    r"^(?:(?:about\s+|some\s+)?\d+(?:[.,]\d+)?\s*(?:km|kilometres|kilometers|miles|mi)\s+)?"
    r"(?:(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
    r"n|s|e|w|ne|nw|se|sw)\s+of|near|nearby|close\s+to|outside|(?:the\s+)?outskirts\s+of)\s+"
    r"|(?:قرب|بالقرب\s+من|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|جوار|ضواحي)\s+)", re.I)
#: Adjectives of direction before a unit ("northern Aleppo countryside", "ريف حلب الشمالي"):
#: the unit is still the one named.
_DIRECTION_WORDS = re.compile(
    r"\b(?:northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|"
    r"south-?western)\b|(?:^|(?<=\s))(?:الشمالي|الجنوبي|الشرقي|الغربي)(?=\s|$)", re.I)
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
    located = locate(name)
    return None if located is None else located[:2]


def relative_locations(name: str) -> frozenset[str]:
    """The locations of ``name`` (as :func:`split_location` gives them) that say only where
    near the place lies, not the unit it lies in: "north of Hama", "near Azaz", "10 km east of
    al-Bab", "قرب حلب". Such a place may lie beyond the unit the location names.

    >>> sorted(relative_locations("Suran (north of Hama)")), relative_locations("Suran, Hama")
    (['Hama'], frozenset())
    """
    located = locate(name)
    return frozenset() if located is None else located[2]


def locate(name: str) -> tuple[str, tuple[str, ...], frozenset[str]] | None:
    """:func:`split_location` and :func:`relative_locations` of ``name`` at once: the name,
    its locations, and those of them it is only said to lie near; None when it has none."""
    parts = _split(name)
    if parts is None:
        return None
    base, raw = parts
    read = [_location(p) for p in raw]
    places = tuple(q for q, _ in read if q)
    return base, places, frozenset(q for q, relative in read if q and relative)


def _split(name: str) -> tuple[str, list[str]] | None:
    text = name.strip()
    match = _BRACKETS.match(text)
    if match is not None:
        base, parts = match["name"], _COMMA.split(match["location"])
        base_parts = _COMMA.split(base)
        if len(base_parts) > 1:  # "Suran, Aleppo (Syria)"
            base, parts = base_parts[0], base_parts[1:] + parts
    else:
        base, *parts = _COMMA.split(text)
    parts = [p for p in parts if p.strip()]
    if not parts or len(parts) > MAX_LOCATIONS:
        return None
    base = base.strip()
    if not base:
        return None
    return base, parts


def _location(part: str) -> tuple[str, bool]:
    """A location without its unit words and the words that place the name near it, and
    whether such words were there."""
    text = " ".join(_DIRECTION_WORDS.sub(" ", _UNIT_WORDS.sub(" ", part)).split())
    near = _RELATIVE.match(text)
    if near is not None:
        text = text[near.end():]
    return text.strip(), near is not None

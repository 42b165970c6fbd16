"""Names that say where they lie: "Al-Burj, al-Bab", "Suran (Azaz District)", "Kafra, Syria".

Wikipedia titles its articles on villages that share a name this way, and people paste those
titles into a map's places: the part after the comma, or in brackets, names the district,
town, province or country the place lies in (its location). :func:`split_location` separates
the name from its locations; the gazetteer resolves the name near the place a location names (see
:meth:`gazetteer.api.Gazetteer.resolve`).
"""
from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Located", "split_location", "relative_locations", "locate"]

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
#: Unit words that say the location is a district (an outline the place lies in: see
#: :func:`gazetteer.provinces.district_at`), not a subdistrict or a town.
_DISTRICT_WORDS = re.compile(r"(?<!sub-)(?<!sub)\b(?:district|mintaq[ae]h?|manteqa|bezirk|il[çc]esi|il[çc]e)\b"
                             r"|(?:^|(?<=\s))منطقة(?=\s|$)", re.I)
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


class Located(NamedTuple):
    """A name that says where it lies, read (see :func:`locate`)."""

    #: The name without its locations.
    base: str
    #: Its locations, without their unit words, the most specific first.
    places: tuple[str, ...]
    #: Those it is only said to lie near ("north of Hama").
    relative: frozenset[str]
    #: Those said to be districts ("Azaz District", "منطقة الباب").
    districts: frozenset[str] = frozenset()


def locate(name: str) -> Located | None:
    """:func:`split_location` and :func:`relative_locations` of ``name`` at once: the name,
    its locations, those of them it is only said to lie near, and those said to be districts;
    None when it has none.

    >>> locate("Suran (Azaz District)").districts
    frozenset({'Azaz'})
    """
    parts = _split(name)
    if parts is None:
        return None
    base, raw = parts
    read = [(_location(p), _DISTRICT_WORDS.search(p) is not None) for p in raw]
    places = tuple(q for (q, _), _ in read if q)
    return Located(base, places, frozenset(q for (q, relative), _ in read if q and relative),
                   frozenset(q for (q, _), district in read if q and district))


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

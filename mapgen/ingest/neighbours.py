"""Names the text places beside another: "the village of Mushayrifa, on the outskirts of Abu Rasin".

A report that writes where a village lies ("X, north of B", "X near the town of B", "X, a
village south of B", "X, perto de B") says more of which X it means than the report's other
places do. When the answer for X is a village farther than STRAY_KM from B, X is read again
near B: the namesake beside B is the place, if the gazetteer has one within NEAR_CUE_KM;
if it has none, X is left for the editor (with its candidates), never drafted 200 km from
where the text puts it. ("Near" is loose: a dam 70 km off is "near Tabqa", a town 45 km off
"north of Aleppo"; only a village far beyond that is read again.) Mushayrifa is a name of some
twenty-five villages: a report of the fighting by the Tishrin Dam and Abu Rasin does not mean
the one by the dam when it says the village lies on the outskirts of Abu Rasin.

Two names a sentence gives as adjoining areas ("the areas of Al Ameriya and Basatín" east of
Palmyra, "las áreas de", "les quartiers de") lie together too: when one of them is a village
farther than STRAY_KM from the other, the one of the two farther from the report's other places
is read again near its partner the same way.
"""
from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from typing import Any

from mapgen.ingest.textkeys import distance_km, fold

#: A village farther than this from the place the text says it lies near is not the one
#: meant (km; the gazetteer's STRAY_KM, beyond which a village is off a report's front) ...
STRAY_KM = 100.0
#: ... and a namesake within this of that place is (the gazetteer's LOCATION_KM, within
#: which "Suran, Azaz" finds Suran).
NEAR_CUE_KM = 60.0
#: The most characters between a name and the place the text puts it beside.
MAX_GAP = 60

#: What may stand between a name and the words that place it ("Sa'ideen, a village south of"):
#: a comma and a kind of place, in English, Portuguese, Spanish, French and Italian.
_APPOSITION = re.compile(
    r"[\s,]*(?:(?:a|an|the|o|um|uma|el|la|un|une|una)\s+(?:small\s+|pequena\s+|pequeño\s+|petit\s+)?"
    r"(?:village|town|hamlet|aldeia|vila|vilarejo|povoado|localidade|pueblo|aldea|localidad|"
    r"villaggio|paese)\s*,?\s*)?$", re.I)


#: Words that give the two names after them as adjoining areas, in English, Portuguese, Spanish,
#: French, Italian and German ("the areas of", "las áreas de", "os bairros de", "les quartiers
#: de", "i villaggi di", "die Dörfer"), anchored at the end ...
_AREAS_OF = re.compile(
    r"\b(?:areas|villages|neighbou?rhoods|districts|áreas|aldeas|localidades|barrios|aldeias|"
    r"bairros|localités|quartiers|zones|aree|villaggi|quartieri|gebiete|dörfer|ortschaften|"
    r"viertel)\s+(?:(?:of|de|del|da|das|dos|des|di|dei|delle|der)\s+)?"
    r"(?:(?:the|la|las|los|les|die)\s+)?$", re.I)
#: ... and what stands between the two: "and" or a comma, in those languages.
_AND = re.compile(r"\s*(?:,\s*|(?:,\s*)?(?:and|y|e|et|und|ed)\s+)", re.I)


def _cue_between(between: str, near_before: re.Pattern[str]) -> bool:
    """Whether the text ``between`` a name and the next is only words that place the first near
    the second (``near_before``: the finder's expression of those words, anchored at the end)."""
    if len(between) > MAX_GAP or not between.strip():
        return False
    found = near_before.search(between)
    return found is not None and _APPOSITION.match(between[:found.start()]) is not None


def _is_village(place: Any) -> bool:
    """A populated place that is no town (see :func:`mapgen.ingest.mentions._is_town`)."""
    from mapgen.ingest.mentions import _is_town

    return place.feature_code.startswith("PPL") and not _is_town(place)


def _is_point(place: Any) -> bool:
    """Whether ``place`` is where a village can lie near: not a province, district or region,
    whose point is no town's."""
    from mapgen.ingest.mentions import AREA_FEATURES

    return not place.feature_code.startswith(("ADM", "PCL")) \
        and place.feature_code not in AREA_FEATURES


def _as_adjoining_areas(x: Any, b: Any) -> bool:
    """Whether the sentence names the mentions ``x`` and ``b`` (``x`` first) as a pair of
    adjoining areas ("the areas of X and B")."""
    text = x.sentence.text
    end = x.start + len(x.text)
    return text[x.start:end] == x.text and b.start >= end \
        and _AND.fullmatch(text[end:b.start]) is not None \
        and _AREAS_OF.search(text, max(0, x.start - MAX_GAP), x.start) is not None


def _stray_of_pair(lookup: Any, x: Any, b: Any) -> tuple[Any, Any] | None:
    """Of two places named as adjoining areas, ``(the one placed astray, its partner)``: a
    village farther than STRAY_KM from the other, and of two villages so, the one farther from
    the report's other places. None when they lie together, or when neither is a village, or
    when the report's other places cannot tell which of two villages is astray."""
    if x.place is None or b.place is None or not (_is_point(x.place) and _is_point(b.place)):
        return None
    if distance_km(x.place.lat, x.place.lon, b.place.lat, b.place.lon) <= STRAY_KM:
        return None
    x_village, b_village = _is_village(x.place), _is_village(b.place)
    if x_village and b_village:
        far_x, far_b = _off_the_report(lookup, x, b), _off_the_report(lookup, b, x)
        if far_x == far_b:
            return None
        stray = x if far_x > far_b else b
    elif x_village or b_village:
        stray = x if x_village else b
    else:
        return None
    return stray, (b if stray is x else x)


def _off_the_report(lookup: Any, m: Any, partner: Any) -> float:
    """How far the place of ``m`` lies from the report's places other than it and ``partner``
    (0 when the report has none)."""
    points = [p for p in lookup.others(fold(m.text))
              if distance_km(p[0], p[1], partner.place.lat, partner.place.lon) > 1.0]
    return min((distance_km(m.place.lat, m.place.lon, p[0], p[1]) for p in points), default=0.0)


def _read_near(lookup: Any, x: Any, b: Any, verdicts: dict[str, Any]) -> None:
    """Resolve the name of ``x`` again near the place of ``b``: the namesake within
    NEAR_CUE_KM of it, or, failing one, the name left in doubt with its candidates."""
    key = fold(x.text)
    again = lookup.gazetteer.resolve(
        x.text, countries=lookup.countries, near=(b.place.lat, b.place.lon),
        context=lookup.others(key), extra_places=lookup.extra_places,
        context_spread=lookup.spread)
    if again.status == "resolved" and distance_km(
            again.place.lat, again.place.lon, b.place.lat, b.place.lon) <= NEAR_CUE_KM:
        verdicts[key] = again
    elif x.place is not None:
        alternatives = (x.place, *(p for p in (again.place, *again.alternatives)
                                   if p is not None and p != x.place))
        verdicts[key] = replace(again, status="unresolved", place=None,
                                alternatives=alternatives)


def placed_beside(lookup: Any, found: Any, near_before: re.Pattern[str]) -> Any:
    """``found`` (see :class:`mapgen.ingest.mentions.Found`) with each name a sentence places
    near another of its places read again near that place (see the module's text): a village
    placed far from it, and a name in doubt among namesakes (the one beside it is meant). The
    same answer for every mention of the name. ``lookup`` is the report's
    :class:`mapgen.ingest.mentions.PlaceLookup`."""
    by_sentence: dict[int, list[Any]] = {}
    for m in found.mentions:
        by_sentence.setdefault(id(m.sentence), []).append(m)
    for m in found.unresolved:
        if m.status == "ambiguous" and id(m.sentence) in by_sentence:
            by_sentence[id(m.sentence)].append(m)
    verdicts: dict[str, Any] = {}   # folded name -> new answer (a Resolution)
    for mentions in by_sentence.values():
        mentions.sort(key=lambda m: m.start)
        for x, b in pairwise(mentions):
            if _as_adjoining_areas(x, b):
                pair = _stray_of_pair(lookup, x, b)
                if pair is not None and not pair[0].role and fold(pair[0].text) not in verdicts:
                    _read_near(lookup, *pair, verdicts)
                continue
            key = fold(x.text)
            if x.role or key in verdicts or b.place is None or not _is_point(b.place):
                continue
            if x.place is not None and (not _is_village(x.place) or distance_km(
                    x.place.lat, x.place.lon, b.place.lat, b.place.lon) <= STRAY_KM):
                continue   # (a town, or a village the text may well call near: as it is)
            text = x.sentence.text
            end = x.start + len(x.text)
            if text[x.start:end] != x.text or b.start < end \
                    or not _cue_between(text[end:b.start], near_before):
                continue
            _read_near(lookup, x, b, verdicts)
    if not verdicts:
        return found
    mentions, unresolved, promoted = [], [], []
    for m in found.mentions:
        answer = verdicts.get(fold(m.text))
        if answer is None:
            mentions.append(m)
        elif answer.status == "resolved":
            mentions.append(replace(m, place=answer.place, score=answer.score))
        else:
            unresolved.append(replace(m, status="unresolved", place=None, score=0.0,
                                      alternatives=answer.alternatives))
    for m in found.unresolved:
        answer = verdicts.get(fold(m.text))
        if answer is not None and answer.status == "resolved" and m.status == "ambiguous":
            promoted.append(replace(m, status="resolved", place=answer.place, score=answer.score,
                                    alternatives=()))
        else:
            unresolved.append(m)
    for m in promoted:   # (where the text names it among the others)
        at = (m.sentence.index, m.start)
        i = next((i for i, o in enumerate(mentions) if (o.sentence.index, o.start) > at),
                 len(mentions))
        mentions.insert(i, m)
    found.mentions[:] = mentions
    found.unresolved[:] = unresolved
    return found

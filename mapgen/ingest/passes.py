"""The frame of a finder of place names in a report's sentences of one script (Arabic,
Cyrillic): two passes over the sentences, the second with the report's places as context."""
from __future__ import annotations

from typing import Sequence

from mapgen.geodesy import great_circle_km
from mapgen.ingest.mentions import BUREAU, DATELINE_FAR, Found, PlaceLookup, is_bureau
from mapgen.ingest.sentences import Sentence
from mapgen.ingest.textkeys import fold


class TwoPassFinder:
    """Reads each sentence (:meth:`_read`, the script's own) twice: the second pass reads every
    name again with the report's places (those the first found, and the places of the report's
    other sentences) as context. ``NEAR_KM``: how close a village named without a word of its
    kind must lie to another place of the report."""

    NEAR_KM = 50.0

    def __init__(self, lookup: PlaceLookup, sentences: Sequence[Sentence]) -> None:
        self.lookup = lookup
        self.sentences = list(sentences)

    def run(self, context: Sequence[tuple[str, tuple[float, float]]] = ()) -> Found:
        """Two passes; ``context``: the places of the report's other sentences."""
        found = self._pass()
        points = list(context) + [(fold(m.text), (m.place.lat, m.place.lon))
                                  for m in found.mentions if m.precision != "region"
                                  and not m.role and m.reason != DATELINE_FAR]
        if not points:
            return found
        self.lookup.context = points
        return self._pass()

    def _pass(self) -> Found:
        found = Found()
        for sentence in self.sentences:
            self._read(sentence, found)
        return found

    def _read(self, sentence: Sentence, found: Found) -> None:
        raise NotImplementedError

    def _dateline_role(self, place: object, name: str) -> tuple[str, str]:
        """The role and reason of a dateline's place: the bureau, far from the report's places;
        else a place of the story, drafted only when the report names no other (see
        :mod:`mapgen.ingest.report`)."""
        return ("speaker", BUREAU) if is_bureau(self.lookup, place, name) else ("", DATELINE_FAR)

    def _among_report(self, place: object, name: str) -> bool:
        """Whether ``place`` lies within :attr:`NEAR_KM` of another place of the report (True
        before the report's places are known: the first pass)."""
        return near_any(place, self.lookup.others(fold(name)), self.NEAR_KM)


def near_any(place: object, points: Sequence[tuple[float, float]], km: float) -> bool:
    """Whether ``place`` lies within ``km`` of one of ``points`` (True when there is none)."""
    lat, lon = getattr(place, "lat"), getattr(place, "lon")
    return not points or any(great_circle_km(lat, lon, a, b) <= km for a, b in points)

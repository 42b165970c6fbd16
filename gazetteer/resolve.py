"""Ranking candidate places for a name, with context, and deciding resolved/ambiguous/unresolved.

A candidate's score in [0, 1] adds three parts:

* how well a stored name matches the query (exact main name > exact alternate > loose key >
  Arabic-script skeleton > Latin skeleton; short skeletons count less);
* the place's prior importance (feature type and population, see
  :func:`gazetteer.importer.importance`);
* proximity to ``near`` and to the places of the other names of the same report or map
  (a vectorised haversine over every candidate and context point).

Places outside the requested countries lose a fixed amount. The best candidate is
``resolved`` only when it scores at least :data:`MIN_SCORE` and beats every candidate more than
:data:`SAME_PLACE_KM` away by :data:`MARGIN`; otherwise the name is ``ambiguous`` (close
rivals) or ``unresolved`` (nothing good enough) and the alternatives say what was considered.
A wrong coordinate on a war map is worse than an unresolved name.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from gazetteer.importer import EXACT_ALT, EXACT_MAIN, LOOSE, SKELETON_ARABIC, SKELETON_LATIN
from gazetteer.model import Place, Resolution

EARTH_RADIUS_KM = 6371.0088
#: Score of a match, by the kind of key that matched.
MATCH_WEIGHT = {EXACT_MAIN: 1.0, EXACT_ALT: 0.95, LOOSE: 0.85, SKELETON_ARABIC: 0.72,
                SKELETON_LATIN: 0.62}
#: Skeletons this short (e.g. "zz", "hms") match many places; their matches count less.
SHORT_SKELETON = 3
SHORT_SKELETON_PENALTY = 0.08
W_MATCH, W_IMPORTANCE, W_PROXIMITY = 0.55, 0.25, 0.20
#: Distance scale (km) of the proximity bonus to ``near`` and to the other places.
NEAR_SCALE_KM = 60.0
CONTEXT_SCALE_KM = 40.0
CONTEXT_WEIGHT = 0.8
#: Lost by places outside the requested countries.
OTHER_COUNTRY_PENALTY = 0.2
#: Gained by places made on purpose (curated table, imported CSV).
DELIBERATE_SOURCE_BONUS = 0.02
MIN_SCORE = 0.5
MARGIN = 0.05
#: Candidates closer than this to a better one are the same place for a map.
SAME_PLACE_KM = 5.0
MAX_ALTERNATIVES = 8


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place that one of the query's keys matched, with the strongest kind of match."""

    place: Place
    kind: int
    importance: float


def haversine_km(lat1: np.ndarray | float, lon1: np.ndarray | float,
                 lat2: np.ndarray | float, lon2: np.ndarray | float) -> np.ndarray:
    """Great-circle distance in km between (lat1, lon1) and (lat2, lon2), broadcasting."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi = p2 - p1
    dlmb = np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def _proximity(lats: np.ndarray, lons: np.ndarray, points: Sequence[tuple[float, float]],
               scale: float) -> np.ndarray:
    """exp(-d/scale) for the nearest of ``points`` to each candidate."""
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    d = haversine_km(lats[:, None], lons[:, None], pts[None, :, 0], pts[None, :, 1])
    return np.exp(-d.min(axis=1) / scale)


def rank(query: str, candidates: Sequence[Candidate], *, skeleton: str,
         countries: Sequence[str] = (), near: tuple[float, float] | None = None,
         context: Sequence[tuple[float, float]] = ()) -> Resolution:
    """Score ``candidates`` for ``query`` and decide the resolution.

    Parameters
    ----------
    query : str
        The name as asked (returned in the Resolution).
    candidates : sequence of Candidate
        Places whose names matched one of the query's keys.
    skeleton : str
        The query's consonant skeleton (its length weakens skeleton matches).
    countries : sequence of str
        Preferred ISO alpha-2 codes (the map's countries); others lose
        :data:`OTHER_COUNTRY_PENALTY`.
    near : (lat, lon), optional
        A point the place is expected near.
    context : sequence of (lat, lon)
        Places of the other names of the same report or map.
    """
    if not candidates:
        return Resolution(query, "unresolved", None, 0.0)
    n = len(candidates)
    match = np.fromiter((MATCH_WEIGHT[c.kind] for c in candidates), float, n)
    if len(skeleton) <= SHORT_SKELETON:
        kinds = np.fromiter((c.kind for c in candidates), float, n)
        match = np.where(kinds >= SKELETON_ARABIC, match - SHORT_SKELETON_PENALTY, match)
    imp = np.fromiter((c.importance for c in candidates), float, n)
    score = W_MATCH * match + W_IMPORTANCE * imp
    lats = np.fromiter((c.place.lat for c in candidates), float, n)
    lons = np.fromiter((c.place.lon for c in candidates), float, n)
    if near is not None or context:
        prox = np.zeros(n)
        if near is not None:
            prox = _proximity(lats, lons, [near], NEAR_SCALE_KM)
        if context:
            prox = np.maximum(prox, CONTEXT_WEIGHT * _proximity(lats, lons, context,
                                                                CONTEXT_SCALE_KM))
        score = score + W_PROXIMITY * prox
    if countries:
        wanted = {c.upper() for c in countries}
        outside = np.fromiter((c.place.country not in wanted for c in candidates), bool, n)
        score = score - OTHER_COUNTRY_PENALTY * outside
    deliberate = np.fromiter((c.place.source in ("curated", "csv") for c in candidates), bool, n)
    score = np.clip(score + DELIBERATE_SOURCE_BONUS * deliberate, 0.0, 1.0)

    # Best first; ties broken by name and id so the order never depends on the database.
    order = sorted(range(n), key=lambda i: (-score[i], candidates[i].place.name,
                                            candidates[i].place.geonameid or 0, i))
    # Keep one candidate per place: drop those within SAME_PLACE_KM of a better one.
    if n > 1:
        d = haversine_km(lats[:, None], lons[:, None], lats[None, :], lons[None, :])
        kept: list[int] = []
        for i in order:
            if all(d[i, j] > SAME_PLACE_KM for j in kept):
                kept.append(i)
    else:
        kept = order
    best = kept[0]
    best_score = float(score[best])
    rivals = kept[1:]
    place = candidates[best].place
    if best_score < MIN_SCORE:
        alts = kept[:MAX_ALTERNATIVES]
        return Resolution(query, "unresolved", None, best_score,
                          tuple(candidates[i].place for i in alts),
                          tuple(float(score[i]) for i in alts))
    if rivals and best_score - float(score[rivals[0]]) < MARGIN:
        close = [i for i in kept if best_score - float(score[i]) < 3 * MARGIN][:MAX_ALTERNATIVES]
        return Resolution(query, "ambiguous", None, best_score,
                          tuple(candidates[i].place for i in close),
                          tuple(float(score[i]) for i in close))
    alts = rivals[:3]
    return Resolution(query, "resolved", place, best_score,
                      tuple(candidates[i].place for i in alts),
                      tuple(float(score[i]) for i in alts))

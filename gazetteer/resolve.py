"""Ranking candidate places for a name, with context, and deciding resolved/ambiguous/unresolved.

Candidates come from the exact and loose keys, or -- only when those find nothing -- from the
consonant skeleton (see :mod:`gazetteer.api`). A candidate's score adds:

* how well a stored name matches the query (exact > loose key > Arabic-script skeleton >
  Latin skeleton; skeletons of three letters or fewer count less);
* the place's prior importance: feature type and population (see
  :func:`gazetteer.importer.importance`);
* proximity to ``near`` and to the places of the other names of the same report or map
  (a vectorised haversine over every candidate and context point) -- unless those lie all
  over the map's country, when nearness to them is no evidence; where they cover much of it,
  a crowd of them around a candidate confirms it only when few of the country's places see
  one as large (see :func:`context_spread`);

minus a small amount for places outside the map's countries. The best candidate is
``resolved`` only when it scores at least :data:`MIN_SCORE`, beats every candidate more than
:data:`SAME_PLACE_KM` away by :data:`MARGIN`, and -- when only its consonant skeleton matched
-- is corroborated by the map's countries or by nearby places. Otherwise the name is
``ambiguous`` (close rivals) or ``unresolved`` (nothing good enough), and the alternatives say
what was considered. A wrong coordinate on a war map is worse than an unresolved name, so
uncertain answers are refused rather than guessed:

* the first of the map's countries is its own: skeleton and fuzzy (look-alike) matches count
  there only; places of the others are found by their names (exact, alternate, loose);
* outside the map's countries only an exact or alternate name counts, and never for a village
  or for a place outside the map's region (see :meth:`gazetteer.api.Gazetteer._abroad`);
  such places still compete, so a name they fit as well as a place at home is ``ambiguous``;
* a village a letter away from the name (fuzzy) is ``ambiguous`` when another place more than
  FAR_KM away also resembles it (fuzzy, or its consonants);
* a fuzzy match none of whose names keeps the name's consonants -- but for one added or
  dropped, or written as another spelling of its Arabic letter (see :data:`_SAME_SOUND`) --
  is ``unresolved`` (offered), unless the map's places are near it: "Manbech" is not Mehbash;
* of places of one name more than FAR_KM apart, a seat -- or a town, against GeoNames records
  nobody lists or when the name spells the town's own -- outweighs villages of no known size
  (and a town whose main name the query spells, villages of a tenth of its people or fewer)
  (see :func:`_outweighs`; OCHA's communities named after their unit are seats too, see
  :func:`gazetteer.sources.ocha.seat_codes`), and a town at home is not in doubt against a
  city outside the map's region; villages of one name stay ``ambiguous``, and so does a name
  with an article (al-Hamah) that a village spells with it and the seat only without, and a
  name a village has exactly and a town but for the article inside it ("Sheikh Hadid":
  Sheikh El-Hadid), which reports drop;
* of far-apart places that fit a name by different keys, the one whose spelling is clearly the
  name's -- an edit from it, every far-off rival two edits further, or as far but a consonant
  off where it has the name's consonants -- wins (see :func:`_spelling_pick`): "Silûk" is
  Suluk, not Salkhad; "Ma'rablit" is Maarbalit, not Zarablit;
* of far-apart places, one whose own name is the name (or a town whose own name it spells
  loosely) outweighs villages that have it only as an alternate name (see
  :func:`_named_over_alternate`): "Baghuz" is the village of that name, not Kasan, also
  listed as Baghuz -- unless their own names are the name's but for vowels, an article or
  a consonant ("Al-Khidr" and the villages called Khidr stay namesakes);
* of far-apart places the name spells alike by its loose key, the one whose own name is
  the name as written (vowels and all; an article the name writes may be missing from it)
  wins when every name of the others is two edits from it (see :func:`_written_pick`):
  "al-Hole" is OCHA's Hole, not the town Kafr Laha, known as al-Hulah and Houla;
* a place the name fits only by its loose key through another of its names does not outweigh
  a far place whose own name is the name as written, however much it weighs, when none of its
  names is written within two letters of it (see :func:`_written_over_weight`): "Al-Bara" is
  OCHA's Bara, not Aleppo, once Berea;
* of places a few km apart (within FAR_KM) that score alike, the one clearly spelled as the
  name is (by the same measure) wins: "Tell Shamiran" is Tal Shamran, not Tal Shamiyeh
  15 km off; so does one up to two edits from the name that is closer than the others in
  letters, or as close and closer in consonants ("Tell Shamiram": Tal Shamran); places
  spelled alike stay ``ambiguous``;
* with context (``near``, the view, or at least MIN_CONTEXT_POINTS other places), a village
  more than OFF_CONTEXT_KM from all of it is ``unresolved`` (offered), whether the name only
  resembles its name or is its very name: a village of the name the gazetteer lacks near the
  map is likelier than one far from everything it names ("Um Hosh" on a map of northern
  Aleppo is not OCHA's Um Hosh by Homs); so is, with any context, a town outside the map's countries (not a capital,
  a province's seat or a city of ABROAD_CITY_POPULATION) that far from all of it;
* without the map's countries, far-apart look-alikes are offered only when spelled within an
  edit of the name (see :func:`_spelled_alike`): "Sinai" is ``unresolved``, not Sanaa,
  Singapore or Jerusalem.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import replace
from typing import Callable, Final, Mapping, NamedTuple, Sequence

import numpy as np
from rapidfuzz.distance import OSA

from gazetteer.fuzzy import MIN_LENGTH as FUZZY_MIN_LENGTH, max_edits
from gazetteer.importer import (EXACT_ALT, EXACT_MAIN, FUZZY, LOOSE, SKELETON_ARABIC,
                                SKELETON_LATIN, W_FEATURE, W_POPULATION)
from gazetteer.model import Place, Resolution, place_from_row, resolution
from gazetteer.normalize import (ARTICLES, arabic_loose_key, consonants, exact_key,
                                 foreign_readings, is_arabic, is_latin, kurdish_readings,
                                 loose_key, spelling_key, split_qualifiers, without_type_words)

EARTH_RADIUS_KM: Final = 6371.0088
#: Score of a match, by the kind of key that matched.
MATCH_WEIGHT: Final = {EXACT_MAIN: 1.0, EXACT_ALT: 0.97, LOOSE: 0.85, SKELETON_ARABIC: 0.72,
                       SKELETON_LATIN: 0.62}
W_MATCH: Final = 0.55
#: Skeletons this long are rarely a coincidence; their matches count more.
LONG_SKELETON: Final = 6
LONG_SKELETON_BONUS: Final = 0.08
#: Skeletons this short (e.g. "zz", "hms") match many places.
SHORT_SKELETON: Final = 3
SHORT_SKELETON_PENALTY: Final = 0.08
#: A skeleton-only match is trusted when at least this long and in the map's countries...
MIN_TRUSTED_SKELETON: Final = 4
#: ... or when this close to ``near``/the context (proximity term, 0..1).
CORROBORATING_PROXIMITY: Final = 0.3
W_PROXIMITY: Final = 0.25
NEAR_SCALE_KM: Final = 60.0
#: Context is a density: 1 - exp(-sum(exp(-d/scale)) / CONTEXT_SUPPORT) over the other
#: places, so a candidate among many of the report's places beats one near a stray place.
CONTEXT_SCALE_KM: Final = 15.0
CONTEXT_SUPPORT: Final = 3.0
CONTEXT_WEIGHT: Final = 0.8
#: Lost by places outside the map's countries: about two tenfolds of population.
OTHER_COUNTRY_PENALTY: Final = 0.06
#: Gained by places made on purpose (curated table, imported CSV).
DELIBERATE_SOURCE_BONUS: Final = 0.02
#: Importance counts this much less for skeleton-only matches, so a capital whose skeleton
#: happens to match ("Riga" for "Raqqa") cannot outrank the place the name spells.
WEAK_IMPORTANCE_FACTOR: Final = 0.5
#: Best possible raw score; reported scores are raw / MAX_RAW, in [0, 1].
MAX_RAW: Final = W_MATCH + W_FEATURE + W_POPULATION + W_PROXIMITY
MIN_SCORE: Final = 0.7
MARGIN: Final = 0.05
#: Candidates closer than this to a better one are the same place for a map.
SAME_PLACE_KM: Final = 5.0
#: An admin area this close to a settlement of the query's name is that settlement's
#: district or province: the settlement stands for it on a point map.
ADMIN_SAME_PLACE_KM: Final = 40.0
#: Candidates examined after scoring (the rest cannot matter).
TOP_K: Final = 10
MAX_ALTERNATIVES: Final = 8


#: Match weight of a fuzzy candidate: FUZZY_MATCH - FUZZY_PER_EDIT * edits / letters * 10.
FUZZY_MATCH: Final = 0.8
FUZZY_PER_EDIT: Final = 0.08


def fuzzy_weight(edits: int, letters: int) -> float:
    """Match weight of a name ``edits`` edits from a loose key of ``letters`` letters."""
    return FUZZY_MATCH - FUZZY_PER_EDIT * 10.0 * edits / letters


#: Points as (lat, lon): pairs, or an array of them (shape (n, 2)).
Points = Sequence[tuple[float, float]] | np.ndarray
#: ``names(place ids) -> {place id: loose keys of the place's names}``, see :func:`rank`.
NamesLookup = Callable[[Sequence[int]], Mapping[int, Sequence[str]]]
#: ``towns(loose key, countries, rows) -> rows`` of towns an edit from the key, see :func:`rank`.
TownsLookup = Callable[[str, tuple[str, ...], Sequence[tuple]], Sequence[tuple]]


_MATCH_BY_KIND: Final = tuple(MATCH_WEIGHT[k] for k in range(5)) + (0.0,)
#: W_MATCH * the match weight of an exact, alternate or loose key.
_SPELLED_MATCH: Final = tuple(W_MATCH * MATCH_WEIGHT[k] for k in (EXACT_MAIN, EXACT_ALT, LOOSE))
#: ``Resolution.match`` per key kind (Latin skeletons are reported as fuzzy matches).
MATCH_NAME: Final = ("exact", "alternate", "loose", "arabic", "fuzzy", "fuzzy")
#: Same-named places in the map's countries farther apart than this are different places
#: a reader cannot tell apart: ``ambiguous`` unless one scores FAR_MARGIN above the others
#: (a town against villages) or the context picks one.
FAR_KM: Final = 25.0
FAR_MARGIN: Final = 0.06
WEAK_FAR_MARGIN: Final = 0.12
#: Added, for telling far-apart candidates apart, to places whose own or alternate name is
#: the query: "Mare'" is the town of that name, not a larger town loosely spelled alike.
EXACT_FAR_BONUS: Final = 0.1
#: Context picks one of far-apart namesakes when it lies within this of the context and
#: every other lies at least twice as far and FAR_KM farther.
PICK_KM: Final = 60.0
#: ... or when the other places crowd around it (sum of exp(-d / CONTEXT_SCALE_KM) at least
#: PICK_DENSITY, PICK_RATIO times that of any other).
PICK_DENSITY: Final = 0.5
#: An exact name abroad competes with a loose spelling at home (``ambiguous``) unless it is a
#: capital or a city of this many people and nothing at home has HOME_TOWN_POPULATION.
MAJOR_CITY_POPULATION: Final = 1_000_000
HOME_TOWN_POPULATION: Final = 100_000
PICK_RATIO: Final = 3.0
#: ... or this many times, for a place the name spells (exact, alternate or loose), on a map
#: of much of a country, whose crowd bar (:class:`ContextSpread`) is at least SPELLED_PICK_BAR:
#: "Kafraya" by al-Fu'ah on a map of the north, which its places crowd 2.4 times as much as
#: its namesake 64 km off. (A map of a few places makes crowds of a few points, whose ratios
#: say little: there the three times stand.)
SPELLED_PICK_RATIO: Final = 2.0
SPELLED_PICK_BAR: Final = 1.0
#: Sources of places made on purpose (see DELIBERATE_SOURCE_BONUS).
_DELIBERATE: Final = frozenset({"curated", "csv"})


class CandidateSet:
    """The places a name's keys matched, with their context-free scores.

    Most names match a handful of places, so the scores are plain Python floats (NumPy's
    per-call overhead dominates on arrays this small); :attr:`lat`, :attr:`lon` and
    :attr:`base` give NumPy arrays, built on first use, for ranking with proximity.

    Parameters
    ----------
    rows : sequence of tuple
        ``(name, lat, lon, country, feature_code, geonameid, population, source, importance,
        kind, ...)`` per place (further fields are ignored).
    skeleton : str
        The query's consonant skeleton; only skeleton matches (kind >= SKELETON_ARABIC) use
        it, so it may be empty when ``rows`` hold none.
    far_abroad : frozenset of int
        Rows outside the map's countries that lie farther than the map's region (see
        :func:`gazetteer.api.Gazetteer.candidates`): a capital there is chosen only when
        nothing at home matches; and villages of the map's other countries far from its
        first, which are candidates only when nothing else in the map's countries matches.
    barred : frozenset of int
        Rows outside the map's countries that are never the answer (villages abroad, places
        outside the map's region other than capitals and cities of millions; villages of the
        map's other countries that a name in Kurdish letters fits); they still compete, so a
        name they fit as well as a place at home is ``ambiguous``.
    loose : str
        The query's loose key (Latin script), when the lookup had one.
    """

    __slots__ = ("rows", "skeleton", "far_abroad", "barred", "loose", "scores", "memo",
                 "_columns", "_arrays", "_masks")

    def __init__(self, rows: Sequence[tuple], skeleton: str,
                 far_abroad: frozenset[int] = frozenset(),
                 barred: frozenset[int] = frozenset(), loose: str = "") -> None:
        # a tuple of tuples, which the garbage collector stops tracking (a cache holds many)
        self.rows = rows = tuple(rows)
        self.skeleton = skeleton
        #: The query's loose key, when the lookup had one ("" otherwise).
        self.loose = loose
        self.far_abroad = far_abroad
        self.barred = barred
        letters = skeleton_letters(skeleton)
        if letters <= SHORT_SKELETON:
            adjust = -SHORT_SKELETON_PENALTY
        elif letters >= LONG_SKELETON:
            adjust = LONG_SKELETON_BONUS
        else:
            adjust = 0.0
        scores = []
        for r in rows:
            kind = r[9]
            if kind < SKELETON_ARABIC:  # most: W_MATCH * match, worked out per kind once
                score = _SPELLED_MATCH[kind] + r[8]
            elif kind == FUZZY:  # weight by the edit distance, set by the lookup
                scores.append(W_MATCH * r[12] + r[8])
                continue
            else:
                match = _MATCH_BY_KIND[kind]
                if adjust:
                    match = match + adjust
                score = W_MATCH * match + WEAK_IMPORTANCE_FACTOR * r[8]
            if r[7] in _DELIBERATE:
                score += DELIBERATE_SOURCE_BONUS
            scores.append(score)
        #: Score of each candidate before proximity and the country penalty (raw units); a
        #: tuple, which the garbage collector stops tracking (a cache holds many of these).
        self.scores: tuple[float, ...] = tuple(scores)
        #: Resolutions without near/context, per (query, countries): a pure function of this
        #: set, so computed once (None until the first; then ``(query, countries,
        #: resolution)``; a dict once a second query is asked).
        self.memo: tuple | dict[tuple[str, tuple[str, ...]], Resolution] | None = None
        # Built on first use: most names are ranked once, many with a single candidate.
        self._columns: tuple[tuple, tuple, tuple, tuple] | None = None
        self._arrays: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._masks: dict[tuple[str, ...], tuple[bool, ...]] | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def _cols(self) -> tuple[tuple, tuple, tuple, tuple]:
        if self._columns is None:
            rows = self.rows
            # tuples, which the garbage collector stops tracking (a cache holds many)
            self._columns = (tuple([r[1] for r in rows]), tuple([r[2] for r in rows]),
                             tuple([r[3] for r in rows]),
                             tuple([r[4].startswith("ADM") for r in rows]))
        return self._columns

    @property
    def lats(self) -> tuple[float, ...]:
        """Latitude of each candidate."""
        return self._cols()[0]

    @property
    def lons(self) -> tuple[float, ...]:
        """Longitude of each candidate."""
        return self._cols()[1]

    @property
    def countries(self) -> tuple[str, ...]:
        """Country code of each candidate."""
        return self._cols()[2]

    @property
    def admin(self) -> tuple[bool, ...]:
        """Which candidates are administrative areas (ADM*)."""
        return self._cols()[3]

    def _numpy(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self._arrays is None:
            self._arrays = (np.array(self.lats, dtype=float), np.array(self.lons, dtype=float),
                            np.array(self.scores, dtype=float))
        return self._arrays

    @property
    def lat(self) -> np.ndarray:
        """Latitudes as an array."""
        return self._numpy()[0]

    @property
    def lon(self) -> np.ndarray:
        """Longitudes as an array."""
        return self._numpy()[1]

    @property
    def base(self) -> np.ndarray:
        """:attr:`scores` as an array."""
        return self._numpy()[2]

    def outside(self, countries: tuple[str, ...]) -> tuple[bool, ...]:
        """Which candidates lie outside ``countries`` (cached per country tuple)."""
        if self._masks is None:
            self._masks = {}
        mask = self._masks.get(countries)
        if mask is None:
            wanted = set(countries)
            mask = self._masks[countries] = tuple([r[3] not in wanted for r in self.rows])
        return mask

    def place(self, i: int) -> Place:
        """The Place of candidate ``i``."""
        return place_from_row(self.rows[i])


def skeleton_letters(skeleton: str) -> int:
    """The consonants of a skeleton, its qualifier's token (see
    :func:`gazetteer.normalize.split_qualifiers`) not counted: "Shiha Kabira" (shhB) has
    three, like "Shiha"."""
    return len(split_qualifiers(skeleton)[0]) if skeleton[-1:].isupper() else len(skeleton)


def haversine_km(lat1: np.ndarray | float, lon1: np.ndarray | float,
                 lat2: np.ndarray | float, lon2: np.ndarray | float) -> np.ndarray:
    """Great-circle distance in km between (lat1, lon1) and (lat2, lon2), broadcasting.

    Vectorised on purpose, not geopy.distance: 500 candidates x 30 context places take 0.8 ms
    here, 100 ms with geopy's great_circle and 2.2 s with its geodesic in a loop; the sphere
    differs from the ellipsoid by at most 0.23% at these ranges (benchmarks/distance_bench.py).
    """
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi = p2 - p1
    dlmb = np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0)))


def _proximity(lats: np.ndarray, lons: np.ndarray, points: Points,
               scale: float) -> np.ndarray:
    """exp(-d/scale) for the nearest of ``points`` to each candidate."""
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    d = haversine_km(lats[:, None], lons[:, None], pts[None, :, 0], pts[None, :, 1])
    return np.exp(-d.min(axis=1) / scale)


def _crowd(lats: np.ndarray, lons: np.ndarray, points: Points,
           scale: float = CONTEXT_SCALE_KM) -> np.ndarray:
    """sum(exp(-d/scale)) over ``points`` for each (lat, lon): about the number of them
    within ``scale`` km, 0 far from all."""
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    d = haversine_km(lats[:, None], lons[:, None], pts[None, :, 0], pts[None, :, 1])
    return np.exp(-d / scale).sum(axis=1)


def _density(crowd: np.ndarray) -> np.ndarray:
    """1 - exp(-crowd / CONTEXT_SUPPORT): 0 far from all points, ~1 among many."""
    return 1.0 - np.exp(-crowd / CONTEXT_SUPPORT)


#: A map's points lie all over its country when at least WIDE_CONTEXT_SHARE of the country's
#: places have one of them within WIDE_CONTEXT_KM. A map of one front covers a few hundredths
#: of Syria; a report of the northern Aleppo offensive that also names places from Damascus
#: to Qamishli (the 117-spelling set) 0.64; the 750 places of the evaluation set, a catalogue
#: of the whole country, 0.94.
WIDE_CONTEXT_KM: Final = 30.0
WIDE_CONTEXT_SHARE: Final = 0.8
#: The map's places crowd around a candidate as evidence that it is the place meant only when
#: they crowd around it more than around this share of the country's places (see
#: :func:`context_spread`). On a map of one front nearly all of the country is empty, so any
#: crowd counts; on a map of half a country, being among its places is common, and only a
#: crowd few places see is evidence.
CROWD_QUANTILE: Final = 0.85
#: Context points are counted per cell of this many degrees (about 5 km), with their number.
CONTEXT_CELL: Final = 0.05
#: Points farther than this from every place of the country add nothing to any crowd (km).
CROWD_REACH_KM: Final = 5 * CONTEXT_SCALE_KM
_WIDE_CHUNK: Final = 4096


class ContextSpread(NamedTuple):
    """How the points of a map lie over its first country (see :func:`context_spread`).

    Attributes
    ----------
    wide : bool
        They lie all over it: nearness to them is no evidence at all.
    crowd : float
        The crowd of them (:func:`_crowd`) that only 1 - CROWD_QUANTILE of the country's
        places reach: nearness is evidence where they crowd at least as much.
    nearest : tuple of float
        How far each of the country's sampled places lies from the nearest of them (km),
        ascending: the share of the country's places that lie as near them as a candidate
        does, by chance (see :meth:`share_within`); () when not measured.
    """

    wide: bool = False
    crowd: float = 0.0
    nearest: tuple[float, ...] = ()

    def share_within(self, km: float) -> float | None:
        """The share of the country's places that lie within ``km`` of the map's places: how
        likely a place lies as near them by chance. None when not measured."""
        if not self.nearest:
            return None
        return bisect.bisect_right(self.nearest, km) / len(self.nearest)


#: A map whose points say nothing of its spread: every crowd counts.
NARROW: Final = ContextSpread()


def context_spread(context: Points, sample: np.ndarray) -> ContextSpread:
    """How ``context`` lies over the country whose places ``sample`` holds.

    A map of a whole country has one of its places near nearly every village: the nearness of
    a candidate to them is then no evidence that it is the place meant, as it is on a map of
    one front. Between the two, a crowd of them around a candidate is evidence only when few
    of the country's places see one as large.

    Parameters
    ----------
    context : sequence of (lat, lon)
        The map's points.
    sample : ndarray of shape (n, 2)
        Points of the country's populated places.
    """
    if not len(context) or not len(sample):
        return NARROW
    # (points beyond CROWD_REACH_KM of every sampled place are left out of the crowds measured
    # here, not of a candidate's: near a border crowded with the map's points the bar is a
    # little low, never high)
    cells, counts = np.unique(np.round(np.asarray(context, dtype=float).reshape(-1, 2)
                                       / CONTEXT_CELL), axis=0, return_counts=True)
    cells = cells * CONTEXT_CELL
    # points beyond the reach of every place of the country cannot cover any (a map of the
    # world's incidents is mostly elsewhere)
    pad = max(WIDE_CONTEXT_KM, CROWD_REACH_KM) / 111.0 + CONTEXT_CELL
    south, west = sample.min(axis=0) - pad
    north, east = sample.max(axis=0) + pad
    lon_pad = pad / max(np.cos(np.radians(max(abs(south), abs(north)))), 0.1) - pad
    keep = ((cells[:, 0] >= south) & (cells[:, 0] <= north)
            & (cells[:, 1] >= west - lon_pad) & (cells[:, 1] <= east + lon_pad))
    cells, counts = cells[keep], counts[keep]
    nearest = np.full(len(sample), np.inf)
    crowd = np.zeros(len(sample))
    for start in range(0, len(cells), _WIDE_CHUNK):
        part = cells[start:start + _WIDE_CHUNK]
        d = haversine_km(sample[:, None, 0], sample[:, None, 1], part[None, :, 0],
                         part[None, :, 1])
        nearest = np.minimum(nearest, d.min(axis=1))
        crowd += np.exp(-d / CONTEXT_SCALE_KM) @ counts[start:start + _WIDE_CHUNK]
    wide = float((nearest <= WIDE_CONTEXT_KM).mean()) >= WIDE_CONTEXT_SHARE
    return ContextSpread(wide, float(np.quantile(crowd, CROWD_QUANTILE)),
                         tuple(np.sort(nearest).tolist()))


def context_is_wide(context: Points, sample: np.ndarray) -> bool:
    """Whether ``context`` lies all over the country whose places ``sample`` holds (see
    :func:`context_spread`)."""
    return context_spread(context, sample).wide


_WANTED: dict[tuple, tuple[str, ...]] = {}


def _wanted(countries: Sequence[str]) -> tuple[str, ...]:
    """Upper-case, distinct country codes in the order given (remembered per argument): the
    first is the map's own country (see :func:`rank`)."""
    key = tuple(countries)
    out = _WANTED.get(key)
    if out is None:
        out = tuple(dict.fromkeys(c.upper() for c in key))
        if len(_WANTED) < 1000:
            _WANTED[key] = out
    return out


def rank(query: str, cands: CandidateSet, *, countries: Sequence[str] = (),
         near: tuple[float, float] | None = None,
         context: Points = (),
         view: Sequence[Sequence[float]] | None = None,
         names: NamesLookup | None = None,
         written: NamesLookup | None = None, spread: ContextSpread = NARROW,
         towns: TownsLookup | None = None) -> Resolution:
    """Score the candidates of ``query`` and decide its resolution.

    Parameters
    ----------
    query : str
        The name as asked (returned in the Resolution).
    cands : CandidateSet
        Places whose names matched one of the query's keys.
    countries : sequence of str
        The map's countries (ISO alpha-2). A place elsewhere is chosen only when its own or
        an alternate name equals the query (after folding) and nothing in these countries
        matches; loose, skeleton and fuzzy matches never leave them.
    near : (lat, lon), optional
        A point the place is expected near.
    context : sequence of (lat, lon)
        Places of the other names of the same report or map.
    view : [[south, west], [north, east]], optional
        The map's view: picks one of far-apart namesakes when only one lies in it.
    names : callable, optional
        ``names(place ids) -> {place id: loose keys of its names}`` (the database's): lets a
        place whose name is clearly closer to the query than any far-off rival's win (see
        :func:`_spelling_pick`); without it such names stay ``ambiguous``.
    written : callable, optional
        ``written(place ids) -> {place id: exact keys of its own and alternate names}``: lets
        one of far-apart places the name spells alike by its loose key win when the name as
        written is clearly its (see :func:`_written_pick`).
    towns : callable, optional
        ``towns(loose key, countries, rows) -> rows`` (the database's): the towns of the first
        country whose name is an edit from the loose key, other than the places ``rows``; a
        village matched by another of its names is in doubt with those far off (see
        :func:`_shadowed_towns`).
    spread : ContextSpread
        How the context lies over the map's country (see :func:`context_spread`). All over
        it (``wide``), a place near it is no likelier meant than one elsewhere, so it neither
        lifts a candidate's score nor confirms a look-alike, and picks one of far-apart
        namesakes only when the others lie far from all of it. Otherwise it lifts the
        candidates near it, but confirms a look-alike, or picks a namesake for the crowd of
        it around, only where it crowds at least ``spread.crowd``.
    """
    if not cands.rows:
        return Resolution(query, "unresolved", None, 0.0)
    wanted = _wanted(countries) if countries else ()
    if near is None and not len(context) and view is None and names is not None \
            and written is not None:
        # (remembered only for the database's own name lookups, which every Gazetteer passes)
        memo = cands.memo
        if memo is None:  # the one question a set is nearly always asked: kept as a tuple
            hit = _rank(query, cands, wanted, None, (), None, names, written, NARROW, towns)
            cands.memo = (query, wanted, hit)
            return hit
        if isinstance(memo, tuple):
            if memo[0] == query and memo[1] == wanted:
                return memo[2]
            table = cands.memo = {(memo[0], memo[1]): memo[2]}
        else:
            table = memo
        known = table.get((query, wanted))
        if known is None:
            known = table[(query, wanted)] = _rank(query, cands, wanted, None, (), None,
                                                   names, written, NARROW, towns)
        return known
    return _rank(query, cands, wanted, near, context, view, names, written, spread, towns)


def _allowed(cands: CandidateSet, wanted: tuple[str, ...]) -> tuple[list[int], bool]:
    """Candidates that may be chosen with the map's countries ``wanted``, and whether an
    exact match abroad competes with only a weaker match at home (then nothing is chosen
    without the reader: ``ambiguous``)."""
    rows = cands.rows
    home = []
    abroad_exact = []
    best_home = 9
    primary = wanted[0]
    remote: list[int] = []
    for i, r in enumerate(rows):  # one pass: this runs for nearly every name
        c = r[3]
        if c in wanted:
            kind = r[9]
            if c != primary:
                if kind >= SKELETON_ARABIC:
                    continue  # a look-alike spelling is only looked for in the map's own country
                if i in cands.far_abroad:
                    # a village far from the first country: the last resort, or as abroad,
                    # and only by its own or an alternate name (a name that resembles a
                    # village 1,000 km into Turkey is no village of it: "Saccaea", Shaqqa)
                    if kind <= EXACT_ALT:
                        remote.append(i)
                        abroad_exact.append(i)
                    continue
            home.append(i)
            if kind < best_home:
                best_home = kind
        elif r[9] <= EXACT_ALT:
            abroad_exact.append(i)
    if not home and remote:
        home = remote
        best_home = min(rows[i][9] for i in remote)
    if not home:
        barred = cands.barred
        allowed = [i for i in abroad_exact if i not in barred]
        # a city of the map's region before a capital far outside it: a map of Syria's
        # "Tripoli" is Lebanon's, 30 km from its border, not Libya's
        near = [i for i in allowed if i not in cands.far_abroad]
        return near or allowed, False
    if not abroad_exact or best_home == EXACT_MAIN:
        return home, False
    if best_home == EXACT_ALT:
        # only another name of villages at home, against a capital or a city of
        # HOME_TOWN_POPULATION abroad by its own name ("Paris": Pars, a Turkish hamlet listed
        # under it too, or the capital; "Erbil": Koşuyolu, or the Iraqi city): the reader decides
        cities = [i for i in abroad_exact if rows[i][9] == EXACT_MAIN and i not in cands.barred
                  and (rows[i][4] == "PPLC" or rows[i][6] >= HOME_TOWN_POPULATION)]
        if cities and not any(is_town(rows[i]) for i in home if rows[i][9] == EXACT_ALT):
            return home + cities, True
        return home, False
    if best_home == LOOSE:
        # a capital or a city of millions abroad, in the map's region, against villages at
        # home: the city is meant (Beirut, Amman, Mosul; not Sofia for a village near Homs)
        far = cands.far_abroad
        cities = [i for i in abroad_exact if i not in far and (
            rows[i][4] == "PPLC" or rows[i][6] >= MAJOR_CITY_POPULATION)]
        if cities and all(rows[i][6] < HOME_TOWN_POPULATION for i in home):
            return cities, False
        # a place a map of the map's countries never means (a village abroad, a town beyond
        # the region: see gazetteer.api) is no rival of a place at home the name spells: a
        # Syrian map's "Mansoura" is Syria's, not Egypt's
        rivals = [i for i in abroad_exact if i not in cands.barred]
        if not rivals:
            return home, False
        return home + rivals, True
    # only skeleton or fuzzy matches at home: the exact name abroad competes with them
    return home + abroad_exact, False


def _rank(query: str, cands: CandidateSet, wanted: tuple[str, ...],
          near: tuple[float, float] | None,
          context: Points,
          view: Sequence[Sequence[float]] | None,
          names: NamesLookup | None = None,
          written: NamesLookup | None = None,
          spread: ContextSpread = NARROW,
          towns: TownsLookup | None = None) -> Resolution:
    rows = cands.rows
    wide = spread.wide
    n = len(rows)
    n_context = len(context)
    # raw scores below; the Resolution reports raw / MAX_RAW
    prox = evidence = None
    if near is not None or (n_context and not wide):
        base = cands.base
        # Only candidates that proximity could lift into contention are measured.
        live = np.flatnonzero(base >= base.max() - W_PROXIMITY - OTHER_COUNTRY_PENALTY
                              - FAR_MARGIN)
        lats, lons = cands.lat[live], cands.lon[live]
        part = np.zeros(len(live))
        if near is not None:
            part = _proximity(lats, lons, [near], NEAR_SCALE_KM)
        prox = np.zeros(n)
        evidence = prox  # proximity enough to confirm a look-alike
        if n_context and not wide:
            crowd = _crowd(lats, lons, context)
            among = np.maximum(part, CONTEXT_WEIGHT * _density(crowd))
            if spread.crowd > 0.0:
                # a crowd of the map's places as large as around many of the country's
                # places lifts a place the name spells, but confirms no look-alike
                evidence = np.zeros(n)
                evidence[live] = np.where(crowd >= spread.crowd, among, part)
            part = among
        prox[live] = part
        if evidence is prox:
            sc = (base + W_PROXIMITY * prox).tolist()
        else:
            look_alike = np.fromiter((r[9] >= SKELETON_ARABIC for r in rows), bool, n)
            sc = (base + W_PROXIMITY * np.where(look_alike, evidence, prox)).tolist()
    else:
        sc = cands.scores
    conflict = False
    allowed: Sequence[int]
    if wanted:
        if n == 1:
            r0 = rows[0]
            allowed = [0] if ((r0[3] in wanted and (r0[9] < SKELETON_ARABIC
                                                    or r0[3] == wanted[0]))
                              or (r0[3] not in wanted and r0[9] <= EXACT_ALT)) else []
        else:
            allowed, conflict = _allowed(cands, wanted)
        if not allowed:
            return Resolution(query, "unresolved", None, 0.0)
        if len(allowed) > 1:
            abroad = [i for i in allowed if rows[i][3] not in wanted]
            if abroad and len(abroad) < len(allowed):  # places at home and abroad compete
                sc = list(sc)
                for i in abroad:
                    sc[i] -= OTHER_COUNTRY_PENALTY
    else:
        allowed = range(n)

    spelled = None  # the candidate whose spelling is clearly the name's, when one decided
    placed = None  # the look-alike the map's places point at beyond chance, when one did
    if len(allowed) == 1:
        kept = [allowed[0]]
        same: list[int] = []
    else:
        # Far-apart namesakes are told apart by their own weight (feature, population, how
        # well the name matches), never by proximity alone: a town beats villages of its name
        # wherever the report is; villages of one name need the context to pick one.
        base_sc = sc if prox is None else _penalised(cands.scores, cands, wanted)
        exact = [rows[i][9] <= EXACT_ALT for i in allowed]
        mixed = any(exact) and not all(exact)
        if mixed:
            # a place the name spells exactly comes before far places it only resembles
            base_sc = [v + EXACT_FAR_BONUS if rows[i][9] <= EXACT_ALT else v
                       for i, v in enumerate(base_sc)]
        order0 = _order(cands, allowed, base_sc)
        if len(allowed) > TOP_K and (prox is not None or view is not None):
            order0 = _with_the_near(cands, allowed, order0, base_sc, sc, view)
        kept0, same0 = _one_per_place(cands, order0)
        group = _far_namesakes(cands, kept0, base_sc, kept0[0], wanted, order0, query)
        anchor = kept0[0]
        if not group and n_context >= MIN_CONTEXT_POINTS and not wide:
            group = _namesake_among_the_map(cands, kept0, anchor, wanted, near, context, view,
                                            spread)
        if not group and written is not None and rows[anchor][9] == LOOSE:
            over = _written_over_weight(query, cands, kept0, wanted, written)
            if over is not None:
                anchor = spelled = over
        if group:
            pick = _context_pick(cands, group, near, context, view, spread)
            if pick is not None and SKELETON_ARABIC <= rows[pick][9] <= SKELETON_LATIN and \
                    skeleton_letters(cands.skeleton) <= SHORT_SKELETON:
                # three consonants fit villages all over the country: the one nearest the
                # map's other places is a coincidence, not evidence ("al-Shyha": Shiha), unless
                # so few of the country's places lie as near them that none of the villages
                # would by chance ("Hazma" among the villages north of Raqqa: al-Huzaymah)
                if near is None and view is None and _beyond_chance(
                        query, cands, pick, allowed, context, spread, names):
                    placed = pick
                else:
                    pick = None
            spelled_alike = rows[group[0]][9] <= LOOSE and any(
                rows[i][9] <= LOOSE for i in group[1:])
            if pick is None and names is not None and not spelled_alike:
                # (far-apart places the name spells by its exact or loose key are no edit
                # apart: no spelling can tell them apart)
                by_spelling = _spelling_pick(query, cands, allowed, names)
                if by_spelling is not None:
                    pick = spelled = by_spelling[0]
                    edits = by_spelling[1]
                    # scored as what it is: a match of the name's spelling, a few edits off
                    r = rows[pick]
                    sc = list(sc)
                    sc[pick] = max(sc[pick], W_MATCH * (fuzzy_weight(edits, len(
                        loose_key(query))) if edits else MATCH_WEIGHT[LOOSE]) + r[8]
                        + (W_PROXIMITY * prox[pick] if prox is not None else 0.0))
            if pick is None and written is not None and spelled_alike:
                # far-apart places the name spells alike by its loose key: the one whose
                # name is the name as written, when the others are two edits from it
                # ("al-Hole": OCHA's Hole, not Kafr Laha, known as al-Hulah)
                pick = spelled = _written_pick(query, cands, group, written)
            if pick is None and not wanted and names is not None:
                # far-apart places anywhere in the world that the name only resembles: only
                # those spelled nearly as the name is are a choice ("Sinai" is not Sanaa,
                # Singapore or Jerusalem, whose consonants it shares; "Musyaf" may be Masyaf)
                group = _spelled_alike(query, cands, group, evidence, names)
                if not group:
                    return _result(query, "unresolved", None, sc[anchor], cands, sc, [],
                                   MATCH_NAME[rows[anchor][9]])
            if pick is None:
                return _result(query, "ambiguous", None, sc[group[0]], cands, sc,
                               group[:MAX_ALTERNATIVES], MATCH_NAME[rows[group[0]][9]])
            anchor = pick
        pool = _within(cands, allowed, anchor, FAR_KM) if len(kept0) > 1 else allowed
        if prox is None and not mixed and len(pool) == len(allowed):
            kept, same = kept0, same0  # the same scores, the same candidates: the same order
        else:
            kept, same = _one_per_place(cands, _order(cands, pool, sc))
    best = kept[0]
    across = _own_side_of_border(cands, best, allowed, wanted, sc)
    if across is not None:
        # the map's own side of a town the border divided, which the name spells too
        best = across
        kept, same = _one_per_place(cands, [across] + [i for i in _order(cands, allowed, sc)
                                                       if i != across])
    if placed is not None and placed in same:
        placed = best  # (another record of the place pointed at)
    elif placed is None and rows[best][9] >= SKELETON_ARABIC and n_context and \
            near is None and view is None and \
            _beyond_chance(query, cands, best, allowed, context, spread, names):
        # a look-alike alone (or among a few close together) that the map's places point at
        # beyond chance: confirmed, however few consonants of three or more ("Muslimiyeh"
        # among places north of Aleppo is OCHA's Musallamiyeh)
        placed = best
    if rows[best][9] >= SKELETON_ARABIC and rows[best][9] != FUZZY and best != spelled \
            and names is not None and wanted:
        weight = _sole_by_consonants(query, cands, best, allowed, sc, names)
        if weight is not None:
            # the one place the name's consonants fit (those of its Arabic name or of its
            # Latin ones), spelled but for an edit or two: scored as what it is, a match of
            # the name's spelling a few edits off, near the map's places or not
            spelled = best
            sc = list(sc)
            sc[best] = max(sc[best], W_MATCH * weight + rows[best][8]
                           + (W_PROXIMITY * prox[best] if prox is not None else 0.0))
    if best == placed and sc[best] < MIN_SCORE:
        sc = list(sc)
        sc[best] = MIN_SCORE  # an answer, and the least sure of answers
    best_score = sc[best]
    match = MATCH_NAME[rows[best][9]]
    if best == spelled and rows[best][9] > LOOSE:
        match = "fuzzy"  # its consonants matched, and its letters but for an edit
    if best_score < MIN_SCORE:
        return _result(query, "unresolved", None, best_score, cands, sc,
                       kept[:MAX_ALTERNATIVES], match)
    if best in cands.barred:
        # a village abroad, or a town outside the map's region: never the answer, but a name
        # it fits as well as a place at home is in doubt
        barred = cands.barred
        status = "ambiguous" if any(rows[i][3] in wanted and sc[i] >= MIN_SCORE
                                    and i not in barred for i in allowed) else "unresolved"
        if status == "unresolved" and towns is not None \
                and len(cands.loose) >= FUZZY_MIN_LENGTH:
            # nothing at home but the name misspelled by a letter: the one town of the map's
            # country an edit from it is meant ("Haseki", a Turkish village on the Aegean, is
            # al-Hasakah as Turkish writes it), as a town misspelled is (see _shadowed_towns);
            # not for a shorter name, an edit from too many words ("Mart" is no Mari`)
            edit_off = towns(cands.loose, wanted, rows)
            settled = [r for r in edit_off if not r[4].startswith("ADM")]
            if settled and all(_distance_km(r[1], r[2], settled[0][1], settled[0][2])
                               <= SAME_PLACE_KM for r in edit_off):  # (records of one town)
                town = max(settled, key=lambda r: r[8])
                res = resolution(query, "resolved", place_from_row(town),
                                 _scaled(MIN_SCORE), match="fuzzy")
                return _with_context_km(res, near, context, view)
        # the places at home it competes with, however far from it, are among the choices
        alts = kept + [i for i in _order(cands, allowed, sc) if i not in kept]
        return _result(query, status, None, best_score, cands, sc, alts[:MAX_ALTERNATIVES],
                       match)
    if rows[best][9] >= SKELETON_ARABIC and best != spelled and best != placed and \
            not _corroborated(cands, best, wanted, evidence):
        return _result(query, "unresolved", None, best_score, cands, sc,
                       kept[:MAX_ALTERNATIVES], match)
    if rows[best][9] == FUZZY and names is not None and \
            not (evidence is not None and evidence[best] >= CORROBORATING_PROXIMITY) and \
            not (len(kept) > 1 and best_score - sc[kept[1]] < MARGIN) and \
            not _consonants_kept(query, names([rows[best][10]]).get(rows[best][10], ())):
        # a look-alike whose letters differ from the name's by a consonant no spelling of
        # one Arabic letter writes ("Farikah" is not Farijah, "Manbech" not Mehbash): another
        # place, unless the map's other places say otherwise (places a few km apart that
        # score alike are told apart by their spellings below)
        return _result(query, "unresolved", None, best_score, cands, sc,
                       kept[:MAX_ALTERNATIVES], match)
    if rows[best][9] == FUZZY and best != spelled and names is not None and \
            is_town(rows[best]) and \
            _nisba_of(query, names([rows[best][10]]).get(rows[best][10], ())):
        # the town's name with the ending -i: a place (or a person) named after the town,
        # not the town ("Halepi", a Turkish village, is not Aleppo, Halep)
        return _result(query, "unresolved", None, best_score, cands, sc,
                       kept[:MAX_ALTERNATIVES], match)
    if wanted and rows[best][3] not in wanted and any(
            rows[i][3] in wanted and ((
                sc[i] >= MIN_SCORE
                and (rows[i][9] < SKELETON_ARABIC or _corroborated(cands, i, wanted, evidence)))
                or (rows[best][9] == EXACT_ALT and rows[i][3] == wanted[0]
                    and rows[i][9] >= SKELETON_ARABIC))
            for i in allowed):
        # a fuzzy or skeleton match at home good enough to be meant, unless a capital or a
        # city of millions abroad, in the map's region, has the very name
        conflict = best in cands.far_abroad or not (
            rows[best][4] == "PPLC" or rows[best][6] >= MAJOR_CITY_POPULATION)
    if cands.skeleton and len(wanted) > 1 and rows[best][3] != wanted[0] \
            and rows[best][9] <= LOOSE and not is_town(rows[best]):
        # a village of a neighbouring country of the map against a look-alike in the map's
        # own country (looked for -- so the set has a skeleton -- when the name is not spelled
        # the neighbour's way, see gazetteer.api): the reader decides
        own = [i for i in _order(cands, [i for i in allowed if rows[i][3] == wanted[0]
                                         and rows[i][9] >= SKELETON_ARABIC
                                         and sc[i] >= MIN_SCORE], sc)]
        if own:
            return _result(query, "ambiguous", None, best_score, cands, sc,
                           ([best] + own[:3])[:MAX_ALTERNATIVES], match)
    if len(wanted) > 1 and rows[best][3] != wanted[0] and rows[best][9] == LOOSE \
            and loose_key(rows[best][0]) not in _loose_spellings(query):
        # a place of the map's other country by a loose spelling of another of its names
        # (Konya, which some languages write Quniya), against a place of the map's own
        # country the name spells: the reader decides
        own = _order(cands, [i for i in allowed if rows[i][3] == wanted[0]
                             and sc[i] >= MIN_SCORE and (rows[i][9] <= LOOSE or _corroborated(
                                 cands, i, wanted, evidence))], sc)
        if own:
            return _result(query, "ambiguous", None, best_score, cands, sc,
                           ([best] + own[:3])[:MAX_ALTERNATIVES], match)
    if conflict:
        # an exact name abroad against a weaker spelling at home: the reader decides, with
        # both listed (the places at home may lie farther than FAR_KM from the one abroad,
        # so outside ``kept``)
        rest = _one_per_place(cands, [i for i in _order(cands, allowed, sc)
                                      if i not in kept[:3]])[0]
        home = [i for i in rest if rows[i][3] in wanted]
        abroad = [i for i in rest if rows[i][3] not in wanted]
        return _result(query, "ambiguous", None, best_score, cands, sc,
                       (kept[:3] + home[:3] + abroad[:3])[:MAX_ALTERNATIVES], match)
    if len(kept) > 1 and best_score - sc[kept[1]] < MARGIN:
        close = [i for i in kept if best_score - sc[i] < 3 * MARGIN]
        pick = _context_pick(cands, close, near, context, view, spread)
        if pick is None and names is not None:
            # places a few km apart scored alike: the one clearly spelled as the name is
            # ("Tell Shamiran" is Tal Shamran, not Tal Shamiyeh 15 km off)
            by_spelling = _spelling_pick(query, cands, allowed, names, SAME_PLACE_KM,
                                         near=True)
            # (the record spelled so may be another record of a place in doubt, whichever of
            # its records came first: the order of the database's rows decides nothing)
            if by_spelling is not None and (by_spelling[0] in close or any(
                    by_spelling[0] in _record_ids(cands, i, allowed) for i in close)):
                pick = by_spelling[0]
                match = MATCH_NAME[rows[pick][9]]
        if pick is None:
            return _result(query, "ambiguous", None, best_score, cands, sc,
                           close[:MAX_ALTERNATIVES], match)
        best = pick
    if wanted and n > 1 and rows[best][3] in wanted and len(allowed) < n:
        rival = _rival_abroad(cands, best, wanted, context, spread, query, near)
        if rival is not None and rows[rival][9] >= SKELETON_ARABIC and names is not None \
                and _spelling_pick(query, cands, [best, rival], names) is not None \
                and _same_consonants(query, names([rows[best][10]]).get(rows[best][10], ())):
            # a city abroad the name only resembles, by the consonants of one of its names,
            # against a place at home the name spells but for a vowel: "Moslemiye" is
            # Musallamiyeh by Aleppo, not Mosul (a consonant off, "Kifarya" may be neither)
            rival = None
        if rival is not None:
            # a village of the name at home, of no known size or far from everything else the
            # report names, and a town of that very name abroad: the reader decides
            return _result(query, "ambiguous", None, best_score, cands, sc, [best, rival],
                           match)
    if towns is not None and best != spelled and rows[best][9] in (EXACT_ALT, LOOSE) \
            and not cands.skeleton:
        # a village by another of its names, a town far off by its own, misspelled by a
        # letter: the map's places decide, or the reader (see _shadowed_towns)
        shadowed = _shadowed_towns(cands, best, allowed, wanted, towns, near, context, view,
                                   spread)
        if shadowed is not None:
            status, shadows = shadowed
            if status == "ambiguous":
                places = (place_from_row(rows[best]), *map(place_from_row, shadows))
                return resolution(query, status, None, _scaled(best_score), places,
                                  (_scaled(best_score),) * len(places), match=match)
            res = resolution(query, "resolved", place_from_row(shadows[0]),
                             _scaled(best_score), match="fuzzy")
            return _with_context_km(res, near, context, view)
    if not is_town(rows[best]) and (
            near is not None or view is not None or n_context >= MIN_CONTEXT_POINTS):
        if _off_the_map(rows[best][1], rows[best][2], near, context, view):
            # a village far from all the map is about, even by its very name, or near only a
            # few of its many places (themselves perhaps namesakes chosen wrongly, pointing at
            # each other): a village of the name by the map's places that the gazetteer lacks
            # is likelier
            return _result(query, "unresolved", None, best_score, cands, sc,
                           kept[:MAX_ALTERNATIVES], match)
    if is_town(rows[best]) and not _city_abroad(rows[best]) and near is None and view is None \
            and wanted and rows[best][3] in wanted and n_context >= ONE_FRONT_POINTS \
            and _far_from_one_front(rows[best], context) \
            and max(r[6] for r in _records(cands, best, allowed)) < FRONT_CITY_POPULATION:
        # a district's seat or a town of the map's countries of under FRONT_CITY_POPULATION
        # (Jablah, 66,000, is meant however far; one abroad: see below) farther than
        # FRONT_TOWN_KM from every place of a report of one front: the report's own place of
        # that name, which the gazetteer lacks, is likelier ("al-Shahba" of a report on
        # Afrin's villages is the region of that name north of Aleppo, not the seat of Shahba
        # in Suwayda, 400 km off)
        return _result(query, "unresolved", None, best_score, cands, sc,
                       kept[:MAX_ALTERNATIVES], match)
    if wanted and (rows[best][3] not in wanted or best in cands.far_abroad) \
            and not _city_abroad(rows[best]) and (
            near is not None or view is not None or n_context) and \
            _off_context_km(rows[best][1], rows[best][2], near, context, view) > OFF_CONTEXT_KM:
        # a town outside the map's countries, far from all the map is about: a place of the
        # map that the gazetteer lacks is likelier ("the Al-Alam roundabout" in a report on
        # Tabqa is not Iraq's Al-'Alam, 480 km off), and a city of its own size would be meant;
        # so is a town deep in the map's other countries, the last resort for a name nothing
        # else matches ("Timar" of a report on Tell Tamr's villages: no seat in Van, 400 km off)
        return _result(query, "unresolved", None, best_score, cands, sc,
                       kept[:MAX_ALTERNATIVES], match)
    others = [i for i in kept if i != best][:3] if len(kept) > 1 else kept[:0]
    score = sc[best]
    twin = [i for i in same if _twin(cands, best, i)] if same else same
    if rows[best][7] == "ocha":
        # OCHA's record of a seat may rank above the GeoNames record of the same town; a
        # GeoNames record that knows the town as a town (its size, or its seat) speaks for it
        known = [i for i in twin if rows[i][7] in _GEONAMES and is_town(rows[i])
                 and rows[i][3] == rows[best][3]]
        if known:
            lead = max(known, key=lambda i: (rows[i][6], sc[i], -i))
            twin = [best] + [i for i in twin if i != lead]
            best = lead
    twins = tuple([place_from_row(rows[i]) for i in twin]) if twin else ()
    res = _result(query, "resolved", place_from_row(rows[best]), score, cands, sc, others,
                  match, twins)
    if near is not None or n_context or view is not None:
        res = _with_context_km(res, near, context, view)
    return res


def _shadowed_towns(cands: CandidateSet, best: int, pool: Sequence[int],
                    wanted: tuple[str, ...], towns_lookup: TownsLookup,
                    near: tuple[float, float] | None,
                    context: Points,
                    view: Sequence[Sequence[float]] | None,
                    spread: ContextSpread) -> tuple[str, tuple[tuple, ...]] | None:
    """A village matched by another of its names (an alternate, or loosely) against towns
    farther than FAR_KM with a name an edit from the name's (``towns_lookup``): the
    name may be the town's, misspelled, as well as the village's other name ("Tafs": Tafas, a
    town of Daraa, or Tafshaw, 490 km north, once called Tafsh). ``("ambiguous", towns)``,
    unless the context clearly picks one (``("resolved", (town,))``) or the village (None);
    None too when no town is far, or a record of the village is a town or has the name as its
    own."""
    if not wanted or not cands.loose:
        return None
    rows = cands.rows
    lat, lon = rows[best][1], rows[best][2]
    towns: list[tuple] = []
    for r in towns_lookup(cands.loose, wanted, rows):
        # (one place's records once: OCHA's Tamanaah and GeoNames' At Tamani`ah, 0.2 km
        # apart, are one town the context picks, not two it cannot tell apart)
        if _distance_km(r[1], r[2], lat, lon) > FAR_KM and not any(
                _distance_km(r[1], r[2], t[1], t[2]) <= SAME_PLACE_KM for t in towns):
            towns.append(r)
    if not towns or any(r[9] == EXACT_MAIN or is_town(r) for r in _records(cands, best, pool)):
        return None
    if near is not None or view is not None or len(context):
        group = CandidateSet([rows[best], *towns], "")
        pick = _context_pick(group, list(range(len(group))), near, context, view, spread)
        if pick == 0:
            return None
        if pick is not None:
            return "resolved", (towns[pick - 1],)
    return "ambiguous", tuple(towns[:MAX_ALTERNATIVES - 1])


#: Feature codes of facilities named after the town or village beside them: an air base or
#: airport, a military base, a camp, a dam, an oil or gas field, a prison. (A border crossing
#: is not: "Bab al-Hawa" is the crossing, and the village is named after it.)
FACILITIES: Final = frozenset({"AIRB", "AIRF", "AIRP", "AIRH", "MILB", "CMP", "CMPRF",
                               "DAM", "OILF", "GASF", "PRN"})
#: A facility lies this close to the town it is named after (Tabqa's air base 6 km from the
#: town, Abu al-Duhur's 5 km) ...
FACILITY_TOWN_KM: Final = 10.0
#: ... and counts this much less than the town (importance) for a name without its type word.
FACILITY_DEMOTION: Final = 0.25


def facilities_after_towns(rows: list[tuple], query: str) -> list[tuple]:
    """``rows`` (candidate rows, see :class:`CandidateSet`) with the facilities (see
    :data:`FACILITIES`) that a town or village among them is named as, for a query without the
    facility's type word, weighing FACILITY_DEMOTION less: "Abu al-Duhur" is the town, "Abu
    al-Duhur airbase" the base beside it; "Latakia" the city, not Hmeimim air base, also called
    Latakia Air Base. A settlement counts when it matches the name by its spelling (exact,
    alternate or loose), or as well as the facility does, and lies within FACILITY_TOWN_KM of
    the facility, or within FAR_KM when the name spells its own name (see :func:`_spelled`;
    "Abu al-Thuhur", a letter from both, is the town too). The facility stays a candidate: with no
    such place beside it, the name is the facility's ("Menagh": the air base)."""
    facilities = [i for i, r in enumerate(rows) if r[4] in FACILITIES]
    if not facilities or without_type_words(query) is not None:
        return rows
    towns = [r for r in rows if r[4].startswith("PPL")]
    if not towns:
        return rows
    out = list(rows)
    for i in facilities:
        f = rows[i]
        for t in towns:
            if t[9] > LOOSE and (t[9] > f[9] or (t[9] == FUZZY and t[12] < f[12] - 1e-9)):
                continue  # (a look-alike of the name counts when the facility is one too)
            km = _distance_km(f[1], f[2], t[1], t[2])
            if km <= FACILITY_TOWN_KM or (km <= FAR_KM and (
                    t[9] == EXACT_MAIN or _spelled(query, t[0]))):
                out[i] = f[:8] + (f[8] - FACILITY_DEMOTION,) + f[9:]
                break
    return out


#: A village (not :func:`is_town`) farther than this from the context -- ``near``, the
#: map's view, or (at least MIN_CONTEXT_POINTS of) the other places of the report or map --
#: is refused (``unresolved``, the place among the alternatives), even by its very name: a
#: village of that name by the map's places that the gazetteer lacks is likelier. So is one
#: outside the view with fewer than OFF_CONTEXT_SHARE of the map's places, and fewer than
#: OFF_CONTEXT_FEW, within this distance: namesakes chosen wrongly, pointing at each other (a
#: map of much of the country has five of its places near each region it covers). A town still
#: resolves there (``build`` and ``validate`` report it as a stray).
OFF_CONTEXT_KM: Final = 150.0
MIN_CONTEXT_POINTS: Final = 3
OFF_CONTEXT_SHARE: Final = 0.1
OFF_CONTEXT_FEW: Final = 5


#: A place outside the map's countries this large, a capital or a province's seat is meant
#: however far from the map's other places ("talks in Geneva", "Mosul").
ABROAD_CITY_POPULATION: Final = 100_000


def _city_abroad(row: Sequence) -> bool:
    """Whether a place abroad is a capital, a province's seat, a country or such a city."""
    return row[4] in ("PPLC", "PPLA") or row[4].startswith("PCL") or \
        row[6] >= ABROAD_CITY_POPULATION


def _off_context_km(lat: float, lon: float, near: tuple[float, float] | None,
                    context: Points,
                    view: Sequence[Sequence[float]] | None) -> float:
    """Distance from (lat, lon) to the nearest of ``near``, the context points and the
    view's box (0 inside it)."""
    best = math.inf
    if near is not None:
        best = _distance_km(lat, lon, near[0], near[1])
    if view is not None:
        (s, w), (nn, e) = view
        best = min(best, _distance_km(lat, lon, min(max(lat, s), nn), min(max(lon, w), e)))
    if len(context):
        pts = np.asarray(context, dtype=float).reshape(-1, 2)
        best = min(best, float(haversine_km(lat, lon, pts[:, 0], pts[:, 1]).min()))
    return best


def with_alternatives_context_km(res: Resolution, near: tuple[float, float] | None,
                                 context: Points,
                                 view: Sequence[Sequence[float]] | None) -> Resolution:
    """``res`` with the distance of each of its alternatives from the context (``near``, the
    context points, the view's box: see :func:`_off_context_km`) when the name did not
    resolve: a reader sees that the place it resembles lies far from the map."""
    if res.place is not None or not res.alternatives or (
            near is None and view is None and not len(context)):
        return res
    return replace(res, alternatives_context_km=tuple(
        _off_context_km(p.lat, p.lon, near, context, view) for p in res.alternatives))


#: The places of a report or map of one front: this many within ONE_FRONT_KM of their middle
#: (the median latitude and longitude), and that share of them at least (a capital or a town
#: named in passing stands apart) ...
ONE_FRONT_POINTS: Final = 4
ONE_FRONT_KM: Final = 75.0
ONE_FRONT_SHARE: Final = 0.75
#: ... off whose map a village farther than this from each of them lies.
STRAY_KM: Final = 100.0


def one_front(points: np.ndarray) -> bool:
    """Whether ``points`` (n, 2) lie on one front: ONE_FRONT_POINTS or more, and
    ONE_FRONT_SHARE of them, within ONE_FRONT_KM of their middle."""
    if len(points) < ONE_FRONT_POINTS:
        return False
    lat, lon = np.median(points[:, 0]), np.median(points[:, 1])
    near = haversine_km(lat, lon, points[:, 0], points[:, 1]) <= ONE_FRONT_KM
    return int(near.sum()) >= ONE_FRONT_POINTS and float(near.mean()) >= ONE_FRONT_SHARE


#: A town (not a capital, a province's seat or a town of FRONT_CITY_POPULATION) farther than
#: this from every place of a report of one front is no place of it (see
#: :func:`_far_from_one_front`).
FRONT_TOWN_KM: Final = 250.0
FRONT_CITY_POPULATION: Final = 50_000


def _far_from_one_front(row: Sequence, context: Points,
                        km: float = FRONT_TOWN_KM) -> bool:
    """Whether the place of ``row`` lies farther than ``km`` from each of the ``context``
    points, which lie on one front (see :func:`one_front`)."""
    pts = np.asarray(context, dtype=float).reshape(-1, 2)
    if not len(pts) or float(haversine_km(row[1], row[2], pts[:, 0], pts[:, 1]).min()) <= km:
        return False
    return one_front(pts)


def _off_the_map(lat: float, lon: float, near: tuple[float, float] | None,
                 context: Points,
                 view: Sequence[Sequence[float]] | None, km: float = OFF_CONTEXT_KM) -> bool:
    """Whether a village at (lat, lon) lies off the map (see OFF_CONTEXT_KM): farther than
    ``km`` (OFF_CONTEXT_KM unless given) from ``near``, the context points and the view's
    box; or, outside the view and that far from ``near``, with fewer than OFF_CONTEXT_SHARE of
    the map's other places, and fewer than OFF_CONTEXT_FEW, within ``km``; or, with context
    alone, farther than STRAY_KM from each of its points when they are of one front (see
    :func:`one_front`: "Tal Othman" of a report of northern Hama is no village by Raqqa, 148
    km from the nearest of its places). (The distances to the context points are worked out
    once, for all.)"""
    near_km = _distance_km(lat, lon, near[0], near[1]) if near is not None else math.inf
    view_km = math.inf
    if view is not None:
        (s, w), (nn, e) = view
        view_km = 0.0 if s <= lat <= nn and w <= lon <= e else \
            _distance_km(lat, lon, min(max(lat, s), nn), min(max(lon, w), e))
    pts = np.asarray(context, dtype=float).reshape(-1, 2)
    dist = haversine_km(lat, lon, pts[:, 0], pts[:, 1]) if len(pts) else np.empty(0)
    nearest = min(near_km, view_km, float(dist.min()) if len(dist) else math.inf)
    if nearest > km:
        return True
    if near_km <= km or view_km == 0.0 or len(dist) < MIN_CONTEXT_POINTS:
        return False
    if nearest > STRAY_KM and view is None and near is None and one_front(pts):
        return True
    around = int((dist <= km).sum())
    return around < OFF_CONTEXT_SHARE * len(dist) and around < OFF_CONTEXT_FEW


_NO_ROWS: frozenset[int] = frozenset()
#: A place at home of no known population, or this far from every other place of the report
#: or map, ...
LONELY_KM: Final = 150.0
#: ... is not certain against a town abroad of exactly that name with this many people.
ABROAD_TOWN_POPULATION: Final = 20_000


def _rival_abroad(cands: CandidateSet, best: int, wanted: tuple[str, ...],
                  context: Points,
                  spread: ContextSpread = NARROW, query: str = "",
                  near: tuple[float, float] | None = None) -> int | None:
    """A town abroad whose name matches the query as well as the village at home (the best
    candidate) does, or exactly, and that the village cannot rule out: the Syrian community
    called Sharm El Sheikh against the Egyptian town, in a report on Aleppo. A town at home
    (:func:`is_town`, by any of its records) is not in doubt against one outside the map's
    region: Al-Mansurah on a map of Syria is the Syrian subdistrict seat, not the Egyptian
    city 870 km away; nor against one the name only resembles (a skeleton or fuzzy match):
    "Saidenaya" is the seat Saydnaya, not Sidon in Lebanon. Nor is a
    village the name spells, among the report's other places (as crowded by them as few of
    the country's places are, on a map of much of it: see :func:`context_spread`): "Arak" in
    a report on Palmyra is the Syrian village, not the Iranian city; nor a town at home the
    name spells within LONELY_KM of the map's places, however wide the map: on a map of the
    north, Sinjar is the seat by Idlib, not the Iraqi town. Nor is a village within
    LONELY_KM of ``near`` against a town farther from it."""
    rows = cands.rows
    kind = max(EXACT_ALT, rows[best][9])  # matched as well as the village at home, or better
    sized = [i for i, o in enumerate(cands.outside(wanted))
             if o and rows[i][9] <= kind and rows[i][6] >= ABROAD_TOWN_POPULATION
             and rows[i][8] > rows[best][8]]
    if not sized:  # (most names: no town abroad to be in doubt with)
        return None
    # a town by any of its records: an OCHA record may match best while the GeoNames record
    # of the same place holds its seat or people, or the other way round
    town = any(is_town(r) and r[3] == rows[best][3]
               for r in _records(cands, best, range(len(rows))))
    far_abroad = cands.far_abroad
    # (outside the map's region a town is a rival by its own or alternate name, or its own
    # name spelled loosely -- "Sharm al-Sheikh" -- not by a look-alike, nor by another of its
    # names spelled loosely: Iblin, a village by Idlib, is not Bologna, بولونيا; "Qurieh" is
    # not Korla, 4,000 km off, which one romanisation writes Kuriya. A town at home is in
    # doubt with no town outside the region, and with none in it that the name only
    # resembles: "Saidenaya" is the seat Saydnaya, not Sidon)
    abroad = [i for i in sized
              if (rows[i][9] <= EXACT_ALT or i not in far_abroad or (
                  rows[i][9] == LOOSE and loose_key(rows[i][0]) in _loose_spellings(query)))
              and not (town and (i in far_abroad or rows[i][9] > LOOSE))]
    if abroad and near is not None and _distance_km(
            rows[best][1], rows[best][2], near[0], near[1]) <= LONELY_KM:
        # the point the places are said to be near is the village's: only a town as near
        # it is still in doubt
        abroad = [i for i in abroad
                  if _distance_km(rows[i][1], rows[i][2], near[0], near[1]) <= LONELY_KM]
    if not abroad:
        return None
    if len(context):
        pts = np.asarray(context, dtype=float).reshape(-1, 2)
        lat, lon = rows[best][1], rows[best][2]
        if float(haversine_km(lat, lon, pts[:, 0], pts[:, 1]).min()) <= LONELY_KM:
            if rows[best][6] > 0 or (town and rows[best][9] <= EXACT_ALT):
                return None
            if rows[best][9] <= LOOSE and not spread.wide and (
                    spread.crowd <= 0.0 or float(_crowd(np.array([lat]), np.array([lon]),
                                                        context)[0]) >= spread.crowd):
                return None
    elif rows[best][6] > 0:
        return None
    return max(abroad, key=lambda i: rows[i][8])


def _loose_spellings(query: str) -> set[str]:
    """The loose keys of ``query`` and of its Kurdish and foreign readings (the spellings a
    candidate may have been found by)."""
    return {loose_key(spelling) for spelling in (query, *kurdish_readings(query),
                                                 *foreign_readings(query))}


#: Feature codes of seats of government (a capital, a province's or a district's seat).
SEATS: Final = frozenset({"PPLC", "PPLA", "PPLA2", "PPLA3"})
#: A place of at least this many people is a town: a report that misspells it by a letter
#: still means it (Minbic: Manbij), where a village a letter away is a coincidence.
TOWN_POPULATION: Final = 10_000


def is_town(row: Sequence) -> bool:
    """True for a candidate row that is a seat (:data:`SEATS`) or has TOWN_POPULATION people."""
    return row[4] in SEATS or row[6] >= TOWN_POPULATION


def _penalised(scores: Sequence[float], cands: CandidateSet,
               wanted: tuple[str, ...]) -> list[float]:
    if not wanted:
        return list(scores)
    return [s - OTHER_COUNTRY_PENALTY if o else s
            for s, o in zip(scores, cands.outside(wanted))]


def _order(cands: CandidateSet, idx: Sequence[int], sc: Sequence[float]) -> list[int]:
    """Best first (at most TOP_K); ties broken by name and id, never by storage order."""
    rows = cands.rows
    if len(idx) > TOP_K:
        idx = sorted(idx, key=sc.__getitem__, reverse=True)[:TOP_K]
    return sorted(idx, key=lambda i: (-sc[i], rows[i][0], rows[i][5] or 0, i))


def _with_the_near(cands: CandidateSet, allowed: Sequence[int], order: list[int],
                   base_sc: Sequence[float], sc: Sequence[float],
                   view: Sequence[Sequence[float]] | None) -> list[int]:
    """``order`` (the TOP_K candidates by their own weight) with the TOP_K the map's places
    lift most and those inside its view, ordered as ``order`` is: of a name of more villages
    than TOP_K, all of one weight, the one among the map's places is in the running, not cut
    for its name's place in the alphabet ("Breqa" by Burayqah among the map's places)."""
    rows = cands.rows
    extra = [i for i in _order(cands, allowed, sc) if i not in order]
    if view is not None:
        (s, w), (n, e) = view
        extra += [i for i in allowed if i not in order and i not in extra
                  and s <= rows[i][1] <= n and w <= rows[i][2] <= e]
    if not extra:
        return order
    return sorted(order + extra, key=lambda i: (-base_sc[i], rows[i][0], rows[i][5] or 0, i))


def _within(cands: CandidateSet, idx: Sequence[int], anchor: int, km: float) -> list[int]:
    rows = cands.rows
    lat, lon = rows[anchor][1], rows[anchor][2]
    # a latitude difference alone can rule a place out (see _FAR_DLAT)
    dlat = km / (EARTH_RADIUS_KM * _RAD) * 1.001
    return [i for i in idx if i == anchor or (abs(rows[i][1] - lat) <= dlat and _distance_km(
        lat, lon, rows[i][1], rows[i][2]) <= km)]


def _far_namesakes(cands: CandidateSet, kept: list[int], sc: Sequence[float], best: int,
                   wanted: tuple[str, ...], records: Sequence[int] = (),
                   query: str = "") -> list[int]:
    """``[best, rivals...]`` when settlements more than FAR_KM from ``best`` score within
    FAR_MARGIN of it (in the map's countries when given) and ``best`` does not outweigh them
    (see :func:`_outweighs` and :func:`_named_over_alternate`; ``records`` are all the
    candidates ``kept`` was chosen from, so that the records of one place count together);
    else []."""
    # the rows themselves, not cands' columns: most sets are ranked once, and only the few
    # best candidates are looked at here
    rows = cands.rows
    if rows[best][4].startswith("ADM"):
        return []
    rivals = []
    # a loose or fuzzy match says less about which place is meant: a bigger lead is needed
    margin = FAR_MARGIN if rows[best][9] <= EXACT_ALT else WEAK_FAR_MARGIN
    # a name a letter away from two places says nothing of which: a larger town is no answer
    fuzzy = rows[best][12] if rows[best][9] == FUZZY else None
    # a village a letter away from the name is no better evidence than another place whose
    # consonants (or letters, give or take an edit) are the name's: Khatuniyah is not
    # Katuniyeh rather than Khatuna, 140 km apart
    weak_village = fuzzy is not None and not is_town(rows[best])
    # (a qualifier in it makes a short skeleton rare: "Big Bayaa" is a rival of "Big Bayaza"
    # for "Bayya'iyah Kabirah")
    long_skeleton = len(cands.skeleton) > SHORT_SKELETON or cands.skeleton[-1:].isupper()
    towns: list[tuple] | None = None
    top, lat0, lon0 = sc[best], rows[best][1], rows[best][2]
    # "al-Hamah" spells a village Al-Hama with its article, the city of Hama only without:
    # the villages stay in the running however much more the city weighs
    article = rows[best][9] == LOOSE and _has_article(query)
    # "Sheikh Hadid" is a village's very name, and the town of Shaykh al-Hadid's but for the
    # article inside it, which reports drop: the town stays in the running
    named_village = rows[best][9] <= EXACT_ALT and not is_town(rows[best])
    pool = records or kept
    ours: list[tuple] | None = None  # the records of ``best`` (see _records), read once
    for i in kept[1:]:
        r = rows[i]
        if r[4].startswith("ADM") or (wanted and r[3] not in wanted):
            continue
        if top - sc[i] >= margin and not (
                fuzzy is not None and r[9] == FUZZY and r[12] >= fuzzy - 1e-9) \
                and not (weak_village and (r[9] == FUZZY or (
                    r[9] >= SKELETON_ARABIC and long_skeleton))):
            if r[9] != LOOSE:
                continue
            if article:
                if ours is None:
                    ours = _records(cands, best, pool)
                if not _article_spells(query, (r,), ours):
                    continue
            elif not (named_village and is_town(r) and _inner_article(r[0])
                      and not any(w in ARTICLES for w in exact_key(query).split())):
                continue
        if abs(r[1] - lat0) > _FAR_DLAT or _distance_km(lat0, lon0, r[1], r[2]) > FAR_KM:
            if towns is None:  # the records of ``best`` that make it a town, looked up once
                towns = []
                for j in pool:  # most namesakes are villages: no town among the candidates
                    if rows[j][6] >= TOWN_POPULATION or rows[j][4] in SEATS:
                        if ours is None:
                            ours = _records(cands, best, pool)
                        towns = [r for r in ours if is_town(r)]
                        break
            if not (towns and _outweighs(cands, best, i, pool, query, towns, ours or ())) and \
                    not _named_over_alternate(cands, best, i, pool, wanted, query):
                rivals.append(i)
    return [best] + rivals if rivals else []


#: A place named as the name is in doubt with namesakes it outweighs (see _far_namesakes)
#: when it lies this far off the map (km, see _off_the_map) ...
AMONG_THE_MAP_KM: Final = 2 * FAR_KM
#: ... unless the name has fewer letters than this (loose key): one of three letters names
#: places all over the country.
AMONG_MIN_LETTERS: Final = 4


def _namesake_among_the_map(cands: CandidateSet, kept: list[int], best: int,
                            wanted: tuple[str, ...], near: tuple[float, float] | None,
                            context: Points,
                            view: Sequence[Sequence[float]] | None,
                            spread: ContextSpread) -> list[int]:
    """``[best, rivals...]`` when ``best`` outweighs its far namesakes (see
    :func:`_far_namesakes`) but lies off the map by AMONG_THE_MAP_KM (see :func:`_off_the_map`:
    farther than that from ``near``, the view and all of the map's places, or all but a stray
    few), and namesakes the name spells (exactly or loosely) lie among them, as crowded by them
    as few of the country's places are (see :class:`ContextSpread`); else []. "Hader" on a map
    of Quneitra may be the village of Hadar among its places as well as the subdistrict seat of
    al-Hadir by Aleppo, which GeoNames also lists as Hader; "Breikeh", OCHA's Breiqa among them
    as well as OCHA's Breikeh, 140 km off, the name as written; "Ajami" on a map of Daraa, the
    village there as well as the seat of al-Arimah (also ‘Ajamī) by al-Bab, near which a stray
    one of the map's places lies. The map's places then decide between them (see
    :func:`_context_pick`), or the reader.

    Not for a capital, a province's or a district's seat or a city of HOME_TOWN_POPULATION
    people (a report names towns far from its front: Kobani on a map of Azaz), nor for a name of
    fewer than AMONG_MIN_LETTERS letters; a town of TOWN_POPULATION people only with seats
    ("Soran" north of Aleppo may be the subdistrict seat of Suran there as well as the town of
    Suran by Hama), unless it lies farther than STRAY_KM from every place of a report of one
    front (see :func:`_far_from_one_front`) and a village of its very name lies among them:
    "Babila" in a list of villages by Maarat al-Numan may be the village there as well as the
    Damascus suburb of 50,000, 240 km off;
    and a seat named as written only with a namesake named as well."""
    rows = cands.rows
    b = rows[best]
    if b[4] in ("PPLC", "PPLA", "PPLA2") or b[4].startswith("ADM") \
            or b[6] >= HOME_TOWN_POPULATION \
            or (cands.loose and len(cands.loose) < AMONG_MIN_LETTERS):
        return []
    town = b[6] >= TOWN_POPULATION
    kind = b[9] if b[4] in SEATS else LOOSE
    spelled = [i for i in kept[1:] if rows[i][9] <= kind and not rows[i][4].startswith("ADM")
               and (not wanted or rows[i][3] in wanted)]
    seats = [i for i in spelled if rows[i][4] in SEATS] if town else spelled
    # (most names have no such namesake: the distances to the map's places only then)
    if not spelled or not _off_the_map(b[1], b[2], near, context, view, AMONG_THE_MAP_KM):
        return []
    among = _crowded(cands, seats, context, spread)
    if not among and len(seats) < len(spelled) and (not wanted or b[3] in wanted) \
            and b[9] == EXACT_MAIN and near is None and view is None \
            and _far_from_one_front(b, context, STRAY_KM):
        # (a seat among the map's places first; a village only when none is, and only one of
        # the town's very name: "Jableh - Berdag" among places east of Manbij, a loose
        # likeness, is no rival of the coastal town of Jablah)
        among = _crowded(cands, [i for i in spelled if i not in seats
                                 and rows[i][9] == EXACT_MAIN], context, spread)
    return [best] + among if among else []


def _crowded(cands: CandidateSet, idx: Sequence[int], context: Points,
             spread: ContextSpread) -> list[int]:
    """The candidates ``idx`` that lie among the map's places, as crowded by them as few of the
    country's places are (see :class:`ContextSpread`)."""
    if not idx:
        return []
    rows = cands.rows
    crowd = _crowd(np.array([rows[i][1] for i in idx]), np.array([rows[i][2] for i in idx]),
                   context)
    return [i for i, c in zip(idx, crowd) if c >= max(PICK_DENSITY, spread.crowd)]


def _named_over_alternate(cands: CandidateSet, best: int, rival: int,
                          pool: Sequence[int], wanted: tuple[str, ...],
                          query: str = "") -> bool:
    """Whether ``best``, a place whose own (main) name is the query, outweighs a far-off
    ``rival`` that has it only among its alternate names: every record of the rival matched
    by an alternate name, and none is a town (:func:`is_town`). An alternate name is often an
    old name, a neighbouring place's or a slip, and a reporter writes the name a place goes
    by: "Baghuz" is the village of that name, not Kasan 330 km off, also listed as Baghuz.
    A town or seat of the map's own country whose own name the query spells only loosely
    outweighs so a village (records of a few thousand people too) matched through another
    name: "Hajeen" is the town of Hajin, not Saimbeyli in Turkey, once called Hacin. A
    village spelled loosely does not ("Baghouz" stays in doubt), nor a town of the map's
    other countries: "Turbeli", a Turkish village the built-in data lacks, is not Torbali,
    a town 1,400 km off, rather than Goynuk, also called so.

    A town known by the name (Kurdish names, old names of towns) stays a rival, and so does a
    place whose own name is the query's but for its vowels or an article ("Al-Khidr" and the
    villages called Khidr), and a place of the map's own country against one of its other
    countries (the first of ``wanted``): "Taybé" may be the Syrian village At Tayyibah as well
    as the Turkish village Taybe.
    """
    rows = cands.rows
    ours, theirs = rows[best], rows[rival]
    if ours[9] > LOOSE or theirs[9] not in (EXACT_ALT, LOOSE) or is_town(theirs):
        return False  # (the rival's best-matching record says most: looked at first)
    if any(_listed_seat(r) and r[3] == ours[3] for r in _records(cands, rival, pool)):
        return False  # (a seat the built-in cities list with no people: a town of the country)
    if ours[9] == EXACT_MAIN and theirs[9] != EXACT_ALT:
        return False
    if ours[3] != theirs[3] and wanted and ours[3] != wanted[0]:
        return False
    key = cands.loose or loose_key(query)
    letters = consonants(key)
    if ours[9] == EXACT_MAIN:
        return all(r[9] == EXACT_ALT and not is_town(r)
                   and not _own_name_spells(r, key, letters)
                   for r in _records(cands, rival, pool))
    # a town of the map's own country the query spells loosely, against a village it spells
    # only by another name
    if wanted and ours[3] != wanted[0]:
        return False
    records = _records(cands, best, pool)
    return any(is_town(r) for r in records) and \
        any(loose_key(r[0]) == key for r in records) and \
        all(r[9] in (EXACT_ALT, LOOSE) and not _own_name_spells(r, key, letters)
            and not is_town(r) for r in _records(cands, rival, pool))


def _own_name_spells(row: Sequence, key: str, letters: str) -> bool:
    """Whether a record's own name is the query's (loose ``key``) but for its vowels, an
    article or a consonant added, dropped or spelled another way (see
    :func:`_consonant_edits`): then the query's spelling among its alternate names is no slip,
    and the record is a namesake ("Al-Khidr" may be any village called Khidr, "Tall Dhahab"
    Tall Dahab)."""
    own = loose_key(row[0])
    return own == key or _consonant_edits(consonants(own), letters) <= _CONSONANT_EDITS


#: Sources whose places are GeoNames records (a dump, or the built-in cities).
_GEONAMES: Final = frozenset({"geonames", "builtin"})


def _record_ids(cands: CandidateSet, i: int, pool: Sequence[int]) -> list[int]:
    """Candidate ``i`` and those of ``pool`` within SAME_PLACE_KM of it: the records of one
    place, from one source or several."""
    rows = cands.rows
    lat, lon = rows[i][1], rows[i][2]
    out = [i]
    for j in pool:
        if j != i and abs(rows[j][1] - lat) <= _SAME_DLAT and \
                _distance_km(lat, lon, rows[j][1], rows[j][2]) <= SAME_PLACE_KM:
            out.append(j)
    return out


def _records(cands: CandidateSet, i: int, pool: Sequence[int]) -> list[tuple]:
    """The rows of :func:`_record_ids`."""
    rows = cands.rows
    return [rows[j] for j in _record_ids(cands, i, pool)]


def _level(kind: int) -> int:
    """0 for an exact or alternate name, 1 for a loose key, 2 for a look-alike."""
    return 0 if kind <= EXACT_ALT else 1 if kind == LOOSE else 2


def _spelled(query: str, name: str) -> bool:
    """Whether ``query`` spells ``name``: the same exact key, or the same loose key with the
    articles kept (:func:`gazetteer.normalize.spelling_key`)."""
    if exact_key(query) == exact_key(name):
        return True
    q = spelling_key(query)
    return bool(q) and q == spelling_key(name)


def _article_spells(query: str, theirs: Sequence[tuple], ours: Sequence[tuple]) -> bool:
    """Whether ``query`` begins with an article (al-, as-, el-...) and a record of ``theirs``
    is named with an article and the query's loose key while none of ``ours`` is: an article
    is part of a name, so "al-Hamah" means a village called Al-Hama rather than the city of
    Hama, whose names have none (any article form counts: al-Safsafah is As Safsafah)."""
    if not _has_article(query):
        return False
    key = loose_key(query)
    return any(_has_article(r[0]) and loose_key(r[0]) == key for r in theirs) and \
        not any(_has_article(r[0]) and loose_key(r[0]) == key for r in ours)


def _inner_article(name: str) -> bool:
    """Whether an article word stands inside ``name`` (Shaykh al Hadid, Ras al-Ayn)."""
    return any(w in ARTICLES for w in exact_key(name).split()[1:-1])


def _has_article(name: str) -> bool:
    """Whether ``name`` begins with an article word and has more words."""
    words = exact_key(name).split()
    return len(words) > 1 and words[0] in ARTICLES


#: The built-in GeoNames cities of the region list places of this many people or more, and
#: seats of administrative units whatever their size (GeoNames' cities500).
LISTED_MIN_POPULATION: Final = 500


def _listed_seat(row: Sequence) -> bool:
    """Whether a record is a seat the built-in cities list with fewer than
    LISTED_MIN_POPULATION people (its feature code unknown there): Ma`arrat an Nu`man, a
    district's seat, is listed with none, and a subdistrict's seat of the same country called
    Mare' does not outweigh it for "al-Maara" (see :func:`_outweighs` and
    :func:`_named_over_alternate`)."""
    return row[7] == "builtin" and row[6] < LISTED_MIN_POPULATION and row[4] == "PPL"


#: A town of TOWN_POPULATION people outweighs a far-off village of its name that has this
#: many times fewer (Akcakale: the border town of 32,114, not the village of 1,676).
OUTWEIGHING_RATIO: Final = 10


def _outweighs(cands: CandidateSet, best: int, rival: int, pool: Sequence[int],
               query: str, towns: list[tuple], ours: Sequence[tuple]) -> bool:
    """Whether ``best`` is clearly the place meant rather than a far-off ``rival`` of about
    the same score. Both must match the name by its spelling (exact, alternate or loose; the
    rival no better than ``best``), and the rival must be a village: no record of it a seat,
    and none with people unless ``best`` is a town of TOWN_POPULATION, OUTWEIGHING_RATIO
    times as many, of the same country, whose main name the query spells (without the map's
    countries the Egyptian town Al Burj does not outweigh villages of that name in the Levant;
    Akcakale is the border town of 32,114,
    not a village of 1,676 in Elazig; a town with the name only among its alternates --
    Harran, officially Altinbasak -- does not outweigh a village called so). Then ``best``
    wins when

    * it is a seat (a capital, a province's, district's or subdistrict's seat): a reporter
      writing the bare name means the seat, not a village of the same name elsewhere;
    * it is a town of TOWN_POPULATION people and every record of the rival is GeoNames'
      (a GeoNames record of no population that OCHA does not list is often a duplicate, a
      farm, a hamlet or a place long gone), or the query is one of the town's own names
      (exact or alternate) or spells its main name (see :func:`_spelled`): Dair Hafir is the
      town of 29,000 and Quneitra the provincial town, not OCHA's villages of those names;
      but al-Hole, loosely an alternate name of the town Kafr Laha (for the Houla plain),
      is not outweighed by it against OCHA's Hole (al-Hawl) -- the name as written decides
      that one (see :func:`_written_pick`) -- and al-Hamah, a village by Damascus, stays in
      doubt with the city of Hamah.

    Villages of no known size against one another stay in doubt, whoever lists them: a
    record that OCHA and GeoNames both hold against one only GeoNames holds decided no name
    of the evaluation set, and nothing says the listed one is meant.

    The records of one place (within SAME_PLACE_KM, from ``pool``) count together: a town's
    population or seat may sit on its GeoNames record while its OCHA record matched best;
    ``ours`` are the records of ``best`` and ``towns`` those of them that make it a town
    (:func:`is_town`).
    """
    rows = cands.rows
    level = _level(rows[best][9])
    if level > 1 or _level(rows[rival][9]) < level:
        return False
    theirs = _records(cands, rival, pool)
    if any(r[4] in SEATS or (_listed_seat(r) and r[3] == rows[best][3]) for r in theirs):
        return False
    people = max(r[6] for r in theirs)
    if people and not any(r[6] >= TOWN_POPULATION and r[6] >= OUTWEIGHING_RATIO * people
                          and r[3] == rows[rival][3]
                          and (r[9] == EXACT_MAIN or _spelled(query, r[0])) for r in towns):
        return False
    if any(r[4] in SEATS for r in towns):
        # a seat against villages of no known size, listed or not -- unless the query has
        # an article that the village's name has and the seat's names lack
        return not _article_spells(query, theirs, ours)
    # (a town of another country than the village's counts only by its own name: Samrah,
    # a Syrian village, is not outweighed by the Turkish town Mazidagi, whose Kurdish name
    # Semrex reads so)
    village_country = rows[rival][3]
    return all(r[7] in _GEONAMES for r in theirs) or \
        any((r[9] <= EXACT_ALT if r[3] == village_country else r[9] == EXACT_MAIN)
            or _spelled(query, r[0]) for r in towns)


#: A place within this many edits of the name (loose keys, see :func:`_spelling_pick`) ...
SPELLED_EDITS: Final = 1
#: ... wins against far-off rivals that are all at least this many edits further from it.
SPELLING_MARGIN: Final = 2
#: Loose keys shorter than this are not compared (one edit in four letters is another name).
SPELLED_MIN_LENGTH: Final = 5
#: Of places a few km apart (within FAR_KM), a place this many edits from the name may win,
#: when closer than each of the others in letters, or as close and closer in consonants: the
#: wrong one of them is still near the place meant.
NEAR_SPELLED_EDITS: Final = 2


def _spelling_pick(query: str, cands: CandidateSet, allowed: Sequence[int],
                   names: NamesLookup, apart_km: float = FAR_KM,
                   near: bool = False) -> tuple[int, int] | None:
    """The one candidate whose spelling is clearly the name's, among places more than
    ``apart_km`` apart that all fit it by some key, and its spelling distance; or None.

    The *spelling distance* of a place is the fewest edits (optimal string alignment, as in
    :mod:`gazetteer.fuzzy`) between the query's loose key and the loose key of any of its
    names, a leading vowel of both not counted (:func:`_letters_apart`: "Edlib" is Idlib);
    its *consonant distance* the same between their consonants
    (:func:`gazetteer.normalize.consonants`). The closest place wins when it is at most
    SPELLED_EDITS away and every other candidate more than ``apart_km`` from it is clearly
    further:

    * SPELLING_MARGIN edits further: "Dabiq" is a vowel away from OCHA's Dabeq and three
      letters from Dbeiqa, 166 km off, whose consonants it shares; "Silûk" one from Suluk,
      three from Salkhad;
    * or no closer in letters and further in consonants, where the closest place has the
      name's own: romanisations write an Arabic name's vowels many ways, its consonants
      hardly, so "Ma'rablit" (a swap of two letters from Maarbalit) is not Zarablit (a
      consonant off), nor "Kafr Nabil" (a vowel from Kafr Nabl) Kafr Dabil or Kafr Nabi --
      unless the rival is a town or seat and the closest place is not ("Ratain": the village
      Retyan, or OCHA's seat of Ras Al Ain, whose size is not known).

    Places spelled equally well, or within an edit of each other with the same consonants,
    stay in doubt (Kafraya and Kafraya, 64 km apart; Rmelan, an edit from Rmailan and two
    from Rumaylan, both 160 km from the town meant, which the gazetteer lacks), and so does a
    name every place fits only by two or more edits: the place meant may be missing. A key
    shorter than the fuzzy lookup's (:data:`gazetteer.fuzzy.MIN_LENGTH`) may be an edit from
    the place only when the place's consonants are the name's (a skeleton match).

    With ``near``, for telling apart places a few km apart that score alike, a place up to
    NEAR_SPELLED_EDITS from the name also wins against those within FAR_KM of it that are
    further in letters, or as far and further in consonants (places more than FAR_KM away
    must still be SPELLING_MARGIN edits further): "Tell Shamiram" is two edits from Tal
    Shamran and from Tal Shamiyeh, 15 km off, but a consonant from the first and two from
    the second. A wrong choice among them is still near the place meant.

    The place chosen counts as a fuzzy match of that many edits (:func:`fuzzy_weight`).
    """
    key = loose_key(query) if not is_arabic(query) else ""
    if len(key) < SPELLED_MIN_LENGTH:
        return None
    rows = cands.rows
    admin = cands.admin
    idx = [i for i in allowed if not admin[i]]
    if len(idx) < 2:
        return None
    lats, lons = cands.lats, cands.lons
    spelled = [i for i in idx if rows[i][9] <= LOOSE]
    if len(spelled) > 1 and any(
            _distance_km(lats[spelled[0]], lons[spelled[0]], lats[i], lons[i]) > apart_km
            for i in spelled[1:]):
        return None  # far-apart places the name spells (exact or loose key): no edit apart
    stored = names([rows[i][10] for i in idx])
    if not key[-1:].isupper():
        # a name without a qualifier spells a place's name without its own ("Fatima":
        # Eastern Fatima), the qualifier being no letter of it
        stored = {pid: [split_qualifiers(k)[0] for k in keys] for pid, keys in stored.items()}
    cutoff = SPELLED_EDITS + SPELLING_MARGIN
    letters = consonants(key)
    # per place: (letters, consonants) of its closest name, and the fewest of each over all
    dist: dict[int, tuple[int, int]] = {}
    nearest: dict[int, tuple[int, int]] = {}
    for i in idx:
        keys = stored.get(rows[i][10]) or (loose_key(rows[i][0]),)
        pairs = [(_letters_apart(key, k, cutoff),
                  OSA.distance(letters, consonants(k), score_cutoff=cutoff)) for k in keys]
        dist[i] = min(pairs)
        nearest[i] = (dist[i][0], min(p[1] for p in pairs))
    best = min(idx, key=lambda i: (dist[i], -cands.scores[i], i))
    d0 = dist[best][0]
    if d0 > (NEAR_SPELLED_EDITS if near else SPELLED_EDITS) or \
            (d0 and len(key) < FUZZY_MIN_LENGTH and rows[best][9] == FUZZY):
        return None  # too far from the name, or an edit in a name under FUZZY_MIN_LENGTH
    town: bool | None = None  # whether ``best`` is a town (any of its records), read once
    for i in idx:
        km = _distance_km(lats[best], lons[best], lats[i], lons[i])
        if km <= apart_km:
            continue
        # the rival place's closest spelling, over all its records (one may name it closer)
        rival = min([nearest[j] for j in _record_ids(cands, i, idx)])
        if rival[0] - d0 >= SPELLING_MARGIN or (near and km <= FAR_KM and rival > dist[best]):
            continue  # (a place a few km off: closer in letters, or as close in consonants)
        if rival[0] >= d0 and rival[1] > dist[best][1] == 0 and d0 <= SPELLED_EDITS:
            # as close in letters, but a consonant off where ``best`` has the name's own
            # consonants: a vowel is another way of writing a name, a consonant another name
            # -- unless the rival is a town or seat and ``best`` is not
            if town is None:
                town = any(is_town(r) for r in _records(cands, best, idx))
            if town or not any(is_town(r) for r in _records(cands, i, idx)):
                continue
        return None
    return best, d0


def _written_pick(query: str, cands: CandidateSet, group: Sequence[int],
                  written: NamesLookup) -> int | None:
    """The one of far-apart places ``group`` whose own name is the query as written, when
    every name of every other is SPELLING_MARGIN edits from it; or None.

    The names compared are exact keys (:func:`gazetteer.normalize.exact_key`: the letters as
    written, vowels and all) without spaces, of every record of each place: the loose key
    reads many spellings alike, which tells apart no places it matches alike, but "al-Hole"
    is OCHA's Hole, two edits from al-Hulah, Houla and Hula, alternate names of the town
    Kafr Laha. An article the query writes may be missing from a name (OCHA leaves most
    out), one a name has and the query lacks may not (:func:`_written`): "`Uthmaniyah" is not
    the village Al Uthmaniyah rather than others spelled alike. Only a place's own name
    counts for the place chosen: an alternate name written the way the query is may merely
    follow the query's way of romanising ("Ayn al-Bardah" is Ayn al Baridah as written, an
    alternate name of the village Al Baridah 137 km off, and three edits from OCHA's Ein
    Elbardeh, the place meant). A name an edit from a place's own is no evidence either
    ("An Najmah" is not OCHA's Najma rather than another place called so: the gazetteer may
    lack it). A mark for an ayn or hamza in a record's own name may be read as the "a"
    reports write for it, the place chosen's and its rivals' alike (:func:`_readings`):
    "Marea" is Mare', not al-Ma'arra, an alternate name of the town Ma`arrat an Nu`man; but
    "Al-Shaafah" is as close to Sha`fa, read Shaafa, as to Ash Sha`fah. Places as close stay
    in doubt, and so does a name in Arabic script.
    """
    rows = cands.rows
    if is_arabic(query) or sum([rows[i][9] <= EXACT_ALT for i in group]) > 1:
        return None  # (two places with the very name: none is further from it)
    exact = exact_key(query)
    key = _written(exact)
    if not key:
        return None
    bare = key != exact.replace(" ", "")  # the query's article left out: the names' too
    own = [i for i in group if any(_written(r, bare) == key for r in _readings(rows[i][0]))]
    if len(own) > 1:
        return None  # (most namesakes)
    pool = range(len(rows))
    records = {i: _record_ids(cands, i, pool) for i in group}
    named = [i for i in group if any(_written(r, bare) == key for j in records[i]
                                     for r in _readings(rows[j][0]))]
    if len(named) != 1:
        return None
    best = named[0]
    if any(_written_apart(key, r, bare) < SPELLING_MARGIN
           for i in group if i != best for j in records[i] for r in _readings(rows[j][0])):
        return None  # (decided without the names: most namesakes are spelled alike)
    stored = written([rows[j][10] for i in group if i != best for j in records[i]])
    if any(_written_apart(key, k, bare) < SPELLING_MARGIN
           for i in group if i != best for j in records[i] for k in stored.get(rows[j][10], ())):
        return None
    return best


def _written_over_weight(query: str, cands: CandidateSet, kept: Sequence[int],
                         wanted: tuple[str, ...], written: NamesLookup) -> int | None:
    """A place more than FAR_KM from ``kept[0]`` -- a place the query fits only by its loose
    key, which outweighs all others -- whose own name is the query as written, when no name
    of the weightier place is within SPELLING_MARGIN edits of it (see :func:`_written_pick`);
    or None. A town's weight decides between places of its name, not for a name it has only
    as two letters off: "Al-Bara" is OCHA's Bara, not Aleppo, once Berea."""
    rows = cands.rows
    best = kept[0]
    lat0, lon0 = rows[best][1], rows[best][2]
    far = [i for i in kept[1:] if rows[i][9] <= LOOSE and (not wanted or rows[i][3] in wanted)
           and not rows[i][4].startswith("ADM")
           and _distance_km(lat0, lon0, rows[i][1], rows[i][2]) > FAR_KM]
    if not far:
        return None
    pick = _written_pick(query, cands, [best] + far, written)
    return pick if pick is not None and pick != best else None


#: Marks a place list writes for an ayn or a hamza (the gazetteer's keys drop them).
_AYN_MARKS: Final = re.compile("['`\u2018\u2019\u02bb\u02bc\u02be\u02bf]")


def _readings(name: str) -> tuple[str, ...]:
    """A place's own name as its exact key, and as reports also write it: each mark for an
    ayn or hamza the vowel "a" ("Mare'" is written "Marea", "Sha`fa" "Shaafa")."""
    if _AYN_MARKS.search(name) is None:
        return (exact_key(name),)
    return exact_key(name), exact_key(_AYN_MARKS.sub("a", name))


def _written(exact: str, bare: bool = True) -> str:
    """An exact key without spaces, and without a leading article word when ``bare``."""
    words = exact.split()
    if bare and len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return "".join(words)


def _written_apart(key: str, exact: str, bare: bool) -> int:
    """Edits from ``key`` (see :func:`_written_pick`) to a name's exact key as written, or
    without the articles inside it, which reports drop ("Sheikh Hadid" writes Sheikh
    El-Hadid); cut off past SPELLING_MARGIN."""
    apart = OSA.distance(key, _written(exact, bare), score_cutoff=SPELLING_MARGIN)
    if apart and _inner_article(exact):
        words = exact.split()
        inside = " ".join([words[0]] + [w for w in words[1:-1] if w not in ARTICLES]
                          + [words[-1]])
        apart = min(apart, OSA.distance(key, _written(inside, bare),
                                        score_cutoff=SPELLING_MARGIN))
    return apart


def edits_apart(key: str, other: str, cutoff: int) -> int:
    """Edits (optimal string alignment) between two loose keys, ``cutoff`` + 1 when more; names
    of different qualifiers ("Jarabulus Tahtani", "Upper Jarabulus") are never an edit apart,
    though their keys differ by one token: ``cutoff`` + 1."""
    if (key[-1:].isupper() or other[-1:].isupper()) and \
            split_qualifiers(key)[1] != split_qualifiers(other)[1]:
        return cutoff + 1
    return OSA.distance(key, other, score_cutoff=cutoff)


#: Without the map's countries, a look-alike (skeleton or fuzzy match) is offered as a choice
#: only this many edits from the name, or the fuzzy lookup's (see :func:`_spelled_alike`).
ALIKE_EDITS: Final = 1


_LEADING_VOWELS: Final = frozenset("aiu")


def _letters_apart(key: str, other: str, cutoff: int) -> int:
    """Edits between two loose keys (see :func:`edits_apart`), a leading vowel not counted
    when both have one: romanisations write an initial hamza or 'ayn with any vowel (Iblin,
    Ablin, Eblin; Edlib, Idlib)."""
    if key[:1] in _LEADING_VOWELS and other[:1] in _LEADING_VOWELS:
        key, other = key[1:], other[1:]
    return edits_apart(key, other, cutoff)


def _spelled_alike(query: str, cands: CandidateSet, group: list[int], prox: np.ndarray | None,
                   names: NamesLookup) -> list[int]:
    """The members of ``group`` worth offering a reader: places the name spells (exact,
    alternate or loose key), look-alikes the context supports, and look-alikes whose loose
    key (of any record of the place) is at most ALIKE_EDITS edits -- or
    :func:`gazetteer.fuzzy.max_edits` -- from the name's. A name in Arabic script is compared
    by its consonants only: all are kept."""
    key = loose_key(query) if not is_arabic(query) else ""
    if not key:
        return group
    rows = cands.rows
    limit = max(ALIKE_EDITS, max_edits(len(key)))
    weak = [i for i in group if rows[i][9] >= SKELETON_ARABIC
            and not (prox is not None and prox[i] >= CORROBORATING_PROXIMITY)]
    if not weak:
        return group
    # the names of every record of each place (OCHA's Idleb is GeoNames' Idlib)
    records = {i: _records(cands, i, range(len(rows))) for i in weak}
    stored = names(list({r[10] for recs in records.values() for r in recs}))
    far = set()
    for i in weak:
        keys = [k for r in records[i] for k in (stored.get(r[10]) or (loose_key(r[0]),))]
        if min(edits_apart(key, k, limit + 1) for k in keys) > limit:
            far.add(i)
    return [i for i in group if i not in far]


def _context_pick(cands: CandidateSet, group: list[int],
                  near: tuple[float, float] | None,
                  context: Points,
                  view: Sequence[Sequence[float]] | None,
                  spread: ContextSpread = NARROW) -> int | None:
    """The one candidate of ``group`` the context clearly points at, or None: the only one
    near ``near``; the only one inside the map's view; the only one near the other places of
    the report or map (or, unless they lie all over the country, among many of them or
    inside their extent, where they crowd as few of the country's places see: see
    :class:`ContextSpread`) -- on a map of CHANCE_PICK_POINTS places or more, only when
    fewer than CONTEXT_PICK_SHARE of the country's places lie as near them (see
    :func:`_near_by_chance`), or a place of the map lies at the very spot (TWIN_KM)."""
    rows = cands.rows
    if near is not None:
        d = [_distance_km(rows[i][1], rows[i][2], near[0], near[1]) for i in group]
        pick = _clear_min(group, d)
        if pick is not None:
            return pick
    if view is not None:
        (s, w), (nn, e) = view
        inside = [i for i in group if s <= rows[i][1] <= nn and w <= rows[i][2] <= e]
        if len(inside) == 1:
            return inside[0]
    if len(context):
        pts = np.asarray(context, dtype=float).reshape(-1, 2)
        pick, km = _pointed_at(cands, group, pts, spread)
        if pick is not None and (km <= TWIN_KM or len(pts) < CHANCE_PICK_POINTS
                                 or not _near_by_chance(km, spread)):
            return pick
    return None


#: The map's places pick a namesake by being near it only when fewer than this share of the
#: country's places lie as near them (see :meth:`ContextSpread.share_within`): where one in
#: five of its villages does, a namesake near them is as likely one of the many as the place
#: meant ("Resafa" on a map of the north may be the ruined city 171 km off as well as the
#: village of Ar Rusafah by Idlib, 7 km from one of its places; "Suwaydiyah Kabira" on a map
#: of all the country the village by Raqqa as well as its namesake 15 km from a place of the
#: map by Hasakah).
CONTEXT_PICK_SHARE: Final = 0.2
#: ... on a map of this many places or more, which cover the ground they name so densely that
#: a namesake lies near one of them by chance. The handful of places of a report name one
#: area: a namesake 40 km from one of them, its rival hundreds of km off, is the one meant
#: ("Atshan" among five villages of Hama), however many of the country's villages lie as near.
CHANCE_PICK_POINTS: Final = 20


def _near_by_chance(km: float, spread: ContextSpread) -> bool:
    """Whether CONTEXT_PICK_SHARE or more of the country's places lie within ``km`` (or
    CHANCE_MIN_KM) of the map's places, as a namesake the map's places picked does."""
    share = spread.share_within(max(km, CHANCE_MIN_KM))
    return share is not None and share >= CONTEXT_PICK_SHARE


def _pointed_at(cands: CandidateSet, group: list[int], pts: np.ndarray,
                spread: ContextSpread) -> tuple[int | None, float]:
    """The candidate of ``group`` the map's places ``pts`` point at (see
    :func:`_context_pick`), or None, and how far it lies from the nearest of them (km)."""
    rows = cands.rows
    glat = np.array([rows[i][1] for i in group])
    glon = np.array([rows[i][2] for i in group])
    d = haversine_km(glat[:, None], glon[:, None], pts[None, :, 0], pts[None, :, 1])
    nearest = d.min(axis=1).tolist()
    pick = _clear_min(group, nearest)
    if pick is not None or spread.wide:
        return pick, (nearest[group.index(pick)] if pick is not None else 0.0)
    # or the one among many of the other places, the rest near few or none
    crowd = np.exp(-d / CONTEXT_SCALE_KM).sum(axis=1)
    order = np.argsort(-crowd)
    if crowd[order[0]] < spread.crowd:
        # no candidate is among more of them than many of the country's places are; but
        # one the name spells, or misspells by a letter, that another name of the map was
        # found at (a place of the map within TWIN_KM), the others not, is the place the
        # map names twice, as maps built from several reports do ("Maskaneh" where
        # "Meskene" is Maskanah; "Tel Temur" where "Tell Tamer" is Tal Tamer); not one
        # only its consonants fit
        at = [k for k, km in enumerate(nearest) if km <= TWIN_KM]
        if len(at) == 1 and rows[group[at[0]]][9] in _TWIN_KINDS:
            return group[at[0]], nearest[at[0]]
        return None, 0.0
    # (a place the name spells needs a smaller lead than a look-alike of it)
    ratio = SPELLED_PICK_RATIO if (rows[group[int(order[0])]][9] <= LOOSE
                                   and spread.crowd >= SPELLED_PICK_BAR) else PICK_RATIO
    if crowd[order[0]] >= PICK_DENSITY and crowd[order[0]] >= ratio * crowd[order[1]]:
        return group[int(order[0])], nearest[int(order[0])]
    if len(pts) >= 3:
        pad = FAR_KM / 111.0
        s, nn = pts[:, 0].min() - pad, pts[:, 0].max() + pad
        w, e = pts[:, 1].min() - pad, pts[:, 1].max() + pad
        inside = [k for k, i in enumerate(group)
                  if s <= rows[i][1] <= nn and w <= rows[i][2] <= e]
        if len(inside) == 1 and crowd[inside[0]] >= spread.crowd:
            return group[inside[0]], nearest[inside[0]]
    return None, 0.0


#: A place the name's consonants alone fit (a skeleton match) is the answer, with no context,
#: when it is the only place in the map's countries that the name fits at all, the name has
#: MIN_TRUSTED_SKELETON consonants or more, and it is spelled this many edits from one of the
#: place's names (one for names of FUZZY_MIN_LENGTH letters or fewer): "Binsh" is Binnish,
#: "Kfarlatha" Kafr Latah; "Banshu" is no name of Binnish's.
SOLE_SKELETON_EDITS: Final = 2
#: ... a qualifier (Kubra, Fawqa) counting as this many consonants: "Orem al Kubra" is Urum
#: al-Kubra, the only place whose consonants, and qualifier, the name's are.
QUALIFIER_LETTERS: Final = 2
#: Candidates this far below MIN_SCORE are no rivals of a sole place (see _sole_by_consonants).
SOLE_SKELETON_FLOOR: Final = 0.15


def _sole_by_consonants(query: str, cands: CandidateSet, best: int, allowed: Sequence[int],
                        sc: Sequence[float], names: NamesLookup) -> float | None:
    """The match weight (:func:`fuzzy_weight`) of ``best`` as a spelling of the name, for a
    place of the map's countries the name fits by its consonants only, when it is the sole
    place the name fits (every other candidate of the map's countries a record of it, within
    SAME_PLACE_KM, or far below MIN_SCORE) and close enough (see SOLE_SKELETON_EDITS); None
    otherwise."""
    if not is_latin(query) or skeleton_letters(cands.skeleton) + QUALIFIER_LETTERS * len(
            split_qualifiers(cands.skeleton)[1]) < MIN_TRUSTED_SKELETON:
        return None
    rows = cands.rows
    b = rows[best]
    for i in allowed:
        r = rows[i]
        if i != best and sc[i] >= MIN_SCORE - SOLE_SKELETON_FLOOR and \
                _distance_km(r[1], r[2], b[1], b[2]) > SAME_PLACE_KM:
            return None
    key = cands.loose or loose_key(query)
    limit = SOLE_SKELETON_EDITS if len(key) > FUZZY_MIN_LENGTH else 1
    ids = [rows[i][10] for i in _record_ids(cands, best, allowed)]
    stored = names(ids)
    keys = [k for pid in ids for k in (stored.get(pid) or ())] or [loose_key(b[0])]
    edits = min(edits_apart(key, k, limit + 1) for k in keys)
    return fuzzy_weight(edits, len(key)) if edits <= limit else None


#: A look-alike the map's places point at is the place meant when fewer than this many of its
#: namesakes would lie as near them by chance (see :func:`_beyond_chance`) ...
CHANCE: Final = 0.1
#: ... counting as near them all the country's places within this distance (km) at least (a
#: village's point and the report's may be a few km apart); and only a look-alike within
#: CONTEXT_SCALE_KM of one of them is among them at all.
CHANCE_MIN_KM: Final = 3.0
#: Edits a look-alike's name may be from the name (see :func:`_beyond_chance`).
CHANCE_EDITS: Final = 2


def _beyond_chance(query: str, cands: CandidateSet, pick: int, allowed: Sequence[int],
                   context: Points, spread: ContextSpread,
                   names: NamesLookup | None) -> bool:
    """Whether ``pick``, a look-alike of a name of three consonants or more (its consonants
    fit, or its letters but for an edit), lies nearer the map's places than one of the
    ``allowed`` candidates would by chance: it lies within CONTEXT_SCALE_KM of one of them,
    and the share of the country's places that lie as near them (or within CHANCE_MIN_KM),
    times the candidates, is below CHANCE. A report of one front leaves most of the country
    far from its places, and a look-alike among them is no coincidence; a map of hundreds of
    places leaves no village far from one, and nearness tells nothing.
    Nor is a village near them the place when a town the consonants fit lies within PICK_KM
    of them: a report names its district's town sooner than a village by its suburbs
    ("Dmeir", among places of Damascus, is the town of Dumayr, not Dummar). And the name
    must be spelled within CHANCE_EDITS of one of the place's names: a village of the map the
    data lacks is likelier than one whose name only shares its consonants ("Aqrabiyah" is not
    Aqrab, three letters short) -- unless it has the five consonants or more of the place's
    Arabic name, whose Latin spelling may be far from the report's ("Kafr Hawar" is OCHA's
    Kafr Hoor, كفر حور)."""
    if not len(context) or names is None or skeleton_letters(cands.skeleton) < SHORT_SKELETON:
        return False  # (two consonants fit too many places for any nearness to tell)
    pts = np.asarray(context, dtype=float).reshape(-1, 2)
    rows = cands.rows

    def reach(i: int) -> float:
        return float(haversine_km(rows[i][1], rows[i][2], pts[:, 0], pts[:, 1]).min())

    km = reach(pick)
    if km > CONTEXT_SCALE_KM:
        return False
    if not is_town(rows[pick]) and any(
            is_town(rows[i]) and reach(i) <= PICK_KM and _distance_km(
                rows[i][1], rows[i][2], rows[pick][1], rows[pick][2]) > SAME_PLACE_KM
            for i in allowed if i != pick):
        return False
    share = spread.share_within(max(km, CHANCE_MIN_KM))
    if share is None or len(allowed) * share >= CHANCE:
        return False
    if rows[pick][9] == SKELETON_ARABIC and \
            skeleton_letters(cands.skeleton) > MIN_TRUSTED_SKELETON:
        return True
    # (in Arabic script, where the letters are mostly consonants, one edit)
    arabic = is_arabic(query)
    key = arabic_loose_key(exact_key(query)) if arabic else loose_key(query)
    limit = 1 if arabic else CHANCE_EDITS
    spelled = names([rows[pick][10]]).get(rows[pick][10]) or (loose_key(rows[pick][0]),)
    return bool(key) and min(_letters_apart(key, k, limit + 1) for k in spelled) <= limit


def _clear_min(group: list[int], dist: Sequence[float]) -> int | None:
    order = sorted(range(len(group)), key=dist.__getitem__)
    first = dist[order[0]]
    if first > PICK_KM:
        return None
    if len(order) > 1:
        second = dist[order[1]]
        if second < 2 * first or second < first + FAR_KM:
            return None
    return group[order[0]]


#: Two records of one place from different sources lie this close (km).
TWIN_KM: Final = 3.0
#: Matches of a namesake that another name of the map found at the same spot picks (see
#: :func:`_context_pick`): the name's spelling, loose or a letter off; not its consonants only.
_TWIN_KINDS: Final = frozenset({EXACT_MAIN, EXACT_ALT, LOOSE, FUZZY})


def _twin(cands: CandidateSet, i: int, j: int) -> bool:
    a, b = cands.rows[i], cands.rows[j]
    return a[7] != b[7] and a[3] == b[3] and _distance_km(a[1], a[2], b[1], b[2]) <= TWIN_KM


#: A town of the map's first country this near a place of another of its countries that the
#: name spells is the same town, divided by the border (km; see :func:`_own_side_of_border`).
BORDER_TWIN_KM: Final = 5.0


def _own_side_of_border(cands: CandidateSet, best: int, allowed: Sequence[int],
                        wanted: tuple[str, ...], sc: Sequence[float]) -> int | None:
    """The candidate on the map's side of a town the border divided, or None: when ``best``
    is a place of another of the map's countries (``wanted[1:]``) that the name spells (exact,
    alternate or loose key), a town (:func:`is_town`) of the first country within
    BORDER_TWIN_KM of it that the name spells too, or names by the Arabic words of its Kurdish
    ones, is meant: one town before the border was drawn, known on both sides by one name
    ("Derbesiye", Turkish for ad-Darbasiyah and, in GeoNames, the old name of Şenyurt across
    the border; "Serêkaniyê", Ras al-Ayn and Ceylanpınar). Its best-scored record is returned
    (another record of it may be the town's)."""
    rows = cands.rows
    b = rows[best]
    if len(wanted) < 2 or b[3] == wanted[0] or b[3] not in wanted or b[9] > LOOSE:
        return None
    side = [i for i in allowed if rows[i][3] == wanted[0] and rows[i][9] <= LOOSE
            and sc[i] >= MIN_SCORE
            and _distance_km(rows[i][1], rows[i][2], b[1], b[2]) <= BORDER_TWIN_KM]
    if not any(is_town(rows[i]) for i in side):
        return None
    return max(side, key=lambda i: (sc[i], -i))


def _with_context_km(res: Resolution, near: tuple[float, float] | None,
                     context: Points,
                     view: Sequence[Sequence[float]] | None) -> Resolution:
    p = res.place
    if p is None:
        return res
    dists = []
    if near is not None:
        dists.append(_distance_km(p.lat, p.lon, near[0], near[1]))
    if len(context):
        pts = np.asarray(context, dtype=float).reshape(-1, 2)
        dists.append(float(haversine_km(p.lat, p.lon, pts[:, 0], pts[:, 1]).min()))
    if not dists and view is not None:
        (s, w), (n, e) = view
        lat, lon = min(max(p.lat, s), n), min(max(p.lon, w), e)
        dists.append(_distance_km(p.lat, p.lon, lat, lon))
    if not dists:
        return res
    return replace(res, context_km=min(dists))


#: Latitude differences (degrees) beyond which two places are surely farther apart than
#: SAME_PLACE_KM / ADMIN_SAME_PLACE_KM (a great circle is never shorter than its meridian
#: component); a little slack keeps rounding on the safe side.
_RAD: Final = math.pi / 180.0
_SAME_DLAT: Final = SAME_PLACE_KM / (EARTH_RADIUS_KM * _RAD) * 1.001
_ADMIN_DLAT: Final = ADMIN_SAME_PLACE_KM / (EARTH_RADIUS_KM * _RAD) * 1.001
_FAR_DLAT: Final = FAR_KM / (EARTH_RADIUS_KM * _RAD) * 1.001


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """:func:`haversine_km` for two scalar points, without NumPy's per-call overhead."""
    p1, p2 = lat1 * _RAD, lat2 * _RAD
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin((lon2 - lon1) * _RAD / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(a, 1.0)))


def _one_per_place(cands: CandidateSet, order: list[int]) -> tuple[list[int], list[int]]:
    """Drop candidates within SAME_PLACE_KM of a better one (one place, several records), and
    admin areas within ADMIN_SAME_PLACE_KM of a settlement candidate. Returns the kept
    candidates and those dropped as other records of the best one."""
    if len(order) == 1:
        return order, []
    rows = cands.rows  # (not cands' columns: only the few best candidates are looked at)
    kept: list[int] = []
    same: list[int] = []
    for i in order:
        r = rows[i]
        lat = r[1]
        if r[4].startswith("ADM") and any(
                not rows[j][4].startswith("ADM") and abs(lat - rows[j][1]) <= _ADMIN_DLAT
                and _distance_km(lat, r[2], rows[j][1], rows[j][2]) <= ADMIN_SAME_PLACE_KM
                for j in order):
            continue
        for k in kept:
            q = rows[k]
            if abs(lat - q[1]) <= _SAME_DLAT and \
                    _distance_km(lat, r[2], q[1], q[2]) <= SAME_PLACE_KM:
                if k == kept[0]:
                    same.append(i)
                break
        else:
            kept.append(i)
    return (kept, same) if kept else (order[:1], [])


#: Consonants that spellings of one Arabic letter write differently, compared as one where a
#: fuzzy match's consonants are checked: c and j (Turkish and Kurdish c is j), g for j and for
#: q (k in loose keys), c for k and for s (French and Spanish spellings), t, d, s and z for th,
#: dh and the emphatics. (p and v are already b and f: see :func:`consonants`.)
_SAME_SOUND: Final = frozenset(frozenset(pair) for pair in (
    "cj", "gj", "gk", "ck", "cs", "sz", "td", "dz", "ts"))
#: Edits allowed between the consonants of a name and of its fuzzy match: one consonant
#: added or dropped where spellings of one name differ so (see _WEAK_CONSONANTS); another
#: consonant in place of one, or one of the others added or dropped, counts two.
_CONSONANT_EDITS: Final = 1
#: Consonants that spellings of one Arabic name add or drop: h (of a digraph, kh sh gh th dh,
#: or the ending -eh), the article's l, t (the ending -at of a name's first word: Khirbat,
#: Khirba), the d of French dj, the k of kh written h (Turkish Han for Khan), and a letter
#: beside its double. Any other (the r of "Tel Ashra" against Tall `Ayshah, the g of
#: "Kerbgele" against Karbala) is another name's.
_WEAK_CONSONANTS: Final = frozenset("hltdk")


def _consonant_edits(a: str, b: str) -> int:
    """Edit distance between two consonant strings, where a consonant replaced by one that
    spells the same Arabic letter costs nothing and by any other costs two, and one added or
    dropped costs one when spellings of one name add or drop it (:data:`_WEAK_CONSONANTS`, or
    beside the same letter) and two otherwise."""
    gap_a, gap_b = _gap_costs(a), _gap_costs(b)
    prev = [0]
    for cost in gap_b:
        prev.append(prev[-1] + cost)
    for ca, drop in zip(a, gap_a):
        cur = [prev[0] + drop]
        for j, cb in enumerate(b, 1):
            sub = 0 if ca == cb or frozenset((ca, cb)) in _SAME_SOUND else 2
            cur.append(min(prev[j] + drop, cur[j - 1] + gap_b[j - 1], prev[j - 1] + sub))
        prev = cur
    return prev[-1]


def _gap_costs(s: str) -> list[int]:
    """The cost of each consonant of ``s`` added or dropped (see :func:`_consonant_edits`)."""
    return [1 if c in _WEAK_CONSONANTS or (k and s[k - 1] == c) or s[k + 1:k + 2] == c else 2
            for k, c in enumerate(s)]


def _nisba_of(query: str, loose_names: Sequence[str]) -> bool:
    """Whether the query is one of a place's names (loose keys) with the ending -i, the
    Arabic (and Turkish) ending of a word made from a place's name: Halabi, Halepi."""
    key = loose_key(query)
    return len(key) > 3 and key[-1] == "i" and key[:-1] in loose_names


def _consonants_kept(query: str, loose_names: Sequence[str]) -> bool:
    """Whether one of a place's names (loose keys) has the consonants of the query, or of one
    of its Kurdish or foreign readings, but for a consonant added or dropped or written as
    another spelling of its letter."""
    if is_arabic(query):
        return True
    spellings = (query, *kurdish_readings(query), *foreign_readings(query))
    theirs = [consonants(name) for name in loose_names]
    return any(_consonant_edits(consonants(loose_key(spelling)), other) <= _CONSONANT_EDITS
               for spelling in spellings for other in theirs)


def _same_consonants(query: str, loose_names: Sequence[str]) -> bool:
    """Whether one of a place's names (loose keys) has exactly the consonants of the query
    (written in Latin letters)."""
    letters = consonants(loose_key(query))
    return bool(letters) and any(consonants(name) == letters for name in loose_names)


def _corroborated(cands: CandidateSet, i: int, wanted: tuple[str, ...],
                  prox: np.ndarray | None) -> bool:
    """A skeleton-only or fuzzy match needs support: nearby places, or the map's countries
    (and, for a skeleton, one long enough not to be a coincidence)."""
    if prox is not None and prox[i] >= CORROBORATING_PROXIMITY and (
            cands.rows[i][9] == FUZZY or skeleton_letters(cands.skeleton) > SHORT_SKELETON):
        return True  # (two or three consonants fit villages all over the country)
    if cands.rows[i][9] == FUZZY:
        return bool(wanted) and cands.rows[i][3] in wanted
    return bool(wanted) and cands.rows[i][3] in wanted and \
        skeleton_letters(cands.skeleton) >= MIN_TRUSTED_SKELETON


def _scaled(raw: float) -> float:
    return min(1.0, max(0.0, raw / MAX_RAW))


def _result(query: str, status: str, place: Place | None, best: float, cands: CandidateSet,
            score: Sequence[float], alts: list[int], match: str = "",
            twins: tuple[Place, ...] = ()) -> Resolution:
    if not alts:
        return resolution(query, status, place, _scaled(best), match=match, same_place=twins)
    rows = cands.rows
    return resolution(query, status, place, _scaled(best),
                      tuple([place_from_row(rows[i]) for i in alts]),
                      tuple([min(1.0, max(0.0, score[i] / MAX_RAW)) for i in alts]),
                      match=match, same_place=twins)

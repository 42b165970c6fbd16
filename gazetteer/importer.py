"""Writing places into the database: index keys per name, one transaction per import."""
from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from gazetteer.normalize import (exact_key, is_arabic, loose_key, skeleton_key,
                                 without_type_words)
from gazetteer.sources.base import FileReport, PlaceRecord

# Kinds of name keys, strongest first (see gazetteer.normalize).
EXACT_MAIN, EXACT_ALT, LOOSE, SKELETON_ARABIC, SKELETON_LATIN = range(5)

#: Weight of each GeoNames feature code in a place's importance (settlements rank above the
#: admin areas of the same name, e.g. Aleppo city above Aleppo governorate).
FEATURE_WEIGHT = {
    "PPLC": 1.0, "PPLA": 0.9, "PPLA2": 0.85, "PPLA3": 0.8, "PPLA4": 0.75, "PPLA5": 0.75,
    "PPL": 0.7, "PPLG": 0.7, "PPLS": 0.6, "PPLX": 0.65, "PPLF": 0.5, "PPLL": 0.5,
    "STLMT": 0.5, "PPLR": 0.5, "PPLQ": 0.25, "PPLW": 0.25, "PPLH": 0.2, "PPLCH": 0.3,
    "PSTB": 0.8, "AIRB": 0.8, "AIRF": 0.7, "AIRP": 0.75, "AIRH": 0.6, "CMPRF": 0.7,
    "CMP": 0.6, "MILB": 0.7, "ADM1": 0.35, "ADM2": 0.3, "ADM3": 0.3, "PCLI": 0.4,
}
DEFAULT_FEATURE_WEIGHT = {"P": 0.6, "S": 0.5, "A": 0.3, "L": 0.25}


def importance(feature_code: str, population: int) -> float:
    """Return a place's prior importance in [0, 1] from feature code and population."""
    weight = FEATURE_WEIGHT.get(feature_code)
    if weight is None:
        weight = DEFAULT_FEATURE_WEIGHT.get(feature_code[:1], 0.4) if feature_code else 0.6
        if feature_code.startswith("ADM") or feature_code.startswith("PCL"):
            weight = 0.3
    pop = min(1.0, math.log10(max(population, 0) + 1) / 7.0)
    return round(0.6 * weight + 0.4 * pop, 6)


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
            add(skeleton_key(name), SKELETON_ARABIC)
            continue
        add(exact_key(name), EXACT_MAIN if i == 0 else EXACT_ALT)
        add(loose_key(name), LOOSE)
        add(skeleton_key(name), SKELETON_LATIN)
        bare = without_type_words(name)
        if bare:
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
            out.append(f"{f.path}: {f.places} places ({f.format}){skipped}")
            out.extend(f"  skipped {p}" for p in f.problems)
        out.append(f"imported {self.places} places in {self.seconds:.1f} s")
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def write_records(conn: sqlite3.Connection, records: Iterable[PlaceRecord]) -> int:
    """Insert records (inside the caller's transaction); places with a geonameid replace the
    earlier GeoNames or built-in copy of the same id. Return how many were replaced."""
    next_id = (conn.execute("SELECT COALESCE(MAX(id), 0) FROM places").fetchone()[0]) + 1
    place_rows = []
    name_rows = []
    gids = []
    for rec in records:
        p = rec.place
        place_rows.append((next_id, p.name, p.lat, p.lon, p.country, p.feature_code,
                           p.geonameid, p.population, p.source,
                           importance(p.feature_code, p.population)))
        if p.geonameid is not None:
            gids.append(p.geonameid)
        for key, kind in name_keys(rec.names):
            name_rows.append((key, kind, next_id))
        next_id += 1
    replaced = 0
    if gids:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS new_gids (gid INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM new_gids")
        conn.executemany("INSERT OR IGNORE INTO new_gids VALUES (?)", ((g,) for g in gids))
        old = [r[0] for r in conn.execute(
            "SELECT id FROM places WHERE geonameid IN (SELECT gid FROM new_gids) "
            "AND source IN ('geonames', 'builtin')")]
        if old:
            conn.executemany("DELETE FROM names WHERE place_id = ?", ((i,) for i in old))
            conn.executemany("DELETE FROM places WHERE id = ?", ((i,) for i in old))
            replaced = len(old)
    conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", place_rows)
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", name_rows)
    return replaced

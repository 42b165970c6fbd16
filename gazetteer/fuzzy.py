"""Bounded fuzzy lookup of place names: loose keys within a few edits, blocked per country.

Spellings that no key rule unifies -- a dropped or doubled consonant, a typo, a vowel where
the loose key keeps one (Huraytan / Hraytan), two letters swapped -- are found by the edit
distance between the query's loose key and the stored loose keys (optimal string alignment:
Levenshtein's insertions, deletions and substitutions, and a swap of neighbours counts as one
edit, so "Ratain" finds Ratyan as well as Ras al-Ayn), computed by rapidfuzz (C++; one query against
a few thousand keys takes well under a millisecond, where Python would take tens).

The keys are not all compared: they are kept in *blocks* per country, one by the first
consonant of the key and one by its last two letters, so a spelling is found when it shares
either its start or its end with the stored name. A name's qualifiers (see
:func:`gazetteer.normalize.qualified`) are part of its blocks' tags: "Jarabulus Tahtani" is
compared with the lower places only, never with "Upper Jarabulus" or plain Jarabulus, a token
away. Blocks are stored in the ``fuzzy_keys``
table (rebuilt after every import) as newline-joined keys sorted by length, and read on first
use. Only keys of :data:`MIN_LENGTH` letters or more are compared, and at most
:func:`max_edits` edits apart, counting the letters of the name asked for without its
qualifiers; names of fewer than MIN_LENGTH letters, qualifiers not counted, are not in the
blocks: "Qulan Fawqani" (five letters) is not "Upper Qurran", nor "Qurban Fawqani" (six) Upper
Qurran, whose name has five.
"""
from __future__ import annotations

import array
import bisect
import sqlite3
from typing import Final, Sequence

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from gazetteer.importer import LOOSE
from gazetteer.normalize import split_qualifiers

#: Loose keys shorter than this are not compared (one edit in five letters is another name).
MIN_LENGTH: Final = 6
#: Bump when what the blocks hold changes (forces a rebuild on open).
FUZZY_VERSION: Final = "4"
_VOWELS: Final = frozenset("aeiouyw")


def max_edits(length: int) -> int:
    """Edits allowed for a loose key of ``length`` letters: none below MIN_LENGTH, 1 up to 10
    letters, then 2."""
    if length < MIN_LENGTH:
        return 0
    return 1 if length <= 10 else 2


def blocks_of(key: str) -> tuple[str, str]:
    """The two block tags of a loose key: ``f`` + its first consonant, ``e`` + its last two
    letters, each followed by its qualifiers' tokens."""
    name, tokens = split_qualifiers(key)
    first = next((ch for ch in name if ch not in _VOWELS), name[:1])
    return "f" + first + tokens, "e" + name[-2:] + tokens


def build_index(conn: sqlite3.Connection) -> None:
    """(Re)build the ``fuzzy_keys`` blocks from the loose keys of every place (inside the
    caller's transaction)."""
    blocks: dict[str, dict[str, list[int]]] = {}
    for country, key, pid in conn.execute(
            "SELECT p.country, n.key, n.place_id FROM names AS n JOIN places AS p "
            "ON p.id = n.place_id WHERE n.kind = ?", (LOOSE,)):
        if len(split_qualifiers(key)[0]) < MIN_LENGTH or not key.isascii():
            continue  # (the letters of the name: a qualifier's token is no letter of it)
        for tag in blocks_of(key):
            blocks.setdefault(f"{country}|{tag}", {}).setdefault(key, []).append(pid)
    conn.execute("DELETE FROM fuzzy_keys")
    rows = []
    for block, keys in blocks.items():
        ordered = sorted(keys, key=lambda k: (len(k), k))
        # per key: its place ids, then 0
        ids = array.array("q")
        for k in ordered:
            ids.extend(keys[k])
            ids.append(0)
        rows.append((block, "\n".join(ordered), ids.tobytes()))
    conn.executemany("INSERT INTO fuzzy_keys VALUES (?, ?, ?)", rows)
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('fuzzy_version', ?)",
                 (FUZZY_VERSION,))


class _Block:
    """One block's keys (sorted by length) and, per key, the ids of its places."""

    __slots__ = ("keys", "lengths", "_flat", "_ends", "_within")

    def __init__(self, text: str, blob: bytes) -> None:
        self.keys = text.split("\n")
        self.lengths = list(map(len, self.keys))
        # the ids as stored (per key: its place ids, then 0), split where a key's ids are
        # read: a block holds thousands of keys, a lookup wants a few
        self._flat = np.frombuffer(blob, dtype=np.int64)
        self._ends = np.flatnonzero(self._flat == 0)
        self._within: dict[tuple[int, int], tuple[int, list[str]]] = {}

    def ids(self, i: int) -> list[int]:
        """The place ids of key ``i``."""
        start = int(self._ends[i - 1]) + 1 if i else 0
        return self._flat[start:int(self._ends[i])].tolist()

    def within(self, shortest: int, longest: int) -> tuple[int, list[str]]:
        """(index of the first, keys) of the keys of ``shortest`` to ``longest`` letters (the
        list is made once per range: a long report asks for the same few lengths again and again)."""
        hit = self._within.get((shortest, longest))
        if hit is None:
            lo = bisect.bisect_left(self.lengths, shortest)
            hi = bisect.bisect_right(self.lengths, longest)
            hit = self._within[(shortest, longest)] = (lo, self.keys[lo:hi])
        return hit


class FuzzyIndex:
    """Reads blocks on first use and finds the places whose loose key is a few edits away."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._blocks: dict[str, _Block | None] = {}
        self._countries: list[str] | None = None
        self._tagged: dict[str, set[str]] | None = None

    def clear(self) -> None:
        """Forget blocks read so far (after an import)."""
        self._blocks.clear()
        self._countries = None
        self._tagged = None

    def countries(self) -> list[str]:
        """Countries that have blocks."""
        if self._countries is None:
            self._countries = sorted({cc for ccs in self._tags().values() for cc in ccs})
        return self._countries

    def _tags(self) -> dict[str, set[str]]:
        """The countries that have a block, per block tag (read once: most countries have no
        block of a given tag, and a lookup need not ask for it)."""
        if self._tagged is None:
            self._tagged = {}
            for (block,) in self._conn.execute("SELECT block FROM fuzzy_keys"):
                cc, tag = block.split("|", 1)
                self._tagged.setdefault(tag, set()).add(cc)
        return self._tagged

    def _block(self, name: str) -> _Block | None:
        if name in self._blocks:
            return self._blocks[name]
        row = self._conn.execute("SELECT keys, ids FROM fuzzy_keys WHERE block = ?",
                                 (name,)).fetchone()
        block = _Block(row[0], row[1]) if row else None
        self._blocks[name] = block
        return block

    def search(self, key: str, countries: Sequence[str], limit: int = 12) -> dict[int, int]:
        """Return ``{place id: edits}`` for places of ``countries`` whose loose key is within
        :func:`max_edits` of ``key`` (not counting keys equal to it), closest first."""
        edits = max_edits(len(split_qualifiers(key)[0]))
        if not edits or not key.isascii():
            return {}
        found: dict[int, int] = {}
        n = len(key)
        tags = blocks_of(key)
        for cc in countries:
            for tag in tags:
                # (a block missing is looked for once: _block remembers it as None)
                block = self._block(f"{cc}|{tag}")
                if block is None:
                    continue
                lo, keys = block.within(n - edits, n + edits)
                if not keys:
                    continue
                for _, d, i in process.extract(key, keys, scorer=OSA.distance,
                                               score_cutoff=edits, limit=limit):
                    if d == 0:
                        continue
                    for pid in block.ids(lo + i):
                        old = found.get(pid)
                        if old is None or d < old:
                            found[pid] = d
        return found

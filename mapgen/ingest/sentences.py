"""Cut an entry's text into paragraphs and sentences (hard-wrapped lines are joined)."""
from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset("""mr mrs ms dr prof gen brig col lt maj capt sgt cpl adm cmdr sen rep
gov st jr sr no vs etc e.g i.e u.s u.k u.n approx est dept inc ltd co corp fig""".split())
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŞĞİÖÜ])")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a report and the entry it belongs to."""

    entry: int
    index: int
    text: str


def paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks, each with its lines joined by single spaces."""
    blocks = re.split(r"\n\s*\n", text)
    return [" ".join(block.split()) for block in blocks if block.strip()]


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph; abbreviations such as "Gen." and "U.S." do not end one."""
    out: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        before = paragraph[start:match.start()].rstrip("\"”’)]")
        last_word = before.rsplit(None, 1)[-1].rstrip(".").lower() if before.split() else ""
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        out.append(paragraph[start:match.start()].strip())
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]

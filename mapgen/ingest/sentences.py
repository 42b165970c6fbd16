"""Cut an entry's text into paragraphs and sentences (hard-wrapped lines are joined)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from mapgen.ingest.textkeys import ARABIC_LETTERS

_ABBREVIATIONS = frozenset("""mr mrs ms dr prof gen brig col lt maj capt sgt cpl adm cmdr sen rep
gov st jr sr no vs etc e.g i.e u.s u.k u.n approx est dept inc ltd co corp fig
jan feb mar apr jun jul aug sep sept oct nov dec""".split())
#: A sentence ends at a point, a question or exclamation mark (Arabic's ؟ too) before a capital
#: (Latin or Cyrillic),
#: a figure or an Arabic letter (Arabic has no capitals).
_BOUNDARY = re.compile(r"(?<=[.!?…؟])[\"”’)\]»]*\s+(?=[\"“‘(\[«]?[A-Z0-9ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŞĞİÖÜА-ЯЁІЇЄҐ" + ARABIC_LETTERS + "])")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a report and the entry it belongs to."""

    entry: int
    index: int
    text: str


_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


def is_title_line(line: str) -> bool:
    """A headline or a byline: mostly capitalised words and no closing punctuation."""
    words = _WORD.findall(line)
    if not words or line.rstrip().endswith((".", ",", ";", ":", "!", "?")) and len(words) > 4:
        return False
    caps = sum(w[0].isupper() for w in words)
    return (len(words) >= 3 and caps / len(words) >= 0.6) or (len(words) <= 4 and caps == len(words))


def paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks, each with its lines joined by single spaces; a headline or
    byline line inside a block stands on its own."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        current: list[str] = []
        for line in block.split("\n"):
            if not line.strip():
                continue
            if is_title_line(line):
                if current:
                    out.append(" ".join(" ".join(current).split()))
                    current = []
                out.append(" ".join(line.split()))
            else:
                current.append(line)
        if current:
            out.append(" ".join(" ".join(current).split()))
    return out


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

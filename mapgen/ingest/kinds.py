"""Suggest an incident type from the words of the sentence (and entry) that name a place."""
from __future__ import annotations

import re

#: Keyword stems per type, most specific types first (the order breaks ties).
KEYWORDS: dict[str, tuple[str, ...]] = {
    "airstrike": ("airstrike", "air strike", "air raid", "airstrikes", "warplane", "jets", "bombed",
                  "bombing", "bombard", "cluster bomb", "barrel bomb", "sorties", "aerial", "helicopter",
                  "air force", "bombs"),
    "shelling": ("shelling", "shelled", "artillery", "mortar", "rocket", "missile", "shells",
                 "howitzer", "grad"),
    "clashes": ("clash", "fighting", "battle", "fought", "offensive", "assault", "attack", "ambush",
                "front line", "frontline", "firefight", "combat", "counter-attack", "advance"),
    "territorial change": ("captured", "capture", "seized", "took control", "taken", "retook",
                           "recaptured", "lost", "fell to", "broke through", "encircle", "besiege",
                           "siege", "cut off", "control of", "entered", "overran", "withdrew",
                           "retreat", "in control"),
    "displacement": ("flee", "fled", "fleeing", "refugee", "displaced", "exodus", "stranded",
                     "trapped", "on foot", "camps", "evacuat", "crowds"),
    "humanitarian": ("aid", "hospital", "humanitarian", "medical", "food", "bread", "supplies",
                     "tents", "relief", "convoy", "doctor", "water", "shortage"),
    "diplomatic": ("talks", "conference", "treaty", "envoy", "summit", "negotiat", "pledge",
                   "ceasefire", "truce", "diplomat", "sanction", "minister", "un security council",
                   "agreement", "donor"),
    "statement": ("said", "says", "told", "claimed", "accused", "warned", "denied", "announced",
                  "reports", "statement", "estimated"),
}
TYPES = tuple(KEYWORDS)
_PATTERNS = {kind: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")", re.I)
             for kind, words in KEYWORDS.items()}


def type_scores(text: str) -> dict[str, int]:
    """Number of keyword hits per type in ``text``."""
    return {kind: len(pattern.findall(text)) for kind, pattern in _PATTERNS.items()}


def suggest_type(sentence: str, entry: str = "") -> str:
    """The type whose keywords the sentence holds most (entry words count a third as much).

    Saying-words only decide when no event word is there; with no keyword at all the draft
    is a ``statement`` for the editor to retype.
    """
    near = type_scores(sentence)
    wide = type_scores(entry) if entry else {k: 0 for k in KEYWORDS}
    best, best_score = "statement", 0.0
    for kind in TYPES:
        if kind == "statement":
            continue
        score = 3 * near[kind] + wide[kind]
        if near[kind] == 0:
            score = min(score, 2.5)  # entry words alone never beat one word in the sentence
        if score > best_score:
            best, best_score = kind, score
    return best

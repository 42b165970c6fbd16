"""Romanisation-tolerant keys for place names: exact, loose and consonant-skeleton keys.

Reports spell one Arabic name many ways (Hraytan / Haritan / Hreitan for حريتان). Three keys
of decreasing strictness are computed for every name, for the names stored in the database
and for the query alike:

``exact_key``
    case, accents, Turkish letters and ‘ayn/hamza marks folded away: ``A'zaz`` = ``A‘zāz``.
``loose_key``
    also articles (al-/el-/as-/ash-/ad-/ar-/az-...) dropped, Kafr/Kafer/Kfar and
    Tall/Tell/Tal (and Deir/Dayr, Sheikh/Shaykh) unified, vowels folded (e->a, o->u,
    ei->ay), doubled letters collapsed, -ah/-eh/-a endings and French silent -e unified,
    q->k, ch->sh, and words joined: ``Bab al-Salameh`` = ``Bab as-Salama``,
    ``Kafr Naya`` = ``Kafrnaya``.
``skeleton_key``
    the consonants only: ``Hraytan`` = ``Haritan`` = ``Hreitan`` = ``hrtn``. For names in
    Arabic script the skeleton is built from the letters themselves (ال dropped, long vowels and
    ‘ayn/hamza carriers dropped), which makes it a strong key: حريتان -> ``hrtn``.

In the loose and skeleton keys a *qualifier* -- a word telling apart places of one name:
big/small, east/west/north/south, upper/lower, middle, new/old, written in Arabic (كبيرة,
تحتاني), romanised (Kabirah, at-Tahtani, Fawqani, Sghir), in English (Big, Lower, Eastern), or
in French or Kurdish (Petit, Jor) -- becomes one upper-case letter per meaning, put after the
name's letters (see :func:`qualified`): "Jarabulus Tahtani", "Lower Jrables" and
"جرابلس تحتاني" all end in ``L``; "Upper Jarabulus" ends in ``U``, plain "Jarabulus" in no
letter. Name letters are never upper case, so a qualifier never matches a letter of a name.
"""
from __future__ import annotations

import functools
import itertools
import operator
import re
import unicodedata
from functools import lru_cache
from typing import Callable, Final, Sequence

__all__ = ["fold", "exact_key", "loose_key", "arabic_loose_key", "arabic_defective_key",
           "skeleton_key", "loose_skeleton", "keys", "is_arabic", "is_latin", "ARTICLES",
           "qualified", "split_qualifiers", "QUALIFIER_TOKENS", "consonants", "kurdish_readings",
           "kurdish_gh_reading", "c_as_j", "has_kurdish_letters", "kurdish_calque",
           "is_description", "is_surely_kurdish", "sorani_latin", "foreign_readings",
           "unglued_article", "e_as_i_key"]

#: Arabic article forms as romanised, dropped as whole words (when more words remain); also
#: as French (ach, ech: Ach-Charqiya), German (asch, esch: Dschisr asch-Schughur) and Polish
#: (asz, esz: Asz-Szajch Rih) write al- before sh.
ARTICLES: Final = frozenset({
    "al", "el", "il", "ul", "as", "es", "ash", "esh", "ad", "ed", "ar", "er", "az", "ez", "an",
    "en", "at", "et", "ath", "adh", "al'", "l", "ach", "ech", "asch", "esch", "asz", "esz"})

# Letters NFKD does not decompose, and marks that stand for ‘ayn/hamza (dropped, not spaced).
_SPECIAL: Final = str.maketrans({
    "ı": "i", "İ": "i", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o",
    "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "þ": "th", "ð": "d", "ħ": "h",
    "'": None, "`": None, "‘": None, "’": None, "ʿ": None, "ʾ": None, "ʻ": None, "ʼ": None,
    "´": None, "′": None, "ʹ": None, "ʽ": None, "\u02bf": None, "\u02be": None,
    "\u0671": "\u0627",  # alif wasla (vocalised texts write the article with it): alif
    "\u0649": "\u064a",  # alif maqsura, which many write for a final ya (and back): ya
    "\u0621": None,  # hamza on the line, which place lists write or leave out (البيضاء,
    #                   البيضا): dropped, as the Latin marks for a hamza are
    "\u0640": None,  # tatweel, which stretches a word in headlines and some lists (حــلاق): dropped
})
#: Arabic short-vowel and other reading marks (tashkeel: fatha, damma, kasra, their tanwin,
#: shadda, sukun; superscript alif), which vocalised texts add and place lists leave out:
#: folded away like Latin accents. Hamza and madda marks (U+0653-U+0655) are letters' parts
#: and stay.
_TASHKEEL: Final = frozenset([chr(c) for c in range(0x064B, 0x0653)] + ["\u0670"])
_SPECIAL.update(dict.fromkeys(map(ord, _TASHKEEL)))
_NON_ALNUM: Final = re.compile(r"[^0-9a-z\u0600-\u06ff]+")
#: Alif with hamza or madda (decomposed), which place lists write or leave out ("أبلين",
#: "ابلين"): alif.
_ALIF_MARKED: Final = re.compile("\u0627[\u0653\u0654\u0655]")

# Words that name the type of a facility, canonicalised so "air base" = "airbase".
# (and the same in Turkish, folded: "Menağ Askeri Havaalanı", "Öncüpınar Sınır Kapısı")
_TYPE_WORDS: Final = [
    (re.compile(r"\b(?:military )?(?:air ?base|air ?field|airport|airstrip)\b"), "airbase"),
    (re.compile(r"\b(?:askeri )?(?:havaalani|hava ussu|havalimani)\b"), "airbase"),
    (re.compile(r"\b(?:border )?(?:crossing(?: point)?|gate|post)\b"), "crossing"),
    (re.compile(r"\b(?:sinir|gumruk) kapisi\b"), "crossing"),
    (re.compile(r"\b(?:refugee |idp )?camp\b"), "camp"),
]
_TYPE_CANON: Final = frozenset({"airbase", "crossing", "camp"})

_FIRST_GROUP: Final = operator.methodcaller("group", 1)
_DOUBLED: Final = re.compile(r"(.)\1+")

# Loose phonetic rewrites, applied to each word in order: (a substring every match contains,
# pattern or literal, replacement). A rule is skipped when the word lacks its substring, and
# literal rules use str.replace -- the same result as re.sub, for less work per word.
_LOOSE_SUBS: list[tuple[str, str | re.Pattern[str],
                        str | Callable[[re.Match[str]], str]]] = [
    # the ending -iyya (ـية) as French and Levantine spellings write it, its ya unwritten:
    # Lattakieh, Akrabieh, Qurieh (Lattaquié) are -iyeh (-ia and -iah are not: Rabia, Nafia
    # are Rabi'a, Nafi'a)
    ("i", re.compile(r"(?<=[^aeiouy])ieh?$"), "iya"),
    ("o", re.compile(r"ou|oo|ow(?=[^aeiou]|$)"), "u"),
    ("e", re.compile(r"ee|ie(?=[^aeiou]|$)"), "i"),
    ("", re.compile(r"ei|ai|ey|ay|aj(?=[^aeiou]|$)"), "ay"),
    ("d", re.compile(r"dj|dsch|dzh"), "j"),
    ("ch", re.compile(r"tch|tsch|ch"), "sh"),
    ("sch", "sch", "sh"),
    ("ph", "ph", "f"),
    ("q", "q", "k"),
    ("ck", "ck", "k"),
    ("x", "x", "ks"),
    ("e", "e", "a"),
    ("o", "o", "u"),
    ("", _DOUBLED, _FIRST_GROUP),  # r"\1" without re's template step per call
    ("h", re.compile(r"(?<=[aiu])h$"), ""),          # -ah/-eh/-ih endings (a final -a stays)
]
#: The rules as (substring, rewrite of a word): each rewrite a C-level callable (a bound
#: ``re.sub`` or ``str.replace``), so a word costs no Python call or type test per rule.
_LOOSE_STEPS: Final = tuple(
    (needed, operator.methodcaller("replace", pattern, repl) if isinstance(pattern, str)
     else functools.partial(pattern.sub, repl))
    for needed, pattern, repl in _LOOSE_SUBS)
_FRENCH_SILENT_E: Final = re.compile(r"(?<=[aiuo]n)e$")
#: Deletes the letters a skeleton leaves out (vowels and the semivowels y, w).
_DROP_VOWELS: Final = str.maketrans("", "", "aeiouyw")

# Arabic script -> Latin consonant classes matching what romanisations write.
_AR: Final = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "غ": "gh", "ف": "f", "ق": "k", "ك": "k", "ک": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "پ": "p", "چ": "sh", "ڤ": "v", "گ": "g", "ژ": "j",
    # Kurdish letters: trilled r, velar l (not the heh ھ, which marks aspiration in Urdu
    # names: دھولے is Dhule, whose consonants would then be those of Dahal)
    "ڕ": "r", "ڵ": "l",
}
#: Letters a skeleton leaves out: long vowels, ‘ayn/hamza carriers, and the vowels Kurdish
#: writes as letters (ە e/a, ێ ê, ۆ o, ې).
_AR_DROP: Final = set("اأإآءؤئوىيیةعـەێۆې") | {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670"}


_ARABIC: Final = re.compile(r"[\u0600-\u06ff]")
_TYPE_HINT: Final = re.compile(r"air|field|port|strip|cross|gate|post|camp|hava|kapisi")


def is_arabic(text: str) -> bool:
    """True when ``text`` contains Arabic-script letters."""
    return _ARABIC.search(text) is not None


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is Latin (after folding accents)."""
    folded = fold(text)
    return bool(folded) and folded.isascii()


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Fold case, accents, Turkish letters and ‘ayn/hamza marks; punctuation becomes space.

    Examples
    --------
    >>> fold("I‘zāz"), fold("Öncüpınar"), fold("Bab al-Salameh")
    ('izaz', 'oncupinar', 'bab al salameh')
    """
    text = text.translate(_SPECIAL)
    if not text.isascii():  # ASCII has nothing to decompose
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch) or "\u064b" <= ch <= "\u0670")
        text = _ALIF_MARKED.sub("\u0627", text)
    # each run of other characters becomes one space
    return _NON_ALNUM.sub(" ", text.lower().translate(_SPECIAL)).strip()


#: :func:`fold` without its cache, for names folded once.
_fold_once = fold.__wrapped__


def exact_key(text: str) -> str:
    """Return the exact key: :func:`fold` of the name."""
    return fold(text)


def _typed(folded: str) -> str:
    """Canonicalise facility-type words in a folded name."""
    if _TYPE_HINT.search(folded) is None:
        return folded
    for pattern, repl in _TYPE_WORDS:
        folded = pattern.sub(repl, folded)
    return folded




#: Whole words romanised many ways, mapped to one spelling before the letter rules.
_WORD_FORMS: Final = {
    **dict.fromkeys(("kafr", "kfar", "kafar", "kafer", "kefr", "kefar", "kefer", "kfer", "kufr",
                     "kfr", "kafra"), "kafr"),
    **dict.fromkeys(("tall", "tell", "tal", "tel", "til"), "tal"),
    **dict.fromkeys(("deir", "dayr", "dair", "der", "deyr", "dir"), "dayr"),
    **dict.fromkeys(("khirbat", "khirbet", "kherbet", "khirbit", "kherbit", "khirba",
                     "khirbeh", "kherbeh"), "khirba"),
    **dict.fromkeys(("sheikh", "shaykh", "sheik", "shaikh", "cheikh", "chaikh", "sheykh",
                     "shekh", "seyh", "sheyh", "scheich", "schaich", "scheikh", "schaikh"),
                    "shaykh"),
}


def _word_form(word: str) -> str | None:
    """The one spelling of a word romanised many ways (:data:`_WORD_FORMS`), or None; a
    doubled letter does not hide the word ("Till" is "Tal")."""
    form = _WORD_FORMS.get(word)
    return form if form is not None else _WORD_FORMS.get(_DOUBLED.sub(_FIRST_GROUP, word))


@lru_cache(maxsize=200_000)
def _loose_word(word: str) -> str:
    if not word.isascii():
        return word
    form = _word_form(word)
    if form is not None:
        return form
    if len(word) > 3 and word.endswith("ne"):
        word = _FRENCH_SILENT_E.sub("", word)
    for needed, rewrite in _LOOSE_STEPS:
        if needed in word:
            word = rewrite(word)
    return word


#: Initial letters (folded) to which the article assimilates ("ar-Raqqa", "as-Safira"), the
#: two-letter ones first.
_SUN_LETTERS: Final = ("sh", "th", "dh", "t", "d", "r", "z", "s", "n")


#: The letter that stands for each meaning of a qualifier in the loose and skeleton keys.
QUALIFIER_TOKENS: Final = {"big": "B", "small": "T", "east": "E", "west": "W", "north": "N",
                           "south": "S", "upper": "U", "lower": "L", "middle": "M", "new": "J",
                           "old": "O"}
#: Qualifiers as romanised from Arabic, matched by their loose form (so that "Kabireh",
#: "Kbira", "Kébir", "al-Kabirah", "Elkabira" are found from these spellings), and never as
#: the first word of a name: Arabic puts the adjective after the noun, and a name that begins
#: with one is a name of its own ("Jadidat Yabus", "Kabir Hajji").
_ROMANISED_QUALIFIERS: Final = {
    "big": "kabir kabira kbir kbira kibir kubra",
    "small": "saghir saghira sghir sghira zghir zghira sughra sarhir sarhira",
    "east": "sharqi sharqiya sharqiyya sharqya sharqia",
    "west": "gharbi gharbiya rharbi rharbiya gharbya gharbia",
    "north": "shamali shamaliya shamalya shamalia",
    "south": "janubi janubiya janubya janubia",
    "upper": "fawqani fawqaniya fuqani fawqa fuqa ulya fauqani fauqa fawqanya fawqania",
    "lower": "tahtani tahtaniya tahta sufla tahtanya tahtania",
    "middle": "wastani wastaniya wusta wasati wastanya wastania",
    "new": "jadid jadida jdid jdida",
    "old": "qadim qadima atiq atiqa",
}
#: Qualifiers in English, French, Spanish, Portuguese and Kurdish, matched as folded (any
#: place in the name: "Upper Baguz", "Qochela Jor", "Ghouta Oriental").
_WORD_QUALIFIERS: Final = {
    "big": "big great grand grande mezin mizin",
    "small": "small little petit petite bicuk bichuk picuk",
    "east": "east eastern oriental orientale",
    "west": "west western ouest occidental occidentale",
    "north": "north northern nord",
    "south": "south southern",
    "upper": "upper haut haute superieur superieure jor jorin",
    "lower": "lower inferieur inferieure jer jerin",
    "middle": "middle",
    "new": "new nouveau nouvelle",
    "old": "old vieux vieille",
}
#: Qualifiers in Arabic script (after the article ال and the tatweel are taken off; a final
#: ة may be written ه, a final ي as ى, and ي, ك in Persian letters); words that are also names
#: count with the article only (العليا, not عليا). Never the first word, as romanised ones.
_ARABIC_QUALIFIERS: Final = {
    "big": "كبير كبيرة كبرى",
    "small": "صغير صغيرة صغرى",
    "east": "شرقي شرقية",
    "west": "غربي غربية",
    "north": "شمالي شمالية",
    "south": "جنوبي جنوبية",
    "upper": "فوقاني فوقانية فوقا",
    "lower": "تحتاني تحتانية تحتا",
    "middle": "وسطاني وسطانية وسطى وسطي",
    "new": "جديد جديدة",
    "old": "قديم قديمة عتيق عتيقة",
}
_ARABIC_WITH_ARTICLE: Final = {"upper": "العليا", "lower": "السفلى السفلي"}


def _romanised_forms(spelling: str) -> list[str]:
    """The loose forms of a romanised qualifier, alone and glued to its article ("elkabira",
    "ashsharqiya")."""
    sun = next((s for s in _SUN_LETTERS if spelling.startswith(s)), "l")
    glued = [a + spelling for a in ("al", "el", "il", "a" + sun, "e" + sun)]
    return [_loose_word(w) for w in [spelling] + glued]


#: Persian letters written for Arabic ones (ی for ي, ک for ك).
_PERSIAN_LETTERS: Final = str.maketrans({"ي": "ی", "ك": "ک"})


def _arabic_forms(spelling: str) -> list[str]:
    """``spelling`` with its final ة written ه, or its final ي written ى (and back), each also
    in Persian letters."""
    swap = {"ة": "ه", "ي": "ى", "ى": "ي"}.get(spelling[-1])
    forms = [spelling] + ([spelling[:-1] + swap] if swap else [])
    return forms + [f.translate(_PERSIAN_LETTERS) for f in forms]


def _qualifier_table(table: dict[str, str],
                     forms: Callable[[str], list[str]]) -> dict[str, str]:
    return {form: QUALIFIER_TOKENS[meaning] for meaning, spellings in table.items()
            for spelling in spellings.split() for form in forms(spelling)}


_FOLDED_QUALIFIER = {**_qualifier_table(_WORD_QUALIFIERS, lambda w: [w]),
                     **_qualifier_table(_ARABIC_WITH_ARTICLE, _arabic_forms)}
_LOOSE_QUALIFIER = {**_qualifier_table(_ROMANISED_QUALIFIERS, _romanised_forms),
                    **_qualifier_table(_ARABIC_QUALIFIERS, _arabic_forms)}
#: Words after which a word is a person's name, not a qualifier ("Abu Kubrah", "Abd al-Kabir",
#: "Sitti Atikah"), folded.
_NAME_HEADS: Final = frozenset(map(_fold_once, (
    "abu abou abo um umm oum om ibn bin ben bint abd abdul abdel sitt sitti "
    "أبو ابو أم ام ابن بن بنت عبد").split()))
#: The tokens' letters (none is a letter of a folded name: those are lower case).
_TOKEN_LETTERS: Final = "".join(sorted(QUALIFIER_TOKENS.values()))


def _qualifier_token(word: str, before: str | None) -> str | None:
    """The token of ``word`` (folded) when it is a qualifier after the word ``before`` (None:
    the first word of the name), else None."""
    token = _FOLDED_QUALIFIER.get(word)
    if token is not None or before is None or before in _NAME_HEADS:
        return token
    if word.isascii():
        return _LOOSE_QUALIFIER.get(_loose_word(word))
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    return _LOOSE_QUALIFIER.get(word.replace("ـ", ""))


def qualified(words: Sequence[str], articles: bool = False) -> list[str]:
    """``words`` (of a folded name, articles dropped unless ``articles``) with the qualifiers
    taken out and their tokens put last, as one word of sorted, distinct letters: ["lower",
    "jrables"] and ["jarabulus", "tahtani"] both end in "L". A name of qualifiers only is a
    name of its own ("al-Jadida", "Kabir"): it is left as it is. With ``articles``, an article
    that comes right before a qualifier ("at-Tahtani") goes with it."""
    tokens = ""
    base: list[str] = []
    before = None  # the last word of the name so far that is not an article
    for word in words:
        token = _qualifier_token(word, before)
        if token is None:
            base.append(word)
            if word not in ARTICLES:
                before = word
            continue
        tokens += token
        if articles and base and base[-1] in ARTICLES:
            base.pop()
    if not tokens or not base:
        return list(words)
    return base + ["".join(sorted(set(tokens)))]


def split_qualifiers(key: str) -> tuple[str, str]:
    """A loose or skeleton key split into the name's letters and its qualifiers' tokens:
    ``"jarabulusL"`` -> ``("jarabulus", "L")``."""
    base = key.rstrip(_TOKEN_LETTERS)
    return base, key[len(base):]


def _name_words(folded: str) -> list[str]:
    """The words of a folded name that its loose and skeleton keys are made of: facility
    types canonical, articles dropped (unless that is all), qualifiers as tokens last."""
    words = _typed(folded).split()
    kept = [w for w in words if w not in ARTICLES]
    # glued articles: "alzahraa", "azzahraa" stay as words; "al" alone is kept if it is all.
    return qualified(kept or words)


@lru_cache(maxsize=200_000)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_name_words(fold(text)))


@lru_cache(maxsize=200_000)
def loose_key(text: str) -> str:
    """Return the loose key: articles dropped, vowels folded, doubled letters collapsed.

    Examples
    --------
    >>> loose_key("Bab al-Salameh") == loose_key("Bab as-Salama")
    True
    """
    return "".join(_loose_word(w) for w in _words(text))


@lru_cache(maxsize=200_000)
def skeleton_key(text: str) -> str:
    """Return the consonant skeleton (Latin or Arabic script).

    Examples
    --------
    >>> skeleton_key("Hraytan"), skeleton_key("Haritan"), skeleton_key("حريتان")
    ('hrtn', 'hrtn', 'hrtn')
    """
    if is_arabic(text):
        return _arabic_skeleton(fold(text))
    out = []
    for word in _words(text):
        if word in _TYPE_CANON or not word.isascii():
            out.append(word)
            continue
        # doubled letters were collapsed in the loose word; consonants that meet once the
        # vowels are gone stay apart (A'zaz -> "zz", like عزاز).
        out.append(_loose_word(word).translate(_DROP_VOWELS))
    return "".join(out)


def loose_skeleton(loose: str) -> str:
    """The consonant skeleton of a Latin-script name from its loose key: :func:`skeleton_key`
    without reading the name again (but for words of a facility's type, which that keeps
    whole).

    Examples
    --------
    >>> loose_skeleton(loose_key("Hreitan")) == skeleton_key("Hreitan")
    True
    """
    return loose.translate(_DROP_VOWELS)


def _arabic_skeleton(folded: str) -> str:
    """The skeleton of a folded name in Arabic script (alif wasla is already alif), its
    qualifiers' tokens last."""
    out = []
    for word in qualified(folded.split()):
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        elif word.startswith("لل") and len(word) > 3:
            word = word[2:]
        elif word.isupper():  # the qualifiers' tokens
            out.append(word)
            continue
        out.append("".join(_AR.get(ch, "") for ch in word if ch not in _AR_DROP))
    return "".join(out)


#: Drops vowels and semivowels, and writes p and v -- letters Arabic lacks, which Turkish and
#: Kurdish spellings use for its b and f (Halep, Halab) -- as those.
_CONSONANTS: Final = str.maketrans("pv", "bf", "aeiouyw")


def consonants(loose: str) -> str:
    """The consonants of a loose key (its vowels and the semivowels y, w dropped; p read as
    b, v as f): what spellings of one Arabic name keep when they write its vowels another
    way."""
    return loose.translate(_CONSONANTS)


def lookup_keys(text: str) -> tuple[str, str]:
    """Return ``(exact_key(text), loose_key(text))`` for looking a query up, with an empty
    loose key for Arabic script (names in it are stored under exact and skeleton keys only).

    The same keys, without filling the caches of :func:`loose_key` and ``_words``: a query is
    looked up once, then its candidates are cached by the gazetteer (so the whole name is
    folded without :func:`fold`'s cache; its words, which recur, use theirs).
    """
    folded = _fold_once(text)
    if _ARABIC.search(text) is not None:
        return folded, ""
    return folded, "".join([_loose_word(w) for w in _name_words(folded)])


#: An e that the loose key reads as a (see _LOOSE_SUBS): not in ee, ie, ei, ey, not a word's
#: last letter or before its final h (the ending -eh, -e is ta marbuta, -a).
_E_FOR_A: Final = re.compile(r"(?<![eiy])e(?![eiy]|h?$)")


def e_as_i_key(exact: str) -> str | None:
    """The loose key of a Latin-script name (its exact key ``exact``) with e read as i, where
    the loose key reads it as a: Levantine spellings write e for both short vowels ("Ter
    Maala" is Tir Ma'la, "Saraqeb" Saraqib; "Kefer", "Sermin" are a). None when no such e is
    read otherwise: for Arabic script, and for words of their own forms (Tell, Deir, Kefer)."""
    if "e" not in exact or _ARABIC.search(exact) is not None:
        return None
    words = []
    read = False
    for w in _name_words(exact):
        if w.isascii() and w not in _TYPE_CANON and _word_form(w) is None:
            reading = _E_FOR_A.sub("i", w)
            read = read or reading != w
            w = reading
        words.append(_loose_word(w))
    return "".join(words) if read else None


def article_forms(exact: str) -> tuple[str, str, str, str] | None:
    """The exact key ``exact`` with its leading article written the standard ways -- "al"
    and assimilated to a sun letter, and the same with "el" (as French-era and Levantine
    romanisations write it: GeoNames lists "El Bāra" for al-Bara) -- or None when it begins
    with no article (or is one).

    "al-Ra'i", "ar-Ra'i" and "el-Ra'i" romanise one Arabic name (الراعي): a name spelled with
    another form of the article is the same name, not a loose likeness of it.

    Examples
    --------
    >>> article_forms("al rai"), article_forms("el bab"), article_forms("rai")
    (('al rai', 'ar rai', 'el rai', 'er rai'), ('al bab', 'al bab', 'el bab', 'el bab'), None)
    """
    head, sep, rest = exact.partition(" ")
    if not sep or head not in ARTICLES or head in ("l", "al'") or not rest:
        return None
    sun = next((s for s in _SUN_LETTERS if rest.startswith(s)), None)
    return ("al " + rest, ("a" + sun if sun else "al") + " " + rest,
            "el " + rest, ("e" + sun if sun else "el") + " " + rest)


#: Letters the loose key of an Arabic-script name writes alike: ta marbuta and ha, which many
#: write for each other at a name's end (حلة, حله); a hamza on its seat and the bare seat (بئر,
#: بير; ؤ, و; a hamza on the line is already out of the exact key); and the letters Kurdish
#: adds to the Arabic alphabet, as Arabic writes the name (Sorani مەنبج is منبج: its vowel ە
#: unwritten, ێ ې ی ya, ۆ waw, ڕ ra, ڵ lam, ک kaf).
_ARABIC_LOOSE = str.maketrans({"\u0629": "\u0647", "\u0653": None, "\u0654": None,
                               "\u0655": None, "\u06d5": None,
                               "\u06ce": "\u064a", "\u06d0": "\u064a", "\u06cc": "\u064a",
                               "\u06c6": "\u0648", "\u0695": "\u0631", "\u06b5": "\u0644",
                               "\u06a9": "\u0643"})


def arabic_loose_key(exact: str) -> str:
    """The loose key of a name in Arabic script, from its exact key: each word without its
    article ال, ta marbuta written ha, words joined -- as the loose key of a romanised name
    drops its articles ("أتارب" and "الأتارب" name one town, as "Atarib" and "Al-Atarib" do;
    "دير الجمال" is "دير جمال"); "" for other keys.

    >>> arabic_loose_key("الاتارب") == arabic_loose_key("اتارب"), arabic_loose_key("al bab")
    (True, '')
    """
    if not exact or _ARABIC.search(exact) is None:
        return ""
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in exact.split()]
    return "".join(words).translate(_ARABIC_LOOSE)


#: Letters that write long vowels in Arabic script, which spellings of one name write or leave
#: out (تل شميران, تل شمران).
_ARABIC_LONG_VOWELS: Final = str.maketrans("", "", "\u0627\u0648\u064a")


def arabic_defective_key(loose: str) -> str:
    """An Arabic-script loose key (:func:`arabic_loose_key`) without the letters of its long
    vowels (alif, waw, ya) but its first and the ya of the ending -iyya (ـية, a name's own
    part: العقربية is not عقيربة): "تل شميران" and "تل شمران" are one name written with its
    long vowels and without ("" for other keys)."""
    if not loose or _ARABIC.search(loose) is None:
        return ""
    ending = "\u064a\u0647" if loose.endswith("\u064a\u0647") else ""
    body = loose[:len(loose) - len(ending)]
    return body[:1] + body[1:].translate(_ARABIC_LONG_VOWELS) + ending


def spelling_key(text: str) -> str:
    """The loose key of ``text`` with its articles kept: "al-Hamah" and "Hamah" differ
    here (a village and a city), "Dair Hafir" and "Dayr Hafir" do not."""
    if _ARABIC.search(text) is not None:
        return ""
    words = qualified(_typed(_fold_once(text)).split(), articles=True)
    return "".join([_loose_word(w) for w in words])


def clear_caches() -> None:
    """Forget the keys computed so far (each key function remembers up to 200,000 names)."""
    for cached in (fold, _words, _loose_word, loose_key, skeleton_key):
        cached.cache_clear()


def keys(text: str) -> tuple[str, str, str]:
    """Return ``(exact, loose, skeleton)`` keys of one name."""
    return exact_key(text), loose_key(text), skeleton_key(text)


#: Letters of the Kurdish Latin (Hawar) alphabet spelled as Arabic romanisations spell them:
#: ş, ç, x are sh, ch, kh; ê, î, û are vowels like e, i, u (c, Arabic ج, is :data:`_KURDISH_C`).
_KURDISH = str.maketrans({"ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch", "x": "kh", "X": "Kh",
                          "ê": "e", "Ê": "E", "î": "i", "Î": "I", "û": "u", "Û": "U"})
#: The same, with x read as gh (see :func:`kurdish_gh_reading`).
_KURDISH_GH = str.maketrans({**{chr(k): v for k, v in _KURDISH.items()}, "x": "gh", "X": "Gh"})
#: Letters only Kurdish (or Turkish: ş, ç) writes among the alphabets of the region's names.
_KURDISH_HINT: Final = re.compile("[êîûÊÎÛşŞçÇxX]")
#: Kurdish c is the sound of Arabic ج, which romanisations write j (Cindirês: Jindires); a c
#: before h or k (Cheikh, Jackson) is another alphabet's.
_KURDISH_C: Final = re.compile("[cC](?![hHkK])")
#: Letters of Kurdish in Arabic script (Sorani) that Arabic does not write: the vowels ە, ێ,
#: ۆ, ې and the consonants ڕ, ڵ.
_SORANI_HINT: Final = re.compile("[\u06d5\u06ce\u06c6\u06d0\u0695\u06b5]")
#: Kurdish Arabic-script letters in the Latin (Hawar) alphabet; و and ی (consonants or vowels)
#: are read by :func:`_hawar_letter`.
_SORANI: Final = {
    "ا": "a", "آ": "a", "أ": "a", "إ": "i", "ب": "b", "پ": "p", "ت": "t", "ث": "s", "ج": "c",
    "چ": "ç", "ح": "h", "خ": "x", "د": "d", "ذ": "z", "ر": "r", "ڕ": "r", "ز": "z", "ژ": "j",
    "س": "s", "ش": "ş", "ص": "s", "ض": "z", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f", "ڤ": "v",
    "ق": "q", "ک": "k", "ك": "k", "گ": "g", "ل": "l", "ڵ": "l", "م": "m", "ن": "n", "ه": "h",
    "ھ": "h", "ە": "e", "ة": "e", "ۆ": "o", "ێ": "ê", "ې": "ê",
}
_SORANI_VOWELS: Final = frozenset("اآأإەۆێېةوويیيى")
_WAW: Final = frozenset("و")
_YEH: Final = frozenset("ییيى")


def _hawar_letter(word: str, i: int) -> str:
    """The Latin letter of ``word[i]``: و and ی are vowels (û, î) between consonants and at
    the end after a consonant, else consonants (w, y); ‘ayn and hamza carriers are silent."""
    ch = word[i]
    if ch not in _WAW and ch not in _YEH:
        return _SORANI.get(ch, "")
    after_consonant = i > 0 and word[i - 1] not in _SORANI_VOWELS and word[i - 1] in _SORANI
    before_vowel = i + 1 < len(word) and word[i + 1] in _SORANI_VOWELS
    if ch in _WAW:
        return "û" if after_consonant and not before_vowel else "w"
    return "î" if after_consonant and not before_vowel else "y"


def sorani_latin(text: str) -> str | None:
    """Return Kurdish written in Arabic script (Sorani) in the Kurdish Latin alphabet
    (``حەسەکە`` -> ``heseke``, ``شێخ مەقسوود`` -> ``şêx meqsûd``), or None when ``text`` has none
    of the letters Kurdish adds to the Arabic alphabet (ە, ێ, ۆ, ې, ڕ, ڵ)."""
    if _SORANI_HINT.search(text) is None:
        return None
    words = []
    for word in text.split():
        word = word.replace("وو", "و\u200c")  # a doubled waw is one long û
        letters = [_hawar_letter(word, i).replace("w", "û") if word[i + 1:i + 2] == "\u200c"
                   else _hawar_letter(word, i) for i in range(len(word))]
        words.append("".join(letters))
    return " ".join(w for w in words if w) or None


#: Words whose ending is read off (see :func:`_without_endings`) keep this many letters.
_STEM_LETTERS: Final = 3


def _without_ending(word: str, ezafe: bool) -> str:
    """``word`` without the Kurdish oblique ending -ê (-yê after a vowel: Kaniyê, Kanî) or,
    with ``ezafe`` (the first of several words), also the linking -a/-ya (Dêrika Hemko)."""
    low = word.lower()
    endings = ("yê", "ya", "ê", "a") if ezafe else ("yê", "ê")
    for end in endings:
        stem = len(word) - len(end)
        if low.endswith(end) and stem >= _STEM_LETTERS and (
                len(end) == 1 or low[stem - 1] in "aeiouêîû"):
            return word[:stem]
    return word


def _without_endings(text: str) -> str:
    """``text`` with the oblique ending of its last word and the linking ending of its first
    read off: ``Cindirêsê`` -> ``Cindirês``, ``Dêrika Hemko`` -> ``Dêrik Hemko``."""
    words = text.split()
    if not words:
        return text
    if len(words) > 1:
        words[0] = _without_ending(words[0], True)
    words[-1] = _without_ending(words[-1], False)
    return " ".join(words)


def has_kurdish_letters(text: str) -> bool:
    """True when ``text`` has a letter of the Kurdish Latin alphabet that Arabic
    romanisations do not write (ê, î, û, ş, ç, x)."""
    return _KURDISH_HINT.search(text) is not None


#: Letters of the Kurdish Latin alphabet that Turkish does not write.
_NOT_TURKISH: Final = re.compile("[êîûxÊÎÛX]")


def is_surely_kurdish(text: str) -> bool:
    """True when ``text`` is Kurdish whatever else it might be: it has a letter of the Kurdish
    Latin alphabet that Turkish does not write (ê, î, û, x), or one that Kurdish adds to the
    Arabic alphabet (ە, ێ, ۆ, ې, ڕ, ڵ). Turkish writes ş, ç and c as Kurdish does."""
    return _NOT_TURKISH.search(text) is not None or _SORANI_HINT.search(text) is not None


def kurdish_readings(text: str) -> tuple[str, ...]:
    """The ways Arabic romanisations would spell a Kurdish name, best first; () when ``text``
    has no Kurdish letter (see :func:`has_kurdish_letters`, :func:`is_surely_kurdish`).

    In a name that is surely Kurdish, Kurdish letters are spelled as romanisations spell them
    (c is j, ş sh, ç ch, x kh; ê, î, û plain vowels): ``Cindirês`` -> ``Jindires``,
    ``Şêxmeqsûd`` -> ``Shekhmeqsud``. The second reading also drops the endings Kurdish adds
    to a name (the oblique -ê of its last word, the linking -a/-ê of the first):
    ``Cindirêsê`` -> ``Jindires``, ``Serêkaniyê`` -> ``Serekani``.
    Kurdish in Arabic script is read in Latin letters first (:func:`sorani_latin`). A name
    in letters Turkish writes too (ş, ç, c) may be Turkish, where c is j too ("Alanca" is not
    Alanya): it has one reading, ş and ç spelled sh and ch (``Çanacık`` -> ``Chanacık``), and
    none without them.
    """
    latin = sorani_latin(text) if is_arabic(text) else None
    if latin is not None:
        text = latin
    elif _NOT_TURKISH.search(text) is None:
        # letters Turkish writes too (ş, ç; and c, for j as in Kurdish): a Turkish name, for
        # all one can tell, read one way only -- ş, ç spelled sh, ch
        if _KURDISH_HINT.search(text) is not None:
            return (text.translate(_KURDISH),)
        return ()
    out = []
    for form in (text, _without_endings(text)):
        reading = _KURDISH_C.sub(_kurdish_j, form).translate(_KURDISH)
        if reading not in out:
            out.append(reading)
    return tuple(out)


def c_as_j(text: str) -> str | None:
    """``text`` with c read as j, as Kurdish and Turkish write it (``Reco`` -> ``Rejo``), and v
    as w, as Turkish writes it (``Cevadiye`` -> ``Jewadiye``), for a name in Latin letters
    without a letter of either (which :func:`kurdish_readings` reads); None when it has no such
    c. A guess: a name without those letters is as often English or French, where c is k or s."""
    if is_arabic(text) or _NOT_TURKISH.search(text) or _TURKISH_HINT.search(text) \
            or _KURDISH_C.search(text) is None:
        return None
    return _KURDISH_C.sub(_kurdish_j, text).translate(_V_AS_W)


#: Turkish v, the Arabic letter و that English-style spellings write w.
_V_AS_W: Final = str.maketrans("vV", "wW")


def kurdish_gh_reading(text: str) -> str | None:
    """The first of :func:`kurdish_readings` with Kurdish x read as gh, the sound of Arabic
    غ that Kurdish in Latin letters writes with the letter of خ (kh) too: ``Baxoz`` ->
    ``Baghoz`` (Baghuz); None when ``text`` is not surely Kurdish in Latin letters (in
    Arabic script خ and غ are two letters) or has no x."""
    if is_arabic(text) or not _NOT_TURKISH.search(text) or "x" not in text.lower():
        return None
    return _KURDISH_C.sub(_kurdish_j, text).translate(_KURDISH_GH)


def _kurdish_j(match: re.Match) -> str:
    return "J" if match.group(0) == "C" else "j"


#: Kurdish words of place names and the Arabic words the same places' names use (Girê Spî
#: is Tall Abyad, "white hill"; Serê Kaniyê is Ras al-Ayn, "head of the spring"), in the
#: same order. Kurdish qualifiers (mezin, biçûk, jor, jêr) need none: the keys read them as
#: qualifiers already (see :func:`qualified`).
_KURDISH_CALQUES: dict[str, str] = {
    **dict.fromkeys(("gir", "girê"), "tall"),
    **dict.fromkeys(("spî", "sipî"), "abyad"),
    **dict.fromkeys(("reş",), "aswad"),
    **dict.fromkeys(("sor",), "ahmar"),
    **dict.fromkeys(("kanî", "kaniya", "kaniyê"), "ayn"),
    **dict.fromkeys(("ser", "serê"), "ras"),
    **dict.fromkeys(("bîr", "bîra"), "bir"),
    **dict.fromkeys(("derî", "deriyê"), "bab"),       # door, gate: Derî is al-Bab
    **dict.fromkeys(("xurma", "xurmê"), "tamr"),      # dates: Girê Xurma is Tall Tamr
    **dict.fromkeys(("zer",), "asfar"),
    **dict.fromkeys(("kesk",), "akhdar"),
    **dict.fromkeys(("çiya", "çiyayê"), "jabal"),
}


#: The same words as Kurdish in Arabic script reads in Latin letters (:func:`sorani_latin`),
#: which leaves the short i unwritten and writes u with a waw, read û: girê is گرێ, read "grê";
#: kaniyê کانیێ, "kanyê"; xurma خورما, "xûrma".
_SORANI_CALQUES: dict[str, str] = {word.replace("i", "").replace("u", "û"): arabic
                                   for word, arabic in _KURDISH_CALQUES.items()}


def _calque_words(text: str) -> tuple[list[str], dict[str, str]]:
    """The words of ``text`` (in Latin letters: Kurdish in Arabic script read so) and the
    calque table that reads them."""
    latin = sorani_latin(text) if is_arabic(text) else None
    if latin is not None:
        return latin.lower().split(), _SORANI_CALQUES
    return text.lower().split(), _KURDISH_CALQUES


def _two_words(word: str, table: dict[str, str]) -> tuple[str, str] | None:
    """The two words of ``table`` that ``word`` is written of ("serêkaniyê": serê, kaniyê),
    or None."""
    for cut in range(2, len(word) - 1):
        if word[:cut] in table and word[cut:] in table:
            return word[:cut], word[cut:]
    return None


def _calqued(words: list[str], table: dict[str, str]) -> list[str] | None:
    """``words`` with those of ``table`` put as it puts them, a word written of two of them
    read as both (see :func:`_two_words`); None when none is."""
    out: list[str] = []
    found = False
    for word in words:
        pair = (word,) if word in table else _two_words(word, table)
        if pair is None:
            out.append(word)
        else:
            out += [table[w] for w in pair]
            found = True
    return out if found else None


def kurdish_calque(text: str) -> str | None:
    """``text`` with the Kurdish words of place names put as the Arabic names put them
    (``Girê Spî`` -> ``tall abyad``, ``Serê Kaniyê``, ``Serêkaniyê`` and ``سەرێ کانیێ`` ->
    ``ras ayn``), read the Kurdish way (:func:`kurdish_readings`); None when it has no such
    word."""
    words, table = _calque_words(text)
    calqued = _calqued(words, table)
    if calqued is None:
        return None
    joined = " ".join(calqued)
    readings = kurdish_readings(joined)
    return readings[0] if readings else joined


#: The calque table's words with their letters folded (``serê`` -> ``sere``), for a name as an
#: English text writes it ("Sere Kaniye"; see :func:`border_calque`).
_FOLDED_CALQUES: dict[str, str] = {_fold_once(word): arabic
                                   for word, arabic in _KURDISH_CALQUES.items()}


def border_calque(text: str) -> str | None:
    """:func:`kurdish_calque` of ``text``, or of its letters folded (an English text writes
    "Sere Kaniye", "Serekaniye": ``ras ayn``); None when it has no such word. Read so only
    where a Kurdish name of a divided town is looked for on its other side (see
    :meth:`gazetteer.api.Gazetteer.candidates`): as spellings of any name, such words would
    be found in too many ("Sor" in Turkish names)."""
    calque = kurdish_calque(text)
    if calque is not None:
        return calque
    calqued = _calqued(fold(text).split(), _FOLDED_CALQUES)
    return " ".join(calqued) if calqued is not None else None


def is_description(text: str) -> bool:
    """Whether every word of ``text`` but its qualifiers (jêr, mezin...) is a Kurdish word of
    place names that :func:`kurdish_calque` puts in Arabic: "Girê Reş" ("black hill") and
    "Girê Reş Jêr" describe countless places, where "Girê Aran" names one."""
    words, table = _calque_words(text)
    named = [w for w in words if _FOLDED_QUALIFIER.get(_fold_once(w)) is None]
    return bool(named) and all(w in table or _two_words(w, table) is not None for w in named)


def without_type_words(text: str) -> str | None:
    """Return ``text`` without facility-type words ("Menagh Air Base" -> "menagh"), folded,
    or None when it has none (or nothing else)."""
    folded = fold(text)
    if _TYPE_HINT.search(folded) is None:
        return None
    words = _typed(folded).split()
    kept = [w for w in words if w not in _TYPE_CANON]
    if len(kept) == len(words) or not kept:
        return None
    return " ".join(kept)


#: How other languages' romanisations write the sounds of Arabic names, as the English-style
#: romanisations the gazetteer's names use write them, one table per tradition. A table
#: rewrites a name in one pass, left to right, its longest spellings first (dsch before sch
#: before ch), so a letter it wrote is not read again; a spelling written as itself ("ch" in
#: the Turkish table) keeps its letters from the shorter ones ("c").
#:
#: * German, Polish, Dutch and Czech: ch is kh (Chan Schaichun, Chan Szajchun: Khan
#:   Shaykhun), j is y (Jabrud: Yabrud; Kunajsa, Samirijja), and the hushing sounds are
#:   dsch, dż, dj (j), sch, sz, š (sh), tsch, cz, č (ch); Dutch oe is u (Doema: Duma);
#: * Spanish: j is kh (Jan Sheijun: Khan Shaykhun), and y after a consonant is j (Sinyar:
#:   Sinjar) -- not at the start of a word, where Turkish and English write y (Yanık, a
#:   Turkish village, is not Janik, an old name of Samsun);
#: * Turkish: c is j, ç ch, ş sh, ğ gh (Cisr eş Şuğur: Jisr ash-Shughur) -- in a name with a
#:   letter of Turkish's own (see :data:`_TURKISH_HINT`): without one, a name is as often a
#:   Turkish village the gazetteer lacks ("Cinan" is not Jinan in Syria); and the same with h
#:   as kh, since Turkish writes خ as h too, as it writes ح and ه (Han Şeyhun: Khan Shaykhun);
#:   Turkish v is w, the letter و (Vaşokani: Washokani);
#: * French: c before a, o, u is k (Yacoubiyah: Yakubiyah), ch is sh (Jisr al-Choughour:
#:   Jisr ash-Shughur), dj is j -- in a name with a mark of French spelling (see
#:   :data:`_FRENCH_HINT`).
_TURKISH_READING = (("ch", "ch"), ("ck", "ck"), ("ç", "ch"), ("ş", "sh"), ("ğ", "gh"),
                    ("c", "j"), ("v", "w"))
_READINGS: tuple[tuple[tuple[str, str], ...], ...] = (
    (("dsch", "j"), ("tsch", "ch"), ("sch", "sh"), ("dż", "j"), ("dzh", "j"), ("dj", "j"),
     ("sz", "sh"), ("cz", "ch"), ("š", "sh"), ("č", "ch"), ("ž", "zh"), ("ch", "kh"),
     ("j", "y"), ("oe", "u")),
    (("ch", "ch"), ("j", "kh"), *((f"{c}y", f"{c}j") for c in "bdfghklmnrstz")),
    _TURKISH_READING,
    _TURKISH_READING + (("sh", "sh"), ("gh", "gh"), ("kh", "kh"), ("h", "kh")),
    (("ch", "sh"), ("dj", "j"), ("ck", "k"), ("cc", "kk"), ("ca", "ka"), ("co", "ko"),
     ("cu", "ku")),
)
#: Letters Turkish writes and the other traditions do not: the Turkish table reads only
#: names with one. Searched in the name as written as well as lower-cased: the capital
#: dotted İ lower-cases to two letters (i and a combining dot), not to one of these.
_TURKISH_HINT: Final = re.compile("[şçğıöüâİ]")
#: Per table: the pattern of its spellings, its rewrites, and the letters a name must have
#: to be read by it (None: any name).
_READING_PATTERNS = tuple(
    (re.compile("|".join(re.escape(a) for a, _ in sorted(table, key=lambda t: -len(t[0])))),
     dict(table), hint)
    for table, hint in zip(_READINGS, (None, None, _TURKISH_HINT, _TURKISH_HINT, None)))
#: ... and Spanish, whose y before a vowel opening a word is the English j ("Yisr al Shugur",
#: "Yarablus": Jisr ash-Shughur, Jarablus, as the Spanish agency EFE writes them, in Spanish
#: and in Portuguese).
_READING_PATTERNS += ((re.compile(r"\by(?=[aeiou])"), {"y": "j"}, None),)
_SPANISH_Y_TABLE: Final = len(_READING_PATTERNS) - 1
#: ... and German, whose s before a vowel (opening a word, or between vowels) is the English z
#: ("Sahraa", "Asas", "Sabadani": az-Zahraa, Azaz, Zabadani, as German agencies write them) ...
_READING_PATTERNS += ((re.compile(r"(?:\b|(?<=[aeiou]))s(?=[aeiou])"), {"s": "z"}, None),)
_GERMAN_S_TABLE: Final = len(_READING_PATTERNS) - 1
#: ... and any tradition's v, a letter Arabic lacks, which Turkish (and German, for the w of
#: English spellings) writes for و: "Tavila" (Turkish) is at-Tawila, as a name with no letter
#: of Turkish's own is read too; with c read as j as well, "Cevadiye" is al-Jawadiyah. Not a
#: name with a letter Turkish does not write (q, w, x): "Qaval", a Kurdish name of a Turkish
#: village, has a v of its own.
_READING_PATTERNS += ((re.compile("v"), {"v": "w"}, None),)
_V_TABLE: Final = len(_READING_PATTERNS) - 1
_NOT_TURKISH_V: Final = re.compile("[qwx]")
#: ... where a word so read ends in a vowel and s, that s is z too ("Asas"; not "Carduus").
_GERMAN_FINAL_S: Final = re.compile(r"(?<=[aeiou])s\b")
#: A shorter name is not read so ("Yaya", a Turkish village, is no Ja'i'ah by Manbij).
_SPANISH_Y_MIN_LETTERS: Final = 6
#: Letters of Turkish and Kurdish, which write c for j: a name with one is not read the
#: French way ("Carıs" is Jarez, not Karis); nor is a name without a mark of French
#: spelling (ou, an accent, dj): c is k in English too, and an English word or name read so
#: spells villages ("Carduus": Kardus).
_NOT_FRENCH: Final = re.compile("[şçğıöüâİêîû]")
_FRENCH_HINT: Final = re.compile("ou|dj|[éèëïô]", re.IGNORECASE)
_FRENCH_TABLE: Final = len(_READINGS) - 1
#: Letters whose reading differs between the traditions (a name without any has none).
_READING_HINT: Final = re.compile("[cjyzşçğšžżosv]")
#: Marks of the scholarly English-style transliterations (long vowels, emphatic consonants,
#: ‘ayn and hamza as ʿ, ʾ): a name with one is spelled the English way ("Al Bajjā‘" is not
#: al-Bayya).
_TRANSLITERATION_MARK: Final = re.compile("[āīūĀĪŪḥḤḩḨṣṢṭṬẓẒḍḌḑḐţŢẕʿʾ]")


#: An article written onto the next word's capital ("Deir alJmal", "AlBab"): a hyphen lost.
_GLUED_ARTICLE: Final = re.compile(r"\b([Aa]l|[Ee]l)(?=[A-Z][a-z])")


#: The same opening a name in small letters, before a consonant and four letters or more
#: ("Almastumah", "Alraqqa"; not "Aleppo", "Also"), or as the sun letter it becomes, written
#: twice ("Assafira": as-Safira; "Arraqqa").
_GLUED_ARTICLE_SMALL: Final = re.compile(
    r"^(?:([Aa]l|[Ee]l)(?=[bcdfghjkmnpqrstvwxyz][a-z]{3,}\b)|([Aa][tdsrzn])(?=([tdsrzn])[a-z]{3,}\b))")


def unglued_article(text: str) -> str | None:
    """``text`` with an article written onto the next word set apart, or None when it has
    none: a hyphen or space lost in copying. Before a capital anywhere, and opening the name
    before a consonant (the sun letter it becomes doubled: "Assafira").

    >>> unglued_article("Deir alJmal"), unglued_article("AlBab"), unglued_article("Aleppo")
    ('Deir al Jmal', 'Al Bab', None)
    >>> unglued_article("Almastumah"), unglued_article("Assafira"), unglued_article("Also")
    ('Al mastumah', 'As safira', None)
    """
    small = _GLUED_ARTICLE_SMALL.match(text)
    if small is not None and small.group(2) is not None and \
            small.group(2)[1].lower() != small.group(3).lower():
        small = None   # ("Atman": no article; "Assafira": as-Safira)
    if small is not None:
        text = text[:small.end()] + " " + text[small.end():]
    elif _GLUED_ARTICLE.search(text) is None:
        return None
    return _GLUED_ARTICLE.sub(r"\1 ", text)


def _hyphenated_words(text: str) -> list[str]:
    """The words of ``text``, lower case, split at spaces and hyphens ("Bab-üs Selame")."""
    return [w for w in re.split(r"[\s\-]+", text.lower()) if w]


#: Letters of Turkish spellings of Arabic names (a glued article is looked for in words of these).
_TURKISH_WORD: Final = "a-zçğıöşüâî"
#: The article as Turkish writes it onto the word before, -ül ("Resulayn": Ras al-Ayn;
#: "Babülhava": Bab al-Hawa) ...
_U_ARTICLE: Final = re.compile(rf"([{_TURKISH_WORD}]{{2,}}?)[uü]l([{_TURKISH_WORD}]{{2,}})")
#: ... or -ü and the sun letter it becomes, written twice ("Babüsselame": Bab as-Salama)
_U_ARTICLE_SUN: Final = re.compile(
    rf"([{_TURKISH_WORD}]{{2,}}?)[uü]([tdsşzrn])(\2[{_TURKISH_WORD}]{{2,}})")
#: ... or ending a word before the next ("Aynul Arap": Ayn al-Arab), or a word of its own.
_U_ARTICLE_END: Final = re.compile(rf"([{_TURKISH_WORD}]{{2,}})[uü]l")
_U_ARTICLE_WORDS: Final = frozenset({"ul", "ül"})


def article_apart(text: str) -> str | None:
    """``text`` with the Arabic article as Turkish writes it, -ül or -ü with the next word's
    sun letter doubled, read apart and left out, p read as b and v as w (Turkish writes a
    final b as p, and w as v; Arabic has neither p nor v); lower case. None when it has no
    such article.

    A reading, as :func:`foreign_readings` are: tried for a name that spells nothing in the
    map's countries as written, and for a name of a place across the border (see
    :meth:`gazetteer.api.Gazetteer.candidates`).

    >>> article_apart("Resulayn"), article_apart("Aynul Arap"), article_apart("Babüsselame")
    ('res ayn', 'ayn arab', 'bab selame')
    >>> article_apart("Sultan") is None, article_apart("Bulbul") is None
    (True, True)
    """
    words = _hyphenated_words(text)
    out: list[str] = []
    changed = False
    for k, word in enumerate(words):
        if word in _U_ARTICLE_WORDS and 0 < k < len(words) - 1:
            changed = True
            continue
        m = _U_ARTICLE_SUN.fullmatch(word) or _U_ARTICLE.fullmatch(word)
        if m is not None:
            out += [m.group(1), m.group(m.lastindex or 1)]
            changed = True
            continue
        m = _U_ARTICLE_END.fullmatch(word) if k < len(words) - 1 else None
        if m is not None:
            out.append(m.group(1))
            changed = True
            continue
        out.append(word)
    return " ".join(out).replace("p", "b").replace("v", "w") if changed else None


#: The article al or el written onto the word before ("Raselain": Ras al-Ayn).
_GLUED_AL: Final = re.compile(rf"([{_TURKISH_WORD}]{{2,}}?)[ae]l([{_TURKISH_WORD}]{{2,}})")


def glued_al_apart(text: str) -> str | None:
    """``text`` with an article al or el written onto the word before read apart and left
    out, lower case ("Raselain" -> ``ras ain``); None when no word has one. Read so only where
    the name of a town across the border is looked for on the map's side (see
    :meth:`gazetteer.api.Gazetteer.candidates`): as a spelling of any name it would be a guess
    too often (Khalidiya is no "kh idiya")."""
    words = _hyphenated_words(text)
    out: list[str] = []
    for word in words:
        m = _GLUED_AL.fullmatch(word)
        out += [m.group(1), m.group(2)] if m is not None else [word]
    return " ".join(out) if len(out) > len(words) else None


def foreign_readings(text: str) -> tuple[str, ...]:
    """The ways English-style romanisations would spell a name written as German, Polish,
    Dutch, Spanish, Turkish or French write Arabic names (see :data:`_READINGS`), lower
    case, without the name itself; () when no tradition reads it otherwise, or when it has a
    mark of the English-style transliterations (ā, ḥ, ʿ: see :data:`_TRANSLITERATION_MARK`).

    A reading is a guess -- "Jabrud" may be Yabrud (German) or a place spelled as written --
    so the gazetteer tries readings only for a name that spells nothing in the map's
    countries as written (only look-alikes, if anything), and only by their exact and loose
    keys.

    Examples
    --------
    >>> foreign_readings("Chan Schaichun")[0], foreign_readings("Jan Sheijun")[1]
    ('khan shaikhun', 'khan sheikhun')
    >>> foreign_readings("Cisr eş Şuğur"), foreign_readings("Cinan")
    (('jisr esh shughur',), ())
    """
    low = text.lower()
    if _READING_HINT.search(low) is None or _TRANSLITERATION_MARK.search(text) is not None:
        return ()
    out: list[str] = []
    for k, (pattern, table, hint) in enumerate(_READING_PATTERNS):
        if hint is not None and hint.search(low) is None and hint.search(text) is None:
            continue
        if k == _FRENCH_TABLE and (_NOT_FRENCH.search(text) is not None
                                   or _FRENCH_HINT.search(text) is None):
            continue
        if k == _SPANISH_Y_TABLE and (len(low) < _SPANISH_Y_MIN_LETTERS
                                      or _NOT_FRENCH.search(text) is not None):
            continue   # (nor one in Turkish or Kurdish letters: "Yayladağı" is y)
        if k == _GERMAN_S_TABLE and _NOT_FRENCH.search(low) is not None:
            continue   # (Turkish and Kurdish s is s: "Asa" is no Aza)
        if k == _V_TABLE and _NOT_TURKISH_V.search(low) is not None:
            continue
        reading = pattern.sub(lambda m: table[m.group(0)], low)
        if k == _GERMAN_S_TABLE and reading != low:
            reading = _GERMAN_FINAL_S.sub("z", reading)
        if reading != low and reading not in out:
            out.append(reading)
    return tuple(out)


#: Cyrillic letters (Russian and Ukrainian reports write Syria's places in them).
_CYRILLIC: Final = re.compile(r"[\u0400-\u04ff]")
#: The Latin letters of each Cyrillic one, as English-style romanisations spell the Arabic
#: letter Russian and Ukrainian writers mean by it: в is و (w: Arabic has no v); ж, like дж, is
#: ج (j: "Ажель", Ajel); оу is the diphthong aw ("Роуда", Rawda; у alone is u); ъ is the
#: ‘ayn ("Даръа", Dar'a); ь only softens the letter before it; х, given here as kh (خ), is as
#: often ح or ه, h (see :func:`cyrillic_readings`); Ukrainian и, і, ї, є, ґ as their Russian
#: counterparts are read.
_CYRILLIC_LATIN: Final = {
    "а": "a", "б": "b", "в": "w", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ж": "j",
    "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "'", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ё": "yo",
}
#: Letters that are a y and a vowel at a word's start, after a vowel or a sign, and only the
#: vowel after a consonant, which they soften ("Халяким": Halaqim; "Абьяд": Abyad).
_CYRILLIC_IOTATED: Final = {"я": "a", "ю": "u", "ё": "o", "є": "e"}
_CYRILLIC_VOWELS_AND_SIGNS: Final = frozenset("аеёиоуыэюяіїєъь")


def is_cyrillic(text: str) -> bool:
    """True when ``text`` contains Cyrillic letters."""
    return _CYRILLIC.search(text) is not None


#: A name with up to this many х is read with each mix of kh and h (2 ** MIXED_KH readings).
MIXED_KH: Final = 3


def cyrillic_readings(text: str) -> tuple[str, ...]:
    """A name written in Cyrillic letters as English-style romanisations of Arabic names spell
    it: х read as kh (خ) and as h (ح, ه), each х of a name either way; дж and ж as j (ج), оу
    as aw. () for a name without Cyrillic letters.

    Russian and Ukrainian practical transcription of Arabic names is regular, so the reading
    of a name is looked up as a Latin spelling is (see :meth:`gazetteer.api.Gazetteer.resolve`).

    Examples
    --------
    >>> cyrillic_readings("Тель-Рифаат"), cyrillic_readings("Джараблус")
    (('Tel-Rifaat',), ('Jarablus',))
    >>> cyrillic_readings("Хомс"), cyrillic_readings("Хан-Шейхун")[:2]
    (('Khoms', 'Homs'), ('Khan-Sheykhun', 'Han-Sheyhun'))
    """
    if not is_cyrillic(text):
        return ()
    letters: list[str] = []
    before = ""   # the letter before, lower case ("" at a word's start)
    i = 0
    while i < len(text):
        ch = text[i]
        low = ch.lower()
        upper = ch != low
        if low == "д" and text[i + 1:i + 2].lower() == "ж":
            latin, low = "j", "ж"
            i += 1
        elif low == "о" and text[i + 1:i + 2].lower() == "у":
            latin, low = "aw", "у"
            i += 1
        elif low in _CYRILLIC_IOTATED and before and before not in _CYRILLIC_VOWELS_AND_SIGNS:
            latin = _CYRILLIC_IOTATED[low]
        else:
            latin = _CYRILLIC_LATIN.get(low, ch)
            if latin == ch and is_cyrillic(ch):
                # a letter of another Cyrillic alphabet: its base letter's (ў: у), else none
                base = unicodedata.normalize("NFKD", low)[:1]
                latin = _CYRILLIC_LATIN.get(base, "")
        if upper:   # (a word in capitals stays in capitals: "ШЕЙХ", SHEYKH)
            capitals = text[i + 1:i + 2].isupper() or (i > 0 and text[i - 1].isupper())
            latin = latin.upper() if capitals else latin[:1].upper() + latin[1:]
        letters.append(latin)
        before = low if low in _CYRILLIC_LATIN else ""
        i += 1
    spots = [k for k, latin in enumerate(letters) if latin.lower() == "kh"]
    # every х as kh, every х as h, then (for a name of up to MIXED_KH of them) each mix of the
    # two: "Хан-эш-Ших" is Khan ash-Shih
    mixes = [(True,) * len(spots), (False,) * len(spots)] if spots else [()]
    if 1 < len(spots) <= MIXED_KH:
        mixes += [m for m in itertools.product((True, False), repeat=len(spots))
                  if m not in mixes]
    out: list[str] = []
    for mix in mixes:
        reading = list(letters)
        for k, as_kh in zip(spots, mix):
            if not as_kh:
                reading[k] = reading[k][:1].replace("k", "h").replace("K", "H")
        out.append("".join(reading))
    return tuple(out)

"""Reader for OCHA community lists: ``name_en,name_ar,alt_names,lat,lon,admin1,admin2,admin3,pcode``.

The layout of UN OCHA's Common Operational Dataset of Syrian communities (admin-4 populated
places, P-codes ``C1001``...), published on HDX under CC BY 3.0 IGO (credit "UN OCHA, via
HDX"). Every community has an English and an Arabic name; the Arabic name is indexed for the
Arabic-script matching. ``alt_names`` holds OCHA's disambiguated forms (``Haritan (Afrin)``,
``حريتان - عفرين``): their qualifier is dropped, and what remains is kept when it differs. An
extra ``kind`` column may be present. The file may be gzip-compressed (``.csv.gz``).

OCHA lists every community as a plain populated place, but names the province (admin1),
district (admin2) and subdistrict (admin3) it lies in, and each unit is named after its seat: a
community whose name is that of its own province, district or subdistrict (compared by
:func:`gazetteer.normalize.loose_key`, as the matcher compares names: "Azaz" is the seat of
A'zaz district, "Tall Hmis" of Tal Hmis subdistrict) is the unit's seat and gets GeoNames'
code for it (see :func:`seat_codes`), so that the ranking's rules for seats apply to it. The
compact layout the built-in default ships keeps that code in a ``feature_code`` column instead
of the admin columns.
"""
from __future__ import annotations

import csv
import gzip
import io
import re
from pathlib import Path
from typing import IO, Iterator, Sequence

from gazetteer.errors import GazetteerInputError
from gazetteer.model import Place
from gazetteer.normalize import ARTICLES, exact_key, loose_key, skeleton_key, split_qualifiers
from gazetteer.sources.base import FileReport, PlaceRecord, Progress, read_coordinates

#: Columns that make a CSV an OCHA community list (others, such as ``kind``, may follow).
REQUIRED = ("name_en", "name_ar", "lat", "lon", "pcode")
#: Source name of the places read, and the credit their licence asks for.
SOURCE = "ocha"
CREDIT = "UN OCHA, via HDX (CC BY 3.0 IGO)"
_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")
_AR_QUALIFIER = re.compile(r"\s+-\s+.*$")
#: Admin columns, and the GeoNames feature code of the seat of such a unit: an admin1
#: (province), admin2 (district) or admin3 (subdistrict); other communities are ``PPL``.
SEAT_CODES = (("admin1", "PPLA"), ("admin2", "PPLA2"), ("admin3", "PPLA3"))
#: What a ``feature_code`` column may hold (GeoNames' populated-place codes).
_FEATURE_CODE = re.compile(r"PPL[A-Z0-9]{0,3}")


def seat_codes(communities: Sequence[tuple[str, Sequence[str]]]) -> list[str]:
    """GeoNames feature code of each community: ``PPLA`` for the seat of its province
    (admin1), ``PPLA2`` of its district (admin2), ``PPLA3`` of its subdistrict (admin3), else
    ``PPL``.

    A unit's seat is the one community of the unit whose name is the unit's name, compared
    by :func:`gazetteer.normalize.exact_key` and, when no name of the unit is equal, by
    :func:`gazetteer.normalize.loose_key`, as the matcher compares names ("Shaddadah" is the
    seat of Shadadah subdistrict). When several communities of a unit fit equally well
    (OCHA lists both a Tal Hmis and a Tall Hmis, 18 km apart, in Tal Hmis subdistrict, and
    the exact spelling decides) and none better, the unit has no known seat: a seat code on
    the wrong village would be worse than none.

    Parameters
    ----------
    communities : sequence of (name, admins)
        Each community's English name and its ``(admin1, admin2, admin3)`` names (empty
        strings where unknown; a unit is identified by its names and those of the units
        above it).

    Examples
    --------
    >>> seat_codes([("Azaz", ("Aleppo", "A'zaz", "A'zaz")),
    ...             ("Retyan", ("Aleppo", "A'zaz", "Nabul"))])
    ['PPLA2', 'PPL']
    """
    codes = ["PPL"] * len(communities)
    for level in range(len(SEAT_CODES) - 1, -1, -1):  # a province's seat overrides the rest
        fits: dict[tuple[str, ...], tuple[list[int], list[int]]] = {}
        for i, (name, admins) in enumerate(communities):
            if level >= len(admins) or not admins[level]:
                continue
            unit = admins[level]
            exact = exact_key(name) == exact_key(unit)
            if exact or loose_key(name) == loose_key(unit):
                fit = fits.setdefault(tuple(admins[:level + 1]), ([], []))
                fit[0 if exact else 1].append(i)
        for exact, loose in fits.values():
            found = exact or loose
            if len(found) == 1:
                codes[found[0]] = SEAT_CODES[level][1]
    return codes


#: A word with the article written onto it, as OCHA's English names often have it
#: ("Kherbet Elsawda", "Um Eltoyur"): El, then lower-case letters.
_GLUED_WORD = re.compile(r"\bEl[a-z]{3,}")
#: Arabic names that begin with the article's letters but are one word: الياس is Ilyas (Elias,
#: إلياس written without its hamza), not al-Yas ("Deir Elias" is no "Deir al-ias").
_NOT_ARTICLE = frozenset({"الياس"})
#: What parts OCHA's Arabic names into words: spaces, "_" and "-" ("كوارو_أم الرياح").
_ARABIC_WORDS = re.compile(r"[\s_\-]+")
#: Letters of an Arabic word before an article written onto it ("بصرالحرير", Bisr al-Harir):
#: at least this many.
_GLUED_AFTER = 2


def _article_consonants(arabic: str) -> set[str]:
    """The consonant skeletons of the words of ``arabic`` that follow the article ال: at the
    start of a word, or written onto the word before it ("بصرالحرير"), each also without a
    final h (ه or ة, which OCHA writes either way: "عين الشعره", "عين الشعرة")."""
    out: set[str] = set()
    for word in _ARABIC_WORDS.split(arabic):
        if word in _NOT_ARTICLE:
            continue
        at = word.find("ال")
        while at != -1:
            rest = word[at + 2:]
            if (at == 0 or at >= _GLUED_AFTER) and len(rest) >= 2:
                skeleton = skeleton_key(rest)
                out.update((skeleton, skeleton.rstrip("h")))
            at = word.find("ال", at + 1)
    out.discard("")
    return out


def unglued_articles(name: str, arabic: str) -> str | None:
    """``name`` with the articles OCHA writes onto words set apart ("Kherbet Elsawda" ->
    "Kherbet al-sawda", which reports write "Khirbet al-Sawda"), or None when it has none.
    A word is set apart only when the Arabic name has the rest's consonants after the article
    (ال), at the start of a word or written onto the one before ("Bisr Elharir", بصرالحرير),
    a final h aside ("Ein Elshaara", عين الشعره): "Sheikh Elwan" is شيخ علوان ('Elwan, a
    name), "Sheikh Elwan Elkabir" only "Sheikh Elwan al-kabir"; "Deir Elias" (دير الياس) is
    the name Ilyas, no article.

    Examples
    --------
    >>> unglued_articles("Kherbet Elsawda", "خربة السودا")
    'Kherbet al-sawda'
    >>> unglued_articles("Bisr Elharir", "بصرالحرير")
    'Bisr al-harir'
    >>> unglued_articles("Sheikh Elwan", "شيخ علوان") is None
    True
    """
    if _GLUED_WORD.search(name) is None:
        return None
    with_article = _article_consonants(arabic)
    if not with_article:
        return None

    def apart(match: re.Match[str]) -> str:
        word = match.group(0)
        skeleton = skeleton_key(word[2:])
        return "al-" + word[2:] if (skeleton in with_article
                                    or skeleton.rstrip("h") in with_article) else word

    out = _GLUED_WORD.sub(apart, name)
    return out if out != name else None


#: What parts a community's names when it has two (two villages, or a village and its other
#: name): " - " in the English name ("Tal Hawasid - Hanuteh"), "_" or "-" in the Arabic one
#: ("تل حواصيد_حانوتة").
_LATIN_PARTS = re.compile(r"\s+-\s+")
_ARABIC_PARTS = re.compile(r"\s*[_\-]\s*")


def name_parts(name: str, parting: re.Pattern[str]) -> list[str]:
    """The names a community's name ``name`` joins, each a name of the community too, or []
    when it is one name: "Rasm Elmofakker - Hilu Mofakker" is also "Rasm Elmofakker" and "Hilu
    Mofakker" (OCHA lists 369 such communities).

    Examples
    --------
    >>> name_parts("Tal Elakhdar - Lower Koktaba", _LATIN_PARTS)
    ['Tal Elakhdar', 'Lower Koktaba']
    >>> name_parts("Tal Hawasid", _LATIN_PARTS)
    []
    """
    parts = [p.strip() for p in parting.split(name)]
    if len(parts) < 2 or any(len(p) < 2 or _names_nothing(p) for p in parts):
        return []  # (one name written with a dash: "Kafr - Kafrehmul", "Abu Kbee - East")
    return parts


def _names_nothing(word: str) -> bool:
    """Whether ``word`` (Latin) alone names no place: a word names begin with (Kafr, Beit,
    Wadi) or a qualifier (East)."""
    if not word.isascii() or " " in word:
        return False
    return loose_key(word) in _HEAD_WORDS or bool(split_qualifiers(loose_key("x " + word))[1])


#: Words that begin names and name no place alone (as their loose keys).
_HEAD_WORDS = frozenset(loose_key(w) for w in (
    "kafr tal deir khirbet sheikh ain ayn ein bir beit bayt jub jubb jabal jebel qasr mazraa "
    "mazraat mazra'a arab hosh abu um umm ibn bin wadi ras tallet qaryat rasm").split())
#: What OCHA writes between the names of a community's English name: another name ("Zayzafun -
#: Ekdeh") or its unit's ("Shamiyeh / Lattakia", "Abin - Efrin"; in Arabic "ابين- عفرين").
JOINED_NAMES = re.compile(r"\s*/\s*|\s+-\s+")
_ARABIC_UNIT_SLASH = re.compile(r"\s*[/\-_]\s*")
#: A word in the construct state ("Qatmet Efrin", Qatma of Afrin) ends so; alone it ends in -a.
_CONSTRUCT = re.compile(r"(?<=[a-z]{3})et$")


def without_unit(name: str, arabic: str, units: Sequence[str]) -> list[str]:
    """The names of a community that OCHA names after its own with the name of its district
    or subdistrict (``units``) to tell it from namesakes elsewhere:
    "Qatmet Efrin" is also "Qatmet" and, its word in the construct state written as alone,
    "Qatma" (the village reports call Katma); "Tal Sheer Aazaz" is "Tal Sheer"; "Shamiyeh /
    Lattakia" is "Shamiyeh"; with the Arabic name without its last word (قاطمة). [] when the
    name does not end in a unit's name, or nothing of a name would remain ("Al Bab", "Upper
    Makhrim").

    Examples
    --------
    >>> without_unit("Qatmet Efrin", "قاطمة عفرين", ["Afrin", "Sharan"])
    ['Qatmet', 'Qatma', 'قاطمة']
    >>> without_unit("Al Bab", "الباب", ["Al Bab", "Al Bab"])
    []
    """
    keys = {loose_key(u) for u in units if u.strip()}
    keys.discard("")
    if not keys:
        return []
    skeletons = {_letters_kept(u) for u in units if u.strip()}
    parts = JOINED_NAMES.split(name.strip(" /"))
    if len(parts) == 2 and _names_unit(parts[1], keys, skeletons):
        words = parts[0].split()
    else:
        words = name.split()
        k = next((k for k in (1, 2) if len(words) > k
                  and loose_key(" ".join(words[-k:])) in keys), 0)
        words = words[:-k] if k else []
    while words and words[-1].lower() in ARTICLES:
        words.pop()  # ("Kafraya Al Mara": Kafraya)
    base = " ".join(words)
    rest = loose_key(base) if base else ""
    if len(words) == 1 and (len(rest) < 4 or _names_nothing(base)):
        return []  # a word that names no place alone ("Kafr", "Upper")
    if not rest or rest == loose_key(name):
        return []
    out = [base]
    alone = _CONSTRUCT.sub("a", base)
    if alone != base:
        out.append(alone)
    parted = _ARABIC_UNIT_SLASH.search(arabic.strip(" /-")) is not None
    words_ar = (_ARABIC_UNIT_SLASH.split(arabic.strip(" /-")) if parted else arabic.split())
    if len(words_ar) > 1 and words_ar[0]:
        out.append(words_ar[0] if parted else " ".join(words_ar[:-1]))
    return out


#: Consonants a unit's name must have for another romanisation of it to be read as it.
UNIT_SKELETON_MIN = 3


def _names_unit(words: str, keys: set[str], skeletons: set[str]) -> bool:
    """Whether ``words``, written after a community's name, is the name of its district or
    subdistrict (``keys``: their loose keys; ``skeletons``: their consonant skeletons) as OCHA
    writes it there: alike, with the article glued on ("Hjeileh - Elbab" of Al Bab district),
    or romanised otherwise ("Jeb Elkhafi - Manbaj" of Menbij district: the village of Jeb
    Elkhafi there, not a place called Manbaj 20 km from Manbij)."""
    if loose_key(words) in keys:
        return True
    if " " not in words and words[:2].lower() in ("el", "al") and loose_key(words[2:]) in keys:
        return True
    skeleton = _letters_kept(words)
    return len(skeleton) >= UNIT_SKELETON_MIN and skeleton in skeletons


def _letters_kept(name: str) -> str:
    """The consonants of ``name`` as written (its articles, vowels and spaces dropped, nothing
    read otherwise: "Manbaj" and "Menbij" are both mnbj, where the loose key reads aj as ay)."""
    return _VOWELS_AND_SPACES.sub("", " ".join(w for w in exact_key(name).split()
                                               if w not in ARTICLES))


_VOWELS_AND_SPACES = re.compile(r"[aeiou\s]")


def other_names(name: str, arabic: str, units: Sequence[str]) -> list[str]:
    """The other names a community's English and Arabic names hold, given the names of its
    district and subdistrict (``units``; none known: []): the name without its unit's (see
    :func:`without_unit`: "Abin - Efrin" is Abin, not Efrin), or else each of the names it
    joins (see :func:`name_parts`: "Tal Elakhdar - Lower Koktaba")."""
    if not any(u.strip() for u in units):
        return []
    return without_unit(name, arabic, units) or (
        name_parts(name, _LATIN_PARTS) + name_parts(arabic, _ARABIC_PARTS))


def is_ocha_header(first_line: str) -> bool:
    """True when a CSV's first line names the OCHA community columns."""
    cols = {c.strip().lower() for c in first_line.lstrip("\ufeff").split(",")}
    return set(REQUIRED) <= cols


def country_of(pcode: str) -> str:
    """ISO alpha-2 country of an OCHA P-code: ``SY`` for Syria's ``C1234`` community codes,
    else the code's two leading letters (``LB...``), else ""."""
    code = pcode.strip().upper()
    if code[:1] == "C" and code[1:2].isdigit():
        return "SY"
    return code[:2] if code[:2].isalpha() and code[:2].isascii() else ""


def _bare(alt: str) -> str:
    return _AR_QUALIFIER.sub("", _QUALIFIER.sub("", alt)).strip()


class OchaReader:
    """OCHA community list reader. A bad row is an input error naming file, line and field."""

    name = "ocha"

    def size(self, path: Path) -> int:
        return path.stat().st_size

    def read(self, path: Path, report: FileReport,
             progress: Progress | None = None) -> Iterator[PlaceRecord]:
        try:
            if path.suffix.lower() == ".gz":
                with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as fh:
                    rows = list(csv.reader(fh))
            else:
                with open(path, encoding="utf-8-sig", newline="") as fh:
                    rows = list(csv.reader(fh))
        except (UnicodeDecodeError, OSError, EOFError) as exc:
            raise GazetteerInputError(f"cannot read ({exc.__class__.__name__})",
                                      file=path) from None
        if progress is not None:
            progress(path.stat().st_size)
        yield from read_rows(rows, path, report)


def read_text(fh: IO[str], path: Path, report: FileReport,
              derive: bool = True) -> Iterator[PlaceRecord]:
    """Places of an OCHA community list read from an open text file (see :func:`read_rows`)."""
    yield from read_rows(list(csv.reader(fh)), path, report, derive)


def read_rows(rows: list[list[str]], path: Path, report: FileReport,
              derive: bool = True) -> Iterator[PlaceRecord]:
    """Places of an OCHA community list given as CSV rows (header first).

    Each community's names: its English and Arabic names, its alternate names, the names its
    name holds (see :func:`other_names`: without its unit's, or each name it joins; read only
    where the file has the admin columns), and, with ``derive``, the names with a glued
    article read apart (see :func:`unglued_articles`), read from the others on every reading.
    The built-in copy keeps all but the derived ones (its admin columns are left out), so that
    a rule changed later changes those."""
    if not rows:
        raise GazetteerInputError("no places in file", file=path)
    header = [c.strip().lower() for c in rows[0]]
    col = {name: i for i, name in enumerate(header)}
    missing = [c for c in REQUIRED if c not in col]
    if missing:
        raise GazetteerInputError(f"missing column(s) {', '.join(missing)} of the OCHA "
                                  "community layout", file=path, line=1)
    alt_i = col.get("alt_names")
    # the admin columns, in order, up to the first one missing
    admin_i = []
    for c, _ in SEAT_CODES:
        if c not in col:
            break
        admin_i.append((c, col[c]))
    code_i = col.get("feature_code")
    parsed = []
    for lineno, row in enumerate(rows[1:], 2):
        if not row or not any(c.strip() for c in row):
            continue
        if len(row) < len(header):
            raise GazetteerInputError(f"wrong column count {len(row)}, expected "
                                      f"{len(header)}", file=path, line=lineno)
        name = row[col["name_en"]].strip()
        if not name:
            raise GazetteerInputError("empty name", file=path, line=lineno, field="name_en")
        values = read_coordinates({key: row[col[key]] for key in ("lat", "lon")}, path, lineno)
        code = "PPL"
        if not admin_i and code_i is not None and row[code_i].strip():
            code = row[code_i].strip().upper()
            if _FEATURE_CODE.fullmatch(code) is None:
                raise GazetteerInputError(f"not a populated-place feature code: {code!r}",
                                          file=path, line=lineno, field="feature_code")
        parsed.append((row, name, values, code))
    if admin_i:
        codes = seat_codes([(name, tuple(row[i].strip() for _, i in admin_i))
                            for row, name, _, _ in parsed])
    else:
        codes = [code for _, _, _, code in parsed]
    for (row, name, values, _), code in zip(parsed, codes):
        pcode = row[col["pcode"]].strip()
        names = [name]
        arabic = row[col["name_ar"]].strip()
        if arabic:
            names.append(arabic)
        if alt_i is not None:
            for alt in row[alt_i].split(";"):
                bare = _bare(alt)
                if bare and bare not in names:
                    names.append(bare)
        units = [row[i].strip() for c, i in admin_i if c != "admin1"]  # (its district's)
        for other in other_names(name, arabic, units):
            if other not in names:
                names.append(other)
        if arabic and derive:
            for latin in [n for n in names if n != arabic]:
                apart = unglued_articles(latin, arabic)
                if apart is not None and apart not in names:
                    names.append(apart)
        place = Place(name=name, lat=values["lat"], lon=values["lon"],
                      country=country_of(pcode), feature_code=code, source=SOURCE, ref=pcode)
        report.places += 1
        yield PlaceRecord(place, tuple(names))


def write_compact(records: list[PlaceRecord], out: IO[bytes]) -> None:
    """Write records as the compact gzip CSV the built-in default ships (see
    ``gazetteer/data/SOURCE-ocha.md``): ``name_en,name_ar,alt_names,lat,lon,pcode,feature_code``
    (the code only for seats, see :func:`seat_codes`; empty for ``PPL``)."""
    text = io.StringIO()
    w = csv.writer(text, lineterminator="\n")
    w.writerow(("name_en", "name_ar", "alt_names", "lat", "lon", "pcode", "feature_code"))
    for rec in records:
        p = rec.place
        arabic = [n for n in rec.names[1:] if any("\u0600" <= ch <= "\u06ff" for ch in n)]
        alts = [n for n in rec.names[1:] if n not in arabic[:1]]
        w.writerow((p.name, arabic[0] if arabic else "", ";".join(alts),
                    f"{p.lat:.5f}".rstrip("0").rstrip("."), f"{p.lon:.5f}".rstrip("0").rstrip("."),
                    p.ref, "" if p.feature_code == "PPL" else p.feature_code))
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(text.getvalue().encode("utf-8"))

"""Split a report into its timestamped entries (live-blog posts), each with the instant it states."""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from mapgen.ingest.textkeys import ARABIC_LETTERS

MONTHS = {name: n for n, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
#: Month names of Portuguese, French and Spanish datelines (with and without accents), and the
#: abbreviations that cannot be read as another word; stamps only (relative time is English).
FOREIGN_MONTHS = {name: n for n, names in enumerate([
    ("janeiro", "janvier", "janv", "enero", "ene"),
    ("fevereiro", "fev", "février", "fevrier", "févr", "fevr", "fév", "febrero"),
    ("março", "marco", "mars", "marzo"),
    ("abril", "abr", "avril", "avr"),
    ("maio", "mai", "mayo"),
    ("junho", "juin", "junio"),
    ("julho", "juillet", "juil", "julio"),
    ("agosto", "août", "aout", "ago"),
    ("setembro", "septembre", "septiembre", "setiembre"),
    ("outubro", "octobre", "octubre"),
    ("novembro", "novembre", "noviembre"),
    ("dezembro", "dez", "décembre", "decembre", "déc", "diciembre", "dic")], start=1) for name in names}
#: Month names of Turkish, German and Italian bylines ("20 Ağustos 2019", "20. August 2019",
#: "20 agosto 2019"), and the Portuguese abbreviations that are words too ("9 out 2019", "3
#: set 2015"): read on a date line only, never as a month named in the text.
BYLINE_MONTHS = {name: n for n, names in enumerate([
    ("ocak", "januar", "jänner", "gennaio"),
    ("şubat", "subat", "februar", "febbraio"),
    ("mart", "märz", "maerz"),
    ("nisan", "aprile"),
    ("mayıs", "mayis", "maggio"),
    ("haziran", "juni", "giugno"),
    ("temmuz", "juli", "luglio"),
    ("ağustos", "agustos"),
    ("eylül", "eylul", "settembre", "set"),
    ("ekim", "oktober", "ottobre", "out"),
    ("kasım", "kasim"),
    ("aralık", "aralik", "dezember", "dicembre")], start=1) for name in names}
#: Month names of Russian and Ukrainian datelines ("4 февраля 2016 года", "4 лютого 2016"), as a
#: date is written (the genitive), and their abbreviations with a point.
CYRILLIC_MONTHS = {name: n for n, names in enumerate([
    ("января", "январь", "янв", "січня"),
    ("февраля", "февраль", "фев", "февр", "лютого"),
    ("марта", "март", "мар", "березня"),
    ("апреля", "апрель", "апр", "квітня"),
    ("мая", "май", "травня"),
    ("июня", "июнь", "червня"),
    ("июля", "июль", "липня"),
    ("августа", "август", "авг", "серпня"),
    ("сентября", "сентябрь", "сент", "вересня"),
    ("октября", "октябрь", "окт", "жовтня"),
    ("ноября", "ноябрь", "нояб", "листопада"),
    ("декабря", "декабрь", "дек", "грудня")], start=1) for name in names}
STAMP_MONTHS = {**MONTHS, **FOREIGN_MONTHS, **BYLINE_MONTHS, **CYRILLIC_MONTHS}
WEEKDAY_WORDS = (r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|"
                 r"domingo|segunda(?:-feira)?|terça(?:-feira)?|terca(?:-feira)?|quarta(?:-feira)?|"
                 r"quinta(?:-feira)?|sexta(?:-feira)?|s[áa]bado|lundi|mardi|mercredi|jeudi|vendredi|"
                 r"samedi|dimanche|lunes|martes|mi[ée]rcoles|jueves|viernes|"
                 r"pazartesi|salı|sali|çarşamba|carsamba|perşembe|persembe|cumartesi|cuma|pazar|"
                 r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
                 r"(?:mo|di|mi|do|fr|sa|so)(?=\.?,)|"   # German, cut short before a comma ("Do, 27.02.2020")
                 r"luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato")
#: Offsets of the zone abbreviations news pages print after a time.
ZONE_OFFSETS = {"GMT": 0, "UTC": 0, "Z": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120,
                "EEST": 180, "MSK": 180, "EST": -300, "EDT": -240, "PST": -480, "PDT": -420}
#: Zones American pages name by their region, standard or daylight time as the day was
#: ("11:09 am ET").
ZONE_REGIONS = {"ET": "America/New_York", "PT": "America/Los_Angeles"}

_MONTH = r"(?P<month>" + "|".join(sorted(STAMP_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:,?\s+(?:de\s+|del\s+)?(?P<year>\d{4})(?:\s+(?:года|року|г\.?))?)?"
#: A time of day: 11:57, 11h57, 11 h 57, and 11.57 as British papers print it ("Tue 20 Aug 2019
#: 13.45 BST"; on a line that is a date and nothing else); "09:15 Uhr" as German pages do.
_HOUR = (r"(?P<hour>\d{1,2})(?::|h|\s?h\s?|\.)(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
         r"(?:\s*(?P<ampm>[ap]\.?m\.?)|\s+uhr)?")
_TIME = (r"(?:(?:,|\s+at|\s+à|\s+às|\s+as|\s+a\s+las|\s+um|\s+alle|,?\s+ore|\s+в|\s+о|"
         r"\s*[-–—·|])?\s*"
         + _HOUR + r")?")
_ZONE = (r"(?:\s*\(?(?P<zone>GMT|UTC|Z|BST|CET|CEST|EET|EEST|MSK|EST|EDT|PST|PDT|ET|PT|"
         r"[+-]\d{2}:?\d{2})(?:\s?(?P<zone_off>[+-]\d{1,2}(?::?\d{2})?))?\)?)?")
_WEEKDAY = r"(?:(?P<weekday>" + WEEKDAY_WORDS + r")\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|°|\.)?"

#: Patterns a line (or the date part of a byline) must match in full to open an entry.
STAMP_PATTERNS = [
    # Feb 04, 2016 19:14 (GMT) / February 7th, 2016 - 11:57 GMT / Sunday, Feb. 7, 2016 / Feb. 8
    re.compile(r"^" + _WEEKDAY + _MONTH + r"\s+" + _DAY + _YEAR + _TIME + _ZONE + r"$", re.I),
    # 4 February 2016 / Monday 8 February / 7 de fevereiro de 2016, 11h57 / lundi 8 février 2016 à 14h32
    # / 09 February 2018 Friday
    re.compile(r"^" + _WEEKDAY + _DAY + r"\s+(?:de\s+)?" + _MONTH + _YEAR
               + r"(?:,?\s+(?:" + WEEKDAY_WORDS + r")(?=\s+\d))?" + _TIME + _ZONE
               + r"(?:,?\s+(?:" + WEEKDAY_WORDS + r"))?$", re.I),
    # 2016-02-04 18:38:52 / 2016-02-04T18:38:52+02:00 / 2016-02-04 / 2016/02/04 (year first)
    re.compile(r"^(?P<year>\d{4})(?P<sep>[-/])(?P<mnum>\d{2})(?P=sep)(?P<day>\d{2})(?:[ T](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?)?" + _ZONE + r"$", re.I),
    # 20.08.2019 13:45 / 20/08/2019 - 13:45 / 20-08-2019 / 08. 03. 2018, 02:02 (day first; see
    # _numeric_day_month)
    re.compile(r"^" + _WEEKDAY + r"(?P<nday>\d{1,2})(?P<sep>[./-])(?P<gap>(?:(?<=\.) )?)(?P<nmonth>\d{1,2})"
               r"(?P=sep)(?P=gap)(?P<year>\d{4})"
               r"(?:(?:,|\s*[-–—|·]|\s+at|\s+saat|\s+às|\s+as|\s+à|\s+a\s+las|\s+um)?\s*" + _HOUR + r")?"
               + _ZONE + r"$", re.I),
]
#: A line that is a time of day and nothing else ("13:45 GMT", "14.10 GMT", "3.32pm", "19h05"):
#: a live blog's post on the day of the date above it (see :func:`split_entries`). A time
#: written with a point needs am/pm or a zone: "12.50" alone may be a price.
_TIME_ONLY = re.compile(
    r"^(?P<hour>\d{1,2})(?:[:h]|\.(?=\d{2}\s*(?:[ap]\.?m|GMT|UTC|BST|CET|CEST|EET|EEST|MSK)))"
    r"(?P<minute>\d{2})(?:\s*(?P<ampm>[ap]\.?m\.?))?" + _ZONE + r"$", re.I)
#: The time first: 11:57 GMT, 7 February 2016 / 11:57 GMT, Sunday, Feb. 7, 2016
_TIME_FIRST = re.compile(r"^" + _HOUR + _ZONE + r",?\s+(?:on\s+)?(?P<rest>.+)$", re.I)
#: Words that introduce a date on a byline or an update line ("Published", "Atualização:").
_LABEL = re.compile(
    r"^(?:(?:last\s+)?updated?|published|posted|first\s+published|(?:last\s+)?modified|olu[şs]turulma|"
    r"atualizad[oa]|atualiza[çc][ãa]o|"
    r"publicad[oa]|postad[oa]|publié|publie|mis\s+à\s+jour|mis\s+a\s+jour|modifié|actualizad[oa]|"
    r"actualizaci[óo]n|yay[ıi]nlanma|g[üu]ncelleme|ver[öo]ffentlicht|aktualisiert|stand|erstellt|pubblicato|"
    r"aggiornato|(?:ultimo\s+)?aggiornamento|dateline|date|"
    # Russian and Ukrainian: published, updated, date of publication (a doubled н is a common
    # misspelling: "Опубликованно")
    r"опубликованн?о|обновленн?о|дата\s+публикации|опубліковано|оновлено|дата\s+публікації)"
    r"(?![\w])(?:\s+(?:date|time|tarihi)\b)?"
    r"(?:\s+(?:(?:on|at|em|le|el|à|a|às|am|il)\b|:))*\s*[:\-–—]?\s*", re.I)
#: What a byline puts after its date: the author ("Posted on August 20, 2019 by Leith
#: Aboufadel"), or when the page was updated, in brackets ("20.08.2019 (updated 21.08.2019)").
_AFTER_DATE = re.compile(r"(?:\s+(?:by|por|par|von|di)\s+[^\d|]{2,40}|,\s*p\.\s*\d{1,3}|"
                         r"\s*\((?:updated|atualizado|"
                         r"actualizado|mis à jour|aktualisiert|aggiornato|güncelleme|guncelleme)\b[^)]*\))$",
                         re.I)
#: The words that say when a page was changed ("Updated", "Atualizado em", "güncelleme").
_UPDATE_WORDS = (r"(?:last\s+)?(?:updated|atualizad[oa]|atualiza[çc][ãa]o|actualizad[oa]|"
                 r"actualizaci[óo]n|mis\s+à\s+jour|modifié|g[üu]ncellen?me|aktualisiert|"
                 r"aggiornato|обновленн?о|оновлено)(?![\w])")
#: When the page was changed, after the date it was published ("... Updated Apr 23, 2012").
_TRAILING_UPDATE = re.compile(r"\s+(?:(?:--|[-–—|/·])\s+)?" + _UPDATE_WORDS + r".*$", re.I)
#: A segment of a byline that tells how long ago the page changed ("Updated 3 years ago").
_AGO_SEGMENT = re.compile(r"^(?:(?:last\s+)?updated\s+)?(?:\d{1,3}|an?|one)\s+(?:minute|hour|day|week|"
                          r"month|year)s?\s+ago$", re.I)
#: A time of day opening a segment of a byline ("9:32 AM Damascus Local Time").
_LEADING_TIME = re.compile(r"^\d{1,2}(?::|h)\d{2}(?:\s*[ap]\.?m\.?)?", re.I)
_SEPARATORS = re.compile(r"\s+(?:--|[/|·•–—-])\s+|\s*\|\s*")
#: A segment of such a line that says when the page was changed, after its date
#: ("08/02/2020 14:35 - Atualizado em 08/02/2020 15:10"): the first date is the report's.
_UPDATE_SEGMENT = re.compile(r"^" + _UPDATE_WORDS, re.I)
#: A labelled time of day after the date on a metadata line ("Date: 2017/05/11 | Time: 10 : 22").
_LABELLED_TIME = re.compile(r"^(?:time|hora|heure)\s*:?\s*(\d{1,2})\s*[:h]\s*(\d{2})"
                            r"(?:\s*([ap])\.?m\.?)?$", re.I)
#: A segment of such a line that numbers the article, not its date ("News Code: 15902").
_NUMBER_SEGMENT = re.compile(r"^(?:news\s+|article\s+|story\s+)?(?:code|id|no\.?|n[º°]|number)"
                             r"\s*[:#]?\s*[\w-]{1,20}$", re.I)

# Datelines and bylines: the date of an entry is read from them here, and the mentions of a
# report read the dateline's place as a name and the byline's authors as people.
#: Capital letters of a name written in capitals ("KILIS", "ŞANLIURFA", "İSTANBUL").
_CAPITAL = "A-ZÀ-ÞĞİŞ"
#: A word of a dateline's place in capitals, perhaps after a word of two capitals or more cut
#: short with a dot ("ST. PETERSBURG"); initials with dots are no place ("U.S. - Russia talks").
_DATELINE_WORD = rf"(?:[{_CAPITAL}]{{2,}}\.\s+)?[{_CAPITAL}][{_CAPITAL}'’\-]+"
#: A dateline's place: one to four words in capitals ("KILIS", "BAB AL-SALAMA", "ST. PETERSBURG").
_DATELINE_PLACE = rf"(?P<place>{_DATELINE_WORD}(?:\s+{_DATELINE_WORD}){{0,3}})"
#: The dash between a dateline and its story, after a point in Spanish and Portuguese ("(EFE).-").
_DATELINE_DASH = r"\.?(?:—|–|-{1,2})"
#: The end of a dateline: the agency in brackets, then a dash before the story ("(Reuters) - Rebels";
#: agencies writing Spanish and Portuguese put a point before it: "(EFE).- Rebels").
_DATELINE_END = r"\s*(?:\([^)\n]{1,30}\)\s*)?" + _DATELINE_DASH + r"\s+\S"
#: Words in capitals before a colon that open a paragraph but name no place ("UPDATE: ...").
_NOT_A_DATELINE = frozenset("""UPDATE UPDATED NOTE BREAKING WATCH READ ALSO EDITOR EDITORS PHOTO
PHOTOS VIDEO LIVE EXCLUSIVE ANALYSIS OPINION COMMENT CORRECTION CLARIFICATION WARNING SOURCE
SOURCES CAPTION RELATED MORE SEE""".split())
#: An article's dateline opening a paragraph: the place in capitals, then its country or the
#: date, the agency, and a dash ("KILIS, Turkey —", "AZAZ, Syria (Reuters) -",
#: "BEIRUT, 15 feb 2016 (AFP) -").
DATELINE = re.compile(r"^" + _DATELINE_PLACE + r"(?:,\s*[^—–()\n]{2,40}?)?" + _DATELINE_END)
#: ... or the place and a colon ("BEIRUT: Regime forces..."), but for the words of
#: :data:`_NOT_A_DATELINE`.
COLON_DATELINE = re.compile(r"^(?!(?:" + "|".join(sorted(_NOT_A_DATELINE)) + r")\b)"
                            + _DATELINE_PLACE + rf":\s+[\"“{_CAPITAL}]")
#: A dateline that gives the date after the place and its country: "KILIS, Turkey, Feb. 7, 2016 —",
#: "BEIRUT, Feb. 9, 2016 (AFP) -" (a country has no figures: "Feb. 9" is the date's).
_DATED_DATELINE = re.compile(
    r"^" + _DATELINE_PLACE + rf"(?:,\s*[{_CAPITAL}](?:[^\W\d]|[ .'’\-]){{1,30}})?,\s*(?P<date>[^—–()\n]{{4,40}}?)"
    + _DATELINE_END)
#: News agencies, whose name in brackets (in capitals or not: "(EUROPA PRESS)") marks a dateline
#: written in small letters too.
_AGENCIES = ("AFP", "AP", "Reuters", "EFE", "Lusa", "ANSA", "dpa", "DPA", "Xinhua", "Anadolu", "AA",
             "SANA", "Sputnik", "TASS", "IRNA", "Europa Press", "Notimex", "ANF")
#: A dateline in small letters, known by its agency: the place (capitalised words; two bureaus
#: joined by a slash), perhaps its country and the date, the agency in brackets, then a dash
#: ("Cairo/Ancara, 14 fev (EFE).- Pelo menos", "Beirut, Feb. 14, 2016 (AFP) - Rebels"), the
#: story on the same line or the next ("MADRID, 21 Mar. 2018 (EUROPA PRESS) -").
AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Þ][\w'’\-]+(?:(?:\s+|/)[A-ZÀ-Þ][\w'’\-]+){0,3})"
    r"(?:,\s*(?P<date>[^—–()\n]{2,40}?))?\s*\((?i:" + "|".join(map(re.escape, _AGENCIES)) + r")\)"
    r"\s*" + _DATELINE_DASH + r"(?:\s+\S|\s*$)")
#: What may be a dateline in small letters: a capitalised place, then a dash before the story
#: ("Beirute - Os rebeldes sírios tomaram"); also how a live blog may head a post on a place
#: ("Azaz - Shelling resumed"), so its place is set aside only when far from the report's.
LOOSE_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Þ][\w'’\-]+(?:\s+[A-ZÀ-Þ][\w'’\-]+){0,2})\s+(?:—|–|-{1,2})\s+[\"“A-ZÀ-Þ]")
#: The words that open a byline ("By Daniel Hart", "Por", "Par", "Von").
_BYLINE_WORDS = ("by", "por", "par", "von")
#: A byline's opening word, then the author (and place or outlet) and, after a comma, the date
#: ("By Daniel Hart, Feb. 7, 2016").
_BYLINE_DATE = re.compile(r"^(?:" + "|".join(_BYLINE_WORDS) + r")\s+[^,|]{2,40},\s*(.+)$", re.I)
#: A byline: its opening word ("By", "BY" or, on a line of its own, "by"), then two or more
#: capitalised names (joined by "and", "with", "e", "et", "y" or commas) and nothing else but a
#: separator and a date ("By Layla Haddad and Orhan Coskun | Feb. 15, 2016"), or the bureau the
#: authors write from ("by Delil Souleiman with Sara Hussein in Beirut", as AFP signs).
BYLINE = re.compile(
    r"^(?:" + "|".join(form for word in _BYLINE_WORDS for form in (word, word.title(), word.upper())) + r")"
    rf"\s+(?P<names>[{_CAPITAL}][\w'’.\-]*"
    rf"(?:(?:\s+|\s*,\s*|\s+(?:and|with|e|com|et|avec|y|con|und|mit|&)\s+)(?:(?:de|da|do|dos|van|von|al|el|bin|ibn)\s+)?"
    rf"[{_CAPITAL}][\w'’.\-]*)+)"
    r"\s*(?:$|[|·•]|\s[-—–]\s|,\s*\d|,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|"
    rf"\s+(?:in|em|à|en|a|aus)\s+(?P<bureau>[{_CAPITAL}][\w'’.\-]*(?:\s+[{_CAPITAL}][\w'’.\-]*)?)\s*$)")

#: A photograph's credit: an agency, a slash and the photographer ("REUTERS/Ammar Abdullah",
#: "AP Photo/Hussein Malla", "AFP/Omar Haj Kadour"): people, not places.
PHOTO_CREDIT = re.compile(
    r"\b(?:REUTERS|Reuters|AFP|AP(?:\s+Photo)?|EPA(?:-EFE)?|EFE|Getty\s+Images|Anadolu(?:\s+Agency)?|"
    r"SANA|Xinhua|TASS|Sputnik)\s*/\s*"
    rf"(?P<names>[{_CAPITAL}][\w'’.\-]*(?:\s+(?:(?:al|el|bin|ibn|de|van)\s+)?[{_CAPITAL}][\w'’.\-]*){{0,3}})")
#: ... who a photograph is credited to in words ("[Photo courtesy of Musab Assaf]", "Photo:
#: Ahmad Hasan", "Foto: Omar Haj Kadour", "Photo by") ...
PHOTO_BY = re.compile(
    r"\b(?:[Pp]hoto(?:graph)?|[Ff]oto(?:grafia)?|[Ii]mage|[Ii]magem)"
    r"(?:\s+courtesy(?:\s+of)?|\s*:|\s+by|\s+de|\s+par|\s+von)\s+"
    rf"(?P<names>[{_CAPITAL}][\w'’.\-]*(?:\s+(?:(?:al|el|bin|ibn|de)\s+)?[{_CAPITAL}][\w'’.\-]*){{0,3}})")
#: ... and a caption ending in its date and, in brackets, who took the picture or where it was
#: published ("– April 5, 2025 (Hawar)", "– March 20, 2025 (Noor Golan/Facebook)").
CAPTION_CREDIT = re.compile(r"\b(?:19|20)\d\d\s*\((?P<names>[^()\d]{2,40})\)\s*\.?\s*$")


@dataclass(frozen=True)
class Stamp:
    """A timestamp line as written and the instant it stands for."""

    text: str
    moment: dt.datetime   # aware
    precision: str        # "exact" when a time of day is given, else "day"
    line: int             # 1-based line number in the cleaned text


@dataclass
class Entry:
    """One entry of a report: its stamp (None for text before the first stamp) and its lines."""

    stamp: Stamp | None
    lines: list[tuple[int, str]]

    @property
    def text(self) -> str:
        return "\n".join(line for _, line in self.lines)

    @property
    def moment(self) -> dt.datetime | None:
        return self.stamp.moment if self.stamp else None


class MissingYear(ValueError):
    """A stamp line gives a day and a month but no year, and nothing in the report gives one."""

    def __init__(self, text: str, line: int) -> None:
        super().__init__(f"line {line}: the date {text!r} has no year")
        self.text = text
        self.line = line


_WEEKDAY_INDEX = (("mon", "lun", "seg"), ("tue", "mar", "ter"), ("wed", "mer", "mié", "mie", "qua"),
                  ("thu", "jeu", "jue", "qui"), ("fri", "ven", "vie", "sex"), ("sat", "sam", "sáb", "sab"),
                  ("sun", "dim", "dom"))


def _weekday(word: str | None) -> int | None:
    if not word:
        return None
    low = word.lower()
    for n, prefixes in enumerate(_WEEKDAY_INDEX):
        if low.startswith(prefixes):
            return n
    return None


def _numeric_day_month(parts: dict[str, str | None],
                       line: str = "") -> dict[str, str | None] | None:
    """A date written in figures with the year last, read day first as most of the world
    writes it (20.08.2019, 20/08/2019); month first only where the first figure cannot be a
    month (08/20/2019, as American pages write it). Points are always day first, and so is a
    date on a ``line`` in a language that writes the day first ("Publicado em 08/02/2020
    14:35", "08/02/2020 14h35": see :data:`_DAY_FIRST`). None when either reading is possible
    (05/08/2019: 5 August or 8 May): a date in doubt is no date."""
    first, second = int(str(parts.pop("nday"))), int(str(parts.pop("nmonth")))
    if parts["sep"] != "." and first <= 12 and second <= 12 and first != second \
            and _DAY_FIRST.search(line) is None:
        return None
    if second > 12 and parts["sep"] != ".":
        first, second = second, first
    if second > 12:
        return None
    return {**parts, "day": str(first), "mnum": str(second)}


def _parts(text: str, line: str = "") -> dict[str, str | None] | None:
    """The fields of ``text`` when it is a date or date-time and nothing else (``line``: the
    line it was read from, which may tell that its figures are day first)."""
    for pattern in STAMP_PATTERNS:
        match = pattern.match(text)
        if match is not None:
            parts = match.groupdict()
            return _numeric_day_month(parts, line) if "nday" in parts else parts
    first = _TIME_FIRST.match(text)
    if first is not None:
        for pattern in STAMP_PATTERNS[:2]:
            match = pattern.match(first.group("rest"))
            if match is not None and match.group("hour") is None and match.group("zone") is None:
                parts = match.groupdict()
                for key in ("hour", "minute", "second", "ampm", "zone", "zone_off"):
                    parts[key] = first.group(key)
                return parts
    return None


def _candidates(text: str) -> list[str]:
    """The line, then the date part of an update line or a byline ("By Daniel Hart | Feb. 7, 2016")."""
    out = [text]
    label = _LABEL.match(text)
    if label is not None and label.end() < len(text):
        out.append(text[label.end():])
    for form in list(out):
        bare = _AFTER_DATE.sub("", form)
        if bare != form and bare:
            out.append(bare)
        # (the page's update after its date, with no separator: "02/22/2012 11:09 am ET
        # Updated Apr 23, 2012")
        bare = _TRAILING_UPDATE.sub("", form)
        if bare != form and bare:
            out.append(bare)
    segments = [seg.strip() for seg in _SEPARATORS.split(text)
                if seg.strip() and not _AGO_SEGMENT.match(seg.strip())]
    if len(segments) > 1 and all(len(seg) <= 60 for seg in segments):
        for n, seg in enumerate(segments):
            # the rest of a byline is an author, a place or an outlet: a few words, no figures;
            # or the time of day after the date ("Saturday 17 March 2018 | 9:32 AM Damascus
            # Local Time")
            after = segments[n + 1] if n + 1 < len(segments) else ""
            time = _LEADING_TIME.match(after)
            labelled = _LABELLED_TIME.match(after) if time is None else None
            rest = segments[:n] + segments[n + (2 if time or labelled else 1):]
            # (or the article's number: "News Code: 15902 | Date: 2017/05/11 | Time: 10 : 22")
            if any((any(ch.isdigit() for ch in other) and not _NUMBER_SEGMENT.match(other)
                    and not _UPDATE_SEGMENT.match(other))
                   or len(other.split()) > 6 for other in rest):
                continue
            label = _LABEL.match(seg)
            date = seg[label.end():] if label is not None and label.end() < len(seg) else seg
            if time is not None:
                out.append(f"{date} {time.group(0)}")
            elif labelled is not None:
                hours, minute, half = labelled.groups()
                hour = int(hours)
                if half:  # a 12-hour clock
                    hour = hour % 12 + (12 if half.lower() == "p" else 0)
                out.append(f"{date} {hour:02d}:{minute}")
            out.append(date)
    byline = _BYLINE_DATE.match(text)
    if byline is not None:
        out.append(byline.group(1))
    words = text.split()
    if len(words) > 2 and words[0].lower() in _BYLINE_WORDS:
        # the author (capitalised words), then the date with no separator ("By Reuters Feb
        # 14, 2020"; not "By the end of 7 February 2016")
        for k in range(2, min(len(words), 6)):
            if not words[k - 1][:1].isupper():
                break
            out.append(" ".join(words[k:]))
    return out


#: Month names of Arabic datelines: the Syriac names of the Levant and Iraq (شباط, February),
#: and the Latin ones of Egypt and the Gulf (فبراير); outlets often write both ("شباط/فبراير").
ARABIC_MONTHS = {name: n for n, names in enumerate([
    ("كانون الثاني", "يناير", "كانون ثاني"),
    ("شباط", "فبراير", "فبرابر"),
    ("آذار", "اذار", "أذار", "مارس"),
    ("نيسان", "أبريل", "ابريل", "إبريل", "أفريل"),
    ("أيار", "ايار", "مايو"),
    ("حزيران", "يونيو", "يونيه"),
    ("تموز", "يوليو", "يوليه"),
    ("آب", "اب", "أغسطس", "اغسطس", "أغسطوس"),
    ("أيلول", "ايلول", "سبتمبر"),
    ("تشرين الأول", "تشرين الاول", "أكتوبر", "اكتوبر", "تشرين أول"),
    ("تشرين الثاني", "نوفمبر", "تشرين ثاني"),
    ("كانون الأول", "كانون الاول", "ديسمبر", "كانون أول")], start=1) for name in names}
_ARABIC_MONTH = "|".join(sorted(ARABIC_MONTHS, key=len, reverse=True))
#: English month names, to read an Arabic date as the English patterns do.
_ENGLISH_MONTH = {n: name for name, n in MONTHS.items() if len(name) > 3}
#: Arabic weekdays (with or without "يوم", "day") and their English names.
_ARABIC_WEEKDAYS = {"الأحد": "Sunday", "الاحد": "Sunday", "الإثنين": "Monday", "الاثنين": "Monday",
                    "الثلاثاء": "Tuesday", "الأربعاء": "Wednesday", "الاربعاء": "Wednesday",
                    "الخميس": "Thursday", "الجمعة": "Friday", "السبت": "Saturday"}
#: A month written both ways, or one way: "شباط/فبراير", "فبراير (شباط)", "شباط".
_ARABIC_MONTH_PAIR = re.compile(rf"(?<![\w])({_ARABIC_MONTH})(?:\s*[/(]\s*(?:{_ARABIC_MONTH})\s*\)?)?(?![\w])")
#: Words that label a date on an Arabic byline or update line ("تاريخ النشر:", "نشر في",
#: "آخر تحديث", "بتاريخ").
_ARABIC_LABEL = re.compile(r"^(?:(?:تاريخ\s+)?(?:النشر|نشر)(?:\s+في)?|(?:آخر|اخر)\s+تحديث|"
                           r"تم\s+التحديث|تحديث|بتاريخ|التاريخ)\s*[:\-–—]?\s*")
#: The hour of an Arabic date ("الساعة 14:30", at 14:30), and the Arabic for am and pm (ص,
#: صباحا; م, مساء); not the figures of a date ("07.02.2016").
_ARABIC_CLOCK = re.compile(r"(?:\s*[-–—|،,]?\s*(?:الساعة|في\s+تمام\s+الساعة|عند\s+الساعة)?\s*)"
                           r"(?<![\d.:/])(\d{1,2}[:.]\d{2})(?![\d.:/])"
                           r"(?:\s*(صباحا|صباحاً|ص|مساء|مساءً|م)(?![\w]))?")
#: Eastern Arabic and Persian figures as ASCII ones.
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_HAS_ARABIC = re.compile(f"[{ARABIC_LETTERS}]")


def _arabic_date(text: str) -> str | None:
    """An Arabic date line written as the English patterns read it ("الأحد، 7 شباط/فبراير 2016
    - 11:57 ص" -> "Sunday 7 February 2016 11:57 am"; "آخر تحديث: 07.02.2016" -> "07.02.2016"),
    or None when words other than a date's are left."""
    text = _ARABIC_LABEL.sub("", text.translate(_ARABIC_DIGITS).strip())
    text = _ARABIC_MONTH_PAIR.sub(lambda m: _ENGLISH_MONTH[ARABIC_MONTHS[m.group(1)]], text)
    text = re.sub(r"(?<!\w)يوم\s+", "", text)
    for word, english in _ARABIC_WEEKDAYS.items():
        text = re.sub(rf"(?<!\w){word}(?!\w)\s*[،,]?", english + " ", text)
    # the year's era letter (2016م) and the Arabic comma
    text = re.sub(r"(\d{4})\s*م(?!\w)", r"\1", text).replace("،", ",")

    def clock(match: re.Match[str]) -> str:
        half = match.group(2) or ""
        return " " + match.group(1).replace(".", ":") + (" am" if half.startswith("ص") else " pm" if half else "")

    text = _ARABIC_CLOCK.sub(clock, text)
    text = " ".join(text.split())
    return None if _HAS_ARABIC.search(text) else text


#: Words of a stamp line in a language that writes a date's day first, or a time of day
#: written with an h ("Publicado em", "atualizado", "às", "saat", "14h35"), which American
#: pages, the ones that write the month first, never use.
_DAY_FIRST = re.compile(
    r"\b(?:publicad[oa]|atualizad[oa]|atualiza[çc][ãa]o|postad[oa]|em|às|publié|publie|à|le|"
    r"actualizad[oa]|el|las|yay[ıi]nlanma|g[üu]ncelleme|saat|ver[öo]ffentlicht|aktualisiert|um|"
    r"pubblicato|aggiornato|alle)\b|\b\d{1,2}\s?h\s?\d{2}\b", re.I)
#: A section's name (one to three capitalised words) before a stamp that opens with its day.
_SECTION = re.compile(r"^(?:[A-ZÀ-ÞİŞĞÇÖÜ][^\W\d_]*\.?\s+){1,3}(?=\d)")
#: An outlet's or a section's name (one to four words, the first capitalised) and a comma.
_OUTLET = re.compile(r"^[A-ZÀ-ÞİŞĞÇÖÜ][\w'’.&-]*(?:\s+[\w'’.&-]+){0,3},\s+")
#: A news agency's name before a date, with no comma ("Reuters January 10, 2014").
_AGENCY_FIRST = re.compile(r"^(?:" + "|".join(map(re.escape, _AGENCIES)) + r")\s+")
#: Bullets and separators a date line may begin or end with.
_AROUND = " •·|–—-"


def read_stamp(line: str) -> tuple[str, dict[str, str | None]] | None:
    """The date part of a stamp line and its fields, or None when the line is not a stamp.

    An Arabic date ("الأحد 7 شباط 2016", "٧ فبراير ٢٠١٦ - ١١:٥٧") is read as the same date
    written in English; the line as written is its text."""
    # (a bullet or a separator before or after it: "• Nov 24, 2015-", "| septiembre 24, 2012")
    text = " ".join(line.split()).strip(_AROUND)
    if not text or len(text) > 120 or not any(ch.isdigit() for ch in text):
        return None
    if _HAS_ARABIC.search(text) is not None:
        read = _arabic_date(text)
        found = read_stamp(read) if read is not None else None
        return (text, found[1]) if found is not None else None
    for candidate in _candidates(text):
        if len(candidate) > 60:
            continue
        # (a byline may end as a sentence does: "Publicado em 6 de agosto de 2013 às 07h57.")
        for form in (candidate, candidate[:-1]) if candidate.endswith(".") else (candidate,):
            parts = _parts(form, text)
            if parts is not None:
                return form, parts
    # a section's name before a full date and time ("Türkiye Materials 31 May 2015 22:39 (UTC
    # +04:00)"): the time of day makes it a stamp, not a sentence that ends in a date; or an
    # outlet's name and a comma, or an agency's, before a date with its year ("AFP, Tuesday 7
    # Feb 2012", "Reuters January 10, 2014")
    for prefix, timed in ((_SECTION, True), (_OUTLET, False), (_AGENCY_FIRST, False)):
        head = prefix.match(text)
        if head is not None:
            rest = text[head.end():]
            parts = _parts(rest, text)
            if parts is not None and parts.get("year") and (not timed or parts.get("hour")):
                return rest, parts
    return None


def _year_near(parts: dict[str, str | None], reference: dt.date) -> int:
    """The year that puts a day and month without a year closest to ``reference`` (and on
    the weekday written, when there is one)."""
    month = STAMP_MONTHS[str(parts["month"]).lower()]
    weekday = _weekday(parts.get("weekday"))
    best: tuple[int, int, int] | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            day = dt.date(year, month, int(str(parts["day"])))
        except ValueError:
            continue
        rank = (0 if weekday is None or day.weekday() == weekday else 1, abs((day - reference).days), year)
        if best is None or rank < best:
            best = rank
    return best[2] if best is not None else reference.year


def build_stamp(text: str, parts: dict[str, str | None], tz: ZoneInfo, number: int = 0,
                year: int | None = None) -> Stamp | None:
    """The stamp of a matched line; ``year`` stands in when the line gives none."""
    if parts.get("year"):
        year = int(str(parts["year"]))
    if year is None:
        return None
    month = int(str(parts["mnum"])) if parts.get("mnum") else STAMP_MONTHS[str(parts["month"]).lower()]
    try:
        day = dt.date(year, month, int(str(parts["day"])))
    except ValueError:
        return None
    if parts.get("hour") is None:
        return Stamp(text, dt.datetime(day.year, day.month, day.day, tzinfo=tz), "day", number)
    hour, minute = int(str(parts["hour"])), int(str(parts["minute"]))
    ampm = (parts.get("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or int(parts.get("second") or 0) > 59:
        return None
    zone = _zone(parts.get("zone"), parts.get("zone_off"), tz)
    moment = dt.datetime(day.year, day.month, day.day, hour, minute, int(parts.get("second") or 0),
                         tzinfo=zone)
    return Stamp(text, moment, "exact", number)


def parse_stamp(line: str, tz: ZoneInfo, number: int = 0, year: int | None = None) -> Stamp | None:
    """The stamp a line holds when the whole line is a date or date-time (or a byline or an
    update line with one); otherwise None. ``year`` is used when the line gives none."""
    found = read_stamp(line)
    if found is None:
        return None
    return build_stamp(found[0], found[1], tz, number, year)


def _zone(text: str | None, extra: str | None, default: ZoneInfo) -> dt.tzinfo:
    if not text:
        return default
    upper = text.upper()
    if upper in ZONE_REGIONS:
        return ZoneInfo(ZONE_REGIONS[upper])
    if upper in ZONE_OFFSETS:
        minutes = ZONE_OFFSETS[upper]
        if extra:   # GMT+2, UTC+02:00
            sign = -1 if extra[0] == "-" else 1
            digits = extra[1:].replace(":", "")
            hours, mins = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
            minutes += sign * (int(hours) * 60 + int(mins))
        return dt.timezone(dt.timedelta(minutes=minutes)) if minutes else dt.timezone.utc
    sign = -1 if upper[0] == "-" else 1
    digits = upper[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


#: A paragraph that opens with a labelled date in figures, year first, then the story ("date
#: 2020-02-09 The army has regained..."; "date 2018-03 Beirute - ...", a month only, gives the
#: year of the report's dates that lack one).
DATE_LABEL = re.compile(r"^date:?\s+(?P<date>(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)"
                        r"\s+\S", re.I)
#: A paragraph that opens with its full date, then a semicolon or a dash before the story
#: ("09 Dec 2019; NEWSDESK: Jets struck...", "June 20, 2018 - Shelling hit").
_DATE_FIRST = re.compile(r"^(?P<date>[^;—–\n]{6,40}?)\s*(?:;|—|–|\s-{1,2}\s)\s*[\"“A-ZÀ-Þ]")


#: Portuguese weekdays, Monday first (as :meth:`datetime.date.weekday` counts).
_PT_WEEKDAYS = ("segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo")
#: The day of the month Brazilian reports write in brackets after "today" or "this <weekday>"
#: ("hoje (2)", "nesta sexta-feira (29)", "neste domingo (2)").
_TODAY_IN_BRACKETS = re.compile(
    r"\b(?:hoje|nest[ae]\s+(?P<weekday>segunda|terça|quarta|quinta|sexta|sábado|domingo)"
    r"(?:-feira)?)\s*\((?P<day>\d{1,2})\)", re.I)


def day_in_labelled_month(text: str) -> str | None:
    """The report's day (ISO 8601) when a labelled date heading it gives the month only
    ("date 2017-09 ...") and the text the day, in brackets after "hoje" or "nesta <weekday>"
    as Brazilian reports write it ("nesta sexta-feira (29)": 29 September 2017, a Friday). A
    weekday that is not that day's makes it no date; so does a day the month lacks."""
    labelled = DATE_LABEL.match(text.lstrip())
    if labelled is None or labelled.group("day"):
        return None
    found = _TODAY_IN_BRACKETS.search(text)
    if found is None:
        return None
    try:
        day = dt.date(int(labelled.group("year")), int(labelled.group("month")), int(found.group("day")))
    except ValueError:
        return None
    weekday = found.group("weekday")
    if weekday is not None and _PT_WEEKDAYS.index(weekday.lower()) != day.weekday():
        return None
    return day.isoformat()


def _paragraph_dateline(line: str) -> tuple[str, dict[str, str | None]] | None:
    """The date of an article dateline at the start of a paragraph ("KILIS, Turkey, Feb. 7, 2016 —",
    "Cairo/Ancara, 14 fev (EFE).-")."""
    line = line.strip()
    labelled = DATE_LABEL.match(line)
    if labelled is not None:
        if labelled.group("day"):
            parts = _parts(labelled.group("date"))
            if parts is not None:
                return labelled.group("date"), parts
        line = line[labelled.end("date"):].strip()   # (a month only: the dateline after it)
    first = _DATE_FIRST.match(line)
    if first is not None:
        parts = _parts(first.group("date"))
        if parts is not None and parts.get("year"):
            return first.group("date"), parts
    match = _DATED_DATELINE.match(line) or AGENCY_DATELINE.match(line)
    if match is None or not match.group("date"):
        return None
    # the date, after the place's country when there is one ("Azaz, Syria, Feb. 20, 2016")
    for date in (match.group("date"), match.group("date").split(",", 1)[-1]):
        date = " ".join(date.split())
        if any(ch.isdigit() for ch in date):
            parts = _parts(date)
            if parts is not None:
                return date, parts
    return None


def split_entries(text: str, tz: ZoneInfo, year: int | dt.date | None = None) -> list[Entry]:
    """Cut ``text`` at every stamp line; text before the first stamp is an entry without one.

    A stamp without a year ("Monday 8 February") takes it from the nearest stamp that has one,
    else from ``year`` (the report's publication date); with neither it raises
    :class:`MissingYear`. A line that is a time of day only ("13:45 GMT") is a post on the day
    of the nearest date above it, else on ``year`` when that is a day. An article's dateline at
    the start of its first paragraph opens an entry too (the paragraph stays in it).
    """
    hint = year if isinstance(year, dt.date) else (dt.date(year, 7, 1) if year else None)
    if hint is None:   # the month of a labelled date heading the text ("date 2014-08 Cairo, 24 ago")
        labelled = DATE_LABEL.match(text.lstrip())
        if labelled is not None and 1 <= int(labelled.group("month")) <= 12:
            hint = dt.date(int(labelled.group("year")), int(labelled.group("month")), 15)
    found: list[tuple[int, str, dict[str, str | None]] | None] = []
    times: list[tuple[int, int, str, dict[str, str | None]]] = []  # lines of a time only
    lines = text.split("\n")
    seen_stamp = False
    for number, line in enumerate(lines, start=1):
        read = read_stamp(line)
        if read is None and not seen_stamp:
            read = _paragraph_dateline(line)
            if read is not None:
                read = (read[0], {**read[1], "_keep": "1"})
        if read is None and len(line) < 40:
            bare = " ".join(line.split())
            label = _LABEL.match(bare)  # "Updated at 3.45pm GMT"
            clock = _TIME_ONLY.match(bare) or (_TIME_ONLY.match(bare[label.end():])
                                               if label is not None else None)
            if clock is not None:
                times.append((len(found), number, clock.group(0), clock.groupdict()))
        found.append((number, *read) if read is not None else None)
        seen_stamp = seen_stamp or read is not None
    # the year of each stamp that lacks one: from the nearest stamp before it, else after it
    dated = [(n, build_stamp(item[1], item[2], tz, item[0])) for n, item in enumerate(found)
             if item is not None and item[2].get("year")]
    stamps: dict[int, Stamp] = {n: st for n, st in dated if st is not None}
    for n, item in enumerate(found):
        if item is None or item[2].get("year"):
            continue
        before = [stamps[k] for k in stamps if k < n]
        after = [stamps[k] for k in stamps if k > n]
        reference = (before[-1].moment.date() if before else after[0].moment.date() if after else hint)
        if reference is None:
            raise MissingYear(item[1], item[0])
        stamp = build_stamp(item[1], item[2], tz, item[0], _year_near(item[2], reference))
        if stamp is not None:
            stamps[n] = stamp
    # a time of day alone is a post on the day of the nearest date above it (a live blog's
    # day heading, or its last post's), else the report's publication date; with neither, it is
    # no time at all
    dates = sorted(stamps)
    for n, number, clock, parts in times:
        k = bisect_left(dates, n)
        day = stamps[dates[k - 1]].moment.date() if k else (
            year if isinstance(year, dt.date) else None)
        if day is None:
            continue
        stamp = build_stamp(clock, {**parts, "day": str(day.day), "mnum": str(day.month),
                                    "year": str(day.year)}, tz, number)
        if stamp is not None:
            stamps[n] = stamp
    entries = [Entry(None, [])]
    for n, line in enumerate(lines):
        stamp = stamps.get(n)
        if stamp is not None:
            entries.append(Entry(stamp, []))
            item = found[n]
            if item is not None and item[2].get("_keep"):
                entries[-1].lines.append((n + 1, line))
        else:
            entries[-1].lines.append((n + 1, line))
    if not entries[0].lines or not entries[0].text.strip():
        if len(entries) > 1:
            entries.pop(0)
    return entries

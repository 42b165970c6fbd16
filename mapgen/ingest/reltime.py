"""Resolve the time phrases of a sentence ("last night", "on Tuesday", "earlier this week",
"on 25 February") against the time of the entry that holds it."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from mapgen.ingest.entries import ARABIC_MONTHS, FOREIGN_MONTHS, MONTHS
from mapgen.ingest.textkeys import ARABIC_LETTERS

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1}


@dataclass(frozen=True)
class When:
    """A resolved time phrase: the first day it covers and its precision (day, week, month)."""

    day: dt.date
    precision: str
    phrase: str


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
#: Arabic words: their start (after the letters written onto a word: و, ف, ب, ل) and end.
_AR_START = rf"(?<![{ARABIC_LETTERS}])(?:[وف]?[بل]?)"
_AR_END = rf"(?![{ARABIC_LETTERS}])"
_AR_MONTHS = "|".join(sorted(ARABIC_MONTHS, key=len, reverse=True))
_AR_WEEKDAYS = {"الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الاربعاء": 2, "الخميس": 3,
                "الجمعة": 4, "السبت": 5, "الأحد": 6, "الاحد": 6}
_TR_WEEKDAYS = {"pazartesi": 0, "salı": 1, "çarşamba": 2, "perşembe": 3, "cuma": 4, "cumartesi": 5,
                "pazar": 6}
_AR_DAYS = {"يوم": 1, "يومين": 2, "ثلاثة": 3, "أربعة": 4, "اربعة": 4, "خمسة": 5, "ستة": 6, "سبعة": 7}
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:last|on \w+) night\b", re.I), "last_night"),
    # (and Turkish: dün, dün gece; evvelsi gün; bugün, bu sabah; bu hafta, geçen hafta, geçen ay)
    # ("the day before yesterday" before "yesterday": the longer phrase is read first)
    (re.compile(r"\b(?:the )?day before yesterday\b|\b(?:evvelsi|önceki)\s+gün\b", re.I), "before_yesterday"),
    (re.compile(r"\b(?:yesterday|ontem|ayer|hier|dün(?:\s+(?:gece|akşam|sabah))?)\b", re.I), "yesterday"),
    (re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|overnight|earlier today|bugün|"
                r"bu\s+(?:sabah|akşam|gece))\b", re.I), "today"),
    (re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|a) days? ago\b", re.I), "days_ago"),
    (re.compile(r"\b(?:earlier )?this week\b|\bbu\s+hafta\b", re.I), "this_week"),
    (re.compile(r"\blast week\b|\b(?:na\s+|la\s+)?semana\s+pas(?:s)?ad[ao]\b|\bla\s+semaine\s+derni[èe]re\b|"
                r"\bgeçen\s+hafta\b", re.I), "last_week"),
    (re.compile(r"\b(?:earlier )?this month\b", re.I), "this_month"),
    (re.compile(r"\blast month\b|\bgeçen\s+ay\b", re.I), "last_month"),
    (re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>" + _MONTH_NAMES + r")\b(?!\s+\d{4})", re.I), "day_month"),
    (re.compile(r"\b(?P<month>" + _MONTH_NAMES + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+\d{4})", re.I), "day_month"),
    (re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>" + _MONTH_NAMES + r")\s+(?P<year>\d{4})\b", re.I), "full_date"),
    (re.compile(r"\b(?P<month>" + _MONTH_NAMES + r")\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I), "full_date"),
    (re.compile(r"\b(?P<next>next |last |this )?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I), "weekday"),
    # a Turkish weekday with its "günü" (day: "pazartesi günü", "geçen cuma günü")
    (re.compile(r"\b(?P<tr_next>geçen\s+)?(?P<weekday>pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar)"
                r"\s+günü\b", re.I), "weekday"),
    # Arabic: the day before yesterday, yesterday ("أمس", "مساء أمس", "الليلة الماضية"), today
    # ("اليوم", "فجر اليوم", "الليلة"), n days ago ("منذ يومين", "قبل ثلاثة أيام"), this and last
    # week and month, a weekday ("يوم الأحد", "الأحد الماضي", "الأحد المقبل") and a date
    # ("7 شباط", "7 شباط 2016"; Eastern Arabic figures too)
    (re.compile(_AR_START + r"(?:أول\s+(?:من\s+)?أمس|أول\s+البارحة)" + _AR_END), "before_yesterday"),
    (re.compile(_AR_START + r"(?:أمس|البارحة|الليلة\s+الماضية)" + _AR_END), "yesterday"),
    (re.compile(_AR_START + r"(?:اليوم|الليلة)" + _AR_END), "today"),
    (re.compile(_AR_START + r"(?:منذ|قبل)\s+(?P<ar_n>يوم|يومين|(?:ثلاثة|أربعة|اربعة|خمسة|ستة|سبعة|[0-9٠-٩]+)\s+أيام)"
                + _AR_END), "days_ago"),
    (re.compile(_AR_START + r"(?:هذا\s+الأسبوع|الأسبوع\s+(?:الحالي|الجاري))" + _AR_END), "this_week"),
    (re.compile(_AR_START + r"(?:الأسبوع|الاسبوع)\s+(?:الماضي|الفائت)" + _AR_END), "last_week"),
    (re.compile(_AR_START + r"(?:هذا\s+الشهر|الشهر\s+(?:الحالي|الجاري))" + _AR_END), "this_month"),
    (re.compile(_AR_START + r"الشهر\s+(?:الماضي|الفائت)" + _AR_END), "last_month"),
    (re.compile(_AR_START + r"(?P<day>[0-9٠-٩]{1,2})\s+(?P<month>" + _AR_MONTHS + r")\s+(?P<year>[0-9٠-٩]{4})"
                + _AR_END), "full_date"),
    (re.compile(_AR_START + r"(?P<day>[0-9٠-٩]{1,2})\s+(?P<month>" + _AR_MONTHS + r")" + _AR_END
                + r"(?!\s*[/(]?\s*[0-9٠-٩])"), "day_month"),
    (re.compile(_AR_START + r"(?:يوم\s+)?(?P<weekday>" + "|".join(_AR_WEEKDAYS) + r")(?:\s+(?P<ar_next>الماضي|الفائت|المقبل|القادم))?"
                + _AR_END), "weekday"),
]


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve_phrase(kind: str, match: re.Match[str], base: dt.date) -> When | None:
    """The day a phrase stands for, relative to the entry's day ``base``."""
    phrase = " ".join(match.group(0).split())
    if kind == "last_night":
        return When(base - dt.timedelta(days=1), "day", phrase)
    if kind == "yesterday":
        return When(base - dt.timedelta(days=1), "day", phrase)
    if kind == "before_yesterday":
        return When(base - dt.timedelta(days=2), "day", phrase)
    if kind == "today":
        return When(base, "day", phrase)
    if kind == "days_ago":
        groups = match.groupdict()
        if groups.get("ar_n"):
            raw = groups["ar_n"].split()[0]
            n = int(raw) if raw.isdigit() else _AR_DAYS[raw]
            return When(base - dt.timedelta(days=n), "day", phrase)
        raw = match.group("n").lower()
        n = int(raw) if raw.isdigit() else _NUMBERS[raw]
        return When(base - dt.timedelta(days=n), "day", phrase)
    if kind == "this_week":
        return When(_monday(base), "week", phrase)
    if kind == "last_week":
        return When(_monday(base) - dt.timedelta(days=7), "week", phrase)
    if kind == "this_month":
        return When(base.replace(day=1), "month", phrase)
    if kind == "last_month":
        first = base.replace(day=1) - dt.timedelta(days=1)
        return When(first.replace(day=1), "month", phrase)
    if kind in ("day_month", "full_date"):
        name = match.group("month")
        month, day = MONTHS.get(name.lower()) or ARABIC_MONTHS[name], int(match.group("day"))
        if kind == "full_date":
            found = _date(int(match.group("year")), month, day)
        else:
            # a date without a year is the nearest such date, looking back at most ~10 months
            found = _date(base.year, month, day)
            if found is not None and (found - base).days > 60:
                found = _date(base.year - 1, month, day)
        return When(found, "day", phrase) if found else None
    if kind == "weekday":
        name = match.group("weekday")
        target = WEEKDAYS.get(name.lower(), _TR_WEEKDAYS.get(name.lower(), _AR_WEEKDAYS.get(name, 0)))
        groups = match.groupdict()
        which = (groups.get("next") or "").strip().lower()
        if groups.get("tr_next"):
            which = "last"
        if groups.get("ar_next"):
            which = "next" if groups["ar_next"] in ("المقبل", "القادم") else "last"
        if which == "next":
            ahead = (target - base.weekday()) % 7 or 7
            return When(base + dt.timedelta(days=ahead), "day", phrase)
        back = (base.weekday() - target) % 7
        if which == "last" and back == 0:
            back = 7
        return When(base - dt.timedelta(days=back), "day", phrase)
    return None


@lru_cache(maxsize=4096)   # a sentence naming many places is read once (and again for drafts)
def _phrases(sentence: str, base: dt.date) -> tuple[tuple[int, int, When], ...]:
    found: list[tuple[int, int, When]] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _RULES:
        for match in pattern.finditer(sentence):
            span = match.span()
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            when = resolve_phrase(kind, match, base)
            taken.append(span)
            if when is not None:
                found.append((span[0], span[1], when))
    return tuple(found)


def find_when(sentence: str, base: dt.date, at: int | None = None) -> When | None:
    """The time phrase of ``sentence`` resolved against ``base``: the first one in reading order,
    or, given the position ``at`` of a place name, the one nearest to it ("a market in A
    yesterday and a bakery in B this morning": A yesterday, B today)."""
    found = _phrases(sentence, base)
    if not found:
        return None
    if at is None:
        return min(found, key=lambda f: f[0])[2]

    def distance(item: tuple[int, int, When]) -> float:
        start, end, _ = item
        # a phrase after the name ("hit A yesterday") binds a little closer than one before it
        return (start - at) if start >= at else 1.5 * (at - end)

    return min(found, key=distance)[2]


#: A day the text names this long before its entry's day is background, not the entry's news.
BACKGROUND_DAYS = 60
#: Month names of the other languages, written out (an abbreviation such as "ago" or "dez" begins
#: its month's name, and "ago" is an English word).
_FOREIGN_MONTHS = {name: n for name, n in FOREIGN_MONTHS.items()
                   if not any(o != name and o.startswith(name) for o, m in FOREIGN_MONTHS.items() if m == n)}
_ANY_MONTH = "|".join(sorted({*MONTHS, *_FOREIGN_MONTHS} - {"may", "mar", "mai"}, key=len, reverse=True))
#: Phrases that set what they stand beside in an earlier time: "last year('s)", "two years ago",
#: "in 2013" (a year before the entry's), "in October" (months before), "the anniversary of";
#: in Portuguese, French and Spanish too. "since 2012" is not among them: what began then goes on.
_PAST_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:last|previous|past)\s+year(?:['’]s)?\b|\bthe\s+year\s+before\b|"
                r"\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)\s+years?\s+ago\b|"
                r"\bno\s+ano\s+passado\b|\bo\s+ano\s+passado\b|\bh[áa]\s+(?:um|dois|tr[êe]s|quatro|cinco|\d+)\s+anos?\b|"
                r"\bl['’]an(?:née)?\s+derni(?:er|ère)\b|\bil\s+y\s+a\s+(?:un|deux|trois|quatre|cinq|\d+)\s+ans?\b|"
                r"\bel\s+año\s+pasado\b|\bhace\s+(?:un|dos|tres|cuatro|cinco|\d+)\s+años?\b", re.I), "ago"),
    (re.compile(r"\b(?:anniversary|aniversário|aniversario|anniversaire)\b", re.I), "anniversary"),
    # "days after they took X": what the clause tells happened before the news it explains
    (re.compile(r"\b(?:(?:a|one|two|three|four|several|\d+)\s+)?(?:days?|weeks?)\s+after\b|"
                r"\b(?:dias|semanas)\s+depois\b|\b(?:d[íi]as|semanas)\s+despu[ée]s\b|"
                r"\b(?:jours|semaines)\s+apr[èe]s\b", re.I), "recap"),
    # a year after a word that introduces one ("in 2013", "August 2013", "early 2014"), or
    # before a stop or "'s" ("Kobani, 2014."); not a count ("2000 refugees"), not "since 2012"
    (re.compile(r"\b(?:in|of|during|by|until|from|early|late|mid|summer|spring|autumn|fall|winter|em|de|en|"
                + _ANY_MONTH + r")\s+(?P<year>1[89]\d\d|20\d\d)\b(?![\d/-])"
                r"|(?<![\d.,$€£/\w-])(?<!since )(?<!desde )(?<!depuis )(?<!منذ )(?P<year2>1[89]\d\d|20\d\d)"
                r"(?=['’]s\b|\s*[,.;:)!?]|\s*$)", re.I), "year"),
    (re.compile(r"\b(?:in|em|en|no\s+mês\s+de)\s+(?:de\s+)?(?P<month>" + _ANY_MONTH + r")\b(?!\s+(?:de\s+)?\d)", re.I), "month"),
    # Turkish: last year ("geçen yıl", "geçen sene"), n years ago ("iki yıl önce"), a year
    # ("2013 yılında", in 2013)
    (re.compile(r"\bgeçen\s+(?:yıl|sene)\b|\b(?:bir|iki|üç|dört|beş|birkaç|\d+)\s+(?:yıl|sene)\s+önce\b",
                re.I), "ago"),
    (re.compile(r"\b(?P<year>1[89]\d\d|20\d\d)\s+yılında\b", re.I), "year"),
    # Arabic: last year, n years ago ("العام الماضي", "قبل عامين"), a year after "عام", "سنة"
    # or "في" ("عام ٢٠١٤"); not "منذ" (since: what began then goes on)
    (re.compile(_AR_START + r"(?:(?:العام|السنة)\s+(?:الماضي|الماضية|الفائت|السابق)|"
                r"(?:قبل)\s+(?:عام|عامين|سنة|سنتين|(?:[0-9٠-٩]+|ثلاثة|أربعة|خمسة)\s+(?:أعوام|سنوات)))" + _AR_END), "ago"),
    (re.compile(r"(?<!منذ )" + _AR_START + r"(?:عام|العام|سنة|في)\s+(?P<year>[0-9٠-٩]{4})(?![0-9٠-٩])"), "year"),
]
#: Where a clause ends: a time phrase binds to the names of its own clause.
_CLAUSE = re.compile(r"[,;:()\[\]“”\"—–،؛]|\s-\s|\b(?:but|while|whereas|mas|enquanto|tandis|pero|mientras|"
                     r"بينما|فيما|لكن|غير\s+أن)\b", re.I)


#: A quick test: a sentence without any of these holds no phrase of _PAST_RULES.
_PAST_HINT = re.compile(r"\d|year|ago|anniv|aniv|ano|an\b|année|años|\b(?:in|em|en|no)\s|after|depois|despu|apr[èe]s|"
                        r"geçen|önce|العام|السنة|قبل", re.I)


@lru_cache(maxsize=4096)   # a long report repeats its sentences under many entries
def _past_marks(sentence: str) -> tuple[tuple[int, int, str, str, int], ...]:
    """(start, end, phrase, kind, year or month number) of the phrases of ``sentence`` that can
    set something in an earlier time, whatever the entry's day."""
    if not _PAST_HINT.search(sentence):
        return ()
    out = []
    for pattern, kind in _PAST_RULES:
        for match in pattern.finditer(sentence):
            number = 0
            if kind == "year":
                number = int(match.group("year") or match.group("year2"))
            elif kind == "month":
                name = match.group("month").lower()
                number = MONTHS.get(name) or _FOREIGN_MONTHS[name]
            out.append((match.start(), match.end(), " ".join(match.group(0).split()), kind, number))
    return tuple(out)


_A_MONTH = re.compile(r"\b(?:" + _MONTH_NAMES + r")\b", re.I)


@lru_cache(maxsize=4096)
def _may_be_past(sentence: str) -> bool:
    """False for a sentence that holds no phrase of an earlier time whatever the entry's day
    (most sentences: they are passed over at once)."""
    return bool(_past_marks(sentence)) or bool(_A_MONTH.search(sentence))


def _past_phrases(sentence: str, base: dt.date) -> list[tuple[int, int, str, bool]]:
    """(start, end, phrase, binds to its clause only) of every phrase of ``sentence`` that
    sets something in an earlier time than ``base`` (the entry's day)."""
    out: list[tuple[int, int, str, bool]] = []
    for start, end, phrase, kind, number in _past_marks(sentence):
        if kind == "year" and number >= base.year:
            continue
        if kind == "month" and (base.month - number) % 12 < 2:   # this month or last: the day's news
            continue
        out.append((start, end, phrase, kind in ("anniversary", "recap")))
    for start, end, when in _phrases(sentence, base):
        if when.precision == "day" and (base - when.day).days > BACKGROUND_DAYS:
            out.append((start, end, when.phrase, False))
    return out


def _clause(sentence: str, at: int) -> tuple[int, int]:
    """The start and end of the clause of ``sentence`` that holds position ``at``."""
    start, end = 0, len(sentence)
    for match in _CLAUSE.finditer(sentence):
        if match.end() <= at:
            start = match.end()
        elif match.start() > at:
            end = match.start()
            break
    return start, end


#: A clause opened by a relative pronoun ("which", "who", "que", "qui").
_RELATIVE = re.compile(r"\s*(?:which|who|que|qui|quien|quienes)\b", re.I)
#: A quick test: a sentence without a relative pronoun after a comma holds no such clause.
_RELATIVE_HINT = re.compile(r"[,;(—–]\s*(?:which|who|que|qui|quien|quienes)\b", re.I)
#: How far (characters) before and after a name a phrase of an earlier time may stand.
BEFORE_CHARS = 25
AFTER_CHARS = 70
ANNIVERSARY_CHARS = 80


def background(sentence: str, base: dt.date, at: int) -> str | None:
    """The phrase that sets the name at ``at`` in an earlier time than the entry's day ``base``
    ("last year's Bangkok bombing", "seized Menagh in August 2013", "on October 31" months
    before), or None. The phrase must be the time phrase nearest to the name in its clause,
    or open the sentence ("In 2013, rebels seized Menagh")."""
    maybe = _may_be_past(sentence)
    if not maybe and not _RELATIVE_HINT.search(sentence):
        return None
    past = _past_phrases(sentence, base) if maybe else []
    start, end = _clause(sentence, at)
    # in the clause, and close: a phrase before the name binds only next to it ("last year's
    # Bangkok bombing", not "strikes that began in September 2015 pushed on to Tell Rifaat")
    # ("the anniversary of the first protest in Daraa" reaches a little farther)
    end = min(end, at + AFTER_CHARS)
    candidates = [(s, e, phrase, True) for s, e, phrase, clause_only in past
                  if max(start, at - (ANNIVERSARY_CHARS if clause_only else BEFORE_CHARS)) <= s and e <= end]
    candidates += [(s, e, phrase, True) for s, e, phrase, clause_only in past
                   if not clause_only and s <= 3 and _clause(sentence, s)[1] < at
                   and not (start <= s and e <= end)]
    # a clause that recalls what someone did before ("the militia, which seized X last week,
    # took Y on Monday"): an earlier day or week of that clause is background too
    relative = _RELATIVE.match(sentence, start)
    recalled = [(s, e, w.phrase, True) for s, e, w in _phrases(sentence, base)
                if relative is not None and start <= s and e <= end and w.day < base - dt.timedelta(days=1)]
    candidates += recalled
    if not candidates:
        return None
    # a phrase of the day's news nearer to the name in the same clause wins; one after the name
    # binds closer than one before it ("rebels who lost Azaz in 2013 retook Tell Rifaat on
    # Monday": Tell Rifaat on Monday)
    current = [(s, e, w.phrase, False) for s, e, w in _phrases(sentence, base)
               if start <= s and e <= end and (base - w.day).days <= BACKGROUND_DAYS
               and not any(s == r[0] for r in recalled)]

    def distance(item: tuple[int, int, str, bool]) -> float:
        s, e = item[0], item[1]
        return (s - at) if s >= at else 3.0 * (at - e)

    nearest = min(candidates + current, key=distance)
    return nearest[2] if nearest[3] else None

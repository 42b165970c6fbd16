"""Place names in the sentences of a report written in Cyrillic letters (Russian, Ukrainian).

Russian capitalises names as English does, joins an Arabic name's parts with hyphens ("Тель-
Рифаат", "Дейр-эз-Зор", "Мааррат ан-Нууман") and declines them: "у Азаза" (near Azaz), "в
Хомсе" (in Homs), "Нубля и Захры" (of Nubl and Zahra). A name is a run of capitalised words (and
articles joined to the next word, "ан-Нууман") of up to :data:`MAX_WORDS` words; its last word is
looked up as written and without its case ending (see :func:`case_forms`), and the gazetteer
reads the Cyrillic letters as Latin romanisations spell Arabic names (see
:func:`gazetteer.normalize.cyrillic_readings`).

A name is taken where Russian reporting puts one:

* after a word of its kind (город, деревня, село, населённый пункт, квартал, аэродром...), of its
  province (провинция: the place as a region), of nearness or direction (около, возле, под,
  севернее, к северу от: near it), or a preposition (в, у, из, на...);
* inside a sentence, capitalised, when the gazetteer knows it by its very name (a town, or a
  village among the report's other places);
* opening a sentence only when it is a town (every sentence's first word has a capital).

A run that begins with a common given name, ends with a leader's surname or has a patronymic is a
person; a group's name ("Хайят Тахрир аш-Шам") is none; a word in capitals of a few letters is an
acronym (САР, ИГИЛ, ВКС), and a line in capitals a heading; names of countries are countries; the
first word of an Arabic name ("Кафр", "Тель") is no place alone. A capital right before a verb
of saying or acting, or in a sentence that tells of no event there, stands for its government
("Дамаск заявил"); where someone speaks ("заявили в Дамаске") is no incident; a place and a
comma and a date, or in capitals and a dash, opening a paragraph ("АЛЕППО, 4 февраля") is the
dateline: the bureau when far from the report's places. The report's places are the context of
each name (two passes, as for other languages: see :mod:`mapgen.ingest.passes`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from mapgen.ingest import lexicon as lx
from mapgen.ingest.kinds import tells_of_event
from mapgen.ingest.mentions import (AREA_FEATURES, CAPITAL, GOVERNMENT, SPEAKS, Found, Mention,
                                     PlaceLookup)
from mapgen.ingest.passes import TwoPassFinder
from mapgen.ingest.sentences import Sentence

_LETTERS = "А-Яа-яЁёІіЇїЄєҐґ"
#: A word in Cyrillic letters, its parts joined by hyphens or apostrophes ("Дейр-эз-Зор",
#: "Даръа", Ukrainian "Дар'а").
_WORD = re.compile(rf"[{_LETTERS}]+(?:[-'’ʼ][{_LETTERS}]+)*")
_CYRILLIC = re.compile(rf"[{_LETTERS}]")
_LATIN = re.compile(r"[A-Za-z]")
#: An Arabic article joined to the capitalised word after it, written small ("ан-Нууман",
#: "аль-Асаль", "эз-Зор"): part of a name.
_ARTICLE_NAME = re.compile(r"^(?:аль|эль|ал|ель|ас|эс|ес|аш|эш|ад|эд|ед|ар|эр|ер|аз|эз|ез|ан|эн|"
                           r"ен|ат|эт|ет|ль)-[А-ЯЁІЇЄҐ]")
#: A sentence whose letters are capitals beyond this share is a heading (see ``_read``).
SHOUTED_SHARE = 0.6
#: Longest name looked for, in words.
MAX_WORDS = 4
#: A place named without a word of its kind before it must be a town, or lie this close to
#: another place of the report: capitalised words are people's and groups' names too.
TOWN_POPULATION = 10_000
SEAT_CODES = frozenset({"PPLC", "PPLA", "PPLA2"})
VILLAGE_KM = 50.0
#: Case endings of nouns, longest first: the word without one, then with the nominative's
#: ending added back (-а, -я; -ь after the endings of a soft stem: "Захры" is Захра, "Нубля"
#: Нубль, "Хрейтана" Хрейтан).
CASE_ENDINGS = ("ами", "ями", "ого", "ему", "ому", "ой", "ей", "ом", "ем", "ою", "ею", "ам",
                "ям", "ах", "ях", "а", "у", "е", "ы", "и", "ю", "я", "і", "ї")
NOMINATIVE_ENDINGS = ("", "а", "я")
SOFT_ENDINGS = frozenset({"я", "ю", "е", "и", "ей", "ем", "ею", "ям", "ями", "ях", "і", "ї"})
#: Endings of other cases than the nominative only ("Табку", "Хамой", "Алеппским"); -а, -я, -е,
#: -и, -ы may end a name in the nominative ("Асрия", "Мескене", "Камышлы").
OBLIQUE_ENDINGS = ("у", "ю", "ой", "ей", "ом", "ем", "ою", "ею", "ам", "ям", "ами", "ями",
                   "ах", "ях")
#: How much more a name's stem must score than the name as written to be taken for it (how
#: much less, when the written ending is of other cases only).
STEM_MARGIN = 0.06

#: The first words of armed groups' names ("Хайят Тахрир аш-Шам", "Джебхат ан-Нусра", "Ахрар
#: аш-Шам", "Джейш аль-Ислам", "Исламское государство"): the run is the group's, no place.
GROUP_HEADS = frozenset("""хайят хайат хайъат джебхат джабхат фронт ахрар джейш джаиш харакат
фейлак файлак лива катаиб ансар исламское исламского исламским исламском""".split())
#: The first words of Arabic names (village, hill, monastery, inn, spring, well, father, mother,
#: mountain, ruin, house, gate, head, sheikh): no place by themselves before the rest of a name.
NAME_HEADS = frozenset("""кафр кфар кефр кфр тель телль тал дейр дайр хан айн эйн бир абу умм ум
джебель джабаль хирбет хирбат бейт бет баб рас шейх шех""".split())
#: Stems of words of a place's kind (the name follows: "деревня Майер", "в городе Азаз");
#: "населённый пункт" and its plural, by its first word.
KIND_STEMS = ("город", "деревн", "деревен", "сел", "сёл", "посёл", "посел", "населённ", "населен",
              "кварта", "микрорайон", "лагер", "аэродром", "авиабаз", "аэропорт", "кпп", "высот",
              "плотин", "мост", "тюрьм", "крепост", "цитадел", "пункт", "міст")
#: Kind words that name many at once: a list of names follows, parted by commas and "и".
PLURAL_KIND_WORDS = frozenset("""деревни деревень деревнях деревнями сёла села сёл сел населённые
населенные населённых населенных пункты пунктов пунктах города городов городах кварталы
кварталов кварталах посёлки поселки посёлков поселков высоты высот села селища міста містечка
селах""".split())
#: The province or district of a place: the place as a region ("провинции Идлиб").
REGION_STEMS = ("провинц", "мухафаз", "губернатор", "област", "округ")
#: Nearness and direction: near the place ("около Азаза", "под Алеппо", "к северу от Хамы",
#: "в районе Хрейтана", in the area of Hraytan).
NEAR_WORDS = frozenset("""около возле близ вблизи недалеко рядом под севернее южнее западнее
восточнее северо-западнее северо-восточнее юго-западнее юго-восточнее поблизу біля
неподалік""".split())
NEAR_STEMS = ("окрестност", "окраин", "пригород", "предмест", "подступ", "окол", "район")
DIRECTION_STEMS = ("север", "юг", "запад", "восток", "північ", "півден", "захід", "схід")
#: Prepositions before a place ("в", "у", "из", "на"...).
PREPOSITIONS = frozenset("в во у из на к ко до от через между за с со по при над з із".split())
#: Verbs of saying and acting: a capital right before one stands for its government.
GOVERNMENT_VERBS = ("заяв", "сообщ", "обвин", "призв", "потребов", "требу", "отверг", "счита",
                    "предупред", "пригроз", "осуд", "направ", "признал", "опроверг", "настаива")
#: Verbs of saying: "заявили в Дамаске" (said in Damascus) is no incident there.
SPEECH_STEMS = ("заяв", "сообщ", "сказал", "рассказ", "отмет", "подчеркн", "уточн", "передает",
                "передаёт", "пишет", "выступ", "брифинг", "пресс-конференц", "переговор", "встреч")
_THAT = frozenset("что чтобы как".split())
_AND = frozenset("и й та".split())
#: How the gazetteer matched a name it knows by its spelling (a Cyrillic name's reading).
_SPELLED = frozenset({"exact", "alternate", "loose"})
SPEAKER_WORDS = 8
#: A name opening a paragraph, then a comma and a date, or in capitals and a dash: a dateline
#: ("АЛЕППО, 4 февраля — РИА Новости", "Дамаск, 4 фев. /ТАСС/", "ХАМА —"). A dash after a name
#: in small letters is a copula ("Ракка — город на севере Сирии": Raqqa is a city...).
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?[,.]\s*\d{1,2}\s+[а-яё]", re.I)
_DASH_AFTER = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?[-–—]")
#: Given names (Russian, and Arabic ones as Russian spells them): a run beginning with one is a
#: person ("Али Майхуб", "Сергей Рудской"); so is one with a patronymic (-ович, -евна).
GIVEN_NAMES = frozenset("""александр алексей анатолий андрей антон борис вадим валентин валерий
василий виктор виталий владимир владислав вячеслав геннадий георгий григорий дмитрий евгений
иван игорь илья кирилл константин леонид максим михаил николай олег павел пётр петр роман
сергей станислав степан юрий ярослав анна елена екатерина мария наталья ольга татьяна ирина
светлана юлия марина валентина любовь людмила ангела
али ахмед ахмад мухаммед мухаммад мохаммед махмуд мустафа омар умар хасан хусейн халид
абдулла абдель башар хафез асма рами фарук юсеф юсуф ибрагим исмаил салим салех сулейман
джамиль валид фейсал камаль хайсам махер реджеп мевлют хулуси""".split())
#: Surnames of the war's leaders and spokesmen, some of them villages' names too (Асад).
SURNAMES = frozenset("""асад ассад путин лавров шойгу конашенков рудской трамп обама керри
байден эрдоган чавушоглу давутоглу акар мистура насралла хаменеи сулеймани джолани багдади
мазлум абди""".split())
_PATRONYMIC = re.compile(r"(?:ович|евич|овна|евна|ична)$")
#: Countries by their Russian and Ukrainian names (stems: they decline).
COUNTRY_STEMS = {
    "сири": "SY", "сирі": "SY", "турци": "TR", "туреччин": "TR", "ливан": "LB", "ирак": "IQ",
    "ірак": "IQ", "иордани": "JO", "йордані": "JO", "израил": "IL", "ізраїл": "IL",
    "палестин": "PS",
    "росси": "RU", "росі": "RU", "иран": "IR", "іран": "IR", "египт": "EG", "єгипт": "EG",
    "сша": "US", "америк": "US", "франци": "FR", "германи": "DE", "британи": "GB",
    "кипр": "CY", "катар": "QA", "саудовск": "SA", "украин": "UA", "україн": "UA",
}


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_acronym(self) -> bool:
        """A word in capitals of up to four letters: an acronym (САР, ИГИЛ, ВКС, США) --
        unless it opens a sentence, where a dateline's place is written so ("ХАМА —")."""
        return len(self.text) <= 4 and self.text.isupper()


def is_cyrillic(text: str) -> bool:
    """True when ``text`` is written mostly in Cyrillic letters."""
    cyrillic = len(_CYRILLIC.findall(text))
    return cyrillic > 0 and cyrillic >= len(_LATIN.findall(text))


def case_forms(word: str) -> list[str]:
    """``word`` as written, then without a case ending and with the nominative's endings added
    back: "Азаза" -> "Азаза", "Азаз", ...; "Нубля" -> ..., "Нубль"; "Хомсе" -> "Хомс". A stem of
    fewer than three letters is none.

    >>> case_forms("Азаза"), case_forms("Нубля")[:4]
    (['Азаза', 'Азаз', 'Азазя'], ['Нубля', 'Нубл', 'Нубла', 'Нубль'])
    """
    out = [word]
    low = word.lower()
    for ending in CASE_ENDINGS:
        if low.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[:-len(ending)]
            endings = NOMINATIVE_ENDINGS + (("ь",) if ending in SOFT_ENDINGS else ())
            for nominative in endings:
                form = stem + nominative
                if form.lower() != low and form not in out:
                    out.append(form)
    return out


#: Adjectives of direction before a name, by their stem (the word without its two-letter
#: ending, "Восточная", "Восточной"), as the gazetteer's names write them ("Восточная Гута":
#: Eastern Ghouta).
_DIRECTIONS = {"восточн": "Eastern", "западн": "Western", "северн": "Northern", "южн": "Southern",
               "східн": "Eastern", "західн": "Western", "північн": "Northern",
               "південн": "Southern"}


#: The Golan Heights, as Russian and Ukrainian write them: an adjective, then "heights".
_GOLAN = ("голанск", "голанськ")
_HEIGHTS = ("высот", "висот")


def _shown(words: Sequence[_Word], name: str) -> str:
    """How a mention is shown: the name as looked up, unless its words were put in English for
    the gazetteer (then as written)."""
    if any(w.low[:-2] in _DIRECTIONS for w in words[:-1]):
        return " ".join(w.text for w in words)
    return name


def _stem_in(word: str, stems: Sequence[str]) -> bool:
    return any(word.startswith(stem) for stem in stems)


def _cue(word: str) -> str:
    """What a word (lower case) says of the name after it: ``kind``, ``region``, ``near``,
    ``preposition`` or "" (none)."""
    if _stem_in(word, KIND_STEMS):
        return "kind"
    if _stem_in(word, REGION_STEMS):
        return "region"
    if word in NEAR_WORDS or _stem_in(word, NEAR_STEMS) or _stem_in(word, DIRECTION_STEMS):
        return "near"
    if word in PREPOSITIONS:
        return "preposition"
    return ""


def _country(word: str) -> str | None:
    low = word.lower()
    for stem, code in COUNTRY_STEMS.items():
        if low.startswith(stem) and len(low) - len(stem) <= 3:
            return code
    return None


def _is_person(words: Sequence[_Word]) -> bool:
    """Whether the run of ``words`` names a person: a given name first, a known surname, or a
    patronymic, in any case ("Башара Асада": of Bashar al-Assad)."""
    first = {form.lower() for form in case_forms(words[0].text)}
    last = {form.lower() for form in case_forms(words[-1].text)}
    return bool(first & GIVEN_NAMES) or bool(last & SURNAMES) or any(
        _PATRONYMIC.search(w.low) for w in words)


def _name_word(word: _Word, opening: bool = False) -> bool:
    """Whether ``word`` can be part of a name: capitalised, not an acronym (but for the word
    ``opening`` a sentence), or an article joined to a capitalised word."""
    return (word.is_cap and (opening or not word.is_acronym)) \
        or _ARTICLE_NAME.match(word.text) is not None


#: How much the words before a name say it is one.
_CUE_STRENGTH = {"kind": 3, "place": 2, "preposition": 1, "": 0}


class CyrillicFinder(TwoPassFinder):
    """Place mentions of sentences written in Cyrillic letters (see the module's doc)."""

    NEAR_KM = VILLAGE_KM

    def _read(self, sentence: Sentence, found: Found) -> None:
        text = sentence.text
        words = [_Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
        letters = [ch for ch in text if ch.isalpha()]
        # a line in capitals (a heading, a site's banner) names a place by its first word only:
        # a dateline's ("РЕСПУБЛИКАЛЫҚ ... РЕСМИ САЙТЫ": no Rasm al-Alam)
        shouted = sum(ch.isupper() for ch in letters) > SHOUTED_SHARE * len(letters)
        if shouted:
            words = words[:1]
        cue, precision, run, listed = "", "exact", 0, False
        i = 0
        while i < len(words):
            word = words[i]
            name_word = _name_word(word, i == 0)
            said = "" if name_word else _cue(word.low)
            if said:
                if not cue:
                    run = i
                listed = listed or (said == "kind" and word.low in PLURAL_KIND_WORDS)
                if said == "region":
                    precision = "region"
                elif said == "near" and precision != "region":
                    precision = "near"
                said = "place" if said in ("region", "near") else said
                if _CUE_STRENGTH[said] > _CUE_STRENGTH[cue]:
                    cue = said
                i += 1
                continue
            if not name_word:
                # "и" (and) between names carries the cue on ("деревни Майер и Хрейтан")
                if not (cue and word.low in _AND and i + 1 < len(words)
                        and _name_word(words[i + 1])):
                    cue, precision, listed = "", "exact", False
                i += 1
                continue
            last = i
            while last + 1 < len(words) and last - i + 1 < MAX_WORDS \
                    and _name_word(words[last + 1]) \
                    and not text[words[last].end:words[last + 1].start].strip():
                last += 1
            end = self._name_at(sentence, words, i, last, cue, precision, found,
                                run if cue else i, listed)
            if end is None:
                # a name may begin inside the run, at a capital ("Восточной Гуте": Гута)
                i += 1
                while i <= last and not words[i].is_cap:
                    i += 1
            else:
                i = end
            between = text[words[i - 1].end:words[i].start].strip() if i < len(words) else "."
            if listed and between in (",", ""):
                cue = cue or "preposition"
            elif not (cue and between == "" and i < len(words) and words[i].low in _AND):
                cue, precision, listed = "", "exact", False

    def _name_at(self, sentence: Sentence, words: list[_Word], i: int, last: int, cue: str,
                 precision: str, found: Found, run: int, listed: bool) -> int | None:
        """The end (word index) of the name found in words ``i``..``last``, recorded in
        ``found``; None when there is none."""
        if words[i].low in GROUP_HEADS:
            return last + 1   # ("Хайят Тахрир аш-Шам": no Damascus, al-Sham, in it)
        if i + 1 < len(words) and words[i + 1].low.startswith(_HEIGHTS) \
                and words[i].low.startswith(_GOLAN):
            # "Голанские высоты" (its adjective declined, its noun in small letters)
            mention = self._mention(sentence, words, i, 1, "Golan Heights", cue, "region",
                                    run, listed)
            if mention is not None:
                mention.text = f"{words[i].text} {words[i + 1].text}"
                (found.mentions if mention.status == "resolved" else found.unresolved
                 ).append(mention)
            return i + 2
        if _is_person(words[i:last + 1]):
            found.people.add(" ".join(w.text for w in words[i:last + 1]))
            return last + 1
        doubt: tuple[Mention, int] | None = None
        for n in range(last - i + 1, 0, -1):
            if n == 1 and last > i and words[i].low in NAME_HEADS:
                break   # ("Кафр Батики": no village Kafr, whatever the gazetteer lacks)
            if n == 1 and _country(words[i].text) is not None:
                found.countries.append((sentence, str(_country(words[i].text))))
                return i + 1
            name = self._likeliest_form(words[i:i + n])
            if name is None:
                continue
            mention = self._mention(sentence, words, i, n, name, cue, precision, run, listed)
            if mention is not None and name != (shown := _shown(words[i:i + n], name)):
                mention.text = shown
            if mention is None:
                continue
            if mention.status == "resolved":
                found.mentions.append(mention)
                return i + n
            if doubt is None:
                doubt = (mention, i + n)
        if doubt is not None:
            found.unresolved.append(doubt[0])
            return doubt[1]
        return None

    def _likeliest_form(self, words: Sequence[_Word]) -> str | None:
        """The name of ``words`` in the case form (see :func:`case_forms`) the gazetteer knows
        best: the highest score of those it places or is in doubt about by their spelling, the
        form as written lifted by :data:`STEM_MARGIN` (or lowered, when its ending is of other
        cases only: "Сальму" is Salma), the form written first of equal ones ("Азаза" is Azaz,
        not the village of Azaza; "Асрия" is Ithriya, not Asri in Turkey; "Эз-Захра" is in doubt
        among the Zahras, not the one Zahr). None when it knows none."""
        head = " ".join(_DIRECTIONS.get(w.low[:-2], w.text) for w in words[:-1])
        written = words[-1].text
        # (a name as written may be its nominative, unless its ending is only of other cases)
        lift = -STEM_MARGIN if written.lower().endswith(OBLIQUE_ENDINGS) else STEM_MARGIN
        best: tuple[float, str] | None = None
        for form in case_forms(written):
            name = f"{head} {form}" if head else form
            # (without the report's places: each form's own point would be context to the
            # others, a form told apart by its spelling alone)
            result = self.lookup.resolve(name, context=False)
            if result.status == "unresolved" or getattr(result, "match", "") not in _SPELLED:
                continue
            score = result.score + (lift if form == written else 0.0)
            if best is None or score > best[0]:
                best = (score, name)
        return None if best is None else best[1]

    def _mention(self, sentence: Sentence, words: list[_Word], i: int, n: int, name: str,
                 cue: str, precision: str, run: int, listed: bool) -> Mention | None:
        """The mention of ``name`` (words ``i`` to ``i + n``), when the gazetteer's answer is one
        for the words before it."""
        result = self.lookup.resolve(name)
        match = getattr(result, "match", "")
        start, end = words[i].start, words[i + n - 1].end
        opening = i == 0 or sentence.text[:words[i].start].strip(" «\"“—–-") == ""
        spelled = match in _SPELLED
        if result.status == "ambiguous" and spelled and (cue in ("kind", "place") or listed):
            return Mention(name, sentence, start, "ambiguous", score=result.score,
                           precision=precision, alternatives=tuple(result.alternatives), cue=cue)
        place = result.place
        if result.status != "resolved" or not spelled or place is None \
                or place.feature_code.startswith(("PCL", "ADM")):
            return None
        town = place.population >= TOWN_POPULATION or place.feature_code in SEAT_CODES
        if opening and not cue and not town:
            return None   # (every sentence's first word has a capital)
        if cue != "kind" and not listed and not town and not self._among_report(place, name):
            return None
        countries = self.lookup.countries
        capital = lx.is_capital(place)
        dateline = opening and (_DATELINE_AFTER.match(sentence.text, end) is not None or (
            sentence.text[start:end].isupper() and _DASH_AFTER.match(sentence.text, end)))
        if n == 1 and words[i].is_acronym and not dateline:
            return None   # (an acronym opening a sentence: "РЕСМ", no Rasm al-Alam)
        if countries and place.country not in countries and not capital and not dateline:
            return None   # (a town abroad: no incident of the map's)
        if place.feature_code in AREA_FEATURES:
            precision = "region"   # (an area: "Восточная Гута", Eastern Ghouta)
        mention = Mention(name, sentence, start, "resolved", place, result.score, precision,
                          cue=cue)
        after = words[i + n].low if i + n < len(words) else ""
        if dateline:
            mention.role, mention.reason = self._dateline_role(place, name)
        elif capital and _stem_in(after, GOVERNMENT_VERBS):
            mention.role, mention.reason = "speaker", GOVERNMENT
        elif _spoken_from(words, run):
            mention.role, mention.reason = "speaker", SPEAKS
        elif capital and not tells_of_event(sentence.text):
            mention.role, mention.reason = "speaker", CAPITAL
        return mention


def _spoken_from(words: Sequence[_Word], run: int) -> bool:
    """Whether the place whose cue begins at word ``run`` is where someone speaks: "в" (in) or
    "из" (from) before it, and a verb of saying a few words before that, with no "что" (that)
    between."""
    at = run if run < len(words) and words[run].low in ("в", "во", "из") else run - 1
    if at < 1 or words[at].low not in ("в", "во", "из"):
        return False
    for k in range(at - 1, max(-1, at - 1 - SPEAKER_WORDS), -1):
        if words[k].low in _THAT:
            return False
        if _stem_in(words[k].low, SPEECH_STEMS):
            return True
    return False


def find_cyrillic_mentions(lookup: PlaceLookup, sentences: Sequence[Sentence],
                           context: Sequence[tuple[str, tuple[float, float]]] = ()) -> Found:
    """Place mentions of ``sentences`` (written in Cyrillic letters), resolved with ``lookup``;
    ``context``: the places the report's other sentences name."""
    return CyrillicFinder(lookup, sentences).run(context)

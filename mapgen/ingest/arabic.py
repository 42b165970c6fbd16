"""Place names in the sentences of a report written in Arabic.

Arabic has no capitals to tell a name by, and writes the conjunction, a preposition and the
article onto the word ("وبإعزاز": "and in Azaz"). A name is looked for where Arabic reporting
puts one:

* after a word of its kind -- a town, village or quarter (مدينة, بلدة, قرية, حي, مخيم), or a
  facility (معبر crossing, مطار airport, سد dam; such a word may begin the name itself: "سد
  تشرين", Tishrin Dam);
* after the countryside or province of a place (ريف, محافظة: the place as a region), or a word
  of nearness or direction (قرب near, محيط around, شمال north of: near it);
* after a preposition (في in, من from, إلى to, على on, نحو towards), when the gazetteer knows the
  words by their very Arabic name;
* on its own, when it is the Arabic name of a town.

Each name is the longest run of up to :data:`MAX_WORDS` words (the first without the letters
written onto it) that the gazetteer resolves by its Arabic name -- never by a look-alike
spelling, which common words have by the hundred ("المعارضة", the opposition, spells a village
loosely). After a word of a place's kind, a name the gazetteer is in doubt about is listed for the
editor, and "و" (and) carries the kind on to the next name ("قرى كفين وماير": the villages of
Kafin and Mayer). Names of countries (تركيا, Turkey, is also an OCHA community) are countries,
not places.

A capital named in a sentence that tells of no event there, or right after a verb of saying or
acting ("اتهمت دمشق", Damascus accused), stands for its government; where someone speaks ("قال
مسؤولون في كلس", officials in Kilis said) is no incident; a place outside the map's countries is
no incident of the map; and a place and a dash opening a paragraph ("حلب - خاص") is the dateline:
the bureau when far from the report's places. The report's places are the context of each name (two
passes, as for other languages; see :mod:`mapgen.ingest.mentions`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from mapgen.ingest import lexicon as lx
from mapgen.ingest.kinds import tells_of_event
from mapgen.ingest.mentions import CAPITAL, GOVERNMENT, SPEAKS, Found, Mention, PlaceLookup
from mapgen.ingest.passes import TwoPassFinder
from mapgen.ingest.sentences import Sentence
from mapgen.ingest.textkeys import ARABIC_SCRIPT_LETTERS

#: A word in Arabic script: letters, with the marks of vowels and tatweel among them (a run of
#: tatweel alone is a dash, "حلب ــ الأخبار", and a mark alone no word).
_WORD = re.compile(rf"[\u0640\u064b-\u0652\u0670]*[{ARABIC_SCRIPT_LETTERS}]"
                   rf"[{ARABIC_SCRIPT_LETTERS}\u0640\u064b-\u0652\u0670]*")
_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile(f"[{ARABIC_SCRIPT_LETTERS}]")
#: Longest name looked for, in words.
MAX_WORDS = 4
#: A place named on its own, with no word before it to say it is one, must be a town: this many
#: people, or a seat of government.
TOWN_POPULATION = 10_000
SEAT_CODES = frozenset({"PPLC", "PPLA", "PPLA2"})

#: Words of a place's kind: the name follows ("بلدة إعزاز", the town of Azaz).
SETTLEMENT_WORDS = frozenset("""مدينة مدن مدينتي بلدة بلدات بلدتي قرية قرى قريتي حي أحياء احياء
ناحية منطقة مناطق مخيم مخيمات مزرعة مزارع""".split())
#: Words of a facility: the name follows, or they begin it ("سد تشرين", "معبر باب السلامة").
FACILITY_WORDS = frozenset("معبر مطار سد سجن قاعدة جسر دوار قلعة جبل تلة محطة".split())
#: Words of a kind that name many at once: a list of names follows, its items parted by commas
#: as well as "و" ("بلدتي (بيانون، وتل مصيبين)").
PLURAL_KIND_WORDS = frozenset("""مدن مدينتي بلدات بلدتي قرى قريتي أحياء احياء مناطق مخيمات مزارع
بلدتا قريتا""".split())
#: A village named after a preposition only (no word of its kind before it), or spelled only
#: loosely, must lie this close to another place of the report: common words are villages'
#: names by the hundred ("من خلاله", through it: Khlaleh, 158 km off).
PREPOSITION_VILLAGE_KM = 50.0
#: The countryside or province of a place: the place as a region ("ريف حلب الشمالي").
REGION_WORDS = frozenset("ريف أرياف ارياف محافظة بادية".split())
#: Nearness and direction: near the place ("قرب إعزاز", "بالقرب من", "شمال حلب").
NEAR_WORDS = frozenset("قرب قريب قريبة محيط محيطة أطراف اطراف مشارف جوار ضواحي تخوم مؤدية".split())
DIRECTION_WORDS = frozenset("شمال جنوب شرق غرب شمالي جنوبي شرقي غربي".split())
#: Prepositions before a place.
PREPOSITIONS = frozenset("""في من إلى الى على نحو باتجاه اتجاه عند داخل حتى بين لدى قبالة تحت
فوق عبر ضد""".split())
#: Verbs of saying and acting: a capital right after one stands for its government.
GOVERNMENT_VERBS = frozenset("""قال قالت أعلن أعلنت اعلن اعلنت اتهم اتهمت أكد أكدت اكد اكدت طالب
طالبت حذر حذرت نفى نفت دعا دعت هدد هددت رفض رفضت وافق وافقت صرح صرحت أرسل أرسلت ترى يرى""".split())
#: Verbs of saying: "قال مسؤولون في كلس" (officials in Kilis said): someone speaks there, unless
#: "that" (إن, أن) comes between, which opens what was said ("قال ناشطون إن غارات استهدفت
#: عندان": activists said airstrikes hit Anadan).
SPEECH_VERBS = frozenset("""قال قالت أعلن أعلنت اعلن اعلنت صرح صرحت أكد أكدت اكد اكدت ذكر ذكرت
أفاد أفادت افاد افادت أوضح أوضحت اوضح اوضحت تحدث تحدثت أضاف أضافت اضاف اضافت""".split())
_THAT = frozenset("إن أن بأن وأن ان بان".split())
#: Words looked back over for a verb of saying before "في" (the speaker may be named at length).
SPEAKER_WORDS = 8
#: A dash after the name opening a paragraph, perhaps after the agency in brackets: a dateline
#: ("حلب - خاص", "حلب (قاسيون) -").
_DATELINE_DASH = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?[-–—]")
#: Common words that are also a town's name, never a place on their own: "الباب" is the door
#: as well as al-Bab, "الثورة" the revolution as well as al-Thawrah; after a word of its kind,
#: a village of the name only among the report's places ("منطقة الجزيرة", the Jazira of the
#: Euphrates, is no village of al-Jazira 300 km off).
COMMON_WORDS = frozenset("الباب الثورة السلام النصر الحرية الوحدة الجديدة الساحل الجزيرة".split())
#: Words that say more of the kind before them, not a name: "بلدات جديدة" (new towns), "قرى
#: أخرى" (other villages), "عدة" (several).
KIND_WORDS_AFTER = frozenset("""جديدة جديد أخرى اخرى عدة عديدة مجاورة محاذية كثيرة صغيرة كبيرة
واقعة""".split())
#: Countries by their Arabic names (some are also villages' names: تركيا is an OCHA community).
COUNTRIES = {
    "سوريا": "SY", "سورية": "SY", "تركيا": "TR", "لبنان": "LB", "العراق": "IQ", "الأردن": "JO",
    "الاردن": "JO", "إسرائيل": "IL", "اسرائيل": "IL", "فلسطين": "PS", "روسيا": "RU", "إيران": "IR",
    "ايران": "IR", "مصر": "EG", "السعودية": "SA", "قطر": "QA", "الإمارات": "AE", "الامارات": "AE",
    "أمريكا": "US", "امريكا": "US", "الولايات المتحدة": "US", "فرنسا": "FR", "ألمانيا": "DE",
    "المانيا": "DE", "بريطانيا": "GB", "الصين": "CN", "اليونان": "GR", "قبرص": "CY",
}


#: How much the words before a name say it is one: a word of its kind ("kind"), of its
#: countryside, nearness or direction ("place"), a preposition; none ("").
_CUE_STRENGTH = {"kind": 3, "place": 2, "preposition": 1, "": 0}


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int


def is_arabic(text: str) -> bool:
    """True when ``text`` is written mostly in Arabic letters."""
    arabic = len(_ARABIC.findall(text))
    return arabic > 0 and arabic >= len(_LATIN.findall(text))


def forms(word: str) -> list[str]:
    """``word`` and the same without the letters Arabic writes onto it: the conjunction (و, ف),
    then a preposition (ب, ل, ك; ل before the article writes "لل"): "وبإعزاز" -> "بإعزاز",
    "إعزاز"; "للباب" -> "الباب". The word as written comes first (a name may begin with those
    letters: بنش, Binnish; كفين, Kafin)."""
    out = [word]
    if len(word) > 2 and word[0] in "وف":
        word = word[1:]
        out.append(word)
    if len(word) > 3 and word[0] in "بلك":
        out.append("ال" + word[2:] if word.startswith("لل") else word[1:])
    return out


#: The marks of an indefinite ending (tanween), which no place's name carries.
_TANWEEN = re.compile("[\u064b-\u064d]")
#: The marks of vowels and doubling (tashkeel), off a word before it is looked up as a cue.
_TASHKEEL = re.compile("[\u064b-\u0652\u0670\u0640]")


def _cue(word: str) -> str:
    """What ``word`` says of the name after it: ``kind`` (a word of a place's kind: "بلدة",
    "وبمدينة"), ``region`` (its countryside or province), ``near`` (nearness or direction:
    "بالقرب", "شمال"), ``preposition``, or "" (none). A word of a kind with the article ("المدينة",
    the city) names none after it, and a direction with it is an adjective ("الشمالي", northern)."""
    word = _TASHKEEL.sub("", word)
    if not word:
        return ""   # a dash of tatweel ("حلب ــ الأخبار") or a mark of a vowel alone
    written = forms(word)
    if len(written) == 1 and word[0] in "وف" and word[1:] in PREPOSITIONS:
        written.append(word[1:])   # "وفي", "ومن": and in, and from
    for form in written:
        definite = form.startswith("ال") and len(form) > 4
        bare = form[2:] if definite else form
        if bare in SETTLEMENT_WORDS or bare in FACILITY_WORDS:
            return "" if definite else "kind"
        if bare in REGION_WORDS:
            return "" if definite else "region"
        if bare in NEAR_WORDS or (bare in DIRECTION_WORDS and not definite):
            return "near"
        if form in PREPOSITIONS:
            return "preposition"
    return ""


def _is_facility(word: str) -> bool:
    """Whether ``word`` is a facility's word, which may begin its name ("سد تشرين")."""
    return any(form in FACILITY_WORDS for form in forms(_TASHKEEL.sub("", word)))


def _kind_word(word: str) -> bool:
    """Whether ``word`` is a word of a place's kind or a facility's, with or without the article
    ("محطة", a station; "المدينة", the city): it names no place by itself, whatever village
    bears the word as its name."""
    for form in forms(_TASHKEEL.sub("", word)):
        bare = form[2:] if form.startswith("ال") else form
        if bare in SETTLEMENT_WORDS or bare in FACILITY_WORDS:
            return True
    return False


def _between(text: str, a: "_Word", b: "_Word") -> str:
    """What stands between two words but spaces, brackets and quotation marks (a comma, a
    dash, nothing)."""
    return text[a.end:b.start].strip(" ()«»\"“”")


def _is_plural_kind(word: str) -> bool:
    """Whether ``word`` is a word of a kind that names many ("بلدات", "بلدتيّ")."""
    return any(form in PLURAL_KIND_WORDS for form in forms(_TASHKEEL.sub("", word)))


class ArabicFinder(TwoPassFinder):
    """Place mentions of sentences written in Arabic (see the module's doc)."""

    NEAR_KM = PREPOSITION_VILLAGE_KM

    def _read(self, sentence: Sentence, found: Found) -> None:
        text = sentence.text
        words = [_Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
        # a name runs over words with nothing but spaces between them
        joined = [not text[a.end:b.start].strip() for a, b in zip(words, words[1:])] + [False]
        i = 0
        cue = ""
        precision = "exact"
        run = 0   # where the words before the name (its cue) begin
        listed = False   # the cue names many: its names may be parted by commas
        while i < len(words):
            if words[i].text == "و" and cue == "kind":
                i += 1   # "منغ و تل مصيبين": "and" written apart
                continue
            said = _cue(words[i].text)
            if cue == "kind" and not said and words[i].text in KIND_WORDS_AFTER:
                said = "kind"   # "بلدات جديدة": new towns, no name yet
            if said and not (said == "kind" and _is_facility(words[i].text)):
                if not cue:
                    run = i
                listed = said == "kind" and _is_plural_kind(words[i].text)
                # (a run of such words: "بالقرب من مدينة", "شمال غرب")
                if said == "region":
                    precision = "region"
                elif said == "near" and precision != "region":
                    precision = "near"
                # (the strongest cue of the run counts: "في مدينة" is "kind")
                said = "place" if said in ("region", "near") else said
                if _CUE_STRENGTH[said] > _CUE_STRENGTH[cue]:
                    cue = said
                i += 1
                continue
            end = self._name_at(sentence, words, joined, i, cue, precision, found,
                                run if cue else i, listed)
            if end is None and listed:
                # a name of the list the gazetteer lacks, then a comma: the list goes on
                # ("مدن وبلدات “الغدفة، معصران، ...”")
                last = i
                while last + 1 < len(words) and joined[last] and last - i + 1 < MAX_WORDS \
                        and words[last + 1].text[0] != "و":   # (the next name of the list)
                    last += 1
                if last + 1 < len(words) \
                        and _between(text, words[last], words[last + 1]) in ("،", ","):
                    i, cue = last + 1, "preposition"
                    continue
            if end is None:
                i += 1
                # a name of a list the gazetteer lacks ("بلدات منغ و تل مصيبين"): the list goes on
                if not (listed and i < len(words) and not text[words[i - 1].end:words[i].start].strip()
                        and words[i].text[0] == "و"):
                    cue, precision, listed = "", "exact", False
                continue
            i = end
            # "و" carries the kind on to the next name ("قرى كفين وماير وتل رفعت"), and so does a
            # comma after a kind that names many ("بلدتي (بيانون، وتل مصيبين)")
            between = _between(text, words[i - 1], words[i]) if i < len(words) else "."
            if listed and between in ("،", ","):
                # (after a comma a clause may begin as well: "بلدتي عندان وحريتان، ودارت
                # اشتباكات": the next item is taken as after a preposition, the very name of a
                # town, or of a village among the report's places; and so on to the list's end:
                # "مدن وبلدات “الغدفة، معصران، معرشمارين، ... ومعرة النعمان”")
                cue = "preposition"
            elif not ((cue == "kind" or listed) and not between
                      and (words[i].text[0] == "و" or words[i].text == "و")):
                cue, precision, listed = "", "exact", False

    def _name_at(self, sentence: Sentence, words: list[_Word], joined: list[bool], i: int,
                 cue: str, precision: str, found: Found, run: int,
                 listed: bool = False) -> int | None:
        """The end (word index) of the name found at word ``i`` (its cue begins at word
        ``run``; ``listed``: an item of a list after a word of many), recorded in ``found``;
        None when there is none."""
        if _TANWEEN.search(words[i].text):
            return None   # an indefinite noun or adjective ("تقدماً كبيراً": no Beira)
        facility = _is_facility(words[i].text)
        # (a town named on its own has a name of a word or two: "دير الزور", "خان شيخون")
        longest = MAX_WORDS if cue or facility else 2
        last = i
        while last + 1 < len(words) and last - i + 1 < longest and joined[last] \
                and _cue(words[last + 1].text) != "preposition":
            last += 1
        written = forms(words[i].text)
        if cue and len(written) > 1 and words[i].text[0] in "وف" and i:
            # the next of a list of names ("كفين وماير"): "و" is "and"
            written = written[1:] + written[:1]
        # a name in doubt, kept while a shorter run may be a place the gazetteer is sure of
        # ("بلدة ماير أسيا": Mayer, whatever أسيا is)
        doubt: tuple[Mention, int] | None = None
        for n in range(last - i + 1, 0, -1):
            if n == 1 and _kind_word(words[i].text):
                continue   # ("وسجن الأحداث": the prison; "قرب المدينة": near the city)
            rest = " ".join(w.text for w in words[i + 1:i + n])
            for first in written:
                name = f"{first} {rest}" if rest else first
                code = COUNTRIES.get(name)
                if code is not None and doubt is None:
                    found.countries.append((sentence, code))
                    return i + n
                mention = self._mention(sentence, words, i, name,
                                        cue or ("kind" if facility else ""), precision, run,
                                        listed)
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
        if facility and i + 1 < len(words) and joined[i]:
            # the facility's word, then the place it is named after ("مطار منغ", Menagh's airbase)
            return self._name_at(sentence, words, joined, i + 1, "kind", precision, found, run,
                                 listed)
        return None

    def _mention(self, sentence: Sentence, words: list[_Word], i: int, name: str, cue: str,
                 precision: str, run: int, listed: bool = False) -> Mention | None:
        """The mention of ``name`` (word ``i`` on, its cue from word ``run``) when the
        gazetteer's answer is one for the word before it (``cue``: "kind", "preposition" or
        ""; ``listed``: an item of a list after a word of many, as after its kind)."""
        result = self.lookup.resolve(name)
        before = forms(words[run - 1].text)[-1] if run else ""
        # (where the name begins in the word: after the letters written onto it)
        start = max(words[i].start, words[i].end - len(name.split()[0]))
        if result.status == "ambiguous" and before in GOVERNMENT_VERBS:
            # "اتهمت موسكو" (Moscow accused): of the places of the name, the capital
            capitals = [p for p in result.alternatives if lx.is_capital(p)]
            if len(capitals) == 1:
                return Mention(name, sentence, start, "resolved", capitals[0], result.score,
                               precision, cue=cue, role="speaker", reason=GOVERNMENT)
        match = getattr(result, "match", "")
        # the very Arabic name; after a word of its kind, a spelling of it (كل جبرين, OCHA's
        # كلجبرين) near the report's other places ("مدينة منكوبة", a stricken city, is no
        # Mankubeh 82 km off)
        spelled = match in ("arabic", "exact", "alternate") or (
            (cue == "kind" or listed) and match == "loose" and result.place is not None
            and self._among_report(result.place, name))
        if result.status == "ambiguous" and spelled and cue == "kind":
            return Mention(name, sentence, start, "ambiguous", score=result.score,
                           precision=precision, alternatives=tuple(result.alternatives), cue=cue)
        place = result.place
        if result.status != "resolved" or not spelled or place is None \
                or place.feature_code.startswith(("PCL", "ADM")):
            return None
        town = place.population >= TOWN_POPULATION or place.feature_code in SEAT_CODES
        if not cue and (not town or name in COMMON_WORDS):
            return None
        if name in COMMON_WORDS and not town and not self._among_report(place, name):
            return None
        if cue == "preposition" and not town and not self._among_report(place, name):
            return None
        countries = self.lookup.countries
        capital = lx.is_capital(place)
        # "حلب - خاص", "بيروت - (أ ف ب)": where the report is filed from
        end = words[i + len(name.split()) - 1].end
        dateline = i == 0 and _DATELINE_DASH.match(sentence.text, end) is not None
        if countries and place.country not in countries and not capital and not dateline:
            return None   # (a town abroad: no incident of the map's)
        mention = Mention(name, sentence, start, "resolved", place, result.score, precision,
                          cue=cue)
        if dateline:
            mention.role, mention.reason = self._dateline_role(place, name)
        elif capital and before in GOVERNMENT_VERBS:
            mention.role, mention.reason = "speaker", GOVERNMENT
        elif _spoken_from(words, run):
            mention.role, mention.reason = "speaker", SPEAKS
        elif capital and (not tells_of_event(sentence.text)
                          or (countries and place.country not in countries)):
            mention.role, mention.reason = "speaker", CAPITAL
        return mention


def _spoken_from(words: Sequence[_Word], run: int) -> bool:
    """Whether the place whose cue begins at word ``run`` (or which begins there) is where
    someone speaks: "في" (in) or "من" (from) before it, and a verb of saying a few words before
    that, with no "that" (إن) between."""
    def in_or_from(word: str) -> bool:   # ("وفي": and in)
        return word in ("في", "من") or (word[0] in "وف" and word[1:] in ("في", "من"))

    at = run if in_or_from(words[run].text) else run - 1
    if at < 1 or not in_or_from(words[at].text):
        return False
    for k in range(at - 1, max(-1, at - 1 - SPEAKER_WORDS), -1):
        word = words[k].text
        if word in _THAT:
            return False
        if forms(word)[-1] in SPEECH_VERBS or word in SPEECH_VERBS:
            return True
    return False


def find_arabic_mentions(lookup: PlaceLookup, sentences: Sequence[Sentence],
                         context: Sequence[tuple[str, tuple[float, float]]] = ()) -> Found:
    """Place mentions of ``sentences`` (written in Arabic), resolved with ``lookup``; ``context``:
    the places the report's other sentences name."""
    return ArabicFinder(lookup, sentences).run(context)


def merge(a: Found, b: Found) -> Found:
    """Two readings of one report's sentences as one, in the order of the sentences."""
    out = Found()
    order = (lambda m: (m.sentence.index, m.start))
    out.mentions = sorted(a.mentions + b.mentions, key=order)
    out.unresolved = sorted(a.unresolved + b.unresolved, key=order)
    out.countries = sorted(a.countries + b.countries, key=lambda c: c[0].index)
    out.people = a.people | b.people
    return out

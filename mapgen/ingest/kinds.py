"""Suggest an incident type from the words of the sentence (and entry) that name a place."""
from __future__ import annotations

import re
from functools import lru_cache

from mapgen.ingest.textkeys import ARABIC_LETTERS

#: Keyword stems per type (regular expressions), most specific types first (the order breaks
#: ties). "aid workers said" is who speaks, not what happened.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "airstrike": ("airstrike", "air strike", "air raid", "airstrikes", "warplane", "jets", "bombed",
                  "bombing", "bombard", "cluster bomb", "barrel bomb", "sorties", "aerial", "helicopter",
                  "air force", "bombs",
                  # Portuguese, Spanish and French ("bombard" holds bombardeio, bombardeo, bombardement)
                  "ataques? a[ée]reos?", "frappes? a[ée]riennes?", "avi[õo]es", "aviones", "avions",
                  "avia[çc][ãa]o", "aviaci[óo]n", "aviation",
                  # Turkish
                  "hava saldır", "hava harekat", "savaş uçak", "uçaklar", "bombala", "varil bomba",
                  # German
                  "luftangriff", "luftschl[äa]g", "kampfjets?", "kampfflugzeug", "bombardier", "fassbombe",
                  "luftwaffe", "hubschrauber",
                  # Italian ("bombard" holds bombardamento)
                  "raid aere", "aere[io]\\b", "caccia", "elicotter",
                  # Russian and Ukrainian
                  "авиаудар", "авиаци", "бомб", "самол[её]т", "вертол[её]т",
                  "вкс", "авіаудар", "авіаці", "літак"),
    "shelling": ("shelling", "shelled", "artillery", "mortar", "rocket", "missile", "shells",
                 "howitzer", "grad",
                 "artilharia", "artiller[íi]a", "artillerie", "m[íi]sseis", "m[íi]ssil", "misiles?",
                 "morteiros?", "morteros?", "obus", "roquetes?", "cohetes?", "foguetes?",
                 "roket", "top atış", "topçu", "havan(?!a)", "obüs", "füze", "mermi",
                 "beschuss", "beschoss", "artillerie", "granate", "raketen", "m[öo]rser",
                 "artiglieri", "mortai", "razzi", "colpi di",
                 "обстрел", "артиллер", "мин[оё]м[её]т", "ракет", "снаряд", "обстріл",
                 "артилер"),
    "clashes": ("clash", "fighting", "battle", "fought", "offensive", "assault", "attack", "ambush",
                "front line", "frontline", "firefight", "combat(?!ient|ant|ent)", "counter-attack", "advance(?<!in advance)", "push",
                "confrontos", "enfrentamientos", "affrontements", "ofensiva", "ataques?\\b", "attaques?",
                "batalha", "batalla", "bataille", "avan[çc]", "avanz",
                "çatışma", "çatıştı", "saldırı", "taarruz", "muharebe", "ilerle",
                "gefecht", "k[äa]mpfe", "angriff", "attacke", "vorsto[ßs]", "vorr[üu]ck", "r[üu]ckt",
                "scontri", "combattimenti", "attacc", "battaglia", "avanzat",
                "бои\\b", "бо[её]в\\b", "бой\\b", "столкновени", "наступ", "штурм", "атак",
                "сражени", "продвину", "бої"),
    "territorial change": ("captured", "capture", "seized", "took", "taken", "retook",
                           "recaptured", "lost", "fell to", "broke through", "encircle", "besiege",
                           "siege", "cut off", "control of", "entered", "overran", "withdrew",
                           "retreat", "in control",
                           "tomaram", "tomou", "tomaron", "tom[óo]", "captur", "conquist", "apoderaram",
                           "apoderaron", "empar[ée]", "prise de", "repris", "cerco", "sitiad", "encercl",
                           "retomar", "retomou", "retomaron", "recuperar", "recuperou", "recuperaron",
                           "arrebat", "libertar", "libertou", "libertamos", "liberaron", "lib[ée]r[ée]",
                           "controle d[eoa]s?\\b", "control de", "contr[ôo]le d",
                           "assi[ée]g", "entraram", "entraron", "entr[ée]s dans",
                           "ele geçir", "geri al", "kuşat", "kontrol(?:ü|une|ünü|ünde) ", "çekildi",
                           "eingenommen", "erobert", "zur[üu]ckerobert", "einnahme", "eroberung",
                           "kontrolle [üu]ber", "belager", "eingekesselt", "umzingelt", "abgezogen",
                           "r[üu]ckzug", "einmarsch",
                           "ripres[oa]", "riconquist", "assedi", "circondat", "entrat[io] a", "ritirat",
                           "preso il controllo", "strappat",
                           "освобо", "взял", "взят", "занял", "занят", "контрол",
                           "захват", "отбил", "окруж", "осад", "блокад", "вытесн", "отступ",
                           "звільн", "захопи", "оточ", "відбил"),
    "displacement": ("flee", "fled", "fleeing", "refugee", "displaced", "exodus", "stranded",
                     "trapped", "on foot", "camps", "evacuat", "crowds",
                     "deslocad", "desplazad", "d[ée]plac[ée]s", "refugiad", "r[ée]fugi[ée]s", "fugir",
                     "fugiram", "huy", "fuyant", "acampamentos", "campamentos",
                     "sığınmacı", "mülteci", "göç", "kaçan", "kaçtı", "yerinden", "kamplar",
                     "flucht", "fl[üu]chtling", "vertrieben", "geflohen", "fliehen", "flohen", "vertreibung",
                     "sfollat", "profughi", "in fuga", "fuggit", "esodo",
                     "беженц", "бежал", "бегств", "эвакуа", "переселенц", "біженц", "евакуа"),
    "humanitarian": (r"aid(?!\s+(?:workers?|agenc\w*|groups?|officials?))", "hospital",
                     "humanitarian", "medical", "food", "bread", "supplies", "tents", "relief",
                     "convoy", "doctor", "water", "shortage",
                     "humanit[áa]ri", "humanitaire", "h[ôo]pital", "ajuda", "ayuda", "m[ée]dic", "socorr",
                     "secour", "insani", "yardım", "hastane", "gıda", "ilaç", "tıbbi",
                     "hilfsg[üu]ter", "hilfskonvoi", "hilfsliefer", "krankenh[äa]us", "klinik", "humanit[äa]r",
                     "lebensmittel", "medikament",
                     "aiuti", "umanitari", "ospedal", "cibo", "convoglio"),
    "diplomatic": ("talks", "conference", "treaty", "envoy", "summit", "negotiat", "pledge",
                   "ceasefire", "truce", "diplomat", "sanction", "minister", "un security council",
                   "agreement", "donor",
                   "conversa[çc][õo]es", "negocia[çc][õo]es", "negociaciones", "pourparlers", "n[ée]gociation",
                   "cessar-fogo", "alto el fuego", "cessez-le-feu", "tr[ée]gua", "tr[êe]ve", "cimeira",
                   "cumbre", "sommet", "enviad[oa]", "envoy[ée]", "ministr[oe]",
                   "görüşme", "müzakere", "ateşkes", "zirve", "anlaşma",
                   "gespr[äa]che", "verhandlung", "waffenruhe", "waffenstillstand", "feuerpause", "gipfel",
                   "abkommen", "sanktion", "gesandte",
                   "colloqui", "negoziat", "tregua", "cessate il fuoco", "vertice", "accordo", "inviato"),
    "statement": ("said", "says", "told", "claimed", "accused", "warned", "denied", "announced",
                  "reports", "statement", "estimated",
                  "açıklama", "söyledi", "bildirdi", "belirtti", "açıkladı",
                  "sagte", "erkl[äa]rte", "teilte", "berichtete", "meldete", "hie[ßs] es",
                  "ha detto", "ha dichiarato", "ha annunciato", "ha affermato"),
}
TYPES = tuple(KEYWORDS)
#: The same for reports written in Arabic: stems, matched at the start of a word after the
#: letters Arabic writes onto it (و, ف; ب, ل, ك; the article ال: "وقصفت", "بالقذائف").
ARABIC_KEYWORDS: dict[str, tuple[str, ...]] = {
    "airstrike": ("غارة", "غارات", "طيران", "طائرة", "طائرات", "حربية", "حربي", "مروحي", "براميل",
                  "برميل", "قصف جوي", "القصف الجوي", "عنقودي", "جوية", "سلاح الجو"),
    "shelling": ("قصف", "مدفعي", "قذائف", "قذيفة", "هاون", "صواريخ", "صاروخ", "راجمات", "مدافع"),
    "clashes": ("اشتباك", "معارك", "معركة", "مواجهات", "هجوم", "هجمات", "اقتحام", "كمين", "قتال",
                "تقدم", "جبهة", "جبهات", "تصد", "محاول"),
    "territorial change": ("سيطر", "استعاد", "انتزع", "انسحب", "انسحاب", "حصار", "محاصر",
                           "طوق", "تطويق", "دخل", "دخول", "بسط", "استولى", "سقوط", "سقطت"),
    "displacement": ("نزح", "نزوح", "نازح", "فرار", "هرب", "لاجئ", "مخيم", "عالق", "إجلاء",
                     "اجلاء", "تهجير"),
    "humanitarian": ("مساعدات", "إغاثة", "اغاثة", "إنساني", "انساني", "مستشفى", "مشفى", "طبي",
                     "غذاء", "غذائية", "خبز", "مياه", "قافلة", "قوافل", "أدوية", "ادوية"),
    "diplomatic": ("محادثات", "مفاوضات", "مؤتمر", "هدنة", "وقف إطلاق النار", "وقف اطلاق النار",
                   "اتفاق", "قمة", "مبعوث", "وزير", "مجلس الأمن", "عقوبات"),
    "statement": ("قال", "أعلن", "اعلن", "صرح", "أكد", "اكد", "ذكر", "أفاد", "افاد", "بيان",
                  "اتهم", "حذر", "نفى", "نفت"),
}
#: Keywords this close (characters) to the place name count double.
NEAR_CHARS = 40
_PATTERNS = {kind: re.compile(r"\b(?:" + "|".join(words) + r")", re.I)  # entries are regular expressions
             for kind, words in KEYWORDS.items()}


#: All the keywords in one expression (a group per type): a text is scanned once. A look at
#: the first letter (every keyword starts with one of a few) skips most places at once.
_FIRST = "".join(sorted({w[0] for words in KEYWORDS.values() for w in words}))
assert _FIRST.isalpha() and _FIRST.islower()
_ALL = re.compile(rf"(?=[{_FIRST}])\b(?:" + "|".join(f"(?P<k{n}>{'|'.join(words)})" for n, words in enumerate(KEYWORDS.values()))
                  + ")", re.I)
_ALL_LOWER = re.compile(_ALL.pattern)
#: The start of an Arabic word, and the letters written onto it (و, ف; ب, ل, ك; the article).
_ARABIC_WORD_START = rf"(?<![{ARABIC_LETTERS}\u0640])(?:[وف]?(?:ب|ل|ك)?(?:ال|لل)?)"
#: The Arabic keywords in one expression, a group per type, each at the start of a word.
_ALL_ARABIC = re.compile(_ARABIC_WORD_START + "(?:" + "|".join(
    f"(?P<k{n}>{'|'.join(sorted(ARABIC_KEYWORDS.get(kind, ()), key=len, reverse=True))})"
    for n, kind in enumerate(TYPES)) + ")")
_HAS_ARABIC = re.compile(f"[{ARABIC_LETTERS}]")


@lru_cache(maxsize=4096)   # a sentence naming many places is read once (by the finder too)
def _hits(text: str) -> dict[str, list[int]]:
    """Positions of the keywords of each type in ``text``."""
    out: dict[str, list[int]] = {kind: [] for kind in KEYWORDS}
    low = text.lower()   # matching lower-case text is several times faster than ignoring case
    scan = _ALL_LOWER.finditer(low) if len(low) == len(text) else _ALL.finditer(text)
    for match in scan:
        out[TYPES[int(str(match.lastgroup)[1:])]].append(match.start())
    if _HAS_ARABIC.search(text) is not None:
        for match in _ALL_ARABIC.finditer(text):
            out[TYPES[int(str(match.lastgroup)[1:])]].append(match.start())
    return out


@lru_cache(maxsize=64)   # an entry's text is scored once for all the places it names
def type_scores(text: str) -> dict[str, int]:
    """Number of keyword hits per type in ``text``."""
    return {kind: len(hits) for kind, hits in _hits(text).items()}


def suggest_type(sentence: str, entry: str = "", at: int | None = None) -> str:
    """The type whose keywords the sentence holds most (entry words count a third as much, and
    not for ``diplomatic``).

    Given the position ``at`` of the place name, words close to it count up to double (fading
    to single at :data:`NEAR_CHARS` characters away). Saying-words only decide when no event word is there;
    with no keyword at all the draft is a ``statement`` for the editor to retype.
    """
    wide = type_scores(entry) if entry else _NO_SCORES
    best, best_score = "statement", 0.0
    for kind, near in _near_scores(sentence, at):
        # talks are typed from the sentence's own words: a place named for an event is not where
        # the entry's talks and conferences are (those places are set aside as meetings)
        score = 3 * near + (wide[kind] if kind != "diplomatic" else 0)
        if near == 0.0:
            score = min(score, 2.5)  # entry words alone never beat one word in the sentence
        if score > best_score:
            best, best_score = kind, score
    return best


_NO_SCORES = {kind: 0 for kind in KEYWORDS}


@lru_cache(maxsize=4096)   # the same sentence and place come back often in a long report
def _near_scores(sentence: str, at: int | None) -> tuple[tuple[str, float], ...]:
    """Per event type (not ``statement``): its keywords in the sentence, each counting up to
    double next to the name (fading to single at NEAR_CHARS)."""
    hits_of = _hits(sentence)
    out = []
    for kind in TYPES:
        if kind == "statement":
            continue
        hits = hits_of[kind]
        near = sum(1.0 + (max(0.0, 1.0 - abs(h - at) / NEAR_CHARS) if at is not None else 0.0)
                   for h in hits)
        out.append((kind, near))
    return tuple(out)


#: The types that are events at a place (not what people say or negotiate).
EVENT_TYPES = tuple(kind for kind in TYPES if kind not in ("statement", "diplomatic"))


#: Words of violence and its toll that no type's keywords hold ("a car bomb exploded", "killed",
#: "wounded"), in English, Portuguese, French, Spanish, Turkish, German, Italian, Russian and
#: Ukrainian (and Arabic, below).
_TOLL = re.compile(r"\b(?:kill|dead|death|died|wound|injur|casualt|explo|blast|bomb(?!ers?\b)|gunfire|gunmen|shot|"
                   r"sniper|massacre|mort|morr|matou|matar|ferid|bless|tu[ée]s?\b|atenta|attentat|"
                   r"ataque|attaqu|combat(?!ant|ient)|bombarde|frappe|ofensiv|offensiv|refugiad|réfugi|deslocad|"
                   r"d[ée]plac|fug|fuir|fled|flee|evacu|sitiad|cerco|tomad|captur|seiz|"
                   r"entered|encircl|besieg|cut\s+off|"
                   # Turkish: died, lost their life, wounded, explosion, bomb-laden
                   r"öldü|ölü|hayatını\s+kaybet|yaralan|yaralı|patlama|bombalı|şehit|"
                   # German: killed, the dead, died, wounded, injured, massacre, attack (a bomb's)
                   r"get[öo]tet|tote[n]?\b|starben|ums\s+leben|verletzt|verwundet|massaker|anschlag|"
                   # Italian: killed, wounded, victims, massacre, car bomb, sniper
                   r"uccis|feriti|vittime|strage|autobomba|cecchin|"
                   # Russian and Ukrainian: died, killed, wounded, victims, explosion
                   r"погиб|убит|ранен|жертв|взрыв|загину|вбит|поранен|вибух)", re.I)
#: The same words of Arabic: killed, dead, martyrs, wounded, explosion, car bomb, massacre,
#: sniper, victims (after the letters written onto a word).
_ARABIC_TOLL = re.compile(_ARABIC_WORD_START + r"(?:قتل|مقتل|قتيل|شهيد|شهداء|"
                          r"استشهاد|جرحى|جريح|إصاب|اصاب|مصاب|انفجار|تفجير|مفخخ|مجزرة|قناص|ضحايا)")


@lru_cache(maxsize=4096)
def tells_of_event(sentence: str) -> bool:
    """True when ``sentence`` holds a word of an event (an attack and its toll, fighting, a
    change of control, people fleeing, aid), not only words of saying or negotiating."""
    hits = _hits(sentence)
    return any(hits[kind] for kind in EVENT_TYPES) or bool(_TOLL.search(sentence)) or (
        _HAS_ARABIC.search(sentence) is not None and _ARABIC_TOLL.search(sentence) is not None)

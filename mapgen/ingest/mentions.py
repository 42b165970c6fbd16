"""Find the place names of a report: capitalised spans -> candidate names -> gazetteer -> checks.

No model and no network: candidates are the capitalised spans of each sentence (with the
article forms of Arabic names kept inside: "Bab al-Salameh", "al-Bab"), tried longest first;
each is resolved with the gazetteer, and accepted only when the gazetteer is sure enough and
the words around it do not say it is a person, an organisation, a country or a common word.
Places resolved in a first pass are the context (proximity) of a second pass, as a reader
uses the other places of a report to tell two villages of one name apart.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, Sequence

import numpy as np

from mapgen.ingest import lexicon as lx
from mapgen.ingest.entries import (AGENCY_DATELINE, BYLINE, COLON_DATELINE, DATE_LABEL, DATELINE,
                                    CAPTION_CREDIT, LOOSE_DATELINE, PHOTO_BY, PHOTO_CREDIT)
from mapgen.ingest.kinds import tells_of_event
from mapgen.ingest.neighbours import placed_beside
from mapgen.ingest.villages import villages_far_off
from mapgen.ingest.sentences import Sentence
from mapgen.geodesy import great_circle_km
from mapgen.ingest.textkeys import distance_km, fold, similarity

if TYPE_CHECKING:  # (the gazetteer is imported only when a report is read)
    from gazetteer.resolve import ContextSpread

#: A word: letters, joined by an apostrophe or a mark of ʿayn or hamza, or by a hyphen, which
#: one of those may follow ("Ma’arrat", "al-‘Eiss", "al-'Assal").
_TOKEN = re.compile(r"[^\W\d_]+(?:(?:-['’‘`ʿʾ]?|['’‘`ʿʾ])[^\W\d_]+)*['’]?")
#: A province's point (its middle) farther than this from its town of the same name is not
#: where the town's province is placed: the town is (Homs's is 195 km into the desert).
PROVINCE_TOWN_KM = 120.0
#: Feature codes of areas (a region, a mountain range): a point of one is its middle, so a
#: mention of one is placed as a region's.
AREA_FEATURES = frozenset({"RGN", "AREA", "MTS", "PLN"})
#: The marks of ʿayn and hamza that scholarly romanisations write before a capital ("ʿAyn
#: al-ʿArab", "ʾIdlib"): letters to the tokeniser, so the capital after them begins the name.
_AYN_MARKS = "ʿʾ"
_ART_HYPHEN = re.compile(r"^(?:al|el|il|ul|as|es|ash|esh|ad|ed|ar|er|az|ez|an|en|at|et|ath|adh)[-'’][^\W\d_]", re.I)
#: A region word and "of" before a name ("the northern countryside of Hama", "a província de
#: Idlib", "la province d'Idleb"): the name's region, as "the Hama countryside" is.
_REGION_OF = re.compile(r"\b(countryside|province|governorate|prov[íi]ncia|provincia|gouvernorat|"
                        r"campagne|campagna)s?(?:\s+s[íi]ria)?\s+(?:of|de|da|do|del|di|d['’])\s*(?:the\s+)?$", re.I)
#: German puts the word for a province straight before its name ("in der Provinz Idlib").
_REGION_BEFORE = re.compile(r"\b(provinz|gouvernement)\s+$", re.I)
_DIRECTION = re.compile(r"^(?:north|south|east|west|northern|southern|eastern|western|"
                        r"north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?|"
                        r"rural|central|greater|northeast|northwest|southeast|southwest)$", re.I)
#: Directions written as adjectives before a name, capitalised or not ("Northeastern Aleppo",
#: "Rural Damascus"): when the words together name nothing, the part of the place they say
#: (see MentionFinder._filler). Not "North", "West"...: those begin names of their own (the
#: West Bank, North Korea).
_DIRECTION_ADJECTIVE = re.compile(r"^(?:(?:north|south)-?(?:east|west)?ern|eastern|western|rural|"
                                  r"central|greater)$", re.I)

#: A resolution is accepted at this score, or at MIN_SCORE when the names also look alike.
SURE_SCORE = 0.70
MIN_SCORE = 0.55
MIN_SIMILARITY = 0.6
#: ... or, for a name the gazetteer matched by its loose key, at this score: a name of two words
#: or more, one that looks LOOSE_SAME like the place's, or one of LOOSE_LETTERS letters that
#: looks LOOSE_SIMILARITY like it.
LOOSE_SCORE = 0.5
LOOSE_SAME = 0.9
LOOSE_SIMILARITY = 0.8
LOOSE_LETTERS = 5
#: ... or, for a name that is one of the alternate names of a town of this many people, at
#: MIN_SCORE whatever its main name.
ALTERNATE_TOWN_POPULATION = 10_000
#: ... or, for a look-alike (loose or fuzzy) within CLOSE_KM of another place of the report, at
#: this score when the names look this much alike (a wider reach, 25 km, drafted a third more of
#: the made-up names of benchmarks/ingest_scale.py).
AMONG_SCORE = 0.45
AMONG_SIMILARITY = 0.7
#: Candidates of an ambiguous name this close to the best are the same place for a draft.
SAME_AREA_KM = 50.0
#: An ambiguous name's candidate this close to another place of the report, with every rival
#: CLOSER_BY times farther, is the one meant.
CLOSE_KM = 15.0
CLOSER_BY = 3.0
#: A look-alike farther than CLOSE_KM from the report's other places, but within AMONG_FAR_KM,
#: is among them too when fewer than AMONG_CHANCE of the country's places lie as near them: a
#: report of one front leaves nearly all of the country farther ("Jaqly Joom", 15.4 km from
#: Jindires, is Jaqalli Jum; "Sheik Huruz", 16 km from Afrin, Shaykh Khawruz), a live blog
#: of a whole offensive little of its north.
AMONG_FAR_KM = 25.0
AMONG_CHANCE = 0.1
#: Characters before a name that are read for the words in front of it (a window, so that a
#: long sentence costs time in proportion to its length).
LOOK_BEHIND = 80
#: Words before a name that place an event near it rather than in it ("near", "north of",
#: "on the outskirts of", "10 km from", "perto de", "nos arredores de", "près de", "aux abords
#: de", "cerca de", "nahe", "nördlich von", "rund um", "vicino a", "nei pressi di"...), with an
#: article and a kind of place between ("near the town of", "nahe der Stadt", "rund um die
#: Ortschaft", "vicino alla città turca di").
_DIRS = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
_NEAR_BEFORE = re.compile(
    r"(?:\b(?:near|close\s+to|just\s+outside|outside(?:\s+of)?|around|in\s+the\s+vicinity\s+of|"
    r"(?:on\s+|at\s+)?the\s+(?:outskirts|edges?|vicinity|environs|suburbs)\s+of|outskirts\s+of|"
    + _DIRS + r"\s+of|(?:km|kms|kilomet(?:re|er)s?|miles?)\s+(?:(?:to\s+the\s+)?" + _DIRS + r"\s+)?(?:of|from)|"
    r"perto\s+d[eoa]s?|pr[óo]xim[oa]s?\s+(?:a|à|ao|de|d[oa]s?)|(?:n?os|n?as)\s+(?:arredores|imediações|proximidades)\s+d[eoa]s?|"
    r"na\s+periferia\s+d[eoa]s?|(?:a|ao)\s+(?:norte|sul|leste|oeste|nordeste|noroeste|sudeste|sudoeste)\s+d[eoa]s?|"
    r"quil[óô]metros?\s+d[eoa]s?|km\s+d[eoa]s?|"
    r"pr[èe]s\s+d(?:[eu]s?)?|non\s+loin\s+d(?:[eu]s?)?|aux\s+abords\s+d(?:[eu]s?)?|(?:à\s+la|en)\s+p[ée]riph[ée]rie\s+d(?:[eu]s?)?|"
    r"dans\s+les\s+environs\s+d(?:[eu]s?)?|autour\s+d(?:[eu]s?)?|au\s+(?:nord|sud)(?:-(?:est|ouest))?\s+d(?:[eu]s?)?|"
    r"à\s+l['’](?:est|ouest)\s+d(?:[eu]s?)?|kilom[èe]tres\s+d(?:[eu]s?)?|"
    r"cerca\s+de|(?:en|a)\s+las\s+afueras\s+de|al\s+(?:norte|sur|este|oeste)\s+de|"
    r"nahe|unweit(?:\s+von)?|bei|in\s+der\s+n[äa]he\s+von|am\s+rande(?:\s+von)?|au(?:ß|ss)erhalb(?:\s+von)?|"
    r"(?:rund\s+)?um|"
    r"(?:(?:kilometer|km)\s+)?(?:n[öo]rd|s[üu]d|[öo]st|west|nord(?:west|ost)|s[üu]d(?:west|ost))lich(?:\s+von)?|"
    r"(?:vicino|intorno)\s+a(?:l|llo|lla|i|gli|lle)?|presso|"
    r"(?:nei\s+pressi|alle\s+porte|alla\s+periferia|nei\s+dintorni|a\s+(?:nord|sud|est|ovest)(?:-(?:est|ovest))?)"
    r"\s+d(?:i|el|ello|ella|ei|egli|elle)|chilometri\s+da)"
    r"(?:\s+(?:the|la|le|les|o|a|os|as|el|der|dem|des|den|die|das))?"
    r"(?:\s+(?:rebel-held|regime-held|besieged|small|border|rebel|kurdish|syrian|turkish|adjoining|"
    r"neighbouring|neighboring|nearby|turca|siriana|curda|ribelle)){0,2}"
    r"(?:\s+(?:town|village|city|camp|crossing|base|airbase|air\s+base|cidade|vila|aldeia|posto|"
    r"base\s+a[ée]rea|base\s+a[ée]rienne|ville|localit[ée]|poste-fronti[èe]re|poste|pueblo|ciudad|"
    r"stadt|kleinstadt|grenzstadt|ortschaft|dorf|dorfes|dorfs|citt[àa]|cittadina|villaggio|localit[àa])"
    r"(?:\s+(?:turca|siriana|curda|ribelle))?"   # (Italian puts the adjective after the noun)
    r"(?:\s+(?:of|de|do|da|du|di))?)?)\s*['’]?$", re.I)
_NEAR_AFTER = frozenset({"outskirts", "suburbs", "environs", "vicinity"})
#: The words a text before a name must end with for those expressions to match (a quick test).
_NEAR_LAST = frozenset("""near nearby to outside of from around de do da dos das d du des aux abords
the la le les o a os as el town village city camp crossing base airbase cidade vila aldeia posto
aérea aerea aérienne aerienne ville localité localite poste-frontière poste-frontiere poste pueblo
ciudad rebel-held regime-held besieged small border rebel kurdish syrian turkish nahe unweit bei
von rande außerhalb ausserhalb nördlich südlich östlich westlich nordwestlich nordöstlich
südwestlich südöstlich nordlich sudlich ostlich nordostlich sudwestlich sudostlich der dem des
den die das um stadt kleinstadt grenzstadt ortschaft dorf dorfes dorfs di presso al allo alla ai
agli alle del dello della dei degli delle città citta cittadina villaggio località localita turca
siriana curda ribelle""".split())
_SPEAKER_LAST = frozenset("in at from em no na à au en desde depuis a".split())
#: Words before a name that say someone speaks there: "said in Geneva", "told reporters in
#: Geneva", "speaking at a news conference in Moscow", "disse em Genebra", "a déclaré à Ankara".
_SPEAKER_BEFORE = re.compile(
    r"\b(?:said|says|say|told|tells|speaking|spoke|speaks|announced|declared|stated|added|warned|"
    r"insisted|briefed|disse|afirmou|declarou|anunciou|falou|garantiu|dit|déclaré|declare|affirmé|"
    r"annoncé|dijo|afirmó|declaró|anunció|sagte|sagten|erklärte|erklärten|betonte|warnte|detto|"
    r"dichiarato|affermato|annunciato)"
    r"(?:\s+(?:to\s+)?(?:reporters|journalists|the\s+press|the\s+media|the\s+conference|parliament|"
    r"(?:late\s+|early\s+)?on\s+\w+day|today|yesterday|earlier|later|aos\s+jornalistas|à\s+imprensa|"
    r"aux\s+journalistes|à\s+la\s+presse|a\s+los\s+periodistas|a\s+la\s+prensa|"
    r"(?:on|at|during|in)\s+an?\s+(?:news\s+|press\s+)?(?:conference|briefing|interview|speech)|"
    r"(?:em|numa|durante\s+uma)\s+(?:entrevista|conferência(?:\s+de\s+imprensa)?)|"
    r"(?:lors\s+d['’]une|dans\s+une)\s+(?:conférence(?:\s+de\s+presse)?|interview)),?){0,2}"
    r"\s+(?:in|at|from|em|no|na|à|au|en|desde|depuis|a)\s*$", re.I)
#: Words before a name that say people meet there: "at talks in Munich", "an international
#: donors' conference in London", "a meeting of ministers from countries fighting IS in
#: Brussels", "de visita a Ancara", "visiting Kiev", "bei einem Besuch in Ankara". The meeting
#: word may stand a few words before "in" (no clause between), but not with an event word
#: straight before "in" ("the conference heard of the bombing in X"). The place is the
#: meeting's only when it lies far from the report's other places or outside its countries:
#: talks in a town of the war (a local truce, a commanders' meeting) can be the news.
_VENUE_BEFORE = re.compile(
    r"(?:\b(?:talks|conference|meetings?|summit|negotiations|consultations|forum|briefing|"
    r"conversações|conversacoes|negociações|negociacoes|reunião|reuniao|cimeira|cúpula|cupula|"
    r"conferência|conferencia|encontro|pourparlers|négociations|réunion|sommet|conférence|"
    r"conversaciones|negociaciones|reunión|cumbre|gespräche|gesprache|verhandlungen|konferenz|"
    r"gipfel|treffen|besuch|colloqui|conferenza|vertice|riunione|negoziati|incontro)"
    r"(?:(?:\s+(?!(?:and|but|while|as|when|where|after|before|e|mas|et|mais|y|pero|und|aber)\b)[^\s,;:.()“”\"—–]+){0,7}?"
    r"\s+(?P<last>(?!(?:and|but|while|as|when|where|after|before|e|mas|et|mais|y|pero|und|aber)\b)[^\s,;:.()“”\"—–]+))?"
    r"\s+(?:in|at|em|no|na|à|en|au|à|a)"
    r"|\b(?:meet|meets|met|meeting|convene[sd]?|convening)\s+(?P<met>in|at|em|no|na|en|à|au)"
    r"|\b(?:visit(?:s|ed|ing)?(?:\s+to)?|trip\s+to|(?:de|em|en)\s+visita\s+(?:a|à|ao)|"
    r"en\s+visite\s+(?:à|a|au)|in\s+visita\s+a)"
    r")\s*$", re.I)
#: Words after a name that say people meet there: "arrived in Munich for the talks", "the Geneva
#: talks", "the Vienna process".
_VENUE_AFTER = frozenset("talks conference summit meeting negotiations process format communique "
                         "agreement accord declaration".split())
_VENUE_FOR = frozenset("talks conference summit meeting meetings negotiations visit consultations".split())
#: Words before a name addressed as a government: "urged Ankara", "accused Moscow" (a capital only).
_ADDRESSED = frozenset("""urged urges urging accused accuses accusing asked asks pressed presses
pressing warned warns told tells blamed blames condemned condemns criticised criticized criticises
criticizes""".split())
#: The words of the Islamic State's long name before its last ("Islamic State of Iraq and
#: al-Sham", "... and the Levant", "Estado Islâmico do Iraque e do Levante"): no place follows.
_ISLAMIC_STATE_OF = re.compile(r"\b(?:islamic\s+state|estado\s+isl[âáa]mico|[ée]tat\s+islamique)\s+"
                               r"(?:of|in|do|de|en|del)\s+(?:iraq|iraque|irak)\s+(?:and|e|y|et)\s+"
                               r"(?:(?:the|do|el|au|al)\s+)?$", re.I)
#: Sources close to a capital before its name ("sources close to Damascus", "des sources proches
#: de Damas", "fontes próximas a Damasco"): its government.
_CLOSE_TO = re.compile(r"\b(?:sources?|circles|media|outlets|milieux|fontes|fuentes|medios|fonti|"
                       r"ambienti|quellen|kreise)\s+(?:close to|proches?\s+d[eu]|pr[óo]xim[oa]s\s+"
                       r"(?:a|ao|de|do)|cercan[oa]s\s+al?|vicin[ei]\s+a|nahe)\s*$", re.I)
#: Words after a name, after "could", "would", "has"..., that say it stands for its government
#: ("Moscow could demand", "Ankara has rejected"); a capital only.
_MODALS = frozenset("could would will may might must should can cannot has had have is was ha hanno".split())
#: An office of a government before a capital's name ("il ministero della Difesa di Ankara", "el
#: gobierno de Damasco", "le ministère des Affaires étrangères de Moscou"): the capital is its
#: government (English writes "Ankara's defence ministry", read after the name).
_OFFICE_OF = re.compile(r"\b(?:ministero|ministerio|minist[eè]re|minist[ée]rio|governo|gobierno|"
                        r"gouvernement|difesa|defensa|d[ée]fense|defesa|esteri|exteriores|portavoce|"
                        r"portavoz|porte-parole|porta-voz)\b[^.,;:]{0,30}?\s(?:di|de|da|do|del|d['’])\s*$",
                        re.I)
#: The text before a name ends with another name's possessive ("near Azaz's"): what the words
#: before that name say is said of the name that follows it ("near Azaz's Bab al-Salama crossing").
_POSSESSOR_BEFORE = re.compile(r"(?:\b[A-ZÀ-Þ][\w'’\-]*\s+){0,2}[A-ZÀ-Þ][\w'’\-]*['’]s\s*$")
#: Prepositions that open a sentence before a name and a comma ("In Geneva, the envoy said").
_OPENING_PREPOSITIONS = frozenset("in at en em à a no na au dans".split())
#: What may stand before a sentence's first word (quotes, a dash, a bracket).
_OPENING_MARKS = " \t\"'“”«»‘’„-–—("
#: Italian "of" and "from" (with an article), which name connectors spell too ("di", "da"): in a
#: report in Italian, words of the language.
_ITALIAN_OF = frozenset("di da del della dei delle".split())
#: Languages whose common words are capitalised only in names, and their "of" that joins a
#: name's words (see :meth:`MentionFinder._common_head`).
_ROMANCE = frozenset({"pt", "es", "fr", "it"})
_ROMANCE_OF = frozenset("de del della di da".split())
#: A capitalised word (German nouns are read from these).
_CAPITALISED = re.compile(r"\b[A-ZÀ-Þ][^\W\d_]+")
_LOWER_WORD = re.compile(r"\b[a-zà-ÿğış][a-zà-ÿğış'’\-]*\b")
_PLAIN_WORD = re.compile(r"\b[a-z][a-z'’\-]+\b")

#: A name before "said"/"told" is a place only if the place is this large or a capital.
SPEAKER_POPULATION = 500_000
#: A city's name in another language ("Moscou", "Kiev") is trusted far from the report's other
#: places when the city is this large (or a capital).
EXONYM_POPULATION = 100_000
MEETING = "a meeting's place"
GOVERNMENT = "a government speaking or acting"
CAPITAL = "a capital named for its government (no event told there)"
MEETING_FAR = "a meeting's place, if far from the report's events"
BUREAU = "the dateline's place, far from the report's events (where the report is filed from)"
DATELINE_FAR = "the dateline's place (where the report is filed from)"
#: A place and a dash opening a paragraph ("Beirute - Os rebeldes"): a dateline in small letters
#: when far from the report's events, else a place like any other
BUREAU_FAR = "the dateline's place, if far from the report's events"
SPEAKS = "someone speaks there"
#: Role and reason of the two places a hyphen joins into the name of a road or a front line
#: ("the Aleppo-Damascus highway", "the Azez-Cerablus line"): set aside, and no context.
ROUTE = "an end of a road or front line named by the two places it joins"
#: "In Geneva, the envoy said...": someone speaks there, when far from the report's events ("In
#: Kilis, officials said 50,000 people waited" tells the news of Kilis)
SPEAKS_FAR = "someone speaks there, if far from the report's events"
#: Readings decided with the report's places: read again in the second pass, and no context
_READ_AGAIN = (MEETING_FAR, DATELINE_FAR, SPEAKS_FAR, BUREAU_FAR)
#: A dateline's place farther than this from every other place of the report is the bureau
#: the report is filed from ("BEIRUT, Feb 15 (AFP) -" over a story of northern Syria).
BUREAU_KM = 100.0
#: An airport or base named before its name, as Portuguese, Spanish, French and Italian put it
#: ("o aeroporto militar de Al-Jarrah", "la base aérienne de Kweires", "a base de Mennegh").
_AIRBASE_BEFORE = re.compile(
    r"\b(?:aeroporto|aeropuerto|a[ée]roport|base)(?:\s+(?:militar|a[ée]rea|a[ée]rienne|militaire|"
    r"aerea|internacional|international|internazionale))*\s+(?:de|do|da|del|di|d['’])\s*$", re.I)
#: An Arabic article between a word for a kind of place and the name read after it, which the
#: name may be read without ("a jazida de Al Shaer": "Shaer").
_ARTICLE_LEFT = r"(?:(?:al|el|as|ash|ad|ar|at|az|an)[\s\-])?"
#: A dam named before its name ("a barragem de Tishreen", "la presa de Tishrin", "le barrage de
#: Tichrine", "la diga di Tishrin"): the dam, never a village of the name (the village of
#: Tishrine lies 65 km from the Tishrin Dam).
_DAM_BEFORE = re.compile(r"\b(?:barragem|represa|presa|barrage|diga)\s+(?:de|do|da|del|du|di|d['’])\s*"
                         + _ARTICLE_LEFT + "$", re.I)
#: A river, its basin or its valley named after its name ("the Yarmouk basin", "the Khabur
#: valley") or before it ("a bacia do Yarmouk", "la cuenca del Yarmouk", "le bassin du Yarmouk",
#: "o rio Eufrates"): the feature or nothing, never a settlement of the name (the Yarmouk basin
#: of western Daraa is no Yarmouk camp by Damascus, 90 km off).
#: (And a station named after its name: "Al-Kam station" by Abu Kamal, not the village of al-Kam
#: by Homs; "Baghdad Station", Aleppo's.)
_FEATURE_AFTER = frozenset("river basin valley station".split())
_WATER_BEFORE = re.compile(r"\b(?:bacia|cuenca|bassin|bacino|vale|valle|vall[ée]e|rio|r[íi]o|rivi[èe]re|"
                           r"fleuve|fiume)\s+(?:de|do|da|del|du|des|di|dello|della|d['’])?\s*"
                           + _ARTICLE_LEFT + "$", re.I)
#: A gas or oil field named after its name ("the Shaer gas field", "the al-Omar oil field") or
#: before it ("a jazida de Al Shaer", "o campo de gás de Arak", "el yacimiento de", "le champ
#: gazier de"): the field or nothing, never a village of the name (Shaer's field lies east of
#: Homs, Ash Shir by Hama).
_FIELD_BEFORE = re.compile(r"\b(?:jazidas?|campos?\s+(?:de\s+)?(?:g[áa]s|petr[óo]leo|petrol[íi]fero)|"
                           r"yacimientos?|gisements?|champs?\s+(?:gazier|p[ée]trolier)s?)\s+"
                           r"(?:de|do|da|del|du|d['’])\s*" + _ARTICLE_LEFT + "$", re.I)
#: The words a text before a name must end with for a meeting to be read there (a quick test).
_VENUE_LAST = frozenset("in at em no na à en au a to ao visiting visit visits visited".split())


@dataclass(slots=True)
class Token:
    """A word of a sentence that can be part of a name, with its offsets and folded form."""

    text: str
    start: int
    end: int
    low: str = ""
    is_cap: bool = False
    is_article_name: bool = False
    #: a word that is an ordinary word of the report's language here ("et" in French)
    plain: bool = False
    #: a word of an article's dateline ("KILIS, Turkey —"): a name though written in capitals
    dateline: bool = False
    #: a word of a byline ("By Layla Haddad and Orhan Coskun"): a person's name, not a place
    byline: bool = False
    #: a word of a place and a dash opening a paragraph ("Beirute - Os rebeldes"): the bureau
    #: when far from the report's places
    bureau: bool = False
    #: the Turkish case ending written after the name and an apostrophe ("Ankara'da": "da", in)
    case: str = ""

    def __post_init__(self) -> None:
        self.low = fold(self.text)
        self.is_cap = self.text.lstrip(_AYN_MARKS)[:1].isupper()
        self.is_article_name = bool(_ART_HYPHEN.match(self.text))

    @property
    def is_connector(self) -> bool:
        return self.text in lx.NAME_CONNECTORS and not self.plain


@dataclass
class Mention:
    """One place-like name found in a sentence, and what it resolved to."""

    text: str
    sentence: Sentence
    start: int
    status: str                  # resolved | ambiguous | unresolved
    place: Any = None            # gazetteer Place when resolved
    score: float = 0.0
    precision: str = "exact"     # geo precision: exact | near | region
    alternatives: tuple[Any, ...] = ()
    cue: str = ""
    #: "speaker": someone speaks or meets there ("said in Geneva", "at talks in Munich") or the
    #: name stands for a government ("Moscow said"); "past": the text tells of an earlier time
    #: there ("last year's bombing in X"); "route": an end of a road or front line the text
    #: names by its two places ("the Aleppo-Damascus highway"). None is an incident of the
    #: report: no draft.
    role: str = ""
    #: why the mention has its role, in words the editor reads
    reason: str = ""

    @property
    def entry(self) -> int:
        return self.sentence.entry

    def moved(self, sentence: Sentence, start: int | None = None) -> "Mention":
        """The same mention in another sentence (at ``start`` in it, or where it was)."""
        return Mention(self.text, sentence, self.start if start is None else start, self.status,
                       self.place, self.score, self.precision, self.alternatives, self.cue, self.role,
                       self.reason)


#: The sentence of a mention worked out apart from any sentence.
_NO_SENTENCE = Sentence(-1, -1, "")


@dataclass
class Found:
    """What a report's sentences hold: place mentions, unresolved names and the rest."""

    mentions: list[Mention] = field(default_factory=list)     # resolved
    unresolved: list[Mention] = field(default_factory=list)   # ambiguous or unknown, place-like
    countries: list[tuple[Sentence, str]] = field(default_factory=list)
    people: set[str] = field(default_factory=set)


class PlaceLookup:
    """The gazetteer seen from a report: cached resolutions, with the report's places as context.

    The context is indexed once when it is set: the points of the other places of a name are
    computed once per name, so a long report costs time in proportion to its length.
    """

    def __init__(self, gazetteer: Any, *, countries: Sequence[str] = (), extra_places: Sequence[Any] = ()) -> None:
        self.gazetteer = gazetteer
        self.countries = tuple(countries)
        self.extra_places = tuple(extra_places)
        self._context: list[tuple[str, tuple[float, float]]] = []
        self._keys_of: dict[tuple[float, float], set[str]] = {}
        self._others: dict[str, tuple[tuple[float, float], ...]] = {}
        #: every distinct list of context points asked with (kept: answers are cached by its id)
        self._points: dict[tuple[tuple[float, float], ...], tuple[tuple[float, float], ...]] = {(): ()}
        self._cache: dict[tuple[str, int], Any] = {}
        #: how the report's places lie over the map's country (measured once per context;
        #: see gazetteer.Gazetteer.context_spread)
        self._spread: ContextSpread | None = None
        #: the names asked for, when recording (the finder's second pass uses them)
        self.tried: set[str] | None = None
        #: the names whose place lay far from all the report's others (see _short_lookalike)
        self.far: set[str] = set()
        self._front: tuple[tuple[float, float], ...] | None = None
        self._front_points: np.ndarray | None = None

    @property
    def context(self) -> list[tuple[str, tuple[float, float]]]:
        """(folded name, (lat, lon)) of the places the report names."""
        return self._context

    @context.setter
    def context(self, pairs: Iterable[tuple[str, tuple[float, float]]]) -> None:
        self._context = list(pairs)
        self._keys_of = {}
        for key, point in self._context:
            self._keys_of.setdefault(point, set()).add(key)
        # (each distinct point once, as each name's context holds it: a place named often
        # does not raise the crowd that counts)
        self._spread = self.gazetteer.context_spread(list(self._keys_of), self.countries)
        self._others = {}

    @property
    def front(self) -> tuple[tuple[float, float], ...] | None:
        """The points of the report's landmarks when they lie on one front (see
        :meth:`MentionFinder._front_of`), else None."""
        return self._front

    @front.setter
    def front(self, points: tuple[tuple[float, float], ...] | None) -> None:
        if points != self._front:
            self._front = points
            self._front_points = None if points is None else np.array(points, dtype=float)
            self._cache = {}  # (answers are cached by name and context, not by the front)

    @property
    def spread(self) -> ContextSpread | None:
        """How the report's places lie over the map's country (None before they are known)."""
        return self._spread

    def others(self, key: str) -> tuple[tuple[float, float], ...]:
        """The distinct points of the report's places named otherwise than ``key`` (sorted)."""
        hit = self._others.get(key)
        if hit is None:
            hit = tuple(sorted(pt for pt, keys in self._keys_of.items() if keys != {key}))
            # one object per distinct list of points, so that answers are cached by its id
            hit = self._others[key] = self._points.setdefault(hit, hit)
        return hit

    def resolve(self, name: str, *, context: bool = True) -> Any:
        """The gazetteer's answer for ``name`` with the report's other places as context (or
        without any, ``context=False``)."""
        if self.tried is not None:
            self.tried.add(name)
        ctx = self.others(fold(name)) if context else ()
        hit = self._cache.get((name, id(ctx)))
        if hit is None:
            hit = self.gazetteer.resolve(name, countries=self.countries, context=ctx,
                                         extra_places=self.extra_places,
                                         context_spread=self._spread)
            if len(ctx) >= MIN_REPORT_POINTS and hit.context_km is not None \
                    and hit.context_km > FAR_FROM_REPORT_KM and _short_lookalike(name, hit):
                hit = replace(hit, status="unresolved", place=None,
                              alternatives=(hit.place, *hit.alternatives),
                              alternative_scores=(hit.score, *hit.alternative_scores),
                              alternatives_context_km=(hit.context_km,
                                                       *hit.alternatives_context_km))
                self.far.add(name)
            elif ctx and self._front_points is not None \
                    and _off_the_front(hit, self._front_points):
                hit = replace(hit, status="unresolved", place=None,
                              alternatives=(hit.place, *hit.alternatives),
                              alternative_scores=(hit.score, *hit.alternative_scores),
                              alternatives_context_km=(hit.context_km or 0.0,
                                                       *hit.alternatives_context_km))
            self._cache[(name, id(ctx))] = hit
        return hit


def _off_the_front(answer: Any, front: np.ndarray) -> bool:
    """Whether the gazetteer's ``answer`` is a village (no seat, nor a town of TOWN_POPULATION
    people) farther than STRAY_KM from each of the report's landmarks, which lie on one front
    (see :meth:`MentionFinder._front_of`): a report of Latakia, its Turkmen and Akrad mountains
    and Kinsabba does not mean Muqtarah by Kobani ("al-Mukhtara"), however near the report's
    other names place their own namesakes."""
    from gazetteer.resolve import STRAY_KM, haversine_km

    place = answer.place
    if answer.status != "resolved" or _is_town(place) or not place.feature_code.startswith("PPL"):
        return False
    return bool((haversine_km(place.lat, place.lon, front[:, 0], front[:, 1]) > STRAY_KM).all())


def _is_town(place: Any) -> bool:
    """Whether ``place`` is a seat or a town of TOWN_POPULATION people, as the gazetteer counts
    towns (see :func:`gazetteer.resolve.is_town`)."""
    from gazetteer.resolve import SEATS, TOWN_POPULATION

    return place.feature_code in SEATS or place.population >= TOWN_POPULATION


#: Countries' names that are acronyms, a country only in capitals: Turkish "ABD" (the United
#: States), not the "Abd" of "Abd al-Aziz".
_COUNTRY_ACRONYMS = frozenset({"abd", "us", "usa", "uk", "uae", "eua", "eeuu"})

#: English words for a landform, after a name or before it ("the Akrad Mountains", "Mount
#: Hermon", "al-Fiel Hill"), and the Arabic word place names write for it before the name.
_LANDFORM_WORDS = {"mountains": "Jabal", "mountain": "Jabal", "mount": "Jabal", "hill": "Tall"}


#: A word for a landform before a name in Portuguese, Spanish, French and Italian ("as montanhas
#: de Abd al-Aziz", "el monte", "la colline de"), which Arabic names write as Jabal or Tall.
_LANDFORM_BEFORE = re.compile(r"\b(montanhas?|montañas?|montagnes?|montagna|montagne|monts?|montes?|"
                              r"monti|colinas?|collines?|collina|colline)\s+(?:d[eoa]s?|du|des|di|"
                              r"del|dell[ae]|d['’])?\s*$", re.I)


def _as_arabic_landform(part: Sequence[Token]) -> str | None:
    """A name with an English word for its landform ("al-Akrad Mountains", "Mount Hermon"; or
    the Portuguese, Spanish, Italian or French word before it, "Monte Sheikh") written as Arabic
    names are, the word before the name ("Jabal al-Akrad"), or None."""
    if len(part) < 2:
        return None
    first, last = part[0].low, part[-1].low
    if last in _LANDFORM_WORDS and first not in _LANDFORM_WORDS:
        rest = " ".join(t.text for t in part[:-1])
        return f"{_LANDFORM_WORDS[last]} {rest}"
    if first in ("mount", "monte", "mont"):   # "Mount Hermon", "Monte Sheikh", "Mont Hermon"
        return "Jabal " + " ".join(t.text for t in part[1:])
    return None


def _spelled(answer: Any) -> bool:
    """Whether the gazetteer's ``answer`` is a place the name spells (its own or another of
    its names, loosely or in Arabic script), not a look-alike of it."""
    return answer.status == "resolved" and answer.match in ("exact", "alternate", "loose", "arabic")


#: A report's places that make the check below: at least this many other places, and ...
MIN_REPORT_POINTS = 1
#: ... the place farther than this from all of them.
FAR_FROM_REPORT_KM = 150.0
#: Seats any reader of the country knows by any of their names (a province's, a district's).
_LANDMARK_SEATS = frozenset({"PPLC", "PPLA", "PPLA2"})


def _short_lookalike(name: str, res: Any) -> bool:
    """Whether the gazetteer's answer for a name of three consonants or fewer is a place
    (not a province's or district's seat) that the name only resembles, or spells loosely as
    another of its names. Far from all of the report's other places, such a place is no answer
    (a place of the report the gazetteer lacks is likelier: "al-Senaa", a district of Raqqa,
    is not As Si`in by Hama, also called Saane; "the Derro oil field" by Deir ez-Zor is not
    Daraa, also Daro), nor a point the report's other places are read around."""
    if res.status != "resolved" or res.match not in ("loose", "skeleton", "fuzzy") \
            or res.place.feature_code in _LANDMARK_SEATS:
        return False
    from gazetteer.normalize import consonants, cyrillic_readings, loose_key, split_qualifiers

    # (a name in Cyrillic letters by its Latin readings, as the gazetteer looked it up; its
    # consonants counted in the reading of every х as h, the second)
    keys = [loose_key(spelling) for spelling in cyrillic_readings(name) or (name,)]
    fewest = keys[1] if len(keys) > 1 else keys[0]
    return (res.match != "loose" or loose_key(res.place.name) not in keys) and \
        len(consonants(split_qualifiers(fewest)[0])) <= 3


@lru_cache(maxsize=4096)
def _kurdish_readings(name: str) -> tuple[str, ...]:
    """A name in Kurdish letters read as romanisations of Arabic write it (see
    :func:`gazetteer.normalize.kurdish_readings`); none for another name."""
    from gazetteer.normalize import has_kurdish_letters, kurdish_readings

    return kurdish_readings(name) if has_kurdish_letters(name) else ()


@lru_cache(maxsize=4096)
def _readings(name: str) -> tuple[str, ...]:
    """A name read as the other traditions write Arabic names, and the Kurdish and Turkish way
    (see :func:`gazetteer.normalize.foreign_readings` and
    :func:`gazetteer.normalize.c_as_j`: "Cevadiye", al-Jawadiyah; "Tavila", Tawila), as the
    gazetteer reads a name that spells nothing as written; and in Kurdish letters (see
    :func:`_kurdish_readings`)."""
    from gazetteer.normalize import c_as_j, foreign_readings

    turkish = c_as_j(name)
    return (*_kurdish_readings(name), *foreign_readings(name), *((turkish,) if turkish else ()))


@lru_cache(maxsize=4096)
def _unqualified(name: str) -> str:
    """A place's ``name`` without its qualifiers and their articles ("Buwaydah ash Sharqiyah":
    "buwaydah"), folded; "" when it has none."""
    from gazetteer.normalize import fold as fold_name, qualified

    words = fold_name(name).split()
    kept = [w for w in qualified(words, articles=True) if not w.isupper()]
    return " ".join(kept) if len(kept) < len(words) and kept else ""


_POSSESSIVE = re.compile(r"['’]s?$")
_COMPOUND_TAIL = frozenset("""backed led held allied based controlled run linked born style era made
funded supported affiliated dominated leaning aligned friendly bound owned occupied administered
annexed majority populated inhabited brokered sponsored mediated trained armed""".split())
_CAMEL = re.compile(r"[a-z][A-Z]")


_ELISION = re.compile(r"^(?:[dlnjmstc]|qu|jusqu|lorsqu|puisqu|dell|nell|all|sull)['’](?=[A-ZÀ-Ý])")
#: A Turkish case ending written onto a name after an apostrophe: of (Halep'in, Suriye'nin), to
#: (Kilis'e, Ankara'ya), in (Ankara'da, Kilis'te), from (Azez'den), with (Kilis'le), its
#: accusative (Havaalanı'nı) and "of the one in" (Marea'daki). Read off only in a report written
#: in Turkish: "al-Ra'i" and "Mare'a" end so in Arabic romanisations. In capitals too, as
#: headlines and datelines write it ("EL BAB'A", to al-Bab).
_TURKISH_CASE = re.compile(r"['’](?P<case>n?[ıiuü]n|[nsy]?[ıiuü]|[ny]?[ae]|n?[dt][ae](?:n|ki)?|y?l[ae])$",
                           re.I)


def tokens_of(text: str) -> list[Token]:
    """Words with their offsets; a possessive ending ("Turkey's") and an elided French or
    Italian article ("d'Alep", "l'Irak") are not part of the word. A place name's first word
    written in small letters before a capitalised one ("no bairro curdo de cheikh Maqsoud",
    "the village of kafr Nabl") is the name's."""
    out = []
    matches = list(_TOKEN.finditer(text))
    for n, m in enumerate(matches):
        word, start = m.group(0), m.start()
        tail = False
        # only words that can be part of a name are kept (capitalised, "al-X" or a connector):
        # a run of names ends where the text between two kept words is more than a space
        if not (word.lstrip(_AYN_MARKS)[:1].isupper() or word in lx.NAME_CONNECTORS
                or (("-" in word or "'" in word or "’" in word)
                    and (_ART_HYPHEN.match(word) or _ELISION.match(word)))
                or _lower_head(text, word, m.end(), matches[n + 1: n + 2])
                or (tail := _lower_tail(text, m, matches[n - 1] if n else None))):
            continue
        elided = _ELISION.match(word)
        if elided is not None:
            word, start = word[elided.end():], start + elided.end()
        word = _POSSESSIVE.sub("", word) if len(word) > 3 else word
        out.append(Token(word, start, start + len(word)))
        if tail:
            out[-1].is_cap = True   # (a name's word, as if capitalised)
    return out


#: Turkish endings of the genitive (of) and the locative (in), and the words after a name that
#: place what is told near it (north, south, east, west, near, around, facing, outside), where
#: someone speaks (a statement, speaking, a press conference) and where people meet.
_TURKISH_OF = ("in", "ın", "un", "ün", "nin", "nın", "nun", "nün")
_TURKISH_IN = ("da", "de", "ta", "te", "nda", "nde")
_TURKISH_NEAR = ("kuzey", "güney", "doğu", "batı", "yakın", "çevre", "civar", "etraf", "karşı",
                 "dışı", "kenar")
_TURKISH_SPEAKING = ("açıklama", "konuş", "basın", "demeç", "söyle")
_TURKISH_MEETING = ("toplantı", "görüşme", "zirve", "müzakere", "konferans", "forum")
#: "of the one in" (Reyhanlı'daki), and the officials and sources it may name: they speak there.
_TURKISH_OF_THERE = ("daki", "deki", "taki", "teki", "ndaki", "ndeki")
_TURKISH_OFFICIALS = ("yetkili", "kaynak", "sözcü", "vali", "yönetici", "muhabir")


def is_bureau(lookup: PlaceLookup, place: Any, surface: str) -> bool:
    """True when a dateline's ``place`` (named ``surface``) lies farther than :data:`BUREAU_KM`
    from every other place of the report: the bureau the report is filed from, not where it
    happened."""
    others = lookup.others(fold(surface))
    return bool(others) and all(great_circle_km(place.lat, place.lon, lat, lon) > BUREAU_KM
                                for lat, lon in others)


def turkish_case_off(tokens: list[Token]) -> list[Token]:
    """``tokens`` with the Turkish case endings read off the names ("Kilis'e" -> "Kilis", its
    ``case`` "e")."""
    out = []
    for tok in tokens:
        ending = _TURKISH_CASE.search(tok.text)
        if ending is None or ending.start() < 2:
            out.append(tok)
            continue
        word = tok.text[:ending.start()]
        out.append(Token(word, tok.start, tok.start + len(word), case=ending.group("case").lower()))
    return out


def _lower_head(text: str, word: str, end: int, following: list[re.Match]) -> bool:
    """Whether ``word``, in small letters, is a place name's first word (Sheikh, Kafr, Deir,
    Tal...: :data:`mapgen.ingest.lexicon.NAME_HEADS`) and a capitalised word follows it after
    one space."""
    return (word in lx.NAME_HEADS and bool(following)
            and following[0].start() == end + 1 and text[end] == " "
            and following[0].group(0)[:1].isupper())


#: The Arabic article written with a capital apart from its word ("Maarat Al artiq").
_CAPITAL_ARTICLES = frozenset({"Al", "El"})


def _lower_tail(text: str, match: re.Match, before: re.Match | None) -> bool:
    """Whether the word ``match``, in small letters, ends a place name whose capitalised first
    word is a name's head and comes right before it, a space apart ("Kafer amim", a list's Kafr
    Amim), or whose capitalised article does ("Maarat Al artiq": a name does not end in its
    article): not a word of the sentence's own (a function word, a verb of saying, a word for a
    kind of place or an event)."""
    word = match.group(0)
    return (before is not None and (before.group(0).lower() in lx.NAME_HEADS
                                    or before.group(0) in _CAPITAL_ARTICLES)
            and before.group(0)[:1].isupper() and match.start() == before.end() + 1
            and text[before.end()] == " " and len(word) > 2
            and word.isalpha() and word not in lx.FUNCTION_WORDS
            and word not in lx.SPEECH_VERBS and word not in lx.SETTLEMENT_WORDS
            and word not in lx.REGION_WORDS and word not in lx.EVENT_WORDS)


def _mark_dateline_and_byline(text: str, tokens: list[Token]) -> None:
    """Flag the words of a dateline's place ("AZAZ, Syria (Reuters) -": read as a name though in
    capitals; "Cairo/Ancara, 14 fev (EFE).-"), of a byline's authors ("By Layla Haddad and Orhan
    Coskun": people), of a photograph's credit ("REUTERS/Ammar Abdullah": the photographer) and
    of a place and a dash that may be a dateline ("Beirute - Os")."""
    credits = list(PHOTO_CREDIT.finditer(text)) if "/" in text else []
    credits += PHOTO_BY.finditer(text)   # "[Photo courtesy of Musab Assaf]"
    caption = CAPTION_CREDIT.search(text) if "(" in text else None
    if caption is not None:   # "... Aleppo – April 5, 2025 (Hawar)": who took the picture
        credits.append(caption)
    for credit in credits:
        for tok in tokens:
            if tok.start >= credit.start("names") and tok.end <= credit.end("names"):
                tok.byline = True
    # (after a labelled date heading the text: "date 2014-08 Cairo, 24 ago (EFE).-")
    labelled = DATE_LABEL.match(text)
    at = len(text) - len(text[labelled.end("date"):].lstrip()) if labelled is not None else 0
    text = text[at:]
    match = BYLINE.match(text)
    if match is not None:
        for tok in tokens:
            if tok.start >= at + match.start("names") and tok.end <= at + match.end("names"):
                tok.byline = True
            elif match.group("bureau") and tok.start >= at + match.start("bureau"):
                tok.bureau = True   # "... in Beirut": where the authors write from
        return
    head = text[:1]
    if not head.isupper():
        return
    match = DATELINE.match(text) or AGENCY_DATELINE.match(text) or COLON_DATELINE.match(text)
    if match is not None:
        for tok in tokens:
            if at <= tok.start and tok.end <= at + match.end("place"):
                tok.dateline = True
        return
    match = LOOSE_DATELINE.match(text)
    if match is not None:
        for tok in tokens:
            if at <= tok.start and tok.end <= at + match.end("place"):
                tok.bureau = True


def _spelled_as_named(surface: str, sim: float) -> bool:
    """Whether a name the gazetteer matched by its loose key is written as the place is named:
    a name of two words or more, or one that looks like the place's (a short one, very much)."""
    return (len(surface.split()) > 1 or sim >= LOOSE_SAME
            or (sim >= LOOSE_SIMILARITY and sum(ch.isalpha() for ch in surface) >= LOOSE_LETTERS))


_OF = frozenset("de do da du des del di d".split())


def _group_then_place(words: list[Token]) -> bool:
    """True when a run opened by an organisation's head noun is a known group's whole name, then
    "de" and a name: "expulsaram o Estado Islâmico de Kobani" drove the group *from* Kobani (the
    group is "Estado Islâmico"; nobody names it "of Kobani"), so the name after "de" is read."""
    for size in range(len(words) - 2, 1, -1):
        raw = " ".join(t.text.lower() for t in words[:size])
        if (raw in lx.GROUPS or " ".join(t.low for t in words[:size]) in lx.GROUPS) \
                and words[size].low in _OF and words[size + 1].is_cap:
            return True
    return False


def _said_of_group(name: str, text: str) -> bool:
    """Whether a sentence ``text`` naming ``name``, a group's name that is also a town's (see
    :data:`lexicon.GROUPS_ALSO_PLACES`), says it of the group: a word of the group's own
    beside it in the sentence ("the Russian Duma", "Duma deputies")."""
    words = set(_WORD.findall(text.lower()))
    return not words.isdisjoint(lx.GROUPS_ALSO_PLACES[name])


#: Months written short that open names too ("Jan Shijún": Khan Shaykhun, as Spanish agencies
#: write خان): the month only beside a number ("Jan 3", "3 Jan", "Jan. 2016"); before another
#: capitalised word without one, a name's first word. (Not "mar", the Romance languages' sea.)
_SHORT_MONTHS_IN_NAMES = frozenset("jan feb apr jun jul aug sep sept oct nov dec".split())


def _a_month(words: list[Token], n: int, text: str) -> bool:
    """Whether the ``n``-th of a run of capitalised ``words`` is a month's name."""
    t = words[n]
    if t.low not in lx.MONTH_WORDS:
        return False
    if t.low not in _SHORT_MONTHS_IN_NAMES or n + 1 >= len(words):
        return True
    return any(c.isdigit() for c in text[max(0, t.start - 4):t.start] + text[t.end:t.end + 6])


def _not_a_name(tok: Token) -> bool:
    """Compound adjectives ("Western-backed") and brand names written in CamelCase."""
    if "-" in tok.text and tok.text.rsplit("-", 1)[1].lower() in _COMPOUND_TAIL:
        return True
    return bool(_CAMEL.search(tok.text))


def _joined(text: str, a: Token, b: Token) -> bool:
    gap = text[a.end:b.start]
    if gap in (" ‘", " ʿ") and a.low in lx.GENERIC_PLACE_WORDS and b.text[:1] in "AEIOU":
        return True   # "Jabal ‘Abdel-‘Aziz", "Tal ‘Ali": a mark of ‘ayn opening the next word
    return gap == " " or (gap.strip() == "" and 0 < len(gap) <= 2)


def spans_of(text: str, tokens: list[Token], stop: frozenset[str] = lx.FUNCTION_WORDS) -> list[list[int]]:
    """Runs of name tokens (capitalised words, "al-X" words and connectors between them);
    words of ``stop`` are never part of a name."""
    spans: list[list[int]] = []
    current: list[int] = []
    for i, tok in enumerate(tokens):
        is_name = ((tok.is_cap or tok.is_article_name or tok.text in lx.NAME_HEADS)
                   and tok.low not in stop
                   and not _not_a_name(tok))
        is_link = tok.is_connector and current
        if (is_name or is_link) and current and not _joined(text, tokens[current[-1]], tok):
            spans.append(current)
            current = []
            is_link = False
        if is_name or is_link:
            current.append(i)
        else:
            if current:
                spans.append(current)
            current = []
    if current:
        spans.append(current)
    out = []
    for span in spans:
        while span and tokens[span[-1]].is_connector:
            span = span[:-1]
        while span and tokens[span[0]].is_connector:
            span = span[1:]
        if span:
            out.append(span)
    return out


_LAST_WORD = re.compile(r"([^\W\d_][\w'’\-]*)\W*$")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_WORD_OR_MARK = re.compile(r"[^\W\d_][\w'’\-]*|[.,;:!?()\"“”]")

# The words around a name are read from a window of its sentence; the same windows come back
# again and again in a long report ("shelling on X", "X and Y"), so each is read once.


def _org_head_before(text: str, tok: Token) -> bool:
    """Whether the word right before ``tok`` (a space apart) is a capitalised head noun of an
    organisation's name in another language ("Forças Armadas", "Fuerzas Armadas"): ``tok``
    goes on its name."""
    before = text[max(0, tok.start - LOOK_BEHIND // 2):tok.start]
    match = _WORD_THEN_SPACE.search(before)
    return match is not None and match.group(1)[:1].isupper() \
        and fold(match.group(1)) in lx.FOREIGN_ORG_HEADS


#: A particle of an Arabic name written in small letters, then the name's next word ("Rami
#: abdel Rahmane", "Hassan bin Ali").
_PARTICLE_NAME = re.compile(r"\s+(?:abdel|abdul|abd|bin|ibn|ben|abu|abou)\s+[A-ZÀ-Þ]")
#: The last word of a text and the spaces after it, nothing else.
_WORD_THEN_SPACE = re.compile(r"([^\W\d_][\w'’\-]*)\s+$")


#: "X al-Balad": the old town of X ("Daraa al-Balad", "Dara’a al-Balad", "Daraa Al Balad").
_OLD_TOWN = re.compile(r"^(?P<town>.+?)[\s-]+[ae]l[\s-]+balad$", re.I)
#: A sentence with this many commas holds a list, whose capitalised names do not make it title
#: case (see :meth:`MentionFinder._title_case`).
LIST_COMMAS = 3
#: Someone's kin after a name and "'s" ("Abu Ammar's daughter and niece"): the name is a
#: person's.
_KIN_AFTER = re.compile(
    r"['’]s\s+(?:(?:two|three|young|eldest|youngest|little|elder|older|younger)\s+)?"
    r"(?:daughters?|sons?|wife|wives|husband|brothers?|sisters?|father|mother|parents|children|"
    r"child|nieces?|nephews?|cousins?|uncle|aunt|grandsons?|granddaughters?|grandchildren|"
    r"grandfather|grandmother|widow|relatives|in-laws|family)\b", re.I)
#: The most characters between a quotation's end and who said it ('», a déclaré ').
SAID_GAP = 40
#: The end of a quotation and the verb of saying before who said it ('"...," said Hanna', "»,
#: a déclaré", '", dijo', '", disse', '", sagte'): a person follows.
_QUOTE_SAID = re.compile(
    r"[\"”»“']\s*,?\s*(?:said|says|added|told|stated|explained|continued|wrote|dijo|afirm[óo]|"
    r"añadió|agreg[óo]|disse|afirmou|acrescentou|a\s+(?:déclaré|dit|ajouté)|déclare|ajoute|"
    r"sagte|erklärte|fügte|ha\s+(?:detto|dichiarato|aggiunto)|dedi)\s+$", re.I)


def _word_before(text: str, tok: Token, skip: str = "") -> str:
    return _last_word_in(text[max(0, tok.start - LOOK_BEHIND // 2):tok.start], skip)


@lru_cache(maxsize=65_536)
def _last_word_in(before: str, skip: str) -> str:
    before = before.rstrip()
    if skip:
        before = before.rstrip(skip).rstrip()
    match = _LAST_WORD.search(before)
    return match.group(1).lower() if match else ""


def _title_then_demonym(text: str, tok: Token) -> bool:
    """Whether a title and a demonym stand right before ``tok`` ("the Kurdish commander X", "il
    generale arabo X", "le commandant kurde X"): a person."""
    before = _words_in_before(text[max(0, tok.start - LOOK_BEHIND // 2):tok.start], 2)
    return len(before) == 2 and before[0] in lx.TITLES and (
        before[1] in lx.DEMONYMS or before[1] in lx.FOREIGN_DEMONYMS)


@lru_cache(maxsize=65_536)
def _words_in_before(before: str, n: int) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD.findall(before)[-n:])


def _words_after(text: str, tok: Token, n: int = 2) -> tuple[str, ...]:
    return _words_in_after(text[tok.end:tok.end + LOOK_BEHIND], n)


@lru_cache(maxsize=65_536)
def _words_in_after(after: str, n: int) -> tuple[str, ...]:
    if after[:1] not in ("", " ", "\u00a0") and not after.startswith(("’s", "'s")):
        return ()
    if after.startswith(("’s", "'s")):
        after = after[2:]
    words = _WORD_OR_MARK.findall(after)[:n]
    return tuple(w.lower() for w in words)


class MentionFinder:
    """Find place mentions in a report's sentences with a :class:`PlaceLookup`."""

    def __init__(self, lookup: PlaceLookup, sentences: Sequence[Sentence]) -> None:
        self.lookup = lookup
        self.sentences = list(sentences)
        text = "\n".join(s.text for s in self.sentences)   # one a line: no word runs into the next
        self.lower_words = set(_PLAIN_WORD.findall(text))
        self.languages = lx.languages_of(Counter(_LOWER_WORD.findall(text)))
        self.stop = lx.FUNCTION_WORDS.union(*(lx.FOREIGN_FUNCTION_WORDS[lang] for lang in self.languages))
        if "de" in self.languages:   # German capitalises its nouns: "Kleinstadt", "Regierungstruppen"
            self.stop = self.stop | {low for low in map(fold, _CAPITALISED.findall(text))
                                     if lx.is_german_common_noun(low)}
        self.prepositions = lx.PLACE_PREPOSITIONS | (lx.FOREIGN_PLACE_PREPOSITIONS if self.languages else frozenset())
        self.people: set[str] = set()
        self._headlines: dict[int, bool] = {}
        self._plans: dict[tuple[int, int, int], Any] = {}
        self._readings: dict[tuple[int, int, int, bool], Any] = {}
        self._verdicts: dict[tuple[str, Any], tuple[Mention | None, frozenset[str]]] = {}
        self._near: dict[tuple[float, float, str], bool] = {}
        self._heart: tuple[Any, tuple[float, float]] | None = None
        self._ambiguous: dict[tuple[str, int], Any] = {}
        #: names matched only by an alternate name of a place not (yet) among the report's others
        self._alternates: set[str] = set()

    # -- the two passes ----------------------------------------------------------------------
    def run(self) -> Found:
        # A sentence is read from its text alone, so each distinct text is read once (a live
        # blog repeats its summaries and standing lines) and what it found is shared by every
        # sentence of that text.
        first_of: dict[str, int] = {}
        text_of: list[int] = []        # sentence number -> number of its distinct text
        parsed: list[tuple[Sentence, list[Token]]] = []
        spans: list[list[list[int]]] = []
        for sentence in self.sentences:
            u = first_of.get(sentence.text)
            if u is None:
                u = first_of[sentence.text] = len(parsed)
                tokens = tokens_of(sentence.text)
                if "tr" in self.languages:   # "Kilis'e", "Ankara'da": Kilis, Ankara
                    tokens = turkish_case_off(tokens)
                if self.languages:   # "Anadan et Hraytan", "en Syrie": conjunctions, not Arabic articles
                    for tok in tokens:
                        if tok.text in lx.FOREIGN_NOT_CONNECTORS or (
                                tok.text == "von" and "de" in self.languages) or (
                                tok.text in _ITALIAN_OF and "it" in self.languages):
                            tok.plain = True   # ("in der Nacht von Deir Dschamal", "a Nord-Est di Palmira")
                _mark_dateline_and_byline(sentence.text, tokens)
                runs = spans_of(sentence.text, tokens, self.stop)
                self._collect_people(sentence.text, tokens, runs)
                parsed.append((sentence, tokens))
                spans.append(runs)
            text_of.append(u)
        every = [(u, k) for u, runs in enumerate(spans) for k in range(len(runs))]
        pieces, tried = self._pass(parsed, spans, every)
        self.lookup.context = self._context_of(pieces)
        self.lookup.front = self._front_of(pieces)
        if not self.lookup.context:
            return self._join(pieces, parsed, spans, text_of)
        # The second pass reads again only the runs of names whose reading the context can
        # change: a name the gazetteer now answers otherwise (or ambiguously), or a place far
        # from the report's others. The rest keep their first reading: a long report is read
        # about once, in time proportional to its length.
        changed = {name for name in set().union(*tried.values()) if self._context_changes(name)}
        dirty = [key for key in every
                 if tried[key] & (changed | self._alternates) or any(not self._near_report(m) or m.reason in _READ_AGAIN
                                                for m in pieces[key].mentions)]
        again, _ = self._pass(parsed, spans, dirty)
        pieces.update(again)
        # A namesake the second pass picked is context in turn: a name the first pass could not
        # place, placed by the others, places the names read beside it ("between Al Hara and
        # Zamrin, in Deraa province": Zamrin, a name of villages all over the country, is the
        # one of Deraa once the report's others are known, and Al Hara then the Hara beside it,
        # not a village of another province known by that name too). Only places the names
        # spell count, as context and as new answers: look-alikes confirmed by look-alikes would
        # feed on each other, pass after pass.
        picked = [(fold(m.text), (m.place.lat, m.place.lon)) for found in again.values()
                  for m in found.mentions
                  if m.status == "resolved" and m.role not in ("speaker", "route") and m.precision != "region"
                  and m.reason not in _READ_AGAIN and _spelled(self.lookup.resolve(m.text))
                  and self.lookup.resolve(m.text, context=False).status == "ambiguous"]
        context = list(dict.fromkeys(self.lookup.context + picked))
        # (the landmarks as read the second time, towns a namesake reading placed among them)
        front = self._front_of(pieces)
        if len(context) > len(self.lookup.context) or front != self.lookup.front:
            names = set().union(*tried.values())
            before = {name: self.lookup.resolve(name) for name in names}
            self.lookup.context = context
            self.lookup.front = front
            # (and a reading the grown context now rules out: "Jayah", a look-alike by Aleppo
            # while only Deir ez-Zor was known, once Junaynah and Shaqrah are placed beside it)
            moved = {name for name in names if self.lookup.resolve(name) != before[name]
                     and (_spelled(self.lookup.resolve(name))
                          or self.lookup.resolve(name).status != "resolved")}
            dirty = [key for key in every if tried[key] & moved]
            if dirty:
                again, _ = self._pass(parsed, spans, dirty)
                pieces.update(again)
        return self._join(pieces, parsed, spans, text_of)

    def _context_of(self, pieces: dict[tuple[int, int], Found]
                    ) -> list[tuple[str, tuple[float, float]]]:
        """The report's places found in ``pieces`` as context (see
        :meth:`_without_far_lookalikes`): neither provinces and countries nor a
        speaker's place or a dateline's far from the story; a plain, a mountain or a region
        that is no province is ("the villages of the Ghab plain")."""
        return self._without_far_lookalikes(
            [(fold(m.text), (m.place.lat, m.place.lon), m.text) for found in pieces.values()
             for m in found.mentions
             if (m.precision != "region" or m.place.feature_code in AREA_FEATURES)
             and m.role not in ("speaker", "route")
             and m.reason not in _READ_AGAIN
             and not m.place.feature_code.startswith(("ADM", "PCL"))])

    def _front_of(self, pieces: dict[tuple[int, int], Found]
                  ) -> tuple[tuple[float, float], ...] | None:
        """The points of the report's landmarks found in ``pieces`` when they lie on one front
        (see :func:`gazetteer.resolve.one_front`), else None. Landmarks are the places a
        reader knows the report by and that no look-alike reading gives: seats, towns,
        provinces, districts, regions and mountains of the map's countries, named as
        places of the story (not a speaker's or a road's ends)."""
        from gazetteer.resolve import one_front

        countries = self.lookup.countries
        points = {(m.place.lat, m.place.lon) for found in pieces.values()
                  for m in found.mentions
                  if m.status == "resolved" and m.role not in ("speaker", "route")
                  and (not countries or m.place.country in countries)
                  and (_is_town(m.place) or m.place.feature_code in AREA_FEATURES
                       or m.place.feature_code in ("ADM1", "ADM2"))}
        front = tuple(sorted(points))
        return front if one_front(np.array(front, dtype=float).reshape(-1, 2)) else None

    def _far_from_report(self, place: Any) -> bool:
        """True when ``place`` lies outside the map's countries (when given), or farther than
        :data:`FAR_KM` from the middle of the report's places (the median of their latitudes
        and longitudes, which a few far places do not move)."""
        if self.lookup.countries and place.country and place.country not in self.lookup.countries:
            return True
        points = [pt for _, pt in self.lookup.context]
        if not points:
            return False
        if self._heart is None or self._heart[0] is not self.lookup.context:
            lats = sorted(p[0] for p in points)
            lons = sorted(p[1] for p in points)
            self._heart = (self.lookup.context, (lats[len(lats) // 2], lons[len(lons) // 2]))
        lat, lon = self._heart[1]
        return float(distance_km(place.lat, place.lon, lat, lon)) > FAR_KM

    def _bureau(self, place: Any, surface: str) -> bool:
        return is_bureau(self.lookup, place, surface)

    def _among_report(self, place: Any, surface: str) -> bool:
        """True when ``place`` lies within :data:`CLOSE_KM` of another place of the report, or
        within :data:`AMONG_FAR_KM` where few of the country's places lie as near them (see
        :data:`AMONG_CHANCE`)."""
        others = self.lookup.others(fold(surface))
        if not others:
            return False
        km = min(great_circle_km(place.lat, place.lon, lat, lon) for lat, lon in others)
        if km <= CLOSE_KM:
            return True
        spread = self.lookup.spread
        if km > AMONG_FAR_KM or spread is None:
            return False
        share = spread.share_within(km)
        return share is not None and share < AMONG_CHANCE

    def _near_report(self, mention: Mention) -> bool:
        return self._near_place(mention.place, fold(mention.text))

    def _near_place(self, place: Any, name: str) -> bool:
        """:func:`_near_context` for ``place`` named ``name``, worked out once per place and name."""
        key = (place.lat, place.lon, name)
        hit = self._near.get(key)
        if hit is None:
            hit = self._near[key] = _near_context(place, self.lookup.others(name))
        return hit

    def _context_changes(self, name: str) -> bool:
        before, after = self.lookup.resolve(name, context=False), self.lookup.resolve(name)
        return (after.status == "ambiguous" or after != before
                or after.alternative_scores != before.alternative_scores)

    def _pass(self, parsed: Sequence[tuple[Sentence, list[Token]]], spans: Sequence[list[list[int]]],
              which: Iterable[tuple[int, int]]) -> tuple[dict[tuple[int, int], Found], dict[tuple[int, int], set[str]]]:
        """Read the runs ``which`` ((sentence number, run number)): what each found, and the
        names each asked the gazetteer for."""
        pieces: dict[tuple[int, int], Found] = {}
        tried: dict[tuple[int, int], set[str]] = {}
        countries = lx.country_names()
        self._verdicts = {}   # the report's places (the context) may have changed since the last pass
        for n, k in which:
            sentence, tokens = parsed[n]
            found = Found()
            span = spans[n][k]
            if len(span) == 1 and tokens[span[0]].low not in countries and self._is_stop(tokens[span[0]]):
                pieces[(n, k)], tried[(n, k)] = found, set()   # "The", "Rebels": nothing to read
                continue
            self.lookup.tried = tried[(n, k)] = set()
            self._span(sentence, tokens, spans[n][k], found)
            pieces[(n, k)] = found
        self.lookup.tried = None
        return pieces, tried

    def _join(self, pieces: dict[tuple[int, int], Found], parsed: Sequence[tuple[Sentence, list[Token]]],
              spans: Sequence[list[list[int]]], text_of: Sequence[int]) -> Found:
        """What every sentence found, in order: the runs of its distinct text, read once."""
        found = Found(people=set(self.people))
        mentions, unresolved, countries = found.mentions, found.unresolved, found.countries
        for sentence, u in zip(self.sentences, text_of):
            same = parsed[u][0] is sentence
            for k in range(len(spans[u])):
                piece = pieces[(u, k)]
                if same:
                    mentions += piece.mentions
                    unresolved += piece.unresolved
                    countries += piece.countries
                else:
                    mentions += [m.moved(sentence) for m in piece.mentions]
                    unresolved += [m.moved(sentence) for m in piece.unresolved]
                    countries += [(sentence, name) for _, name in piece.countries]
        return found

    def _without_far_lookalikes(self, found: list[tuple[str, tuple[float, float], str]]
                                ) -> list[tuple[str, tuple[float, float]]]:
        """The report's places (key, point) as context, but for the short look-alikes (see
        :func:`_short_lookalike`) far from all the others, which would draw the names read
        around them away with them."""
        far: set[str] = set()
        for key, point, text in found:
            if key in far or not _short_lookalike(text, self.lookup.resolve(text, context=False)):
                continue  # (the few look-alikes first: the distances only for them)
            others = {pt for k, pt, _ in found if k != key}
            if len(others) >= MIN_REPORT_POINTS and all(
                    great_circle_km(point[0], point[1], lat, lon) > FAR_FROM_REPORT_KM
                    for lat, lon in others):
                far.add(key)
        return [(key, point) for key, point, _ in found if key not in far]

    # -- people ------------------------------------------------------------------------------
    def _collect_people(self, text: str, tokens: list[Token], spans: list[list[int]]) -> None:
        """Names after a title ("Prime Minister X Y", "Gen. X") or with a common first name."""
        for span in spans:
            words = [tokens[i] for i in span]
            if words[0].byline:   # "By Layla Haddad and Orhan Coskun": the authors
                self.people.update(t.low for t in words if not t.is_connector)
                continue
            titled = [n for n, t in enumerate(words) if t.low.replace(" ", "-") in lx.TITLES
                      or t.low in lx.TITLES]
            if titled and titled[-1] + 1 < len(words):
                rest = words[titled[-1] + 1:]
            elif _word_before(text, words[0], skip=".,") in lx.TITLES:
                rest = words
            elif _QUOTE_SAID.search(text, max(0, words[0].start - SAID_GAP),
                                    words[0].start) is not None \
                    or _KIN_AFTER.match(text, words[-1].end) is not None:
                # ('"...," said Hanna', "Abu Ammar's daughter"): a person, by the whole name too
                # (a kunya may spell a village loosely: "Abu Ammar" is no Abu Omar)
                self.people.add(fold(text[words[0].start:words[-1].end]))
                rest = words
            elif any(t.low in lx.GIVEN_NAMES for t in words[:-1]) \
                    and _LANDFORM_BEFORE.search(text, 0, words[0].start) is None:
                first = next(n for n, t in enumerate(words[:-1]) if t.low in lx.GIVEN_NAMES)
                rest = words[first:]
            else:
                continue
            # a name is a few words; a title-case headline may follow it in the same run
            kept: list[Token] = []
            for t in rest:
                if (t.low in lx.ORG_WORDS or t.low in lx.TITLES or t.low in lx.country_names()
                        or t.low in lx.COMMON_CAPITALISED or t.text.lower() in self.lower_words):
                    break
                kept.append(t)
            rest = [t for t in kept[:4] if not t.is_connector]
            if rest and not all(t.low in lx.DEMONYMS for t in rest):
                for t in rest[-2:] if len(rest) > 1 else rest:
                    self.people.add(t.low)
                for t in rest:
                    if "-" in t.text and not t.is_article_name:
                        self.people.add(t.low)
                    if t.is_article_name:
                        self.people.add(fold(t.text.split("-", 1)[1]))

    # -- one span ----------------------------------------------------------------------------
    def _span(self, sentence: Sentence, tokens: list[Token], span: list[int], found: Found) -> None:
        key = (id(sentence), span[0], span[-1])
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = self._plan(sentence, tokens, span)
        if plan is None:
            return
        words, countries, segments = plan
        found.countries += [(sentence, name) for name in countries]
        for start, end in segments:
            self._segment(sentence, words, start, end, found)

    def _plan(self, sentence: Sentence, tokens: list[Token],
              span: list[int]) -> tuple[list[Token], list[str], list[tuple[int, int]]] | None:
        """What a run of name words holds apart from places (read once for both passes):
        None for an organisation or a person, else (words, country names, candidate segments)."""
        text = sentence.text
        words = [tokens[i] for i in span]
        if words[0].byline:
            return None   # the authors of a byline
        if words[0].low == "the" and len(words) > 1:
            words = words[1:]
        # an organisation ("X Press Agency", "the X treaty"), an outlet or a group
        after = _words_after(text, words[-1], 1)
        if words[-1].low in lx.ORG_WORDS or (after and after[0] in lx.ORG_WORDS) or (
                len(words) > 2 and words[-1].text.isupper() and words[-2].low in lx.ORG_WORDS):
            return None   # (and "Mi’raj News Agency MINA": its acronym after it)
        if self.languages and words[0].low in lx.FOREIGN_ORG_HEADS and not _group_then_place(words):
            return None   # "Observatoire syrien...", "Capacetes Brancos"
        if self.languages and _org_head_before(text, words[0]):
            return None   # "Forças Armadas": the head, a common word, is read apart
        if words[0].low in lx.ARABIC_ORG_HEADS and len(words) > 1:
            return None   # "Liwa Ahrar Souriya", "Jaish al-Tahrir"
        if _ISLAMIC_STATE_OF.search(text, 0, words[0].start) is not None:
            return None   # "the Islamic State of Iraq and al-Sham": the Levant of a group's name
        if len(words) <= 2 and "-".join(w.text.lower() for w in words) in lx.SURNAMES:
            return None   # "forces loyal to Assad", "las fuerzas de Al Asad": a person (Assad is
            # a village's name too)
        used = [False] * len(words)
        self._mark_lexicon(words, used, text)
        # titles and the people they introduce
        titled = [n for n, t in enumerate(words) if t.low in lx.TITLES]
        if titled:
            for n in range(titled[0], len(words)):
                used[n] = True
        if not all(used) and (_word_before(text, words[0], skip=".,") in lx.TITLES
                              or _title_then_demonym(text, words[0])):
            return None   # "Gen. X", "il generale arabo Ebu Feyad": a person
        if words[-1].low in lx.GIVEN_NAMES and _PARTICLE_NAME.match(text, words[-1].end):
            return None   # "Rami abdel Rahmane": a first name, then the rest in small letters
        named = [n for n, t in enumerate(words[:-1]) if t.low in lx.GIVEN_NAMES and not used[n]]
        if named and ((named[0] and words[named[0] - 1].low in lx.GENERIC_PLACE_WORDS)
                      or _LANDFORM_BEFORE.search(text, 0, words[0].start) is not None):
            named = []   # "Jabal Abdel Aziz", "as montanhas de Abd al-Aziz": places named after people
        if named:  # "Secretary of State John Kerry": a person from the first name on
            if named[0] == 0:
                return None
            for n in range(named[0], len(words)):
                used[n] = True
        # countries and demonyms
        countries = self._mark_countries(words, used)
        for n, t in enumerate(words):
            if t.low in lx.DEMONYMS or t.low in lx.WEEKDAYS or _a_month(words, n, text) or (
                    "-" in t.text and all(part in lx.DEMONYMS for part in t.low.split())):
                used[n] = True   # (and "Syrian-Turkish": a border's two sides)
        # candidates, longest first
        return words, countries, self._segments(used)

    def _mark_lexicon(self, words: list[Token], used: list[bool], text: str) -> None:
        lows = [t.low for t in words]
        for size in range(len(words), 0, -1):
            for i in range(0, len(words) - size + 1):
                if any(used[i:i + size]):
                    continue
                name = " ".join(lows[i:i + size])
                raw = " ".join(t.text.lower() for t in words[i:i + size])
                if name in lx.OUTLETS or name in lx.GROUPS or raw in lx.OUTLETS or raw in lx.GROUPS:
                    if name in lx.GROUPS_ALSO_PLACES and not _said_of_group(name, text):
                        continue   # "the exodus from Duma": Douma, not Russia's parliament
                    for n in range(i, i + size):
                        used[n] = True

    def _mark_countries(self, words: list[Token], used: list[bool]) -> list[str]:
        found: list[str] = []
        countries = lx.country_names()
        for size in range(min(len(words), 5), 0, -1):
            for i in range(0, len(words) - size + 1):
                if any(used[i:i + size]):
                    continue
                name = " ".join(t.low for t in words[i:i + size])
                if name in countries and not (name in _COUNTRY_ACRONYMS
                                              and not words[i].text.isupper()):
                    for n in range(i, i + size):
                        used[n] = True
                    found.append(" ".join(t.text for t in words[i:i + size]))
        return found

    @staticmethod
    def _segments(used: list[bool]) -> list[tuple[int, int]]:
        out, start = [], None
        for n, flag in enumerate(used + [True]):
            if not flag and start is None:
                start = n
            elif flag and start is not None:
                out.append((start, n))
                start = None
        return out

    def _is_stop(self, tok: Token) -> bool:
        low = tok.low
        return (low in self.stop or low in lx.COMMON_CAPITALISED or low in lx.TITLES
                or low in lx.DEMONYMS or low in lx.WEEKDAYS or low in lx.MONTH_WORDS
                or low in lx.FAITH_WORDS or tok.text.lower() in self.lower_words or len(low) <= 2)

    def _is_headline(self, sentence: Sentence) -> bool:
        """A title-case line ("Regime Pushes Towards Tell Rifaat"): its words are not one name."""
        hit = self._headlines.get(id(sentence))
        if hit is None:
            hit = self._headlines[id(sentence)] = self._title_case(sentence)
        return hit

    @staticmethod
    def _title_case(sentence: Sentence) -> bool:
        text = sentence.text
        if text.count(",") >= LIST_COMMAS:
            # a list of names: its items are capitalised whatever the line is; the words before
            # it must be too, all but short words, as in a headline ("Rebels Take Azaz, Marea,
            # ..."), not in a line of names ("Ziyade, Saide, Dadat, ...") or a sentence ("The
            # wounded were taken from Azaz, Marea, ..."); and the line as a whole (not "Las
            # Unidades de Protección del Pueblo, milicias kurdo-sirias, se hicieron ...")
            head = re.findall(r"[^\W\d_][\w'’\-]*", text[:text.index(",")])
            if len(head) < 3 or not all(w[0].isupper() or len(w) <= 3 for w in head):
                return False
        words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", text)]
        if len(words) < 3:
            return False
        caps = sum(w[0].isupper() for w in words)
        return caps / len(words) >= 0.6

    def _filler(self, tok: Token) -> bool:
        """Words beside a place name in a span that do not make the span one longer name (a
        group's initials among them: "ÖSO'nun Tel Abyad ilçesinde"; and in German, which
        capitalises its nouns, a common word: "den strategischen Flecken Scheich Meskin", "das
        Pilgerzentrum Sayyida Zeinab"; not in languages that capitalise a common word only in a
        name: "os Livres de Sham" is a group)."""
        return (self._is_stop(tok) or tok.is_connector or tok.low in lx.REGION_WORDS
                or (tok.text.isupper() and len(tok.text) > 1 and not tok.dateline)   # "ÖSO", "SDF"
                or _DIRECTION_ADJECTIVE.match(tok.text) is not None
                or tok.low in lx.FACILITY_WORDS or tok.low in lx.SETTLEMENT_WORDS
                or tok.low in ("air", "base", "border", "crossing", "military")
                or ("de" in self.languages and (lx.is_common_word(tok.text, ("de",))
                                                or lx.is_german_compound(tok.text))))

    def _segment(self, sentence: Sentence, words: list[Token], start: int, end: int, found: Found) -> None:
        headline = self._is_headline(sentence)
        free = list(range(start, end))
        best_unresolved: Mention | None = None
        size = len(free)
        while size > 0:
            accepted = False
            for i in range(start, end - size + 1):
                part = words[i:i + size]
                if any(n not in free for n in range(i, i + size)):
                    continue
                if part[0].is_connector or part[-1].is_connector:
                    continue
                if size == 1 and (self._is_stop(part[0]) or part[0].low in self.people
                                  or part[0].text.lower() in lx.SURNAMES   # "Forças de Assad"
                                  or (part[0].text.isupper() and len(part[0].text) > 1
                                      and not part[0].dateline)):
                    continue
                if size > 1 and (part[0].low in self.stop or part[-1].low in self.stop):
                    continue
                if size > 1 and all(self._is_stop(t) or t.is_connector for t in part):
                    continue
                # outside a headline, capitalised words in a row are one name ("Medecins Sans
                # Frontieres", "Sultan Murad Division"): a part of it is a place only when the
                # rest is filler ("Latakia Province", "Thousands Fleeing Aleppo")
                if not headline and not all(self._filler(words[n]) for n in free
                                            if not i <= n < i + size):
                    continue
                mention = self._try(sentence, part, last=(i + size == end))
                if (mention is None or mention.status == "unresolved") and (
                        size == 1 or sum("-" in t.text for t in part) == 1):
                    pair = self._hyphened_pair(sentence, part, last=(i + size == end))
                    if pair:   # "the Azez-Cerablus line", "the Deir Ezzor-Palmyra road"
                        found.mentions.extend(pair)
                        for n in range(i, i + size):
                            free.remove(n)
                        accepted = True
                        break
                if mention is None:
                    continue
                if mention.status == "resolved":
                    found.mentions.append(mention)
                    for n in range(i, i + size):
                        free.remove(n)
                    accepted = True
                    break
                if best_unresolved is None and mention.cue:
                    best_unresolved = mention
            if not accepted:
                size -= 1
            else:
                size = min(size, len(free))
        if len(free) == end - start and self._common_head(words, start, end):
            # "o Gargalo de Beit Jinn" (the Beit Jinn chokepoint), "la Colina de Qurs al-Nafal":
            # a capitalised word of the report's language and "de" before a name, a position
            # or landmark named after the place, when the whole names nothing
            before = len(found.mentions) + len(found.unresolved)
            self._segment(sentence, words, start + 2, end, found)
            if len(found.mentions) + len(found.unresolved) > before:
                return
        if best_unresolved is not None and len(free) == end - start:
            found.unresolved.append(best_unresolved)

    def _common_head(self, words: list[Token], start: int, end: int) -> bool:
        """Whether a run of names begins with a common word of the report's Portuguese, Spanish,
        French or Italian and "de" ("Gargalo de Beit Jinn"), and the rest holds no such word
        ("Frente de Libertação de Idlib" is a group's name, not Idlib)."""
        langs = [lang for lang in self.languages if lang in _ROMANCE]
        if not langs or end - start < 3 or words[start + 1].text not in _ROMANCE_OF:
            return False
        return lx.is_common_word(words[start].text, langs) and not any(
            lx.is_common_word(t.text, langs) for t in words[start + 2:end] if not t.is_connector)

    def _hyphened_pair(self, sentence: Sentence, part: list[Token], *, last: bool) -> list[Mention]:
        """The two places of a word that joins two capitalised names with a hyphen and names
        nothing as a whole ("Azez-Cerablus", "Aleppo-Damascus"), each half with the words of
        ``part`` on its side ("Deir Ezzor-Palmyra", "Azaz-Tal Rifaat"): both resolved, or none.
        What is told lies between them (a road, a front line), so neither is an incident's
        place (see :data:`ROUTE`). A first part that begins names of its own ("Tal-", "Bab-",
        "Al-") is no pair."""
        at = next((n for n, t in enumerate(part) if "-" in t.text), None)
        if at is None:
            return []
        tok = part[at]
        halves = tok.text.split("-")
        if len(halves) != 2 or not all(len(h) >= 3 and h[:1].isupper() for h in halves):
            return []
        if fold(halves[0]) in lx.GENERIC_PLACE_WORDS or fold(halves[0]) in lx.NAME_HEADS \
                or fold(halves[0]) in lx.ARTICLES:
            return []
        second = tok.start + len(halves[0]) + 1
        first_end = tok.start + len(halves[0])
        sides = ([*part[:at], Token(halves[0], tok.start, first_end)],
                 [Token(halves[1], second, second + len(halves[1])), *part[at + 1:]])
        if any(side[0].is_connector or side[-1].is_connector for side in sides):
            return []
        found = [self._try(sentence, side, last=last and n == 1) for n, side in enumerate(sides)]
        if not all(m is not None and m.status == "resolved" for m in found):
            return []
        # what is told lies between the two (a road, a front line), at neither
        return [replace(m, role="route", reason=ROUTE) for m in found if m is not None]

    # -- one candidate -----------------------------------------------------------------------
    def _try(self, sentence: Sentence, part: list[Token], *, last: bool) -> Mention | None:
        text = sentence.text
        surface = text[part[0].start:part[-1].end]
        if fold(surface) in self.people:
            return None
        key = (id(sentence), part[0].start, part[-1].end, last)
        read = self._readings.get(key)
        if read is None:
            read = self._readings[key] = self._reading(sentence, part, surface, last)
        # what a name read the same way comes to is worked out once per pass (a long report
        # names the same places in the same words again and again)
        hit = self._verdicts.get((surface, read))
        tried = self.lookup.tried
        if hit is None:
            self.lookup.tried = asked = set()
            try:
                verdict = self._verdict(surface, read)
            finally:
                self.lookup.tried = tried
            hit = self._verdicts[(surface, read)] = (verdict, frozenset(asked))
        verdict, asked = hit
        if tried is not None:
            tried |= asked
        if verdict is None:
            return None
        if self._common_word_at(text, part[0].start, surface):
            answer = self.lookup.resolve(surface)
            if not (answer.status == "resolved" and answer.match in ("exact", "alternate")):
                return None   # a word of the report's language: "Karte" (map) is no Al Qartah
        return verdict.moved(sentence, part[0].start)

    def _common_word_at(self, text: str, start: int, surface: str) -> bool:
        """Whether ``surface``, one word, is a common word of the report's language (see
        :func:`mapgen.ingest.lexicon.is_common_word`) where it stands: anywhere in German, which
        capitalises its nouns; in the other languages, only opening a sentence, as elsewhere a
        capital makes a name ("Marea", Spanish for tide, is Mare' within a sentence)."""
        if " " in surface or not self.languages:
            return False
        if "de" in self.languages and lx.is_common_word(surface, ("de",)):
            return True
        return not text[:start].strip(_OPENING_MARKS) and lx.is_common_word(surface, self.languages)

    def _verdict(self, surface: str, read: tuple[str, bool, bool, tuple[str, ...], bool, str, str, bool]) -> Mention | None:
        """The mention ``surface`` read as ``read`` says (its sentence and place in it left
        blank), or None when it is no place."""
        cue, region, near, names, speaker, there, government, quiet = read
        result: Any = None
        name = surface
        for name in dict.fromkeys(names):
            result = self.lookup.resolve(name)
            if result.status != "unresolved":
                break
        if fold(surface) in lx.GENERIC_PLACE_WORDS:
            return None   # a word for a kind of place alone ("Jabal"; "Tel" of "Tel Khareta"): none
        if result.status == "unresolved" and name in self.lookup.far:
            cue = cue or "far"   # (listed in doubt: a place it spells lies far from the others)
        mention = Mention(surface, _NO_SENTENCE, 0, result.status, score=float(result.score),
                          alternatives=tuple(result.alternatives), cue=cue)
        place = result.place
        if result.status == "ambiguous":   # worked out once per name and gazetteer answer
            key = (fold(surface), id(result))
            if key not in self._ambiguous:
                self._ambiguous[key] = self._same_area(result) or self._nearest_to_report(surface, result)
            place = self._ambiguous[key]
        if place is None:
            return mention
        if place.feature_code.startswith("PCL"):
            return None
        if region:
            province = self._province(surface) or self._region_of(place, result)
            if province is not None and place.feature_code.startswith("PPL") and float(distance_km(
                    place.lat, place.lon, province.lat, province.lon)) > PROVINCE_TOWN_KM:
                # the middle of a province of desert, far from its town and the places of its
                # news ("Homs province": 195 km east of Homs): the town stands for it
                province = place
            if province is None and cue == "countryside" and place.feature_code.startswith("PPL"):
                mention.precision = "near"   # "the Azaz countryside": around a town with no province
            else:
                place = province or place
                mention.precision = "region"
        else:
            if place.feature_code.startswith("ADM"):
                place = self._town_of(place, result) or place
            if place.feature_code in AREA_FEATURES:
                mention.precision = "region"   # "Eastern Ghouta", "Jabal al-Akrad": an area's middle
            elif near:
                mention.precision = "near"
        sim = max(similarity(surface, place.name), similarity(name, place.name))
        if place is result.place:
            # the names of the place's other records too (OCHA's "Madamiyet Elsham" beside
            # GeoNames' "Mu`addamiyat ash Shih": "Moadamiya Al Cham" looks like the one)
            for twin in getattr(result, "same_place", ()):
                sim = max(sim, similarity(surface, twin.name))
        for reading in _readings(surface):
            # a name in Kurdish letters, as Arabic names are romanised ("Elî Beceliyê": Eli
            # Bejeliye, like `Ali Bajliyah), or as another tradition writes them ("Cevadiye":
            # Jewadiye, like al-Jawadiyah)
            sim = max(sim, similarity(reading, place.name))
        bare = _unqualified(place.name)
        if bare:   # named without its qualifier ("al-Buwaida": Buwaydah ash Sharqiyah)
            sim = max(sim, similarity(surface, bare))
        if not _latin(place.name):
            sim = max(sim, MIN_SIMILARITY)  # an Arabic-script main name: the gazetteer matched its keys
        sure = mention.score >= SURE_SCORE or (mention.score >= MIN_SCORE and sim >= MIN_SIMILARITY)
        if not sure and mention.score >= LOOSE_SCORE and place is result.place \
                and getattr(result, "match", "") == "loose" and _spelled_as_named(surface, sim):
            # a village written as one of its names is but for the romanisation ("Deir Jamal":
            # Dayr Jamal; "Orm al Kubra": OCHA's Big Orm, also Urum al-Kubra), which the gazetteer
            # scores below a name it holds as written; a short word must look like its name ("Les"
            # is not Las Vegas)
            sure = True
        if not sure and mention.score >= MIN_SCORE and place is result.place \
                and getattr(result, "match", "") == "alternate":
            # a name equal (folded) to one of the place's alternate names, however unlike its
            # main name ("Ikdah": Īkdah, an alternate name of Zayzafun), among the report's
            # other places (read again once they are known) -- or a town's ("Tabqa": al-Thawrah,
            # a town of 87,880), a capital's or a province's or district's seat's ("Girê Spî":
            # Tall Abyad), or an area's ("Sahl al-Ghab": the Ghab plain)
            sure = ((place.population >= ALTERNATE_TOWN_POPULATION
                     or place.feature_code in AREA_FEATURES or place.feature_code in _LANDMARK_SEATS)
                    and fold(surface) not in lx.GIVEN_NAMES) or self._among_report(place, surface)
            if not sure:
                self._alternates.add(name)
        if not sure and mention.score >= AMONG_SCORE and sim >= AMONG_SIMILARITY \
                and place is result.place and getattr(result, "match", "") in ("loose", "fuzzy"):
            # a village whose name looks like the name, among the report's other places: the
            # report's list of villages around a town ("Bafloun", "Sheik Huruz" by Afrin), each
            # a look-alike the gazetteer alone scores low (read again once they are known)
            sure = self._among_report(place, surface)
            if not sure:
                self._alternates.add(name)
        if not sure:
            mention.status = "unresolved"
            return mention
        # far from the report's places: only the exact name, or a city's own name in another
        # language (an exonym: "Kiev", "Moscou", "Genebra" are alternate names of the gazetteer)
        exonym = (place is result.place and getattr(result, "match", "") == "alternate"
                  and (place.population >= EXONYM_POPULATION or place.feature_code == "PPLC"))
        if self.lookup.context and not self._near_place(place, fold(surface)) \
                and sim < 1.0 and not exonym:
            mention.status = "unresolved"
            return mention
        if names[0] == f"{surface} gate" and name == surface and self.lookup.context \
                and not _near_context(place, self.lookup.others(fold(surface)), GATE_TOWN_KM):
            # a gate the gazetteer lacks, read as the town it is named after, is a border gate
            # by that town only among the report's places; far from them, a city's gate on the
            # road to it ("the Baghdad Gate" of Raqqa's walls is no Baghdad, 570 km off). (An
            # airport or a base lies by the town it is named after, however far.)
            mention.status = "unresolved"
            return mention
        large = (place.population >= SPEAKER_POPULATION or place.feature_code in ("PPLC", "PPLA")
                 or lx.is_capital(place))
        if speaker and not large:
            return None
        if speaker or (government and lx.is_capital(place)):
            # "Moscow said", "Moscow could demand", "urged Ankara": its government, not a place
            mention.role, mention.reason = "speaker", GOVERNMENT
        elif there == DATELINE_FAR:   # decided with the report's places (read again in the second pass)
            if self._bureau(place, surface):
                mention.role, mention.reason = "speaker", BUREAU
            else:
                mention.reason = DATELINE_FAR
        elif there == BUREAU_FAR:   # the same; near them, a place like any other
            if self._bureau(place, surface):
                mention.role, mention.reason = "speaker", BUREAU
        elif there == SPEAKS_FAR:   # decided with the report's places (read again in the second pass)
            if self._far_from_report(place) or self._bureau(place, surface):
                mention.role, mention.reason = "speaker", SPEAKS
            else:
                mention.reason = SPEAKS_FAR
        elif there == MEETING_FAR:   # decided with the report's places (read again in the second pass)
            if self._far_from_report(place):
                mention.role, mention.reason = "speaker", MEETING
            else:
                mention.reason = MEETING_FAR
        elif there:
            mention.role, mention.reason = "speaker", there   # "told reporters in Geneva", "talks in Munich"
        elif quiet and lx.is_capital(place):
            # "My mind is not now in London", "compensation from Ankara": no event told there
            mention.role, mention.reason = "speaker", CAPITAL
        mention.status = "resolved"
        mention.place = place
        return mention

    def _reading(self, sentence: Sentence, part: list[Token], surface: str,
                 last: bool) -> tuple[str, bool, bool, tuple[str, ...], bool, str, str, bool]:
        """The words around a candidate name (read once for both passes): its cue, whether it
        is a region or near, the names to ask the gazetteer, whether it speaks ("Moscow said"),
        why someone's whereabouts rather than an event is there ("said in Geneva", "talks in
        Munich"; empty if not), why it may stand for a government ("urged Ankara"), and
        whether the sentence tells of no event (no word of an attack, fighting, flight or aid)."""
        text = sentence.text
        after = _words_after(text, part[-1], 4)
        prefix = text[max(0, part[0].start - LOOK_BEHIND):part[0].start]
        possessor = _POSSESSOR_BEFORE.search(prefix)
        if possessor is not None:   # "near Azaz's Bab al-Salama crossing": near the crossing
            prefix = prefix[:possessor.start()]
        cue, region, near, there, addressed = _prefix_reading(
            prefix, self._is_headline(sentence), self.prepositions, bool(self.languages))
        if near and text[part[-1].end:part[-1].end + 3] in ("'s ", "’s ") \
                and text[part[-1].end + 3:part[-1].end + 4].isupper():
            near = False   # "near Azaz's Bab al-Salama crossing": the crossing is the one near
        if part[0].dateline:
            there = DATELINE_FAR
        elif part[0].bureau:
            there = BUREAU_FAR
        tail = part[-1].low
        if "tr" in self.languages:
            # Turkish puts the word of nearness after the name, in the genitive ("Halep'in
            # kuzeyindeki", north of Aleppo; "Kilis yakınlarında", near Kilis), and one speaks in
            # a place ("Ankara'da yaptığı açıklamada", in a statement in Ankara)
            case = part[-1].case
            words = _words_in_after(text[part[-1].end + (len(case) + 1 if case else 0):
                                         part[-1].end + LOOK_BEHIND], 4)
            if words and words[0].startswith(_TURKISH_NEAR) and case in ("", *_TURKISH_OF):
                near, cue = True, words[0]
            elif words and words[0].startswith("kırsal"):
                region, cue = True, words[0]
            if case in _TURKISH_IN and any(w.startswith(_TURKISH_SPEAKING) for w in words[:3]):
                there = SPEAKS
            elif case in _TURKISH_OF_THERE and words and words[0].startswith(_TURKISH_OFFICIALS):
                there = SPEAKS   # "Reyhanlı'daki yetkililer" (the officials in Reyhanlı) said
            elif case in _TURKISH_IN and any(w.startswith(_TURKISH_MEETING) for w in words[:3]):
                there = MEETING_FAR
        if after and after[0] in _NEAR_AFTER:
            near, cue = True, after[0]
        elif after and after[0] in lx.REGION_WORDS:
            region, cue = True, after[0]
        elif tail in lx.REGION_WORDS and len(part) > 1:
            region = True
        names: tuple[str, ...] = (surface,)
        arabic = _as_arabic_landform(part)
        if arabic is None:
            before = _LANDFORM_BEFORE.search(prefix)
            if before is not None:   # "as montanhas de Abd al-Aziz": Jabal Abd al-Aziz
                word = "Tall" if before.group(1).lower().startswith("col") else "Jabal"
                arabic = f"{word} {surface}"
        if arabic is not None:
            names = (surface, arabic)   # "the al-Akrad Mountains": Jabal al-Akrad
        old_town = _OLD_TOWN.match(surface)
        if old_town is not None:
            # "Daraa al-Balad", the old town of Daraa (which the gazetteer lacks): near the town
            names, near = (*names, old_town.group("town")), True
        province = _province_said(text, part[0].start, part[-1].end)
        country = _country_said(text, part[-1].end, self.lookup.countries) \
            if province is None else None
        if province is not None:
            # "Maskana, in the province of Aleppo": of its namesakes, the one in that province
            # (the gazetteer reads a located name so; none there, the name as written)
            names = (f"{surface}, {province} Governorate", surface)
        elif country is not None:
            # "the town of Hermel in eastern Lebanon": Lebanon's, not the Syrian village of its
            # name (none there, the name as written)
            names = (f"{surface}, {country}", *names)
        if after and after[0] in lx.FACILITY_WORDS:
            kind = lx.FACILITY_WORDS[after[0]]
            names = (f"{surface} {after[0]}", f"{surface} {kind}", surface)
            cue = cue or after[0]
        elif _AIRBASE_BEFORE.search(prefix):   # "o aeroporto militar de Al-Jarrah": Jirah air base
            names = (f"{surface} airbase", surface)
            cue = cue or "airbase"
        elif _DAM_BEFORE.search(prefix):   # "a barragem de Tishreen": the Tishrin Dam or nothing
            names = (f"{surface} Dam",)
            cue = cue or "dam"
        elif after and (after[0] == "field" or (after[0] in ("gas", "oil") and after[1:2] == ("field",))):
            names = (f"{surface} {' '.join(after[:after.index('field') + 1])}",)
            cue = cue or "field"   # "the Shaer gas field": the field or nothing
        elif _FIELD_BEFORE.search(prefix):   # "a jazida de Al Shaer": the field or nothing
            names = (f"{surface} gas field",)
            cue = cue or "field"
        elif after and after[0] in _FEATURE_AFTER:
            # "the Yarmouk basin", "Al-Kam station": the basin or the station, or nothing
            names = (f"{surface} {after[0]}",)
            cue = cue or after[0]
        elif _WATER_BEFORE.search(prefix):   # "a bacia do Yarmouk", "o rio Eufrates"
            names = (f"{surface} River",)
            cue = cue or "river"
        elif after and after[0] in lx.SETTLEMENT_WORDS:
            cue = cue or after[0]
        speaker = bool(after and (after[0] in lx.SPEECH_VERBS
                                  or (after[0] in ("has", "had", "have", "ha", "hanno") and len(after) > 1
                                      and after[1] in lx.SPEECH_VERBS)))
        if not there and after and after[0] in lx.OFFICIALS and any(w in lx.SPEECH_VERBS for w in after[1:4]):
            there = "someone speaks there"   # "the Kilis governor's office said"
        if not there and after and (after[0] in _VENUE_AFTER or (
                after[0] == "for" and any(w in _VENUE_FOR for w in after[1:4]))):
            there = MEETING_FAR
        government = ""
        # "Ankara and NATO say": a capital speaking with another
        listed = len(after) > 2 and after[0] in ("and", "or") and after[2] in lx.SPEECH_VERBS
        if addressed or listed or (after and (after[0] in lx.GOVERNMENT_VERBS or (
                after[0] in _MODALS and len(after) > 1
                and (after[1] in lx.GOVERNMENT_VERBS or after[1] in lx.SPEECH_VERBS)))):
            government = GOVERNMENT
        quiet = not tells_of_event(text)   # (cached per sentence text)
        if (not there and quiet and text[part[-1].end:part[-1].end + 1] == ","
                and prefix.strip().lower() in _OPENING_PREPOSITIONS and prefix == text[:part[0].start]
                and any(w in lx.SPEECH_VERBS for w in _WORD.findall(text.lower()))):
            there = SPEAKS_FAR   # "In Geneva, the UN envoy Staffan de Mistura said..."
        return cue, region, near, names, speaker, there, government, quiet

    def _nearest_to_report(self, surface: str, result: Any) -> Any:
        """For an ambiguous name, the one candidate that lies among the report's other places
        (within :data:`CLOSE_KM` of one, and the next candidate :data:`CLOSER_BY` times farther),
        as a reader would pick the village of that name near the front line being reported."""
        key = fold(surface)
        points = self.lookup.others(key)
        if not points:
            return None
        # rivals are the candidates whose name looks like the one written (or cannot be compared)
        rivals = [p for p in result.alternatives if not _latin(p.name) or similarity(surface, p.name) >= 0.5]
        alike = [p for p in rivals if not _latin(p.name) or similarity(surface, p.name) >= MIN_SIMILARITY]
        if len(alike) == 1 and any(great_circle_km(alike[0].lat, alike[0].lon, lat, lon) <= CLOSE_KM
                                   for lat, lon in points):
            # the one candidate whose name looks like the one written lies among the report's
            # places ("Mare'a" beside Tal Rifaat and Azaz: Mare', not Ma'arrat al-Nu'man)
            return alike[0]
        if len(rivals) < 2:
            return None
        # rank by the quick great-circle distance, then measure the two nearest exactly
        ranked = sorted((min(great_circle_km(p.lat, p.lon, lat, lon) for lat, lon in points), n, p)
                        for n, p in enumerate(rivals))
        (_, _, best), (_, _, second) = ranked[0], ranked[1]
        d0 = min(distance_km(best.lat, best.lon, lat, lon) for lat, lon in _closest(best, points))
        d1 = min(distance_km(second.lat, second.lon, lat, lon) for lat, lon in _closest(second, points))
        if d0 <= CLOSE_KM and d1 >= CLOSER_BY * max(d0, 1.0) and similarity(surface, best.name) >= MIN_SIMILARITY:
            return best
        return None

    @staticmethod
    def _same_area(result: Any) -> Any:
        """For an ambiguous name whose rivals all lie near the best (a town and its district),
        the best; otherwise None."""
        alts = list(result.alternatives)
        if not alts:
            return None
        best = alts[0]
        if not best.feature_code.startswith(("PPL", "ADM", "PST", "AIR")):
            return None
        for other in alts[1:]:
            if float(distance_km(best.lat, best.lon, other.lat, other.lon)) > SAME_AREA_KM:
                return None
        return best

    def _province(self, name: str) -> Any:
        """The province (ADM1) named ``name``, asked as "NAME Governorate" / "NAME Province"."""
        for kind in ("Governorate", "Province"):
            result = self.lookup.resolve(f"{name} {kind}")
            place = result.place
            if result.status == "resolved" and place is not None and place.feature_code == "ADM1" \
                    and (similarity(name, place.name) >= MIN_SIMILARITY or not _latin(place.name)):
                return place
        return None

    @staticmethod
    def _town_of(place: Any, result: Any) -> Any:
        """A town's name without "province" after it is the town, when the province won."""
        scores = result.alternative_scores or (0.0,) * len(result.alternatives)
        for alt, score in zip(result.alternatives, scores):
            if alt.feature_code.startswith("PPL") and alt.country == place.country \
                    and score >= result.score - 0.15 \
                    and distance_km(place.lat, place.lon, alt.lat, alt.lon) <= PROVINCE_TOWN_KM:
                return alt
        return None

    @staticmethod
    def _region_of(place: Any, result: Any) -> Any:
        """The province (ADM1) of the same name among the candidates, when there is one."""
        for alt in (place, *result.alternatives):
            if alt.feature_code == "ADM1" and alt.country == place.country:
                if float(distance_km(place.lat, place.lon, alt.lat, alt.lon)) <= PROVINCE_TOWN_KM:
                    return alt
        return None


#: A province's name as a report writes it after the place it holds: a word or two, capitalised
#: ("Idlib", "Deir ez-Zor", "Rif Dimashq").
_PROVINCE_NAME = (r"(?P<p>[A-ZÀ-ÞĞİŞ][\w'’]*(?:[-\s](?:(?:al|el|ez|az|ad|ed|ar|er|as|es)[-\s])?"
                  r"[A-ZÀ-ÞĞİŞ][\w'’]*)?)")
#: The province a report says a place lies in, right after its name: "in Idlib province", "in
#: the northern Hama countryside", "in the province of Aleppo", "en la provincia de Alepo",
#: "dans la province d'Idleb", "na província de Idlib", "in der Provinz Hama".
_ALSO = r"(?:\s+(?:also|too|likewise|également|aussi|também|también|anche|auch))?,?"
_PROVINCE_AFTER = (
    re.compile(r"^[”\"’']?,?" + _ALSO + r"\s+in\s+(?:the\s+)?(?:(?:(?:north|south)?(?:east|west)?(?:ern)?|rural)\s+)?"
               + _PROVINCE_NAME + r"\s+(?:province|governorate|countryside)\b"),
    re.compile(r"^[”\"’']?,?" + _ALSO + r"\s+(?:in\s+the|en\s+la|dans\s+la|na|nella|in\s+der|im)\s+"
               r"(?:province|governorate|provincia|prov[íi]ncia|provinz|gouvernement)\s+"
               r"(?:(?:syrienne|siria|s[íi]ria)\s+)?(?:(?:of|de|da|del|di)\s+|d['’])?" + _PROVINCE_NAME + r"\b"),
)
#: ... and in Turkish, before it: "Halep ilinin Soran beldesi" (the town of Soran in Aleppo's
#: province).
_PROVINCE_BEFORE = re.compile(r"\b" + _PROVINCE_NAME + r"\s+ili(?:nin|ne\s+bağlı|ndeki)?\s+$")


#: The country a report says a place lies in, right after its name: "in eastern Lebanon", "in
#: northern Iraq", "no Líbano", "en Turquía", "au Liban".
_COUNTRY_AFTER = re.compile(
    r"^[”\"’']?,?\s+(?:in|no|na|en|au)\s+(?:(?:the\s+)?(?:north|south)?-?(?:east|west)?(?:ern)?\s+)?"
    r"(?P<c>[A-ZÀ-Þ][\w'’]+)\b")


def _country_said(text: str, end: int, countries: Sequence[str]) -> str | None:
    """The country the text says the place written up to ``end`` lies in, right after it, when
    it is none of the map's ``countries``; None when it says none. (The map's own need not be
    said, and "in northern Syria" so often tells of what the sentence is about that it would
    put "factions loyal to Ankara in northern Syria" at a Syrian village called Ankara.)"""
    match = _COUNTRY_AFTER.match(text[end:end + LOOK_BEHIND])
    if match is None:
        return None
    code = lx.country_names().get(fold(match.group("c")))
    return match.group("c") if code is not None and code not in countries else None


def _province_said(text: str, start: int, end: int) -> str | None:
    """The name of the province the text says the place written from ``start`` to ``end`` lies
    in, right after it or, in Turkish, right before it; None when it says none."""
    after = text[end:end + LOOK_BEHIND]
    for pattern in _PROVINCE_AFTER:
        match = pattern.match(after)
        if match is not None:
            return match.group("p")
    match = _PROVINCE_BEFORE.search(text[max(0, start - LOOK_BEHIND // 2):start])
    return match.group("p") if match is not None else None


#: What joins the names of a list ("A, B and C", "A, B, and C").
_JOINED = r"(?:,| and| or|, and|, or)"
_LIST_BEFORE = re.compile(r"[A-Za-z\u00c0-\u024f]\w*" + _JOINED + r"\s*$")
_LIST_NAME_BEFORE = re.compile(r"\b[A-Z][\w'’\-]*" + _JOINED + r"\s*$")
#: The same in a report in Portuguese, Spanish or French: "Al Furqan e Al Fid", "Sarmin y
#: Binnish", "Hraytan et Anadan", "ou". (Not German: it capitalises every noun, so "Kämpfe und
#: Rauchwolken" is no list of names.)
_JOINED_FOREIGN = r"(?:,| and| or|, and|, or| e| y| et| ou)"
_LIST_BEFORE_FOREIGN = re.compile(r"[A-Za-z\u00c0-\u024f]\w*" + _JOINED_FOREIGN + r"\s*$")
_LIST_NAME_BEFORE_FOREIGN = re.compile(r"\b[A-Z][\w'’\-]*" + _JOINED_FOREIGN + r"\s*$")


@lru_cache(maxsize=65_536)
def _prefix_reading(prefix: str, headline: bool, prepositions: frozenset[str],
                    foreign: bool = False) -> tuple[str, bool, bool, str, bool]:
    """What the text before a name says of it: (cue, region, near, why someone speaks or meets
    there or "", addressed as a government); ``foreign``: in a report in another language."""
    before = _words_in_before(prefix, 2)
    cue = ""
    region = False
    near = False
    if before and before[-1] in prepositions:
        cue = before[-1]
    elif foreign and len(before) == 2 and before[-1] in _OF \
            and before[0] in lx.FOREIGN_SETTLEMENT_WORDS:
        cue = before[0]   # "os bairros de Al Hamdaniya", "la ciudad de Homs"
    elif foreign and before and lx.is_german_place_noun(fold(before[-1])):
        cue = before[-1]   # "die Kleinstadt Saraqib", "das Dorf Kafr Nabuda"
    elif before and (before[-1] in lx.SETTLEMENT_WORDS
                     or (foreign and before[-1] in lx.FOREIGN_SETTLEMENT_WORDS)):
        cue = before[-1]   # "dans le village al-Chir", "the village Aloush": a place's name
    last_word = _last_word(prefix)
    if last_word in _NEAR_LAST and _NEAR_BEFORE.search(prefix):
        near, cue = True, cue or "near"
    listed, named = ((_LIST_BEFORE_FOREIGN, _LIST_NAME_BEFORE_FOREIGN) if foreign
                     else (_LIST_BEFORE, _LIST_NAME_BEFORE))
    if not cue and not headline and listed.search(prefix) and named.search(prefix):
        cue = "list"
    if before and _DIRECTION.match(before[-1]):
        region, cue = True, before[-1]
    else:
        of = _REGION_OF.search(prefix) or _REGION_BEFORE.search(prefix)
        if of is not None:   # "the northern countryside of Hama", "die Provinz Idlib": the province
            region, cue = True, of.group(1).lower()
    there = ""
    if last_word in _SPEAKER_LAST and _SPEAKER_BEFORE.search(prefix):
        there = "someone speaks there"
    elif last_word in _VENUE_LAST:
        venue = _VENUE_BEFORE.search(prefix)
        if venue is not None:
            between = prefix[venue.start():].split()[1:-1]
            if not (between and lx.is_event_word(between[-1])):   # "the bombing in X": the event's place
                there = MEETING_FAR
    addressed = (last_word in _ADDRESSED or prefix.rstrip().lower().endswith(("called on", "calls on", "appealed to"))
                 or _CLOSE_TO.search(prefix) is not None
                 or (foreign and _OFFICE_OF.search(prefix) is not None))
    return cue, region, near, there, addressed


def _last_word(prefix: str) -> str:
    """The last word before a name, lower case, without an elided article's apostrophe."""
    words = prefix[-24:].rstrip(" '’").rsplit(None, 1)
    return words[-1].lower() if words else ""


@lru_cache(maxsize=50_000)
def _latin(name: str) -> bool:
    return all(ord(ch) < 0x0250 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in name if ch.isalpha())


#: A place farther than this from every other place of the report must match by its exact name.
FAR_KM = 500.0
#: A gate the gazetteer lacks read as the town it is named after ("the Kilis gate") is that
#: town's border gate only within this of another place of the report.
GATE_TOWN_KM = 150.0


def _near_context(place: Any, others: Sequence[tuple[float, float]], km: float = FAR_KM) -> bool:
    """True when the place is within ``km`` of another place of the report (or the report has
    no other)."""
    if not others:
        return True
    # the quick great-circle distance decides unless it is within 1% of the limit
    quick = [(great_circle_km(place.lat, place.lon, lat, lon), lat, lon) for lat, lon in others]
    if any(d <= km * 0.99 for d, _, _ in quick):
        return True
    return any(distance_km(place.lat, place.lon, lat, lon) <= km
               for d, lat, lon in quick if d <= km * 1.01)


def _closest(place: Any, points: Sequence[tuple[float, float]], n: int = 3) -> list[tuple[float, float]]:
    """The ``n`` points nearest to ``place`` by the quick distance."""
    return sorted(points, key=lambda pt: great_circle_km(place.lat, place.lon, pt[0], pt[1]))[:n]


def find_mentions(lookup: PlaceLookup, sentences: Sequence[Sentence]) -> Found:
    """Place mentions of ``sentences``, resolved with ``lookup`` (two passes, see module doc;
    then the villages a sentence places beside another place: see
    :mod:`mapgen.ingest.neighbours`; and the names it calls villages placed at towns far from
    the report's other places: see :mod:`mapgen.ingest.villages`)."""
    found = placed_beside(lookup, MentionFinder(lookup, sentences).run(), _NEAR_BEFORE)
    return villages_far_off(lookup, found)

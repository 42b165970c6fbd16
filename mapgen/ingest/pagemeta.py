"""What a saved article page says about itself in its head: when it was published, its address
and its outlet (Open Graph and article meta tags, schema.org JSON-LD, Dublin Core).

A page saved from a browser often shows its date only as "3 hours ago" or in a script; its
head still carries the instant (``<meta property="article:published_time" content=...>``).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from mapgen.timeparse import parse_instant

_UTC = ZoneInfo("UTC")

#: Meta tags (property, name or itemprop) that give the publication instant, best first.
PUBLISHED_KEYS = ("article:published_time", "og:article:published_time", "datepublished",
                  "og:published_time", "article.published", "publisheddate", "publication_date",
                  "publish-date", "publish_date", "pubdate", "publishdate",
                  "original-publish-date", "dc.date.issued", "dcterms.issued", "dc.date",
                  "dcterms.date", "dcterms.created", "sailthru.date", "parsely-pub-date",
                  "cxenseparse:recs:publishtime", "date")
URL_KEYS = ("og:url",)
OUTLET_KEYS = ("og:site_name", "application-name")
#: JSON-LD's publication date ("datePublished": "2019-08-20T13:45:00Z").
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_HTTP = re.compile(r"^https?://[^\s<>\"']+$", re.I)
#: Head tags are read from this much of a page at most (a head is a few tens of KB).
HEAD_CHARS = 400_000


@dataclass(frozen=True)
class PageMeta:
    """A page's own publication instant (ISO 8601, as written), address and outlet; None when
    it does not say."""

    published: str | None = None
    url: str | None = None
    outlet: str | None = None


class _MetaReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
            content = " ".join(a.get("content", "").split())
            if key and content:
                self.meta.setdefault(key, content)
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href", "").strip() or None
        elif tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._in_json_ld = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld.append(data)


def normalised_instant(text: str) -> str | None:
    """An ISO 8601 date or date-time as pages write it ("2019-08-20T13:45:00Z",
    "2019-08-20T13:45:00+0300", "2019-08-20"), in the form ``mapgen`` reads (see
    :func:`mapgen.timeparse.parse_instant`); None for anything else."""
    text = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", text.strip())
    try:
        parse_instant(text, _UTC)
    except ValueError:
        return None
    return text


def page_meta(markup: str) -> PageMeta:
    """The publication instant, address and outlet an HTML page gives in its meta tags (or its
    JSON-LD); fields the page does not give, or gives in a form not read here, are None. Only
    http(s) addresses are kept."""
    reader = _MetaReader()
    try:
        reader.feed(markup[:HEAD_CHARS])
        reader.close()
    except (ValueError, AssertionError):  # a page broken past its head: its head was read
        pass
    published = None
    candidates = [reader.meta.get(key) for key in PUBLISHED_KEYS]
    candidates += _JSON_LD_DATE.findall("".join(reader.json_ld))
    for value in candidates:
        published = normalised_instant(value) if value else None
        if published is not None:
            break
    url = next((v for v in [*(reader.meta.get(k) for k in URL_KEYS), reader.canonical]
                if v and _HTTP.match(v)), None)
    outlet = next((v for v in (reader.meta.get(k) for k in OUTLET_KEYS) if v), None)
    return PageMeta(published, url, outlet[:80] if outlet else None)


#: A date in an article's address, as news sites write it into the path: /2017/04/02/,
#: /2013/6/7/, -2014-08-24.html, /20170402/ (eight figures alone).
_ADDRESS_DATES = (
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)"),
    re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)"),
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?:[/._-]|$)"),
)


def date_in_address(url: str) -> str | None:
    """The date (ISO 8601) an article's address gives in its path, or None: news sites write
    the day of publication there ("/2017/04/02/bombardeios-..."). Only a real calendar day
    counts; the host and the query are not read."""
    match = re.match(r"^https?://[^/]+(/[^?#]*)", url.strip(), re.I)
    if match is None:
        return None
    path = match.group(1)
    for pattern in _ADDRESS_DATES:
        found = pattern.search(path)
        if found is None:
            continue
        try:
            return dt.date(*(int(g) for g in found.groups())).isoformat()
        except ValueError:
            continue
    return None

"""Turn a report (plain text or HTML) into clean text lines: tags, scripts and entities removed."""
from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

#: Elements whose end starts a new line of text.
BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
    "table", "section", "article", "header", "footer", "blockquote", "time", "figcaption",
    "figure", "hr", "pre", "dd", "dt", "aside", "main", "title",
})
#: Elements whose text is never part of the report.
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe"})
_HTML_HINT = re.compile(r"<\s*(?:html|body|p|div|br|span|time|a|h[1-6]|article)\b", re.IGNORECASE)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._time_skip = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self._skip += 1
        elif tag == "time" and dict(attrs).get("datetime"):
            # <time datetime="2016-02-04T19:14:00Z">7:14pm</time>: the machine-readable instant
            self.parts.append(f"\n{dict(attrs)['datetime']}\n")
            self._skip += 1
            self._time_skip = True
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "time" and self._time_skip:
            self._time_skip = False
            self._skip = max(0, self._skip - 1)
            self.parts.append("\n")
        elif tag in SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    """True when ``text`` carries HTML markup rather than being plain text."""
    return bool(_HTML_HINT.search(text[:20000]))


def html_to_text(markup: str) -> str:
    """Text of an HTML page: one line per block element, scripts/styles/head dropped."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    # inline whitespace inside a block is one space; block boundaries stay line breaks
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"


#: The Unicode hyphen and non-breaking hyphen, written as the hyphen.
_HYPHENS = str.maketrans("\u2010\u2011", "--")


def clean_text(text: str, *, is_html: bool | None = None) -> str:
    """Normalise a report to NFC plain text with ``\\n`` line ends and no control characters."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if is_html is None:
        is_html = looks_like_html(text)
    if is_html:
        text = html_to_text(text)
    else:
        text = html.unescape(text) if "&" in text and re.search(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", text, re.I) else text
    text = unicodedata.normalize("NFC", text)
    # control and format characters out: looked up once per distinct character, not per character
    drop = {ord(ch): None for ch in set(text) if ch not in "\n\t" and unicodedata.category(ch)[0] == "C"}
    if drop:
        text = text.translate(drop)
    # (names are joined by the hyphen, however written: "ʿAyn al‑ʿArab")
    text = text.replace("\t", " ").replace("\u00a0", " ").translate(_HYPHENS)
    return "\n".join(line.rstrip() for line in text.split("\n"))

"""A saved article page: its head's publication date, address and outlet date the drafts and
cite the source when the user gives none; what the user gives wins; only http(s) addresses."""
from __future__ import annotations

from typing import Any

import pytest

from mapgen.errors import InputError
from mapgen.ingest import ingest_text
from mapgen.ingest.pagemeta import page_meta

BODY = """<body>
<h1>Army enters Khan Sheikhoun</h1>
<div class="byline">By Staff | <span>3 hours ago</span></div>
<p>Government forces entered Khan Sheikhoun in southern Idlib, a monitor said.</p>
</body></html>"""


def page(head: str) -> str:
    return f"<!DOCTYPE html>\n<html lang=\"en\"><head>\n<meta charset=\"utf-8\">\n{head}\n</head>{BODY}"


OPEN_GRAPH = page("""<title>Army enters Khan Sheikhoun</title>
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://news.example.org/2019/08/20/khan-sheikhoun">
<meta property="article:published_time" content="2019-08-20T09:15:00+0300">""")


@pytest.mark.parametrize("head, published", [
    ('<meta property="article:published_time" content="2019-08-20T09:15:00+0300">', "2019-08-20T09:15:00+03:00"),
    ('<meta name="pubdate" content="2019-08-20">', "2019-08-20"),
    ('<meta itemprop="datePublished" content="2019-08-20T06:15:00Z">', "2019-08-20T06:15:00Z"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-08-20T06:15:00Z"}</script>',
     "2019-08-20T06:15:00Z"),
    # not a date: read as none, never guessed
    ('<meta property="article:published_time" content="3 hours ago">', None),
    ('<meta name="date" content="2019-02-30">', None),
])
def test_the_publication_date_a_page_gives(head: str, published: str | None) -> None:
    assert page_meta(page(head)).published == published


def test_only_http_addresses_are_kept() -> None:
    meta = page_meta(page('<meta property="og:url" content="javascript:alert(1)">'
                          '<link rel="canonical" href="https://news.example.org/a">'))
    assert meta.url == "https://news.example.org/a"
    assert page_meta(page('<meta property="og:url" content="data:text/html,x">')).url is None


def test_a_saved_page_needs_no_published_date(gazetteer: Any) -> None:
    result = ingest_text(OPEN_GRAPH, report="page.html", gazetteer=gazetteer, countries=("SY", "TR"))
    drafts = [d for d in result.drafts if d["place"] == "Khan Sheikhoun"]
    assert drafts, [d["place"] for d in result.drafts]
    for draft in drafts:
        assert draft["date"].startswith("2019-08-20T06:15:00")
        assert draft["sources"][0]["url"] == "https://news.example.org/2019/08/20/khan-sheikhoun"
        assert draft["sources"][0]["outlet"] == "Example News"


def test_what_the_user_gives_wins_over_the_page(gazetteer: Any) -> None:
    result = ingest_text(OPEN_GRAPH, report="page.html", gazetteer=gazetteer, countries=("SY", "TR"),
                         published="2019-08-21", source_url="https://other.example.org/x", outlet="Other")
    draft = next(d for d in result.drafts if d["place"] == "Khan Sheikhoun")
    assert draft["date"].startswith("2019-08-21")
    assert (draft["sources"][0]["url"], draft["sources"][0]["outlet"]) == ("https://other.example.org/x", "Other")


def test_a_page_without_a_date_is_still_refused_clearly(gazetteer: Any) -> None:
    with pytest.raises(InputError, match="give its date with --published"):
        ingest_text(page("<title>Army enters Khan Sheikhoun</title>"), report="page.html", gazetteer=gazetteer,
                    countries=("SY", "TR"))

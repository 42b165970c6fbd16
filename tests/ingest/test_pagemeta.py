"""A saved article page: its head's publication date, address and outlet date the drafts and
cite the source when the user gives none; what the user gives wins; only http(s) addresses; a
text without a date is dated by the day its address gives."""
from __future__ import annotations

from typing import Any

import pytest

from mapgen.errors import InputError
from mapgen.ingest import ingest_text
from mapgen.ingest.pagemeta import date_in_address, page_meta

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


@pytest.mark.parametrize("url, day", [
    ("https://noticias.example.br/ultimas-noticias/efe/2017/04/02/bombardeios.htm", "2017-04-02"),
    ("https://www.example.com/2013/6/7/20453384/syrian-troops-capture-villages", "2013-06-07"),
    ("https://example.com.br/arquivo/morrem-32-rebeldes-2014-08-24.html", "2014-08-24"),
    ("https://example.org/news/20170402/shelling", "2017-04-02"),
    ("https://example.org/id/2016020412", None),          # an id, not a day
    ("https://example.org/2016/02/", None),               # a month
    ("https://example.org/a?date=2016-02-04", None),      # the query is not read
    ("https://example.org/2016/13/40/a", None),           # no such day
])
def test_the_day_an_address_gives(url: str, day: str | None) -> None:
    assert date_in_address(url) == day


def test_a_text_without_a_date_is_dated_by_its_address(builtin: Any) -> None:
    text = "Government forces entered Khan Sheikhoun in southern Idlib, a monitor said.\n"
    with pytest.raises(InputError, match="no timestamp"):
        ingest_text(text, gazetteer=builtin, source_url="https://example.org/world/syria-army")
    result = ingest_text(text, gazetteer=builtin, source_url="https://example.org/2019/08/21/syria-army")
    assert result.drafts and {(d["date"][:10], d["time_precision"]) for d in result.drafts} == {
        ("2019-08-21", "day")}
    # what the user gives wins
    given = ingest_text(text, gazetteer=builtin, published="2019-08-22",
                        source_url="https://example.org/2019/08/21/syria-army")
    assert given.drafts and {d["date"][:10] for d in given.drafts} == {"2019-08-22"}

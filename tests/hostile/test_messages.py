"""Only http(s) or relative links in the embed snippet; messages never drive the terminal and
quote only short excerpts of a file."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.helpers import cli, fenced, one_error, project


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                                 "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                 "vbscript:msgbox(1)", "VBScript:x", "file:///etc/passwd", "https://a.org/\n",
                                 "https://example.org/\x1b[2J"])
def test_embed_urls_that_are_not_http_are_refused(tmp_path: Path, url: str) -> None:
    source = project(tmp_path / "p")
    line = one_error(cli("build", source, "-o", tmp_path / "m.html", "--embed-url", url), "--embed-url:",
                     "not an http(s) address or a relative path")
    assert "\t" not in line
    assert not (tmp_path / "m.html").exists() and not (tmp_path / "m.embed.html").exists()


@pytest.mark.parametrize("url", ["https://example.org/maps/m.html#date=2016-02-03", "HTTP://example.org/m.html",
                                 "maps/m.html", "../m.html?x=1", "//example.org/m.html", "a b.html"])
def test_http_and_relative_embed_urls_are_kept(tmp_path: Path, url: str) -> None:
    source = project(tmp_path / "p")
    assert cli("build", source, "-o", tmp_path / "m.html", "--embed-url", url).code == 0
    assert f'src="{url.replace("&", "&amp;")}"' in (tmp_path / "m.embed.html").read_text(encoding="utf-8")


def test_a_map_named_like_a_scheme_is_linked_as_a_relative_path(tmp_path: Path) -> None:
    source = project(tmp_path / "p")
    assert cli("build", source, "-o", tmp_path / "javascript:alert(1).html").code == 0
    snippet = (tmp_path / "javascript:alert(1).embed.html").read_text(encoding="utf-8")
    assert 'src="javascript%3Aalert%281%29.html"' in snippet and 'src="javascript:' not in snippet


def test_terminal_escapes_in_a_csv_header_are_not_echoed(tmp_path: Path) -> None:
    events = tmp_path / "e.csv"
    events.write_text("id,date,\x1b]0;PWNED\x07\x1b[31mred\u202e,place\na,2016-02-01,x,Alpha\n", encoding="utf-8")
    line = one_error(cli("build", events, "-o", tmp_path / "m.html"), "missing column 'type'")
    assert "\\x1b]0;pwned\\x07\\x1b[31mred\\u202e" in line


def test_control_characters_in_a_yaml_value_are_escaped(tmp_path: Path) -> None:
    events = tmp_path / "e.yaml"
    events.write_text('- {id: a, date: "2016-02-01", type: x, geo_precision: "\\e[2J\\e]0;t\\a", lat: 1, lon: 1}\n',
                      encoding="utf-8")
    line = one_error(cli("build", events, "-o", tmp_path / "m.html"), "geo_precision:")
    assert "\\x1b[2j" in line


@pytest.mark.parametrize("suffix", [".csv", ".yaml", ".geojson"])
def test_an_events_file_linked_to_the_environment_does_not_print_it(tmp_path: Path, suffix: str) -> None:
    link = tmp_path / f"events{suffix}"
    link.symlink_to("/proc/self/environ")
    ran = fenced("build", link, "-o", tmp_path / "m.html", env={"CANARY_SECRET": "do-not-print-me"}, timeout=30)
    one_error(ran, f"events{suffix}")
    assert "do-not-print-me" not in ran.err and "PATH=" not in ran.err.upper()


def test_a_long_bad_value_is_quoted_short(tmp_path: Path) -> None:
    events = tmp_path / "e.yaml"
    events.write_text(f"- {{id: a, date: 2016-02-01, type: x, lat: {'9' * 3000}.5, lon: 1, "
                      f"geo_precision: {'q' * 3000}}}\n", encoding="utf-8")
    line = one_error(cli("build", events, "-o", tmp_path / "m.html"))
    assert len(line) < 200

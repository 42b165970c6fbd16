"""``mapgen build --embed-url``: the snippet beside the map points at the public address, escaped."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from mapgen.build import embed_snippet
from mapgen.cli import main
from tests.conftest import write_project
from tests.fixtures import PROJECT


def test_embed_url_and_permalink_go_into_the_snippet(tmp_path: Path) -> None:
    project = write_project(tmp_path / "proj", PROJECT)
    out = tmp_path / "site" / "aleppo.html"
    url = "https://news.example.org/maps/aleppo.html#date=2016-02-02&view=36.5,37,9"
    result = CliRunner().invoke(main, ["build", str(project), "-o", str(out), "--embed-url", url])
    assert result.exit_code == 0, result.output
    snippet = (tmp_path / "site" / "aleppo.embed.html").read_text()
    assert f"embed snippet: {tmp_path / 'site' / 'aleppo.embed.html'}" in result.output
    escaped = url.replace("&", "&amp;")
    assert f'<iframe src="{escaped}" title="Fixture map"' in snippet
    assert f'<a href="{escaped}">Open the map: Fixture map</a>' in snippet


def test_snippet_is_responsive() -> None:
    snippet = embed_snippet("m.html", "A map")
    assert ".mapgen-embed{position:relative;width:100%;aspect-ratio:4/3;" in snippet
    assert "max-height:85vh" in snippet and "min-height:320px" in snippet
    assert "@media (max-width:600px){.mapgen-embed{aspect-ratio:4/5;}}" in snippet
    assert ".mapgen-embed>iframe{position:absolute;top:0;left:0;width:100%;height:100%;" in snippet
    assert 'loading="lazy"' in snippet and "allowfullscreen" in snippet


def test_cdn_and_inline_builds_share_a_cache_without_mixing(tmp_path: Path) -> None:
    project = write_project(tmp_path / "proj", PROJECT)
    out, home = tmp_path / "m.html", str(tmp_path / "home")
    for cdn, expect_cdn in ((False, False), (True, True), (False, False), (True, True)):
        args = ["--home", home, "build", str(project), "-o", str(out)] + (["--cdn"] if cdn else [])
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        page = out.read_text()
        assert ('integrity="sha384-' in page) is expect_cdn
        assert ("Leaflet 1.9.4, a JS library" in page) is not expect_cdn

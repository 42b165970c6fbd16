"""Draw the README's pictures of the example map with the installed headless Chromium.

Writes into output/: the map on 4 February 2016 at 1280x800 (``aleppo-2016-02-04.png``), zoomed
to the Azaz-Aleppo road at zoom 11 (``azaz-aleppo-z11.png``), on a phone at 375x667
(``phone-375x667.png``) and embedded in an article (``embed-article.png``). Every outside
request is blocked, as for any self-contained map.

usage:
  python -m benchmarks.readme_pictures
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.timeline_bench import CHROMIUM, CHROMIUM_ARGS

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "output"
DATE = "2016-02-04"
ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>The road to Azaz is cut</title>
<style>body{{margin:0;background:#fff;color:#1a1a1a;font:18px/1.6 Georgia,"Times New Roman",serif}}
main{{max-width:760px;margin:0 auto;padding:24px 20px}} h1{{font:700 34px/1.2 Georgia,serif;margin:8px 0 4px}}
.kicker{{font:600 13px/1.4 Arial,sans-serif;letter-spacing:.08em;text-transform:uppercase;color:#b3261e}}
.byline{{font:14px/1.4 Arial,sans-serif;color:#555;margin-bottom:18px}}
.mapgen-embed-link{{font:14px Arial,sans-serif}}</style></head><body><main>
<div class="kicker">Syria</div><h1>Government forces cut the rebels' road north of Aleppo</h1>
<div class="byline">4 February 2016</div>
<p>Backed by Russian air strikes, government troops and allied militias broke through to the
besieged towns of Nubl and al-Zahraa on Wednesday, severing the road that linked rebel-held
eastern Aleppo with the Turkish border at Bab al-Salameh.</p>
{snippet}
<p>Tens of thousands of people fled north towards Azaz and the closed border crossing, aid
agencies said, as the offensive pressed on towards Tall Rifat.</p>
</main></body></html>"""


def _page(browser: Any, width: int, height: int, url: str, phone: bool = False) -> Any:
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1,
                                  is_mobile=phone, has_touch=phone)
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:", "about:"))
                  else r.abort())
    page = context.new_page()
    page.goto(url)
    return page


def _settle(frame: Any) -> None:
    frame.wait_for_function("window.mapgen && mapgen.state && mapgen.state().ready", timeout=30000)
    frame.evaluate("d => mapgen.setDate(d)", DATE)
    frame.wait_for_function("mapgen.state().ready")
    frame.evaluate("() => mapgen.app.basemap.showDetail().then(() => true)")
    frame.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def main() -> None:
    from playwright.sync_api import sync_playwright

    from mapgen.build import build_map, embed_snippet

    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "aleppo-2016-02"
        shutil.copytree(REPO / "examples" / "aleppo-2016-02", work)
        html = Path(tmp) / "aleppo-2016-02.html"
        build_map(work).save(html)
        article = Path(tmp) / "article.html"
        article.write_text(ARTICLE.format(snippet=embed_snippet(html.name + "#date=" + DATE, "Northern Aleppo offensive, 1-5 February 2016")),
                           encoding="utf-8")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = _page(browser, 1280, 800, html.as_uri())
                _settle(page)
                page.screenshot(path=str(OUT / "aleppo-2016-02-04.png"))
                page.evaluate("mapgen.app.map.setView([36.43, 37.07], 11, {animate: false})")
                page.evaluate("() => mapgen.app.basemap.showDetail().then(() => true)")
                page.wait_for_timeout(300)
                page.screenshot(path=str(OUT / "azaz-aleppo-z11.png"))
                page = _page(browser, 375, 667, html.as_uri(), phone=True)
                _settle(page)
                page.screenshot(path=str(OUT / "phone-375x667.png"))
                page = _page(browser, 1280, 1000, article.as_uri())
                frame_element = page.locator(".mapgen-embed iframe")
                frame_element.scroll_into_view_if_needed()
                _settle(frame_element.element_handle().content_frame())
                page.evaluate("window.scrollTo(0, 0)")
                page.wait_for_timeout(300)
                page.screenshot(path=str(OUT / "embed-article.png"))
            finally:
                browser.close()
    for name in ("aleppo-2016-02-04.png", "azaz-aleppo-z11.png", "phone-375x667.png", "embed-article.png"):
        print(OUT / name)


if __name__ == "__main__":
    main()

"""Read the data block of a built page back (incidents are packed: see mapgen/columns.py)."""
from __future__ import annotations

import json
from typing import Any

from mapgen.columns import unpack
from mapgen.shape import LAZY_TEXT_ID


def page_payload(html: str) -> dict[str, Any]:
    """The JSON the page's time layer reads, with the popup texts put back in from their own
    block after the script (see mapgen.shape.page_data)."""
    start = html.index('id="mapgen-data">') + len('id="mapgen-data">')
    payload = json.loads(html[start:html.index("</script>", start)])
    inc = payload.get("inc")
    if isinstance(inc, dict) and inc.get("lazyText") is None:
        mark = f'id="{LAZY_TEXT_ID}">'
        at = html.index(mark) + len(mark)
        inc["lazyText"] = html[at:html.index("</script>", at)]
    return payload


def page_incidents(html: str) -> dict[str, list[Any]]:
    """The page's incident columns, unpacked: ``{"id": [...], "title": [...], "s": [...], ...}``."""
    return unpack(page_payload(html)["inc"])

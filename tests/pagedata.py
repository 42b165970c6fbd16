"""Read the data block of a built page back (incidents are packed: see mapgen/columns.py)."""
from __future__ import annotations

import json
from typing import Any

from mapgen.columns import unpack


def page_payload(html: str) -> dict[str, Any]:
    """The JSON the page's time layer reads."""
    start = html.index('id="mapgen-data">') + len('id="mapgen-data">')
    return json.loads(html[start:html.index("</script>", start)])


def page_incidents(html: str) -> dict[str, list[Any]]:
    """The page's incident columns, unpacked: ``{"id": [...], "title": [...], "s": [...], ...}``."""
    return unpack(page_payload(html)["inc"])

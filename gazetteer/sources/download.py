"""Fetching GeoNames country dumps (``CC.zip``) when online.

The base address is ``MAPGEN_GEONAMES_URL`` when set (tests point it at a local server),
else GeoNames' export folder.
"""
from __future__ import annotations

import os
import shutil
import urllib.error
import urllib.request
from pathlib import Path
from typing import Sequence

from gazetteer.errors import GazetteerError, GazetteerInputError
from gazetteer.sources.base import Progress

DEFAULT_BASE_URL = "https://download.geonames.org/export/dump/"
ENV_BASE_URL = "MAPGEN_GEONAMES_URL"
CHUNK = 1 << 16


def base_url(url: str | None = None) -> str:
    """Return the dump folder address: ``url``, env ``MAPGEN_GEONAMES_URL``, or GeoNames'."""
    url = url or os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL
    if not url.startswith(("http://", "https://")):
        raise GazetteerError(f"GeoNames address must be http(s): {url!r}")
    return url.rstrip("/") + "/"


def country_code(code: str) -> str:
    """Check and upper-case an ISO-3166 alpha-2 country code."""
    cc = code.strip().upper()
    if len(cc) != 2 or not cc.isascii() or not cc.isalpha():
        raise GazetteerInputError(f"not an ISO-3166 alpha-2 country code: {code!r}",
                                  field="country")
    return cc


def download_dumps(codes: Sequence[str], dest: Path, *, url: str | None = None,
                   progress: Progress | None = None, timeout: float = 60.0) -> list[Path]:
    """Download ``CC.zip`` for each country code into ``dest``; return the files.

    Raises
    ------
    GazetteerInputError
        For a code that is not two letters.
    GazetteerError
        When a download fails (the message names the address and the reason).
    """
    ccs = [country_code(c) for c in codes]
    root = base_url(url)
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for cc in ccs:
        address = f"{root}{cc}.zip"
        target = dest / f"{cc}.zip"
        partial = target.with_suffix(".zip.part")
        try:
            with urllib.request.urlopen(address, timeout=timeout) as resp, \
                    open(partial, "wb") as fh:
                while True:
                    chunk = resp.read(CHUNK)
                    if not chunk:
                        break
                    fh.write(chunk)
                    if progress is not None:
                        progress(len(chunk))
        except urllib.error.HTTPError as exc:
            partial.unlink(missing_ok=True)
            raise GazetteerError(f"download {address}: HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError, TimeoutError) as exc:
            partial.unlink(missing_ok=True)
            reason = getattr(exc, "reason", exc)
            raise GazetteerError(f"download {address}: {reason}") from None
        shutil.move(partial, target)
        out.append(target)
    return out

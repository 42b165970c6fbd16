"""Regenerate ``ocha_sy_communities.csv.gz``, the OCHA communities of Syria built in.

Source: UN OCHA Syria, Common Operational Dataset of populated places (admin-4 communities,
P-codes ``C1001``...), published on HDX under CC BY 3.0 IGO; credit "UN OCHA, via HDX". See
``SOURCE-ocha.md`` beside this file. Keeps, per community: English name, Arabic name, the
alternate names that differ once OCHA's qualifiers are dropped, the names its name holds
(each name it joins, "Zayzafun - Ekdeh", or its name without its district's or subdistrict's
written after it, "Qatmet Efrin": see :func:`gazetteer.sources.ocha.other_names`), the point
at 5 decimals
(about 1 m), the P-code and, for a community that is its province's, district's or
subdistrict's seat (named after the unit), GeoNames' code for it (``PPLA``, ``PPLA2``,
``PPLA3``; see :func:`gazetteer.sources.ocha.seat_codes`); the admin columns are left out.

Run: ``python gazetteer/data/make_ocha.py PATH/TO/communities.csv``
"""
from __future__ import annotations

import sys
from pathlib import Path

from gazetteer.sources.base import FileReport
from gazetteer.sources.ocha import read_text, write_compact

OUT = Path(__file__).with_name("ocha_sy_communities.csv.gz")


def main(src: str) -> None:
    with open(src, encoding="utf-8-sig", newline="") as fh:
        # (the names read from the kept ones on every reading are not stored: see read_rows)
        records = list(read_text(fh, Path(src), FileReport(src, "ocha"), derive=False))
    with open(OUT, "wb") as fh:
        write_compact(records, fh)
    print(f"{OUT}: {len(records)} communities, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])

"""The packed columns decode to exactly what was packed (the page's decoder mirrors ``unpack``)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mapgen.columns import Packer, unpack

# values within +-2**28: differences and their zigzag codes then fit the 32 bits the page reads
INTS = st.lists(st.integers(min_value=-(2**28), max_value=2**28), max_size=200)


@given(INTS, INTS, st.lists(st.text(max_size=30), max_size=50), st.lists(st.text(max_size=5), max_size=5))
def test_round_trip(plain: list[int], deltas: list[int], texts: list[str], table: list[str]) -> None:
    pack = Packer()
    pack.ints("a", plain)
    pack.ints("b", deltas, delta=True)
    pack.strings("t", texts)
    pack.strings("u", table)
    out = unpack(pack.result(lazy=("u",)))
    assert out["a"] == plain and out["b"] == deltas and out["t"] == texts and out["u"] == table


def test_width_follows_the_range() -> None:
    pack = Packer()
    pack.ints("small", [5, 6, 200])
    pack.ints("sorted", [10**6, 10**6 + 3, 10**6 + 90], delta=True)
    pack.ints("wide", [0, 70000])
    widths = {c[0]: c[2] for c in pack.result()["cols"]}
    assert widths == {"small": 1, "sorted": 1, "wide": 3}


def test_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError, match="32-bit"):
        Packer().ints("x", [0, 2**31])


def test_string_lengths_count_utf16_code_units() -> None:
    """The page slices strings by UTF-16 units: a character outside the BMP counts two."""
    pack = Packer()
    pack.strings("t", ["a\U0001F600b", "é", "حلب"])
    result = pack.result()
    lengths = next(c for c in result["cols"] if c[0] == "t")
    assert lengths[1] == 3
    assert unpack(result)["t"] == ["a\U0001F600b", "é", "حلب"]
    plain = Packer()
    plain.strings("t", ["ab", "é"])
    assert unpack(plain.result())["t"] == ["ab", "é"]


def test_coordinates_take_the_decimals_the_data_has() -> None:
    """Four-decimal coordinates (ACLED's) are packed at 1e-4 degree, others at 1e-5; both
    decode to the coordinates given, and an unlocated incident does not decide."""
    import datetime as dt

    from mapgen.config import MapConfig
    from mapgen.model import Incident
    from mapgen.shape import build_payload

    start = dt.datetime(2016, 2, 4, tzinfo=dt.timezone.utc)

    def packed(points: list[tuple[float | None, float | None]]) -> tuple[int, list[float], list[float]]:
        incidents = [Incident(f"i{k}", start, start, "exact", "clashes", "Azaz" if lat is None else None, lat, lon,
                              "exact") for k, (lat, lon) in enumerate(points)]
        data = build_payload(MapConfig(title="t"), incidents, [])["inc"]
        scale = 10 ** data["digits"]
        cols = unpack(data)
        return data["digits"], [v / scale for v in cols["lat"]], [v / scale for v in cols["lon"]]

    digits, lats, lons = packed([(36.5866, 37.0463), (36.2012, 37.1612), (None, None)])
    assert digits == 4 and lats[:2] == [36.5866, 36.2012] and lons[:2] == [37.0463, 37.1612]
    digits, lats, lons = packed([(36.58662, 37.04628), (36.2012, 37.1612)])
    assert digits == 5 and lats == [36.58662, 36.2012] and lons == [37.04628, 37.1612]

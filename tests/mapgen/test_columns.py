"""The packed columns decode to exactly what was packed (the page's decoder mirrors ``unpack``)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mapgen.columns import Packer, unpack

INTS = st.lists(st.integers(min_value=-(2**29), max_value=2**29), max_size=200)


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

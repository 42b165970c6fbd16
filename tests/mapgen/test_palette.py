"""The default palettes stay distinguishable for colour-blind readers.

Each colour is passed through the dichromacy simulation of Machado, Oliveira & Fernandes (2009,
severity 1.0, applied in linear sRGB) and compared in CIELAB (D65) with CIEDE2000. Every pair of
event types and every pair of factions must stay at least ``MIN_DE`` apart for normal vision and
for protanopia, deuteranopia and tritanopia; points and zone outlines must stand out from the land
colour, and zone fills (as drawn, at their opacity over land) from each other. Fills get a lower
bar: every zone also has a full-colour outline, and the legend names the faction.
"""
from __future__ import annotations

import itertools
import math

import pytest

from mapgen.config import DEFAULT_EVENT_TYPES, DEFAULT_FACTIONS

MIN_DE = 10.0        # CIEDE2000; about 2.3 is a just-noticeable difference
MIN_DE_FILL = 7.5    # zone fills at their opacity over land
MIN_DE_LAND = 20.0   # a point against the basemap's land fill
MIN_DE_OUTLINE = 15.0  # a zone outline against the land fill
LAND = "#f4f1ea"     # land fill in mapgen/static/timeline/
ZONE_OPACITY = 0.28  # fill opacity of an assessed zone in mapgen/static/timeline/

MACHADO = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def linear_rgb(colour: str) -> tuple[float, float, float]:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    return tuple(channel(int(colour[i:i + 2], 16)) for i in (1, 3, 5))  # type: ignore[return-value]


def blend(colour: str, over: str, alpha: float) -> str:
    """``colour`` at ``alpha`` over ``over``, as the browser composites it (in sRGB)."""
    mixed = [round(alpha * int(colour[i:i + 2], 16) + (1 - alpha) * int(over[i:i + 2], 16)) for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def simulate(rgb: tuple[float, float, float], vision: str) -> tuple[float, float, float]:
    m = MACHADO[vision]
    return tuple(min(1.0, max(0.0, sum(m[r][k] * rgb[k] for k in range(3)))) for r in range(3))  # type: ignore


def lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116
    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """Sharma, Wu & Dalal (2005) formulation."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dl, dc = l2 - l1, c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    else:
        dh = h2p - h1p
        dh = dh - 360 if dh > 180 else dh + 360 if dh < -180 else dh
    d_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_bar, cp_bar = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_bar - 30)) + 0.24 * math.cos(math.radians(2 * h_bar))
         + 0.32 * math.cos(math.radians(3 * h_bar + 6)) - 0.20 * math.cos(math.radians(4 * h_bar - 63)))
    d_theta = 30 * math.exp(-(((h_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_bar ** 7 / (cp_bar ** 7 + 25 ** 7))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c = 1 + 0.045 * cp_bar
    s_h = 1 + 0.015 * cp_bar * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((dl / s_l) ** 2 + (dc / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (dc / s_c) * (d_h / s_h))


def difference(c1: str, c2: str, vision: str) -> float:
    return ciede2000(lab(simulate(linear_rgb(c1), vision)), lab(simulate(linear_rgb(c2), vision)))


def closest_pair(colours: dict[str, str], vision: str) -> tuple[float, str, str]:
    return min((difference(a, b, vision), ka, kb)
               for (ka, a), (kb, b) in itertools.combinations(colours.items(), 2))


def test_ciede2000_matches_published_pairs() -> None:
    # Sharma, Wu & Dalal (2005), table 1: pairs 1, 7 and 17
    assert ciede2000((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert ciede2000((50, 0, 0), (50, -1, 2)) == pytest.approx(2.3669, abs=1e-4)
    assert ciede2000((50, 2.5, 0), (73, 25, -18)) == pytest.approx(27.1492, abs=1e-4)


def test_simulation_merges_red_and_green_for_deuteranopes() -> None:
    # a check on the matrices: pure red and green are far apart normally, close for deuteranopes
    assert difference("#ff0000", "#00ff00", "normal") > 80
    assert difference("#ff0000", "#00ff00", "deuteranopia") < difference("#ff0000", "#00ff00", "normal") / 2


@pytest.mark.parametrize("vision", list(MACHADO))
def test_event_types_stay_apart(vision: str) -> None:
    colours = {k: c for k, (_, c) in DEFAULT_EVENT_TYPES.items()}
    worst, a, b = closest_pair(colours, vision)
    assert worst >= MIN_DE, f"{vision}: {a} and {b} are only {worst:.1f} apart"


@pytest.mark.parametrize("vision", list(MACHADO))
def test_points_stand_out_from_land(vision: str) -> None:
    worst = min((difference(c, LAND, vision), k) for k, (_, c) in DEFAULT_EVENT_TYPES.items())
    assert worst[0] >= MIN_DE_LAND, f"{vision}: {worst[1]} is only {worst[0]:.1f} from the land colour"


@pytest.mark.parametrize("vision", list(MACHADO))
def test_factions_stay_apart_as_colours_and_as_zone_fills(vision: str) -> None:
    colours = {k: c for k, (_, c) in DEFAULT_FACTIONS.items()}
    worst, a, b = closest_pair(colours, vision)
    assert worst >= MIN_DE, f"{vision}: {a} and {b} are only {worst:.1f} apart"
    fills = {k: blend(c, LAND, ZONE_OPACITY) for k, c in colours.items()}
    worst, a, b = closest_pair(fills, vision)
    assert worst >= MIN_DE_FILL, f"{vision}: zone fills of {a} and {b} are only {worst:.1f} apart"
    worst_land = min((difference(c, LAND, vision), k) for k, c in colours.items())
    assert worst_land[0] >= MIN_DE_OUTLINE, f"{vision}: {worst_land[1]} is only {worst_land[0]:.1f} from land"


# ------------------------------------------------------------------ colours for any data

@pytest.mark.parametrize("count", [3, 5])
def test_new_types_get_colours_apart_from_each_other_and_every_default(count: int) -> None:
    from mapgen.config import MapConfig

    config = MapConfig()
    keys = [f"kind {n:02d}" for n in range(count)] + list(DEFAULT_EVENT_TYPES)  # 20 or 22 types
    config.use_event_types(keys)
    assert list(config.event_types)[:2] == ["airstrike", "chemical attack"]  # not configured: sorted
    colours = {k: c.color for k, c in config.event_types.items()}
    assert all(colours[k] == c for k, (_, c) in DEFAULT_EVENT_TYPES.items())  # defaults keep theirs
    assert len(colours) == count + len(DEFAULT_EVENT_TYPES)
    for vision in MACHADO:
        worst, a, b = closest_pair(colours, vision)
        assert worst >= MIN_DE, f"{vision}: {a} and {b} are only {worst:.1f} apart"
        land = min(difference(c, LAND, vision) for c in colours.values())
        assert land >= MIN_DE_LAND


def test_twenty_new_types_alone_stay_apart() -> None:
    from mapgen.config import MapConfig

    config = MapConfig()
    config.use_event_types([f"type {n}" for n in range(20)])
    colours = {k: c.color for k, c in config.event_types.items()}
    for vision in MACHADO:
        worst, a, b = closest_pair(colours, vision)
        assert worst >= MIN_DE, f"{vision}: {a} and {b} are only {worst:.1f} apart"


def test_configured_colours_are_kept_and_avoided() -> None:
    from mapgen.config import config_from_mapping

    config = config_from_mapping({"factions": {"militia": {"label": "Local militia", "color": "#D55E00"},
                                               "tribes": {"label": "Tribal forces"}}}, "map.yaml")
    config.use_factions(["militia", "tribes", "government", "clans"])
    colours = {k: c.color for k, c in config.factions.items()}
    assert colours["militia"] == "#D55E00" and config.factions["tribes"].label == "Tribal forces"
    assert list(config.factions) == ["militia", "tribes", "clans", "government"]
    for key in ("tribes", "clans"):
        others = {k: c for k, c in colours.items() if k != key and k != "government"}
        for vision in MACHADO:
            assert min(difference(colours[key], c, vision) for c in others.values()) >= MIN_DE


def test_palette_module_agrees_with_this_reference() -> None:
    import numpy as np

    from mapgen import palette

    pairs = [("#CC3311", "#EE7733"), ("#000000", "#FFFFFF"), ("#0072B2", "#33BBEE"), ("#4D2100", "#21002C")]
    for vision in MACHADO:
        for a, b in pairs:
            ours = palette.ciede2000(palette.lab_under(palette._rgb([a]), vision),
                                     palette.lab_under(palette._rgb([b]), vision))
            assert float(np.asarray(ours).ravel()[0]) == pytest.approx(difference(a, b, vision), abs=1e-6)


@pytest.mark.parametrize("key, kind, expected", [
    ("goverment", "faction", "government"), ("regime", "faction", "government"), ("Daesh", "faction", "isil"),
    ("ISIS", "faction", "isil"), ("air strike", "event type", "airstrike"), ("sheling", "event type", "shelling"),
    ("Air-Strike", "event type", "airstrike"), ("government", "faction", None), ("ambush", "event type", None),
    ("tribes", "faction", None),
])
def test_lookalikes_of_known_keys(key: str, kind: str, expected: str | None) -> None:
    from mapgen.config import MapConfig

    assert MapConfig().suggestion(key, kind) == expected

"""Colours for legend categories that stay apart for every reader, chosen when the defaults run out.

Two colours count as distinct when their CIEDE2000 difference is at least :data:`MIN_DE` for
normal vision and under simulated protanopia, deuteranopia and tritanopia (Machado, Oliveira &
Fernandes 2009, severity 1, applied in linear sRGB), and each stands out from the basemap's land
colour. :func:`extend_palette` adds colours to a set already in use by greedy max-min search over
a fixed grid of sRGB candidates: the same inputs always give the same colours.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

import numpy as np

MIN_DE = 10.0        # between any two categories; about 2.3 is a just-noticeable difference
MIN_DE_LAND = 20.0   # a point against the land fill
LAND = "#f4f1ea"     # the land fill of the page's basemap

MACHADO = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
_GRID_STEP = 11  # sRGB candidates every 11 levels: 24 per channel, 13,824 colours


def _rgb(colours: Sequence[str]) -> np.ndarray:
    """``#rrggbb`` (or ``#rgb``) strings as an (n, 3) array of sRGB values in 0..1."""
    out = []
    for colour in colours:
        text = colour.lstrip("#")
        if len(text) == 3:
            text = "".join(c * 2 for c in text)
        out.append([int(text[i:i + 2], 16) / 255 for i in (0, 2, 4)])
    return np.asarray(out, dtype=float).reshape(-1, 3)


def lab_under(rgb: np.ndarray, vision: str) -> np.ndarray:
    """CIELAB (D65) of sRGB colours as a reader with ``vision`` sees them."""
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    seen = np.clip(linear @ np.asarray(MACHADO[vision], dtype=float).T, 0.0, 1.0)
    xyz = seen @ np.array([[0.4124564, 0.3575761, 0.1804375],
                           [0.2126729, 0.7151522, 0.0721750],
                           [0.0193339, 0.1191920, 0.9503041]]).T
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.stack([116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]), 200 * (f[:, 1] - f[:, 2])], axis=1)


def ciede2000(lab1: np.ndarray, lab2: np.ndarray) -> np.ndarray:
    """CIEDE2000 between rows of two (n, 3) Lab arrays (broadcasting), Sharma, Wu & Dalal (2005)."""
    l1, a1, b1 = lab1[..., 0], lab1[..., 1], lab1[..., 2]
    l2, a2, b2 = lab2[..., 0], lab2[..., 1], lab2[..., 2]
    c_bar = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2
    g = 0.5 * (1 - np.sqrt(c_bar ** 7 / (c_bar ** 7 + 25.0 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p = np.degrees(np.arctan2(b1, a1p)) % 360
    h2p = np.degrees(np.arctan2(b2, a2p)) % 360
    dl, dc = l2 - l1, c2p - c1p
    zero = c1p * c2p == 0
    dh = h2p - h1p
    dh = np.where(dh > 180, dh - 360, np.where(dh < -180, dh + 360, dh))
    dh = np.where(zero, 0.0, dh)
    d_h = 2 * np.sqrt(c1p * c2p) * np.sin(np.radians(dh / 2))
    l_bar, cp_bar = (l1 + l2) / 2, (c1p + c2p) / 2
    h_sum = h1p + h2p
    h_bar = np.where(zero, h_sum,
                     np.where(np.abs(h1p - h2p) <= 180, h_sum / 2,
                              np.where(h_sum < 360, (h_sum + 360) / 2, (h_sum - 360) / 2)))
    t = (1 - 0.17 * np.cos(np.radians(h_bar - 30)) + 0.24 * np.cos(np.radians(2 * h_bar))
         + 0.32 * np.cos(np.radians(3 * h_bar + 6)) - 0.20 * np.cos(np.radians(4 * h_bar - 63)))
    d_theta = 30 * np.exp(-(((h_bar - 275) / 25) ** 2))
    r_c = 2 * np.sqrt(cp_bar ** 7 / (cp_bar ** 7 + 25.0 ** 7))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / np.sqrt(20 + (l_bar - 50) ** 2)
    s_c = 1 + 0.045 * cp_bar
    s_h = 1 + 0.015 * cp_bar * t
    r_t = -np.sin(np.radians(2 * d_theta)) * r_c
    return np.sqrt((dl / s_l) ** 2 + (dc / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (dc / s_c) * (d_h / s_h))


def worst_difference(colours: Sequence[str], others: Sequence[str]) -> np.ndarray:
    """For each of ``colours``, its smallest CIEDE2000 to any of ``others`` over all visions."""
    rgb, other = _rgb(colours), _rgb(others)
    worst = np.full((len(rgb), len(other)), np.inf)
    for vision in MACHADO:
        a, b = lab_under(rgb, vision), lab_under(other, vision)
        worst = np.minimum(worst, ciede2000(a[:, None, :], b[None, :, :]))
    return worst.min(axis=1) if len(other) else np.full(len(rgb), np.inf)


@lru_cache(maxsize=1)
def _candidates() -> tuple[np.ndarray, list[str], np.ndarray]:
    """The grid of candidate colours, their Lab under each vision, and their distance to land."""
    levels = np.arange(0, 256, _GRID_STEP)
    grid = np.array([(r, g, b) for r in levels for g in levels for b in levels], dtype=float)
    names = ["#%02X%02X%02X" % tuple(int(v) for v in row) for row in grid]
    labs = np.stack([lab_under(grid / 255, vision) for vision in MACHADO])  # (visions, n, 3)
    land = worst_difference(names, [LAND])
    return labs, names, land


def extend_palette(used: Sequence[str], count: int) -> list[str]:
    """``count`` colours, each as far as can be (CIEDE2000, every vision) from ``used`` and from
    one another, and at least :data:`MIN_DE_LAND` from the land colour.

    Greedy max-min: each new colour is the candidate whose smallest difference to the colours
    chosen so far is largest. When the grid has nothing :data:`MIN_DE` apart any more (far beyond
    twenty categories) the colours are still the farthest apart available.
    """
    labs, names, land = _candidates()
    nearest = np.where(land >= MIN_DE_LAND, np.inf, -np.inf)
    chosen_rgb = _rgb(used)
    for v, vision in enumerate(MACHADO):
        if len(chosen_rgb):
            seen = lab_under(chosen_rgb, vision)
            diff = ciede2000(labs[v][:, None, :], seen[None, :, :]).min(axis=1)
            nearest = np.minimum(nearest, diff)
    picked: list[str] = []
    for _ in range(count):
        best = int(np.argmax(nearest))
        picked.append(names[best])
        for v in range(len(MACHADO)):
            nearest = np.minimum(nearest, ciede2000(labs[v], labs[v][best][None, :]))
        nearest[best] = -np.inf
    return picked


__all__ = ["LAND", "MACHADO", "MIN_DE", "MIN_DE_LAND", "ciede2000", "extend_palette", "lab_under",
           "worst_difference"]

"""A look-alike (three consonants or more, its letters within two edits) among a report's few
places is the place meant when chance would not put one of its namesakes as near them; among
a map of the whole country it is not."""
from __future__ import annotations

import numpy as np
import pytest

from gazetteer.resolve import ContextSpread, context_spread
from tests.gazetteer.test_trust import _km
from tests.gazetteer.test_wide_context import COUNTRY

# One report of the Daraa countryside: towns and villages west and north of Daraa.
DARAA = ["Daraa", "Muzayrib", "Nawa", "Jasim", "Inkhil", "Dael", "Sheikh Maskin", "Izra"]
# Tafas (GeoNames 163806, OCHA C6034), north-west of Daraa
TAFAS = (32.737, 36.067)


def _report(gz) -> list[tuple[float, float]]:
    found = gz.resolve_many(DARAA, countries=["SY"])
    assert all(r.status == "resolved" for r in found)
    return [(r.place.lat, r.place.lon) for r in found]


def test_a_short_look_alike_among_a_reports_places_is_the_place(gz) -> None:
    # "Tuffas": its consonants (t, f, s) are Tafas's, its letters two edits from them
    assert gz.resolve("Tuffas", countries=["SY"]).status == "unresolved"
    res = gz.resolve("Tuffas", countries=["SY"], context=_report(gz))
    assert res.status == "resolved" and res.match == "arabic"
    assert _km(res.place, *TAFAS) < 2
    # the least sure of answers, and said so
    assert res.score < 0.5
    # the same, as one report
    many = gz.resolve_many(["Tuffas", *DARAA], countries=["SY"])
    assert many[0].status == "resolved" and _km(many[0].place, *TAFAS) < 2


def test_among_the_whole_countrys_places_it_is_chance(gz) -> None:
    # the same report in a map of places all over the country: some of them lie as near
    # nearly any village, and nearness picks nothing
    ctx = np.concatenate([np.asarray(_report(gz)), COUNTRY])
    assert gz.resolve("Tuffas", countries=["SY"], context=ctx).status != "resolved"


def test_farther_than_the_reports_reach_it_is_not_among_them(gz) -> None:
    # the report's places moved 33 km north: Tafas lies 20 km and more from all of them
    far = [(lat + 0.3, lon) for lat, lon in _report(gz)]
    assert gz.resolve("Tuffas", countries=["SY"], context=far).status != "resolved"


def test_the_chance_is_the_share_of_the_countrys_places_as_near(gz) -> None:
    ctx = _report(gz)

    def status(spread: ContextSpread) -> str:
        return gz.resolve("Tuffas", countries=["SY"], context=ctx, context_spread=spread).status

    # no village of the country near the report's places: no coincidence
    assert status(ContextSpread(False, 0.0, (100.0,) * 600)) == "resolved"
    # every village of the country as near them: nearness is no evidence
    assert status(ContextSpread(False, 0.0, (0.0,) * 600)) != "resolved"
    # not measured (no country sample): the look-alike stays refused, as before
    assert status(ContextSpread(False, 0.0)) != "resolved"


def test_the_spread_keeps_each_country_places_distance_in_order() -> None:
    sample = np.array([[33.0, 36.0], [34.0, 36.0], [35.0, 36.0]])
    spread = context_spread([(33.0, 36.0)], sample)
    assert len(spread.nearest) == 3 and list(spread.nearest) == sorted(spread.nearest)
    assert spread.nearest[0] < 1.0 and 100.0 < spread.nearest[1] < 120.0


# OCHA's Aqrab, in the Homs countryside, and three places of a report within 4 km of it
AQRAB = (34.936, 36.459)
AQRABIYAH = (34.53806, 36.47333)  # Wikipedia, as in benchmarks/data/syria_eval.csv
AROUND_AQRAB = [(AQRAB[0] + 0.03, AQRAB[1]), (AQRAB[0], AQRAB[1] + 0.04),
                (AQRAB[0] - 0.03, AQRAB[1] - 0.02)]


def test_a_look_alike_must_be_spelled_nearly_as_the_name(gz) -> None:
    # "Oqrob": the consonants of Aqrab, its letters two edits off: among the report's places
    res = gz.resolve("Oqrob", countries=["SY"], context=AROUND_AQRAB)
    assert res.status == "resolved" and _km(res.place, *AQRAB) < 1
    # "Aqrabiyah" has them too, but is three letters longer: another village, al-Aqrabiyah,
    # 44 km south (OCHA's "Western Buwayda - Aqrabiya", a community of two names), not Aqrab
    for name in ("Aqrabiyah", "العقربية"):
        res = gz.resolve(name, countries=["SY"], context=AROUND_AQRAB)
        assert res.place is None or _km(res.place, *AQRABIYAH) < 2, (name, res)
        assert res.place is None or _km(res.place, *AQRAB) > 40


def _around(point: tuple[float, float]) -> list[tuple[float, float]]:
    """Three places of a report, 6-7 km from ``point``."""
    return [(point[0] + 0.05, point[1] + 0.03), (point[0] - 0.06, point[1]),
            (point[0], point[1] - 0.08)]


@pytest.mark.parametrize("name, place", [("Muslimiyeh", "Musallamiyeh"), ("Mtrass", "Matras"),
                                         ("Kafr Hawar", "Kafr Hoor")])
def test_a_longer_look_alike_among_a_reports_places_is_the_place(gz, name: str,
                                                                  place: str) -> None:
    # four consonants, a few letters off: alone refused or in doubt, among a report's places
    # around the village it is the village (OCHA's Musallamiyeh north of Aleppo; Matras in
    # the Tartus hills); or the six consonants of its Arabic name, كفر حور, which OCHA spells
    # Kafr Hoor, three letters from the name: its spelling there ...
    where = gz.resolve(place, countries=["SY"]).place
    assert gz.resolve(name, countries=["SY"]).status != "resolved"
    res = gz.resolve(name, countries=["SY"], context=_around((where.lat, where.lon)))
    assert res.status == "resolved" and _km(res.place, where.lat, where.lon) < 1
    # ... and among places all over the country it stays refused
    ctx = np.concatenate([np.asarray(_around((where.lat, where.lon))), COUNTRY])
    assert gz.resolve(name, countries=["SY"], context=ctx).status != "resolved"

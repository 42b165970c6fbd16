"""Places you can trust: OCHA communities, one place from two sources, far-apart namesakes,
never leaving the map's countries on a weak match, fuzzy spellings (real rows in ``data/``)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from gazetteer import open_gazetteer
from gazetteer.resolve import haversine_km
from gazetteer.sources.base import detect_format

DATA = Path(__file__).parent / "data"
OCHA = DATA / "ocha_communities_extract.csv"
GEONAMES = DATA / "geonames_sy_extract.txt"
# Az Zahra' beside Nubl (GeoNames 166458) and four villages of the same name elsewhere in Syria
ZAHRA_NUBL = 166458
NUBL = (36.37556, 36.99417)


def _km(place, lat: float, lon: float) -> float:
    return float(haversine_km(place.lat, place.lon, lat, lon))


def test_ocha_layout_is_recognised_and_imported(gz) -> None:
    assert detect_format(OCHA) == "ocha"
    report = gz.import_files([OCHA])
    assert report.places == 4 and report.files[0].format == "ocha"
    res = gz.resolve("حريتان", countries=["SY"])           # the Arabic name, as OCHA writes it
    assert res.status == "resolved" and res.match == "arabic"
    assert _km(res.place, 36.281405, 37.088555) < 1.5
    refs = {s.get("ref") for s in res.to_json_dict()["sources"]}
    assert "C1130" in refs


def test_ocha_bad_row_names_file_line_and_field(gz, tmp_path: Path) -> None:
    bad = tmp_path / "communities.csv"
    text = OCHA.read_text(encoding="utf-8").splitlines()
    text[2] = text[2].replace("36.584872", "north")
    bad.write_text("\n".join(text) + "\n", encoding="utf-8")
    before = gz.counts()
    with pytest.raises(ValueError, match=r"communities\.csv:3: lat: not a number"):
        gz.import_files([bad])
    assert gz.counts() == before


def test_an_imported_ocha_list_outlives_a_new_built_in_default(gz, home, tmp_path: Path) -> None:
    # the user imports a list whose point of Retyan (C1651) differs from the built-in one's
    # (a newer release, or a correction of their own) ...
    newer = tmp_path / "communities.csv"
    text = OCHA.read_text(encoding="utf-8").replace("36.34715,37.093537", "36.39715,37.093537")
    newer.write_text(text, encoding="utf-8")
    gz.import_files([newer])
    assert _km(gz.resolve("Retyan", countries=["SY"]).place, 36.39715, 37.093537) < 0.1
    gz.close()
    # ... then a new version of the project builds its built-in default again: the imported
    # community stays as imported, once; the built-in ones not imported are built again
    conn = sqlite3.connect(home / "gazetteer.sqlite3")
    conn.execute("UPDATE meta SET value = 'an earlier one' WHERE key = 'builtin_version'")
    conn.commit()
    conn.close()
    with open_gazetteer(home) as again:
        res = again.resolve("Retyan", countries=["SY"])
        assert res.status == "resolved" and _km(res.place, 36.39715, 37.093537) < 0.1, res
        assert again.resolve("Kafer Naya", countries=["SY"]).place.ref == "C1626"
        assert again.resolve("Kafr Nouran", countries=["SY"]).status == "resolved"
    conn = sqlite3.connect(home / "gazetteer.sqlite3")
    try:
        assert conn.execute("SELECT COUNT(*) FROM places WHERE ref = 'C1651'").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM places WHERE source = 'ocha'").fetchone()[0] \
            > 1000
    finally:
        conn.close()


def test_builtin_default_holds_ocha_villages(gz) -> None:
    # fresh install, no import: a village only OCHA spells this way
    res = gz.resolve("Retyan", countries=["SY"])
    assert res.status == "resolved" and res.place.source == "ocha" and res.place.ref == "C1651"
    assert _km(res.place, 36.346611, 37.092139) < 1.0         # Wikipedia "Ratyan"


def test_a_place_geonames_and_ocha_both_hold_is_one_place(gz) -> None:
    gz.import_files([GEONAMES, OCHA])
    # GeoNames' Huraytan is also called Haritan, OCHA's name for the community 0.8 km away
    res = gz.resolve("Haritan", countries=["SY"])
    assert res.status == "resolved", res.alternatives
    sources = res.to_json_dict()["sources"]
    assert {"source": "geonames", "geonameid": 169858} in sources
    assert [s for s in sources if s.get("ref")] == [{"source": "ocha", "ref": "C1130"}]


def test_same_named_villages_far_apart_need_context(gz) -> None:
    gz.import_files([GEONAMES])
    alone = gz.resolve("Az Zahra'", countries=["SY"])
    assert alone.status == "ambiguous"
    assert ZAHRA_NUBL in {p.geonameid for p in alone.alternatives}
    near = gz.resolve("Az Zahra'", countries=["SY"], near=NUBL)
    assert near.status == "resolved" and near.place.geonameid == ZAHRA_NUBL
    assert near.context_km is not None and near.context_km < 5
    view = [[36.2, 36.8], [36.7, 37.3]]                       # the map's view: north of Aleppo
    assert gz.resolve("Az Zahra'", countries=["SY"], view=view).place.geonameid == ZAHRA_NUBL
    many = gz.resolve_many(["Az Zahra'", "Nubl", "Mayer", "Kafer Naya"], countries=["SY"])
    assert many[0].status == "resolved" and many[0].place.geonameid == ZAHRA_NUBL
    assert many[0].to_json_dict()["context_km"] < 10


def test_no_weak_match_leaves_the_maps_countries(gz, tmp_path: Path) -> None:
    table = tmp_path / "lebanon.csv"
    table.write_text("name,lat,lon,country,type\nQasr Zarifat,34.1,36.1,LB,PPL\n", encoding="utf-8")
    gz.import_files([table])
    # exact name, nothing in Syria of that name: the Lebanese place may be chosen
    exact = gz.resolve("Qasr Zarifat", countries=["SY"])
    assert exact.status == "resolved" and exact.place.country == "LB" and exact.match == "exact"
    # loose (q/k, -a/-ah) and fuzzy (a dropped letter) spellings stay home
    for spelling in ("Kasr Zarifat", "Qasr Zarfat"):
        assert gz.resolve(spelling, countries=["SY"]).status == "unresolved", spelling
        res = gz.resolve(spelling, countries=["LB"])
        assert res.status == "resolved" and res.place.country == "LB", spelling
        assert res.match in ("loose", "fuzzy")


def test_a_town_next_door_by_a_loose_spelling_of_another_of_its_names_is_no_answer(gz) -> None:
    # "Quniya" (Al-Quniyah, a village by Jisr ash-Shughur, OCHA's Qanniyeh) loosely spells
    # Koʻniya, Uzbek for Konya, 400 km into Turkey; on a map of Syria and Turkey it is in
    # doubt with the Syrian villages it resembles, not Konya
    res = gz.resolve("Quniya", countries=["SY", "TR"])
    assert res.status == "ambiguous", res
    assert any(p.country == "SY" for p in res.alternatives)
    # Konya by its own name, or a Turkish town by a loose spelling of its own, is still meant
    assert gz.resolve("Konya", countries=["SY", "TR"]).place.name == "Konya"
    res = gz.resolve("Killis", countries=["SY", "TR"])
    assert res.status == "resolved" and _km(res.place, 36.716, 37.115) < 5, res


@pytest.mark.parametrize("spelling, lat, lon", [
    ("Jisser ash-Shughour", 35.8, 36.3186),      # Jisr ash-Shughur (Wikipedia)
    ("Khan Shikhoun", 35.4383, 36.6511),         # Khan Shaykhun
    ("Kfar Takharam", 36.1186, 36.5158),         # Kafr Takharim
    ("Şêxmeqsûd", 36.2361, 37.1517),             # Sheikh Maqsood, Kurdish spelling
    ("Kafer Naya", 36.41989, 37.072),
])
def test_spellings_nobody_listed(gz, spelling: str, lat: float, lon: float) -> None:
    res = gz.resolve(spelling, countries=["SY"])
    assert res.status == "resolved", (spelling, res.alternatives)
    assert _km(res.place, lat, lon) < 5, (spelling, res.place)


def test_uncertain_fuzzy_spellings_are_refused(gz) -> None:
    # short names are never matched fuzzily; nonsense finds nothing
    assert gz.resolve("Azzq", countries=["SY"]).status == "ambiguous"   # among look-alikes only
    assert gz.resolve("Qwxzptl", countries=["SY"]).status == "unresolved"
    # a letter away from Retyan (a swap) and from Ras al-Ayn, 270 km apart: the larger town is
    # no answer to a name that spells neither
    ratain = gz.resolve("Ratain", countries=["SY"])
    assert ratain.status == "ambiguous" and ratain.match == "fuzzy"
    assert {"Retyan", "Ras Al Ain"} <= {p.name for p in ratain.alternatives}


def test_resolve_json_says_how_it_matched(gz) -> None:
    d = gz.resolve("Kafer Naya", countries=["SY"]).to_json_dict()
    assert d["match"] == "loose" and d["context_km"] is None and d["sources"]
    assert gz.resolve("Aleppo", countries=["SY"]).to_json_dict()["match"] == "exact"


def test_an_old_database_gains_the_new_columns(tmp_path: Path) -> None:
    import sqlite3

    home = tmp_path / "old"
    open_gazetteer(home).close()
    conn = sqlite3.connect(home / "gazetteer.sqlite3")
    conn.execute("DROP TABLE fuzzy_keys")
    conn.execute("DELETE FROM meta WHERE key = 'fuzzy_version'")
    conn.commit()
    conn.close()
    with open_gazetteer(home) as gz:
        assert gz.resolve("Khan Shikhoun", countries=["SY"]).status == "resolved"


@pytest.mark.parametrize("name", ["al-Ra'i", "al-Rai", "el-Rai"])
def test_a_name_with_the_article_written_another_way_is_the_same_name(gz, name) -> None:
    # al-Ra'i, Ar Rā‘ī: one Arabic name (الراعي); the town, not the Palestinian village
    # Kafr Rā‘ī, which a loose key of one of its alternate names also fits
    for countries in ((), ("SY", "TR")):
        res = gz.resolve(name, countries=countries)
        assert res.status == "resolved" and res.match == "exact"
        assert _km(res.place, 36.6125, 37.4464) < 2

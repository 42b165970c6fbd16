"""Importing GeoNames dumps and CSV tables: one transaction, bad input never half-imported."""
from __future__ import annotations

import sqlite3
import zipfile

import pytest

from gazetteer import GazetteerError, GazetteerInputError
from tests.gazetteer.common import DUMPS, SAMPLE_SY, SAMPLE_TR, dump_lines

pytestmark = pytest.mark.skipif(not DUMPS.is_dir(), reason="GeoNames-format dumps not found")


def _counts(home):
    conn = sqlite3.connect(home / "gazetteer.sqlite3")
    try:
        return (conn.execute("SELECT COUNT(*) FROM places").fetchone()[0],
                conn.execute("SELECT COUNT(*) FROM names").fetchone()[0])
    finally:
        conn.close()


def test_dump_import_adds_villages_the_builtin_lacks(gz, sy_sample):
    # the built-in default knows the village from OCHA's list only
    before = gz.resolve("Kafer Naya", countries=["SY"])
    assert before.place.source == "ocha" and before.place.geonameid is None
    report = gz.import_files([sy_sample])
    assert report.places == len(SAMPLE_SY) and report.skipped == 0
    res = gz.resolve("Kafer Naya", countries=["SY"])
    assert res.status == "resolved"
    records = res.to_json_dict()["sources"]   # one place, both records cited
    assert {"source": "geonames", "geonameid": 168652} in records
    assert {"source": "ocha", "ref": "C1626"} in records


def test_zip_dump_imports_like_the_txt(gz, tmp_path):
    z = tmp_path / "TR.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("readme.txt", "not the dump")
        zf.writestr("TR.txt", "".join(dump_lines("TR", SAMPLE_TR)))
    report = gz.import_files([z])
    assert report.places == 2
    assert gz.resolve("Killis").place.geonameid == 307864


def test_reimport_replaces_instead_of_duplicating(gz, home, sy_sample):
    gz.import_files([sy_sample])
    first = _counts(home)
    gz.import_files([sy_sample])
    assert _counts(home) == first


def _record(res, source: str):
    """The record of the resolved place from ``source`` (it may be one of its twins: OCHA's
    record of Azaz, a district seat, can rank above the GeoNames city it duplicates)."""
    return next(p for p in (res.place, *res.same_place) if p.source == source)


def test_dump_replacing_builtin_keeps_its_population_and_names(gz, sy_sample):
    before = _record(gz.resolve("Azaz"), "builtin")
    assert before.population > 0
    gz.import_files([sy_sample])
    after = _record(gz.resolve("Azaz"), "geonames")
    assert after.geonameid == before.geonameid
    assert after.population == before.population


def test_a_town_s_id_on_an_admin_area_keeps_the_town_s_point(gz):
    # the dump lists Suruç's GeoNames id as its district (ADM2), at the district's centre
    # 7.8 km from the town (GeoNames line, unchanged); the town stays where it is
    from pathlib import Path

    from tests.gazetteer.common import km

    truth = (36.9761, 38.4244)  # Wikipedia
    assert km(gz.resolve("Suruc", countries=["SY", "TR"]).place, truth) < 2
    gz.import_files([Path(__file__).parent / "data" / "geonames_suruc_extract.txt"])
    res = gz.resolve("Suruc", countries=["SY", "TR"])
    assert res.status == "resolved" and km(res.place, truth) < 2, res
    assert res.place.source == "geonames" and res.place.feature_code.startswith("PPL")


def test_a_place_named_in_arabic_only_keeps_the_latin_name_it_had(gz):
    # the GeoNames-format line of Aleppo names it حلب, with no ASCII name (unchanged): shown
    # by the name the built-in copy of the same GeoNames id had, and found by both
    from pathlib import Path

    gz.import_files([Path(__file__).parent / "data" / "geonames_aleppo_extract.txt"])
    for name in ("Aleppo", "حلب", "Halab"):
        res = gz.resolve(name, countries=["SY", "TR"])
        assert res.status == "resolved" and res.place.geonameid == 170063, (name, res)
        assert (res.place.name, res.place.source) == ("Aleppo", "geonames"), (name, res)


def test_malformed_dump_lines_are_counted_and_reported(gz, tmp_path):
    good = dump_lines("SY", SAMPLE_SY)
    bad = ["172082\tonly three\tcolumns\n",
           "x\tName\tName\t\tnot-a-lat\t37.0\tP\tPPL\tSY" + "\t" * 10 + "\n",
           "999\t\tEmpty\t\t36.0\t37.0\tP\tPPL\tSY" + "\t" * 10 + "\n"]
    path = tmp_path / "mixed.txt"
    path.write_text("".join(good[:3] + bad + good[3:]), encoding="utf-8")
    report = gz.import_files([path])
    assert report.places == len(good)
    assert report.skipped == 3
    text = str(report)
    assert f"{path}:4: wrong column count 3, expected 19" in text
    assert "geonameid: not an integer" in text and "name: empty" in text


def test_a_file_that_is_not_a_dump_is_refused_and_nothing_is_written(gz, home, tmp_path,
                                                                   sy_sample):
    junk = tmp_path / "junk.txt"
    junk.write_text("hello\nworld\nthis is not geonames\n", encoding="utf-8")
    before = _counts(home)
    with pytest.raises(GazetteerInputError, match="junk.txt: not a GeoNames dump"):
        gz.import_files([sy_sample, junk])
    assert _counts(home) == before


def test_bad_csv_row_names_file_line_field_and_leaves_db_unchanged(gz, home, tmp_path,
                                                                 sy_sample):
    csv_path = tmp_path / "places.csv"
    csv_path.write_text("name,lat,lon,country\nCamp A,36.5,37.0,SY\nCamp B,north,37.1,SY\n",
                        encoding="utf-8")
    before = _counts(home)
    with pytest.raises(GazetteerInputError) as info:
        gz.import_files([sy_sample, csv_path])
    assert str(info.value) == f"{csv_path}:3: lat: not a number: 'north'"
    assert "\n" not in str(info.value)
    assert _counts(home) == before
    assert gz.resolve("Kafer Naya", countries=["SY"]).place.source == "ocha"  # no dump record


@pytest.mark.parametrize(("content", "message"), [
    ("", "no places in file"),
    ("name,lat,lon\n", "no places in file (only a header)"),
    (",36.5,37.0\n", ":1: name: empty name"),
    ("Camp,36.5\n", ":1: wrong column count 2"),
    ("Camp,95,37\n", ":1: lat: latitude out of range"),
    ("Camp,36,37,Syria\n", ":1: country: not an ISO-3166 alpha-2 code"),
])
def test_csv_errors(gz, tmp_path, content, message):
    path = tmp_path / "p.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerInputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        gz.import_files([path])


def test_csv_without_header_and_with_type(gz, tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("Atmeh camp,36.2186,36.6594,SY,CMPRF\n", encoding="utf-8")
    assert gz.import_files([path]).places == 1
    res = gz.resolve("Atmeh Camp")
    assert res.status == "resolved"
    assert (res.place.source, res.place.feature_code, res.place.country) == ("csv", "CMPRF", "SY")


def test_missing_file_is_a_one_line_error(gz, tmp_path):
    with pytest.raises(GazetteerInputError, match=r"nope\.txt: no such file"):
        gz.import_files([tmp_path / "nope.txt"])


def test_unknown_format_is_refused(gz, tmp_path):
    path = tmp_path / "places.dat"
    path.write_text("just words\n", encoding="utf-8")
    with pytest.raises(GazetteerInputError, match="cannot tell the format"):
        gz.import_files([path])


def test_binary_file_is_a_one_line_error(gz, tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(b"\xff\xfe\x00garbage\x00" * 10)
    with pytest.raises(GazetteerError) as info:
        gz.import_files([path])
    assert "\n" not in str(info.value)


def test_features_that_are_not_places_are_left_out_and_said(gz, tmp_path):
    line = dump_lines("SY", {168652})[0].split("\t")
    stream = line.copy()
    stream[0], stream[1], stream[6], stream[7] = "1", "Nahr Test", "H", "STM"
    path = tmp_path / "SY.txt"
    path.write_text("\t".join(line) + "\t".join(stream), encoding="utf-8")
    report = gz.import_files([path])
    assert (report.places, report.skipped, report.files[0].other) == (1, 0, 1)
    assert "left out 1 features that are not places" in str(report)
    assert gz.resolve("Nahr Test").status == "unresolved"


def test_progress_reports_every_byte(gz, sy_sample):
    seen = []
    gz.import_files([sy_sample], progress=seen.append)
    assert sum(seen) == gz.import_size([sy_sample]) == sy_sample.stat().st_size

"""What the user states about a document's frame (zibo ingest --region/--year, zibo docs set):
kept as the user's word over what is read, shown with evidence `user`, kept by a re-ingest, and
the figures read again with it; zibo doctor lists documents whose frame is unknown."""

from __future__ import annotations

RELEASE = "1-5月，全市规模以上工业增加值同比增长9.2%，固定资产投资同比增长14.0%。\n"


def _doc(zibo_json, name="release.txt"):
    return next(d for d in zibo_json("docs") if d["document"] == name)


def test_docs_set_states_region_and_year_and_the_figures_follow(zibo, zibo_json, ingest_texts):
    folder = ingest_texts({"release.txt": RELEASE})
    d = _doc(zibo_json)
    assert (d["region"], d["region_level"], d["data_year"]) == (None, "city", None)
    doctor = zibo("doctor", "--no-files").stdout
    assert "release.txt" in doctor and "unknown region and data year" in doctor

    r = zibo("docs", "set", "release", "--region", "淄博", "--year", "2024")
    assert r.exit_code == 0, r.stderr
    d = _doc(zibo_json)
    assert (d["region"], d["region_level"], d["data_year"], d["start_month"], d["end_month"]) == \
        ("淄博市", "city", 2024, 1, 5)
    assert d["evidence"]["region"] == "user" and d["evidence"]["year"] == "user"
    figures = zibo_json("indicator")
    assert figures and all(f["year"] == 2024 for f in figures)
    assert "release.txt" not in zibo("doctor", "--no-files").stdout

    again = zibo_json("ingest", folder)  # unchanged bytes, nothing newly stated: nothing changes
    assert [x["status"] for x in again] == ["unchanged"]
    assert _doc(zibo_json)["data_year"] == 2024


def test_ingest_states_a_year_for_every_file_and_a_new_one_reads_them_again(zibo, zibo_json, ingest_texts):
    folder = ingest_texts({"release.txt": RELEASE})
    r = zibo_json("ingest", folder, "--year", "2023", "--region", "临淄区")
    assert [x["status"] for x in r] == ["replaced"]  # the same bytes, a frame newly stated: read again
    d = _doc(zibo_json)
    assert (d["region"], d["region_level"], d["data_year"]) == ("临淄区", "district", 2023)
    assert {f["year"] for f in zibo_json("indicator")} == {2023}
    assert [x["status"] for x in zibo_json("ingest", folder)] == ["unchanged"]  # what was stated stays
    assert _doc(zibo_json)["data_year"] == 2023


def test_docs_set_refuses_what_it_cannot_do(zibo, ingest_texts):
    ingest_texts({"release.txt": RELEASE})
    r = zibo("docs", "set", "nothing-of-that-name", "--year", "2024")
    assert r.exit_code == 1 and "no document" in r.stderr
    r = zibo("docs", "set", "release")
    assert r.exit_code == 2 and "needs --region, --year, --type or --clear" in r.stderr
    r = zibo("docs", "set", "release", "--type", "brochure")
    assert r.exit_code == 2 and "is not a document type" in r.stderr
    r = zibo("docs", "set", "release", "--year", "3024")
    assert r.exit_code == 2
    r = zibo("docs", "frobnicate", "release")
    assert r.exit_code == 2


def test_docs_set_clear_forgets_what_was_stated(zibo, zibo_json, ingest_texts):
    ingest_texts({"release.txt": RELEASE})
    assert zibo("docs", "set", "release", "--year", "2024").exit_code == 0
    assert zibo("docs", "set", "release", "--clear").exit_code == 0
    d = _doc(zibo_json)
    assert d["data_year"] is None and "year" not in d["evidence"]

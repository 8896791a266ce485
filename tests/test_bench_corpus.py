"""The benchmark corpus generator: deterministic, varied, ingestible, not a copy of the seeds."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def make_corpus():
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "bench" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_n_and_seed_give_the_same_bytes(make_corpus, tmp_path):
    make_corpus.main(["20", str(tmp_path / "a")])
    make_corpus.main(["20", str(tmp_path / "b")])
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert len(a) == 20
    assert a == b


def test_a_small_corpus_is_a_prefix_of_a_larger_one(make_corpus, tmp_path):
    make_corpus.generate(5, tmp_path / "small", seed=3)
    make_corpus.generate(12, tmp_path / "large", seed=3)
    small, large = _files(tmp_path / "small"), _files(tmp_path / "large")
    assert small == {k: large[k] for k in small}


def test_another_seed_gives_other_reports(make_corpus, tmp_path):
    make_corpus.generate(5, tmp_path / "s0", seed=0)
    make_corpus.generate(5, tmp_path / "s1", seed=1)
    assert set(_files(tmp_path / "s0").values()).isdisjoint(_files(tmp_path / "s1").values())


def test_corpus_varies_layout_encoding_and_script(make_corpus):
    docs = [make_corpus.make_document(0, i) for i in range(200)]
    names = [n for n, _ in docs]
    assert any("tasks" in n for n in names) and any("web" in n for n in names)
    assert any("gbk" in n for n in names) and any(n.endswith("_y.txt") for n in names)
    gbk = next(data for n, data in docs if "gbk" in n)
    with pytest.raises(UnicodeDecodeError):
        gbk.decode("utf-8")
    web = next(data.decode("utf-8-sig") for n, data in docs if "web" in n and "gb" not in n)
    assert "經" in web or "發" in web  # traditional characters
    assert "(jīng)" in web or "(fā)" in web or "(biāo)" in web  # pinyin readings
    years = {int(n.split("_")[1]) for n in names}
    assert years == set(range(2018, 2026))


def test_no_seed_line_is_copied(make_corpus, seeds):
    seed_lines = set()
    for f in seeds.glob("*.txt"):
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
            for part in line.replace("。", "\n").split("\n"):
                if len(part.strip()) >= 30:
                    seed_lines.add(part.strip())
    text = "".join(data.decode("utf-8", errors="replace") for _, data in
                   (make_corpus.make_document(0, i) for i in range(60)))
    assert seed_lines and not [s for s in seed_lines if s in text]


def test_generated_reports_ingest_with_metadata(make_corpus, tmp_path, zibo, zibo_json):
    folder = tmp_path / "corpus"
    make_corpus.generate(20, folder)
    result = zibo("ingest", folder, "--quiet")
    assert result.exit_code == 0, result.stderr
    docs = zibo_json("docs")
    assert len(docs) == 20
    for d in docs:
        assert d["title"] and 2018 <= d["year"] <= 2025, d
        assert d["start_month"] is not None and d["end_month"] is not None, d
        assert d["unreadable"] == 0, d
    assert {d["doc_type"] for d in docs} == {"report", "task_table"}
    again = zibo("ingest", folder, "--json")
    assert again.exit_code == 0
    assert {r["status"] for r in json.loads(again.stdout)} == {"unchanged"}

"""The indicator vocabulary (zibo_cli/data/indicators.tsv) and the grammar of names
(extract/indicators/vocabulary.py): every name the corpus yields is a vocabulary entry or is
formed by a named rule, and none is a leftover of the clause it was read from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from zibo_cli.extract.indicators.vocabulary import HEADS, VOCABULARY, name_rule
from zibo_cli.pipeline import parse_file

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real" / "docs"
CATEGORIES = {"核算", "工业", "投资", "消费", "外贸", "财政", "金融", "价格", "人口就业", "收入", "农业", "能源",
              "环境", "服务", "社会"}
LEFTOVERS = re.compile(r"态势看|的比率|按计划|呈现正|调查结果显示|^的|正在|拆分后|先行先试|原标题")


def _tune_and_seeds() -> list[Path]:
    """The tune half of the real corpus and the seeds (the measure half is never studied)."""
    tune = [p for p in sorted(REAL.glob("*.txt"))
            if not (int(p.name.split("_")[0]) % 3 == 0 and int(p.name.split("_")[0]) != 78
                    or int(p.name.split("_")[0]) == 20)]
    return tune + sorted((ROOT / "seeds").glob("*.txt"))


def test_the_vocabulary_file_is_well_formed():
    text = (ROOT / "zibo_cli" / "data" / "indicators.tsv").read_text(encoding="utf-8")
    names = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, head, category, _id, _aliases, source = line.split("\t")
        names.append(name)
        assert head and name.removesuffix("占") and category in CATEGORIES, line
        assert source and set(source.split("+")) <= {"catalogue", "nbs", "gold", "seeds"}, line
    assert len(names) == len(set(names)) >= 500
    assert {"增加值", "产量", "零售额", "投资"} <= HEADS
    assert VOCABULARY["GDP"] == "地区生产总值"


@pytest.mark.parametrize(("name", "unit", "rule"), [
    ("地区生产总值", "%", "vocabulary"),
    ("规模以上工业增加值", "亿元", "vocabulary"),
    ("限上汽车类零售额", "%", "modified_entry"),
    ("氢能产业增加值", "%", "head_noun"),
    ("工业增加值占GDP比重", "%", "vocabulary"),
    ("高新技术产业产值占规上工业总产值比重", "%", "vocabulary"),
    ("汽车制造业投资占工业投资比重", "%", "share"),
    ("有色金属冶炼和压延加工业", "%", "industry"),
    ("新增科技型中小企业", "家", "modified_entry"),
    ("义务教育学校", "所", "count"),
    ("拉动全区经济", "百分点", "pull"),
    ("产量增长的产品", "种", "set"),
    ("态势看", "%", None),
    ("的比率", "%", None),
    ("按计划", "%", None),
    ("呈现正", "%", None),
    ("调查结果显示", "%", None),
    ("按年平均汇率折算", "美元", None),
    ("项目正在紧张建设", "个", None),
    ("重点", "个", None),
])
def test_a_name_is_formed_by_a_named_rule_or_not_at_all(name, unit, rule):
    assert name_rule(name, unit) == rule


def test_every_name_the_corpus_yields_is_formed_by_a_rule():
    bad = []
    for path in _tune_and_seeds():
        for o in parse_file(path).observations:
            if o.task_seq is not None and not LEFTOVERS.search(o.name):
                continue  # a figure of a task's cell: the task says what it is of (rule task_cell)
            if name_rule(o.name, o.unit) is None or LEFTOVERS.search(o.name):
                bad.append(f"{path.name}: {o.name} {o.value}{o.unit}")
    assert not bad, "\n".join(bad)

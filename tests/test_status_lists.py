"""Tasks listed by name with a status stated for the whole list (extract/status_lists.py). Every text
here was written for these tests."""

from __future__ import annotations

from zibo_cli.extract.status_lists import status_lists
from zibo_cli.models import DocumentMeta
from zibo_cli.normalize import normalize

META = DocumentMeta(year=2021, start_month=1, end_month=12)


def read(text):
    return [(t.seq, t.status, t.annual_target) for t in status_lists(normalize(text).text, META)]


def test_quoted_names_then_their_number_and_status():
    got = read("经视察，“完善医疗服务体系”“加强食品安全管理”“提升教育资源供给”等三个项目已全部完成。")
    assert got == [("1", "done", "完善医疗服务体系"), ("2", "done", "加强食品安全管理"),
                   ("3", "done", "提升教育资源供给")]


def test_names_set_apart_by_commas_then_their_number():
    got = read("今年以来，城北公园、老城区雨污分流、第二中学扩建共3个项目均已竣工。")
    assert [g[2] for g in got] == ["城北公园", "老城区雨污分流", "第二中学扩建"] and {g[1] for g in got} == {"done"}


def test_a_number_the_names_do_not_reach_is_an_open_list():
    # 等十个项目 after three names: the others are not named, so nothing is read as the whole list
    assert read("“完善医疗服务”“加强食品安全管理”“提升教育资源”等十个项目已全部完成。") == []
    assert read("城北公园、老城区雨污分流等5个项目均已竣工。") == []


def test_a_status_before_the_names_is_still_read_first():
    got = read("已完成的项目有：城区道路照明改造、农贸市场升级改造。")
    assert got == [("1", "done", "城区道路照明改造"), ("2", "done", "农贸市场升级改造")]


def test_a_status_and_a_number_then_as_many_names():
    got = [(t.seq, t.status, t.annual_target, t.departments) for t in status_lists(normalize(
        "全年计划竣工项目12项；其中提前竣工3项，为城北污水厂，滨河大道，市电力公司的东郊变电站工程；"
        "未按期竣工2项，为新建中药饮片基地项目，采煤沉陷区搬迁安置二期工程。").text, META)]
    assert got == [("1", "done", "城北污水厂", []), ("2", "done", "滨河大道", []),
                   ("3", "done", "东郊变电站工程", ["市电力公司"]),
                   ("4", "not_done", "新建中药饮片基地项目", []), ("5", "not_done", "采煤沉陷区搬迁安置二期工程", [])]
    # a number the names do not match: not read
    assert read("其中提前竣工4项，为城北污水厂，滨河大道。") == []


def test_names_then_their_number_and_early_completion():
    got = read("31个项目完成月度计划，其中，社会治安综合治理保险、城区夜景灯光改造提升工程等2个项目提前完成。")
    assert got == [("1", "done", "社会治安综合治理保险"), ("2", "done", "城区夜景灯光改造提升工程")]


def test_a_list_of_as_many_names_as_a_sentence_before_says_are_all_done():
    got = read("全区2008年确定的为民要办的4件实事已全部完成。这4件实事是：城市运行保障工程；和谐社区建设；"
               "旧城改造；公园免费开放。")
    assert got == [("1", "done", "城市运行保障工程"), ("2", "done", "和谐社区建设"), ("3", "done", "旧城改造"),
                   ("4", "done", "公园免费开放")]
    # not said to be done, or not as many names: not read
    assert read("全区今年确定了4件实事。这4件实事是：城市运行保障工程；和谐社区建设；旧城改造；公园免费开放。") == []
    assert read("4件实事已全部完成。这4件实事是：城市运行保障工程；和谐社区建设。") == []


def test_projects_named_by_the_band_of_the_plan_they_reached():
    got = [(t.seq, t.status, t.annual_target) for t in status_lists(normalize(
        "其中，完成年度计划100%及以上的项目2个，分别为生猪养殖场建设项目完成投资2.65亿元，支线机场改扩建工程完成投资6213万元。"
        "完成年度计划投资90%以上的项目1个，为热电联产建设项目完成投资3.2亿元。").text, META)]
    assert got == [("1", "done", "生猪养殖场建设项目"), ("2", "done", "支线机场改扩建工程"),
                   ("3", "not_done", "热电联产建设项目")]


def test_the_shishi_a_sentence_names_and_counts_with_no_status():
    from zibo_cli.extract.status_lists import named_shishi

    got = [(t.seq, t.status, t.annual_target) for t in named_shishi(normalize(
        "视察组先后来到三个村，现场察看新建农村公路、水库水毁修复工程、村卫生室标准化建设三项重点民生实事项目推进情况。").text, META)]
    assert got == [("1", "unknown", "新建农村公路"), ("2", "unknown", "水库水毁修复工程"), ("3", "unknown", "村卫生室标准化建设")]
    # examples (等) or another count: not read; and no 实事, no list
    assert named_shishi(normalize("确定了城区水环境整治、建设水源地等十项政府实事工程。").text, META) == []
    assert named_shishi(normalize("推进了财税、金融、投资三项改革。").text, META) == []

"""Numbered paragraphs, one task each (extract/numbered_paragraphs.py). Every text here was written
for these tests."""

from __future__ import annotations

from zibo_cli.extract.list_tasks import list_tasks
from zibo_cli.extract.numbered_paragraphs import numbered_paragraphs
from zibo_cli.models import DocumentMeta
from zibo_cli.normalize import normalize

META = DocumentMeta(year=2023, start_month=1, end_month=9)


def rows(text):
    return [(t.seq, t.status, t.annual_target, t.departments, t.reason, t.next_steps)
            for t in list_tasks(normalize(text).text, META)]


def test_numbered_lines_with_title_and_progress():
    got = rows("关于全县重点项目建设进展情况的报告\n今年全县共安排重点项目4个，现将进展情况报告如下：\n"
               "1.东湖公园建设项目。该项目总投资1.2亿元，目前已完成主体工程，正在进行绿化施工，预计年底完工。\n"
               "2.县第三中学迁建项目。该项目已于8月全面竣工并投入使用。\n"
               "3.城北污水处理厂提标改造工程。因资金未到位，项目尚未开工，下一步将积极争取专项债资金。\n"
               "4.南山旅游公路工程。路基工程已完成80%，路面工程正在施工。\n")
    assert got == [
        ("1", "not_done", "东湖公园建设项目", [], None, "预计年底完工。"),
        ("2", "done", "县第三中学迁建项目", [], None, None),
        ("3", "not_done", "城北污水处理厂提标改造工程", [], "资金未到位", "将积极争取专项债资金。"),
        ("4", "not_done", "南山旅游公路工程", [], None, None),
    ]


def test_bracketed_numbers_units_and_rates():
    got = rows("2023年县政府为民办实事完成情况\n"
               "（一）新建农村幸福院10所。由县民政局负责，已建成10所并全部投入使用，完成年度任务。\n"
               "（二）改造农村危房300户。由县住建局负责，已完成改造210户，完成率70%，因部分农户外出务工，进度滞后。\n"
               "（三）新增城区停车泊位1000个。由县城管局负责，已新增泊位1200个，超额完成年度任务。\n")
    assert got == [
        ("一", "done", "新建农村幸福院10所", ["县民政局"], None, None),
        ("二", "not_done", "改造农村危房300户", ["县住建局"], "部分农户外出务工", None),
        ("三", "done", "新增城区停车泊位1000个", ["县城管局"], None, None),
    ]


def test_a_reports_headings_and_short_runs_are_no_tasks():
    report = ("一、经济运行企稳向好。全市地区生产总值增长5.3%，一般公共预算收入增长4%。\n"
              "二、动能转换加力提速。深入推进数实融合，新入选省级试点。\n"
              "三、城市能级加速提升。持续优化交通网布局，高速公路建成通车。\n")
    assert numbered_paragraphs(normalize(report).text, META) == []
    two = "1.东湖公园建设项目。已完成主体工程。\n2.县第三中学迁建项目。已全面竣工。\n"
    assert numbered_paragraphs(normalize(two).text, META) == []


def test_items_on_lines_of_their_own_under_headings_that_state_their_status():
    got = rows("关于2024年民生实事项目推进情况的通报\n一、已完成项目（3项）\n"
               "1.城区老旧小区改造12个，已全部完工。\n2.新增城市公交线路2条，已开通运营。\n3.新建乡镇卫生院1所，已投入使用。\n"
               "二、正在推进项目（2项）\n1.县城第二水厂建设，主体工程已完成70%，预计10月底完工。\n"
               "2.农村公路提质改造100公里，已完成65公里，因雨季影响进度滞后。\n")
    assert [(s, st, n) for s, st, n, *_ in got] == [
        ("一.1", "done", "城区老旧小区改造12个"), ("一.2", "done", "新增城市公交线路2条"),
        ("一.3", "done", "新建乡镇卫生院1所"), ("二.1", "not_done", "县城第二水厂建设"),
        ("二.2", "not_done", "农村公路提质改造100公里")]


def test_numbered_lines_that_open_with_their_unit():
    got = rows("关于全市重点项目推进情况的督查通报\n"
               "一、市发改委：牵头推进的新能源产业园项目已完成主体工程，预计11月投产。\n"
               "二、市住建局：负责的老旧小区改造项目完成率85%，部分小区因居民意见不统一进度滞后。\n"
               "三、市交通局：负责的环城快速路项目已于9月竣工投用。\n")
    assert [(s, st, n, d) for s, st, n, d, *_ in got] == [
        ("一", "not_done", "新能源产业园项目", ["市发改委"]),
        ("二", "not_done", "老旧小区改造项目完成率85%", ["市住建局"]),
        ("三", "done", "环城快速路项目", ["市交通局"])]


def test_names_listed_after_a_lead_that_states_their_status():
    from zibo_cli.extract.status_lists import status_lists

    text = normalize("今年确定的十件民生实事，已完成4件，正在推进6件。"
                     "已完成的项目有：城区道路照明改造、农贸市场升级改造、新建城市书房10家。"
                     "进展滞后的项目有：城北污水处理厂扩建（市水务局）、体育中心二期（市体育局）。"
                     "其中，城北污水处理厂扩建因征地拆迁未完成，目前尚未开工。").text
    got = [(t.seq, t.status, t.annual_target, t.departments, t.reason) for t in status_lists(text, META)]
    assert got == [("1", "done", "城区道路照明改造", [], None), ("2", "done", "农贸市场升级改造", [], None),
                   ("3", "done", "新建城市书房10家", [], None),
                   ("4", "not_done", "城北污水处理厂扩建", ["市水务局"], "征地拆迁未完成"),
                   ("5", "not_done", "体育中心二期", ["市体育局"], None)]
    # examples (如…, …等) are no list
    assert status_lists(normalize("进展较快，如已完成的项目有：城区道路照明改造、农贸市场升级改造。").text, META) == []
    assert status_lists(normalize("已完成的项目有：城区道路照明改造、农贸市场升级改造等。").text, META) == []


def test_a_numbered_title_line_takes_the_paragraphs_below_it_as_its_body():
    text = ("已投入使用4项：\n"
            "1.农村公路改造工程项目。\n"
            "该项目计划投资2900万元，建设内容包括公路升级改造。完成项目投资2900万元，于7月全面完工并投入使用。\n"
            "2.城区幼儿园建设项目。\n"
            "该项目计划投资1790万元，建筑面积约3200平方米。完成项目投资1790万元，9月竣工交付。\n"
            "3.危桥改造工程项目。\n"
            "该项目计划投资320万元。完成项目投资320万元，已于6月底完成建设并已试运行。\n"
            "正在推进2项：\n"
            "1.污水管网改造项目。\n"
            "该项目计划投资290万元，目前正在进行管道铺设，预计年底完工。\n"
            "2.体育公园建设项目。\n"
            "该项目计划投资500万元，因用地手续未办结，进度滞后。\n")
    tasks = numbered_paragraphs(text, META)
    assert [(t.seq, t.status) for t in tasks][:3] == [("1", "done"), ("2", "done"), ("3", "done")]
    assert tasks[0].annual_target == "农村公路改造工程项目" and "投入使用" in tasks[0].progress
    assert "正在推进" not in (tasks[0].progress or "")  # a colon heading ends the body
    rest = [(t.status, t.reason) for t in tasks[3:]]
    assert rest == [("not_done", None), ("not_done", "用地手续未办结")]


def test_a_bare_title_line_does_not_swallow_a_report():
    # numbered headings over whole sections of figures stay a report's headings
    text = ("1.工业经济\n全市规上工业增加值增长5.2%，比上年同期提高0.3个百分点。\n"
            "2.固定资产投资\n全市固定资产投资增长3.1%。\n3.消费市场\n社会消费品零售总额增长4.4%。\n")
    assert numbered_paragraphs(text, META) == []


def test_bulleted_titles_under_short_headings_that_say_how_they_stand():
    text = ("已完工项目\n"
            "☑老旧路灯改造出新工程项目\n对4条道路的478盏路灯进行刷漆出新，该项目已于3月完成。\n"
            "☑完善托育服务，打造首个公建民营托班项目\n托育中心重新布置教室，硬件装潢工作已于3月完成。\n"
            "已启动实施项目\n"
            "☑东蕾苑二期新建工程\n该项目于去年6月开工，目前主体完成约70%。\n"
            "☑东昌路东延建设项目\n于3月初开工，目前完成总工程量的40%。\n")
    tasks = numbered_paragraphs(text, META)
    assert [(t.seq, t.status) for t in tasks] == [("1", "done"), ("2", "done"), ("3", "not_done"), ("4", "not_done")]
    assert tasks[1].annual_target == "完善托育服务，打造首个公建民营托班项目"
    assert tasks[2].category == "已启动实施项目"


def test_a_title_line_that_says_the_work_is_done_keeps_no_body():
    text = ("1.城区老旧小区改造12个，已全部完工。\n2.新建公厕8座，已全部建成。\n3.新增停车泊位300个，已完成。\n"
            "全年共投入资金1.2亿元。\n")
    tasks = numbered_paragraphs(text, META)
    assert [t.status for t in tasks] == ["done"] * 3 and all("投入资金" not in (t.progress or "") for t in tasks)


def test_a_stage_done_in_a_numbered_paragraph_is_not_the_task_done():
    text = ("1.人民医院分院建设项目。主体完工，计划10月竣工。\n2.第二小学建设项目。已完成主体封顶。\n"
            "3.污水处理厂建设项目。已全面完工并投入使用。\n")
    assert [t.status for t in numbered_paragraphs(text, META)] == ["not_done", "not_done", "done"]


def test_a_list_announced_as_a_plan_is_its_tasks_with_no_status_yet():
    text = ("某镇人民代表大会于2022年6月10日以差额票决方式确定，以下项目为镇人民政府2022年度十大民生实事项目：\n"
            "一、平岭小学改扩建工程。\n二、农村道路改造工程。\n三、圩镇升级改造工程。\n四、新连卫生站建设\n"
            "现予公告。\n主席团\n")
    got = [(t.seq, t.status) for t in list_tasks(normalize(text).text, META)]
    assert got == [("一", "unknown"), ("二", "unknown"), ("三", "unknown"), ("四", "unknown")]


def test_a_clause_list_announced_as_a_plan_tells_targets_not_progress():
    text = ("今年将集中力量办好十件民生实事。这些民生实事分别是：完成城南路3.4公里道路拓宽改造工程；"
            "完成城南片区棚户区改造500套；实施59所薄弱学校改善项目；建设农村公路500公里；改造农村危旧房2000户。")
    assert {t.status for t in list_tasks(normalize(text).text, META)} == {"unknown"}
    # the same list told as progress is not done
    text = ("今年民生实事进展如下：城南路道路拓宽改造工程正在施工；城南片区棚户区改造已开工300套；"
            "59所薄弱学校改善项目正在推进；农村公路已建成200公里；农村危旧房改造已完成1200户。")
    assert {t.status for t in list_tasks(normalize(text).text, META)} == {"not_done"}


def test_unnumbered_titled_blocks_after_an_introducing_line():
    from zibo_cli.extract.numbered_paragraphs import titled_blocks

    text = ("区人大会议票决通过的4件民生实事项目全部完成。\n具体如下：\n"
            "城乡排水防洪设施建设\n完成投资5.04亿元，比年度计划高20.3个百分点，排水管网工程按期完工。\n"
            "城镇老旧小区改造\n和社区服务提升\n完成投资0.65亿元，95个老旧小区改造全部开工。\n"
            "城市供水质量提升\n江南水厂正式运行，供水水质有效提升。\n"
            "义务教育学校优质均衡发展\n完成投资1亿元，其芳小学建成投用，鹏程小学完成改扩")
    got = [(t.seq, t.status, t.annual_target) for t in titled_blocks(normalize(text).text, META)]
    assert got == [("1", "done", "城乡排水防洪设施建设"), ("2", "done", "城镇老旧小区改造和社区服务提升"),
                   ("3", "done", "城市供水质量提升")]  # the fourth is cut off


def test_one_item_a_line_after_an_introducing_line():
    from zibo_cli.extract.numbered_paragraphs import line_items

    text = ("11月11日街道各社区双创工作进展情况：\n珠明山社区二组路面垃圾清理转运中\n珠明山社区三组房前屋后垃圾清理转运\n"
            "新桥社区4组道路平整施工中：\n新桥社区6组污水沟下埋涵管已基本完工。\n西湖社区五组屋旁平整硬化已完工\n"
            "2020年11月11日\n")
    got = [(t.seq, t.status) for t in line_items(normalize(text).text, META)]
    assert got == [("1", "not_done"), ("2", "unknown"), ("3", "not_done"), ("4", "not_done"), ("5", "done")]
    # short lines that name no work are no such list
    assert line_items(normalize("主要指标完成情况：\n地区生产总值\n固定资产投资\n社会消费品零售总额\n财政收入\n").text,
                      META) == []


def test_a_number_alone_on_its_line_over_its_item_in_a_planned_list():
    text = ("今年将继续统筹财力，扎实办好“十件民生实事”。\n（一）\n促进群众就业增收，开展职业技能培训2.5万人次。\n"
            "（二）\n办好人民满意教育，新建、改扩建公办幼儿园20所。\n（三）\n提高卫生健康水平，对老年人免费体检一次。\n")
    got = [(t.seq, t.status) for t in numbered_paragraphs(normalize(text).text, META)]
    assert got == [("一", "unknown"), ("二", "unknown"), ("三", "unknown")]

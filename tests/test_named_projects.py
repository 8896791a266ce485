"""Projects named in running prose (extract/named_projects.py). Every text here was written for
these tests."""

from __future__ import annotations

from zibo_cli.extract.named_projects import named_projects, project_words
from zibo_cli.models import DocumentMeta
from zibo_cli.normalize import normalize

META = DocumentMeta(year=2022, start_month=1, end_month=6)


def read(text: str):
    return [(t.seq, t.annual_target, t.status, t.progress, t.next_steps)
            for t in named_projects(normalize(text).text, META)]


def test_every_kind_of_word_is_in_the_data_file():
    assert {"noun", "predicate", "lead", "pause", "not_name", "done", "open", "next", "stage"} <= set(project_words())


def test_one_project_a_sentence_or_clause_with_its_status():
    got = read("今年全区教育重点项目共6个，6个项目均已开工。东城幼儿园已完工。南湖小学竣工待验收；"
               "北山中学在建四层，本月可封顶。西河体育馆正在进行内部装修。")
    assert got == [
        ("1", "东城幼儿园", "done", "已完工", None),
        ("2", "南湖小学", "not_done", "竣工待验收", None),
        ("3", "北山中学", "not_done", "在建四层", "本月可封顶"),
        ("4", "西河体育馆", "not_done", "正在进行内部装修", None),
    ]


def test_a_list_of_names_shares_its_predicate():
    got = read("其中新建项目青山路改造工程、滨江公园与体育中心二期已进场施工；"
               "续建项目光明大道、翠湖隧道等工程正按序时进度有序推进。")
    assert [(n, s) for _, n, s, _, _ in got] == [
        ("青山路改造工程", "not_done"), ("滨江公园", "not_done"), ("体育中心二期", "not_done"),
        ("光明大道", "not_done"), ("翠湖隧道", "not_done")]


def test_a_clause_that_only_names_a_project_and_what_comes_next():
    got = read("东湖片区综合开发项目，主体结构已建设至12层，计划明年底完工。"
               "城北污水处理厂扩建工程目前编制完成了可研报告。计划年内开工。"
               "市民中心，已完成基础施工。")
    assert got == [
        ("1", "东湖片区综合开发项目", "not_done", "主体结构已建设至12层", "计划明年底完工"),
        ("2", "城北污水处理厂扩建工程", "not_done", "目前编制完成了可研报告", "计划年内开工"),
        ("3", "市民中心", "not_done", "已完成基础施工", None),
    ]


def test_counts_parts_slogans_and_visits_are_no_projects():
    text = ("全市12个项目已开工。部分单体正在进行主体施工。坚持狠抓项目、大抓项目，积极推进。"
            "视察组来到东湖公园项目，听取了介绍。1.一期已完成基础施工。南湖中学已完工。")
    assert read(text) == []  # one project is fewer than a document needs


def test_finished_only_when_nothing_is_still_open():
    got = read("一号线一期全线车站已完工，年内通车试运行。二号线、三号线等多个项目全面竣工。"
               "四号线一期基本完工，即将建成开放。")
    assert [(n, s) for _, n, s, _, _ in got] == [
        ("一号线一期", "not_done"), ("二号线", "done"), ("三号线", "done"), ("四号线一期", "not_done")]


def test_satisfaction_votes_are_no_progress():
    text = ("一、东湖饮水工程\n东湖饮水工程，满意175票，基本满意43票。\n"
            "西山公路改造工程，满意161票，基本满意58票。\n南湖小学迁建工程，满意177票。")
    assert read(text) == []


def test_a_clause_is_cut_before_another_project_it_names():
    from zibo_cli.extract.named_projects import split_named

    assert split_named("东区空间整合已完成12个专项规划编制，南山连廊二期工程已完成方案设计") == [
        "东区空间整合已完成12个专项规划编制", "南山连廊二期工程已完成方案设计"]
    # a count, a part, a stage are no other project
    for clause in ("东坝工程已完成拦水坝基础，193户易地扶贫搬迁项目完成前期准备工作",
                   "西湖公园已完成绿化，部分单体正在进行主体施工",
                   "北苑小区改造已完成设计，已完成施工招标"):
        assert split_named(clause) == [clause]


def test_a_paragraph_of_clauses_names_each_project_and_drops_one_cut_off():
    from zibo_cli.extract.list_tasks import list_tasks

    text = normalize("二、重点前期项目进展情况\n截至目前，前期项目总体进展顺利。东湖中学施工图已报审；"
                     "南山路改造工程已完成施工招标，准备进场施工；北岸公园初步设计已批复；"
                     "西区空间整合已完成规划编制，滨河连廊二期工程已完成方案设计；"
                     "市民中心配套工程正在进行选址工作；城东消防站工程正在进行勘察；区中心医").text
    got = [(t.seq, t.progress) for t in list_tasks(text, META)]
    assert got == [("1", "东湖中学施工图已报审"), ("2", "南山路改造工程已完成施工招标，准备进场施工"),
                   ("3", "北岸公园初步设计已批复"), ("4", "西区空间整合已完成规划编制"),
                   ("5", "滨河连廊二期工程已完成方案设计"), ("6", "市民中心配套工程正在进行选址工作"),
                   ("7", "城东消防站工程正在进行勘察")]


def test_the_cause_before_its_consequence_and_what_comes_next():
    from zibo_cli.extract.list_tasks import consequence_reason, list_tasks

    assert consequence_reason("东区装备产业园项目，因配套项目进展慢，设备订购周期较长，影响了项目的进程") == "设备订购周期较长"
    assert consequence_reason("但企业因市场行情变化等问题，导致目前进度缓慢") == "企业因市场行情变化等问题"
    assert consequence_reason("前期工作已完成，但企业因市场行情变化等问题，导致进度缓慢") == "企业因市场行情变化等问题"
    assert consequence_reason("由于土地性质未变更，无法开挖地基") == "土地性质未变更"
    assert consequence_reason("工程进展顺利，已完成投资80%") is None
    text = normalize("（一）项目进展缓慢。1.东区装备产业园项目，设备订购周期较长，影响了项目的进程，目前还在进行装修；"
                     "2.南区物流项目，资质办理周期长，影响了项目的进度，厂房一直处于停工状态；"
                     "3.北区新材料项目，场地已平整，由于土地性质未变更，无法开挖地基，目前待市规委会审批调整用地性质；"
                     "4.西区农机项目，围墙已建好，正在进行基础施工，预计9月底完成主体；"
                     "5.中区仓储项目，已完成施工招标，准备进场施工。").text
    got = {t.seq: (t.reason, t.next_steps) for t in list_tasks(text, META)}
    assert got["1"] == ("设备订购周期较长", None)
    assert got["2"] == ("资质办理周期长", None)
    assert got["3"] == ("土地性质未变更", "目前待市规委会审批调整用地性质")
    assert got["4"] == (None, "预计9月底完成主体")


def _rows(text):
    return [(t.seq, t.status, t.annual_target, t.departments, t.progress)
            for t in named_projects(normalize(text).text, META)]


def test_units_responsible_and_units_at_work():
    got = _rows("某县今年十件实事重点项目进展顺利\n"
                "市督查室昨日公布了督办项目的进展情况，三个项目圆满完成全年任务，分别是市人社局负责实施的“乡村就业计划”"
                "和市城管局负责的东风路拓宽改造及南门广场建设。大部分项目快速推进。如市教育局负责的市职业学校宿舍楼工程已封顶；"
                "市民政局负责的困难家庭危房改造已竣工120户；市农委和市供销社负责的农贸市场建设已全面开工。")
    assert [p for *_, p in got] == ["三个项目圆满完成全年任务"] * 3 + ["已封顶", "已竣工120户", "建设已全面开工"]
    assert [(s, n, d) for _, s, n, d, _ in got] == [
        ("done", "乡村就业计划", ["市人社局"]), ("done", "东风路拓宽改造", ["市城管局"]),
        ("done", "南门广场建设", ["市城管局"]), ("not_done", "市职业学校宿舍楼工程", ["市教育局"]),
        ("not_done", "困难家庭危房改造", ["市民政局"]), ("not_done", "农贸市场", ["市农委", "市供销社"])]


def test_a_unit_doing_its_share_is_a_row_a_unit_handing_out_work_is_not():
    got = _rows("今年下达保障房建设任务1000套，县政府已划分到单位，具体是：房产局100套，住建局200套。"
                "目前，房产局已建成60套，住建局完成了前期手续，教育局预计5月启动项目建设，"
                "卫生局已建成3个卫生院，预计6月份动工；组织部牵头的乡镇公租房，已完成选址。")
    assert [(s, n, d) for _, s, n, d, _ in got] == [
        ("not_done", None, ["房产局"]), ("not_done", None, ["住建局"]), ("not_done", None, ["教育局"]),
        ("not_done", None, ["卫生局"]), ("not_done", "乡镇公租房", ["组织部"])]


def test_figures_given_one_by_one_are_no_projects():
    assert _rows("全市生猪、牛、羊出栏分别为73.02万头、6.38万头和17.99万只，分别增长5.7%、10.3%。"
                 "三个地区GDP分别为465.7亿元、465.45亿元和320亿元。"
                 "这10项民生实事项目分别是：东湖公园工程、西区学校工程、南湖医院工程。") == []


def test_a_quoted_task_of_a_unit_is_one_name():
    got = _rows("在督查中发现，需要加快推进落实事项3件，如县发改局负责的“落实重点项目前期工作计划，提高项目成熟度。”"
                "截至目前，20个重点项目已完成前期论证工作；县水利局、县农业农村局负责的“紧盯国债项目开工节点，加快推进。”"
                "截至目前，开工2个，未开工3个；县文旅局负责的“抓好茶宿项目建设。”截至目前，达到验收标准8家，正在建设11家。")
    assert [(s, n, d) for _, s, n, d, _ in got] == [
        ("not_done", "落实重点项目前期工作计划，提高项目成熟度。", ["县发改局"]),
        ("not_done", "紧盯国债项目开工节点，加快推进。", ["县水利局", "县农业农村局"]),
        ("not_done", "抓好茶宿项目建设。", ["县文旅局"])]
    assert got[1][4] == "截至目前，开工2个，未开工3个"


def test_sections_under_way_and_a_last_one_cut_off_before_its_status():
    from zibo_cli.extract.list_tasks import list_tasks

    text = normalize("一、东村小学宿舍建设项目。计划投资189万元。完成情况：项目于2023年10月全面完工并通过验收。\n"
                     "二、村级公厕建设项目。计划建设公厕4座。完成情况：现已全部完成并通过验收。\n"
                     "三、养殖业发展项目。与公司签订合作协议。目前，公司已经投入10万余元引进种兔200余只，目前发展到300余只。\n"
                     "四、北营道路硬化项目。计划投资15万元，对道路进行硬化。\n完成情").text
    got = [(t.seq, t.status) for t in list_tasks(text, META)]
    assert got == [("一", "done"), ("二", "done"), ("三", "not_done")]


def test_titled_paragraphs_exceeding_the_target_are_done_even_cut_off():
    from zibo_cli.extract.list_tasks import list_tasks

    text = normalize("食品安全抽检工程。全年抽检5.48万批次，超额完成4.7万批次的年度目标任务。\n"
                     "公共厕所提升工程。全年新建公厕198座，超额完成150座的年度目标任务。\n"
                     "群众体育工程。全年建成健身场地25个，超额完成22个的年度目标任").text
    assert [(t.seq, t.status) for t in list_tasks(text, META)] == [("1", "done"), ("2", "done"), ("3", "done")]


def test_lists_under_headings_of_their_own_restart_their_numbers():
    from zibo_cli.extract.list_tasks import list_tasks

    text = normalize("关于民生实事项目第三季度进展情况的通报\n今年确定民生实事10件，已完成6件，正在推进4件。\n"
                     "一、已完成的项目\n1.新建城区公厕20座，已全部建成投入使用；2.改造老旧小区8个，已全面完工。\n"
                     "二、正在推进的项目\n1.县人民医院门诊楼改造，主体已封顶，正在进行内部装修，预计11月底完工；"
                     "2.城南污水处理厂扩建工程，因征地问题进度滞后，目前已完成土方开挖，下一步将加快设备安装。").text
    got = [(t.seq, t.status, t.reason, t.next_steps) for t in list_tasks(text, META)]
    assert got == [("一.1", "done", None, None), ("一.2", "done", None, None),
                   ("二.1", "not_done", None, "预计11月底完工"),
                   ("二.2", "not_done", "征地问题进度滞后", "将加快设备安装")]


def test_a_list_shares_its_last_names_project_word_and_work_on_a_project_is_what_is_said():
    # written in the shape of real 棚户区改造 progress notes
    tasks = read("截至年底，全市在建棚改项目6个。其中，东湖新村安置区、西岭安置区二期基本达到入住条件，正在办理竣工备案；"
                 "南关二队、北园C区、清河小区安置区室内抹灰及外墙保温施工基本完成；滨江家园安置区主体施工至11层。")
    got = [(name, progress) for _, name, _, progress, _ in tasks]
    assert got == [("东湖新村安置区", "基本达到入住条件，正在办理竣工备案"),
                   ("西岭安置区二期", "基本达到入住条件，正在办理竣工备案"),
                   ("南关二队", "室内抹灰及外墙保温施工基本完成"), ("北园C区", "室内抹灰及外墙保温施工基本完成"),
                   ("清河小区安置区", "室内抹灰及外墙保温施工基本完成"), ("滨江家园安置区", "主体施工至11层")]
    assert all(status == "not_done" for _, _, status, _, _ in tasks)  # 基本完成, 基本达到 are not finished

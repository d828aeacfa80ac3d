"""find_figures on small real sentences: what is a figure, its exact value, unit, qualifier and English."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.facts import find_figures
from pipeline.facts.numbers import parse_number

# (text, [(text_zh, value, unit_zh, qualifier, text_en), ...]) - every figure of the text, in order.
FIGURE_CASES = [
    ("湖北：959万技能人才成制造强省有力支撑", [("959万", "9590000", "", "", "9.59 million")]),
    ("技能人才总量达959万人，", [("959万人", "9590000", "人", "reached", "9.59 million people")]),
    ("高技能人才293万人", [("293万人", "2930000", "人", "", "2.93 million people")]),
    ("占技能劳动者总量的30.6%，", [("30.6%", "30.6", "%", "", "30.6%")]),
    ("累计拨付各类资金257.2亿元，", [("257.2亿元", "25720000000", "元", "", "25.72 billion yuan")]),
    ("5.7万余名专业技术人员", [("5.7万余名", "57000", "名", "more than", "more than 57,000 people")]),
    ("完成补贴性技能培训480万人次。", [("480万人次", "4800000", "人次", "", "4.8 million person-times")]),
    ("每年列支100万元以上的专项资金", [("100万元以上", "1000000", "元", "or more", "1 million yuan or more")]),
    ("挽回经济损失近2400万元。", [("近2400万元", "24000000", "元", "nearly", "nearly 24 million yuan")]),
    ("每人每年4000-6000元的职业培训补贴", [("4000-6000元", "4000", "元", "range", "4,000–6,000 yuan")]),
    ("共298.8万人次参与", [("298.8万人次", "2988000", "人次", "", "2.988 million person-times")]),
    ("发放奖补资金5000元至2万元，", [("5000元至2万元", "5000", "元", "range", "5,000–20,000 yuan")]),
    ("节约资金115.4亿元。", [("115.4亿元", "11540000000", "元", "", "11.54 billion yuan")]),
    ("对于重庆近570万产业工人来讲", [("近570万", "5700000", "", "nearly", "nearly 5.7 million")]),
    ("惠及技术工人13.1万人次；", [("13.1万人次", "131000", "人次", "", "131,000 person-times")]),
    ("全市技能人才总量达45.14万人", [("45.14万人", "451400", "人", "reached", "451,400 people")]),
    ("合同金额2,468.3万元", [("2,468.3万元", "24683000", "元", "", "24.683 million yuan")]),
    ("约有1/3的家庭表示收入下降。", [("约有1/3", "0.3333333333333333333333333333", "分之", "about", "about one third")]),
    ("价值约合3.5亿美元。", [("约合3.5亿美元", "350000000", "美元", "about", "about 350 million US dollars")]),
    ("加征两成半关税。", [("两成半", "25", "%", "", "25%")]),
    ("受访者中有七成半表示满意。", [("七成半", "75", "%", "", "75%")]),
    # Taiwan's full-width decimal point between Chinese digits, and ○ typed for the zero 〇.
    ("酒精浓度都在二．五％至三％。", [("二．五％至三％", "2.5", "%", "range", "2.5–3%")]),
    ("阳性比例约为百分之零点○四。", [("约为百分之零点○四", "0.04", "%", "about", "about 0.04%")]),
    ("全市人口一千○五万人。", [("一千○五万人", "10050000", "人", "", "10.05 million people")]),
    # 兆 is a trillion before a currency, as Taiwan and Hong Kong write money.
    ("去年营收为1.2兆元。", [("1.2兆元", "1200000000000", "元", "", "1.2 trillion yuan")]),
    ("岁出规模达2兆8,811亿元。", [("2兆8,811亿元", "2881100000000", "元", "reached", "2.8811 trillion yuan")]),
    ("每千人口拥有执业医师3.4人。", [("3.4人", "3.4", "人", "", "3.4 people")]),
    ("单日最高气温达到40.2℃。", [("40.2℃", "40.2", "℃", "reached", "40.2°C")]),
    ("最低气温-5°C。", [("-5°C", "-5", "℃", "", "-5°C")]),
    ("同比增长1倍多。", [("1倍多", "1", "倍", "more than", "more than 1 time")]),
    ("项目总投资约50亿—60亿元。", [("约50亿—60亿元", "5000000000", "元", "range", "about 5–6 billion yuan")]),
    # Hong Kong counts cases in 宗.
    ("累计确诊个案增至1,234宗。", [("1,234宗", "1234", "宗", "", "1,234")]),
    # Decimals said in words, as newsreaders' scripts and some releases write them.
    ("这一比例为百分之三点五。", [("百分之三点五", "3.5", "%", "", "3.5%")]),
    ("投资四点八亿元。", [("四点八亿元", "480000000", "元", "", "480 million yuan")]),
    ("市场规模达一点二万亿元。", [("一点二万亿元", "1200000000000", "元", "reached", "1.2 trillion yuan")]),
    ("增长了十二点五个百分点。", [("十二点五个百分点", "12.5", "个百分点", "", "12.5 percentage points")]),
    ("投入四千二百万元", [("四千二百万元", "42000000", "元", "", "42 million yuan")]),
    ("涵盖三十多个行业", [("三十多个", "30", "个", "more than", "more than 30")]),
    ("新增投资两千亿", [("两千亿", "200000000000", "", "", "200 billion")]),
    ("产业工人占比六成", [("六成", "60", "%", "", "60%")]),
    ("约四分之一的企业", [("约四分之一", "0.25", "分之", "about", "about one quarter")]),
    ("三分之二的职工", [("三分之二", "0.6666666666666666666666666667", "分之", "", "two thirds")]),
    ("同比提高1.5个百分点", [("1.5个百分点", "1.5", "个百分点", "", "1.5 percentage points")]),
    ("百分之三十的名额", [("百分之三十", "30", "%", "", "30%")]),
    ("扎根起重作业26年，", [("26年", "26", "年", "", "26 years")]),
    ("今年44岁的刘太钟，用23年不懈奋斗", [("44岁", "44", "岁", "", "44 years old"), ("23年", "23", "年", "", "23 years")]),
    ("开展职业技能培训110期5.4万人(次)。", [("110期", "110", "期", "", "110"), ("5.4万人(次)", "54000", "人次", "", "54,000 person-times")]),
    ("慰问职工11万人（次）", [("11万人（次）", "110000", "人次", "", "110,000 person-times")]),
    ("服务职工40余万人，", [("40余万人", "400000", "人", "more than", "more than 400,000 people")]),
    ("覆盖300万余职工，", [("300万余", "3000000", "", "more than", "more than 3 million")]),
    ("技能竞赛千余场次。", [("千余场次", "1000", "场次", "more than", "more than 1,000")]),
    ("近百名职工纷纷带着困惑", [("近百名", "100", "名", "nearly", "nearly 100 people")]),
    ("带动包头市超20万名职工参与", [("超20万名", "200000", "名", "over", "over 200,000 people")]),
    ("吸纳各类优秀人才超过1.5万人。", [("超过1.5万人", "15000", "人", "over", "over 15,000 people")]),
    ("覆盖面达80%以上。", [("80%以上", "80", "%", "or more", "80% or more")]),
    ("参与职工2万人次以上。", [("2万人次以上", "20000", "人次", "or more", "20,000 person-times or more")]),
    ("分别给予30万元、50万元的专项补助", [("30万元", "300000", "元", "", "300,000 yuan"), ("50万元", "500000", "元", "", "500,000 yuan")]),
    ("基地分别达2个、4个，", [("2个", "2", "个", "reached", "2"), ("4个", "4", "个", "", "4")]),
    ("直接带动就业3600余人", [("3600余人", "3600", "人", "more than", "more than 3,600 people")]),
    ("先后有130多名高技能人才", [("130多名", "130", "名", "more than", "more than 130 people")]),
    ("企业约200家", [("约200家", "200", "家", "about", "about 200")]),
    ("培训1000人左右", [("1000人左右", "1000", "人", "about", "about 1,000 people")]),
    ("投资逾5亿美元", [("逾5亿美元", "500000000", "美元", "over", "over 500 million US dollars")]),
    ("募得2000万港元", [("2000万港元", "20000000", "港元", "", "20 million Hong Kong dollars")]),
    ("建筑面积1.2万平方米", [("1.2万平方米", "12000", "平方米", "", "12,000 square metres")]),
    ("我市6人获评", [("6人", "6", "人", "", "6 people")]),
    ("1人获评“湖北工匠”", [("1人", "1", "人", "", "1 person")]),
    ("精心辅导该市两个创新项目", [("两个", "2", "个", "", "2")]),
    ("不到10%的企业", [("不到10%", "10", "%", "less than", "less than 10%")]),
    ("资金12345678元", [("12345678元", "12345678", "元", "", "12.345678 million yuan")]),
    ("补助1亿-2亿元", [("1亿-2亿元", "100000000", "元", "range", "100–200 million yuan")]),
    ("牵头举办六届职工大赛", [("六届", "6", "届", "", "6")]),
    ("出台关心关爱新市民22条措施", [("22条", "22", "条", "", "22")]),
    ("在58项活动中", [("58项", "58", "项", "", "58")]),
    ("开展技术工人线上线下培训5206班次", [("5206班次", "5206", "班次", "", "5,206")]),
    ("市委组织部举办培训班12期次", [("12期次", "12", "期次", "", "12")]),
    ("增长3倍", [("3倍", "3", "倍", "", "3 times")]),
    ("营收达到3.2万亿元。", [("3.2万亿元", "3200000000000", "元", "reached", "3.2 trillion yuan")]),
    ("接待游客约1.2亿人次", [("约1.2亿人次", "120000000", "人次", "about", "about 120 million person-times")]),
    ("有7成以上的企业", [("7成以上", "70", "%", "or more", "70% or more")]),
    ("近三分之一的职工", [("近三分之一", "0.3333333333333333333333333333", "分之", "nearly", "nearly one third")]),
    ("补贴３０万元", [("３０万元", "300000", "元", "", "300,000 yuan")]),
    # Ranges whose low end shares the high end's scale; a low end with its own unit keeps it.
    ("单笔贷款5-20万元", [("5-20万元", "50000", "元", "range", "50,000–200,000 yuan")]),
    ("补贴4到6万元", [("4到6万元", "40000", "元", "range", "40,000–60,000 yuan")]),
    ("月薪8至12万港元", [("8至12万港元", "80000", "港元", "range", "80,000–120,000 Hong Kong dollars")]),
    ("投资1500到2500亿元", [("1500到2500亿元", "150000000000", "元", "range", "150–250 billion yuan")]),
    ("奖励2000元至3万元", [("2000元至3万元", "2000", "元", "range", "2,000–30,000 yuan")]),
    ("带动就业5-8万", [("5-8万", "50000", "", "range", "50,000–80,000")]),
    ("补贴5000-2万元", [("5000-2万元", "5000", "元", "range", "5,000–20,000 yuan")]),
    ("增长5%-8%", [("5%-8%", "5", "%", "range", "5–8%")]),
    # Mixed and colloquial numerals.
    ("收入12万3456元", [("12万3456元", "123456", "元", "", "123,456 yuan")]),
    ("共有职工2万三千人", [("2万三千人", "23000", "人", "", "23,000 people")]),
    ("参赛选手1万2千人", [("1万2千人", "12000", "人", "", "12,000 people")]),
    ("覆盖三个市", [("三个", "3", "个", "", "3")]),
    ("总投资3亿5000万元", [("3亿5000万元", "350000000", "元", "", "350 million yuan")]),
    ("接待两百来万游客", [("两百来万", "2000000", "", "about", "about 2 million")]),
    ("总投资7个亿", [("7个亿", "700000000", "", "", "700 million")]),
    ("完成投资３个亿", [("３个亿", "300000000", "", "", "300 million")]),
    ("市场规模突破万亿元", [("万亿元", "1000000000000", "元", "", "1 trillion yuan")]),
    ("十来个项目", [("十来个", "10", "个", "about", "about 10")]),
    # Signs and forms.
    ("出口增速为-12.5%", [("-12.5%", "-12.5", "%", "", "-12.5%")]),
    ("CPI同比-0.4%", [("-0.4%", "-0.4", "%", "", "-0.4%")]),
    ("区间为-1.5%至-0.5%", [("-1.5%至-0.5%", "-1.5", "%", "range", "-1.5% to -0.5%")]),
    ("利润下降一成", [("一成", "10", "%", "", "10%")]),
    ("约3/4的企业", [("约3/4", "0.75", "分之", "about", "about three quarters")]),
    ("将CPI2%左右作为目标", [("2%左右", "2", "%", "about", "about 2%")]),
    ("总人口52316万", [("52316万", "523160000", "", "", "523.16 million")]),
    ("对月销售额10万元以下的纳税人", [("10万元以下", "100000", "元", "or less", "100,000 yuan or less")]),
    ("仍有过千处路段", [("过千处", "1000", "处", "over", "over 1,000")]),
    ("存量接近4万亿", [("接近4万亿", "4000000000000", "", "nearly", "nearly 4 trillion")]),
    ("提前3天完成", [("3天", "3", "天", "", "3 days")]),
    ("同比增长负0.3%", [("负0.3%", "-0.3", "%", "", "-0.3%")]),
    ("上百家企业", [("上百家", "100", "家", "over", "over 100")]),
    ("近万人参加", [("近万人", "10000", "人", "nearly", "nearly 10,000 people")]),
    ("万余人次", [("万余人次", "10000", "人次", "more than", "more than 10,000 person-times")]),
    ("营收过亿", [("过亿", "100000000", "", "over", "over 100 million")]),
    ("出生率3‰", [("3‰", "3", "‰", "", "3‰")]),
    ("成交额约为8000亿元", [("约为8000亿元", "800000000000", "元", "about", "about 800 billion yuan")]),
    # Measure words from the table in pipeline/lang/zh_units.tsv.
    ("出品电影5部", [("5部", "5", "部", "", "5")]),
    ("展出书画作品200幅", [("200幅", "200", "幅", "", "200")]),
    ("养殖鸡鸭2000只", [("2000只", "2000", "只", "", "2,000")]),
    ("新增确诊病例12例", [("12例", "12", "例", "", "12 cases")]),
    ("渔船15艘", [("15艘", "15", "艘", "", "15 vessels")]),
    ("交付飞机3架", [("3架", "3", "架", "", "3 aircraft")]),
    ("销售空调200台", [("200台", "200", "台", "", "200 units")]),
    ("建成保障性住房800套", [("800套", "800", "套", "", "800 units")]),
    ("新能源汽车1288.8万辆", [("1288.8万辆", "12888000", "辆", "", "12.888 million vehicles")]),
    ("下行5个基点", [("5个基点", "5", "个基点", "", "5 basis points")]),
    ("用电量98521亿千瓦时", [("98521亿千瓦时", "9852100000000", "千瓦时", "", "9.8521 trillion kilowatt-hours")]),
]

# Numbers that are not figures: dates, times, phone numbers, ordinals, years in names, coded
# names, numbers inside names and words, and bare 一 before a measure word.
NOT_FIGURES = [
    "2023年5月，湖北省人大常委会出台决定。",
    "今年7月初，市总工会实施计划",
    "8月29日，竞赛在东风商用车工厂举行",
    "来源：中工网 2024-11-05 10:33",
    "〖发布日期：2023/11/28 9:10:45〗",
    "违法和不良信息举报电话：010-84151598",
    "省级财政2018年以来累计拨付",
    "荣获第十五届全国工程建设系统职业技能竞赛",
    "参加第七届全国职工优秀技术创新成果评选",
    "当选十堰市第六届人民代表大会代表",
    "2024中国技协城市主产业职业技能（十堰）联赛",
    "2024年张湾区职工职业技能大赛焊工竞赛",
    "出台《“2+4”现代化产业人才培育工程实施方案》",
    "推行“1+X”证书制度",
    "对接“33618”现代制造业集群体系",
    "积极开展“4技5小2比”等群众性创新活动",
    "建设“1+6+N”提升职工生活品质线下服务职工综合体",
    "构建起“1+N”制度措施体系",
    "落实国有企业“15条”和企业班组“12条”",
    "建立一站式联动协作机制",
    "协同举办“一带一路”国际技能大赛",
    "带动一批年轻工人走上关键岗位",
    "开展一系列活动",
    "一线职工积极参与",
    "建设一支知识型队伍",
    "从一名工人成为职教老师",
    "授予五一劳动奖章",
    "湖北实施“五大行动”",
    "大力培育和弘扬“三个精神”",
    "探索建立四维培训体系",
    "实施思想、制度、技术、发展、关爱五项赋能",
    "掀起千军万马参与、数十万职工比拼的热潮",
    "创造经济效益数亿元",
    "6年来，湖北省属国企发挥作用",
    "近5年来，王文山先后带出了学生",
    "近五年，全市工会提供岗位",
    "Copyright © 2008-2024 by www.workercn.cn",
    "建设5G基站",
    "七八个人",
    "千万不要忘记",
    "亿万职工的网上家园",
    "成员单位七成员工",
    "前三季度增长",
    "10月1日起施行",
    "截至2024年底",
    "“十四五”期间",
    "三年来",
    # Two-digit years, idioms with numerals, reference periods and tenors.
    "99年出生的小李",
    "他08年进入工厂",
    "他在大赛中连中三元",
    "政策一成不变",
    "今年前8个月",
    "过去五年间",
    "未来3个月预计略有改善",
    "近3个月",
    "6个月期国债收益率",
    "5年期以上LPR",
    "三部门联合印发",
    "建党100周年",
    "C919大飞机",
    "PM2.5浓度",
    "日期11/28",
    "人民币兑美元中间价报7.1277",
    "国务院出台新国十条",
    "民国八十二年刘兴武继承家业",
    "老鼠四处游走",
    "名列第1-3名",
    "每万元GDP能耗",
    "广州三元里街道",
    "人数为2万3人",
    "谣言四起",
    "坚持“四个全面”战略布局和五位一体总体布局",
    "落实中央八项规定精神",
    "四川三台县",
    "山西五台山",
    "党的十九届五中全会",
    "百年未有之大变局",
    "二○二三年是关键一年。",
    # 兆 before anything but a currency is mega: megawatts, megabits.
    "电厂装机容量为600兆瓦。",
    "网速达到100兆。",
    # A number after 兆 that could not be read whole is no figure (it was 8,811亿元 = 881.1 billion).
    "发电量达3兆5000万千瓦时。",
    "全港三宗教团体联合发起活动。",
    # The base of a rate: per thousand people, per 100,000 people.
    "每千人口拥有的执业医师数量持续增加。",
    "每10万人口发病率下降。",
    # 点 of the clock, and idioms with 点.
    "下午三点半，会议在北京召开。",
    "晚上九点五十分，列车抵达。",
    "凌晨三点五分发生地震。",
    "我们要一点一滴做起。",
    "三点一线的生活。",
]


@pytest.mark.parametrize(("text", "expected"), FIGURE_CASES, ids=[case[0] for case in FIGURE_CASES])
def test_figures_are_found_with_exact_value_unit_qualifier_and_english(text, expected):
    found = [(f.text_zh, f.value, f.unit_zh, f.qualifier, f.text_en) for f in find_figures(text)]
    assert found == [(zh, Decimal(value), unit, qualifier, en) for zh, value, unit, qualifier, en in expected]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_non_figures_are_not_reported(text):
    assert [f.text_zh for f in find_figures(text)] == []


def test_offsets_and_sentence_point_into_the_text():
    text = "2023年，市总举办了成果展。\n申报的267项创新成果累计为企业创造价值115.4亿元。"
    first, second = find_figures(text)
    assert text[first.start : first.end] == "267项"
    assert text[second.start : second.end] == "115.4亿元"
    assert second.context_zh == "申报的267项创新成果累计为企业创造价值115.4亿元。"


def test_range_keeps_both_ends():
    (figure,) = find_figures("发放奖补资金5000元至2万元")
    assert (figure.value, figure.value_high) == (Decimal(5000), Decimal(20000))


def test_values_are_exact_decimals_not_floats():
    (figure,) = find_figures("资金0.1万元")
    assert isinstance(figure.value, Decimal) and figure.value == Decimal(1000)


def test_reached_is_a_verb_left_in_the_sentence_and_a_stronger_qualifier_wins():
    (figure,) = find_figures("就业达3600余人")
    assert (figure.text_zh, figure.qualifier, figure.text_en) == ("3600余人", "more than", "more than 3,600 people")


def test_malformed_chinese_numerals_are_no_number_rather_than_a_crash():
    """cn2an raises KeyError (not ValueError) on runs such as 零十零 found in garbled text."""
    assert parse_number("零十零") is None
    assert find_figures("收入零十零万元。") == []


def test_the_stage_gives_yuan_as_the_unit_of_an_amount_in_hundred_millions():
    """The unit never carries the magnitude: 115.4亿元 is 11,540,000,000 of unit 元, not 115.4 of 亿元."""
    (figure,) = find_figures("节约资金115.4亿元。")
    assert (figure.value, figure.unit_zh, figure.text_en) == (Decimal(11540000000), "元", "11.54 billion yuan")


@pytest.mark.parametrize(
    ("text", "value"),
    [("12万3456", "123456"), ("3亿5000万", "350000000"), ("2万三千", "23000"), ("7个亿", "700000000"),
     ("万亿", "1000000000000"), ("-12.5", "-12.5"), ("12万99999", None), ("1万2千", "12000"), ("1万2", None),
     ("三点五", "3.5"), ("十点五", "10.5"), ("三点零五", "3.05"), ("一百点二", "100.2"), ("三点〇五万", "30500"),
     ("点五", None), ("三点", None), ("二三点五", None)],
)
def test_parse_number_reads_mixed_colloquial_and_signed_numerals(text, value):
    assert parse_number(text) == (Decimal(value) if value is not None else None)

"""find_programmes: named initiatives in, quoted speech, slogans and metaphors out."""

from __future__ import annotations

import pytest

from pipeline.facts import find_programmes

PROGRAMME_CASES = [
    ("湖北省人大常委会出台《关于大力弘扬劳模精神劳动精神工匠精神的决定》。", ["关于大力弘扬劳模精神劳动精神工匠精神的决定"]),
    ("金昌市出台《“2+4”现代化产业人才培育工程实施方案》，", ["2+4现代化产业人才培育工程实施方案"]),
    ("每年组织开展全省“工友杯”职工创业创新大赛和“鄂有绝活”高技能人才技能大赛，", ["工友杯", "鄂有绝活"]),
    ("推行“1+X”证书制度，组织培训项目759个；", ["1+X证书制度"]),
    ("落实“新八级”职业技能等级制度，突破职业发展天花板。", ["新八级"]),
    ("湖北将大力实施凝心铸魂、建功赋能、企业落实“五大行动”，", ["五大行动"]),
    ("实施思想、制度、技术、发展、关爱“五项赋能”。", ["五项赋能"]),
    ("湖北将实施五大行动，推动改革向纵深发展。", ["五大行动"]),
    ("启动“劳模工匠助企行”，构建新时代技能竞赛体系", ["劳模工匠助企行"]),
    ("开展“京堰劳模工匠助企行”活动。", ["京堰劳模工匠助企行"]),
    ("开通“劳模工匠号”公交车。", ["劳模工匠号"]),
    ("全市不断丰富“武当人才卡”服务措施。", ["武当人才卡"]),
    ("积极开展“车城状元”“工匠杯”“工匠杯”等技能竞赛", ["车城状元", "工匠杯"]),
    ("对接“33618”现代制造业集群体系新增品牌专业59个", ["33618现代制造业集群体系"]),
    ("积极开展“4技5小2比”等群众性创新活动。", ["4技5小2比"]),
    ("构建起“1+N”制度措施体系，出台改革政策文件95项", ["1+N制度措施体系"]),
    ("这些典型，在每年举行的“最美产业工人”评选中不断涌现。", ["最美产业工人"]),
    ("实施“领航”计划、“引擎”计划、“强基”计划，", ["领航计划", "引擎计划", "强基计划"]),
    ("组织“工友杯”职工创业创新大赛。", ["工友杯"]),
    ("开展“劳模工匠助企行”活动。", ["劳模工匠助企行"]),
    # A coined name used in two sentences is a programme even without a programme noun.
    ("推进“产改”走深走实。让“产改”效应形成效果。", ["产改"]),
    # 《》 and “” spellings of one name, and repeats, are merged at the first mention.
    ("实施“五年行动”。扎实推进“五年行动”，成效明显。", ["五年行动"]),
    # Unquoted scheme names, decided by their scheme noun and the verb that introduces them.
    ("截至目前，深港通累计成交金额持续扩大。", ["深港通"]),
    ("资本市场迎来新国十条。", ["新国十条"]),
    ("资本市场新“国九条”发布。", ["国九条"]),
    ("各地深入实施乡村振兴战略，农民收入增长。", ["乡村振兴战略"]),
    ("东数西算工程全面启动。", ["东数西算工程"]),
    ("多地推出以旧换新行动，带动家电销售。", ["以旧换新行动"]),
    ("推行河长制以来，水质明显改善。", ["河长制"]),
    ("财政部开展专项债试点，支持土地储备。", ["专项债试点"]),
    ("城乡居民基本医疗保险的财政补助标准提高。", ["城乡居民基本医疗保险"]),
    ("推进简政放权、放管结合、优化服务改革，激发市场活力。", ["简政放权、放管结合、优化服务改革"]),
    ("“放管服”改革持续深化。", ["放管服改革"]),
    ("推行“现代学徒制”人才培养模式。", ["现代学徒制"]),
    ("推行新型学徒制，扩大技能人才队伍。", ["新型学徒制"]),
    ("全面推行河长制、湖长制。", ["河长制", "湖长制"]),
    ("全国基本医疗保险参保人数达13.3亿人。", ["基本医疗保险"]),
    ("深入实施创新驱动发展战略和人才强国战略。", ["创新驱动发展战略", "人才强国战略"]),
    ("我国全面实施“十四五”规划。", ["十四五规划"]),
    ("实施自由贸易试验区提升战略。", ["自由贸易试验区提升战略"]),
    ("国家启动了东数西算工程。", ["东数西算工程"]),
    ("投资者通过深港通买入港股。", ["深港通"]),
    ("北向通和港股通运行平稳。", ["北向通", "港股通"]),
    # 《》 titles by their head: policy documents and laws are programmes.
    ("省政府出台《关于促进民营经济发展壮大的若干措施》。", ["关于促进民营经济发展壮大的若干措施"]),
    ("劳动者享有《中华人民共和国劳动法》规定的权利。", ["中华人民共和国劳动法"]),
    ("出台《城市更新行动方案（2024—2026年）》。", ["城市更新行动方案（2024—2026年）"]),
    # The glossary's schemes and their short forms, written without quotes.
    ("深化产业工人队伍建设改革，推动产改落地。", ["产业工人队伍建设改革", "产改"]),
]

NOT_PROGRAMMES = [
    "竞相涌现的一线技能人才奏响了“咱们工人有力量”的新乐章。",
    "让技能人才成为真正的“香饽饽”。",
    "助力产业工人迈上成才“快车道”。用制度打破成长的“天花板”。打破“天花板”。",
    "激活各行各业“一池春水”。",
    "持续擦亮十堰人才服务“金字招牌”。",
    "让产业工人蓄水池“满起来”。让职业吸引力“热起来”。让竞争力“热起来”。",
    "高磊说：“一次次比赛为我搭建了展示才艺的舞台。”",
    "他表示：“我们将开展技能大赛活动”",
    "2024年十堰市庆祝“五一”国际劳动节歌咏比赛",
    "如何提档升“技”赋能？",
    "采取“订单式组织、定向式培训”模式",
    "《人民日报》报道了此事。",
    # 《》 also encloses works, periodicals, broadcasts, reports and the article's own headline.
    "电影《流浪地球2》上映。",
    "他的新书《大国计划》出版。",
    "周刊《三联生活周刊》刊发封面文章。",
    "央视《焦点访谈》播出专题节目。",
    "据《证券时报》报道，多家券商下调佣金。",
    "《中国数字经济发展研究报告（2024年）》显示，规模持续扩大。",
    "原标题：《三季度经济运行稳中有进》",
    "纪录片《航拍中国》第四季开播。",
    # A dictionary word quoted for stress, however often, and a method named before 模式.
    "社保发挥“兜底”功能。财政继续“兜底”。",
    "资金存在“缺口”。人才“缺口”仍然不小。",
    "推广“合作社+基地”模式。",
    "推广“订单式”模式。",
    # Generic plans and mechanisms, and scheme nouns inside other words.
    "公司计划明年上市。",
    "建立健全激励评价机制。",
    "各地交通运输有序恢复。",
    "拓宽技能人才成长成才通道。",
    "国家发展改革委发布通知。",
    "他荣获第十五届全国工程建设系统职业技能竞赛金奖。",
    "陈又承认600条巴士路线中，只有120条恢复。",
    "出台关心关爱新市民22条措施。",
    "深化体制机制改革，严格控制成本。",
    "他们制定了详细的学习计划。",
    "坚持因地制宜，分类施策。",
    "坚持以公有制为主体。",
    "民生通惠资产管理公司受罚。",
    "产业技术创新战略联盟成立。",
    "6家险企分别为紫金财产保险、中华联合财产保险、幸福人寿保险。",
    "推进财税改革、商事改革、土地制度改革。",
    "强调收到投诉后不一定立即行动。",
    "将“有承担剩余风险的制度安排”作为准入条件。",
    "多视为「个人意见」；不视为「个人意见」。",
]


@pytest.mark.parametrize(("text", "names"), PROGRAMME_CASES, ids=[case[0][:20] for case in PROGRAMME_CASES])
def test_programmes_are_found(text, names):
    assert [programme.name_zh for programme in find_programmes(text)] == names


@pytest.mark.parametrize("text", NOT_PROGRAMMES)
def test_speech_slogans_and_metaphors_are_not_programmes(text):
    assert find_programmes(text) == []


def test_programme_keeps_its_first_sentence_and_offset():
    text = "发布最美产业工人。\n这些典型，在每年举行的“最美产业工人”评选中不断涌现。"
    (programme,) = find_programmes(text)
    assert programme.context_zh == "发布最美产业工人。"
    assert text[programme.start : programme.start + len(programme.name_zh)] == "最美产业工人"


def test_numbered_action_inside_a_document_title_is_part_of_the_title():
    names = [p.name_zh for p in find_programmes("制定出台了《推进人才引领高质量发展“五项行动”实施方案》")]
    assert names == ["推进人才引领高质量发展五项行动实施方案"]


def test_the_articles_own_headline_in_book_marks_is_not_a_programme():
    text = "《关于推进城市更新的实施方案》发布。原文见《关于推进城市更新的实施方案》。"
    assert find_programmes(text, headline="关于推进城市更新的实施方案") == []
    assert [p.name_zh for p in find_programmes(text)] == ["关于推进城市更新的实施方案"]

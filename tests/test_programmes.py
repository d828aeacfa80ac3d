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
    # Policies, plans and systems a verb introduces, whatever the words inside their names
    # (tests/data/programme_sentences.tsv has the sources of these sentences).
    ("强调贯彻落实积极应对人口老龄化国家战略。", ["积极应对人口老龄化国家战略"]),
    ("也是落实扩大内需战略、强化宏观经济逆周期调节的重要举措。", ["扩大内需战略"]),
    ("建立全国统一的长期护理保险制度已成为关键举措。", ["长期护理保险制度"]),
    ("实施制造业重点产业链高质量发展行动，着力补齐短板。", ["制造业重点产业链高质量发展行动"]),
    ("制定促进共同富裕行动纲要，让发展成果更多更公平惠及全体人民。", ["促进共同富裕行动纲要"]),
    ("连续组织开展直播带岗专项招聘周、民营企业服务月、金秋招聘月。", ["直播带岗专项招聘周", "民营企业服务月", "金秋招聘月"]),
    ("要深入推进农业供给侧结构性改革，加强粮食生产功能区建设。", ["农业供给侧结构性改革"]),
    ("制定实施长江经济带发展规划，推动长江经济带发展。", ["长江经济带发展规划"]),  # the example of issue 20
    # Documents named without 《》: a heading with its issuer, or after a verb of issuing.
    ("山东省人民政府关于深化预算管理制度改革的实施意见", ["山东省人民政府关于深化预算管理制度改革的实施意见"]),
    ("国务院印发关于加快发展银发经济增进老年人福祉的意见。", ["关于加快发展银发经济增进老年人福祉的意见"]),
    # Grounds in a document (根据《》) and a law whose name ends in 算法.
    ("根据《长江流域重点水域禁捕和建立补偿制度实施方案》，渔民退捕。", ["长江流域重点水域禁捕和建立补偿制度实施方案"]),
    ("根据新修订的《中华人民共和国预算法》有关要求。", ["中华人民共和国预算法"]),
    # Campaigns quoted once: a year's round, one being carried out, one after a verb of saying.
    ("“净网2019”将聚焦整治网络色情和低俗问题。", ["净网2019"]),
    ("长江“十年禁渔”全面实施。", ["十年禁渔"]),
    ("何亚东介绍，“购在中国”系列活动有3个方面的特点。", ["购在中国"]),
    # Slogans naming a project, punctuation inside, and the short form the text gives.
    ("2003年，浙江省启动“千村示范、万村整治”工程。", ["千村示范、万村整治工程"]),
    ("山西省总工会“夏送凉茶、冬送暖茶”公益爱心活动在长治市启动", ["夏送凉茶、冬送暖茶"]),
    ("长期护理保险（以下简称“长护险”）是一种健康保险。", ["长期护理保险", "长护险"]),
    # Numbered abbreviations of policies: attached to a programme noun, spelled out, or well known.
    ("着力做优做强工会“四送”品牌。", ["四送"]),
    ("切实兜牢保基本民生、保工资、保运转的“三保”底线，为落实“六稳”“六保”夯实根基。", ["三保", "六稳", "六保"]),
    ('重视解决地方财政困难，兜牢基层"三保"底线。', ["三保"]),
    # A quoted slogan with the words that describe its project, unless they only give its kind.
    ("深化“一户一产业工人”培养工程，聚焦城镇困难职工。", ["一户一产业工人培养工程"]),
    ("抓好“净网2023”专项行动。", ["净网2023"]),
    # Campaigns quoted once: launched in a run, or followed by what they delivered.
    ("联合有关部门开展“春风行动”、“春送岗位”等，为未就业人员提供免费政策咨询。", ["春风行动", "春送岗位"]),
    ("全市工会“春送岗位”提供就业岗位信息5280个，“夏送清凉”慰问高温一线职工8.4万人（次）。", ["春送岗位", "夏送清凉"]),
    # National strategies quoted in a list.
    ("是数字经济时代比肩“南水北调”“西电东送”的国家战略。", ["南水北调", "西电东送"]),
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
    # Quoted terms, indicators and metaphors, even in a list or ending in a programme noun.
    "政府“钱袋子”更紧张。",
    "资金花在了“刀刃上”“紧要处”。",
    "我国粮食领域中“新剪刀差”现象主要表现在三个方面。",
    "作为推动高质量发展的“头号工程”，",
    "打造了一个个“国家地标”“民生工程”“合作丰碑”。",
    "推动内蒙古在建设“两个屏障”、“两个基地”、“一个桥头堡”上展现新作为。",
    "《规划》明确，数字中国建设按照“2522”的整体框架进行布局。",
    "专门谈到了2020年发展数字经济的八大举措。",
    "习近平总书记在对“三农”工作作出的重要指示中强调。",
    # Quoted names run into the noun after them: what is worked on, not a campaign.
    "鼓励劳模在实施“进口替代”“卡脖子”攻关中发挥积极作用。",
    # A theme or a focus, not a name.
    "开展“工会同行 暖心相伴”为主题的送爱心活动。",
    "以“一老一小”为重点完善人口服务体系。",
    # Events, disasters and festivals.
    "8月5日，行径诡秘的“7503号”台风突然消失。",
    "利用“元旦”“春节”等重大节日，开展各类慰问活动。",
    "今年第5号台风“杜苏芮”共造成福建266.69万人受灾。",
    # Systems of a field, an organisation named after a campaign, a document's short form.
    "我国现有医保制度和家庭照护模式已远远不能满足长期护理的需求。",
    "建立健全更加公平更可持续的社会保障制度。",
    "全国“扫黄打非”办公室作出专门部署。",
    "根据《实施方案》，东莞将按照目标任务推进。",
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

"""Chinese words that tell what a name is: a policy document, a scheme, or a work (film, book,
periodical, broadcast, report) that 《》 also encloses."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

WORD_LISTS_FILE = Path(__file__).with_suffix(".json")


@cache
def _word_lists() -> dict[str, frozenset[str]]:
    lists = json.loads(WORD_LISTS_FILE.read_text(encoding="utf-8"))
    return {key: frozenset(words) for key, words in lists.items() if not key.startswith("_")}


def metaphors() -> frozenset[str]:
    """Stock metaphors of news writing, quoted for effect: “天花板”, “头号工程”."""
    return _word_lists()["metaphors"]


def known_programmes() -> frozenset[str]:
    """Programmes news copy quotes bare, with no noun to say what they are: “两新”, “数字中国”."""
    return _word_lists()["known_programmes"]


def not_programmes() -> frozenset[str]:
    """Numbered abbreviations naming a field, duty or category: “三农”, “三公”."""
    return _word_lists()["not_programmes"]

# The head noun of a policy document's title: 《关于...的意见》, 《...实施方案》, 《...劳动法》.
DOCUMENT_HEADS = (
    "意见", "决定", "办法", "方案", "规划", "通知", "条例", "法", "法典", "纲要", "规定", "细则", "准则",
    "计划", "纲领", "指引", "指南", "措施", "政策", "制度", "章程", "公约", "协定", "协议", "议定书",
    "规则", "决议", "批复", "通告", "公告", "清单", "目录", "标准", "守则", "行动", "工程", "战略",
)
# Words ending in 法 that name no law: a 《...方法》 is a book or a method.
NOT_LAWS = ("方法", "做法", "看法", "说法", "想法", "写法", "手法", "语法", "书法", "算法", "魔法", "兵法", "佛法")
# A 《...预算法》 issued by the state is a law whatever its last words (算法 is an algorithm).
LAW_ISSUERS = ("中华人民共和国",)
# 根据《...方案》, 依据《...》: grounds in a document, not a report (据《经济参考报》).
GROUNDS_MARKERS = ("根据", "依据")
# Before a document named without 《》, a verb of issuing (国务院印发|关于...的意见) or an issuer
# whose name ends in one of these (山东省人民政府|关于...的实施意见, 国务院办公厅|关于...的通知).
ISSUING_VERBS = ("印发", "出台", "发布", "下发", "转发", "制定", "通过", "颁布")
ISSUER_SUFFIXES = ("政府", "办公厅", "办公室", "国务院", "委员会", "中共中央", "省委", "市委", "县委", "部", "厅", "局", "委")
# （以下简称《意见》）: the short form of a document already named.
SHORT_FORM_MARKERS = ("简称", "下称")
# After a quoted name, these make it part of an organisation's name: 全国“扫黄打非”办公室.
QUOTED_ORGANISATION_SUFFIXES = ("办公室", "领导小组", "工作小组", "委员会", "指挥部")
# Just before a 《》 title, these say it is a work, a periodical, a broadcast or a report, or the
# article's own original headline: 电影《长津湖》, 央视《新闻联播》, 据《经济参考报》, 原标题：《...》.
WORK_MARKERS = (
    "电影", "影片", "大片", "电视剧", "网剧", "剧集", "纪录片", "动画", "专辑", "歌曲", "单曲", "新书", "著作",
    "专著", "小说", "诗集", "画作", "杂志", "期刊", "周刊", "月刊", "栏目", "节目", "央视", "综艺", "话剧",
    "舞剧", "歌剧", "音乐剧", "剧目", "主演", "执导", "出版", "刊发", "刊登", "发表", "撰文", "报道", "报告",
    "据", "原标题", "标题", "题为", "图书",
)
# Nouns that end an unquoted scheme name, with the fewest characters the name needs before them:
# 深港通, 东数西算工程, 乡村振兴战略, 河长制, 专项债试点, 城乡居民基本医疗保险.
SCHEME_NOUNS = {
    "计划": 2, "工程": 2, "行动": 2, "试点": 2, "战略": 2, "改革": 2, "倡议": 2, "制": 2, "通": 2,
    # Social insurance schemes; 人寿保险 and 财产保险 name insurers. The basic schemes need no more.
    "医疗保险": 2, "养老保险": 2, "失业保险": 2, "工伤保险": 2, "生育保险": 2, "护理保险": 2,
    "基本医疗保险": 0, "基本养老保险": 0,
    # Systems and plans with a coined name (长期护理保险制度, 长江经济带发展规划), outlines (促进共同富裕行动纲要),
    # campaigns (爱国卫生运动), and campaigns named by the month, week or season they run in.
    "制度": 4, "纲要": 4, "运动": 4, "规划": 4,
    "援助月": 2, "援助季": 2, "服务月": 2, "服务季": 2, "招聘月": 2, "招聘周": 2, "招聘季": 2, "促进月": 2,
    "促进周": 2, "消费季": 2, "消费月": 2, "宣传周": 2, "宣传月": 2, "活动月": 2, "活动周": 2,
}
# Before 制度 or 规划, a dictionary word is a field (社会保障制度, 收入分配制度, 城市规划), not the
# name of a system or plan (长江经济带发展规划).
COINED_HEAD_NOUNS = frozenset({"制度", "规划"})
# 机制 is left out: unquoted, it is nearly always a generic mechanism (建立激励评价机制).
# 改革 follows every reform; unquoted, only a list of four-character phrases names one
# (简政放权、放管结合、优化服务改革).
LISTED_ONLY_NOUNS = frozenset({"改革"})
# ...or a long head that names what is reformed (农业供给侧结构性改革).
LISTED_ONLY_LONG_HEAD = 6
# After one of the verbs that introduce a scheme, these open its name rather than end the verb
# phrase: 落实|扩大内需战略, 实施|推进家居产业高质量发展行动.
NAME_VERBS = ("实施", "落实", "贯彻", "开展", "启动", "推行", "实行", "部署", "制定", "坚持")
NAME_OPENING_WORDS = ("积极", "扩大", "推进", "推动", "加快", "促进")
# Boundary words that may also sit inside a name: 实施制造业重点产业链高质量发展行动.
IN_NAME_WORDS = ("重点", "重大")
# Verbs that, at the start of a head, take the name as their object: 整合|乡村振兴战略,
# 持续改革|技能评价制度.
LEADING_VERBS = ("改革", "整合", "激活", "优化", "完善", "健全", "加强", "提高", "提升", "统筹", "用好", "抓好")
# Words that end before a name starts: the verbs that introduce a scheme and the function words and
# determiners around it (实施|乡村振兴战略, 启动|东数西算工程, 这项|计划).
NAME_BOUNDARIES = (
    "实施", "推进", "落实", "开展", "启动", "推动", "深化", "实行", "推行", "建立", "健全", "完善", "加快",
    "参加", "参保", "纳入", "出台", "印发", "发布", "扩大", "开通", "全面", "深入", "积极", "持续", "继续",
    "加强", "组织", "围绕", "按照", "根据", "通过", "依托", "借助", "助力", "支持", "聚焦", "对接", "融入",
    "参与", "启用", "部署", "推出", "制定", "开启", "打造", "做好", "抓好", "用好", "迎来", "进入", "关于",
    "以及", "正式", "首批", "加入", "大力", "立即", "马上", "不", "没有", "一定", "要求", "强调", "表示", "新增", "今年", "去年", "明年", "目前", "当前", "已经", "正在", "通过", "作为",
    "其中", "包括", "有关", "相关", "重大", "重点", "现有", "现行", "原有", "各项", "一系列", "这一", "这项", "该项", "此次", "本次",
    "的", "和", "与", "及", "在", "将", "是", "了", "对", "等", "把", "被", "让", "向", "从", "并", "又",
    "也", "都", "还", "已", "正", "这", "该", "此", "各", "其", "有", "共", "据", "由", "于",
)
# A scheme is introduced by these (or opens a clause, or joins another name with 和/与/及):
# 实施乡村振兴战略, 开展以旧换新行动, 建立长期护理保险制度; after 完善 or 健全 come generic
# mechanisms.
NAME_INTRODUCERS = (
    "实施", "推进", "落实", "建立", "制定", "贯彻", "开展", "启动", "推动", "深化", "实行", "推行", "参加", "参保", "纳入", "出台",
    "印发", "发布", "扩大", "开通", "加入", "推出", "部署", "全面", "深入", "积极", "正式", "持续", "大力",
    "加快", "首批", "和", "与", "及", "全国", "全省", "全市", "我国", "我省", "我市", "各地", "多地",
    "的", "了", "在", "将", "是", "对", "把", "由", "从", "向", "通过", "依托", "围绕", "按照",
    "根据", "关于", "作为", "包括", "其中", "等",
)
# After a scheme noun, these characters continue a longer noun (工程师 is caught as a word, 计划书
# and 试点县 are not): the name would be cut short.
NAME_CONTINUATIONS = frozenset("系体书表单类型费款员者性化县区市联")
# Scheme nouns after which a common word may stand as the whole name (债券通, 港股通, 学徒制): the
# noun with the character before it is checked instead (交通, 体制 are words).
NOUNS_AFTER_WORDS = frozenset({"通", "制"})
# A one-character scheme noun (通, 制) is weak evidence: the name must then end where a clause, a
# particle or a verb of what is done with it does (深港通开通以来; not 民生通惠资产管理, 鱼鳞通地).
NAME_FOLLOWERS = (
    "的", "和", "与", "及", "、", "等", "在", "中", "下", "是", "为", "将", "已", "正", "也", "都", "还", "以来",
    "开通", "启动", "实施", "落地", "推进", "取得", "覆盖", "惠及", "范围", "成效", "进展", "持续", "深入",
    "全面", "进一步", "不断", "稳步", "有效", "正式", "首批", "累计", "运行", "带动", "支持", "助力", "于",
    "业务", "推出", "买入", "卖出", "交易", "额度", "资金", "试点", "改革",
)
# Characters no scheme name holds: persons, ordinals and distributives (他荣获第十五届全国工程...,
# 每年确定一批省级改革试点).
NOT_IN_NAMES = frozenset("他她我你您第届每批个")
# After 新国十条 or 金融16条 (a scheme known by its number of articles), only these may follow;
# in 22条措施 or 600条巴士路线 the number counts the noun after it.
NUMBERED_NAME_FOLLOWERS = ("的", "和", "与", "及", "、", "等", "出台", "发布", "落地", "实施", "政策", "明确", "提出")
# After a scheme noun, these make it part of an organisation's name: 发展改革委, 中国工程院, 改革办.
ORGANISATION_SUFFIXES = frozenset("委办局部院署司处厅")
# After a quoted name, these say what a campaign delivered: “春送岗位”提供就业岗位信息5280个,
# “金秋助学”资助3450名学子.
DELIVERY_VERBS = ("提供", "慰问", "资助", "发放", "帮扶", "惠及", "覆盖", "帮助", "救助", "吸引")
# Before a run of quoted names, these launch campaigns: 开展“春送岗位”“夏送清凉”.
LAUNCH_VERBS = ("开展", "启动", "举办", "实施")
# Between a quoted name and its plan noun, these say what kind of plan it is, not which:
# “净网2023”专项行动 is 净网2023, while “百县千镇万村”高质量发展工程 is named in full.
PLAN_CATEGORY_WORDS = ("专项", "系列", "主题", "集中", "特别", "重点", "品牌")
# Right after a quoted name, these make it a method, not a programme: “公司+农户”模式.
METHOD_NOUNS = ("模式", "方式", "做法", "打法")

"""Chinese words that tell what a name is: a policy document, a scheme, or a work (film, book,
periodical, broadcast, report) that 《》 also encloses."""

from __future__ import annotations

# The head noun of a policy document's title: 《关于...的意见》, 《...实施方案》, 《...劳动法》.
DOCUMENT_HEADS = (
    "意见", "决定", "办法", "方案", "规划", "通知", "条例", "法", "法典", "纲要", "规定", "细则", "准则",
    "计划", "纲领", "指引", "指南", "措施", "政策", "制度", "章程", "公约", "协定", "协议", "议定书",
    "规则", "决议", "批复", "通告", "公告", "清单", "目录", "标准", "守则", "行动", "工程", "战略",
)
# Words ending in 法 that name no law: a 《...方法》 is a book or a method.
NOT_LAWS = ("方法", "做法", "看法", "说法", "想法", "写法", "手法", "语法", "书法", "算法", "魔法", "兵法", "佛法")
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
}
# 机制 is left out: unquoted, it is nearly always a generic mechanism (建立激励评价机制).
# 改革 follows every reform; unquoted, only a list of four-character phrases names one
# (简政放权、放管结合、优化服务改革).
LISTED_ONLY_NOUNS = frozenset({"改革"})
# Words that end before a name starts: the verbs that introduce a scheme and the function words and
# determiners around it (实施|乡村振兴战略, 启动|东数西算工程, 这项|计划).
NAME_BOUNDARIES = (
    "实施", "推进", "落实", "开展", "启动", "推动", "深化", "实行", "推行", "建立", "健全", "完善", "加快",
    "参加", "参保", "纳入", "出台", "印发", "发布", "扩大", "开通", "全面", "深入", "积极", "持续", "继续",
    "加强", "组织", "围绕", "按照", "根据", "通过", "依托", "借助", "助力", "支持", "聚焦", "对接", "融入",
    "参与", "启用", "部署", "推出", "制定", "开启", "打造", "做好", "抓好", "用好", "迎来", "进入", "关于",
    "以及", "正式", "首批", "加入", "大力", "立即", "马上", "不", "没有", "一定", "要求", "强调", "表示", "新增", "今年", "去年", "明年", "目前", "当前", "已经", "正在", "通过", "作为",
    "其中", "包括", "有关", "相关", "重大", "重点", "各项", "一系列", "这一", "这项", "该项", "此次", "本次",
    "的", "和", "与", "及", "在", "将", "是", "了", "对", "等", "把", "被", "让", "向", "从", "并", "又",
    "也", "都", "还", "已", "正", "这", "该", "此", "各", "其", "有", "共", "据", "由", "于",
)
# A scheme is introduced by these (or opens a clause, or joins another name with 和/与/及):
# 实施乡村振兴战略, 开展以旧换新行动; after 建立, 完善 or 健全 come generic mechanisms.
NAME_INTRODUCERS = (
    "实施", "推进", "落实", "开展", "启动", "推动", "深化", "实行", "推行", "参加", "参保", "纳入", "出台",
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
# Right after a quoted name, these make it a method, not a programme: “公司+农户”模式.
METHOD_NOUNS = ("模式", "方式", "做法", "打法")

"""Chinese personal names: surnames and their readings, the titles and roles written before a name,
and the verbs of speech written after one.

pypinyin (0.55) has no surname mode (python-pinyin issue #297), and a surname often reads otherwise
than the same character in running text (单 dān/Shàn, 曾 céng/Zēng, 解 jiě/Xiè); the readings below
are the surname readings of those characters, after the 百家姓 readings used by name-romanising tools.
"""

from __future__ import annotations

# Compound (two-character) surnames and their pinyin, surname reading.
COMPOUND_SURNAMES = {
    "欧阳": "ouyang", "司马": "sima", "上官": "shangguan", "诸葛": "zhuge", "东方": "dongfang",
    "皇甫": "huangfu", "尉迟": "yuchi", "公孙": "gongsun", "长孙": "zhangsun", "慕容": "murong",
    "令狐": "linghu", "夏侯": "xiahou", "轩辕": "xuanyuan", "宇文": "yuwen", "司徒": "situ",
    "司空": "sikong", "端木": "duanmu", "钟离": "zhongli", "南宫": "nangong", "西门": "ximen",
    "万俟": "moqi", "单于": "chanyu", "澹台": "tantai", "濮阳": "puyang", "淳于": "chunyu",
    "申屠": "shentu", "闻人": "wenren", "赫连": "helian", "呼延": "huyan", "独孤": "dugu",
    "拓跋": "tuoba", "百里": "baili", "东郭": "dongguo", "公冶": "gongye", "太史": "taishi",
}

# Single-character surnames whose surname reading is not the character's most common reading
# (or that pypinyin reads otherwise in context).
SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha", "盖": "ge",
    "朴": "piao", "乐": "yue", "缪": "miao", "翟": "zhai", "覃": "qin", "秘": "bi", "冼": "xian",
    "华": "hua", "过": "guo", "纪": "ji", "燕": "yan", "种": "chong", "繁": "po", "员": "yun",
    "召": "shao", "折": "she", "那": "na", "难": "nan", "粘": "nian", "藏": "zang", "都": "du",
    "六": "lu", "薄": "bo", "贾": "jia", "柏": "bai", "牟": "mou", "乜": "nie", "阚": "kan",
    "叶": "ye", "强": "qiang", "沈": "shen", "宿": "su", "卜": "bu", "长": "chang", "重": "chong",
    "石": "shi", "瞿": "qu", "盛": "sheng", "和": "he", "万": "wan", "车": "che", "句": "gou",
    "隗": "wei", "颉": "xie", "尉": "wei", "令": "ling", "尹": "yin", "任": "ren",
}

# Characters of given names whose reading in a name is not the one pypinyin gives them alone, with
# why (the toneless spelling differs; sources: 现代汉语词典 and the texts names are taken from).
GIVEN_NAME_READINGS = {
    # zhāo "morning", as in the names pypinyin's own phrases read zhāo (朝晖, 朝霞, 朝阳) and in 朝华
    # "morning flowers" (陆机《文赋》: 谢朝华于已披); alone pypinyin reads it cháo (dynasty, facing).
    "朝": "zhao",
    # cháng "long, lasting" (长生, 长青, 长春; 谢长廷 Hsieh Chang-ting); alone pypinyin reads zhǎng.
    "长": "chang",
    # shèng "bright, flourishing" (唐将李晟 Li Sheng); alone pypinyin reads chéng.
    "晟": "sheng",
    # fú in names (米芾 Mi Fu); alone pypinyin reads fèi.
    "芾": "fu",
    # bó "serene" (淡泊: 诸葛亮《诫子书》非淡泊无以明志); pō is a lake (湖泊), pypinyin's lone reading.
    "泊": "bo",
    # xíng "go, do" (行知, 行健 in pypinyin's phrases); háng (trades, banks: 建行) is no name.
    "行": "xing",
    # xǐng "examine oneself" (省吾, 省身: 《论语》吾日三省吾身); shěng is a province.
    "省": "xing",
    # jùn, the same as 俊 "handsome"; juàn is 隽永 "meaningful", pypinyin's lone reading.
    "隽": "jun",
}
# Given names read as a whole otherwise than their characters in GIVEN_NAME_READINGS: 朝宗 cháozōng
# "pay homage" (《尚书·禹贡》江汉朝宗于海).
GIVEN_NAME_PHRASES = {"朝宗": ("chao", "zong")}

# The commoner single-character surnames (about 99% of China's population bears one of them).
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉"
    "缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑"
    "郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉"
    "伊仝区郜海阎练庾逯都门红双扈蔚权晋阿肇郦卢韶闪昝勾竺钮帅詹初伏习信禹邸茹揭弓奉凤贲危訾逄隆但况寿"
    "贝宿相那藏植衣拓暴蓟滑过索咸籍赖卓"
)

# Titles and roles written right before a person's name: 班长梅琳, 常务副主席陈惠霞, 教师王文山.
# A role ending in one of these counts too (党组书记, 技术科长, 首席技师).
TITLES_BEFORE_NAMES = (
    "主席", "书记", "主任", "班长", "组长", "队长", "部长", "局长", "厅长", "处长", "科长", "所长",
    "站长", "院长", "校长", "馆长", "会长", "社长", "省长", "市长", "县长", "区长", "镇长", "乡长",
    "村长", "委员", "代表", "总理", "总统", "主席团", "董事长", "总经理", "经理", "总裁", "总监",
    "理事长", "秘书长", "主管", "负责人", "教师", "老师", "教授", "讲师", "研究员", "学生", "毕业生",
    "学员", "工程师", "技师", "技术员", "工人", "职工", "员工", "钳工", "焊工", "电焊工", "操作工",
    "劳模", "工匠", "能手", "选手", "冠军", "持卡人", "专家", "医生", "护士", "警官", "民警",
    "记者", "通讯员", "主持人", "发言人", "律师", "法官", "检察官", "司机", "师傅", "大师", "先生",
    "女士", "同志", "村民", "居民", "市民", "创始人", "带头人", "党员", "干部", "指导员", "班主任",
    "副手", "店长", "厂长", "矿长", "车间主任", "首席", "博士", "硕士", "院士", "航天员", "总书记",
    "委员长", "行政长官", "特首", "署长", "司长", "议员", "立委", "主播", "艺人", "导演", "演员", "歌手", "球员",
    "教练", "董事", "创办人", "执行长", "总干事", "大使", "领事", "参赞", "法师", "部长助理",
    "行长", "首相", "国务卿", "外长", "总编辑", "主编", "司令员", "政委",
)

# Titles that are also plain nouns for groups of people (产业工人晋级渠道, 劳模工匠沙龙): a name after
# one of these must be closed by a word of NAME_FOLLOWERS or punctuation.
PLAIN_NOUN_TITLES = (
    "工人", "职工", "员工", "工匠", "劳模", "能手", "选手", "党员", "干部", "代表", "委员", "学生",
    "学员", "村民", "居民", "市民", "专家", "冠军", "大师",
)

# Words that follow a speaker's name: 高磊说, 陈惠霞表示.
SPEECH_AFTER_NAMES = (
    "说", "表示", "介绍", "指出", "认为", "强调", "坦言", "告诉", "称", "谈到", "回忆", "批评", "反驳", "回应",
    "质疑", "呼吁", "透露", "宣布", "解释", "补充", "直言", "坦承", "承认", "提到", "形容", "建议", "希望",
    "相信", "估计", "预计", "担心", "要求", "表态", "重申", "证实", "否认", "说明", "发言", "致辞", "讲话",
)

# Words that may follow a name a segmenter split in two (王/文山 和): the name ends before them.
NAME_FOLLOWERS = SPEECH_AFTER_NAMES + (
    "的", "和", "与", "及", "等", "同志", "在", "是", "也", "都", "就", "从", "将", "已", "还", "又",
    "为", "对", "把", "被", "先后", "同时", "一起", "一样", "这样", "等人", "获得", "荣获", "带领",
    "以", "摄", "向", "于", "之", "所", "曾经",
    # When, written right after the name: 李家超今日表示, 林郑月娥昨在记者会上称 (Hong Kong papers'
    # 昨 alone), and 陈肇始指 (Hong Kong's "said").
    "今日", "昨日", "今天", "昨天", "明天", "日前", "近日", "早前", "当天", "当日", "昨", "指",
)

# What may follow a surname in place of a given name: 李小姐 is Ms Li, not a name.
FORMS_OF_ADDRESS = {"小姐", "先生", "女士", "老师", "师傅", "某", "某某", "总", "姐", "哥", "叔", "伯", "阿姨"}

# The mark between the names of a list.
LIST_MARK = "、"

# Characters that never stand in a given name though a segmenter may glue them to one.
# 摄 closes a photo credit (记者王明摄), never a given name.
NOT_IN_GIVEN_NAMES = set("的了和与及等在是也都就说从将已还又对把被个们这那么摄")


def has_double_surname(name: str) -> bool:
    """A married Hong Kong woman's name: her husband's surname, her own, then a two-character given
    name (林郑月娥, 范徐丽泰, 陈方安生, 叶刘淑仪)."""
    return len(name) == 4 and name[:2] not in COMPOUND_SURNAMES and name[0] in SURNAMES and name[1] in SURNAMES

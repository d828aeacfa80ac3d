"""The names stage: people, places and organisations with their English made by rule."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipeline.clean import clean_article
from pipeline.errors import InputError
from pipeline.ingest import expand_inputs, read_article
from pipeline.names import PINYIN_NOTE, ROMANISATION_NOTES, dateline_place, find_names
from pipeline.names.gazetteer import place_english
from pipeline.names.romanise import cantonese_name, person_english, wade_giles_name
from pipeline.records import Article, CleanArticle, Metadata, Source
from pipeline.text import GAP_MARK
from pipeline.translate.glossary import Glossary

SEEDS = Path(__file__).parent.parent / "seeds"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def clean(text: str, script: str = "simplified", url: str | None = None) -> CleanArticle:
    source = Source(path="example.txt", sha256="0" * 64, encoding="utf-8", script=script)
    return clean_article(Article(id="example", source=source, text=text, page_metadata=Metadata(url=url)))


def names_of(text: str) -> dict[str, tuple[str, str]]:
    return {name.zh: (name.kind, name.en) for name in find_names(clean(text))}


@pytest.mark.parametrize(
    ("text", "zh", "en"),
    [
        ("全省工会将紧紧围绕创新驱动发展战略开展工作。常务副主席陈惠霞表示，要激发职工创新创造活力。", "陈惠霞", "Chen Huixia"),
        ("中国葛洲坝机电公司白鹤滩机电项目部桥机班班长梅琳激动不已。", "梅琳", "Mei Lin"),
        ("该院教师王文山和毕业生高磊同时获得内蒙古自治区北疆工匠荣誉称号。", "王文山", "Wang Wenshan"),
        ("该院教师王文山和毕业生高磊同时获得内蒙古自治区北疆工匠荣誉称号。", "高磊", "Gao Lei"),
        ("“一次次比赛为我搭建了展示才艺的舞台。”高磊说。", "高磊", "Gao Lei"),
        ("东风设备制造有限公司首席钳工、全国劳模范武当人才卡持卡人朱卫东说，优惠政策很多。", "朱卫东", "Zhu Weidong"),
        ("公民党立法会法律界议员郭荣铿反驳有关说法。", "郭荣铿", "Dennis Kwok Wing-hang"),
        ("中共中央政治局常委、国务院总理李强5月7日至9日在新疆调研。", "李强", "Li Qiang"),
        ("难分饮诱〔记者施晓光、吴亮仪、陈慧萍／台北报导〕市面上出现水果啤酒。", "陈慧萍", "Chen Huiping"),
        ("要深入贯彻习近平总书记在新时代推动西部大开发座谈会上的重要讲话精神。", "习近平", "Xi Jinping"),
        ("长三角一体化发展取得成效。李干杰、何立峰、吴政隆、穆虹、姜信治出席。", "何立峰", "He Lifeng"),
        ("工人们正在车间里忙碌着，迎接新一年的生产任务（记者陈凯摄）。", "陈凯", "Chen Kai"),
        # The name ends before a word of time or Hong Kong's 指 ("said"): not 李家 of 李家超.
        ("行政长官李家超今日在立法会答问大会上表示，政府会继续推动经济发展。", "李家超", "John Lee Ka-chiu"),
        ("食物及卫生局局长陈肇始指有待与专家商讨。", "陈肇始", "Sophia Chan Siu-chee"),
        ("中国人民银行行长潘功胜在论坛上发言。", "潘功胜", "Pan Gongsheng"),
        # Married Hong Kong women write their husband's surname before their own. (Known people are
        # named by their own spelling, pipeline/lang/zh_people.tsv, in any story.)
        ("立法会主席范徐丽泰表示，会议将如期举行。", "范徐丽泰", "Rita Fan Hsu Lai-tai"),
        ("前政务司司长陈方安生说，市民应该积极参与。", "陈方安生", "Anson Chan Fang On-sang"),
    ],
)
def test_person_after_a_title_or_before_speech(text, zh, en):
    assert names_of(text)[zh] == ("person", en)


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        ("进一步畅通产业工人晋级渠道，激发提技能内生动力。", "晋级"),
        ("全市各级工会组织精心举办劳模工匠沙龙等一系列活动。", "沙龙"),
        ("东风设备制造有限公司首席钳工、全国劳模范武当人才卡持卡人朱卫东说，优惠政策很多。", "范武当"),
        ("他荣获全国个人焊接单项金牌，成为工匠的代表。", "金牌"),
        ("有街头艺人早在中午前已经到场，李小姐表示会继续表演。", "李小姐"),
        ("调查显示，8成民众认为企业应承担社会责任。", "成民众"),
        ("有区议员曾建议，特区政府应另觅场地。", "曾建议"),
        ("举办告别演出，并特别请来多位艺人任嘉宾。", "任嘉宾"),
        ("保障产业工人权益摆在重要位置。", "权益摆"),
        ("此前，平台公司承担的项目收益较好，上市公司纷纷表示支持。", "平台公司"),
        # The end of 叶刘淑仪 is not another person.
        ("议员叶刘淑仪指出，政府必须尽快交代细节。", "刘淑仪"),
    ],
)
def test_common_words_are_no_names(text, not_a_name):
    assert not_a_name not in names_of(text)


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("单雄信", "Shan Xiongxin"), ("曾国藩", "Zeng Guofan"), ("解缙", "Xie Jin"), ("仇英", "Qiu Ying"),
        ("区伟", "Ou Wei"), ("查良镛", "Zha Liangyong"), ("盖叫天", "Ge Jiaotian"), ("朴树", "Piao Shu"),
        ("欧阳修", "Ouyang Xiu"), ("司马光", "Sima Guang"), ("诸葛亮", "Zhuge Liang"), ("翟志刚", "Zhai Zhigang"),
        ("吕恕宏", "Lü Shuhong"), ("张翀", "Zhang Chong"), ("尉迟恭", "Yuchi Gong"),
    ],
)
def test_surname_readings(name, english):
    assert person_english(name) == english


@pytest.mark.parametrize(
    ("place", "english", "method"),
    [
        ("十堰市", "Shiyan City", "gazetteer"), ("张湾区", "Zhangwan District", "pinyin"),
        ("包头", "Baotou", "gazetteer"), ("内蒙古", "Inner Mongolia", "gazetteer"),
        ("内蒙古自治区", "Inner Mongolia Autonomous Region", "gazetteer"), ("西藏", "Tibet", "gazetteer"),
        ("陕西省", "Shaanxi Province", "gazetteer"), ("香港", "Hong Kong", "gazetteer"), ("澳门", "Macao", "gazetteer"),
        ("呼和浩特", "Hohhot", "gazetteer"), ("乌鲁木齐市", "Urumqi City", "gazetteer"), ("哈尔滨", "Harbin", "gazetteer"),
        ("西安", "Xi'an", "gazetteer"), ("昌吉回族自治州", "Changji Hui Autonomous Prefecture", "gazetteer"),
        ("城关镇", "Chengguan Town", "pinyin"),
        # GeoNames lists 番禺 among the names of the town of Shiqiao: a name that does not read as the
        # town's English, when others do, is not the town's. 朝阳 is read Chaoyang, as GeoNames has it.
        ("番禺区", "Panyu District", "pinyin"), ("朝阳区", "Chaoyang District", "gazetteer"),
        ("台北市", "Taipei City", "gazetteer"), ("屯门", "Tuen Mun", "gazetteer"),
    ],
)
def test_place_english(place, english, method):
    assert place_english(place) == (english, method)


@pytest.mark.parametrize(
    ("text", "zh", "kind", "en"),
    [
        ("2024年张湾区职工职业技能大赛焊工竞赛在十堰举行。", "张湾区", "place", "Zhangwan District"),
        ("近年来，十堰市总工会聚焦现代产业体系技术人才需求。", "十堰市总工会", "organisation", "Shiyan Municipal Federation of Trade Unions"),
        ("2023年5月，湖北省人大常委会出台决定。", "湖北省人大常委会", "organisation", "Standing Committee of the Hubei Provincial People's Congress"),
        ("湖北省委连续6年将产改纳入重点项目计划。", "湖北省委", "organisation", "Hubei Provincial Party Committee"),
        ("8月29日，竞赛在东风商用车有限公司商用车工厂举行。", "东风商用车有限公司", "organisation", "Dongfeng Commercial Vehicle Co., Ltd."),
        ("在推进产改中，湖北能源集团探索建立四维培训体系。", "湖北能源集团", "organisation", "Hubei Energy Group"),
        ("特朗普早前在佛罗里达州出席一个活动。", "佛罗里达州", None, None),
        ("全国各省市在吸引留学人才方面纷纷提出了优惠政策。", "各省市", None, None),
        ("粤港澳大湾区建设取得新进展，深圳、广州两地合作不断深化。", "大湾区", None, None),
    ],
)
def test_places_and_organisations(text, zh, kind, en):
    assert names_of(text).get(zh, (None, None)) == (kind, en)


def test_a_name_carries_its_mentions_first_sentence_and_offset():
    article = clean("在湖北，越来越多像梅琳这样的产业工人迅速成长。\n班长梅琳激动不已。")
    mei = next(name for name in find_names(article) if name.zh == "梅琳")
    assert (mei.mentions, mei.start, mei.first_sentence) == (2, 9, "在湖北，越来越多像梅琳这样的产业工人迅速成长。")
    assert mei.method == "pinyin" and mei.note == ""


def test_people_and_places_of_a_traditional_story_nothing_places_are_marked_as_pinyin_readings():
    article = clean("中西區半山業主聯會主席黃美慧以其居所為例。律師曾威凱表示，北京會再提出抗告。", script="traditional")
    notes = {name.zh: (name.en, name.method, name.note) for name in find_names(article)}
    assert notes["曾威凯"] == ("Zeng Weikai", "pinyin", PINYIN_NOTE)
    assert notes["黄美慧"] == ("Huang Meihui", "pinyin", PINYIN_NOTE)
    assert notes["中西区"] == ("Zhongxi District", "pinyin", PINYIN_NOTE)
    assert notes["北京"] == ("Beijing", "gazetteer", "")


def test_a_glossary_organisation_inside_a_longer_one_is_not_found_there():
    found = names_of("美国国务院亚太助卿罗素在国会听证会上指出。")
    assert found["美国国务院"] == ("organisation", "US Department of State")
    assert "国务院" not in found


@pytest.mark.parametrize(
    ("text", "place", "english"),
    [
        ("新华社北京11月5日电（记者 李四）今天", "北京", "Beijing"),
        ("本报十堰11月5日讯 今年以来", "十堰", "Shiyan"),
        ("中央社記者楊思瑞台南4日電）台南市虱目魚養殖協會今天舉辦抽籤", "台南", "Tainan"),
        ("標題\n\n新华社乌鲁木齐5月9日电 李强在新疆调研", "乌鲁木齐", "Urumqi"),
        ("本报讯（记者 张三）今年以来", None, None),
    ],
)
def test_dateline_place(text, place, english):
    found = dateline_place(text)
    assert ((found.zh, found.en) if found else (None, None)) == (place, english)


@cache
def cleaned_seed(seed: str) -> CleanArticle:
    return next(clean_article(read_article(ref)) for ref in expand_inputs([str(SEEDS)]) if ref.path.name.startswith(seed))


def seed_names() -> dict[str, dict[str, tuple[str, str]]]:
    return {seed: {n.zh: (n.kind, n.en) for n in find_names(cleaned_seed(seed))} for seed in SEED_NAMES}


# Checked by hand: every reporter, every named person of the body, the places and organisations of
# the titles, and the main ones of the bodies.
SEED_NAMES = {
    "000": {"刘俊": "Liu Jun", "谢朝华": "Xie Zhaohua", "张晓宁": "Zhang Xiaoning", "凌燕": "Ling Yan",
            "朱卫东": "Zhu Weidong", "十堰市": "Shiyan City", "十堰": "Shiyan", "湖北": "Hubei",
            "十堰市总工会": "Shiyan Municipal Federation of Trade Unions"},
    "001": {"张翀": "Zhang Chong", "徐蓉": "Xu Rong", "陈凯": "Chen Kai", "梅琳": "Mei Lin", "陈惠霞": "Chen Huixia",
            "湖北省": "Hubei Province", "湖北省总工会": "Hubei Provincial Federation of Trade Unions"},
    "002": {"王黎奎": "Wang Likui", "谢勇": "Xie Yong", "甘肃": "Gansu", "金昌": "Jinchang", "金昌市": "Jinchang City",
            "甘肃省": "Gansu Province", "金川集团公司": "Jinchuan Group Co., Ltd."},
    "003": {"王文山": "Wang Wenshan", "高磊": "Gao Lei", "李琼": "Li Qiong", "内蒙古": "Inner Mongolia",
            "包头": "Baotou", "包头市": "Baotou City", "包头市总工会": "Baotou Municipal Federation of Trade Unions"},
    "004": {"刘太钟": "Liu Taizhong", "重庆": "Chongqing",
            "重庆市总工会": "Chongqing Municipal Federation of Trade Unions"},
}


@pytest.mark.parametrize("seed", sorted(SEED_NAMES))
def test_seed_names_have_their_english(seed):
    found = {zh: english for zh, (_, english) in seed_names()[seed].items()}
    assert {zh: found.get(zh) for zh in SEED_NAMES[seed]} == SEED_NAMES[seed]


SEED_PEOPLE = {
    "刘俊", "谢朝华", "张晓宁", "凌燕", "朱卫东", "张翀", "徐蓉", "陈凯", "梅琳", "陈惠霞", "王黎奎", "谢勇",
    "王文山", "高磊", "李琼", "刘太钟",
}
EDITORS = {"李方", "尹文卓", "付弋"}


def test_seed_people_are_all_and_only_the_real_ones():
    people = {zh for names in seed_names().values() for zh, (kind, _) in names.items() if kind == "person"}
    assert people == SEED_PEOPLE | EDITORS


def test_corpus_pages_give_no_traceback():
    pages = CORPUS / "pages"
    if not pages.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (../shared beside the checkout)")
    for ref in expand_inputs([str(pages)]):
        try:
            article = clean_article(read_article(ref))
        except InputError:
            continue  # a page ingest rejects (one is undecodable) is not this stage's concern
        for name in find_names(article):
            assert name.zh and name.en and name.kind in ("person", "place", "organisation")


def test_byline_people_carry_their_role():
    roles = {name.zh: (name.role, name.start) for name in find_names(cleaned_seed("001")) if name.kind == "person"}
    assert roles == {"梅琳": ("", 57), "陈惠霞": ("", 1751), "张翀": ("reporter", None), "徐蓉": ("reporter", None),
                     "陈凯": ("reporter", None), "李方": ("editor", None)}


def test_the_first_sentence_is_never_one_the_clean_stage_cut():
    article = clean(f"主席陈惠霞表示要加快发展{GAP_MARK}产业。陈惠霞说，职工是主力军。")
    chen = next(name for name in find_names(article) if name.zh == "陈惠霞")
    assert (chen.start, chen.first_sentence) == (2, "陈惠霞说，职工是主力军。")


@pytest.mark.parametrize(
    ("name", "english"),
    [
        # Each reading of GIVEN_NAME_READINGS, where pypinyin alone reads the given name otherwise.
        ("谢朝华", "Xie Zhaohua"),  # not Chaohua: seed 000's reporter
        ("张朝宗", "Zhang Chaozong"),  # but 朝宗 "pay homage" is cháozōng
        ("王长", "Wang Chang"),  # not Zhang
        ("李晟", "Li Sheng"),  # not Cheng
        ("米芾", "Mi Fu"),  # not Fei
        ("宁泊", "Ning Bo"),  # not Po
        ("陈建行", "Chen Jianxing"),  # not Jianhang, the bank
        ("李省吾", "Li Xingwu"),  # not Shengwu
        ("张隽", "Zhang Jun"),  # not Juan
        # Readings pypinyin already gets right stay.
        ("陈朝晖", "Chen Zhaohui"), ("刘长青", "Liu Changqing"), ("王行知", "Wang Xingzhi"),
    ],
)
def test_given_name_readings(name, english):
    assert person_english(name) == english


@pytest.mark.parametrize(
    ("name", "english"),
    [
        # Officials' own spellings that the rule gives as they are written.
        ("鄧炳強", "Tang Ping-keung"), ("許正宇", "Hui Ching-yu"), ("林定國", "Lam Ting-kwok"), ("何永賢", "Ho Wing-yin"),
        ("謝展寰", "Tse Chin-wan"), ("盧寵茂", "Lo Chung-mau"), ("張國鈞", "Cheung Kwok-kwan"), ("石禮謙", "Shek Lai-him"),
        ("聶德權", "Nip Tak-kuen"), ("馬逢國", "Ma Fung-kwok"), ("袁國強", "Yuen Kwok-keung"), ("李慧琼", "Lee Wai-king"),
        # 冠 gun Kwun, 怡 ji Yee, 華 waa Wah, 潘 pun Poon; surnames by convention: 周 Chow, 羅 Law, 曾 Tsang.
        ("羅冠聰", "Law Kwun-chung"), ("劉怡翔", "Lau Yee-cheung"), ("邱騰華", "Yau Tang-wah"), ("潘兆平", "Poon Siu-ping"),
        ("周浩鼎", "Chow Ho-ting"), ("曾蔭權", "Tsang Yam-kuen"), ("吳克儉", "Ng Hak-kim"),
        # Simplified input (the cleaned text's default) reads the same; two surnames stay two words.
        ("李家超", "Lee Ka-chiu"), ("陈国基", "Chan Kwok-kei"), ("叶刘淑仪", "Yip Lau Suk-yee"), ("欧阳伟", "Au Yeung Wai"),
    ],
)
def test_hong_kong_government_cantonese_romanisation(name, english):
    assert cantonese_name(name) == english


@pytest.mark.parametrize(
    ("name", "english"),
    [
        # 賴 lai is "lei" in pypinyin 0.55's Wade-Giles (python-pinyin issue #365).
        ("賴清德", "Lai Ching-te"), ("林義雄", "Lin Yi-hsiung"), ("韓國瑜", "Han Kuo-yu"), ("黃偉哲", "Huang Wei-che"),
        ("陳建仁", "Chen Chien-jen"), ("謝長廷", "Hsieh Chang-ting"), ("卓榮泰", "Cho Jung-tai"), ("蔣萬安", "Chiang Wan-an"),
        ("呂秀蓮", "Lu Hsiu-lien"), ("許淑華", "Hsu Shu-hua"), ("曾威凱", "Tseng Wei-kai"), ("李登輝", "Lee Teng-hui"),
        ("陳其邁", "Chen Chi-mai"), ("邱文達", "Chiu Wen-ta"), ("歐陽娜娜", "Ouyang Na-na"), ("郭台銘", "Kuo Tai-ming"),
    ],
)
def test_taiwan_wade_giles(name, english):
    assert wade_giles_name(name) == english


def people_of(article: CleanArticle, glossary: Glossary | None = None) -> dict[str, tuple[str, str, str]]:
    return {name.zh: (name.en, name.method, name.note) for name in find_names(article, glossary) if name.kind == "person"}


HK_STORY = "香港特區政府今日公布防疫措施，全港市民可免費檢測。民建聯立法會議員張國鈞表示，政府應加快安排。"
TW_STORY = "行政院今天通過補助計畫，台南市與高雄市將優先受惠。台南市長黃偉哲表示，將盡快執行。"
CANTONESE_NOTE = ROMANISATION_NOTES["cantonese"]
WADE_GILES_NOTE = ROMANISATION_NOTES["wade-giles"]


@pytest.mark.parametrize(
    ("text", "script", "url", "zh", "expected"),
    [
        # Placed by the words of a story in Traditional script, as its currency is.
        (HK_STORY, "traditional", None, "张国钧", ("Cheung Kwok-kwan", "cantonese", CANTONESE_NOTE)),
        (TW_STORY, "traditional", None, "黄伟哲", ("Huang Wei-che", "wade-giles", WADE_GILES_NOTE)),
        # Placed by the site's domain whatever the script.
        ("议员张国钧表示，政府应加快安排。", "simplified", "https://news.mingpao.com.hk/a/1", "张国钧", ("Cheung Kwok-kwan", "cantonese", CANTONESE_NOTE)),
        ("市长黄伟哲表示，将尽快执行。", "simplified", "https://news.ltn.com.tw/news/1", "黄伟哲", ("Huang Wei-che", "wade-giles", WADE_GILES_NOTE)),
        # A mainland report on Hong Kong, in Simplified: pinyin, as before.
        ("香港特区政府今日公布防疫措施。民建联立法会议员张国钧表示，政府应加快安排。", "simplified", None, "张国钧", ("Zhang Guojun", "pinyin", "")),
        ("议员张国钧表示，政府应加快安排。", "simplified", "http://www.news.cn/gangao/1.htm", "张国钧", ("Zhang Guojun", "pinyin", "")),
        # A mainland official named after a mainland office keeps pinyin in a Hong Kong or Taiwan
        # story; Hong Kong's own people in the same story do not.
        ("國務院港澳辦副主任王靈桂今日表示，香港要把握機遇。全港市民應支持。", "traditional", None, "王灵桂", ("Wang Linggui", "pinyin", "")),
        ("外交部發言人林建國表示，反對干預香港事務。全港市民關注。", "traditional", None, "林建国", ("Lin Jianguo", "pinyin", "")),
        ("港府發言人林建國表示，會跟進香港事務。全港市民關注。", "traditional", None, "林建国", ("Lam Kin-kwok", "cantonese", CANTONESE_NOTE)),
        ("外交部發言人林建國表示，台灣將持續與友邦合作。立法院支持。", "traditional", None, "林建国", ("Lin Chien-kuo", "wade-giles", WADE_GILES_NOTE)),
        # Well-known people by their own spelling, in any story.
        ("香港特区政府行政长官李家超今日表示，会继续推动经济发展。", "simplified", None, "李家超", ("John Lee Ka-chiu", "glossary", "")),
        ("國民黨主席鄭麗文今天表示，會繼續溝通。立法院明天開會。", "traditional", None, "郑丽文", ("Cheng Li-wun", "glossary", "")),
        ("新北市長侯友宜表示，台北與新北將合作。", "traditional", None, "侯友宜", ("Hou Yu-ih", "glossary", "")),
    ],
)
def test_people_are_romanised_as_the_story_region_writes_names(text, script, url, zh, expected):
    assert people_of(clean(text, script, url))[zh] == expected


@pytest.mark.parametrize(
    ("text", "zh", "english"),
    [
        # A well-known person of three characters or more is a person wherever the name stands.
        ("賴清德今天出席國慶活動。", "赖清德", "Lai Ching-te"),
        ("外界關注林鄭月娥的施政報告。", "林郑月娥", "Carrie Lam Cheng Yuet-ngor"),
        # A two-character one needs the context any name needs: 韩正 in 韩正式 is "Korea officially".
        ("韩正式宣布将提高利率。", "韩正", None),
        ("国务院副总理韩正表示，要稳住经济大盘。", "韩正", "Han Zheng"),
    ],
)
def test_well_known_people_are_found_by_their_names(text, zh, english):
    assert people_of(clean(text)).get(zh, (None,))[0] == english


def test_the_glossary_gives_a_persons_own_spelling_over_the_rule():
    article = clean(HK_STORY, "traditional")
    glossary = Glossary({"张国钧": "Holden Cheung"})
    assert people_of(article, glossary)["张国钧"] == ("Holden Cheung", "glossary", "")


HK_PAGE_PEOPLE = {
    # hk_appledaily_1: a Hong Kong paper (hk. edition); legislators by their own spelling.
    "陈美宝": ("Chan Mei-po", "cantonese", CANTONESE_NOTE),
    "胡志伟": ("Wu Chi-wai", "glossary", ""),
    "陈克勤": ("Chan Hak-kan", "glossary", ""),
    "吴秋北": ("Ng Chau-pei", "glossary", ""),
    "郭荣铿": ("Dennis Kwok Wing-hang", "glossary", ""),
    "林俊谦": ("Lam Chun-him", "cantonese", CANTONESE_NOTE),
}
TW_PAGE_PEOPLE = {
    # tw_appledaily_1: a Taiwan paper (.tw); the health minister and his deputies.
    "邱文达": ("Chiu Wen-ta", "wade-giles", WADE_GILES_NOTE),
    "戴桂英": ("Tai Kuei-ying", "wade-giles", WADE_GILES_NOTE),
    "林奏延": ("Lin Tsou-yen", "wade-giles", WADE_GILES_NOTE),
    "张秀鸳": ("Chang Hsiu-yuan", "wade-giles", WADE_GILES_NOTE),
    "王家俊": ("Wang Chia-chun", "wade-giles", WADE_GILES_NOTE),
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus (../shared/corpus) is not beside this checkout")
@pytest.mark.parametrize(("page", "people"), [("hk_appledaily_1", HK_PAGE_PEOPLE), ("tw_appledaily_1", TW_PAGE_PEOPLE)])
def test_corpus_pages_of_hong_kong_and_taiwan_list_their_people_in_their_romanisation(page, people):
    (ref,) = expand_inputs([str(CORPUS / "pages" / f"{page}.html")])
    found = people_of(clean_article(read_article(ref)))
    assert {zh: found.get(zh) for zh in people} == people

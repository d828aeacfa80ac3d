"""Clean rules, each on a small piece of real-looking news text."""

from __future__ import annotations

import pytest

from pipeline.clean import clean_article
from pipeline.clean.boilerplate import strip_end_mark
from pipeline.clean.characters import normalise_characters
from pipeline.clean.dedupe import drop_repeats
from pipeline.clean.metadata import (
    clean_publisher,
    clean_title,
    parse_metadata_line,
    person_names,
    split_leading_dateline,
    split_trailing_byline,
)
from pipeline.clean.mojibake import fix_garbles
from pipeline.clean.pinyin import remove_pinyin
from pipeline.clean.punctuation import (
    normalise_punctuation,
    remove_spaces_between_chinese,
)
from pipeline.clean.script import detect_script, to_simplified
from pipeline.errors import InputError
from pipeline.records import Article, Metadata, Source

BODY = "今年以来，全市共举办职业技能竞赛120场，参赛职工达到3.5万人次，其中45人获评技术能手称号。"
BODY_2 = "市总工会负责人表示，将继续完善产业工人技能提升体系，为高质量发展提供坚实的人才支撑和保障。"


def article(text: str, page: Metadata | None = None) -> Article:
    return Article(id="t", source=Source("t.txt", "0" * 64, "utf-8"), text=text, page_metadata=page or Metadata())


def clean(text: str, **kwargs):
    return clean_article(article(text), **kwargs)


# 1. Pinyin annotations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("您現(xiàn)在的位置", "您現在的位置"),
        ("發(fā)布日期", "發布日期"),
        ("綠(lǜ)色（chǎn）產業", "綠色產業"),
        ("联赛(十堰)暨范武（左三）和(XR)技术(app)", "联赛(十堰)暨范武（左三）和(XR)技术(app)"),
        ("英文 word(xiàn) 不是汉字后", "英文 word(xiàn) 不是汉字后"),
        # Words and names of several syllables, capitalised or not.
        ("北京（Běijīng）今年", "北京今年"),
        ("李强（Lǐ Qiáng）出席", "李强出席"),
        ("饺子(jiǎo zi)是传统美食", "饺子是传统美食"),
        ("世界卫生组织（WHO）和华为（Huawei）", "世界卫生组织（WHO）和华为（Huawei）"),
    ],
)
def test_pinyin_after_a_han_character_goes_and_real_parentheses_stay(text, expected):
    assert remove_pinyin(text) == expected


# 2. Furniture, captions, metadata lines


SITE_PAGE_LINES = [
    "您现在的位置：中工网 > 新闻中心",
    "中工娱乐",
    "全市职工技能竞赛成果丰硕",
    "来源：中工网",
    "发布时间：2024-11-05 10:33 点击量：123",
    BODY,
    "重庆已打造10个工匠学院。熊桂伟 摄",
    "（记者 张三 摄）",
    BODY_2,
    "责任编辑：尹文卓",
    "媒体矩阵",
    "• 中工网客户端",
    "• 中工网微信号",
    "中工网抖音",
    "往期回顾 查看更多",
    "亿万职工的网上家园",
    "马上体验",
    "关于我们 |版权声明 | 违法和不良信息举报电话：010-84151598",
    "Copyright © 2008-2024 by www.workercn.cn. all rights reserved",
    "扫码关注",
    "工人日报",
    "×",
]


def test_site_furniture_lines_are_removed_and_metadata_kept():
    text = "\n".join(SITE_PAGE_LINES)
    result = clean(text)
    assert result.paragraphs_zh == [BODY, BODY_2]
    assert result.metadata == Metadata(
        title_zh="全市职工技能竞赛成果丰硕", date="2024-11-05", publisher_zh="中工网", authors=[], editor="尹文卓"
    )


@pytest.mark.parametrize(
    "line",
    [
        # Reprint notices and comment-section disclaimers.
        "本文为冀勇庆授权网易财经《亦观察》专栏发布，转载请注明出处。",
        "※本文版权所有，非经授权，不得转载。[ETtoday著作权声明]※",
        "网友评论仅供其表达个人看法，并不表明网易立场。",
        "跟贴热词：",
        # Login boxes.
        "账号 密码 自动登录",
        "忘记密码？",
        # App and channel promotions inside the article box.
        "实时追踪香港各地区疫情个案，立即下载经济日报App：https://bit.ly/2JdOaiS",
        "扫描左侧二维码即可添加网易商业易信公众号",
        "网易财经 会赚钱的客户端",
        # WeChat's closing widgets.
        "点击“阅读原文”了解更多",
        "分享 收藏 点赞 在看",
        # Labels of tag lists and recommendation boxes.
        "相关字词",
        "您可能有兴趣",
        "你可能还想看",
        "您也可能喜欢...",
        "延伸阅读：",
        # The breadcrumb's "you are here" label.
        "您的位置：首页 > 新闻",
        "当前位置：新闻中心",
        "所在位置：首页",
        # Latin menu labels of a site theme, widgets, the page's clock.
        "Toggle navigation",
        "Home",
        "Search",
        "分享工具",
        "字级：",
        "气 温 ： 30 度",
        "17:30",
        "128,967",
        # Photo credits and captions.
        "▲政府擬將18%調降為9%。(圖／東森新聞提供)",
        "羅嘉仁是中華棒球隊的終結者，也是唯一具有大聯盟資歷的球員。 報系資料照",
        "香港航空宣布，昨日延誤的4班往來香港至沖繩航班，將改為今日出發。（港台圖片）",
        "記者鄭清元／攝影",
        "图为马素湘在澳大利亚悉尼游玩时的近影。",
        # Staff credits and the original title.
        "美術：陳超雄",
        "原标题：[亦观察]No.555 任正非的四把榔头",
    ],
)
def test_boilerplate_between_paragraphs_goes(line):
    assert clean(f"{BODY}\n\n{line}\n\n{BODY_2}").paragraphs_zh == [BODY, BODY_2]


@pytest.mark.parametrize(
    "line",
    [
        "市民可通过下载“粤省事”App办理相关业务。",
        "相关部门表示将加强监管。",
        "相关政策：",
        "最新进展",
        "分享经济",
        "警方提醒，不法分子以积分兑换为名，骗取用户的账号和密码。",
        "市民可扫描二维码预约接种，也可拨打热线电话预约。",
        "市民可关注“健康上海”微信公众号，查询附近的接种点。",
        "他问道：“你在这里做什么？”",
        "图书馆今年新增藏书3万册。",
        "他说：“下载量已超过1亿次，这款App很受欢迎。”",
        "创新培育机制",
    ],
)
def test_body_lines_that_look_like_boilerplate_stay(line):
    assert clean(f"{BODY}\n\n{line}\n\n{BODY_2}").paragraphs_zh == [BODY, line, BODY_2]


def test_a_list_under_a_recommendation_label_goes_with_its_snippets_but_a_list_in_the_body_stays():
    snippets = [
        "信报财经新闻·重置城寨不如搞「港版环球影城」，最新港产片《九龙城寨之围城》热播，好评如潮，不少人建议保留。",
        "Yahoo 地产·王菲、刘嘉玲沽深湾9号，名人趁市旺连环掟货？继刘嘉玲上月以7,380万沽出黄竹坑深湾9号豪宅后，其他名人亦跟随。",
    ]
    items = "\n".join(f"- {snippet}" for snippet in snippets)
    assert clean(f"{BODY}\n你可能还想看\n{items}").paragraphs_zh == [BODY]
    assert clean(f"{BODY}\n{items}\n{BODY_2}").paragraphs_zh == [BODY, *snippets, BODY_2]


def test_the_caption_of_a_lead_photo_goes_with_its_credit_but_a_short_paragraph_above_a_credit_stays():
    caption = "無票民眾等候補位，國光客運公司人員維持現場排隊秩序。"
    result = clean(f"{caption}\n記者鄭清元／攝影\n{BODY}\n{BODY_2}")
    assert result.paragraphs_zh == [BODY, BODY_2]
    result = clean(f"{BODY}\n{caption}\n記者鄭清元／攝影\n{BODY_2}")
    assert result.paragraphs_zh == [BODY, "无票民众等候补位，国光客运公司人员维持现场排队秩序。", BODY_2]


def test_a_layout_table_row_becomes_its_cells_and_empty_cells_go():
    result = clean(f"| {BODY} |  |\n| 128,967 |\n-\n{BODY_2}")
    assert result.paragraphs_zh == [BODY, BODY_2]


def test_section_labels_and_the_clock_above_the_article_go_but_a_subheading_stays():
    page = Metadata(title_zh="机动部队男警初步确诊 同组警员或要检疫")
    result = clean_article(article(f"社会\n\n17:30\n\n星期五\n\n政策引领\n\n{BODY}", page))
    assert result.paragraphs_zh == ["政策引领", BODY]


def test_a_date_below_the_first_paragraph_ranks_below_the_pages_own_date():
    text = f"{BODY}\n\n2015/07/04\n\n{BODY_2}"
    assert clean_article(article(text, Metadata(date="2015-07-03"))).metadata.date == "2015-07-03"
    assert clean(text).metadata.date == "2015-07-04"
    assert clean_article(article(f"2015/07/02\n\n{text}", Metadata(date="2015-07-03"))).metadata.date == "2015-07-02"


@pytest.mark.parametrize(
    ("values", "names"),
    [
        (["【联合晚报╱记者邱琼平", "台北报导"], ["邱琼平"]),
        (["本报记者 王乐文 方 敏"], ["王乐文", "方敏"]),
        (["陈智整合"], ["陈智"]),
        (["账号 密码 自动登录"], []),
        (["字号"], []),
        (["发布时间"], []),
        (["香港经济日报Hket"], []),
        (["ETtoday 新闻云"], []),
        (["香港电台-财经"], []),
        (["John Smith", "张三", "张三"], ["John Smith", "张三"]),
    ],
)
def test_page_authors_are_reduced_to_person_names(values, names):
    assert person_names(values) == names


@pytest.mark.parametrize(
    ("publisher", "expected"),
    [("人民网版权所有", "人民网"), ("www.chinanews.com,版权所有", "www.chinanews.com"), ("Copyright © China Times", "China Times"), ("版权所有", None)],
)
def test_copyright_wording_is_not_part_of_the_publisher(publisher, expected):
    assert clean_publisher(publisher) == expected


@pytest.mark.parametrize(
    ("paragraph", "rest", "authors"),
    [
        ("【王家俊／台北报导】配合行政院组织改造", "配合行政院组织改造", ["王家俊"]),
        ("〔记者施晓光、吴亮仪／台北报导〕市面上出现", "市面上出现", ["施晓光", "吴亮仪"]),
        ("【联合晚报╱记者邱琼平╱台北报导】国光客运", "国光客运", ["邱琼平"]),
        ("台北／报导指出，今年", "台北／报导指出，今年", []),
    ],
)
def test_a_slash_byline_opening_a_paragraph_becomes_authors(paragraph, rest, authors):
    assert split_leading_dateline(paragraph) == (rest, None, authors)


def test_a_slash_byline_opening_the_lead_below_a_subheading_becomes_the_author():
    text = f"水果口味啤酒警语很模糊\n\n〔记者施晓光、吴亮仪／台北报导〕{BODY}\n\n{BODY_2}"
    result = clean_article(article(text, Metadata(title_zh="果汁？啤酒？难分 「饮诱」青少年")))
    assert result.metadata.authors == ["施晓光", "吴亮仪"]
    assert result.paragraphs_zh == ["水果口味啤酒警语很模糊", BODY, BODY_2]


def test_a_dateline_opening_the_first_paragraph_becomes_metadata():
    result = clean("\n".join(["全市职工技能竞赛成果丰硕", "本报讯（记者 张三）" + BODY, BODY_2]))
    assert result.paragraphs_zh == [BODY, BODY_2]
    assert result.metadata.authors == ["张三"] and result.metadata.publisher_zh is None


def test_a_bare_breadcrumb_is_not_the_title_and_the_end_mark_goes():
    text = "\n".join(["首页 > 新闻中心 > 地方动态", "山东青岛：技能人才队伍持续壮大", BODY, BODY_2 + "（完）", "【纠错】"])
    result = clean(text)
    assert result.metadata.title_zh == "山东青岛：技能人才队伍持续壮大"
    assert result.paragraphs_zh == [BODY, BODY_2]


@pytest.mark.parametrize("end", ["1030404", "990715"])
def test_the_central_news_agency_filing_date_closing_the_story_goes(end):
    """CNA copy ends with its Minguo-calendar filing date (103/04/04); a number in a sentence stays."""
    result = clean("\n".join(["台南虱目鱼契作抽签登场", BODY, BODY_2 + end]))
    assert result.paragraphs_zh == [BODY, BODY_2]
    assert strip_end_mark("投资达到2000万元。1231") == "投资达到2000万元。1231"


def test_uncredited_captions_go_only_when_set_apart_or_naming_a_photo_position():
    text = f"标题足够长的新闻标题在这里\n\n{BODY}\n\n\n\n开通“劳模工匠号”公交车。\n\n\n\n政策引领\n\n{BODY_2}\n\n全国劳动模范范武（左三）向同事传授技术。\n\n会议由张三主持。"
    assert clean(text).paragraphs_zh == [BODY, "政策引领", BODY_2, "会议由张三主持。"]


def test_a_column_label_in_square_brackets_is_removed_but_bracketed_body_text_stays():
    text = f"【推进“产改”进行时】\n新闻标题足够长的一行文字\n【编者按】{BODY}"
    assert clean(text).paragraphs_zh == [f"【编者按】{BODY}"]


@pytest.mark.parametrize(
    ("line", "date", "publisher", "authors", "editor"),
    [
        ("〖发布日期:2023/11/28 9:10:45〗 〖点击量:", "2023-11-28", None, [], None),
        ("2024-11-05 10:33", "2024-11-05", None, [], None),
        ("发布时间：2024-09-27", "2024-09-27", None, [], None),
        ("2024年11月5日", "2024-11-05", None, [], None),
        ("编辑：付弋 发布时间：2024-09-27", "2024-09-27", None, [], "付弋"),
        ("来源：华龙网", None, "华龙网", [], None),
        ("工人日报-中工网记者 张翀 通讯员 徐蓉 陈凯", None, "工人日报-中工网", ["张翀", "徐蓉", "陈凯"], None),
        ("记者刘俊 特约记者谢朝华 通讯员张晓宁", None, None, ["刘俊", "谢朝华", "张晓宁"], None),
        ("责任编辑：李方", None, None, [], "李方"),
        ("2024年2月30日", None, None, [], None),
        ("2024-09-27 08:30:12 来源：华龙网 作者：记者 王小明", "2024-09-27", "华龙网", ["王小明"], None),
        ("作者：王小明 李四 编辑：付弋", None, None, ["王小明", "李四"], "付弋"),
        ("作者：王小明、李四", None, None, ["王小明", "李四"], None),
        ("2024年11月5日 星期二 08:00", "2024-11-05", None, [], None),
        ("香港文汇报讯（记者 陈大文）", None, "香港文汇报", ["陈大文"], None),
        ("本报讯（记者 张三 李四）", None, None, ["张三", "李四"], None),
        ("新华社北京11月5日电（记者 李四）", None, "新华社", ["李四"], None),
        # Dates in Chinese numerals, in Minguo years (Taiwan), and ISO's date and time.
        ("二〇二四年十一月五日", "2024-11-05", None, [], None),
        ("二○二三年十二月三十一日 星期日", "2023-12-31", None, [], None),
        ("113年11月5日", "2024-11-05", None, [], None),
        ("民国113年11月5日 10:30", "2024-11-05", None, [], None),
        ("二〇二四年二月三十日", None, None, [], None),
        ("2024-11-05T08:30:00+08:00", "2024-11-05", None, [], None),
        # The name ends where an affiliation or a credit begins, with no space before it.
        ("(作者：方敏北京大学经济学院教授)", None, None, ["方敏"], None),
        ("作者：张伟，清华大学教授", None, None, ["张伟"], None),
        ("记者：林俊谦摄", None, None, ["林俊谦"], None),
        ("作者：欧阳明月", None, None, ["欧阳明月"], None),
        ("（来源：华龙网）", None, "华龙网", [], None),
        ("作者：王小明、李四、张三丰", None, None, ["王小明", "李四", "张三丰"], None),
    ],
)
def test_metadata_lines(line, date, publisher, authors, editor):
    found = parse_metadata_line(line)
    assert (found.date, found.publisher, found.authors, found.editor) == (date, publisher, authors, editor)


def test_a_photo_source_is_not_the_publisher():
    assert parse_metadata_line("图片来源：视觉中国") is None
    assert parse_metadata_line("图源：新华社 来源：市人社局").publisher == "市人社局"


@pytest.mark.parametrize("line", [BODY, "记者们纷纷表示，这次竞赛办得很成功。", "创新驱动发展", "150年11月5日", "开业已有113年"])
def test_body_lines_are_not_metadata(line):
    assert parse_metadata_line(line) is None


def test_a_date_in_the_body_is_not_the_publication_date():
    result = clean(f"新闻标题足够长的一行文字\n2023年5月，湖北省人大常委会出台决定，{BODY}")
    assert result.metadata.date is None


def test_a_labelled_date_wins_over_a_bare_date_line():
    result = clean(f"新闻标题足够长的一行文字\n2024-01-02\n{BODY}\n编辑：付弋 发布时间：2024-09-27")
    assert result.metadata.date == "2024-09-27"


def test_a_parenthesised_byline_closing_the_last_paragraph_is_an_author():
    assert split_trailing_byline("谢勇表示。(王黎奎)") == ("谢勇表示。", ["王黎奎"])
    assert split_trailing_byline("谢勇表示。（记者 王黎奎 张三）") == ("谢勇表示。", ["王黎奎", "张三"])
    assert split_trailing_byline("谢勇表示。（新华社）") == ("谢勇表示。（新华社）", [])
    assert split_trailing_byline("范武（左三）传授技术") == ("范武（左三）传授技术", [])
    result = clean(f"新闻标题足够长的一行文字\n{BODY}\n{BODY_2}（王黎奎）")
    assert result.paragraphs_zh[-1] == BODY_2 and result.metadata.authors == ["王黎奎"]


# Titles


def test_newspaper_layout_title_is_the_main_title_and_the_block_leaves_the_body():
    text = (
        "您现在的位置：中工网 > 新闻\n推进“产改”进行时|湖北：959万技能人才成制造强省有力支撑\n"
        "【推进“产改”进行时】\n原标题：湖北实施“五大行动”为产业工人铺设成才报国之路——（引题）\n"
        f"959万技能人才成制造强省有力支撑（主题）\n工人日报-中工网记者 张翀\n{BODY}"
    )
    result = clean(text)
    assert result.metadata.title_zh == "959万技能人才成制造强省有力支撑"
    assert result.paragraphs_zh == [BODY]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("推进“产改”进行时|湖北：959万技能人才成制造强省有力支撑", "湖北：959万技能人才成制造强省有力支撑"),
        ("全市职工技能竞赛成果丰硕_中工网", "全市职工技能竞赛成果丰硕"),
        ("习近平主持召开深入推进长三角一体化发展座谈会-中国科普网", "习近平主持召开深入推进长三角一体化发展座谈会"),
        ("【中国稳健前行】坚定实施扩大内需战略 -中新网", "【中国稳健前行】坚定实施扩大内需战略"),
        ("2024-25赛季中超联赛今日开幕", "2024-25赛季中超联赛今日开幕"),
        ("成报新闻(美国扩「洁净网络」 中国不可信程式须下架 )", "美国扩「洁净网络」 中国不可信程式须下架"),
        ("在新时代中部地区崛起中争先出彩（推动高质量发展·权威发布）", "在新时代中部地区崛起中争先出彩（推动高质量发展·权威发布）"),
        ("原标题：包头市总工会持续深化“产改”赋能职工成长成才——（引题）", "包头市总工会持续深化“产改”赋能职工成长成才"),
        ("由“工”变“匠”强磁场 重庆加快培养现代化产业工人大军", "由“工”变“匠”强磁场 重庆加快培养现代化产业工人大军"),
    ],
)
def test_clean_title(title, expected):
    assert clean_title(title) == expected


def test_the_line_above_a_dash_subtitle_is_the_title_and_banners_above_it_go():
    text = f"培育新质生产力 壮大发展新动能\n\n淬才强技 筑梦车城\n\n——市总工会建设一流产业技术工人队伍巡礼\n\n{BODY}"
    result = clean(text)
    assert result.metadata.title_zh == "淬才强技 筑梦车城"
    assert result.paragraphs_zh == [BODY]


def test_markdown_heading_marks_and_bullets_are_not_text():
    result = clean(f"# 全市职工技能竞赛成果丰硕\n\n## 政策引领\n\n- {BODY}")
    assert result.metadata.title_zh == "全市职工技能竞赛成果丰硕"
    assert result.paragraphs_zh == ["政策引领", BODY]


def test_the_page_title_is_used_when_the_text_has_no_headline():
    result = clean_article(article(f"{BODY}\n{BODY_2}", Metadata(title_zh="網頁標題：技能競賽成果豐碩", date="2024-03-15")))
    assert result.metadata.title_zh == "网页标题：技能竞赛成果丰硕"
    assert result.metadata.date == "2024-03-15"
    assert result.paragraphs_zh == [BODY, BODY_2]


# 3. Repeats


def test_exact_near_and_fragment_repeats_go_with_a_warning_and_the_first_stays():
    first = "——持续营造近悦远来的人才发展环境，大力弘扬劳模精神，营造良好社会氛围，切实维护产业工人合法权益。"
    near = first.replace("大力", "着力")
    fragment = "“三个精神”，营造良好社会氛围，切实维护产业工人合法权益。"
    glued = "6个，创新建设24小时工会驿站26个。" + first[8:]
    kept, warnings = drop_repeats([first, BODY, first, near, fragment, glued, BODY_2])
    assert kept == [first, BODY, BODY_2]
    assert len(warnings) == 4
    assert warnings[0] == "dropped repeated paragraph '——持续营造近悦远来的人才发展环境，大力弘扬劳模…'"


def test_a_caption_quoting_the_lead_above_it_gives_way_to_the_lead():
    caption = "香港航空宣布，昨日延误的4班往来香港至冲绳航班，将改为今日出发。"
    lead = "香港航空宣布，昨日受热带风暴派比安影响而延误的4班往来香港至冲绳航班，将改为今日出发。"
    kept, warnings = drop_repeats([caption, lead, BODY])
    assert kept == [lead, BODY]
    assert warnings == ["dropped paragraph quoting a later, longer one '香港航空宣布，昨日延误的4班往来香港至冲绳航班，…'"]


def test_short_lines_go_only_as_exact_repeats():
    kept, _ = drop_repeats(["政策引领", BODY, "政策引领", "政策引导"])
    assert kept == ["政策引领", BODY, "政策引导"]


# 4. Garbled text and stray characters


def test_garbled_span_that_cannot_be_repaired_leaves_a_visible_gap_and_a_warning():
    text = "湖北创新探索永远在路上?!焙\ue478笔】偣\ue63a\ue4c3h組書記、常務副主席陳惠霞表示"
    fixed, warnings = fix_garbles(text)
    assert fixed == "湖北创新探索永远在路上[…]組書記、常務副主席陳惠霞表示"
    assert warnings == ["dropped garbled text '?!焙\\ue478笔】偣\\ue63a\\ue4c3h'"]


def test_utf8_read_as_gbk_is_repaired():
    garbled = "湖北工会".encode().decode("gb18030")
    fixed, warnings = fix_garbles(f"记者报道，{garbled}召开会议。")
    assert fixed == "记者报道，湖北工会召开会议。"
    assert warnings == [f"repaired garbled text '{garbled}' -> '湖北工会'"]


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        "张翀、陈堃出席会议。",
        "真的吗?!这就是答案",
        "【编者按】本文介绍TRIZ方法。",
        # GB2312 level 2: rare but real.
        "终于研发出了能够与高通媲美的麒麟手机芯片，从而彻底摆脱了对高通的依赖。",
        # Written Cantonese in a Hong Kong paper.
        "後市可以睇得樂觀啲，如果冇呢啲消息，投資者就會傾向獲利離場。",
        "佢話嗰度嘅嘢已經搬咗去喺旺角嗰間舖頭。",
        # A language menu's Korean and Japanese words.
        "English\n한국어\n日本語\nフォーカス台湾",
        # A drawing of a file tree.
        "如下的文件结构：\n├── bar\n│   └── src\n└── foo",
    ],
)
def test_clean_text_with_rare_characters_cantonese_or_foreign_words_is_not_garbled(text):
    assert fix_garbles(text) == (text, [])


def test_a_paragraph_cut_by_a_dropped_garbled_span_is_listed_as_damaged():
    garbled = "湖北创新探索永远在路上?!焙\ue478笔】偣\ue63a\ue4c3h組書記、常務副主席陳惠霞表示，全省工会将紧紧围绕创新驱动发展战略。"
    result = clean(f"{BODY}\n\n{garbled}\n\n{BODY_2}")
    assert result.paragraphs_zh[1] == "湖北创新探索永远在路上[…]组书记、常务副主席陈惠霞表示，全省工会将紧紧围绕创新驱动发展战略。"
    assert result.damaged_paragraphs == [1]
    assert clean(f"{BODY}\n\n{BODY_2}").damaged_paragraphs == []


def test_a_line_garbled_from_end_to_end_leaves_no_gap_paragraph():
    result = clean(f"{BODY}\n\n?!焙\ue478笔】偣\ue63a\ue4c3\n\n{BODY_2}")
    assert (result.paragraphs_zh, result.damaged_paragraphs) == ([BODY, BODY_2], [])


def test_control_and_replacement_characters_are_stripped_and_full_width_alphanumerics_narrowed():
    text, warnings = normalise_characters("技能\x07人才\ufffd２０２４年ＴＲＩＺ方法，占比３０％\r\n")
    assert text == "技能人才2024年TRIZ方法，占比３０％\n".replace("３０", "30")
    assert warnings == ["removed 2 control or replacement character(s)"]


def test_a_full_width_point_between_digits_is_a_decimal_point():
    """１２．５％ was read as 5%: the full-width point stayed, and the figure began after it."""
    assert normalise_characters("增长１２．５％。（完）．")[0] == "增长12.5％。（完）．"


# 5. Punctuation and spacing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("汽车之城,澎湃向新;来源:中工网?好!", "汽车之城，澎湃向新；来源：中工网？好！"),
        ("资金2,468.3万元,时间10:33", "资金2,468.3万元，时间10:33"),
        ("联赛(十堰)暨技术(XR)", "联赛（十堰）暨技术（XR）"),
        ("Hello, world (test): TRIZ", "Hello, world (test): TRIZ"),
    ],
)
def test_half_width_marks_next_to_chinese_become_full_width(text, expected):
    assert normalise_punctuation(text) == expected


def test_spaces_between_chinese_characters_go_but_not_around_latin():
    assert remove_spaces_between_chinese("淬才 强技 ，用 TRIZ 方法") == "淬才强技，用 TRIZ 方法"


# 6. Script


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("看著", "看著"),
        ("著名", "著名"),
        ("顯著", "显著"),
        ("乾淨", "干净"),
        ("乾隆", "乾隆"),
        ("後來", "后来"),
        ("皇后", "皇后"),
        ("這裡", "这里"),
        ("壞了", "坏了"),
        ("著想", "著想"),
        ("發布覆蓋", "发布覆盖"),
        ("土著 卓著 編著 著稱", "土著 卓著 编著 著称"),
        ("显著增强 土著 卓著 编著", "显著增强 土著 卓著 编著"),  # Simplified input stays as it is
    ],
)
def test_opencc_t2s_never_damages_a_word(traditional, simplified):
    assert to_simplified(traditional) == simplified


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("湖北省推进产业工人队伍建设改革", "simplified"),
        ("湖北省推進產業工人隊伍建設改革", "traditional"),
        ("湖北省推进产业工人隊伍建設改革", "mixed"),
        ("中国工人", "simplified"),
    ],
)
def test_script_detection(text, script):
    assert detect_script(text) == script


def test_traditional_text_is_converted_or_kept_and_its_script_recorded():
    text = "新聞標題：產業工人隊伍建設\n這是對我們產業工人的極大認可，湖北省技能人才總量達959萬人，高技能人才達293萬人。"
    simplified = clean(text)
    kept = clean(text, script="keep")
    assert simplified.paragraphs_zh == ["这是对我们产业工人的极大认可，湖北省技能人才总量达959万人，高技能人才达293万人。"]
    assert simplified.metadata.title_zh == "新闻标题：产业工人队伍建设"
    assert kept.paragraphs_zh == ["這是對我們產業工人的極大認可，湖北省技能人才總量達959萬人，高技能人才達293萬人。"]
    assert simplified.source.script == kept.source.script == "traditional"


def test_an_article_with_nothing_left_is_an_input_error():
    with pytest.raises(InputError, match="no article text left after cleaning"):
        clean("Copyright © 2024 中工网\n扫码关注")

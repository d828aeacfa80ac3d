"""Furniture inside article boxes (disclaimers, app promotions, empty comment boxes, links back to the
portal, related-article titles) and short official notices kept whole, on real pages and lines
(tests/fixtures/furniture/README.md says where each comes from)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.clean import clean_article
from pipeline.ingest import read_article
from pipeline.records import Article, InputRef, Metadata, Source

FIXTURES = Path(__file__).parent / "fixtures" / "furniture"
BODY = "今年以来，全市共举办职业技能竞赛120场，参赛职工达到3.5万人次，其中45人获评技术能手称号。"
BODY_2 = "市总工会负责人表示，将继续完善产业工人技能提升体系，为高质量发展提供坚实的人才支撑和保障。"


def clean_text(text: str) -> list[str]:
    article = Article(id="t", source=Source("t.txt", "0" * 64, "utf-8"), text=text, page_metadata=Metadata())
    return clean_article(article).paragraphs_zh


def clean_page(path: Path):
    return clean_article(read_article(InputRef(display=str(path), path=path)))


# Each as found on a real page.
FURNITURE_LINES = {
    "disclaimer": [
        # 环球网, after the last paragraph (longer than any other furniture line).
        "免责声明：本文仅代表作者个人观点，与环球网无关。其原创性以及文中陈述文字和内容未经本站证实，对本文以及其中全部"
        "或者部分内容、文字的真实性、完整性、及时性本站不作任何保证或承诺，请读者仅作参考，并请自行核实相关内容。"
        "本站不对因使用本文内容而引起的任何损失承担责任，如有疑问请联系本站编辑部门。",
        "平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。",
        "版权声明：来源就你网财经频道的所有文字、图片和音视频资料，版权均属就你网所有，任何媒体、网站或个人未经本网协议"
        "授权不得转载、链接、转贴或以其他方式复制发布/发表。",
        # The label in brackets, without a colon.
        "【免责声明】本文仅代表作者个人观点，与本站无关。其原创性以及文中陈述文字和内容未经本站证实，对本文以及其中全部"
        "或者部分内容、文字的真实性、完整性、及时性本站不作任何保证或承诺，请读者仅作参考，并请自行核实相关内容。",
        "本站声明：本站部分文章来源于网络，如有侵权请联系删除。",
    ],
    "app promotion": [
        "打开APP阅读全文",
        "打开App阅读体验更佳，攻略、资讯实时更新",
        "下载澎湃新闻客户端，看更多精彩",
        "点击下载新华社客户端",
        "扫码下载APP，第一时间获取新闻",
    ],
    "empty comment box": [
        "暂无评论，快来抢沙发吧！",
        "☛ 暂无评论，我来发表第一篇评论吧！☚",
        "网友评论",
        "评论(0)",
        "已有0条评论",
        "评论加载中",
    ],
    "back to the portal": ["返回首页", "返回人民网首页", "返回搜狐，查看更多", "返回新华网"],
    "page tools and empty labels": ["[ 打印 ]", "关闭", "信息来源："],
}


@pytest.mark.parametrize(
    "line",
    [pytest.param(line, id=f"{kind} {n}") for kind, lines in FURNITURE_LINES.items() for n, line in enumerate(lines, 1)],
)
def test_furniture_between_paragraphs_goes(line):
    assert clean_text(f"{BODY}\n\n{line}\n\n{BODY_2}") == [BODY, BODY_2]


@pytest.mark.parametrize(
    "line",
    [
        # A news sentence about a disclaimer, and one quoting a company's.
        "合同中的免责声明条款是否有效，成为双方争议的焦点，法院审理后认为该条款无效。",
        "该公司在官网发布免责声明：因系统故障造成的损失由公司承担。",
        "免责声明是合同中常见的条款。",
        # Sentences about downloading and opening apps.
        "下载“粤省事”App后，市民可在线办理社保业务。",
        "打开手机淘宝App，点击首页的“618”入口即可参与活动。",
        "截至目前，该客户端下载量已突破2亿次。",
        # Comments and returns in the news.
        "网友评论说，这项政策很好。",
        "评论员文章指出，要坚持高质量发展。",
        "代表团昨日返回首都北京。",
    ],
)
def test_body_sentences_mentioning_furniture_words_stay(line):
    assert clean_text(f"{BODY}\n\n{line}\n\n{BODY_2}") == [BODY, line, BODY_2]


def test_related_titles_listed_without_bullets_go_but_a_paragraph_under_a_reading_label_stays():
    titles = "视面必成5大原则 第1天就上班\n成就职业生涯的秘诀：赌局中的心态\n你的工作态度及格吗？\n马化腾谈创业：曾想60万元卖掉QQ"
    assert clean_text(f"{BODY}\n{BODY_2}\n相关阅读：\n{titles}") == [BODY, BODY_2]
    assert clean_text(f"{BODY}\n延伸阅读\n{BODY_2}") == [BODY, BODY_2]


def test_a_disclaimer_under_its_label_alone_goes_with_the_label():
    disclaimer = (
        "本文仅代表作者个人观点，与本网无关。其原创性以及文中陈述文字和内容未经本站证实，对本文以及其中全部或者部分内容、"
        "文字的真实性、完整性、及时性本站不作任何保证或承诺，请读者仅作参考，并请自行核实相关内容。"
    )
    assert clean_text(f"{BODY}\n{BODY_2}\n免责声明\n{disclaimer}") == [BODY, BODY_2]


@pytest.mark.parametrize("label", ["为你推荐", "大家都在看", "相关稿件"])
def test_titles_under_other_recommendation_labels_go(label):
    titles = "面试五分钟 礼仪术语判高下\n求职十大成功秘诀"
    assert clean_text(f"{BODY}\n{BODY_2}\n{label}\n{titles}") == [BODY, BODY_2]


def test_the_link_back_to_the_portal_closing_the_last_paragraph_goes():
    cleaned = clean_page(FIXTURES / "sohu_article_end.html")
    assert cleaned.paragraphs_zh[-1].endswith("促进职场中的人际关系和合作精神。")
    assert not any("平台声明" in paragraph or "返回搜狐" in paragraph for paragraph in cleaned.paragraphs_zh)


def test_a_disclaimer_and_related_reading_in_the_article_column_go_and_the_article_stays():
    cleaned = clean_page(FIXTURES / "fjlw_disclaimer_related.html")
    text = "".join(cleaned.paragraphs_zh)
    assert cleaned.metadata.title_zh == "面试前做好四件事"
    assert "（一）迅速查找该企业的原始招聘广告。" in text and "还应保证面试前充足的睡眠。" in text
    assert "免责声明" not in text and "相关阅读" not in text and "赌局中的心态" not in text


# Short official notices on government portals.

NOTICE = [
    "开发区管委会，各镇人民政府，市各办局，市直各单位：",
    "根据上级通知精神，2012年清明节放假安排如下：2012年4月2日至4月4日放假调休，共3天，3月31日（星期六）、4月1日（星期日）上班。",
    "放假期间，各级各部门要认真做好节日值守应急、安全保卫等各项工作。另请各单位于4月1日前将放假期间的值班表分别报送至市委办公室秘书科和市政府办公室秘书科。",
    "特此通知。",
]


def test_a_short_notice_on_a_government_portal_is_kept_whole_without_the_portals_furniture():
    cleaned = clean_page(FIXTURES / "gov_short_notice.html")
    assert cleaned.paragraphs_zh == NOTICE
    assert (cleaned.metadata.title_zh, cleaned.metadata.date) == ("关于2012年清明节放假安排的通知", "2012-03-26")
    assert cleaned.metadata.publisher_zh == "市政府办公室"
    assert cleaned.warnings == []


def test_cms_comments_inside_a_line_do_not_reach_the_text():
    """<!--<$[信息来源]>begin-->省发改委<!--<$[信息来源]>end-->: the publisher, not the CMS's markers."""
    article = read_article(InputRef(display="notice", path=FIXTURES / "gov_zj_fgw_notice.html"))
    cleaned = clean_article(article)
    assert "<$[" not in article.text
    assert cleaned.metadata.publisher_zh == "省发改委"
    assert len(cleaned.paragraphs_zh) == 1 and cleaned.paragraphs_zh[0].startswith("1-10月，全县固定资产投资完成246.79亿元")


NAVIGATION = "发展改革工作\n战略规划和区域发展\n经济运行和社会发展\n改革开放和营商环境\n政务公开\n动态资讯\n机构职能"


def extractor_returning(monkeypatch, extracted: str | None) -> None:
    """The extractor as it behaved on short notices: its body the navigation (then "no Chinese text
    found"), or nothing; its metadata its own."""
    import trafilatura

    real_extraction = trafilatura.bare_extraction

    def navigation_extraction(*args, **kwargs):
        document = real_extraction(*args, **kwargs)
        if extracted is None:
            return None
        document.text = extracted
        return document

    monkeypatch.setattr(trafilatura, "bare_extraction", navigation_extraction)


def notice_page(tmp_path: Path, old: str, new: str) -> Path:
    page = tmp_path / "notice.html"
    page.write_text((FIXTURES / "gov_short_notice.html").read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return page


@pytest.mark.parametrize(
    "extracted",
    [
        pytest.param(NAVIGATION, id="the navigation"),
        pytest.param("3185\n/col/col1599522/index.html\n/col/col1620985/index.html", id="no Chinese at all"),
        pytest.param(None, id="nothing"),
    ],
)
def test_when_the_extractor_takes_the_navigation_for_the_article_the_block_under_the_headline_is_the_body(
    monkeypatch, extracted
):
    extractor_returning(monkeypatch, extracted)
    cleaned = clean_page(FIXTURES / "gov_short_notice.html")
    assert cleaned.paragraphs_zh == NOTICE
    assert cleaned.metadata.title_zh == "关于2012年清明节放假安排的通知"
    assert any("headline" in warning for warning in cleaned.warnings)


TITLE_PARAGRAPH = "关于2012年清明节放假安排的通知<!--<$[标题]>end--></p>"


def test_a_headline_split_by_inline_markup_still_leads_to_the_body(monkeypatch, tmp_path):
    extractor_returning(monkeypatch, NAVIGATION)
    page = notice_page(tmp_path, TITLE_PARAGRAPH, "关于<span>2012年</span>清明节放假安排的通知</p>")
    cleaned = clean_page(page)
    assert cleaned.paragraphs_zh == NOTICE
    assert any("headline" in warning for warning in cleaned.warnings)


@pytest.mark.parametrize("extracted", [pytest.param(NAVIGATION, id="the navigation"), pytest.param(None, id="nothing")])
def test_without_the_headline_in_the_page_the_block_with_the_most_running_text_is_the_body(monkeypatch, tmp_path, extracted):
    """The title paragraph gone (as on a page showing it as an image): the block holding the most
    text with full stops is the article."""
    extractor_returning(monkeypatch, extracted)
    page = notice_page(tmp_path, TITLE_PARAGRAPH, "</p>")
    cleaned = clean_page(page)
    assert cleaned.paragraphs_zh == NOTICE
    assert any("most running text" in warning for warning in cleaned.warnings)

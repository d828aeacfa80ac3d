"""Which currency an amount in 元 is in: named beside it, else the article's region's (Hong Kong
dollars in a Hong Kong story, New Taiwan dollars in a Taiwan one, yuan in mainland copy)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.clean import clean_article
from pipeline.facts import extract_facts, find_figures
from pipeline.facts.money import article_currency
from pipeline.ingest import read_article
from pipeline.records import InputRef


@pytest.mark.parametrize(
    ("sentence", "text_zh", "value", "text_en"),
    [
        ("台积电第三季营收新台币4500亿元。", "新台币4500亿元", "450000000000", "450 billion New Taiwan dollars"),
        ("票价为台币350元。", "台币350元", "350", "350 New Taiwan dollars"),
        ("每人可获港币5000元。", "港币5000元", "5000", "5,000 Hong Kong dollars"),
        ("每人可获5000元港币。", "5000元港币", "5000", "5,000 Hong Kong dollars"),
        ("出口额为3600亿元人民币。", "3600亿元人民币", "360000000000", "360 billion yuan"),
        ("每名居民获发1万澳门元。", "1万澳门元", "10000", "10,000 patacas"),
        ("股东获派美金3.5亿元。", "美金3.5亿元", "350000000", "350 million US dollars"),
        # A qualifier before the currency's name is the figure's: "over", "about".
        ("农业损失逾新台币3亿元。", "逾新台币3亿元", "300000000", "over 300 million New Taiwan dollars"),
        ("价值约合人民币25亿元。", "约合人民币25亿元", "2500000000", "about 2.5 billion yuan"),
        # 达 stays the sentence's verb.
        ("营收达新台币4500亿元。", "新台币4500亿元", "450000000000", "450 billion New Taiwan dollars"),
    ],
)
def test_a_currency_named_beside_the_amount_is_its_currency(sentence, text_zh, value, text_en):
    # Even in a Hong Kong story: the name beside the amount wins over the region.
    (figure,) = find_figures(sentence, "港元")
    assert (figure.text_zh, figure.value, figure.text_en) == (text_zh, Decimal(value), text_en)
    assert sentence[figure.start : figure.end] == text_zh


@pytest.mark.parametrize(
    ("bare_yuan", "text_en"),
    [("元", "5,000 yuan"), ("港元", "5,000 Hong Kong dollars"), ("新台币", "5,000 New Taiwan dollars")],
)
def test_a_bare_yuan_is_the_currency_of_the_articles_region(bare_yuan, text_en):
    (figure,) = find_figures("政府将向每名合资格市民派发5000元消费券。", bare_yuan)
    assert (figure.text_zh, figure.text_en) == ("5000元", text_en)


@pytest.mark.parametrize(
    ("url", "currency"),
    [
        ("https://news.ltn.com.tw/news/politics/breakingnews/1", "新台币"),
        ("https://hk.news.appledaily.com/local/daily/article/20180918/20502187", "港元"),
        ("https://tw.news.yahoo.com/some-story.html", "新台币"),
        ("std.stheadline.com.hk/daily/news-content.php?id=1", "港元"),
        ("https://www.macaodaily.com.mo/html/2024-01/01/content_1.htm", "澳门元"),
        ("http://www.xinhuanet.com.cn/politics/2024-11/05/c_1.htm", "元"),
    ],
)
def test_the_sites_domain_names_the_region(url, currency):
    assert article_currency(url, "traditional", "") == currency


@pytest.mark.parametrize(
    ("script", "text", "currency"),
    [
        ("traditional", "港府今日公布，全港市民可在九龙及新界的诊所接种。", "港元"),
        ("traditional", "行政院今天通过预算，台北市与高雄市各获补助。", "新台币"),
        ("traditional", "澳门特区政府宣布，本澳居民可获补贴。", "澳门元"),
        # A mainland report on Hong Kong is in Simplified and names its currency when it means it.
        ("simplified", "香港特区政府今日公布，全港市民可在九龙及新界的诊所接种。", "元"),
        # Nothing places the story, or two regions weigh the same: yuan, as written.
        ("traditional", "公司今天公布业绩，营收增长。", "元"),
        ("traditional", "香港与台湾两地的业者今天签约。", "元"),
    ],
)
def test_a_story_in_traditional_script_is_placed_by_its_words(script, text, currency):
    assert article_currency(None, script, text) == currency


@pytest.mark.parametrize(("script", "fine"), [("simplified", "35万1000元"), ("keep", "35萬1000元")])
def test_a_taiwan_story_through_the_real_stages_says_new_taiwan_dollars(tmp_path, script, fine):
    """Kept in Traditional, the text is read through its Simplified reading: 35萬1000元 was 1,000."""
    page = tmp_path / "bus.txt"
    page.write_text(
        "國光客運推出新路線\n\n國光客運今天在台北轉運站發出2500份價值1200元的福袋，"
        "內含住宿折價券與2張50元乘車抵用券。交通部公路總局表示，違規班車共罰35萬1000元。\n",
        encoding="utf-8",
    )
    article = clean_article(read_article(InputRef(display=str(page), path=page)), script)
    facts = extract_facts(article, None)
    assert facts.currency == "新台币"
    assert [(f.text_zh, f.text_en) for f in facts.figures if f.unit_zh == "新台币"] == [
        ("1200元", "1,200 New Taiwan dollars"),
        ("50元", "50 New Taiwan dollars"),
        (fine, "351,000 New Taiwan dollars"),
    ]

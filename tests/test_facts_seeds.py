"""The facts of the five real scraped articles in seeds/, read and cleaned by the earlier stages."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from pipeline.clean import clean_article
from pipeline.facts import extract_facts, find_programmes
from pipeline.ingest import expand_inputs, read_article
from pipeline.records import Facts

SEEDS = Path(__file__).parent.parent / "seeds"


@cache
def seed_facts() -> dict[str, Facts]:
    articles = [clean_article(read_article(ref)) for ref in expand_inputs([str(SEEDS)])]
    return {article.id[:3]: extract_facts(article, key_figures=None) for article in articles}


# (seed, text_zh, value, text_en)
SEED_FIGURES = [
    ("000", "近2400万元", "24000000", "nearly 24 million yuan"),
    ("000", "45.14万人", "451400", "451,400 people"),
    ("000", "2.1万人次", "21000", "21,000 person-times"),
    ("000", "3600余人", "3600", "more than 3,600 people"),
    ("000", "45%", "45", "45%"),
    ("001", "959万人", "9590000", "9.59 million people"),
    ("001", "293万人", "2930000", "2.93 million people"),
    ("001", "30.6%", "30.6", "30.6%"),
    ("001", "257.2亿元", "25720000000", "25.72 billion yuan"),
    ("001", "5.7万余名", "57000", "more than 57,000 people"),
    ("001", "480万人次", "4800000", "4.8 million person-times"),
    ("001", "100万元以上", "1000000", "1 million yuan or more"),
    ("001", "26年", "26", "26 years"),
    ("002", "4000-6000元", "4000", "4,000–6,000 yuan"),
    ("002", "5.4万人（次）", "54000", "54,000 person-times"),
    ("002", "超过8%", "8", "over 8%"),
    ("002", "1100万元", "11000000", "11 million yuan"),
    ("002", "10.5万元", "105000", "105,000 yuan"),
    ("003", "298.8万人次", "2988000", "2.988 million person-times"),
    ("003", "5000元至2万元", "5000", "5,000–20,000 yuan"),
    ("003", "115.4亿元", "11540000000", "11.54 billion yuan"),
    ("003", "超20万名", "200000", "over 200,000 people"),
    ("003", "40余万人", "400000", "more than 400,000 people"),
    ("004", "近570万", "5700000", "nearly 5.7 million"),
    ("004", "13.1万人次", "131000", "131,000 person-times"),
    ("004", "220万余名", "2200000", "more than 2.2 million people"),
    ("004", "1000万元", "10000000", "10 million yuan"),
]

# Things in the seeds that look like numbers but are not figures.
SEED_NON_FIGURES = {
    "000": ["2024", "15条", "12条", "第六届", "7月", "8月29日", "一批"],
    "001": ["2023年", "2018年", "1+X", "五大行动", "四维"],
    "002": ["010-84151598", "2024-11-05", "2+4", "五项", "2025年", "第二批"],
    "003": ["010-84151598", "第十五届", "第七届", "1+6+N", "2023年", "5年来"],
    "004": ["33618", "4技", "1+N", "2024年", "一带一路", "一支"],
}

SEED_PROGRAMMES = {
    "000": ["五年行动", "武当人才卡", "工匠杯", "新八级", "一主四优多支撑产业人才培养实施方案"],
    "001": [
        "五大行动", "工友杯", "鄂有绝活", "1+X证书制度", "新八级", "关于大力弘扬劳模精神劳动精神工匠精神的决定",
        "关于提高技术工人待遇的实施意见",  # named without 《》 after 出台
    ],
    # The union's seasonal campaigns, each quoted once and followed by what it delivered.
    "002": ["2+4现代化产业人才培育工程实施方案", "五项赋能", "新八级", "春送岗位", "夏送清凉", "金秋助学", "冬送温暖"],
    "003": ["工匠杯", "包头市打造工匠之都实施方案", "包头市工会会员卡", "温暖来包路"],
    "004": ["劳模工匠助企行", "最美产业工人", "33618现代制造业集群体系", "4技5小2比", "1+N制度措施体系"],
}
SEED_NOT_PROGRAMMES = ["天花板", "快车道", "香饽饽", "一池春水", "金字招牌", "满起来", "咱们工人有力量", "五一"]


@pytest.mark.parametrize(("seed", "text_zh", "value", "text_en"), SEED_FIGURES)
def test_seed_figure_is_found_exactly(seed, text_zh, value, text_en):
    matches = [f for f in seed_facts()[seed].figures if f.text_zh == text_zh]
    assert matches, f"{text_zh} not found"
    assert (matches[0].value, matches[0].text_en) == (Decimal(value), text_en)


@pytest.mark.parametrize("seed", sorted(SEED_NON_FIGURES))
def test_seed_dates_phones_and_coded_names_are_not_figures(seed):
    figures = [f.text_zh for f in seed_facts()[seed].figures]
    assert [text for text in SEED_NON_FIGURES[seed] if any(text in figure for figure in figures)] == []


@pytest.mark.parametrize("seed", sorted(SEED_PROGRAMMES))
def test_seed_programmes_are_found(seed):
    names = [p.name_zh for p in seed_facts()[seed].programmes]
    assert [name for name in SEED_PROGRAMMES[seed] if name not in names] == []
    assert [name for name in SEED_NOT_PROGRAMMES if name in names] == []


def test_seed_000_caption_programmes_are_found_in_the_raw_text():
    """京堰劳模工匠助企行 and 劳模工匠号 are named only in photo captions, which cleaning may drop."""
    (ref,) = expand_inputs([str(SEEDS / "000_b7a6837eb00bd7b9.txt")])
    names = [p.name_zh for p in find_programmes(read_article(ref).text)]
    assert {"京堰劳模工匠助企行", "劳模工匠号"} <= set(names)


def test_seed_key_figures_hold_the_headline_numbers():
    articles = {article.id[:3]: article for article in map(clean_article, map(read_article, expand_inputs([str(SEEDS)])))}
    key = {seed: [f.text_zh for f in extract_facts(article).key_figures] for seed, article in articles.items()}
    assert {"959万人", "257.2亿元"} <= set(key["001"])
    assert "近2400万元" in key["000"]
    assert "近570万" in key["004"]
    assert all(len(figures) == 8 for figures in key.values())

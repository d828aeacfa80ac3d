"""The five real scraped articles in seeds/ come out clean."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipeline.clean import clean_article
from pipeline.ingest import expand_inputs, read_article
from pipeline.records import CleanArticle

SEEDS = Path(__file__).parent.parent / "seeds"
TRADITIONAL_ONLY = "現發產業設讓對廣實會國"  # not 覆: it is Simplified too (覆盖)
FURNITURE = ("您现在的位置", "点击量", "Copyright", "举报电话", "扫码关注", "媒体矩阵", "往期回顾", "查看更多", " 摄", "客户端")


@cache
def cleaned() -> dict[str, CleanArticle]:
    articles = [clean_article(read_article(ref)) for ref in expand_inputs([str(SEEDS)])]
    return {article.id[:3]: article for article in articles}


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_seed_body_is_simplified_without_pinyin_furniture_or_repeats(seed):
    article = cleaned()[seed]
    text = article.metadata.title_zh + "\n" + article.text_zh
    assert not set(TRADITIONAL_ONLY) & set(text)
    assert "(xiàn)" not in text and "ǎ" not in text
    assert [marker for marker in FURNITURE if marker in text] == []
    assert len(set(article.paragraphs_zh)) == len(article.paragraphs_zh)
    assert all(paragraph.strip() == paragraph and paragraph for paragraph in article.paragraphs_zh)


@pytest.mark.parametrize(
    ("seed", "title", "date", "publisher", "authors", "editor"),
    [
        ("000", "淬才强技 筑梦车城", None, None, ["刘俊", "谢朝华", "张晓宁"], None),
        ("001", "959万技能人才成制造强省有力支撑", "2023-11-28", "工人日报-中工网", ["张翀", "徐蓉", "陈凯"], "李方"),
        ("002", "甘肃金昌：“五项赋能”产业工人队伍建设“提速蝶变”", "2024-11-05", "中工网", ["王黎奎"], "尹文卓"),
        ("003", "开展“产改”互评考核 培育创新工作室联盟", None, None, [], None),
        ("004", "由“工”变“匠”强磁场 重庆加快培养现代化产业工人大军", "2024-09-27", "华龙网", [], "付弋"),
    ],
)
def test_seed_metadata(seed, title, date, publisher, authors, editor):
    metadata = cleaned()[seed].metadata
    assert (metadata.title_zh, metadata.date, metadata.publisher_zh, metadata.authors, metadata.editor) == (
        title,
        date,
        publisher,
        authors,
        editor,
    )


def test_seed_000_loses_its_repeats_fragments_and_captions_but_keeps_subheadings():
    article = cleaned()["000"]
    paragraphs = article.paragraphs_zh
    assert not any(p.startswith(("“三个精神”", "6个，创新建设")) for p in paragraphs)
    assert sum(p.startswith("——持续营造近悦远来") for p in paragraphs) == 1
    assert "开通“劳模工匠号”公交车。" not in paragraphs
    assert not any("（左三）" in p for p in paragraphs)
    assert "创新培育机制" in paragraphs and "照亮职工技能成才之路" in paragraphs
    assert paragraphs[-1].startswith("——持续营造近悦远来的人才发展环境")
    assert sum(w.startswith("dropped") for w in article.warnings) == 10
    assert "——市总工会建设一流产业技术工人队伍巡礼" not in paragraphs


def test_seed_001_is_traditional_its_garbled_span_is_a_marked_gap_and_its_title_block_removed():
    article = cleaned()["001"]
    assert article.source.script == "traditional"
    assert article.warnings == ["dropped garbled text '?!焙\\ue478笔】偣\\ue63a\\ue4c3h'"]
    assert article.paragraphs_zh[0].startswith("扎根起重作业26年，吊装千吨不差毫厘")
    assert "湖北创新探索永远在路上[…]组书记、常务副主席陈惠霞表示" in article.paragraphs_zh[-1]
    assert article.damaged_paragraphs == [len(article.paragraphs_zh) - 1]
    assert not any("引题" in p or "主题" in p or "原标题" in p for p in article.paragraphs_zh)


@pytest.mark.parametrize("seed", ["000", "002", "003", "004"])
def test_garbled_text_detector_leaves_the_clean_seeds_untouched(seed):
    article = cleaned()[seed]
    assert article.damaged_paragraphs == []
    assert not any("garbled" in warning for warning in article.warnings)


def test_seed_004_photo_captions_and_footer_are_gone():
    paragraphs = cleaned()["004"].paragraphs_zh
    assert "重庆已打造10个工匠学院。" not in "".join(paragraphs)
    assert paragraphs[-1].startswith("学无止境，行以致远。")
    assert "政策引领" in paragraphs

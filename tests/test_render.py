"""Markdown digests and the briefing, rendered from records made by the real stages."""

from __future__ import annotations

import re

import pytest
from digest_examples import example_names, record, stage_outputs, untranslated

from pipeline.assemble import build_digest
from pipeline.render import (
    AnchorRegistry,
    briefing_order,
    code_span,
    english_date,
    escape_markdown,
    escape_paragraph,
    figure_clause,
    github_anchor,
    programme_entries,
    render_briefing,
    render_digest,
)


def untranslated_record() -> dict:
    clean, facts, summary, _ = stage_outputs()
    reason = "translation model Helsinki-NLP/opus-mt-zh-en is not installed; run `digest models pull`"
    return build_digest(clean, facts, summary, untranslated(reason), example_names()).to_dict()


def dated(date: str | None, headline: str) -> dict:
    result = record(headline_en=headline)
    result["metadata"]["date"] = date
    return result


def test_digest_markdown_of_a_translated_article():
    assert render_digest(record()) == (
        "# Baotou workers' innovations save 11.54 billion yuan\n"
        "\n"
        "*Workercn.cn · 5 November 2024*\n"
        "\n"
        "Baotou City was named Inner Mongolia Autonomous Region's Comprehensive Demonstration Zone for Worker Innovation."
        " The 267 innovations created value and saved 11.54 billion yuan for companies.\n"
        "\n"
        "**Key figures**\n"
        "\n"
        "- **267**: The 267 innovations created value and saved 11.54 billion yuan for companies.[^1]\n"
        "- **11.54 billion yuan**: The 267 innovations created value and saved 11.54 billion yuan for companies.[^2]\n"
        "\n"
        "**Programmes**\n"
        "\n"
        "- Comprehensive Demonstration Zone for Worker Innovation (职工创新综合示范区)\n"
        "\n"
        "**People and places**\n"
        "\n"
        # 包头 is said by 包头市, the longer place that holds it.
        "- Places: Baotou City, Inner Mongolia Autonomous Region\n"
        "\n"
        "Source: `seeds/003_d16ddb3ccda383f4.txt`\n"
        "\n"
        "[^1]: Chinese source: 申报的267项创新成果累计为企业创造价值、节约资金115.4亿元。\n"
        "[^2]: Chinese source: 申报的267项创新成果累计为企业创造价值、节约资金115.4亿元。\n"
    )


NOTICE = (
    "> English here is made by rule (figures, names, glossary terms); the rest is in Chinese: translation model"
    " Helsinki-NLP/opus-mt-zh-en is not installed; run \\`digest models pull\\`.\n"
)


def test_untranslated_digest_opens_with_why_and_says_it_once():
    """With no model English at all, the notice says so once; the Chinese stands without a mark."""
    markdown = render_digest(untranslated_record())
    assert markdown.startswith(f"# 包头职工创新成果节约资金115.4亿元\n\n{NOTICE}\n*Workercn.cn · 5 November 2024*\n")
    assert "- **11.54 billion yuan**: 申报的267项创新成果累计为企业创造价值、节约资金115.4亿元[^2]\n" in markdown
    assert "[^2]: Chinese source: 申报的267项创新成果累计为企业创造价值、节约资金115.4亿元。\n" in markdown
    assert "- 职工创新综合示范区\n" in markdown
    # Names have English without a model.
    assert "- Places: Baotou City, Inner Mongolia Autonomous Region\n" in markdown
    assert markdown.count("not installed") == 1 and "**Untranslated:**" not in markdown
    assert "untranslated" not in markdown.lower().replace("notice", "")


def test_a_part_left_in_chinese_beside_english_is_marked():
    """Where the article has model English but one field has none, that field is marked and its reason noticed."""
    partial = record()
    partial["key_figures"][1]["context_en"] = None
    partial["untranslated"] = {"key_figures[1].context_en": "the model returned no translation for this sentence"}
    markdown = render_digest(partial)
    assert markdown.startswith("# Baotou workers' innovations save 11.54 billion yuan\n")
    assert "- **11.54 billion yuan**: 申报的267项创新成果累计为企业创造价值、节约资金115.4亿元 (untranslated)[^2]\n" in markdown
    assert "> **Untranslated:** 1 part shown in Chinese: the model returned no translation for this sentence.\n" in markdown
    assert markdown.count("(untranslated)") == 1


def test_programmes_with_the_same_english_are_listed_once_with_both_chinese_names():
    def programme(name_zh, name_en):
        return {"name_zh": name_zh, "name_en": name_en, "context_zh": "", "context_en": None}

    programmes = [
        programme("产业工人队伍建设改革", "industrial workforce reform"),
        programme("工友杯", None),
        programme("产改", "Industrial workforce reform"),
        programme("鄂有绝活", None),
    ]
    assert programme_entries({"programmes": programmes}) == [
        ("industrial workforce reform", ["产业工人队伍建设改革", "产改"]),
        (None, ["工友杯"]),
        (None, ["鄂有绝活"]),
    ]


@pytest.mark.parametrize(
    ("context_zh", "text_zh", "clause"),
    [
        ("目前，湖北省技能人才总量达959万人，高技能人才达293万人。", "293万人", "高技能人才达293万人"),
        ("目前，湖北省技能人才总量达959万人，高技能人才达293万人。", "959万人", "湖北省技能人才总量达959万人"),
        ("发放慰问金1100万元、帮扶资金810万元。", "810万元", "发放慰问金1100万元、帮扶资金810万元"),
        ("没有这个数字的句子。", "5万人", "没有这个数字的句子。"),
    ],
)
def test_figure_clause_says_what_the_figure_counts(context_zh, text_zh, clause):
    assert figure_clause({"context_zh": context_zh, "text_zh": text_zh}) == clause


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("Output rose *15%* [est.]", "Output rose \\*15%\\* \\[est.\\]"),
        ("snake_case stays _but this_ is escaped", "snake_case stays \\_but this\\_ is escaped"),
        ("two\n\nparagraphs  joined", "two paragraphs joined"),
        ("<script> | pipe", "\\<script\\> \\| pipe"),
        ("金昌市投入500万元", "金昌市投入500万元"),
    ],
)
def test_escape_markdown(text, markdown):
    assert escape_markdown(text) == markdown


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("# 1 priority", "\\# 1 priority"),
        ("2024. A year of growth", "2024\\. A year of growth"),
        ("- not a list", "\\- not a list"),
        ("11.54 billion yuan", "11.54 billion yuan"),
        ("-5% growth", "-5% growth"),
        ("#1 priority", "#1 priority"),
    ],
)
def test_escape_paragraph_keeps_text_out_of_block_syntax(text, markdown):
    assert escape_paragraph(text) == markdown


def test_code_span_fences_backticks():
    assert code_span("seeds/a.txt") == "`seeds/a.txt`"
    assert code_span("odd`name.txt") == "``odd`name.txt``"


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Baotou workers' innovations save 11.54 billion yuan", "baotou-workers-innovations-save-1154-billion-yuan"),
        ("包头职工创新成果节约资金115.4亿元", "包头职工创新成果节约资金1154亿元"),
        ("C++ & Rust: a_b", "c--rust-a_b"),
        ("Ünïcode Café", "ünïcode-café"),
    ],
)
def test_github_anchor(heading, anchor):
    assert github_anchor(heading) == anchor


def test_repeated_headings_are_numbered_like_github():
    anchors = AnchorRegistry()
    assert [anchors.add(text) for text in ["News", "News", "News 1", "News"]] == ["news", "news-1", "news-1-1", "news-2"]


def test_english_date():
    assert english_date("2024-03-08") == "8 March 2024"
    assert english_date(None) == ""


def test_briefing_order_is_newest_first_and_undated_last():
    records = [dated(None, "A"), dated("2024-05-01", "B"), dated("2024-11-05", "C"), dated("2024-05-01", "D")]
    assert [r["headline_en"] for r in briefing_order(records)] == ["C", "B", "D", "A"]


def test_briefing_contents_link_to_each_section():
    records = [dated("2024-05-01", "Jobs fair"), untranslated_record(), dated(None, "Jobs fair")]
    markdown = render_briefing(records)
    assert markdown.startswith(f"# News briefing\n\n3 articles, 1 May 2024 to 5 November 2024 (1 undated).\n\n{NOTICE}\n## Contents\n\n")
    # Said once for the briefing, not again in the article's section.
    assert markdown.count("not installed") == 1
    contents = re.findall(r"^\d+\. \[(.+)\]\(#(.+?)\)", markdown, flags=re.MULTILINE)
    assert contents == [
        ("包头职工创新成果节约资金115.4亿元", "包头职工创新成果节约资金1154亿元"),
        ("Jobs fair", "jobs-fair"),
        ("Jobs fair", "jobs-fair-1"),
    ]
    headings = re.findall(r"^## (.+)$", markdown, flags=re.MULTILINE)
    assert headings == ["Contents"] + [title for title, _ in contents]


def test_briefing_footnotes_are_unique_per_article():
    markdown = render_briefing([record(), record()])
    assert re.findall(r"^\[\^([\w-]+)\]:", markdown, flags=re.MULTILINE) == ["1-1", "1-2", "2-1", "2-2"]
    assert markdown.count("[^1-1]") == 2 and markdown.count("[^2-2]") == 2


def test_briefing_section_is_the_digest_one_level_down():
    single = render_digest(record())
    section = render_briefing([record()]).split("---\n\n", 1)[1]
    assert section == "#" + single.replace("[^1]", "[^1-1]").replace("[^2]", "[^1-2]")

"""extract_facts (key-figure ranking, offsets into the cleaned text) and the `digest facts` command."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.facts import extract_facts
from pipeline.facts.listing import facts_as_text
from pipeline.records import CleanArticle, Metadata, Source
from pipeline.text import GAP_MARK, is_damaged

PARAGRAPHS = [
    "目前，湖北省技能人才总量达959万人，高技能人才达293万人，高技能人才占技能劳动者总量的30.6%，高于全国平均水平。",
    "我市6人获评“全国技术能手”，1人获评“湖北工匠”，2人获评“荆楚工匠”。",
    "省级财政2018年以来累计拨付各类资金257.2亿元，用于职业教育。",
    "推行“1+X”证书制度，组织职业培训项目759个。",
]


def make_article(paragraphs: list[str], title: str = "959万技能人才成制造强省有力支撑") -> CleanArticle:
    return CleanArticle(
        id="sample",
        source=Source(path="sample.txt", sha256="0" * 64, encoding="utf-8", script="simplified"),
        metadata=Metadata(title_zh=title),
        paragraphs_zh=paragraphs,
    )


def test_offsets_index_into_the_joined_paragraphs():
    article = make_article(PARAGRAPHS)
    facts = extract_facts(article, None)
    for figure in facts.figures:
        assert article.text_zh[figure.start : figure.end] == figure.text_zh
        assert figure.text_zh in figure.context_zh


def test_key_figures_prefer_title_totals_and_money_over_tiny_counts():
    facts = extract_facts(make_article(PARAGRAPHS), key_figures=4)
    assert [f.text_zh for f in facts.key_figures] == ["959万人", "293万人", "30.6%", "257.2亿元"]


def test_key_figures_are_in_text_order_and_none_means_all():
    facts = extract_facts(make_article(PARAGRAPHS), key_figures=None)
    assert facts.key_figures == facts.figures
    assert [f.start for f in facts.key_figures] == sorted(f.start for f in facts.key_figures)


def test_key_figures_spread_over_sentences_rather_than_one_enumeration():
    paragraphs = [
        "全市工会发放慰问金1100万元、帮扶资金810万元、助学金500万元。",
        "全市签订工资集体合同836份，覆盖职工9万人。",
    ]
    facts = extract_facts(make_article(paragraphs, title="工会服务职工"), key_figures=3)
    assert [f.text_zh for f in facts.key_figures] == ["1100万元", "810万元", "836份"]


def test_figures_about_the_title_subject_rank_first():
    paragraphs = ["今年新建职工书屋35个，高技能人才新增1200人，开展文艺演出48场。"]
    facts = extract_facts(make_article(paragraphs, title="高技能人才队伍不断壮大"), key_figures=1)
    assert [f.text_zh for f in facts.key_figures] == ["1200人"]


def test_tiny_counts_rank_last():
    facts = extract_facts(make_article(PARAGRAPHS), key_figures=None)
    lowest = sorted(facts.figures, key=lambda f: f.score)[:2]
    assert {f.text_zh for f in lowest} == {"1人", "2人"}


def test_a_bare_tiny_count_is_never_a_key_figure():
    """两次 would show as "2": no noun, no news. 两人 ("2 people") still may be chosen."""
    paragraphs = ["今年以来共举办交流活动35场，其中两次在北京举行，两人获得表彰。"]
    facts = extract_facts(make_article(paragraphs, title="交流活动成果丰硕"), key_figures=8)
    assert [f.text_zh for f in facts.figures] == ["35场", "两次", "两人"]
    assert [f.text_zh for f in facts.key_figures] == ["35场", "两人"]


def test_a_quantity_said_again_in_other_sentences_is_one_key_figure():
    paragraphs = [
        "军公教18%优存利率可望调降为9%。",
        "民进党主张将18%逐步调整，所得替代率设定在60%到70%。",
        "18%也并入此所得替代率计算，约有8成受访者表示支持。",
    ]
    facts = extract_facts(make_article(paragraphs, title="18%优存调降"), key_figures=8)
    assert [f.text_en for f in facts.key_figures] == ["18%", "9%", "60–70%", "about 80%"]


def test_a_figure_repeated_in_a_repeated_paragraph_is_one_key_figure():
    paragraph = "累计培训2.1万人次，挽回经济损失近2400万元。"
    facts = extract_facts(make_article([paragraph, paragraph]), key_figures=8)
    assert [f.text_zh for f in facts.key_figures] == ["2.1万人次", "近2400万元"]
    assert len(facts.figures) == 4


def test_programmes_come_with_the_figures():
    facts = extract_facts(make_article(PARAGRAPHS))
    assert [p.name_zh for p in facts.programmes] == ["1+X证书制度"]


def test_to_dict_chooses_key_or_all_figures():
    facts = extract_facts(make_article(PARAGRAPHS), key_figures=2)
    assert len(facts.to_dict()["key_figures"]) == 2
    assert len(facts.to_dict(all_figures=True)["key_figures"]) == len(facts.figures) == 8


def write_article(folder, name: str, text: str):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_command_prints_json_per_input_with_all_figures(tmp_path):
    path = write_article(tmp_path, "a.txt", "\n\n".join(PARAGRAPHS))
    result = CliRunner().invoke(app, ["facts", str(path), "--json", "--figures", "all"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    texts = [figure["text_zh"] for figure in record["key_figures"]]
    assert texts[:3] == ["959万人", "293万人", "30.6%"]
    assert record["key_figures"][0]["value"] == 9590000
    assert record["key_figures"][0]["text_en"] == "9.59 million people"


def test_command_text_output_lists_figures_and_programmes(tmp_path):
    path = write_article(tmp_path, "a.txt", "\n\n".join(PARAGRAPHS))
    result = CliRunner().invoke(app, ["facts", str(path)])
    assert result.exit_code == 0, result.output
    assert "257.2亿元 → 25.72 billion yuan" in result.stdout
    assert "1+X证书制度" in result.stdout


def test_command_takes_key_figure_count_from_config_and_writes_files(tmp_path):
    path = write_article(tmp_path, "a.txt", "\n\n".join(PARAGRAPHS))
    config = write_article(tmp_path, "digest.toml", "[facts]\nkey_figures = 2\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["facts", str(path), "--config", str(config), "--out", str(out)])
    assert result.exit_code == 0, result.output
    (written,) = out.glob("*.json")
    assert len(json.loads(written.read_text(encoding="utf-8"))["key_figures"]) == 2


def test_command_reports_a_bad_input_and_goes_on(tmp_path):
    good = write_article(tmp_path, "good.txt", "\n\n".join(PARAGRAPHS))
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(app, ["facts", str(missing), str(good), "--json"])
    assert result.exit_code == 1
    assert f"error: {missing}:" in result.stderr
    assert json.loads(result.stdout)["key_figures"]


def test_command_rejects_a_bad_key_figure_setting_with_exit_2(tmp_path):
    path = write_article(tmp_path, "a.txt", "\n\n".join(PARAGRAPHS))
    config = write_article(tmp_path, "digest.toml", "[facts]\nkey_figures = \"many\"\n")
    result = CliRunner().invoke(app, ["facts", str(path), "--config", str(config)])
    assert result.exit_code == 2
    assert "facts.key_figures" in result.stderr


def test_an_article_without_numbers_or_names_has_no_facts():
    facts = extract_facts(make_article(["技能是产业工人立业之本。"], title="淬才强技 筑梦车城"))
    assert (facts.figures, facts.key_figures, facts.programmes) == ([], [], [])


def test_text_listing_shows_the_title_figures():
    listing = facts_as_text(extract_facts(make_article(PARAGRAPHS)))
    assert "title figures: 959万 → 9.59 million" in listing


def test_title_figures_are_found_once_in_the_title():
    facts = extract_facts(make_article(PARAGRAPHS))
    assert [(f.text_zh, f.text_en) for f in facts.title_figures] == [("959万", "9.59 million")]
    assert facts.title_figures[0].context_zh == "959万技能人才成制造强省有力支撑"
    assert facts.to_dict()["title_figures"][0]["value"] == 9590000


def test_a_figure_only_in_a_damaged_sentence_is_listed_but_never_a_key_figure():
    paragraphs = [
        f"全市累计发放补贴{GAP_MARK}3200万元，惠及职工5万人。",
        "全市签订工资集体合同836份，覆盖职工9万人。",
    ]
    facts = extract_facts(make_article(paragraphs, title="工会服务职工"), key_figures=None)
    assert "3200万元" in [f.text_zh for f in facts.figures]
    assert [f.text_zh for f in facts.key_figures] == ["836份", "9万人"]
    assert not any(is_damaged(f.context_zh) for f in facts.key_figures)


def test_the_articles_own_headline_quoted_in_the_body_is_not_a_programme():
    paragraphs = ["原标题：《关于推进城市更新的实施方案》", "我市印发《关于推进城市更新的实施方案》，明确任务。"]
    facts = extract_facts(make_article(paragraphs, title="关于推进城市更新的实施方案"))
    assert facts.programmes == []

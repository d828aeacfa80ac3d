import re

import pytest

from pipeline.config import load_config
from pipeline.errors import ModelUnavailableError
from pipeline.records import CleanArticle, Metadata, Source
from pipeline.summarise import ExtractiveSummariser, load_summariser
from pipeline.summarise.seq2seq import Seq2SeqSummariser

PARAGRAPHS = [
    "湖北省总工会发布消息，全省技能人才总量达到959万人。",
    "熊桂伟 摄",
    "近年来，湖北省持续深化产业工人队伍建设改革，技能人才队伍不断壮大。",
    "今天天气晴朗，会场外有很多人在排队等候入场。",
    "全省技能人才队伍建设取得明显成效，高技能人才占技能人才总量的30.6%。",
    "近年来，湖北省持续深化产业工人队伍建设改革，技能人才队伍不断壮大。",
]


def article(paragraphs=PARAGRAPHS, title="湖北959万技能人才成制造强省有力支撑") -> CleanArticle:
    return CleanArticle("a1", Source("a1.txt", "0", "utf-8"), Metadata(title_zh=title), list(paragraphs))


def settings_with(**summariser) -> dict:
    return load_config(overrides={"summariser": summariser})


def test_extractive_keeps_the_lead_and_salient_sentences_in_text_order():
    summary = ExtractiveSummariser(settings_with(summary_sentences=2)).summarise(article())
    assert summary.summary_zh == (
        "湖北省总工会发布消息，全省技能人才总量达到959万人。"
        "全省技能人才队伍建设取得明显成效，高技能人才占技能人才总量的30.6%。"
    )
    assert summary.headline_zh == "湖北959万技能人才成制造强省有力支撑"
    assert summary.model.id == "extractive"


def test_extractive_counts_a_repeated_paragraph_once_and_skips_photo_credits():
    summary = ExtractiveSummariser(settings_with(summary_sentences=9)).summarise(article())
    assert summary.summary_zh.count("近年来") == 1
    assert "摄" not in summary.summary_zh
    assert len(re.findall("。", summary.summary_zh)) == 4  # at most 4 sentences


def test_extractive_lead_is_a_sentence_not_a_banner_or_subheading():
    banner = "2024年十堰市庆祝五一国际劳动节歌咏比赛"
    summary = ExtractiveSummariser(settings_with(summary_sentences=2)).summarise(article([banner, *PARAGRAPHS]))
    assert banner not in summary.summary_zh
    assert summary.summary_zh.startswith("湖北省总工会发布消息")


def test_extractive_headline_without_a_title_is_the_most_salient_sentence():
    summary = ExtractiveSummariser(settings_with(summary_sentences=2)).summarise(article(title=""))
    assert summary.headline_zh == "全省技能人才队伍建设取得明显成效，高技能人才占技能人才总量的30.6%。"


def test_missing_summariser_model_error_names_model_and_fix(tmp_path):
    settings = load_config(overrides={"models": {"dir": str(tmp_path)}, "summariser": {"model": "nobody/none"}})
    with pytest.raises(ModelUnavailableError, match=r"'nobody/none'.*digest models pull.*--summariser PATH"):
        load_summariser(settings)


def tiny_summariser_with(settings: dict, max_input_tokens: int) -> Seq2SeqSummariser:
    settings["summariser"].update(max_input_tokens=max_input_tokens)
    settings["summariser"]["generation"].update(num_beams=1, max_new_tokens=8)
    return load_summariser(settings)


@pytest.fixture
def tiny_summariser(tiny_model_settings) -> Seq2SeqSummariser:
    return tiny_summariser_with(tiny_model_settings, max_input_tokens=512)


@pytest.fixture
def short_input_summariser(tiny_model_settings) -> Seq2SeqSummariser:
    """Takes 64 tokens at a time, so a few paragraphs already need two passes."""
    return tiny_summariser_with(tiny_model_settings, max_input_tokens=64)


def test_tiny_model_loads_through_the_real_path(tiny_summariser, tiny_t5_dir):
    summary = tiny_summariser.summarise(article())
    assert all(number in "".join(PARAGRAPHS) for number in re.findall(r"\d+", summary.summary_zh))
    assert isinstance(tiny_summariser, Seq2SeqSummariser)
    assert tiny_summariser.model_info.id == str(tiny_t5_dir)


def test_long_article_is_chunked_without_losing_text(short_input_summariser):
    long_paragraph = "".join(PARAGRAPHS[0] for _ in range(6))
    chunks = short_input_summariser.chunks([long_paragraph, *PARAGRAPHS])
    assert len(chunks) > 1
    assert "".join(chunks).replace("\n", "") == long_paragraph + "".join(PARAGRAPHS)
    for chunk in chunks:
        assert short_input_summariser._prompt_length(chunk) <= 64


def test_long_article_takes_two_passes_within_the_input_limit(short_input_summariser, monkeypatch):
    calls = []
    generate = short_input_summariser._generate

    def recording_generate(task, text):
        calls.append((task, text))
        return generate(task, text)

    monkeypatch.setattr(short_input_summariser, "_generate", recording_generate)
    short_input_summariser.summarise(article())
    chunk_calls = [text for task, text in calls if task == "summary"]
    assert len(chunk_calls) > 2  # each chunk, then the joined chunk summaries
    assert chunk_calls[-1] not in "".join(PARAGRAPHS)


def test_a_summary_sentence_with_an_invented_number_is_dropped(tiny_summariser, monkeypatch):
    outputs = {"summary": "全省技能人才达到959万人。全省投入资金90亿元。", "headline": "湖北技能人才达到959万人"}
    monkeypatch.setattr(tiny_summariser, "_generate", lambda task, text: outputs[task])
    summary = tiny_summariser.summarise(article())
    assert summary.summary_zh == "全省技能人才达到959万人。"
    assert summary.headline_zh == "湖北技能人才达到959万人"
    assert summary.warnings == ["summariser: dropped a sentence stating 90, not in the article"]


@pytest.mark.parametrize("output", ["", "人才人才人才人才人才人才人才人才人才人才人才人才"])
def test_degenerate_model_output_falls_back_to_extractive(tiny_summariser, monkeypatch, output):
    monkeypatch.setattr(tiny_summariser, "_generate", lambda task, text: output)
    summary = tiny_summariser.summarise(article())
    assert summary.model.id == "extractive"
    assert summary.summary_zh.startswith(PARAGRAPHS[0])
    assert summary.warnings[0].endswith("used the extractive summary")


def test_an_unusable_headline_is_replaced_by_the_title(tiny_summariser, monkeypatch):
    outputs = {"summary": "全省技能人才达到959万人。", "headline": "湖北新增技能人才12万人"}
    monkeypatch.setattr(tiny_summariser, "_generate", lambda task, text: outputs[task])
    summary = tiny_summariser.summarise(article())
    assert summary.headline_zh == "湖北959万技能人才成制造强省有力支撑"
    assert summary.warnings == ["summariser: model headline unusable; used the article's own"]

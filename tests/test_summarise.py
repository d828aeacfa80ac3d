import re

import pytest

from pipeline import PROJECT_DIR
from pipeline.errors import ConfigError, ModelUnavailableError
from pipeline.records import CleanArticle, Metadata, Source
from pipeline.settings import ModelsSettings, SummariserGeneration, SummariserSettings
from pipeline.summarise import ExtractiveSummariser, load_summariser
from pipeline.summarise.seq2seq import PromptedSummariser
from pipeline.text import GAP_MARK

PARAGRAPHS = [
    "湖北省总工会发布消息，全省技能人才总量达到959万人。",
    "熊桂伟 摄",
    "近年来，湖北省持续深化产业工人队伍建设改革，技能人才队伍不断壮大。",
    "今天天气晴朗，会场外有很多人在排队等候入场。",
    "全省技能人才队伍建设取得明显成效，高技能人才占技能人才总量的30.6%。",
    "近年来，湖北省持续深化产业工人队伍建设改革，技能人才队伍不断壮大。",
]


def article(
    paragraphs=PARAGRAPHS, title="湖北959万技能人才成制造强省有力支撑"
) -> CleanArticle:
    return CleanArticle(
        "a1", Source("a1.txt", "0", "utf-8"), Metadata(title_zh=title), list(paragraphs)
    )


def settings_with(
    kind="extractive", model="none", generation=None, **summariser
) -> SummariserSettings:
    return SummariserSettings(
        kind=kind,
        model=model,
        prompt_headline=str(PROJECT_DIR / "prompts" / "headline_zh.txt"),
        prompt_summary=str(PROJECT_DIR / "prompts" / "summary_zh.txt"),
        # float32: int8 rounding would change the tiny model's arbitrary output, not test the backend.
        compute_type="float32",
        generation=generation
        or SummariserGeneration(
            num_beams=1, max_new_tokens=8, headline_max_new_tokens=8
        ),
        **summariser,
    )


@pytest.fixture(scope="module")
def models(tmp_path_factory) -> ModelsSettings:
    return ModelsSettings(dir=str(tmp_path_factory.mktemp("models")), threads=1)


def test_extractive_keeps_the_lead_and_salient_sentences_in_text_order():
    summary = ExtractiveSummariser(settings_with(summary_sentences=2)).summarise(
        article()
    )
    assert summary.summary_zh == (
        "湖北省总工会发布消息，全省技能人才总量达到959万人。"
        "全省技能人才队伍建设取得明显成效，高技能人才占技能人才总量的30.6%。"
    )
    assert summary.headline_zh == "湖北959万技能人才成制造强省有力支撑"
    assert summary.model.id == "extractive"


def test_extractive_counts_a_repeated_paragraph_once_and_skips_photo_credits():
    summary = ExtractiveSummariser(settings_with(summary_sentences=9)).summarise(
        article()
    )
    assert summary.summary_zh.count("近年来") == 1
    assert "摄" not in summary.summary_zh
    assert len(re.findall("。", summary.summary_zh)) == 4  # at most 4 sentences


def test_extractive_lead_is_a_sentence_not_a_banner_or_subheading():
    banner = "2024年十堰市庆祝五一国际劳动节歌咏比赛"
    summary = ExtractiveSummariser(settings_with(summary_sentences=2)).summarise(
        article([banner, *PARAGRAPHS])
    )
    assert banner not in summary.summary_zh
    assert summary.summary_zh.startswith("湖北省总工会发布消息")


def test_extractive_headline_without_a_title_is_the_most_salient_sentence():
    summary = ExtractiveSummariser(settings_with(summary_sentences=2)).summarise(
        article(title="")
    )
    assert (
        summary.headline_zh
        == "全省技能人才队伍建设取得明显成效，高技能人才占技能人才总量的30.6%。"
    )


BACKENDS = ["seq2seq", "ctranslate2"]


@pytest.mark.parametrize("kind", BACKENDS)
def test_missing_summariser_model_error_names_model_and_fix(tmp_path, kind):
    models = ModelsSettings(dir=str(tmp_path))
    with pytest.raises(
        ModelUnavailableError,
        match=r"'nobody/none'.*digest models pull.*--summariser PATH",
    ):
        load_summariser(settings_with(kind, "nobody/none"), models)


def tiny_summariser(
    kind: str, model, models, max_input_tokens: int = 512
) -> PromptedSummariser:
    return load_summariser(
        settings_with(kind, str(model), max_input_tokens=max_input_tokens), models
    )


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request, tiny_t5_dir, models) -> PromptedSummariser:
    return tiny_summariser(request.param, tiny_t5_dir, models)


@pytest.fixture(scope="module", params=BACKENDS)
def short_input_summariser(request, tiny_t5_dir, models) -> PromptedSummariser:
    """Takes 64 tokens at a time, so a few paragraphs already do not fit."""
    return tiny_summariser(request.param, tiny_t5_dir, models, max_input_tokens=64)


def test_tiny_model_loads_through_the_real_path(backend, tiny_t5_dir):
    summary = backend.summarise(article())
    assert all(
        number in "".join(PARAGRAPHS)
        for number in re.findall(r"\d+", summary.summary_zh)
    )
    assert backend.model_info.id == str(tiny_t5_dir)


def test_both_backends_generate_alike_greedy(tiny_t5_dir, models):
    transformers, ctranslate2 = (
        tiny_summariser(kind, tiny_t5_dir, models) for kind in BACKENDS
    )
    texts = PARAGRAPHS[:4]
    for task in ("summary", "headline"):
        assert ctranslate2.generate(task, texts) == transformers.generate(task, texts)
    articles = [article(), article(PARAGRAPHS[2:])]
    assert ctranslate2.summarise_many(articles) == transformers.summarise_many(articles)


SCRIPTED = {"summary": "全省技能人才达到959万人。", "headline": "湖北技能人才达到959万人"}


def recorded(summariser, monkeypatch, outputs=SCRIPTED) -> list[tuple[str, list[str]]]:
    """Replaces the model by ``outputs`` (per task); returns the list of calls it will receive."""
    calls = []
    monkeypatch.setattr(summariser, "generate", lambda task, texts: calls.append((task, texts)) or [outputs[task]] * len(texts))
    return calls


def test_an_article_that_fits_is_given_whole(backend):
    assert backend.model_input(article()) == "\n".join(PARAGRAPHS)


def test_a_long_article_is_one_pass_over_its_most_salient_whole_sentences(
    short_input_summariser, monkeypatch
):
    calls = recorded(short_input_summariser, monkeypatch)
    short_input_summariser.summarise(article())
    assert calls == [("summary", [calls[0][1][0]]), ("headline", [SCRIPTED["summary"]])]
    [given] = calls[0][1]
    assert short_input_summariser.fits(given) and not short_input_summariser.fits(
        "\n".join(PARAGRAPHS)
    )
    assert given.startswith(
        PARAGRAPHS[0]
    )  # the lead sentence first, then others in text order
    assert given in "".join(
        dict.fromkeys(PARAGRAPHS)
    )  # whole sentences, never a cut one
    assert len(given) > len(PARAGRAPHS[0])


def test_a_damaged_sentence_is_not_chosen_for_a_long_article(short_input_summariser):
    damaged = f"全省技能人才{GAP_MARK}总量达到959万人。"
    given = short_input_summariser.model_input(
        article([PARAGRAPHS[0], damaged, *PARAGRAPHS[2:]])
    )
    assert GAP_MARK not in given and given


def test_articles_are_summarised_in_one_batched_call_per_task(backend, monkeypatch):
    calls = recorded(backend, monkeypatch)
    summaries = backend.summarise_many([article(), article([]), article(PARAGRAPHS[2:])])
    assert [(task, len(texts)) for task, texts in calls] == [("summary", 2), ("headline", 2)]
    assert [s.headline_zh for s in summaries] == [SCRIPTED["headline"], "湖北959万技能人才成制造强省有力支撑", SCRIPTED["headline"]]
    assert summaries[1].warnings == ["article has no sentences to summarise"]


def test_the_headline_is_written_from_the_checked_summary(backend, monkeypatch):
    calls = recorded(backend, monkeypatch, {"summary": "全省技能人才达到959万人。全省投入资金90亿元。", "headline": "湖北人才"})
    summary = backend.summarise(article())
    assert calls[1] == ("headline", ["全省技能人才达到959万人。"])
    assert summary.headline_zh == "湖北人才"


def test_prompts_longer_than_the_input_are_a_config_error(tiny_t5_dir, models):
    with pytest.raises(ConfigError, match="max_input_tokens=16 is too small"):
        tiny_summariser("seq2seq", tiny_t5_dir, models, max_input_tokens=16)


@pytest.mark.parametrize(
    ("outputs", "summary_zh", "headline_zh", "warning"),
    [
        (  # a sentence with a number the article does not state is dropped
            {"summary": "全省技能人才达到959万人。全省投入资金90亿元。", "headline": "湖北技能人才达到959万人"},
            "全省技能人才达到959万人。",
            "湖北技能人才达到959万人",
            "summariser: dropped a sentence stating 90, not in the article",
        ),
        (  # a headline with a number the article does not state is replaced by the title
            {"summary": "全省技能人才达到959万人。", "headline": "湖北新增技能人才12万人"},
            "全省技能人才达到959万人。",
            "湖北959万技能人才成制造强省有力支撑",
            "summariser: model headline unusable; used the article's own",
        ),
    ],
)
def test_model_output_stating_numbers_not_in_the_article_is_not_used(
    backend, monkeypatch, outputs, summary_zh, headline_zh, warning
):
    recorded(backend, monkeypatch, outputs)
    summary = backend.summarise(article())
    assert (summary.summary_zh, summary.headline_zh, summary.warnings) == (summary_zh, headline_zh, [warning])


@pytest.mark.parametrize(
    "output", ["", "人才人才人才人才人才人才人才人才人才人才人才人才"]
)
def test_degenerate_model_output_falls_back_to_extractive(backend, monkeypatch, output):
    recorded(backend, monkeypatch, {"summary": output, "headline": output})
    summary = backend.summarise(article())
    assert summary.model.id == "extractive"
    assert summary.summary_zh.startswith(PARAGRAPHS[0])
    assert summary.warnings[0].endswith("used the extractive summary")


"""`digest eval`: every figure it prints, measured offline on small parallel files with the test
doubles and the tiny models, and its one-line errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from sacrebleu.metrics import BLEU, CHRF
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate import translation
from pipeline.evaluate.summaries import CharacterTokens

# Real news sentences: a figure (90亿元 -> 9 billion yuan), a count with 万 (45.14万人 -> 451,400
# people), names of a person and a place, and a sentence with none of them.
SOURCES = [
    "湖北省今年投入资金90亿元，帮助困难职工45.14万人。",
    "国务院总理李强在北京会见了代表团。",
    "活动将持续到年底。",
]
REFERENCES = [
    "Hubei invested 9 billion yuan this year, helping 451,400 workers in difficulty.",
    "Premier Li Qiang met the delegation in Beijing.",
    "The campaign will last until the end of the year.",
]


@pytest.fixture
def parallel_files(tmp_path: Path) -> tuple[Path, Path]:
    source, reference = tmp_path / "s.zh", tmp_path / "r.en"
    source.write_text("\n".join(SOURCES) + "\n", encoding="utf-8")
    reference.write_text("\n".join(REFERENCES) + "\n", encoding="utf-8")
    return source, reference


def _eval(*args: str):
    return CliRunner().invoke(app, ["eval", *args])


def _translate_json(parallel_files, *translators: str) -> list[dict]:
    source, reference = parallel_files
    flags = [flag for model in translators for flag in ("--translator", model)]
    result = _eval("translate", "--source", str(source), "--reference", str(reference), "--set", 'translator.kind="scripted"', *flags, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_faithful_translator_keeps_every_figure_and_name(parallel_files):
    (report,) = _translate_json(parallel_files, "keep-placeholders")
    assert report["translator"] == "scripted/keep-placeholders"
    assert report["sentences"] == 3
    assert report["number_error_rate"] == 0.0
    # The names stage carries 湖北省 (Hubei Province), 国务院 (State Council), 李强 and 北京.
    assert (report["names"], report["names_kept"]) == (4, 4)
    assert report["placeholder_repairs"] == 0
    assert report["numbers_unverified"] == 0
    assert report["sentences_per_second"] > 0


def test_bleu_and_chrf_are_sacrebleus_scores_of_the_stage_output(parallel_files, tiny_model_settings):
    """The scores are sacrebleu's corpus scores of exactly what the translation stage wrote."""
    from pipeline.core import Pipeline

    pipeline = Pipeline(tiny_model_settings)
    report = translation.evaluate_translation(pipeline, SOURCES, REFERENCES)
    items = [translation._sentence_item(pipeline, index, line) for index, line in enumerate(SOURCES)]
    hypotheses = [check.english for check in translation.translate_sentences(pipeline, items)]
    assert all(hypotheses), hypotheses
    assert report.bleu == round(BLEU().corpus_score(hypotheses, [REFERENCES]).score, 2)
    assert report.chrf == round(CHRF().corpus_score(hypotheses, [REFERENCES]).score, 2)
    assert report.bleu_signature.startswith("nrefs:1|case:mixed|eff:no|tok:13a")
    assert "9 billion yuan" in hypotheses[0] and "451,400" in hypotheses[0]


def test_an_unfaithful_translator_is_caught_and_compared_side_by_side(parallel_files):
    unfaithful, faithful = _translate_json(parallel_files, "unfaithful", "keep-placeholders")
    assert (unfaithful["translator"], faithful["translator"]) == ("scripted/unfaithful", "scripted/keep-placeholders")
    # It writes "90 billion yuan" into every sentence: a number no source has, three times.
    assert unfaithful["numbers_unverified"] == 3
    assert unfaithful["number_error_rate"] == 1.0
    # Sentences 1 and 2 have three placeholders each (湖北省, 90亿元, 45.14万人; 国务院, 李强, 北京):
    # in each the first is dropped, the second duplicated, and W invented; sentence 3 has W invented.
    assert unfaithful["placeholder_repairs"] == 7
    assert faithful["number_error_rate"] == 0.0


def test_the_table_names_each_translator(parallel_files):
    source, reference = parallel_files
    result = _eval("translate", "--source", str(source), "--reference", str(reference), "--set", 'translator.kind="scripted"', "--translator", "garble")
    assert result.exit_code == 0, result.output
    assert "scripted/garble" in result.stdout and "number_error_rate" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--testset", "wmt99"], "unknown zh-en test set 'wmt99' (known: iwslt17"),
        ([], "give either --testset NAME or both --source FILE and --reference FILE"),
    ],
)
def test_usage_errors_are_one_line(args, message):
    result = _eval("translate", *args)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"error: {result.stderr.strip()[7:]}"]
    assert message in result.stderr


def test_a_test_set_that_cannot_be_downloaded_is_one_line(monkeypatch, tmp_path):
    import urllib.error

    def offline(*_args, **_kwargs):
        raise urllib.error.URLError("Name or service not known")

    monkeypatch.setenv("SACREBLEU", str(tmp_path))
    monkeypatch.setattr("sacrebleu.dataset.base.download_file", offline)
    result = _eval("translate", "--testset", "wmt20")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "cannot get test set 'wmt20'" in result.stderr and "internet access" in result.stderr


def test_files_of_different_lengths_are_refused(parallel_files, tmp_path):
    source, _ = parallel_files
    short = tmp_path / "short.en"
    short.write_text(REFERENCES[0] + "\n", encoding="utf-8")
    result = _eval("translate", "--source", str(source), "--reference", str(short), "--set", 'translator.kind="scripted"', "--translator", "garble")
    assert result.exit_code == 2
    assert "error: the source has 3 sentences and the reference 1" in result.stderr


def test_a_missing_translator_is_one_line_without_a_warning_first(parallel_files, tmp_path):
    source, reference = parallel_files
    result = _eval("translate", "--source", str(source), "--reference", str(reference), "--set", f'models.dir="{tmp_path}"')
    assert result.exit_code == 2
    assert result.stderr.startswith("error: translator model 'Helsinki-NLP/opus-mt-zh-en' is not usable on this machine")
    assert len(result.stderr.strip().splitlines()) == 1


ARTICLE = "湖北省总工会今年投入资金90亿元，帮助困难职工45.14万人。活动持续到年底。"


def _pairs_file(tmp_path: Path, *pairs: tuple[str, str]) -> Path:
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps({"article": a, "reference": r}, ensure_ascii=False) + "\n" for a, r in pairs), encoding="utf-8")
    return path


def _summarise_json(data: Path, behaviour: str) -> dict:
    result = _eval("summarise", "--data", str(data), "--set", 'summariser.kind="scripted"', "--set", f'summariser.model="{behaviour}"', "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_rouge_is_on_characters_without_punctuation():
    assert CharacterTokens().tokenize("投入 90亿元，帮助A股。") == list("投入90亿元帮助A股")


def test_a_summary_equal_to_its_reference_scores_100(tmp_path):
    # The "lead" double summarises with the first sentence.
    report = _summarise_json(_pairs_file(tmp_path, (ARTICLE, "湖北省总工会今年投入资金90亿元，帮助困难职工45.14万人。")), "lead")
    assert report["summariser"] == "scripted/lead"
    assert (report["rouge1"], report["rouge2"], report["rougeL"]) == (100.0, 100.0, 100.0)
    assert report["unsupported_number_rate"] == 0.0
    assert report["articles"] == 1 and report["articles_per_second"] > 0


def test_rouge_counts_shared_characters(tmp_path):
    # Summary 湖北省总工会今年投入资金90亿元帮助困难职工4514万人 (28 tokens); the reference 湖北投入90亿元
    # (8 tokens) shares all 8: precision 8/28, recall 1, F1 = 2*8/(28+8) = 44.44.
    report = _summarise_json(_pairs_file(tmp_path, (ARTICLE, "湖北投入90亿元")), "lead")
    assert report["rouge1"] == 44.44


def test_summaries_with_a_number_the_article_lacks_are_counted(tmp_path):
    pairs = _pairs_file(tmp_path, (ARTICLE, "湖北投入90亿元。"), ("北京市今天发布新规。新规涉及垃圾分类。", "北京发布新规。"))
    assert _summarise_json(pairs, "invent-number")["unsupported_number_rate"] == 1.0
    assert _summarise_json(pairs, "lead")["unsupported_number_rate"] == 0.0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"article": "文章"}\n', 'pairs.jsonl:1: each line needs "article" and "reference" strings'),
        ("not json\n", "pairs.jsonl:1: not JSON"),
        ("\n", "pairs.jsonl: no pairs"),
    ],
)
def test_bad_data_files_are_one_line(tmp_path, content, message):
    path = tmp_path / "pairs.jsonl"
    path.write_text(content, encoding="utf-8")
    result = _eval("summarise", "--data", str(path), "--set", 'summariser.kind="scripted"', "--set", 'summariser.model="lead"')
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", [["translate", "--testset", "wmt20"], ["summarise", "--data", "pairs.jsonl"]])
def test_without_the_eval_extra_it_says_how_to_install_it(monkeypatch, command):
    monkeypatch.setitem(sys.modules, "sacrebleu", None)
    result = _eval(*command)
    assert result.exit_code == 2
    assert result.stderr == "error: `digest eval` needs sacrebleu: pip install 'digest[eval]'\n"

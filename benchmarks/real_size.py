"""Speed of summarise + translate at the default models' real size, transformers and CTranslate2 side by side.

    PYTHONPATH=. python benchmarks/real_size.py                 # 5 seeds and a 20-article batch
    PYTHONPATH=. python benchmarks/real_size.py --threads 1 --only ctranslate2 --beams 2
    PYTHONPATH=. python benchmarks/real_size.py --quick           # tiny models, 2 articles (CI)

The real weights are not needed (speed does not depend on weight values): random-weight models of the
exact default architectures are built once into --work (default /tmp/digest-real-size, ~3.5 GB):
- opus-mt-zh-en: its own config and tokenizer from ../shared/models/opus-mt-zh-en;
- mt0-base: mT5-base's published configuration (d_model 768, d_ff 2048, 12+12 layers, 12 heads,
  vocabulary 250,112, gated-gelu, untied output layer) with a stand-in sentencepiece tokenizer trained
  on the seeds and padded to 250,112 pieces. Of the padding, --han-pieces (default 40,000) are made of
  rare Han characters so that restricting the output to Chinese pieces keeps a realistic share of the
  vocabulary (check the real figure with the first line of the converted model's vmap.txt).
Random models do not stop by themselves, so the output lengths are FORCED to realistic ones: summary
exactly 100 new tokens, headline exactly 20, English 1.2 x the Chinese input tokens (+1).
Their output is garbage: the benchmark replaces each generated summary (after generating it) by the
first three sentences of the model's input, so that the checks pass and the headline is generated
from it, and each generated headline by the summary's first 20 characters; the translator translates
those. The work done by the models is that of real weights.

Measured 2026-11-22 on this 2-core machine (load average ~1.5 from other jobs), defaults
(beams 2, restricted vocabulary, one CTranslate2 worker per core): ctranslate2 15.7 articles/min on
the 5 seeds (peak RSS 1.5 GB), 27.5 on the 20-article batch (1.7 GB); transformers 3.0 (3.1 GB).
Wall-clock figures move with the machine's load: the CPU seconds per article are printed too.

Each backend runs in its own process, so its peak RSS is its own. The seeds go through the real
clean and facts stages; the 20-article batch adds the 15 Simplified pages of ../shared/corpus.
Articles per minute count summarise + translate of the whole batch as one window (the summariser's
and the translator's batched calls); model loading is reported apart.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline import PROJECT_DIR

# The tests' builders; imported only where models are built, so that the measuring processes hold
# no more modules than the pipeline does.
sys.path.insert(0, str(PROJECT_DIR / "tests"))
CORPUS_PAGES = PROJECT_DIR.parent / "shared" / "corpus" / "pages"

MT5_BASE = {
    "d_model": 768,
    "d_kv": 64,
    "d_ff": 2048,
    "num_layers": 12,
    "num_decoder_layers": 12,
    "num_heads": 12,
    "relative_attention_num_buckets": 32,
    "feed_forward_proj": "gated-gelu",
    "tie_word_embeddings": False,
    "vocab_size": 250112,
    "pad_token_id": 0,
    "eos_token_id": 1,
    "decoder_start_token_id": 0,
}
SUMMARY_TOKENS = 100
HEADLINE_TOKENS = 20
ENGLISH_PER_CHINESE_TOKEN = 1.2
SEED = 1234
HEADLINE_CHARACTERS = 20
# Folders of --work the models are built into and loaded from.
SUMMARISER_FOLDER = "mt5-base-random"
TRANSLATOR_FOLDER = "opus-mt-zh-en-random"


def build_marian(target: Path) -> Path:
    from tiny_models import SHARED_MARIAN_DIR
    from transformers import MarianConfig, MarianMTModel

    if (target / "model.safetensors").is_file():
        return target
    import torch

    target.mkdir(parents=True, exist_ok=True)
    for name in ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json"):
        shutil.copyfile(SHARED_MARIAN_DIR / name, target / name)
    torch.manual_seed(SEED)
    MarianMTModel(MarianConfig.from_pretrained(SHARED_MARIAN_DIR)).save_pretrained(target)
    return target


def seed_text_lines() -> list[str]:
    return [
        line.strip()
        for path in sorted((PROJECT_DIR / "seeds").glob("*.txt"))
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
        if line.strip()
    ]


def build_mt5_base(target: Path, han_pieces: int) -> Path:
    """Random mT5-base with a stand-in tokenizer of the real vocabulary size."""
    # The tokenizer is saved last: without it the folder is an interrupted build.
    if (target / "tokenizer_config.json").is_file():
        return target
    import torch
    from tiny_models import TRAINING_SENTENCES, sentencepiece_vocabulary
    from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer

    target.mkdir(parents=True, exist_ok=True)
    vocab = sentencepiece_vocabulary(TRAINING_SENTENCES + seed_text_lines(), 8000)
    # Padding pieces that never match news text: three rare Han characters (CJK extension A), or Latin.
    rare_han = [chr(c) for c in range(0x3400, 0x3400 + 64)]
    padding = []
    for i in range(MT5_BASE["vocab_size"] - len(vocab)):
        if i < han_pieces:
            padding.append("".join(rare_han[(i >> shift) % 64] for shift in (0, 6, 12)))
        else:
            padding.append(f"\u2581qz{i}")
    vocab += [(piece, -100.0) for piece in padding]
    tokenizer = T5Tokenizer(vocab=vocab, extra_ids=0)
    torch.manual_seed(SEED)
    T5ForConditionalGeneration(T5Config(**MT5_BASE)).save_pretrained(target)
    tokenizer.save_pretrained(target)
    return target


def articles(count: int):
    """The seeds, then the Simplified-script pages of ../shared/corpus, through the clean stage; repeated
    only when there are not enough of them (a repeat costs the translator nothing: it is deduplicated)."""
    from pipeline.clean import clean_article
    from pipeline.errors import InputError
    from pipeline.ingest import expand_inputs, read_article

    pages = sorted(CORPUS_PAGES.glob("cn*.html")) if CORPUS_PAGES.is_dir() else []
    cleaned = []
    for ref in expand_inputs([str(PROJECT_DIR / "seeds"), *map(str, pages)])[:count]:
        try:
            cleaned.append(clean_article(read_article(ref)))
        except InputError as error:
            print(f"skipped {ref.display}: {error}", file=sys.stderr)
    return [cleaned[i % len(cleaned)] for i in range(count)]


def settings(backend: str, model: Path, args) -> tuple:
    from pipeline.settings import (
        ModelsSettings,
        SummariserGeneration,
        SummariserSettings,
    )

    prompts = PROJECT_DIR / "prompts"
    summariser = SummariserSettings(
        kind="seq2seq" if backend == "transformers" else "ctranslate2",
        model=str(model),
        prompt_headline=str(prompts / "headline_zh.txt"),
        prompt_summary=str(prompts / "summary_zh.txt"),
        restrict_vocabulary=not args.full_vocabulary,
        batch_size=args.summariser_batch,
        generation=SummariserGeneration(
            num_beams=args.beams,
            max_new_tokens=SUMMARY_TOKENS,
            min_new_tokens=SUMMARY_TOKENS,
            headline_max_new_tokens=HEADLINE_TOKENS,
            headline_min_new_tokens=HEADLINE_TOKENS,
        ),
    )
    return summariser, ModelsSettings(dir=str(args.work / "models"), threads=args.threads)


def translator_settings(backend: str, model: Path, args):
    from pipeline.settings import TranslatorGeneration, TranslatorSettings

    ratio = ENGLISH_PER_CHINESE_TOKEN
    return TranslatorSettings(
        kind="marian" if backend == "transformers" else "ctranslate2",
        model=str(model),
        batch_size=args.translator_batch,
        generation=TranslatorGeneration(
            num_beams=args.translator_beams, min_length_ratio=ratio, max_length_ratio=ratio, max_length_extra=3
        ),
    )


def translate_window(translator, window, glossary) -> tuple[int, int]:
    """Translate a window of (article, facts, summary, names) as the pipeline does: translate_articles
    with the real translator, every distinct sentence of the window together. Only the translator's
    batch call is watched, so the benchmark uses the stage's own interface and cannot drift from it.
    Returns (sentences given to the model, English tokens generated)."""
    from pipeline.translate.stage import ArticleToTranslate, translate_articles

    asked: list[str] = []
    english: list[str] = []
    translate_batch = translator.translate_batch

    def watched(batch: list[str], plain: bool = False) -> list[str]:
        outputs = translate_batch(batch, plain)
        asked.extend(batch)
        english.extend(outputs)
        return outputs

    translator.translate_batch = watched
    try:
        translate_articles([ArticleToTranslate(*item) for item in window], translator, glossary)
    finally:
        del translator.translate_batch
    return len(asked), sum(len(translator.tokenizer(text_target=text).input_ids) for text in english)


def with_usable_summaries(summariser) -> None:
    """The model does all its (forced-length) work, but its random summary is replaced by the input's
    first three sentences, which pass the checks: so the headline is generated, as with real weights.
    The random headline is replaced too, so that the translator gets a headline's length of text."""
    from pipeline.text import split_sentences

    generate = summariser.generate

    def generate_then_stand_in(task: str, texts: list[str]) -> list[str]:
        generate(task, texts)
        if task == "headline":  # a headline-sized part of the summary it was written from
            return [text[:HEADLINE_CHARACTERS] for text in texts]
        return ["".join(span.text for span in split_sentences(text)[:3]) for text in texts]

    summariser.generate = generate_then_stand_in


def run_backend(args) -> dict:
    """One backend on --articles articles, in this process."""
    from pipeline.facts import extract_facts
    from pipeline.names import find_names
    from pipeline.records import Names
    from pipeline.settings import GlossarySettings
    from pipeline.summarise import load_summariser
    from pipeline.translate.glossary import load_glossary

    work = args.work
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    summariser_settings, models = settings(args.backend, work / SUMMARISER_FOLDER, args)
    summariser = load_summariser(summariser_settings, models)
    with_usable_summaries(summariser)
    translator = load_translator(args.backend, work / TRANSLATOR_FOLDER, args, models)
    loaded = time.perf_counter()
    batch = articles(args.articles)
    facts = [extract_facts(article) for article in batch]
    glossary = load_glossary(GlossarySettings())
    names = [Names(article.id, find_names(article, glossary)) for article in batch]
    summarised_at, cpu_start = time.perf_counter(), cpu_seconds()
    summaries = summariser.summarise_many(batch)
    summarised, cpu_summarised = time.perf_counter(), cpu_seconds()
    sentences, english_tokens = translate_window(translator, list(zip(batch, facts, summaries, names, strict=True)), glossary)
    translated, cpu_translated = time.perf_counter(), cpu_seconds()
    with_input = sum(1 for article in batch if summariser.model_input(article))
    work_seconds = translated - summarised_at
    return {
        "backend": args.backend,
        "articles": len(batch),
        "load_s": loaded - started,
        "summarise_s_per_article": (summarised - summarised_at) / len(batch),
        "translate_s_per_article": (translated - summarised) / len(batch),
        "articles_per_minute": 60 * len(batch) / work_seconds,
        "summary_tokens_per_s": with_input * (SUMMARY_TOKENS + HEADLINE_TOKENS) / (summarised - summarised_at),
        "sentences_translated": sentences,
        "english_tokens_per_s": english_tokens / (translated - summarised),
        "summarise_cpu_s_per_article": (cpu_summarised - cpu_start) / len(batch),
        "translate_cpu_s_per_article": (cpu_translated - cpu_summarised) / len(batch),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "load_average": (load_before + os.getloadavg()[0]) / 2,
    }


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def convert_models(args) -> None:
    """Convert both models as `digest models pull` does, in this process, before any measurement."""
    from pipeline.convert import ctranslate2_model

    _, models = settings("ctranslate2", args.work, args)
    for role, name in (("summariser", SUMMARISER_FOLDER), ("translator", TRANSLATOR_FOLDER)):
        ctranslate2_model(models, role, str(args.work / name), "main", "--" + role, "int8")


def load_translator(backend: str, model: Path, args, models):
    from pipeline.registry import TRANSLATORS

    translator_config = translator_settings(backend, model, args)
    return TRANSLATORS.load(translator_config.kind)(translator_config, models)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/digest-real-size"))
    parser.add_argument("--threads", type=int, default=0, help="model threads (0: one per core)")
    parser.add_argument("--beams", type=int, default=2, help="summariser beam size")
    parser.add_argument("--translator-beams", type=int, default=2)
    parser.add_argument("--translator-batch", type=int, default=16)
    parser.add_argument("--summariser-batch", type=int, default=8)
    parser.add_argument("--full-vocabulary", action="store_true", help="do not restrict the summariser's output")
    parser.add_argument("--han-pieces", type=int, default=40000)
    parser.add_argument("--only", choices=["transformers", "ctranslate2"])
    parser.add_argument("--batches", default="5,20", help="article counts to run (default 5,20)")
    parser.add_argument("--transformers-max", type=int, default=5, help="largest batch run with transformers (slow)")
    parser.add_argument("--quick", action="store_true", help="tiny models in a temporary folder, 2 articles: checks that the benchmark runs (CI)")
    parser.add_argument("--backend", help=argparse.SUPPRESS)
    parser.add_argument("--articles", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend == "convert":
        convert_models(args)
        return
    if args.backend:
        print(json.dumps(run_backend(args)))
        return
    backends = [args.only] if args.only else ["transformers", "ctranslate2"]
    forwarded = [a for a in sys.argv[1:] if not a.startswith("--only") and a not in backends]
    if args.quick:
        with tempfile.TemporaryDirectory(prefix="digest-real-size-quick-") as work:
            # One thread: a tiny model's operations gain nothing from more, and on a busy machine the
            # thread pool's spin-waiting makes them hundreds of times slower.
            args.work, args.batches, args.transformers_max, args.threads = Path(work), "2", 2, 1
            build_models(args, tiny=True)
            measure(args, backends, [*forwarded, "--work", work, "--threads", "1"])
        return
    build_models(args, tiny=False)
    measure(args, backends, forwarded)


def build_models(args, tiny: bool) -> None:
    """The models, in the folders the backends load from: real size, or the tests' tiny ones."""
    if tiny:
        from tiny_models import build_tiny_marian, build_tiny_t5

        build_tiny_marian(args.work / TRANSLATOR_FOLDER)
        build_tiny_t5(args.work / SUMMARISER_FOLDER)
    else:
        build_marian(args.work / TRANSLATOR_FOLDER)
        build_mt5_base(args.work / SUMMARISER_FOLDER, args.han_pieces)


def measure(args, backends: list[str], forwarded: list[str]) -> None:
    """Convert the models, then run each backend on each batch size in a process of its own."""
    subprocess.run([sys.executable, __file__, *forwarded, "--backend", "convert"], check=True, capture_output=True)
    rows = []
    for count in [int(c) for c in args.batches.split(",")]:
        for backend in backends:
            if backend == "transformers" and count > args.transformers_max:
                continue
            command = [sys.executable, __file__, *forwarded, "--backend", backend, "--articles", str(count)]
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            rows.append(json.loads(output.strip().splitlines()[-1]))
            print(format_row(rows[-1]), flush=True)
    print(
        f"forced: summary {SUMMARY_TOKENS} tokens, headline {HEADLINE_TOKENS}, English {ENGLISH_PER_CHINESE_TOKEN} x Chinese"
        f" tokens; summariser beams {args.beams}, translator beams {args.translator_beams}, threads {args.threads or 'all'},"
        f" vocabulary {'full' if args.full_vocabulary else 'restricted'}"
    )


def format_row(row: dict) -> str:
    return (
        f"{row['backend']:>12} {row['articles']:>3} articles: {row['articles_per_minute']:5.1f} articles/min | "
        f"summarise {row['summarise_s_per_article']:5.1f} s/article ({row['summarise_cpu_s_per_article']:5.1f} CPU s, "
        f"{row['summary_tokens_per_s']:5.1f} tok/s) | translate {row['translate_s_per_article']:5.1f} s/article "
        f"({row['translate_cpu_s_per_article']:5.1f} CPU s, {row['sentences_translated']} sentences, "
        f"{row['english_tokens_per_s']:5.1f} tok/s) | load {row['load_s']:4.1f} s | peak RSS {row['peak_rss_mb']:5.0f} MB"
        f" | load average {row['load_average']:.1f}"
    )


if __name__ == "__main__":
    main()

"""Mangled and random text through the facts stage: no internal error, and every figure still
points at its own text (offsets, sentence) whatever the input."""

from __future__ import annotations

import random

import pytest
from test_facts_sentences import PROGRAMME_SENTENCES, SENTENCES

from pipeline.facts import extract_facts
from pipeline.records import CleanArticle, Metadata, Source
from pipeline.text import GAP_MARK

# Characters the figure and programme patterns react to, and some they must ignore.
_ALPHABET = (
    "0123456789０１２３４５６７８９.,/%％-－−~～—–至到余多来个万亿千百十零〇一二两三四五六七八九成分之"
    "元美港人名次年月日个月天岁周例艘台套部只幅条项第近约超逾过达以上以下左右之多"
    "《》“”‘’「」（）()、，。；！？：\n 计划工程行动战略试点通制改革意见方案法报电影杂志"
    "abcXYZ…[]"
    # Decimals in words, Taiwan's full-width point, ○ for zero, 兆, currencies, Traditional numerals.
    "点点．○兆兆币新台币港币人民币澳门元宗℃°C倍倍每萬億兩點"
)
_RUNS = 300


def _article(text: str, title: str = "") -> CleanArticle:
    return CleanArticle(
        id="fuzz",
        source=Source(path="fuzz.txt", sha256="0" * 64, encoding="utf-8", script="simplified"),
        metadata=Metadata(title_zh=title),
        paragraphs_zh=[paragraph for paragraph in text.split("\n") if paragraph.strip()],
    )


def _mangled(rng: random.Random, sentence: str) -> str:
    """A real sentence cut, doubled, spliced with noise or with a gap mark inside."""
    chars = list(sentence)
    for _ in range(rng.randint(1, 4)):
        position = rng.randrange(len(chars) + 1)
        choice = rng.random()
        if choice < 0.3 and chars:
            del chars[min(position, len(chars) - 1)]
        elif choice < 0.6:
            chars.insert(position, rng.choice(_ALPHABET))
        elif choice < 0.8:
            chars[position:position] = list(GAP_MARK)
        else:
            chars[position:position] = rng.choice(chars) if chars else []
    return "".join(chars)


def _inputs() -> list[tuple[str, str]]:
    rng = random.Random(20261122)
    real = [row[0] for row in SENTENCES] + [row[0] for row in PROGRAMME_SENTENCES]
    inputs = ["", "\n", GAP_MARK, "《》", "“”", "万亿", "-", "1/0", "0/0", "个亿", "一成不变" * 3]
    for _ in range(_RUNS):
        noise = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 80)))
        inputs.append(noise)
        inputs.append(_mangled(rng, rng.choice(real)))
    return [(text, rng.choice(real) if rng.random() < 0.3 else text[:20]) for text in inputs]


@pytest.mark.parametrize("batch", range(4))
def test_mangled_text_raises_no_error_and_offsets_hold(batch):
    for text, title in _inputs()[batch::4]:
        article = _article(text, title)
        facts = extract_facts(article, key_figures=8)
        for figure in facts.figures:
            assert article.text_zh[figure.start : figure.end] == figure.text_zh, text
            assert figure.text_zh in figure.context_zh, text
            assert figure.value.is_finite() and figure.text_en, text
        for figure in facts.title_figures:
            assert title[figure.start : figure.end] == figure.text_zh, title
        for programme in facts.programmes:
            assert programme.name_zh and programme.start >= 0, text

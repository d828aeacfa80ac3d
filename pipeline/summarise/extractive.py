"""Extractive summary: the lead sentence plus the most salient others, ranked by TextRank keyword
weights over jieba's segmentation. Needs no model, so it is also the fallback of the seq2seq summariser."""

from __future__ import annotations

import functools
import logging
import math

from pipeline.lang.zh import ENDS_LIKE_SENTENCE
from pipeline.records import CleanArticle, ModelInfo, Summary
from pipeline.settings import ModelsSettings, SummariserSettings
from pipeline.summarise.base import Summariser
from pipeline.text import split_sentences

# Shorter "sentences" are photo credits, bylines and stray fragments, not content.
MIN_SENTENCE_CHARS = 12
# A line that does not end like a sentence is a subheading, a caption or a banner.
MIN_SUMMARY_SENTENCES = 2
MAX_SUMMARY_SENTENCES = 4


@functools.cache
def _jieba():
    """jieba with its dictionary loaded once and its start-up chatter silenced."""
    import jieba
    import jieba.analyse

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def article_sentences(article: CleanArticle) -> list[str]:
    """Distinct body sentences in text order; repeated paragraphs count once."""
    sentences = [span.text for paragraph in article.paragraphs_zh for span in split_sentences(paragraph)]
    return list(dict.fromkeys(sentences))


def salience(sentences: list[str]) -> list[float]:
    """Per sentence, the sum of the TextRank weights of its distinct words, damped by its length so
    long sentences do not win by size alone."""
    jieba = _jieba()
    weights = dict(jieba.analyse.textrank("".join(sentences), topK=None, withWeight=True))
    scores = []
    for sentence in sentences:
        words = set(jieba.lcut(sentence))
        scores.append(sum(weights.get(word, 0.0) for word in words) / math.sqrt(len(words) + 1))
    return scores


class ExtractiveSummariser(Summariser):
    def __init__(self, settings: SummariserSettings, models: ModelsSettings | None = None):
        wanted = settings.summary_sentences
        self.sentence_count = max(MIN_SUMMARY_SENTENCES, min(MAX_SUMMARY_SENTENCES, wanted))
        self.model_info = ModelInfo("extractive")

    def summarise(self, article: CleanArticle) -> Summary:
        sentences = article_sentences(article)
        long_enough = [s for s in sentences if len(s) >= MIN_SENTENCE_CHARS]
        candidates = [s for s in long_enough if ENDS_LIKE_SENTENCE.search(s)] or long_enough or sentences
        if not candidates:
            return Summary(article.metadata.title_zh, "", self.model_info, ["article has no sentences to summarise"])
        scores = salience(candidates)
        ranked = sorted(range(1, len(candidates)), key=lambda i: scores[i], reverse=True)
        chosen = sorted([0, *ranked[: self.sentence_count - 1]])
        top = max(range(len(candidates)), key=lambda i: scores[i])
        headline = article.metadata.title_zh or candidates[top]
        return Summary(headline, "".join(candidates[i] for i in chosen), self.model_info)

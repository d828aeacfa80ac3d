"""The translation stage: the Chinese fields of an article, its facts and its summary -> English."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pipeline.facts import find_figures
from pipeline.records import CleanArticle, English, EnglishField, Facts, FieldRef, ModelInfo, Names, QualityCounts, Summary
from pipeline.text import is_damaged, split_sentences
from pipeline.translate.base import Translator
from pipeline.translate.glossary import Glossary
from pipeline.translate.protect import Protected, Repair, protect, restore
from pipeline.translate.verify import MissingName, UnverifiedNumber, verify_english

NO_MODEL = ModelInfo("none")
DAMAGED_REASON = "the source sentence is damaged (text was lost in the page), so it is not translated as if whole"


@dataclass
class FieldText:
    """One English field to produce: where it goes, its Chinese, and the fixed English to protect in it."""

    ref: FieldRef
    zh: str
    fixed: list[tuple[str, str]] = field(default_factory=list)


class ArticleTranslation:
    """Translates the fields of one article; each distinct protected sentence goes to the model once."""

    def __init__(self, translator: Translator, glossary: Glossary):
        self.translator = translator
        self.glossary = glossary
        self.cache: dict[str, str] = {}
        self.warnings: list[str] = []
        self.untranslated: dict[FieldRef, str] = {}
        self.counts = QualityCounts()

    def translate_fields(self, fields: Iterable[FieldText]) -> dict[FieldRef, str | None]:
        fields = list(fields)
        letters = self.translator.placeholder_letters
        protected_of = {
            f.ref: [protect(span.text, f.fixed, self.glossary, letters) for span in split_sentences(f.zh)] for f in fields
        }
        pending = list(dict.fromkeys(p.text for ps in protected_of.values() for p in ps if p.text not in self.cache))
        self.cache.update(zip(pending, self.translator.translate(pending), strict=True))
        return {f.ref: self._assemble(f.ref, protected_of[f.ref]) for f in fields}

    def _assemble(self, ref: FieldRef, sentences: list[Protected]) -> str | None:
        english = []
        for sentence in sentences:
            raw = self.cache[sentence.text]
            if not raw:
                self.untranslated[ref] = f"the model returned no translation for: {sentence.source}"
                return None
            restored = restore(sentence, raw)
            for problem in restored.problems:
                self.warnings.append(f"{ref.path}: {problem}")
                if problem.repair is Repair.DROPPED:
                    self.counts.placeholders_dropped += 1
                elif problem.repair is Repair.DUPLICATED:
                    self.counts.placeholders_duplicated += 1
                else:
                    self.counts.placeholders_invented += 1
            english.append(restored.text)
        return " ".join(english)


def _fields(
    article: CleanArticle, facts: Facts, summary: Summary, publisher_en: str | None, names: Sequence[tuple[str, str]]
) -> list[FieldText]:
    """Every field the model translates, with the figures and names to protect in each. Only the
    source's figures (body and title) protect source sentences; the summary is model output with its
    own figures. Names are the article's everywhere: a summary only repeats them."""
    summary_figures = [(f.text_zh, f.text_en) for f in find_figures(summary.headline_zh + "\n" + summary.summary_zh)]
    summary_figures += names
    body_figures = [(f.text_zh, f.text_en) for f in facts.figures] + list(names)
    title_figures = [(f.text_zh, f.text_en) for f in facts.title_figures] + body_figures
    fields = [
        FieldText(FieldRef(EnglishField.TITLE), article.metadata.title_zh, title_figures),
        FieldText(FieldRef(EnglishField.HEADLINE), summary.headline_zh, summary_figures),
        FieldText(FieldRef(EnglishField.SUMMARY), summary.summary_zh, summary_figures),
    ]
    if article.metadata.publisher_zh and publisher_en is None:
        fields.append(FieldText(FieldRef(EnglishField.PUBLISHER), article.metadata.publisher_zh, list(names)))
    fields += [
        FieldText(FieldRef(EnglishField.FIGURE_CONTEXT, i), f.context_zh, body_figures)
        for i, f in enumerate(facts.key_figures)
    ]
    fields += [
        FieldText(FieldRef(EnglishField.PROGRAMME_CONTEXT, i), p.context_zh, body_figures)
        for i, p in enumerate(facts.programmes)
    ]
    return [f for f in fields if f.zh]


def translate_article(
    article: CleanArticle,
    facts: Facts,
    summary: Summary,
    translator: Translator | None,
    glossary: Glossary,
    unavailable_reason: str | None = None,
    names: Names | None = None,
) -> English:
    """English for the title, headline, summary, publisher, key-figure sentences and programmes.
    Figures, the article's ``names`` and glossary terms are protected so their English is exact;
    the result is verified. Without a translator, model-translated fields are None, named in
    ``untranslated``, and the reason is ``untranslated_reason``."""
    publisher_zh = article.metadata.publisher_zh
    publisher_en = glossary.lookup(publisher_zh) if publisher_zh else None
    texts: dict[FieldRef, str | None] = {FieldRef(EnglishField.PUBLISHER): publisher_en} if publisher_en else {}
    name_pairs = names.fixed if names is not None else []
    programme_names = {FieldRef(EnglishField.PROGRAMME_NAME, i): p.name_zh for i, p in enumerate(facts.programmes)}
    texts |= {ref: glossary.lookup(name_zh) for ref, name_zh in programme_names.items()}
    unknown_names = [
        FieldText(ref, programme_names[ref], list(name_pairs))
        for ref, name_en in texts.items()
        if name_en is None and ref in programme_names
    ]
    fields = _fields(article, facts, summary, publisher_en, name_pairs)
    damaged = [f for f in fields if any(is_damaged(span.text) for span in split_sentences(f.zh))]
    fields = [f for f in fields if f not in damaged]

    if translator is None:
        reason = unavailable_reason or "no translation model available"
        english = English(texts, NO_MODEL, untranslated_reason=reason)
        english.untranslated = {f.ref: reason for f in unknown_names + fields}
    else:
        session = ArticleTranslation(translator, glossary)
        texts |= session.translate_fields(unknown_names)
        # Each programme name, now with its English fixed, is protected in every sentence it occurs in.
        programme_fixed = [(programme_names[ref], en) for ref, en in texts.items() if ref in programme_names and en]
        for text_field in fields:
            text_field.fixed = text_field.fixed + programme_fixed
        texts |= session.translate_fields(fields)
        english = English(texts, translator.model_info, session.untranslated, session.warnings, session.counts)
    english.untranslated |= {f.ref: DAMAGED_REASON for f in damaged}
    protections = {f.ref: (f.zh, f.fixed) for f in unknown_names + fields}
    problems = verify_english(english, article, facts, protections, name_pairs)
    english.warnings += [str(problem) for problem in problems]
    english.counts.numbers_unverified += sum(isinstance(problem, UnverifiedNumber) for problem in problems)
    missing = [problem for problem in problems if isinstance(problem, MissingName)]
    english.counts.programme_names_missing += sum(problem.programme for problem in missing)
    english.counts.names_missing += sum(not problem.programme for problem in missing)
    return english

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


class SentenceCache:
    """Protected sentences and their raw translations, shared by the articles of a window so that each
    distinct sentence goes to the model once, in as few calls as the window needs."""

    def __init__(self, translator: Translator):
        self.translator = translator
        self.raw: dict[str, str] = {}

    def fill(self, sentences: Iterable[str]) -> None:
        pending = list(dict.fromkeys(sentence for sentence in sentences if sentence not in self.raw))
        if pending:
            self.raw.update(zip(pending, self.translator.translate(pending), strict=True))


class ArticleTranslation:
    """The fields of one article: protected before the window's model call, put together after it."""

    def __init__(self, translator: Translator, glossary: Glossary):
        self.letters = translator.placeholder_letters
        self.glossary = glossary
        self.warnings: list[str] = []
        self.untranslated: dict[FieldRef, str] = {}
        self.counts = QualityCounts()

    def protect_fields(self, fields: Iterable[FieldText]) -> dict[FieldRef, list[Protected]]:
        return {
            f.ref: [protect(span.text, f.fixed, self.glossary, self.letters) for span in split_sentences(f.zh)] for f in fields
        }

    def assemble_fields(self, protected_of: dict[FieldRef, list[Protected]], cache: SentenceCache) -> dict[FieldRef, str | None]:
        return {ref: self._assemble(ref, sentences, cache) for ref, sentences in protected_of.items()}

    def _assemble(self, ref: FieldRef, sentences: list[Protected], cache: SentenceCache) -> str | None:
        english = []
        for sentence in sentences:
            raw = cache.raw[sentence.text]
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
    summary_figures = [(f.text_zh, f.text_en) for f in find_figures(summary.headline_zh + "\n" + summary.summary_zh, facts.currency)]
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


@dataclass
class ArticleToTranslate:
    """What the translation stage reads of one article."""

    article: CleanArticle
    facts: Facts
    summary: Summary
    names: Names | None = None


class _Job:
    """One article's way through the stage: the fields to translate, the model's answers, the checks."""

    def __init__(self, item: ArticleToTranslate, glossary: Glossary):
        self.item = item
        article, facts = item.article, item.facts
        publisher_zh = article.metadata.publisher_zh
        publisher_en = glossary.lookup(publisher_zh) if publisher_zh else None
        self.texts: dict[FieldRef, str | None] = {FieldRef(EnglishField.PUBLISHER): publisher_en} if publisher_en else {}
        self.name_pairs = item.names.fixed if item.names is not None else []
        self.programme_names = {FieldRef(EnglishField.PROGRAMME_NAME, i): p.name_zh for i, p in enumerate(facts.programmes)}
        self.texts |= {ref: glossary.lookup(name_zh) for ref, name_zh in self.programme_names.items()}
        self.unknown_names = [
            FieldText(ref, self.programme_names[ref], list(self.name_pairs))
            for ref, name_en in self.texts.items()
            if name_en is None and ref in self.programme_names
        ]
        fields = _fields(article, facts, item.summary, publisher_en, self.name_pairs)
        self.damaged = [f for f in fields if any(is_damaged(span.text) for span in split_sentences(f.zh))]
        self.fields = [f for f in fields if f not in self.damaged]

    def fix_programme_names(self) -> None:
        """Each programme name, with its English now known, is protected in every sentence it occurs in."""
        programme_fixed = [(self.programme_names[ref], en) for ref, en in self.texts.items() if ref in self.programme_names and en]
        for text_field in self.fields:
            text_field.fixed = text_field.fixed + programme_fixed

    def checked(self, english: English) -> English:
        english.untranslated |= {f.ref: DAMAGED_REASON for f in self.damaged}
        protections = {f.ref: (f.zh, f.fixed) for f in self.unknown_names + self.fields}
        problems = verify_english(english, self.item.article, self.item.facts, protections, self.name_pairs)
        english.warnings += [str(problem) for problem in problems]
        english.counts.numbers_unverified += sum(isinstance(problem, UnverifiedNumber) for problem in problems)
        missing = [problem for problem in problems if isinstance(problem, MissingName)]
        english.counts.programme_names_missing += sum(problem.programme for problem in missing)
        english.counts.names_missing += sum(not problem.programme for problem in missing)
        return english


def translate_articles(
    items: Sequence[ArticleToTranslate],
    translator: Translator | None,
    glossary: Glossary,
    unavailable_reason: str | None = None,
) -> list[English]:
    """English for each article's title, headline, summary, publisher, key-figure sentences and
    programmes. Figures, names and glossary terms are protected so their English is exact; the result
    is verified. All the articles' sentences go to the model together: programme names first (in one
    call), then every other field (in one call), each distinct sentence once. Without a translator,
    model-translated fields are None and ``untranslated_reason`` says why."""
    jobs = [_Job(item, glossary) for item in items]
    if translator is None:
        reason = unavailable_reason or "no translation model available"
        englishes = []
        for job in jobs:
            english = English(job.texts, NO_MODEL, untranslated_reason=reason)
            english.untranslated = {f.ref: reason for f in job.unknown_names + job.fields}
            englishes.append(job.checked(english))
        return englishes
    cache = SentenceCache(translator)
    sessions = [ArticleTranslation(translator, glossary) for _ in jobs]
    protected_names = [session.protect_fields(job.unknown_names) for session, job in zip(sessions, jobs, strict=True)]
    cache.fill(p.text for protected_of in protected_names for ps in protected_of.values() for p in ps)
    for session, job, protected_of in zip(sessions, jobs, protected_names, strict=True):
        job.texts |= session.assemble_fields(protected_of, cache)
        job.fix_programme_names()
    protected_fields = [session.protect_fields(job.fields) for session, job in zip(sessions, jobs, strict=True)]
    cache.fill(p.text for protected_of in protected_fields for ps in protected_of.values() for p in ps)
    englishes = []
    for session, job, protected_of in zip(sessions, jobs, protected_fields, strict=True):
        job.texts |= session.assemble_fields(protected_of, cache)
        english = English(job.texts, translator.model_info, session.untranslated, session.warnings, session.counts)
        englishes.append(job.checked(english))
    return englishes


def translate_article(
    article: CleanArticle,
    facts: Facts,
    summary: Summary,
    translator: Translator | None,
    glossary: Glossary,
    unavailable_reason: str | None = None,
    names: Names | None = None,
) -> English:
    """The English of one article (see translate_articles)."""
    return translate_articles([ArticleToTranslate(article, facts, summary, names)], translator, glossary, unavailable_reason)[0]

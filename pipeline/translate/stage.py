"""The translation stage: the Chinese fields of an article, its facts and its summary -> English."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.facts import find_figures
from pipeline.records import CleanArticle, English, Facts, ModelInfo, Summary
from pipeline.text import split_sentences
from pipeline.translate.base import Translator
from pipeline.translate.glossary import Glossary
from pipeline.translate.protect import Protected, protect, restore
from pipeline.translate.verify import verify_english

NO_MODEL = ModelInfo("none")


@dataclass
class FieldText:
    """One English field to produce: its name, its Chinese, and the fixed English to protect in it."""

    name: str
    zh: str
    fixed: list[tuple[str, str]]


class ArticleTranslation:
    """Translates the fields of one article; each distinct protected sentence goes to the model once."""

    def __init__(self, translator: Translator, glossary: Glossary):
        self.translator = translator
        self.glossary = glossary
        self.cache: dict[str, str] = {}
        self.warnings: list[str] = []
        self.untranslated: dict[str, str] = {}

    def translate_fields(self, fields: Iterable[FieldText]) -> dict[str, str | None]:
        fields = list(fields)
        protected_of = {
            f.name: [protect(span.text, f.fixed, self.glossary) for span in split_sentences(f.zh)] for f in fields
        }
        pending = list(dict.fromkeys(p.text for ps in protected_of.values() for p in ps if p.text not in self.cache))
        self.cache.update(zip(pending, self.translator.translate(pending)))
        return {f.name: self._assemble(f.name, protected_of[f.name]) for f in fields}

    def _assemble(self, name: str, sentences: list[Protected]) -> str | None:
        english = []
        for sentence in sentences:
            raw = self.cache[sentence.text]
            if not raw:
                self.untranslated[name] = f"the model returned no translation for: {sentence.source}"
                return None
            restored = restore(sentence, raw)
            self.warnings += [f"{name}: {problem}" for problem in restored.problems]
            english.append(restored.text)
        return " ".join(english)


def _english(
    translated: dict[str, str | None], facts: Facts, names_en: list[str | None], publisher_en: str | None, model: ModelInfo
) -> English:
    return English(
        title_en=translated.get("title_en"),
        headline_en=translated.get("headline_en"),
        summary_en=translated.get("summary_en"),
        publisher_en=translated.get("publisher_en", publisher_en),
        figure_contexts_en=[translated.get(f"figure_contexts_en[{i}]") for i in range(len(facts.key_figures))],
        programme_names_en=names_en,
        programme_contexts_en=[translated.get(f"programme_contexts_en[{i}]") for i in range(len(facts.programmes))],
        model=model,
    )


def translate_article(
    article: CleanArticle,
    facts: Facts,
    summary: Summary,
    translator: Translator | None,
    glossary: Glossary,
    unavailable_reason: str | None = None,
) -> English:
    """English for the title, headline, summary, publisher, key-figure sentences and programmes.
    Figures and glossary terms are protected so their English is exact; the result is verified.
    Without a translator, model-translated fields are None and named in ``untranslated``."""
    # The facts stage reads the body only; the title and the model's summary have their own figures.
    # Only the source's (body and title) count as verified: the summary is model output.
    title_found = find_figures(article.metadata.title_zh)
    summary_figures = [(f.text_zh, f.text_en) for f in find_figures(summary.headline_zh + "\n" + summary.summary_zh)]
    article_figures = [(f.text_zh, f.text_en) for f in facts.figures]
    publisher_zh = article.metadata.publisher_zh
    publisher_en = glossary.lookup(publisher_zh) if publisher_zh else None
    names_en = [glossary.lookup(p.name_zh) for p in facts.programmes]
    unknown_names = [
        FieldText(f"programme_names_en[{i}]", p.name_zh, article_figures)
        for i, (p, name_en) in enumerate(zip(facts.programmes, names_en))
        if name_en is None
    ]
    fields = [
        FieldText("title_en", article.metadata.title_zh, [(f.text_zh, f.text_en) for f in title_found] + article_figures),
        FieldText("headline_en", summary.headline_zh, summary_figures),
        FieldText("summary_en", summary.summary_zh, summary_figures),
    ]
    if publisher_zh and publisher_en is None:
        fields.append(FieldText("publisher_en", publisher_zh, []))
    fields += [FieldText(f"figure_contexts_en[{i}]", f.context_zh, article_figures) for i, f in enumerate(facts.key_figures)]
    fields += [FieldText(f"programme_contexts_en[{i}]", p.context_zh, article_figures) for i, p in enumerate(facts.programmes)]

    if translator is None:
        reason = unavailable_reason or "no translation model available"
        english = _english({f.name: f.zh for f in fields if not f.zh}, facts, names_en, publisher_en, NO_MODEL)
        english.untranslated = {f.name: reason for f in unknown_names + fields if f.zh}
    else:
        session = ArticleTranslation(translator, glossary)
        translated_names = session.translate_fields(unknown_names)
        names_en = [name_en or translated_names.get(f"programme_names_en[{i}]") for i, name_en in enumerate(names_en)]
        # Each programme name, now with its English fixed, is protected in every sentence it occurs in.
        programme_fixed = [(p.name_zh, name_en) for p, name_en in zip(facts.programmes, names_en) if name_en]
        for field in fields:
            field.fixed = field.fixed + programme_fixed
        english = _english(session.translate_fields(fields), facts, names_en, publisher_en, translator.model_info)
        english.untranslated = session.untranslated
        english.warnings = session.warnings
    english.warnings += verify_english(english, article, facts, title_found)
    return english

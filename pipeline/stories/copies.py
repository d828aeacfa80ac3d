"""Syndicated copies served without model work.

A wire report is republished word for word by many portals under their own headline, date and page
furniture. Once one of them has been digested, another whose cleaned body is identical, under the
same settings signature, gets that record's model output (headline, summary and their English, the
English of the figure and programme sentences) with its own metadata, names and figures, which are
made by rule from its own text: no model call. Its own title and publisher keep their English only
where they are the same as the original's (or the glossary knows the publisher); otherwise they are
named in ``untranslated``, since translating them would be model work."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pipeline.assemble import build_digest
from pipeline.records import Article, CleanArticle, Digest, English, EnglishField, FieldRef, ModelInfo, Summary
from pipeline.store import Store, body_sha256

if TYPE_CHECKING:
    from pipeline.core import Pipeline
    from pipeline.records import InputRef

# Translation warnings start with the path of their field; these are the fields a copy reuses.
_REUSED_FIELD_PREFIXES = ("headline_en", "summary_en", "key_figures[", "programmes[")


def _model(info: dict[str, Any]) -> ModelInfo:
    return ModelInfo(str(info.get("id", "none")), info.get("revision"))


def _english_of(original: dict[str, Any], copy: Digest, publisher_en: str | None) -> English:
    """The English of ``original`` for the fields ``copy`` shares with it, matched by their Chinese;
    a field the original has no English for keeps the original's reason."""
    reason = f"served as a copy of {original['id']}: only the English of the text they share is reused"
    original_reasons: dict[str, str] = original.get("untranslated", {})
    no_model_reason = original.get("untranslated_reason")
    texts: dict[FieldRef, str | None] = {}
    untranslated: dict[FieldRef, str] = {}

    def put(ref: FieldRef, english: str | None, original_path: str) -> None:
        texts[ref] = english
        if english is None:
            untranslated[ref] = original_reasons.get(original_path) or no_model_reason or reason

    put(FieldRef(EnglishField.HEADLINE), original.get("headline_en"), "headline_en")
    put(FieldRef(EnglishField.SUMMARY), original.get("summary_en"), "summary_en")
    metadata = original["metadata"]
    if copy.metadata["title_zh"]:
        if copy.metadata["title_zh"] == metadata.get("title_zh"):
            put(FieldRef(EnglishField.TITLE), metadata.get("title_en"), "metadata.title_en")
        else:
            untranslated[FieldRef(EnglishField.TITLE)] = reason
    if copy.metadata["publisher_zh"]:
        if publisher_en is not None:
            texts[FieldRef(EnglishField.PUBLISHER)] = publisher_en
        elif copy.metadata["publisher_zh"] == metadata.get("publisher_zh"):
            put(FieldRef(EnglishField.PUBLISHER), metadata.get("publisher_en"), "metadata.publisher_en")
        else:
            untranslated[FieldRef(EnglishField.PUBLISHER)] = reason
    figures = {figure["context_zh"]: (index, figure) for index, figure in enumerate(original.get("key_figures", []))}
    for index, copied_figure in enumerate(copy.key_figures):
        original_index, figure = figures.get(copied_figure.context_zh, (-1, {}))
        put(FieldRef(EnglishField.FIGURE_CONTEXT, index), figure.get("context_en"), f"key_figures[{original_index}].context_en")
    programmes = {programme["name_zh"]: (index, programme) for index, programme in enumerate(original.get("programmes", []))}
    for index, copied_programme in enumerate(copy.programmes):
        original_index, programme = programmes.get(copied_programme.name_zh, (-1, {}))
        put(FieldRef(EnglishField.PROGRAMME_NAME, index), programme.get("name_en"), f"programmes[{original_index}].name_en")
        put(FieldRef(EnglishField.PROGRAMME_CONTEXT, index), programme.get("context_en"), f"programmes[{original_index}].context_en")
    warnings = [warning for warning in original.get("warnings", []) if warning.startswith(_REUSED_FIELD_PREFIXES)]
    english = English(texts, _model(original["models"]["translator"]), untranslated, warnings)
    english.untranslated_reason = no_model_reason
    return english


def copy_digest(pipeline: Pipeline, article: Article, cleaned: CleanArticle, original: dict[str, Any]) -> Digest:
    """The record of ``article``, whose cleaned body is that of ``original``, made without a model."""
    names = pipeline.names(cleaned, article.text)
    facts = pipeline.facts(cleaned)
    summary = Summary(original["headline_zh"], original["summary_zh"], _model(original["models"]["summariser"]))
    publisher_zh = cleaned.metadata.publisher_zh
    publisher_en = pipeline.glossary.lookup(publisher_zh) if publisher_zh else None
    # Assembled once without English to learn the copy's own figures and programmes, then with the
    # original's English matched to them by their Chinese.
    bare = build_digest(cleaned, facts, summary, English({}, ModelInfo("none")), names)
    return build_digest(cleaned, facts, summary, _english_of(original, bare, publisher_en), names)


class CopyDesk:
    """Finds, for the runner, the articles of a run that are identical copies of one already digested.

    An article whose twin is being digested (in the window, or on a cluster) is held back until the
    twin's record is saved, then served from it: every engine gives the same records."""

    def __init__(self, pipeline: Pipeline, store: Store, signature: str):
        self.pipeline = pipeline
        self.store = store
        self.signature = signature
        self.in_flight: dict[str, str] = {}  # input -> body hash, for the articles being digested
        self.twins: dict[str, str] = {}  # body hash -> the input being digested with that body
        self.held: dict[str, list[tuple[InputRef, Article]]] = {}

    def serve(self, ref: InputRef, article: Article) -> Digest | bool:
        """The record of ``article`` when it is a copy of a stored one; True when it is held back
        for a twin being digested; False when it is to be digested itself."""
        cleaned = self.pipeline.clean(article)
        if not cleaned.text_zh:
            return False
        body_hash = body_sha256(cleaned.text_zh)
        original = self.store.copied_record(body_hash, self.signature)
        if original is not None and original["id"] != article.id:
            return copy_digest(self.pipeline, article, cleaned, original)
        if body_hash in self.twins:
            self.held.setdefault(body_hash, []).append((ref, article))
            return True
        self.twins[body_hash] = ref.display
        self.in_flight[ref.display] = body_hash
        return False

    def settled(self, ref: InputRef) -> list[tuple[InputRef, Article]]:
        """The articles held back for ``ref``, whose record was just saved (or which failed)."""
        body_hash = self.in_flight.pop(ref.display, None)
        if body_hash is None:
            return []
        del self.twins[body_hash]
        return self.held.pop(body_hash, [])

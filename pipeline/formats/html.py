"""The review pages: one self-contained HTML page per article, where an editor checks the English
against the Chinese source, and an index of the briefing with client-side filters.

Every page works from file:// with no network: CSS and scripts are inline, and a Content Security
Policy allows only those exact scripts (by hash), so text from an input can never run even if it
slipped past Jinja2's autoescaping. Data reaches the scripts through escaped data-* attributes,
never through inline JSON or event-handler attributes."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

import jinja2
from markupsafe import Markup

from pipeline.errors import ConfigError, quoted
from pipeline.formats.base import ARTICLES_FOLDER, STORIES_FOLDER, OutputFormat, Record
from pipeline.render import (
    BRIEFING_TITLE,
    RECORD_HELPERS,
    batch_overview,
    briefing_order,
    english_date,
    figure_clause,
    no_model_english,
    outlet,
    story_overview,
    untranslated_fields,
)
from pipeline.stories.views import StoryView, story_of, story_views
from pipeline.text import GAP_MARK, is_damaged, split_sentences

INDEX_NAME = "index.html"
UNDATED = "undated"

environment = jinja2.Environment(
    loader=jinja2.PackageLoader("pipeline", "templates/html"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
environment.filters.update(english_date=english_date, outlet=outlet)
environment.globals.update(RECORD_HELPERS, GAP_MARK=GAP_MARK, story_of=story_of)


def article_href(record: Record) -> str:
    """The review page of ``record`` relative to the output folder; the id is percent-encoded, as
    a file name may hold `#`, `?` or `%`."""
    return f"{ARTICLES_FOLDER}/{quote(record['id'] + HtmlFormat.article_suffix, safe='')}"


def story_href(story_id: str) -> str:
    """The page of a story (StoryView.has_page), relative to the output folder."""
    return f"{STORIES_FOLDER}/{quote(story_id + HtmlFormat.story_suffix, safe='')}"


def story_entry(story: StoryView, link_base: str = "") -> dict:
    """What every story-organised view says of one story; links are ``link_base`` + the path
    relative to the output folder."""

    def article(record: Record) -> dict:
        return {"record": record, "outlet": outlet(record), "href": link_base + article_href(record), "date": record["metadata"]["date"]}

    return {
        "story": story,
        "lead": article(story.lead),
        "others": [article(record) for record in story.others],
        "outlets": story.outlets,
        "timeline": [(date, [article(record) for record in day]) for date, day in story.timeline],
        "figures": story.shown_figures if story.others else [],
        "warnings": story.warnings,
        "href": link_base + story_href(story.id) if story.has_page else None,
    }


def published_base(base_url: str) -> str:
    """Where the output folder is published, ending in `/`, for links that must be absolute (feeds,
    e-mail); "" stays "" (links relative to the output folder)."""
    if not base_url:
        return ""
    if urlsplit(base_url).scheme not in ("http", "https", "file"):
        raise ConfigError(f"base URL {quoted(base_url)} must be an http, https or file address (or empty)")
    return base_url if base_url.endswith("/") else base_url + "/"


def source_url(record: Record) -> str | None:
    """The article's web address when it is one a reader may follow (http or https): a
    javascript: or data: address from an input must never become a link."""
    url = record["metadata"].get("url")
    return url if url and urlsplit(url).scheme in ("http", "https") else None


def publisher(record: Record) -> str:
    metadata = record["metadata"]
    return metadata["publisher_en"] or metadata["publisher_zh"] or ""


def dateline_place(record: Record) -> str:
    """The English of the dateline's place; "" when there is none (and in version-1 records)."""
    place = record["metadata"].get("dateline_place")
    return place["en"] if place else ""


@dataclass
class Sentence:
    """One sentence of the Chinese text, cut into segments so that each linked term can be marked."""

    number: int
    text: str
    starts_paragraph: bool
    english: list[str] = field(default_factory=list)
    terms: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, term key)

    @property
    def anchor(self) -> str:
        return f"s-{self.number}"

    @property
    def damaged(self) -> bool:
        return is_damaged(self.text)

    def segments(self) -> list[tuple[str, str | None]]:
        """(text, term key or None) in order; a term overlapping an earlier one stays unmarked."""
        pieces: list[tuple[str, str | None]] = []
        at = 0
        for start, end, key in sorted(self.terms):
            if start < at:
                continue
            pieces += [(self.text[at:start], None), (self.text[start:end], key)]
            at = end
        pieces.append((self.text[at:], None))
        return [piece for piece in pieces if piece[0]]


class SourceText:
    """The sentences of ``text_zh`` (split as every stage splits them), numbered from 1."""

    def __init__(self, text_zh: str):
        self.sentences: list[Sentence] = []
        previous_end = 0
        for number, span in enumerate(split_sentences(text_zh), start=1):
            starts_paragraph = number == 1 or "\n" in text_zh[previous_end : span.start]
            self.sentences.append(Sentence(number, span.text, starts_paragraph))
            previous_end = span.end

    def locate(self, sentence_zh: str | None, term_zh: str) -> Sentence | None:
        """The sentence a fact was taken from: the one equal to its context, else the first that
        contains the context, else the first that contains the term itself."""
        sentence_zh = (sentence_zh or "").strip()
        for matches in (
            lambda s: s.text == sentence_zh,
            lambda s: bool(sentence_zh) and sentence_zh in s.text,
            lambda s: bool(term_zh) and term_zh in s.text,
        ):
            found = next((s for s in self.sentences if matches(s)), None)
            if found is not None:
                return found
        return None

    def link(self, key: str, sentence: Sentence | None, term_zh: str, english: str | None) -> Sentence | None:
        """Mark ``term_zh`` in ``sentence`` under ``key`` and show ``english`` beside the sentence."""
        if sentence is None:
            return None
        at = sentence.text.find(term_zh) if term_zh else -1
        if at >= 0:
            sentence.terms.append((at, at + len(term_zh), key))
        if english and english not in sentence.english:
            sentence.english.append(english)
        return sentence


@dataclass
class Fact:
    """A key figure, programme or name as the page lists it, with the sentence it links to."""

    key: str
    zh: str
    en: str | None
    context_en: str | None
    clause_zh: str
    sentence: Sentence | None
    detail: str = ""


def _entity_detail(entity: dict) -> str:
    parts = [entity[name] for name in ("kind", "role", "method", "note") if entity.get(name)]
    if entity["mentions"] > 1:
        parts.append(f"{entity['mentions']} mentions")
    return ", ".join(parts)


def article_view(record: Record) -> dict:
    """What the review page of one article shows, with every fact linked to its source sentence,
    and its story when other articles share it."""
    text = SourceText(record["text_zh"])
    figures = [
        Fact(
            f"f{i}",
            figure["text_zh"],
            figure["text_en"],
            figure["context_en"],
            figure_clause(figure),
            text.link(f"f{i}", text.locate(figure["context_zh"], figure["text_zh"]), figure["text_zh"], figure["context_en"]),
        )
        for i, figure in enumerate(record["key_figures"], start=1)
    ]
    programmes = [
        Fact(
            f"p{i}",
            programme["name_zh"],
            programme["name_en"],
            programme["context_en"],
            programme["context_zh"],
            text.link(f"p{i}", text.locate(programme["context_zh"], programme["name_zh"]), programme["name_zh"], programme["context_en"]),
        )
        for i, programme in enumerate(record["programmes"], start=1)
    ]
    names = [
        Fact(
            f"n{i}",
            entity["zh"],
            entity["en"],
            None,
            "",
            text.link(f"n{i}", text.locate(entity["context_zh"], entity["zh"]) if entity["mentions"] else None, entity["zh"], None),
            _entity_detail(entity),
        )
        for i, entity in enumerate(record.get("entities") or [], start=1)
    ]
    story = story_of(record)
    return {
        "record": record,
        "story": story if len(story["articles"]) > 1 else None,
        "story_href": "../" + story_href(story["id"]),
        "publisher": publisher(record),
        "url": source_url(record),
        "url_text": record["metadata"].get("url"),
        "figures": figures,
        "programmes": programmes,
        "names": names,
        "sentences": text.sentences,
        "translated_sentences": sum(bool(s.english) for s in text.sentences),
    }


def _script(name: str) -> tuple[Markup, str]:
    """An inline script's text and its CSP source expression (the hash of exactly that text)."""
    assert environment.loader is not None  # set where the environment is made
    source = environment.loader.get_source(environment, name)[0]
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")
    return Markup(source), f"'sha256-{digest}'"


class HtmlFormat(OutputFormat):
    """`articles/<id>.html`, a review page per article, `stories/<id>.html` per story of several
    articles, and `index.html` for the briefing."""

    article_suffix = ".html"
    story_suffix = ".html"
    batch_names = (INDEX_NAME,)

    def render_story(self, story: StoryView) -> str:
        script, script_hash = _script("article.js")
        return environment.get_template("story.html").render(script=script, script_hash=script_hash, entry=story_entry(story, "../"))

    def render_article(self, record: Record) -> str:
        script, script_hash = _script("article.js")
        return environment.get_template("article.html").render(script=script, script_hash=script_hash, **article_view(record))

    def render_batch(self, records: list[Record]) -> dict[str, str]:
        if self.by_story:
            return {INDEX_NAME: self._story_index(records)}
        ordered = briefing_order(records)
        entries = [
            {
                "record": record,
                "href": article_href(record),
                "publisher": publisher(record),
                "date": record["metadata"]["date"] or UNDATED,
                # An article with no model English at all is said so once, by its notice, not counted.
                "untranslated": 0 if no_model_english(record) else len(untranslated_fields(record)),
            }
            for record in ordered
        ]
        dates = list(dict.fromkeys(entry["date"] for entry in entries))
        publishers = sorted({str(entry["publisher"]) for entry in entries if entry["publisher"]})
        script, script_hash = _script("index.js")
        page = environment.get_template("index.html").render(
            title=BRIEFING_TITLE,
            overview=batch_overview(ordered),
            entries=entries,
            dates=dates,
            publishers=publishers,
            has_unnamed_publisher=any(not entry["publisher"] for entry in entries),
            UNDATED=UNDATED,
            script=script,
            script_hash=script_hash,
        )
        return {INDEX_NAME: page}

    def _story_index(self, records: list[Record]) -> str:
        stories = story_views(records)
        entries = []
        for story in stories:
            entry = story_entry(story)
            entry["dates"] = " ".join(story.dates) or UNDATED
            entry["publishers"] = [str(publisher(record) or "-") for record in story.records]
            entry["warning_count"] = sum(len(record["warnings"]) for record in story.records) + len(story.warnings)
            entries.append(entry)
        dates = sorted({date for story in stories for date in story.dates}, reverse=True)
        if any(not story.dates for story in stories):
            dates.append(UNDATED)
        script, script_hash = _script("index.js")
        return environment.get_template("story_index.html").render(
            title=BRIEFING_TITLE,
            overview=story_overview(stories, records),
            entries=entries,
            dates=dates,
            publishers=sorted({str(publisher(record)) for record in records if publisher(record)}),
            has_unnamed_publisher=any(not publisher(record) for record in records),
            UNDATED=UNDATED,
            script=script,
            script_hash=script_hash,
        )

"""Markdown for people: one digest per article and the batch briefing, from the Jinja2 templates in
pipeline/templates/. Both render the record dict, so results served from the store render exactly
like fresh ones; a version-1 record (no names, no dateline place, every untranslated field named
with its reason) renders too."""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import jinja2

from pipeline.lang.zh import CLAUSE_BREAK

if TYPE_CHECKING:
    from pipeline.stories.views import StoryView

UNTRANSLATED_MARK = "(untranslated)"

# Inline Markdown syntax that would change how inserted text renders. `_` only matters at a word
# boundary (GFM ignores intraword underscores), so snake_case and file names stay readable.
_INLINE_SPECIAL = re.compile(r"([\\`*\[\]<>|~])|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
# Where a clause of a Chinese sentence ends; 、 only separates items of a list, so it is no break here.
_CLAUSE_BREAK = re.compile(CLAUSE_BREAK.pattern.replace("、", ""))
# Text at the start of a line that would turn it into a heading, quote, list item or rule.
_BLOCK_START = re.compile(r"^(\s*)(>|#{1,6}(?=\s|$)|\+(?=\s|$)|-(?=[\s-]|$)|\d{1,9}[.)](?=\s|$))")


def escape_markdown(text: str) -> str:
    """``text`` as one line of inline Markdown that renders as exactly that text."""
    return _INLINE_SPECIAL.sub(lambda match: "\\" + match.group(0), " ".join(text.split()))


def escape_paragraph(text: str) -> str:
    """``text`` as a paragraph of its own, where a leading `#`, `-` or `1.` must not start a block."""
    escaped = escape_markdown(text)
    return _BLOCK_START.sub(lambda match: match.group(1) + _escape_block_marker(match.group(2)), escaped)


def _escape_block_marker(marker: str) -> str:
    if marker[0].isdigit():
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def code_span(text: str) -> str:
    """``text`` as an inline code span, fenced with more backticks than it contains. Control
    characters (a newline in a file name) become U+FFFD: block structure is parsed before code
    spans, so a newline could start a heading or a list inside the span."""
    text = "".join("\ufffd" if unicodedata.category(char) == "Cc" else char for char in text)
    longest_run = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest_run + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def english_date(iso_date: str | None) -> str:
    """2024-11-05 -> 5 November 2024."""
    if not iso_date:
        return ""
    day = datetime.date.fromisoformat(iso_date)
    return f"{day.day} {day:%B %Y}"


def no_model_english(record: dict) -> bool:
    """Whether the article has no model English at all (no translator ran): its notice says so once,
    and its Chinese texts stand without a mark each. A version-1 record says it through its models."""
    return bool(record.get("untranslated_reason")) or record["models"]["translator"]["id"] == "none"


def untranslated_mark(record: dict) -> str:
    """The mark after a Chinese text shown in place of its English: "(untranslated)" where only some
    of the article's fields have no English, nothing where none has (the notice says it once)."""
    return "" if no_model_english(record) else UNTRANSLATED_MARK


def marked_untranslated(text: str, record: dict) -> str:
    """``text`` (Chinese shown in place of English) with the article's untranslated mark, if any."""
    mark = untranslated_mark(record)
    return f"{text} {mark}" if mark else text


def heading(record: dict) -> str:
    """The article's heading: the English headline, else the Chinese one (marked as untranslated
    when the article has other English)."""
    if record["headline_en"]:
        return record["headline_en"]
    return marked_untranslated(record["headline_zh"] or record["metadata"]["title_zh"] or record["id"], record)


def github_anchor(heading_text: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped (letters, digits, `_` and
    `-` of any script kept), spaces turned into hyphens."""
    kept = (char for char in unicodedata.normalize("NFC", heading_text.lower()) if char in " -_" or unicodedata.category(char)[0] in "LMN")
    return "".join(kept).replace(" ", "-")


class AnchorRegistry:
    """Anchors of a document's headings in order, numbered as GitHub numbers repeats: -1, -2, ..."""

    def __init__(self) -> None:
        self._occurrences: dict[str, int] = {}

    def add(self, heading_text: str) -> str:
        base = github_anchor(heading_text)
        anchor = base
        while anchor in self._occurrences:
            self._occurrences[base] += 1
            anchor = f"{base}-{self._occurrences[base]}"
        self._occurrences[anchor] = 0
        return anchor


def figure_clause(figure: dict) -> str:
    """The clause of a key figure's Chinese sentence that holds it, which says what the figure
    counts in a few words: 湖北省技能人才总量达959万人 rather than the whole sentence."""
    sentence, figure_zh = figure["context_zh"], figure["text_zh"]
    at = sentence.find(figure_zh)
    if at < 0:
        return sentence
    breaks_before = [match.end() for match in _CLAUSE_BREAK.finditer(sentence, 0, at)]
    after = _CLAUSE_BREAK.search(sentence, at + len(figure_zh))
    return sentence[breaks_before[-1] if breaks_before else 0 : after.start() if after else len(sentence)].strip()


def programme_entries(record: dict) -> list[tuple[str | None, list[str]]]:
    """(English name, Chinese names) per programme, in order; programmes the glossary gives the same
    English (产业工人队伍建设改革 and its short form 产改) are listed once, with both Chinese names."""
    entries: list[tuple[str | None, list[str]]] = []
    by_english: dict[str, list[str]] = {}
    for programme in record["programmes"]:
        name_en = programme["name_en"]
        if name_en is not None and name_en.casefold() in by_english:
            by_english[name_en.casefold()].append(programme["name_zh"])
            continue
        names_zh = [programme["name_zh"]]
        entries.append((name_en, names_zh))
        if name_en is not None:
            by_english[name_en.casefold()] = names_zh
    return entries


def untranslated_notices(record: dict) -> list[str]:
    """One sentence per distinct reason named in ``untranslated``, counting the parts it left in
    Chinese (the run's one reason, ``untranslated_reason``, has its own notice: rule_english_notice)."""
    reasons = Counter(record["untranslated"].values())
    return [f"{count} part{'s' if count > 1 else ''} shown in Chinese: {reason.rstrip('.')}." for reason, count in reasons.items()]


def rule_english_notice(reason: str) -> str:
    """The one line that opens a digest without model English."""
    return f"English here is made by rule (figures, names, glossary terms); the rest is in Chinese: {reason.rstrip('.')}."


def rule_english_notices(records: list[dict]) -> list[str]:
    """rule_english_notice for each distinct reason the records give for having no model English."""
    reasons = dict.fromkeys(record.get("untranslated_reason") for record in records)
    return [rule_english_notice(reason) for reason in reasons if reason]


# Where each English field's Chinese is: the same path with _zh for _en.
_FIELD_PATH = re.compile(r"(\w+)(?:\[(\d+)\])?")


def _field(record: dict, path: str) -> object:
    value: object = record
    for name, index in _FIELD_PATH.findall(path):
        value = value[name] if isinstance(value, dict) else None
        if index and isinstance(value, list):
            value = value[int(index)]
    return value


def _english_paths(record: dict) -> list[str]:
    paths = ["metadata.title_en", "metadata.publisher_en", "headline_en", "summary_en"]
    paths += [f"key_figures[{i}].context_en" for i in range(len(record["key_figures"]))]
    for i in range(len(record["programmes"])):
        paths += [f"programmes[{i}].name_en", f"programmes[{i}].context_en"]
    return paths


def untranslated_fields(record: dict) -> dict[str, str]:
    """Every field left in Chinese -> why: those ``untranslated`` names, and, when the record gives
    the run's one reason, each other English field that is null while its Chinese is not."""
    fields = dict(record["untranslated"])
    reason = record.get("untranslated_reason")
    if reason:
        for path in _english_paths(record):
            if path not in fields and _field(record, path) is None and _field(record, path.replace("_en", "_zh")):
                fields[path] = reason
    return fields


# The groups of the "People and places" section: (label, kind, role).
NAME_GROUPS = (
    ("People", "person", ""),
    ("Places", "place", ""),
    ("Organisations", "organisation", ""),
    ("Reported by", "person", "reporter"),
    ("Edited by", "person", "editor"),
)


def name_groups(record: dict) -> list[tuple[str, list[str]]]:
    """(label, English names) for each group with names, in order of first mention. A place inside
    another listed place (湖北 in 湖北省) is left out: the longer one says it."""
    entities = record.get("entities") or []
    places = [entity["zh"] for entity in entities if entity["kind"] == "place"]
    groups = []
    for label, kind, role in NAME_GROUPS:
        english = [
            entity["en"]
            for entity in entities
            if entity["kind"] == kind
            and entity["role"] == role
            and not (kind == "place" and any(entity["zh"] in other and entity["zh"] != other for other in places))
        ]
        if english:
            groups.append((label, list(dict.fromkeys(english))))
    return groups


def outlet(record: dict) -> str:
    """Who published the article: the publisher's English or Chinese name, else the web address's
    host, else the input file's name."""
    metadata = record["metadata"]
    host = urlsplit(metadata.get("url") or "").hostname
    return metadata["publisher_en"] or metadata["publisher_zh"] or host or PurePosixPath(record["source"]["path"]).name


def batch_overview(ordered: list[dict]) -> str:
    """5 articles, 28 November 2023 to 5 November 2024 (2 undated). — ``ordered`` in briefing order."""
    dates = [record["metadata"]["date"] for record in ordered if record["metadata"]["date"]]
    line = f"{len(ordered)} article{'s' if len(ordered) != 1 else ''}"
    if dates:
        newest, oldest = english_date(dates[0]), english_date(dates[-1])
        line += f", {oldest}" + (f" to {newest}" if newest != oldest else "")
    if len(dates) < len(ordered):
        line += f" ({len(ordered) - len(dates)} undated)"
    return line + "."


def story_overview(stories: list[StoryView], ordered: list[dict]) -> str:
    """5 articles, 28 November 2023 to 5 November 2024 (2 undated), in 3 stories."""
    return f"{batch_overview(ordered)[:-1]}, in {len(stories)} stor{'ies' if len(stories) != 1 else 'y'}."


# People's names romanised by the rule of a Hong Kong or Taiwan story (names.romanise): a reading,
# not necessarily the bearer's own spelling, which the entity's note says.
_REGIONAL_ROMANISATIONS = ("cantonese", "wade-giles")


def name_notes(record: dict) -> list[str]:
    """The distinct caveats on people's names romanised by a region's rule."""
    entities = record.get("entities") or []
    notes = (entity.get("note") for entity in entities if entity["kind"] == "person" and entity["method"] in _REGIONAL_ROMANISATIONS)
    return list(dict.fromkeys(note for note in notes if note))


def briefing_order(records: list[dict]) -> list[dict]:
    """Newest first, undated last; articles of the same date keep their input order."""
    dated = sorted((r for r in records if r["metadata"]["date"]), key=lambda r: r["metadata"]["date"], reverse=True)
    return dated + [r for r in records if not r["metadata"]["date"]]


_environment = jinja2.Environment(
    loader=jinja2.PackageLoader("pipeline", "templates"),
    autoescape=False,  # Markdown, not HTML: inserted text goes through the `md` filter instead
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_environment.filters.update(md=escape_markdown, md_paragraph=escape_paragraph, code=code_span, english_date=english_date, outlet=outlet)
# What every view's templates may call on a record, Markdown and HTML alike.
RECORD_HELPERS = {
    "heading": heading,
    "figure_clause": figure_clause,
    "programme_entries": programme_entries,
    "untranslated_notices": untranslated_notices,
    "untranslated_fields": untranslated_fields,
    "rule_english_notice": rule_english_notice,
    "name_groups": name_groups,
    "outlet": outlet,
    "name_notes": name_notes,
    "english_date": english_date,
    "no_model_english": no_model_english,
    "untranslated_mark": untranslated_mark,
    "marked_untranslated": marked_untranslated,
}
_environment.globals.update(RECORD_HELPERS)


def _tidy(markdown: str) -> str:
    """At most one blank line in a row and one final newline, whatever the template branches left."""
    return re.sub(r"\n{3,}", "\n\n", markdown).strip("\n") + "\n"


def render_digest(record: dict) -> str:
    """The Markdown digest of one article."""
    return _tidy(_environment.get_template("digest.md.j2").render(record=record))


BRIEFING_TITLE = "News briefing"
CONTENTS_TITLE = "Contents"
CHECKS_TITLE = "Check before publishing"


def render_briefing(records: list[dict]) -> str:
    """The batch briefing: title, date range, contents, then one section per article in
    ``briefing_order``."""
    ordered = briefing_order(records)
    anchors = AnchorRegistry()
    anchors.add(BRIEFING_TITLE)
    anchors.add(CONTENTS_TITLE)
    entries = [{"record": record, "anchor": anchors.add(heading(record))} for record in ordered]
    dates = [record["metadata"]["date"] for record in ordered if record["metadata"]["date"]]
    return _tidy(
        _environment.get_template("briefing.md.j2").render(
            title=BRIEFING_TITLE,
            contents_title=CONTENTS_TITLE,
            entries=entries,
            notices=rule_english_notices(ordered),
            newest=dates[0] if dates else None,
            oldest=dates[-1] if dates else None,
            undated=len(ordered) - len(dates),
        )
    )


def render_story_briefing(stories: list[StoryView], records: list[dict], article_link: Callable[[dict], str]) -> str:
    """The batch briefing organised by ``stories`` (pipeline/stories/views.py, made of ``records``):
    the figures that differ between outlets first, then per story its lead article's digest, the
    other outlets with links (``article_link`` of a record), a timeline when it spans days, and the
    merged figures."""
    anchors = AnchorRegistry()
    for title in (BRIEFING_TITLE, CHECKS_TITLE, CONTENTS_TITLE):
        anchors.add(title)
    entries: list[dict[str, Any]] = [{"story": story, "anchor": anchors.add(heading(story.lead))} for story in stories]
    overview = story_overview(stories, briefing_order(records))
    return _tidy(
        _environment.get_template("story_briefing.md.j2").render(
            title=BRIEFING_TITLE,
            contents_title=CONTENTS_TITLE,
            checks_title=CHECKS_TITLE,
            overview=overview,
            entries=entries,
            checks=[entry for entry in entries if entry["story"].warnings],
            notices=rule_english_notices(records),
            article_link=article_link,
        )
    )

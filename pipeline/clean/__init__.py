"""Clean: from an ingested article to body paragraphs plus metadata, in Simplified Chinese by default.

Order matters: characters and pinyin first (they confuse every later rule), garbled spans before the
script is judged, punctuation before lines are classified (the patterns expect full-width marks)."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.clean.boilerplate import (
    is_caption_above_credit,
    is_disclaimer_label,
    is_footer_line,
    is_furniture,
    is_headline_like,
    is_photo_caption,
    is_related_label,
    is_section_label,
    strip_end_mark,
)
from pipeline.clean.characters import normalise_characters
from pipeline.clean.dedupe import drop_repeats
from pipeline.clean.lines import Line, is_body_like, split_lines
from pipeline.clean.metadata import (
    clean_publisher,
    find_title,
    is_original_title,
    parse_metadata_line,
    person_names,
    split_leading_dateline,
    split_trailing_byline,
)
from pipeline.clean.mojibake import fix_garbles
from pipeline.clean.pinyin import remove_pinyin
from pipeline.clean.punctuation import (
    normalise_punctuation,
    remove_spaces_between_chinese,
)
from pipeline.clean.script import (
    SIMPLIFIED,
    detect_script,
    to_simplified,
)
from pipeline.errors import InputError
from pipeline.lang.zh import CHINESE_PUNCTUATION
from pipeline.records import Article, CleanArticle, Metadata, Source
from pipeline.text import GAP_MARK

__all__ = ["clean_article"]

# Lines opening with the same characters are copies of one paragraph (some are truncated).
_OPENING_CHARS = 20
# Paragraphs searched for the dateline opening the lead.
_LEAD_SEARCH = 3
_GAP_ONLY = re.compile(rf"{re.escape(GAP_MARK)}|[\s{CHINESE_PUNCTUATION}.,;:!?]")


def _add_authors(metadata: Metadata, names: list[str]) -> None:
    metadata.authors.extend(name for name in person_names(names) if name not in metadata.authors)


def _read_metadata(lines: list[Line]) -> tuple[Metadata, set[int], str | None]:
    """Metadata declared by the page's date/source/byline/editor lines, the indices of those lines,
    and a date found only below the start of the article. A labelled date (发布时间：) or a date line
    above the first paragraph is the article's; a bare date further down may belong to a list of
    other articles, so it ranks below the page's own metadata."""
    metadata = Metadata()
    used: set[int] = set()
    labelled_date = later_date = None
    first_body = next((i for i, line in enumerate(lines) if is_body_like(line.text)), len(lines))
    for index, line in enumerate(lines):
        found = parse_metadata_line(line.text)
        if found is None:
            continue
        used.add(index)
        if found.date_labelled and labelled_date is None:
            labelled_date = found.date
        if index < first_body:
            metadata.date = metadata.date or found.date
        else:
            later_date = later_date or found.date
        metadata.publisher_zh = metadata.publisher_zh or found.publisher
        metadata.editor = metadata.editor or found.editor
        _add_authors(metadata, found.authors)
    metadata.date = labelled_date or metadata.date
    return metadata, used, later_date


def _body_like_lines(lines: list[Line]) -> list[int]:
    """Indices of lines of running text, less copies of earlier ones (pages repeat their lead after
    the article, in a share box or a description), which say nothing about where the article ends."""
    openings: set[str] = set()
    found = []
    for index, line in enumerate(lines):
        if is_body_like(line.text):
            opening = line.text[:_OPENING_CHARS]
            if opening not in openings:
                found.append(index)
            openings.add(opening)
    return found


def _related_lists(lines: list[Line]) -> set[int]:
    """Indices of the list items and titles right under a related or recommended label (你可能还想看,
    相关新闻): links to other articles, however long the snippets quoted from them, or their bare
    titles when the page lists them without bullets (the list ends at the first sentence)."""
    found: set[int] = set()
    under_label = False
    for index, line in enumerate(lines):
        if is_related_label(line.text):
            under_label = True
        elif under_label and (line.is_item or is_headline_like(line.text)):
            found.add(index)
        else:
            under_label = False
    return found


def _furniture_lines(lines: list[Line]) -> set[int]:
    """Indices of page furniture, related-article lists, photo captions (above the article, also a
    caption known by the credit below it), section labels in the page head (社会, 星期五; not the
    line right above the first paragraph, which is its subheading), and footer lines after the last
    paragraph."""
    related = _related_lists(lines)
    furniture = {index for index, line in enumerate(lines) if is_furniture(line.text)}
    # A disclaimer under its label alone (免责声明 / 本文仅代表作者本人观点……) goes with the label.
    furniture |= {index + 1 for index in furniture if index + 1 < len(lines) and is_disclaimer_label(lines[index].text)}
    # A furniture sentence (a site's notice under the footer) is not where the article ends.
    body = [index for index in _body_like_lines(lines) if index not in related and index not in furniture]
    first_body, last_body = (body[0], body[-1]) if body else (len(lines), len(lines))
    return related | furniture | {
        index
        for index, line in enumerate(lines)
        if is_photo_caption(line)
        or (index < first_body - 1 and is_section_label(line.text))
        or (index > last_body and is_footer_line(line.text))
        or (index < first_body and index + 1 < len(lines) and is_caption_above_credit(line, lines[index + 1]))
    }


def _simplified(page: Metadata) -> Metadata:
    return replace(
        page,
        title_zh=to_simplified(page.title_zh),
        publisher_zh=to_simplified(page.publisher_zh) if page.publisher_zh else None,
        authors=[to_simplified(a) for a in page.authors],
        editor=to_simplified(page.editor) if page.editor else None,
    )


def _page_pairs(simplified: Metadata, original: Metadata) -> list[tuple[str, str]]:
    fields = [(simplified.title_zh, original.title_zh), (simplified.publisher_zh, original.publisher_zh)]
    fields += list(zip(simplified.authors, original.authors, strict=True)) + [(simplified.editor, original.editor)]
    return [(s, o) for s, o in fields if s and o]


def _in_original_script(value: str, pairs: list[tuple[str, str]]) -> str:
    """``value``, found in the Simplified copy of a line, as written in the original line.
    OpenCC maps character for character here, so the same offsets hold in both."""
    for simplified, original in pairs:
        offset = simplified.find(value)
        if offset >= 0 and len(simplified) == len(original):
            return original[offset : offset + len(value)]
    return value


def _keep_script(metadata: Metadata, pairs: list[tuple[str, str]]) -> None:
    def original(value: str | None) -> str | None:
        return _in_original_script(value, pairs) if value else value

    metadata.title_zh = original(metadata.title_zh) or ""
    metadata.publisher_zh = original(metadata.publisher_zh)
    metadata.editor = original(metadata.editor)
    metadata.authors = [original(a) or a for a in metadata.authors]


def _fill_from_page(metadata: Metadata, page: Metadata) -> None:
    metadata.date = metadata.date or page.date
    metadata.publisher_zh = metadata.publisher_zh or clean_publisher(page.publisher_zh)
    metadata.editor = metadata.editor or page.editor
    metadata.authors = metadata.authors or person_names(page.authors)
    metadata.url = metadata.url or page.url


def _take_bylines_from_body(paragraphs: list[str], metadata: Metadata) -> list[str]:
    """The body without the dateline opening its lead (本报讯（记者 张三）; the lead may follow a
    subheading or two) and the byline or end mark closing it (（王黎奎）, （完）); what they name
    goes into ``metadata``."""
    for index, paragraph in enumerate(paragraphs[:_LEAD_SEARCH]):
        paragraphs[index], publisher, authors = split_leading_dateline(paragraph)
        if paragraphs[index] != paragraph:
            metadata.publisher_zh = metadata.publisher_zh or publisher
            _add_authors(metadata, authors)
            break
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    if paragraphs:
        paragraphs[-1], authors = split_trailing_byline(strip_end_mark(paragraphs[-1]))
        _add_authors(metadata, authors)
    return paragraphs


def clean_article(article: Article, script: str = "simplified") -> CleanArticle:
    """Body paragraphs and metadata of ``article``. ``script``: "simplified" converts Traditional text
    to Simplified, "keep" leaves it; ``source.script`` records what the article was written in."""
    text, warnings = normalise_characters(article.text)
    text, garble_warnings = fix_garbles(remove_pinyin(text))
    warnings += garble_warnings
    original_script = detect_script(text)
    # Every rule reads a Simplified copy (their patterns are Simplified); with "keep", the body and
    # metadata are then taken from the original lines at the same positions.
    lines = split_lines(normalise_punctuation(to_simplified(text)))
    output_lines = lines if script == SIMPLIFIED else split_lines(normalise_punctuation(text))

    metadata, metadata_lines, later_date = _read_metadata(lines)
    page = _simplified(article.page_metadata)
    not_body = metadata_lines | _furniture_lines(lines)
    metadata.title_zh, title_lines = find_title(lines, not_body, page.title_zh)
    # The headline said again below the article's start (a page's recovered title paragraph) is a repeat.
    not_body |= title_lines | {
        i for i, line in enumerate(lines) if is_original_title(line.text) or (metadata.title_zh and line.text == metadata.title_zh)
    }
    _fill_from_page(metadata, page)
    if article.page_text:
        page_lines = split_lines(normalise_punctuation(to_simplified(article.page_text)))
        _fill_from_page(metadata, _read_metadata(page_lines)[0])
    metadata.date = metadata.date or later_date
    if script != SIMPLIFIED:
        line_pairs = [(lines[i].text, output_lines[i].text) for i in sorted(metadata_lines | title_lines)]
        _keep_script(metadata, line_pairs + _page_pairs(page, article.page_metadata))
    paragraphs = [remove_spaces_between_chinese(line.text) for i, line in enumerate(output_lines) if i not in not_body]
    # A line that was garbled from end to end is a gap and nothing else: there is no sentence to mark.
    paragraphs = [paragraph for paragraph in paragraphs if _GAP_ONLY.sub("", paragraph)]
    paragraphs, repeat_warnings = drop_repeats(paragraphs)
    warnings += repeat_warnings
    paragraphs = _take_bylines_from_body(paragraphs, metadata)
    if not paragraphs:
        raise InputError("no article text left after cleaning")
    return CleanArticle(
        id=article.id,
        source=Source(article.source.path, article.source.sha256, article.source.encoding, original_script),
        metadata=metadata,
        paragraphs_zh=paragraphs,
        warnings=article.warnings + warnings,
        damaged_paragraphs=[index for index, paragraph in enumerate(paragraphs) if GAP_MARK in paragraph],
    )

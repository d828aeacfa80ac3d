"""Markdown inputs as the plain text the clean stage reads: one line per paragraph, heading, list
item, quote or table row, with the markup gone (emphasis marks, link targets, images, HTML)."""

from __future__ import annotations

from functools import cache

import lxml.etree
import lxml.html
from markdown_it import MarkdownIt
from markdown_it.token import Token

# Inline tokens whose text is not the article's: an image's alt text, inline HTML.
_SKIPPED_INLINE = frozenset({"image", "html_inline"})
_LINE_BREAKS = frozenset({"softbreak", "hardbreak"})
# Paragraphs indented by four spaces, as plain Chinese text often is, parse as code blocks: their
# lines are text like any other.
_VERBATIM_BLOCKS = frozenset({"code_block", "fence"})


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def _inline_text(token: Token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in _SKIPPED_INLINE:
            continue
        if child.type in _LINE_BREAKS:
            parts.append("\n")
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
    return "".join(parts).strip()


def _html_text(html: str) -> str:
    try:
        return lxml.html.fragment_fromstring(html, create_parent="div").text_content().strip()
    except (lxml.etree.ParserError, ValueError):
        return ""


def markdown_to_text(markdown: str) -> str:
    """The text of ``markdown``, blocks apart by a blank line; cells of a table row share a line."""
    blocks: list[str] = []
    row: list[str] | None = None  # the cells of the table row being read
    for token in _parser().parse(markdown):
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            blocks.append(" ".join(row))
            row = None
        elif token.type == "inline" and (text := _inline_text(token)):
            (row if row is not None else blocks).append(text)
        elif token.type == "html_block":
            blocks.append(_html_text(token.content))
        elif token.type in _VERBATIM_BLOCKS:
            blocks.extend(line.strip() for line in token.content.splitlines())
    return "\n\n".join(block for block in blocks if block) + "\n"

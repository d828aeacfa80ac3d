"""Quoted stretches of text: 《book titles》 and “short quoted names”, told apart from quoted speech.

Both the figure finder (numbers inside names such as “2+4” or 《...五项行动...》 are not figures)
and the programme finder (those names are programmes) start from these spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lang.zh import HAN, SENTENCE_END

_BOOK_TITLE = re.compile(r"《([^《》\n]{1,80})》")
# One pattern per pair of marks, so a ‘name’ inside “speech” is still found.
_QUOTES = tuple(
    re.compile(f"{opening}([^{opening}{closing}\\n]{{1,200}}){closing}")
    for opening, closing in (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ('"', '"'))
)
# Quoted speech rather than a name: it holds a whole sentence or is introduced as something said.
_SPEECH_LEAD = re.compile(r"(?:说|表示|指出|介绍|强调|坦言|直言|道)[:：，,]?\s*$|[:：]\s*$")
MAX_NAME_CHARS = 25
_SPEECH_LEAD_WINDOW = 6
# A short quote run straight into the words after it (介绍，“购在中国”系列活动) modifies a noun: it
# is a name even after a verb of saying.
_MODIFIER_MAX_CHARS = 12
_INNER_QUOTE_MARKS = str.maketrans("", "", "“”‘’「」『』\"")


@dataclass(frozen=True)
class Quoted:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark
    inner: str  # the text between the marks
    is_book_title: bool


def strip_quote_marks(name: str) -> str:
    """《“2+4”现代化...方案》 holds a quoted code; the name keeps the code without its marks."""
    return name.translate(_INNER_QUOTE_MARKS).strip()


def _is_name(text: str, match: re.Match, inner: str) -> bool:
    if len(inner) > MAX_NAME_CHARS or SENTENCE_END.search(inner):
        return False
    lead = text[max(0, match.start() - _SPEECH_LEAD_WINDOW) : match.start()]
    if len(inner) <= _MODIFIER_MAX_CHARS and HAN.match(text, match.end()):
        return True
    return not _SPEECH_LEAD.search(lead)


def find_quoted_names(text: str) -> list[Quoted]:
    """Every 《title》 and every quoted name (not speech) in ``text``, in text order."""
    found = [Quoted(m.start(), m.end(), m.group(1), True) for m in _BOOK_TITLE.finditer(text)]
    for pattern in _QUOTES:
        for match in pattern.finditer(text):
            if _is_name(text, match, match.group(1)):
                found.append(Quoted(match.start(), match.end(), match.group(1), False))
    return sorted(found, key=lambda quoted: quoted.start)

"""Character-level repairs: invisible and replacement characters out, full-width letters, digits and
decimal points to ASCII."""

from __future__ import annotations

import re

# C0/C1 controls except tab and newline, zero-width characters, BOMs inside the text, and U+FFFD,
# which marks bytes an earlier tool could not decode: none of them carries meaning.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2060\ufeff\ufffd]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f]")

# Full-width digits and Latin letters (U+FF10-FF19, FF21-FF3A, FF41-FF5A) map to ASCII by a fixed
# offset, exactly as NFKC does; full-width punctuation is left alone since Chinese text uses it.
_FULL_WIDTH_ALNUM = {
    code: code - 0xFEE0
    for first, last in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
    for code in range(first, last + 1)
}


# A full-width point between digits is a decimal point (１２．５％ is 12.5%); elsewhere it is Chinese
# punctuation and stays.
_FULL_WIDTH_DECIMAL_POINT = re.compile(r"(?<=\d)．(?=\d)")


def normalise_characters(text: str) -> tuple[str, list[str]]:
    """Unify line breaks and spaces, strip invisible/replacement characters (with a warning), and
    turn full-width digits and letters into ASCII."""
    warnings = []
    text = _SPACES.sub(" ", _LINE_BREAKS.sub("\n", text))
    text, removed = _INVISIBLE.subn("", text)
    if removed:
        warnings.append(f"removed {removed} control or replacement character(s)")
    return _FULL_WIDTH_DECIMAL_POINT.sub(".", text.translate(_FULL_WIDTH_ALNUM)), warnings

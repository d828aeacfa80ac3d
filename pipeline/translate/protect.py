"""Placeholders that carry figures and names through the model untouched.

Each protected span of the Chinese becomes one capital Latin letter set off by spaces. Each
translator declares the letters its vocabularies keep as ONE piece (``▁K``), so the model sees a
single opaque token it copies, and the exact English is put back afterwards; see
docs/faithfulness/translation.md, "Placeholders".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from pipeline.translate.glossary import Glossary

# A letter standing alone: not part of a word, an abbreviation (U.S.) or a name like O'Brien; a
# possessive 's after a placeholder (K's plan) is English around it, not part of it.
_STANDALONE_LETTER = re.compile(r"(?<![\w.'’-])([A-Z])(?![\w-]|['’](?!s\b)|\.\w)")


@dataclass(frozen=True)
class Protected:
    source: str
    text: str  # the source with placeholders, what the model sees
    replacements: dict[str, str] = field(default_factory=dict)  # letter -> exact English
    # The letters the translator keeps whole; any of them in the output that was not assigned here
    # and is not in the source was invented by the model.
    letters: str = ""


class Repair(Enum):
    DROPPED = "dropped"
    DUPLICATED = "duplicated"
    INVENTED = "invented"


@dataclass(frozen=True)
class PlaceholderProblem:
    repair: Repair
    english: str  # the English of the placeholder (for an invented one, its letter)

    def __str__(self) -> str:
        if self.repair is Repair.DROPPED:
            return f'dropped placeholder for "{self.english}" appended in brackets'
        if self.repair is Repair.DUPLICATED:
            return f'duplicated placeholder for "{self.english}" removed'
        return f'invented placeholder "{self.english}" removed'


@dataclass(frozen=True)
class Restored:
    text: str
    problems: list[PlaceholderProblem]


def _starts_mid_number(text: str, start: int, end: int) -> bool:
    """A figure like 6% must not be taken from inside 27.6% or 16%."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return (text[start].isdigit() and (before.isdigit() or before in (".", ","))) or (
        text[end - 1].isdigit() and (after.isdigit() or after == ".")
    )


def fixed_spans(sentence: str, fixed: Iterable[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """The spans of ``sentence`` that ``fixed`` (Chinese, English) pairs protect: longest first, never
    overlapping, never inside a longer number. The verifier uses the same matching to know which
    names a field carried."""
    spans: list[tuple[int, int, str]] = []
    for zh, en in sorted(set(fixed), key=lambda pair: len(pair[0]), reverse=True):
        for match in re.finditer(re.escape(zh), sentence):
            start, end = match.span()
            if _starts_mid_number(sentence, start, end):
                continue
            if all(end <= s or start >= e for s, e, _ in spans):
                spans.append((start, end, en))
    return spans


def protect(sentence: str, fixed: Iterable[tuple[str, str]], glossary: Glossary, placeholder_letters: str) -> Protected:
    """Replace each ``fixed`` (Chinese, English) pair found in ``sentence`` (figures, programme names;
    longest first), then each glossary term in what is left, by one of ``placeholder_letters``."""
    spans = fixed_spans(sentence, fixed)
    for term in glossary.find_terms(sentence):
        if all(term.end <= s or term.start >= e for s, e, _ in spans):
            spans.append((term.start, term.end, term.en))
    letters = [letter for letter in placeholder_letters if letter not in sentence.upper()]
    # Beyond the available letters a span stays as Chinese; the verifier still checks its numbers.
    chosen = sorted(sorted(spans, key=lambda s: s[1] - s[0], reverse=True)[: len(letters)])
    pieces, replacements, cursor = [], {}, 0
    for (start, end, en), letter in zip(chosen, letters[: len(chosen)], strict=True):
        pieces += [sentence[cursor:start], f" {letter} "]
        replacements[letter] = en
        cursor = end
    pieces.append(sentence[cursor:])
    return Protected(sentence, re.sub(r" {2,}", " ", "".join(pieces)).strip(), replacements, placeholder_letters)


def restore(protected: Protected, translated: str) -> Restored:
    """Put the exact English back for each placeholder. A duplicated placeholder keeps its first
    occurrence, an invented one is removed, a dropped one has its English appended in brackets."""
    problems: list[PlaceholderProblem] = []
    seen: set[str] = set()

    def substitute(match: re.Match) -> str:
        letter = match.group(1)
        if letter in protected.replacements:
            if letter in seen:
                problems.append(PlaceholderProblem(Repair.DUPLICATED, protected.replacements[letter]))
                return ""
            seen.add(letter)
            return protected.replacements[letter]
        if letter in protected.letters and letter not in protected.source.upper():
            problems.append(PlaceholderProblem(Repair.INVENTED, letter))
            return ""
        return letter

    text = _STANDALONE_LETTER.sub(substitute, translated)
    dropped = [en for letter, en in protected.replacements.items() if letter not in seen]
    if dropped:
        problems += [PlaceholderProblem(Repair.DROPPED, en) for en in dropped]
        text = f"{text.rstrip()} [{'; '.join(dropped)}]"
    text = re.sub(r"\s+([,.;:!?%)])", r"\1", re.sub(r" {2,}", " ", text)).strip()
    return Restored(text[:1].upper() + text[1:], problems)

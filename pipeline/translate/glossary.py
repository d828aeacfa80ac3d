"""The zh->en glossary: fixed English for names and terms the model must not paraphrase."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline import PACKAGE_DIR
from pipeline.errors import ConfigError, quoted
from pipeline.settings import GlossarySettings

BUILTIN_GLOSSARY = PACKAGE_DIR / "glossary.tsv"
HEADER = ["zh", "en", "note"]
# What may stand between the parts of a composite name such as 工人日报-中工网.
_SEPARATOR = re.compile(r"\s*[-－–—·・/、|｜]\s*")


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    zh: str
    en: str


class Glossary:
    def __init__(self, entries: dict[str, str]):
        self.entries = dict(entries)
        # Longest first, so at any position the regex takes 产业工人队伍建设改革 over 产业工人.
        alternatives = sorted(self.entries, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, alternatives))) if alternatives else None

    def lookup(self, zh: str) -> str | None:
        """The English of ``zh``: an entry, or entries joined only by separators
        (工人日报-中工网 -> Workers' Daily – Workercn.cn). None when any part is not in the glossary."""
        zh = zh.strip()
        if zh in self.entries:
            return self.entries[zh]
        terms = self.find_terms(zh)
        gaps = [zh[end:start] for end, start in zip([0] + [t.end for t in terms], [t.start for t in terms] + [len(zh)], strict=True)]
        if not terms or gaps[0] or gaps[-1] or not all(_SEPARATOR.fullmatch(gap) for gap in gaps[1:-1]):
            return None
        return " – ".join(term.en for term in terms)

    def find_terms(self, text: str) -> list[TermMatch]:
        """Non-overlapping glossary terms in ``text``, leftmost-longest, in text order."""
        if self._pattern is None:
            return []
        return [TermMatch(m.start(), m.end(), m.group(), self.entries[m.group()]) for m in self._pattern.finditer(text)]


def read_glossary_file(path: Path) -> dict[str, str]:
    """Entries of a TSV glossary (header ``zh<TAB>en<TAB>note``). A bad file is a ConfigError naming file and line."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except OSError as error:
        raise ConfigError(f"glossary.path: {path}: cannot read glossary ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: glossary is not UTF-8") from None
    if not rows or [cell.strip() for cell in rows[0][:2]] != HEADER[:2]:
        raise ConfigError(f"{path}:1: glossary must start with the header line 'zh<TAB>en<TAB>note'")
    entries = {}
    for line_number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 2 or len(row) > 3 or not row[0].strip() or not row[1].strip():
            raise ConfigError(f"{path}:{line_number}: expected 'zh<TAB>en<TAB>note', got {quoted(row)}")
        entries[row[0].strip()] = row[1].strip()
    return entries


def load_glossary(settings: GlossarySettings) -> Glossary:
    """The built-in glossary, overlaid by the user's (settings glossary.path): user entries win."""
    entries = read_glossary_file(BUILTIN_GLOSSARY)
    if settings.path:
        entries.update(read_glossary_file(Path(settings.path)))
    return Glossary(entries)

"""The records that flow between stages: one dataclass per stage's output.

ingest -> Article -> clean -> CleanArticle -> names -> Names -> facts -> Facts
       -> summarise -> Summary -> translate -> English -> assemble -> Digest
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from enum import Enum
from pathlib import Path

SCHEMA_VERSION = 3


@dataclass(frozen=True)
class InputRef:
    """One input named on the command line: a file path, or stdin when ``path`` is None."""

    display: str
    path: Path | None = None


@dataclass
class Source:
    path: str
    sha256: str
    encoding: str
    # The script the article was written in: "simplified", "traditional" or "mixed".
    script: str = ""


@dataclass
class Metadata:
    title_zh: str = ""
    date: str | None = None  # ISO YYYY-MM-DD
    publisher_zh: str | None = None
    authors: list[str] = field(default_factory=list)
    editor: str | None = None
    # The page's canonical URL (link rel=canonical, else og:url), for HTML input.
    url: str | None = None


@dataclass
class Article:
    """Output of ingest: decoded text (for HTML, the extracted body) plus what the page itself declared."""

    id: str
    source: Source
    text: str
    is_html: bool = False
    # Metadata an HTML extractor found in the page markup; the clean stage prefers its own
    # findings in the text and falls back to these.
    page_metadata: Metadata = field(default_factory=Metadata)
    # For HTML: the visible text of the whole page, one line per block. Bylines and sources often sit
    # outside the extracted body; the clean stage reads missing metadata from these lines.
    page_text: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass
class CleanArticle:
    id: str
    source: Source
    metadata: Metadata
    paragraphs_zh: list[str]
    warnings: list[str] = field(default_factory=list)
    # Indices of paragraphs the clean stage had to cut (a garbled span dropped mid-sentence, marked
    # with pipeline.text.GAP_MARK): readable, but not what the source said, so never to be quoted.
    damaged_paragraphs: list[int] = field(default_factory=list)

    @property
    def text_zh(self) -> str:
        """The body as one string; figure offsets (`Figure.start`/`end`) index into this."""
        return "\n".join(self.paragraphs_zh)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "source": asdict(self.source),
            "metadata": asdict(self.metadata),
            "paragraphs_zh": list(self.paragraphs_zh),
            "damaged_paragraphs": list(self.damaged_paragraphs),
            "warnings": list(self.warnings),
        }


def json_number(value: Decimal) -> int | float:
    """Decimal -> the JSON number it denotes, an int when it is whole."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@dataclass
class Figure:
    text_zh: str  # the figure as written, qualifier included: "5.7万余名"
    value: Decimal  # exact, negative for -12.5%; for a range, the low end
    unit_zh: str  # canonical unit without the magnitude (pipeline/lang/zh_units.tsv): "人", "元", "%", "个百分点", ...
    # "", "nearly", "about", "more than", "over", "at least", "no more than", "as many as", "less than",
    # "or more", "or less", "reached", "range"
    qualifier: str
    text_en: str  # "more than 57,000"
    context_zh: str  # the sentence it came from
    start: int  # offsets of text_zh in CleanArticle.text_zh
    end: int
    value_high: Decimal | None = None  # the high end of a range
    score: float = 0.0  # key-figure ranking score; higher is more important

    def to_dict(self) -> dict:
        record = {
            "text_zh": self.text_zh,
            "value": json_number(self.value),
            "unit_zh": self.unit_zh,
            "qualifier": self.qualifier,
            "text_en": self.text_en,
            "context_zh": self.context_zh,
            "start": self.start,
            "end": self.end,
        }
        if self.value_high is not None:
            record["value_high"] = json_number(self.value_high)
        return record


@dataclass
class Programme:
    name_zh: str  # without 《》 or quotes: 五大行动, 工友杯, 1+X证书制度
    context_zh: str  # the first sentence it appears in
    start: int  # offset of its first mention in CleanArticle.text_zh

    def to_dict(self) -> dict:
        return {"name_zh": self.name_zh, "context_zh": self.context_zh, "start": self.start}


@dataclass
class Facts:
    id: str
    figures: list[Figure]  # every figure, in text order
    key_figures: list[Figure]  # the ranked selection for the digest, in text order
    programmes: list[Programme]
    # Figures of metadata.title_zh, offsets and context_zh into the title
    title_figures: list[Figure] = field(default_factory=list)
    # The unit a bare 元 stands for here: 元 (yuan), 港元 or 新台币 in a Hong Kong or Taiwan story
    currency: str = "元"

    def to_dict(self, all_figures: bool = False) -> dict:
        chosen = self.figures if all_figures else self.key_figures
        return {
            "id": self.id,
            "title_figures": [f.to_dict() for f in self.title_figures],
            "key_figures": [f.to_dict() for f in chosen],
            "programmes": [p.to_dict() for p in self.programmes],
        }


@dataclass
class Name:
    """A person, place or organisation of an article, with its English made by rule."""

    zh: str
    en: str
    kind: str  # "person" | "place" | "organisation"
    method: str  # how the English was made: "glossary" | "gazetteer" | "pinyin" | "cantonese" | "wade-giles"
    mentions: int  # occurrences in the title and body (inside longer names too: 十堰 in 十堰市)
    first_sentence: str  # the first whole sentence it appears in; "" for a name only in a byline
    start: int | None  # offset of the first mention in CleanArticle.text_zh; None when not in the body
    role: str = ""  # "reporter" or "editor" for the people of the bylines, "dateline" for its place
    note: str = ""  # a caveat on the English, such as pinyin for a Hong Kong or Taiwan name


@dataclass
class Names:
    """Output of the names stage: the article's names in order of first mention, and the place of
    its dateline when it has one (the dateline is read from the raw text, before cleaning)."""

    id: str
    names: list[Name]
    dateline_place: Name | None = None

    @property
    def fixed(self) -> list[tuple[str, str]]:
        """(Chinese, English) of every name, to be carried through translation verbatim."""
        pairs = [(name.zh, name.en) for name in self.names]
        if self.dateline_place is not None:
            pairs.append((self.dateline_place.zh, self.dateline_place.en))
        return pairs


@dataclass(frozen=True)
class ModelInfo:
    """What produced a text: a model id (or "extractive"/"none") and its revision."""

    id: str
    revision: str | None = None


@dataclass
class Summary:
    headline_zh: str
    summary_zh: str
    model: ModelInfo
    warnings: list[str] = field(default_factory=list)


class EnglishField(Enum):
    """Where an English text lands in the record; indexed fields format their position in."""

    TITLE = "metadata.title_en"
    PUBLISHER = "metadata.publisher_en"
    HEADLINE = "headline_en"
    SUMMARY = "summary_en"
    FIGURE_CONTEXT = "key_figures[{}].context_en"
    PROGRAMME_NAME = "programmes[{}].name_en"
    PROGRAMME_CONTEXT = "programmes[{}].context_en"


@dataclass(frozen=True)
class FieldRef:
    """One English field of the record: a field, and for list fields the item's position."""

    field: EnglishField
    index: int | None = None

    @property
    def path(self) -> str:
        """The record path consumers look the field up by: key_figures[2].context_en."""
        return self.field.value.format(self.index) if self.index is not None else self.field.value


@dataclass
class QualityCounts:
    """What the translation stage repaired or could not vouch for, counted per article (a run's
    stats file adds them up). The warnings say the same in words."""

    placeholders_dropped: int = 0
    placeholders_duplicated: int = 0
    placeholders_invented: int = 0
    numbers_unverified: int = 0
    programme_names_missing: int = 0
    names_missing: int = 0
    fields_untranslated: int = 0

    def add(self, other: QualityCounts) -> None:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)


@dataclass
class English:
    """Output of the translation stage: the English of each field it was asked for. A field that
    could not be translated is None (or absent) and named in ``untranslated`` with the reason;
    ``untranslated_reason`` is set when there is no model English at all (no translator)."""

    texts: dict[FieldRef, str | None]
    model: ModelInfo
    untranslated: dict[FieldRef, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    counts: QualityCounts = field(default_factory=QualityCounts)
    untranslated_reason: str | None = None

    def text(self, ref: FieldRef) -> str | None:
        return self.texts.get(ref)


@dataclass
class KeyFigureRecord:
    text_zh: str
    value: int | float
    unit_zh: str
    qualifier: str
    text_en: str
    context_zh: str
    context_en: str | None


@dataclass
class ProgrammeRecord:
    name_zh: str
    name_en: str | None
    context_zh: str
    context_en: str | None


@dataclass
class EntityRecord:
    zh: str
    en: str
    kind: str
    method: str
    role: str
    mentions: int
    context_zh: str  # the first whole sentence it appears in; "" for a name only in a byline
    note: str = ""  # left out of the record when empty


@dataclass
class Digest:
    """The per-article record, schema version 3 (pipeline/schema/digest.schema.json)."""

    id: str
    source: Source
    metadata: dict  # title_zh, title_en, date, publisher_zh, publisher_en, authors, dateline_place
    text_zh: str
    headline_zh: str
    headline_en: str | None
    summary_zh: str
    summary_en: str | None
    key_figures: list[KeyFigureRecord]
    programmes: list[ProgrammeRecord]
    warnings: list[str]
    models: dict  # {"summariser": ModelInfo-as-dict, "translator": ModelInfo-as-dict}
    entities: list[EntityRecord] = field(default_factory=list)
    # Why there is no model English at all, said once; ``untranslated`` then names only the fields
    # with another reason.
    untranslated_reason: str | None = None
    untranslated: dict[str, str] = field(default_factory=dict)
    # Not part of the record: the run's stats file adds these up.
    counts: QualityCounts = field(default_factory=QualityCounts)

    def to_dict(self) -> dict:
        record = asdict(self)
        del record["counts"]
        for entity in record["entities"]:
            if not entity["note"]:
                del entity["note"]
        # The story is the store's to say, current when records are read (Store.record_texts).
        return {"schema": SCHEMA_VERSION, **record, "story": None}

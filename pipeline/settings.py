"""Typed settings, validated once when they are loaded. Each component receives its own section.

The layout is that of pipeline/defaults.toml. A wrong type, a value out of range, an unknown key
or a name no registry knows is one ConfigError naming the key, before any input is read."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
    field_validator,
)

from pipeline.errors import ConfigError, quoted
from pipeline.registry import ENGINES, OUTPUT_FORMATS, SUMMARISERS, TRANSLATORS, Registry

# Where a prompt takes the article's text.
PROMPT_PLACEHOLDER = "{text}"

def read_prompt(path: str) -> str:
    """The prompt in ``path``, stripped; ValueError saying why it cannot be used (unreadable, or no
    placeholder). Settings validation calls it, so a summariser reading its prompts later meets a
    usable file."""
    try:
        prompt = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"cannot read prompt file ({getattr(error, 'strerror', None) or error})") from None
    if PROMPT_PLACEHOLDER not in prompt:
        raise ValueError(f"prompt file has no {PROMPT_PLACEHOLDER} placeholder")
    return prompt.strip()


# The limits of POSIX file systems: a name in a path, and the whole path, in bytes.
NAME_MAX_BYTES = 255
PATH_MAX_BYTES = 4095


def _fits_file_system(path: str) -> str:
    """``path`` when a file system can hold it; a ValueError otherwise, before any file is looked up."""
    longest = max((len(os.fsencode(name)) for name in path.split(os.sep)), default=0)
    if longest > NAME_MAX_BYTES:
        raise ValueError(f"a name in this path has {longest} bytes, more than the {NAME_MAX_BYTES} a file name may have")
    if len(os.fsencode(path)) > PATH_MAX_BYTES:
        raise ValueError(f"the path has more than the {PATH_MAX_BYTES} bytes a path may have")
    return path


PositiveInt = Annotated[StrictInt, Field(ge=1)]
NonNegativeInt = Annotated[StrictInt, Field(ge=0)]
NonEmptyStr = Annotated[StrictStr, Field(min_length=1)]
# A file or folder, or a model id (which may also name a folder).
PathStr = Annotated[StrictStr, AfterValidator(_fits_file_system)]
NonEmptyPathStr = Annotated[NonEmptyStr, AfterValidator(_fits_file_system)]
# TOML writes 2 for 2.0; a whole number is a fine ratio.
PositiveFloat = Annotated[StrictFloat | StrictInt, Field(gt=0)]


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _registered(registry: Registry, name: str) -> str:
    if name not in registry:
        raise ValueError(f"unknown {registry.family} '{name}' (known: {', '.join(registry.names())})")
    return name


class ModelsSettings(Section):
    # Where `digest models pull` stores models and where the stages look for them first.
    dir: NonEmptyPathStr
    # CPU threads for the models; 0 lets torch choose (one per core).
    threads: NonNegativeInt = 0


# CTranslate2 weight types usable on CPU; int8 is about 4x smaller than float32 and faster.
ComputeType = Literal["int8", "int8_float32", "int16", "float32"]


class SummariserGeneration(Section):
    # 2, not 4: half the decoding work (benchmarks/real_size.py); the checks on numbers still apply.
    num_beams: PositiveInt = 2
    max_new_tokens: PositiveInt = 160
    # A headline is one line; the cap bounds the cost of one that does not end.
    headline_max_new_tokens: PositiveInt = 40
    # Benchmarks force realistic output lengths with these; 0 lets the model stop when it is done.
    min_new_tokens: NonNegativeInt = 0
    headline_min_new_tokens: NonNegativeInt = 0
    no_repeat_ngram_size: NonNegativeInt = 3
    repetition_penalty: PositiveFloat = 1.2


class SummariserSettings(Section):
    kind: Annotated[StrictStr, AfterValidator(partial(_registered, SUMMARISERS))]
    model: NonEmptyPathStr
    revision: NonEmptyStr = "main"
    prompt_headline: NonEmptyPathStr
    prompt_summary: NonEmptyPathStr
    max_input_tokens: Annotated[StrictInt, Field(ge=16)] = 512
    summary_sentences: Annotated[StrictInt, Field(ge=1, le=10)] = 3
    # Articles whose model calls are batched together.
    batch_size: PositiveInt = 8
    # ctranslate2 only: weight type, and whether the output layer is restricted to the tokens a
    # Chinese summary can use (Han, digits, punctuation, and any token of the input itself).
    compute_type: ComputeType = "int8"
    restrict_vocabulary: StrictBool = True
    generation: SummariserGeneration = SummariserGeneration()

    @field_validator("prompt_headline", "prompt_summary")
    @classmethod
    def _usable_prompt(cls, path: str) -> str:
        read_prompt(path)
        return path


class TranslatorGeneration(Section):
    # 2, not 4: half the decoding work (benchmarks/real_size.py); placeholders and the verifier still apply.
    num_beams: PositiveInt = 2
    no_repeat_ngram_size: NonNegativeInt = 4
    # Upper bound of output tokens = max_length_ratio * input tokens + max_length_extra.
    max_length_ratio: PositiveFloat = 2.0
    max_length_extra: NonNegativeInt = 10
    # Lower bound of output tokens = min_length_ratio * input tokens; benchmarks force realistic
    # lengths with it, 0 lets the model stop when it is done.
    min_length_ratio: Annotated[StrictFloat | StrictInt, Field(ge=0)] = 0


class TranslatorSettings(Section):
    kind: Annotated[StrictStr, AfterValidator(partial(_registered, TRANSLATORS))]
    model: NonEmptyPathStr
    revision: NonEmptyStr = "main"
    # ctranslate2 only: weight type.
    compute_type: ComputeType = "int8"
    # ctranslate2 splits each batch between its workers (one per thread).
    batch_size: PositiveInt = 16
    generation: TranslatorGeneration = TranslatorGeneration()

class CleanSettings(Section):
    # "simplified" converts Traditional text to Simplified (OpenCC); "keep" leaves it as written.
    script: Literal["simplified", "keep"] = "simplified"


class FactsSettings(Section):
    # How many key figures a digest lists; "all" lists every figure found.
    key_figures: NonNegativeInt | Literal["all"] = 8

    @property
    def key_figure_limit(self) -> int | None:
        return None if self.key_figures == "all" else self.key_figures


class GlossarySettings(Section):
    # Extra user glossary (TSV: Chinese, English, note); "" for none.
    path: PathStr = ""


class StoriesSettings(Section):
    # An article is compared with the articles dated this many days before or after it (docs/stories.md).
    window_days: Annotated[StrictInt, Field(ge=0, le=366)] = 7


class OutputSettings(Section):
    dir: NonEmptyPathStr
    formats: list[StrictStr]
    # Where the output folder is published (http, https or file address), for the links of the
    # feeds and the newsletter; "" writes links relative to the folder.
    base_url: StrictStr = ""
    # "story": the briefing, newsletter, index and feeds list stories (the same event across outlets
    # once, with its figures merged); "article": one entry per article.
    group: Literal["story", "article"] = "story"

    @field_validator("formats")
    @classmethod
    def _known_formats(cls, formats: list[str]) -> list[str]:
        for name in formats:
            _registered(OUTPUT_FORMATS, name)
        if len(set(formats)) != len(formats):
            raise ValueError("a format is named twice")
        return formats


class EngineSettings(Section):
    # Where the windows of articles are digested: "local" (this process) or "ray" (a Ray cluster).
    kind: Annotated[StrictStr, AfterValidator(partial(_registered, ENGINES))] = "local"
    # ray only: "" starts Ray on this machine for the run; "auto" joins the cluster `ray start` began
    # on this machine; else the head's HOST:PORT or ray://HOST:PORT.
    address: StrictStr = ""
    # ray only: actors, each holding one pipeline (its models); 0 fills the cluster's CPUs.
    workers: NonNegativeInt = 0
    # ray only: CPUs each actor reserves, and the threads its models use.
    cpus_per_worker: PositiveInt = 1


class Settings(Section):
    models: ModelsSettings
    summariser: SummariserSettings
    translator: TranslatorSettings
    clean: CleanSettings = CleanSettings()
    facts: FactsSettings = FactsSettings()
    glossary: GlossarySettings = GlossarySettings()
    stories: StoriesSettings = StoriesSettings()
    output: OutputSettings
    engine: EngineSettings = EngineSettings()

    def as_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def replace(self, **sections: BaseModel) -> Settings:
        """A copy with whole sections replaced (the pipeline swaps in fallbacks this way)."""
        return self.model_copy(update=sections)


def _key(location: tuple[int | str, ...]) -> str:
    # Union members and validators add their own tags to the location ("literal['all']"); the key
    # a user wrote is made of the field names and list indexes alone.
    return ".".join(str(part) for part in location if isinstance(part, int) or part.isidentifier())


def _problem_lines(errors: list[Any]) -> list[str]:
    """One line per bad key; the alternatives of a union are joined with "or"."""
    by_key: dict[str, list[str]] = {}
    for error in errors:
        key = _key(error["loc"])
        if error["type"] == "extra_forbidden":
            message = "unknown setting"
        elif error["type"] == "missing":
            message = "missing"
        else:
            message = f"{error['msg'].removeprefix('Value error, ')} (got {quoted(error['input'])})"
        by_key.setdefault(key, []).append(message)
    return [f"{key}: {' or '.join(dict.fromkeys(messages))}" for key, messages in by_key.items()]


def validate_settings(raw: dict[str, Any]) -> Settings:
    """``raw`` (nested dicts, as read from TOML and flags) as typed settings; ConfigError otherwise.
    The error names the first bad key; the others follow on the same line."""
    try:
        return Settings.model_validate(raw)
    except ValidationError as error:
        problems = _problem_lines(error.errors(include_url=False))
        raise ConfigError("setting " + "; ".join(problems)) from None


__all__ = [
    "CleanSettings",
    "EngineSettings",
    "FactsSettings",
    "GlossarySettings",
    "ModelsSettings",
    "OutputSettings",
    "Settings",
    "StoriesSettings",
    "SummariserSettings",
    "TranslatorSettings",
    "validate_settings",
]

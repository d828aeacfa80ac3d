"""Output formats: views of digest records. pipeline.registry.OUTPUT_FORMATS names them."""

from pipeline.formats.base import ARTICLES_FOLDER, STORIES_FOLDER, VIEW_FOLDERS, OutputFormat, Record
from pipeline.registry import OUTPUT_FORMATS


def load_formats(names: list[str], base_url: str = "", group: str = "article") -> list[OutputFormat]:
    """The formats named, ready to render; ConfigError for a base URL a format cannot use."""
    return [OUTPUT_FORMATS.load(name)(base_url=base_url, group=group) for name in names]


def view_names() -> set[str]:
    """The names of every batch file any registered format writes."""
    return {name for format_name in OUTPUT_FORMATS for name in OUTPUT_FORMATS.load(format_name).batch_names}


__all__ = ["ARTICLES_FOLDER", "STORIES_FOLDER", "VIEW_FOLDERS", "OutputFormat", "Record", "load_formats", "view_names"]

"""Ingest: name inputs, read their bytes, check them, decode them, and pull the body out of HTML."""

from __future__ import annotations

import glob
import hashlib
import re
import sys
from pathlib import Path

import charset_normalizer
import lxml.etree
import lxml.html
import trafilatura

from pipeline.errors import InputError
from pipeline.lang.zh import HAN
from pipeline.records import Article, InputRef, Metadata, Source

READABLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
_BLOCK_TAGS = (
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "footer", "section", "article", "aside", "nav", "span", "time", "address",
)
MAX_INPUT_BYTES = 5 * 1024 * 1024
STDIN_NAME = "-"

_GLOB_CHARS = re.compile(r"[*?\[]")
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<meta|<body)", re.IGNORECASE)

# Byte-order marks, longest first so UTF-32 LE is not mistaken for UTF-16 LE.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Magic numbers of formats people drop into a folder of articles by mistake.
_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BM")

# What charset-normalizer may answer for Chinese text -> the codec we decode with and the name we report.
# GBK and GB2312 are subsets of GB18030, and CP950 is Microsoft's superset of Big5.
_CODEC_BY_DETECTED = {
    "gb2312": ("gb18030", "gb18030"),
    "gbk": ("gb18030", "gb18030"),
    "gb18030": ("gb18030", "gb18030"),
    "big5": ("cp950", "big5"),
    "cp950": ("cp950", "big5"),
    "big5hkscs": ("big5hkscs", "big5"),
    "utf_16": ("utf-16", "utf-16"),
    "utf_16_le": ("utf-16-le", "utf-16"),
    "utf_16_be": ("utf-16-be", "utf-16"),
}
_CHINESE_CANDIDATES = ["gb18030", "big5", "cp950", "big5hkscs", "utf_16_le", "utf_16_be"]


def _readable_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES)


def _refs_or_failure(spec: str, files: list[Path]) -> list[InputRef]:
    """The files found for ``spec``, or ``spec`` itself, whose reading then reports why it is empty."""
    return [InputRef(display=str(f), path=f) for f in files] or [InputRef(display=spec, path=Path(spec))]


def expand_inputs(specs: list[str]) -> list[InputRef]:
    """Input specs -> one InputRef per file. A spec that names nothing readable still yields one
    InputRef, so that reading it fails with a clear reason and the batch reports it."""
    refs: list[InputRef] = []
    for spec in specs:
        if spec == STDIN_NAME:
            refs.append(InputRef(display=STDIN_NAME))
            continue
        path = Path(spec)
        if path.is_dir():
            refs.extend(_refs_or_failure(spec, _readable_files(path)))
        elif not path.exists() and _GLOB_CHARS.search(spec):
            matches = sorted(Path(m) for m in glob.glob(spec, recursive=True))
            files = [f for match in matches for f in (_readable_files(match) if match.is_dir() else [match])]
            refs.extend(_refs_or_failure(spec, files))
        else:
            refs.append(InputRef(display=spec, path=path))
    return refs


def _read_bytes(ref: InputRef) -> bytes:
    limit = f"larger than the {MAX_INPUT_BYTES // (1024 * 1024)} MB limit"
    if ref.path is None:
        raw = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        if len(raw) > MAX_INPUT_BYTES:
            raise InputError(f"stdin is {limit}")
        return raw
    if ref.path.is_dir():
        raise InputError("folder holds no .txt, .md, .html or .htm files")
    if not ref.path.exists():
        reason = "no file matches this pattern" if _GLOB_CHARS.search(ref.display) else "no such file or directory"
        raise InputError(reason)
    try:
        size = ref.path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(f"file is {size / (1024 * 1024):.1f} MB, {limit}")
        return ref.path.read_bytes()
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as error:
        raise InputError(f"cannot read file ({error.strerror or error})") from None


def _check_not_binary(raw: bytes) -> None:
    if not raw.strip():
        raise InputError("file is empty")
    if raw.startswith(_BINARY_MAGIC) or (b"\x00" in raw[:8192] and not _bom_encoding(raw)):
        raise InputError("binary file, not text")


def _bom_encoding(raw: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    return None


def decode(raw: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding name). A BOM or valid UTF-8 wins over any detection, because a
    page's declared charset (e.g. ``<meta charset="gb2312">`` on UTF-8 bytes) is often wrong."""
    bom = _bom_encoding(raw)
    if bom:
        try:
            return raw.decode(bom), bom
        except UnicodeDecodeError:
            raise InputError(f"undecodable bytes: invalid {bom} despite its byte-order mark") from None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(raw, cp_isolation=_CHINESE_CANDIDATES).best()
    if best is None:
        raise InputError("undecodable bytes: not UTF-8, GB18030/GBK, Big5 or UTF-16 text")
    codec, name = _CODEC_BY_DETECTED.get(best.encoding, (best.encoding, best.encoding))
    try:
        return raw.decode(codec), name
    except UnicodeDecodeError:
        return str(best), name


def _looks_like_html(ref: InputRef, raw: bytes) -> bool:
    if ref.path is not None and ref.path.suffix.lower() in HTML_SUFFIXES:
        return True
    return bool(_HTML_START.match(raw[:1024].lstrip(b"\xef\xbb\xbf")))


def _page_text(html: str) -> str:
    """The visible text of the whole page, one line per block element."""
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for invisible in tree.xpath("//script | //style | //noscript"):
        invisible.drop_tree()
    for block in tree.iter(*_BLOCK_TAGS):
        block.tail = "\n" + (block.tail or "")
    return tree.text_content()


def _extract_html(html: str) -> tuple[str, Metadata]:
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True)
    if document is None or not document.text:
        raise InputError("HTML page has no extractable article text")
    authors = [a.strip() for a in re.split(r"[;,，、]", document.author or "") if a.strip()]
    metadata = Metadata(
        title_zh=(document.title or "").strip(),
        date=document.date or None,
        publisher_zh=(document.sitename or "").strip() or None,
        authors=authors,
    )
    return document.text, metadata


def read_article(ref: InputRef) -> Article:
    """Read, check and decode one input; for HTML, extract the article body and page metadata.
    Raises InputError with a one-line reason when the input is not a usable Chinese article."""
    raw = _read_bytes(ref)
    _check_not_binary(raw)
    text, encoding = decode(raw)
    is_html = _looks_like_html(ref, raw)
    page_metadata = Metadata()
    page_text = ""
    if is_html:
        page_text = _page_text(text)
        text, page_metadata = _extract_html(text)
    if not HAN.search(text):
        raise InputError("no Chinese text found")
    return Article(
        id="stdin" if ref.path is None else ref.path.stem,
        source=Source(path=ref.display, sha256=hashlib.sha256(raw).hexdigest(), encoding=encoding),
        text=text,
        is_html=is_html,
        page_metadata=page_metadata,
        page_text=page_text,
    )

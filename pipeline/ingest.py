"""Ingest: name inputs, read their bytes, check them, decode them, and pull the body out of HTML."""

from __future__ import annotations

import errno
import hashlib
import html.parser
import itertools
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import charset_normalizer
import ftfy
import ftfy.bad_codecs  # registers the sloppy-windows-125x codecs that browsers decode with
import lxml.etree
import lxml.html
import trafilatura

from pipeline.errors import InputError
from pipeline.lang.zh import CHINESE_PUNCTUATION, HAN, HAN_RANGES
from pipeline.lang.zh_clean import common_han, headline_part, title_parts
from pipeline.markdown_text import markdown_to_text
from pipeline.records import Article, InputRef, Metadata, Source

READABLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md",)
_BLOCK_TAGS = (
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "footer", "section", "article", "aside", "nav", "span", "time", "address",
)
_VOID_TAGS = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"))
# libxml2 stops building the tree below this depth; a page nested deeper loses its text in lxml.
_LXML_MAX_DEPTH = 255
_SOCIAL_TITLES = '//meta[@property="og:title" or @name="og:title" or @name="twitter:title"]/@content'
# In order of preference: the canonical link, then the Open Graph URL.
_CANONICAL_URLS = (
    '//link[contains(concat(" ", normalize-space(@rel), " "), " canonical ")]/@href',
    '//meta[@property="og:url"]/@content',
)
# A heading shorter than this names a section, not an article.
_MIN_HEADING_CHARS = 4
_LINK_BLOCK_TAGS = ("ul", "ol", "dl", "li", "table", "tr", "td", "div", "section", "aside", "nav", "p")
_MIN_LINK_BLOCK_CHARS = 4
_MIN_LINK_LIST_ITEMS = 3
# A headline this long is the article's own, not a word a navigation link may also hold.
_MIN_PROTECTING_HEADLINE_CHARS = 8
_LINK_BLOCK_SHARE = 0.5
# Characters of running text that make a block (or table cell) a paragraph of the article.
_PARAGRAPH_CHARS = 60
_SENTENCE_MARK = re.compile(r"[。！？，]")
_SENTENCE_ENDS = re.compile(r"[。！？]")
_FULL_STOP = "。"
_TEXT_OUTSIDE_LINKS = ".//text()[not(ancestor::a)]"
_INVISIBLE_TAGS = ("script", "style", "noscript")
_INLINE_TAGS = ("span", "time")
# Not a place of the article's own headline: a link or a list item (to this article from a list of
# others), a menu's option.
_NOT_HEADLINE_PLACES = frozenset(("a", "li", "option", "select"))
# The headline's block: the places showing the headline that are tried, how far up from each the
# block is looked for, how much running text makes it the article's, and the share of that text
# the extractor's body must hold to be trusted.
_MAX_HEADLINE_PLACES = 5
_MAX_CLIMB = 6
# Where a headline split by inline markup is looked for, and how much longer than the headline the
# element's text may be.
_TITLE_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "strong", "b", "font", "span")
_TITLE_TEXT_FACTOR = 2
# Running text and the blocks it is counted in when no headline leads to the article.
_RUNNING_TEXT = "//body//text()[not(ancestor::a or ancestor::script or ancestor::style)]"
_CONTAINER_TAGS = ("div", "td", "article", "section", "main", "body")
_MIN_BLOCK_RUNNING_CHARS = 20
_KEPT_SHARE = 0.5
# An extractor's body holding this much of the block's running text found the article: the rest of
# the block is other stories sharing it (a section page), not text the extractor missed.
_SHORT_BODY_CHARS = 300
# Dates from the page's metadata and date lines only: htmldate's extensive search also takes a year
# out of body prose ("早在2019年") and dates the page 1 January of it.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
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
# When no codec reads every byte: the codecs tried with stray bytes replaced, and how many strays
# (as a share of the bytes) still count as a few, not as a file in some other encoding.
_LENIENT_CODECS = (("utf-8", "utf-8"), ("gb18030", "gb18030"), ("cp950", "big5"), ("big5hkscs", "big5"))
_MAX_STRAY_SHARE = 0.01
# A replacement character is surer evidence of the wrong codec than one uncommon character.
_REPLACEMENT_WEIGHT = 4
_DECLARED_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
_DECLARATION_BYTES = 4096
_ASCII_BYTES = re.compile(rb"[\x00-\x7f]")
_NOT_TEXTUAL = re.compile(f"[^\n\r\t -~{HAN_RANGES}{CHINESE_PUNCTUATION}]")
_UTF16_TEXTUAL_SHARE = 0.9
# Characters of Latin-1 and Windows-1252 that Chinese bytes turn into when a Western codec read them
# upstream ("æœ¬å¸‚" for 本市, "±¾ÊÐ" for GBK 本市), less those Chinese text itself uses (· × ° ±
# © ®, the no-break space, curly quotes, dashes and ellipses lie outside the class). A line holding
# this many of them is tried for repair.
_WESTERN_MOJIBAKE = re.compile("[\u00a1-\u00a8\u00aa-\u00ad\u00af\u00b2-\u00b6\u00b8-\u00d6\u00d8-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2030\u2039\u203a\u20ac\u2122]")
_MIN_MOJIBAKE_CHARS = 4
_WESTERN_CODECS = ("latin-1", "sloppy-windows-1252")
# UTF-8 read as a Western codec is ftfy's to repair; these are the Chinese codecs it does not know.
_EASTERN_CODECS = ("gb18030", "cp950", "big5hkscs")
# A repair must read as Chinese: more common Han characters than before, few odd ones among them,
# and few of the garbled characters left.
_MAX_ODD_SHARE_OF_REPAIR = 0.1
_MAX_MOJIBAKE_LEFT_SHARE = 0.25


def _walk_folder(folder: Path) -> tuple[list[Path], list[Path]]:
    """(readable files, unreadable subfolders) under ``folder``. Symlinked folders are not followed,
    so a symlink loop cannot recurse forever; a subfolder that cannot be listed is returned so that
    it is reported, not silently skipped."""
    files: list[Path] = []
    unreadable: list[Path] = []

    def report(error: OSError) -> None:
        unreadable.append(Path(error.filename))

    for root, _folders, names in os.walk(folder, onerror=report):
        files.extend(Path(root) / name for name in names if Path(name).suffix.lower() in READABLE_SUFFIXES)
    return sorted(files), sorted(unreadable)


def _folder_refs(spec: str, folder: Path) -> list[InputRef]:
    files, unreadable = _walk_folder(folder)
    refs = [InputRef(display=str(f), path=f) for f in files] + [InputRef(display=str(u), path=u) for u in unreadable]
    return refs or [InputRef(display=spec, path=folder)]


def _glob_matches(spec: str) -> list[Path]:
    """Paths matching ``spec``; pathlib's ``**`` does not descend into symlinked folders (glob.glob
    does), so a symlink loop under ``**`` ends instead of repeating itself."""
    parts = Path(spec).parts
    first_pattern = next(i for i, part in enumerate(parts) if _GLOB_CHARS.search(part))
    base = Path(*parts[:first_pattern]) if first_pattern else Path()
    try:
        return sorted(base.glob(str(Path(*parts[first_pattern:]))))
    except (OSError, ValueError):
        return []


def _glob_refs(spec: str) -> list[InputRef]:
    refs: list[InputRef] = []
    for match in _glob_matches(spec):
        refs.extend(_folder_refs(str(match), match) if os.path.isdir(match) else [InputRef(display=str(match), path=match)])
    return refs or [InputRef(display=spec, path=Path(spec))]


def resolved(path: Path) -> Path:
    """``path`` with its symbolic links resolved, or made absolute when it cannot be (a symlink
    loop, a name too long, a folder that cannot be searched): reading it reports why."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _identity(ref: InputRef) -> str:
    """What two inputs share when they name the same file: its resolved path."""
    return STDIN_NAME if ref.path is None else str(resolved(ref.path))


def expand_inputs(specs: list[str]) -> list[InputRef]:
    """Input specs -> one InputRef per file, each file once however often it is named (twice, via a
    folder and by name, or as seeds/../seeds/x). A spec that names nothing readable still yields one
    InputRef, so that reading it fails with a clear reason and the batch reports it."""
    refs: list[InputRef] = []
    for spec in specs:
        if spec == STDIN_NAME:
            refs.append(InputRef(display=STDIN_NAME))
            continue
        path = Path(spec)
        # os.path.isdir, not Path.is_dir: it answers False, where pathlib raises, for a name too
        # long or a folder that cannot be searched; reading the input then says which.
        if os.path.isdir(path):
            refs.extend(_folder_refs(spec, path))
        elif not os.path.lexists(spec) and _GLOB_CHARS.search(spec):
            refs.extend(_glob_refs(spec))
        else:
            refs.append(InputRef(display=spec, path=path))
    seen: set[str] = set()
    unique = []
    for ref in refs:
        identity = _identity(ref)
        if identity not in seen or identity == STDIN_NAME:
            seen.add(identity)
            unique.append(ref)
    return unique


_LIMIT = f"larger than the {MAX_INPUT_BYTES // (1024 * 1024)} MB limit"
_NOT_REGULAR = (
    (stat.S_ISFIFO, "a pipe (FIFO), not a regular file; pipe its text to stdin as - instead"),
    (stat.S_ISCHR, "a device, not a regular file"),
    (stat.S_ISBLK, "a device, not a regular file"),
    (stat.S_ISSOCK, "a socket, not a regular file"),
)


def _read_bounded(handle) -> bytes:
    """At most the size limit, checked while reading, so an endless or huge stream is never held."""
    raw = handle.read(MAX_INPUT_BYTES + 1)
    if len(raw) > MAX_INPUT_BYTES:
        raise InputError(f"input is {_LIMIT}")
    return raw


def _folder_reason(folder: Path) -> str:
    try:
        with os.scandir(folder):
            pass
    except PermissionError:
        return "permission denied: cannot list this folder"
    except OSError as error:
        return f"cannot list this folder ({error.strerror or error})"
    return "folder holds no .txt, .md, .html or .htm files"


def _read_bytes(ref: InputRef) -> bytes:
    if ref.path is None:
        return _read_bounded(sys.stdin.buffer)
    try:
        status = ref.path.stat()
    except FileNotFoundError:
        if os.path.lexists(ref.path):
            raise InputError("broken symbolic link") from None
        reason = "no file matches this pattern" if _GLOB_CHARS.search(ref.display) else "no such file or directory"
        raise InputError(reason) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError("symbolic link loop") from None
        raise InputError(f"cannot read file ({error.strerror or error})") from None
    if stat.S_ISDIR(status.st_mode):
        raise InputError(_folder_reason(ref.path))
    for is_kind, reason in _NOT_REGULAR:
        if is_kind(status.st_mode):
            raise InputError(reason)
    if status.st_size > MAX_INPUT_BYTES:
        raise InputError(f"file is {status.st_size / (1024 * 1024):.1f} MB, {_LIMIT}")
    try:
        with ref.path.open("rb") as handle:
            return _read_bounded(handle)
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as error:
        raise InputError(f"cannot read file ({error.strerror or error})") from None


def _check_not_binary(raw: bytes) -> None:
    if not raw.strip():
        raise InputError("file is empty")
    if raw.startswith(_BINARY_MAGIC):
        raise InputError("binary file, not text")


def _bom_encoding(raw: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    return None


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text that lacks a byte-order mark, when one byte order gives a text of Chinese, ASCII
    and punctuation (any other file read as UTF-16 gives a scatter of unrelated characters). Only
    asked of bytes holding a NUL: every line break or ASCII character in UTF-16 holds one, while
    ASCII text read as UTF-16 would pass for Chinese (<h is U+683C 格)."""
    if len(raw) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if HAN.search(text) and len(_NOT_TEXTUAL.findall(text)) <= (1 - _UTF16_TEXTUAL_SHARE) * len(text):
            return text
    return None


def _odd_characters(text: str) -> int:
    """Replacement characters and uncommon Han characters: few in text decoded with its own codec."""
    common = common_han()
    return text.count("\ufffd") * _REPLACEMENT_WEIGHT + sum(1 for char in HAN.findall(text) if char not in common)


def _declared_codec(raw: bytes) -> tuple[str, str] | None:
    """(codec, name) of the charset a page declares (<meta charset>, http-equiv, <?xml encoding?>),
    when it is a Chinese one. Asked only once the bytes are not UTF-8: a page with few Chinese
    characters reads as GBK and as Big5 alike, and its author knew which it was."""
    match = _DECLARED_CHARSET.search(raw[:_DECLARATION_BYTES])
    if not match:
        return None
    return _CODEC_BY_DETECTED.get(match.group(1).decode("ascii").lower().replace("-", ""))


def _non_ascii_bytes(raw: bytes) -> int:
    """How many bytes could belong to a Chinese character: strays are counted against these, since a
    page mostly of ASCII markup has few of them."""
    return len(raw) - len(_ASCII_BYTES.findall(raw))


def _decode_with_strays(raw: bytes, codecs) -> tuple[str, str, list[str]] | None:
    """Of ``codecs``, the one under which ``raw`` reads best, its stray undecodable bytes replaced (a
    page saved from two sources, e.g. a Big5 page holding a few UTF-8 bytes); None when a real share
    is undecodable under each of them."""
    best = None
    for codec, name in codecs:
        text = raw.decode(codec, errors="replace")
        strays = text.count("\ufffd")
        if strays > _MAX_STRAY_SHARE * _non_ascii_bytes(raw):
            continue
        score = _odd_characters(text)
        if best is None or score < best[0]:
            best = (score, text, name, strays)
    if best is None:
        return None
    _, text, name, strays = best
    return text, name, [f"replaced {strays} undecodable byte sequence(s) while decoding as {name}"]


def decode(raw: bytes) -> tuple[str, str, list[str]]:
    """Bytes -> (text, encoding name, warnings). A BOM or valid UTF-8 wins over any detection, because
    a page's declared charset (e.g. ``<meta charset="gb2312">`` on UTF-8 bytes) is often wrong. A NUL
    byte anywhere in a file that is not UTF-16 or UTF-32 means a binary file."""
    bom = _bom_encoding(raw)
    if bom:
        try:
            return raw.decode(bom), bom, []
        except UnicodeDecodeError:
            raise InputError(f"undecodable bytes: invalid {bom} despite its byte-order mark") from None
    if b"\x00" in raw:
        utf16 = _utf16_without_bom(raw)
        if utf16 is None:
            raise InputError("binary file, not text")
        return utf16, "utf-16", []
    try:
        return raw.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    # Mostly valid UTF-8 is UTF-8 with a few stray bytes: a detector might find a Chinese codec
    # that decodes every byte, into garbled text.
    utf8 = _decode_with_strays(raw, _LENIENT_CODECS[:1])
    if utf8 is not None:
        return utf8
    declared = _declared_codec(raw)
    if declared is not None:
        try:
            return raw.decode(declared[0]), declared[1], []
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(raw, cp_isolation=_CHINESE_CANDIDATES).best()
    if best is not None:
        codec, name = _CODEC_BY_DETECTED.get(best.encoding, (best.encoding, best.encoding))
        try:
            return raw.decode(codec), name, []
        except UnicodeDecodeError:
            pass
    lenient = _decode_with_strays(raw, _LENIENT_CODECS)
    if lenient is None:
        raise InputError("undecodable bytes: not UTF-8, GB18030/GBK, Big5 or UTF-16 text")
    return lenient


def _line_repairs(line: str) -> Iterator[str]:
    yield ftfy.fix_encoding(line)
    for western in _WESTERN_CODECS:
        try:
            raw = line.encode(western)
        except UnicodeEncodeError:
            continue
        for eastern in _EASTERN_CODECS:
            try:
                yield raw.decode(eastern)
            except UnicodeDecodeError:
                continue


def _common_han_count(text: str) -> int:
    common = common_han()
    return sum(1 for char in HAN.findall(text) if char in common)


def _repaired_line(line: str) -> str | None:
    """The line as it read before a Western codec garbled it, when one reading is clearly Chinese."""
    best, best_count = None, _common_han_count(line)
    garbled = len(_WESTERN_MOJIBAKE.findall(line))
    for candidate in _line_repairs(line):
        count = _common_han_count(candidate)
        if (
            count > best_count
            and _odd_characters(candidate) <= _MAX_ODD_SHARE_OF_REPAIR * count
            and len(_WESTERN_MOJIBAKE.findall(candidate)) <= _MAX_MOJIBAKE_LEFT_SHARE * garbled
        ):
            best, best_count = candidate, count
    return best


def repair_western_mojibake(text: str) -> tuple[str, int]:
    """``text`` with each line that a Western codec garbled upstream read back as Chinese, and how
    many lines were repaired. Lines are repaired one by one: a page is often garbled only in part."""
    lines = text.split("\n")
    repaired = 0
    for number, line in enumerate(lines):
        if len(_WESTERN_MOJIBAKE.findall(line)) < _MIN_MOJIBAKE_CHARS:
            continue
        repair = _repaired_line(line)
        if repair is not None:
            lines[number] = repair
            repaired += 1
    return "\n".join(lines), repaired


def _looks_like_html(ref: InputRef, raw: bytes) -> bool:
    if ref.path is not None and ref.path.suffix.lower() in HTML_SUFFIXES:
        return True
    return bool(_HTML_START.match(raw[:1024].lstrip(b"\xef\xbb\xbf")))


# Comments dropped while parsing: trafilatura, given a tree rather than a string, keeps their text
# (a CMS's <!--<$[信息来源]>begin--> markers came out in the body).
_PARSER = lxml.html.HTMLParser(remove_comments=True)


def _parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fromstring(html, parser=_PARSER)
    except (lxml.etree.ParserError, ValueError):
        return None


def _page_text(html: str) -> str:
    """The visible text of the whole page, one line per block element."""
    tree = _parse(html)
    if tree is None:
        return ""
    for invisible in tree.xpath("//script | //style | //noscript"):
        invisible.drop_tree()
    for block in tree.iter(*_BLOCK_TAGS):
        block.tail = "\n" + (block.tail or "")
    return tree.text_content()


class _VisibleText(html.parser.HTMLParser):
    """Text outside script and style, and the deepest nesting of elements: a streaming parser, so no
    depth is too deep for it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.depth = self.max_depth = 0
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _VOID_TAGS:
            return
        self.depth += 1
        self.max_depth = max(self.max_depth, self.depth)
        self._hidden += tag in ("script", "style")
        if tag in _BLOCK_TAGS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS:
            return
        self.depth = max(0, self.depth - 1)
        self._hidden = max(0, self._hidden - (tag in ("script", "style")))

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.pieces.append(data)


def _squash(text: str) -> str:
    return "".join(text.replace("\ufeff", "").split())


def _text_of(element) -> str:
    return " ".join(element.text_content().replace("\ufeff", "").split())


def _headline(tree) -> str:
    """The article's headline: the longest h1-h3 heading that is (or holds, or is held in) the
    headline part of the page's og:title or <title> (a site-name heading such as 网易商业 or ETtoday
    新闻云 is at most a lesser part), else og:title, else <title> (the clean stage cuts the site's name
    off those two), else the first heading of the highest rank."""
    titles = tree.xpath(_SOCIAL_TITLES) + [_text_of(title) for title in tree.iter("title")][:1]
    titles = [" ".join(title.split()) for title in titles if title.strip()]
    split_titles = [title_parts(title) for title in titles]
    # A part that one title gives beside its headline is the site's name wherever it appears.
    beside = {_squash(part) for parts in split_titles for part in parts if part != headline_part(parts)}
    headline_parts = {_squash(headline_part(parts)) for parts in split_titles} - beside - {""}
    headings = [_text_of(heading) for heading in tree.iter("h1", "h2", "h3")]
    named = [
        heading
        for heading in headings
        if len(_squash(heading)) >= _MIN_HEADING_CHARS
        and any(_squash(heading) in part or part in _squash(heading) for part in headline_parts)
    ]
    if named:
        return max(named, key=lambda heading: len(_squash(heading)))
    if titles:
        return titles[0]
    ranked = [_text_of(heading) for level in ("h1", "h2", "h3") for heading in tree.iter(level)]
    return next((heading for heading in ranked if len(_squash(heading)) >= _MIN_HEADING_CHARS), "")


def _canonical_url(tree) -> str | None:
    for query in _CANONICAL_URLS:
        for url in tree.xpath(query):
            if url.strip():
                return url.strip()
    return None


def _link_share(element) -> float:
    text = len(_squash(element.text_content()))
    links = sum(len(_squash(link.text_content())) for link in element.iter("a"))
    return links / text if text else 0.0


def _is_link_block(element) -> bool:
    """A block made of links (navigation, related and recommended articles, tag clouds): most of its
    text is link text, and what is not holds less than a paragraph's worth of sentences (dates,
    labels and ellipses are none; an article sharing its block with a long link list is many)."""
    text = _squash(element.text_content())
    if len(text) < _MIN_LINK_BLOCK_CHARS or _link_share(element) < _LINK_BLOCK_SHARE:
        return False
    running_text = "".join(element.xpath(_TEXT_OUTSIDE_LINKS))
    sentences = _SENTENCE_ENDS.split(running_text)[:-1]
    return sum(len(_squash(sentence)) for sentence in sentences) < _PARAGRAPH_CHARS


def _links_to_an_article(item) -> bool:
    """A list item that is a link to an article: a link with a headline's length of text, or a link
    beside a headline-like text (markup such as <a><table>…</table></a> leaves the link empty)."""
    links = item.xpath(".//a[@href]")
    if any(len(_squash(link.text_content())) >= _MIN_HEADING_CHARS for link in links):
        return True
    text = item.text_content()
    return bool(links) and len(_squash(text)) < _PARAGRAPH_CHARS and "。" not in text


def _is_link_list(element) -> bool:
    """A list of links to other articles (related, recommended, most read), even when each link is
    followed by a snippet of its article."""
    items = element.findall("li")
    return len(items) >= _MIN_LINK_LIST_ITEMS and all(_links_to_an_article(item) for item in items)


def _is_layout_table(table) -> bool:
    """A table used for page layout, not data: one of its cells holds running text."""
    return any(len(_squash(cell.text_content())) >= _PARAGRAPH_CHARS and _SENTENCE_MARK.search(cell.text_content())
               for cell in table.iter("td", "th"))


def _prune(tree, headline: str) -> None:
    """Drop link blocks and turn layout tables into plain blocks, so that the extractor sees the
    article as paragraphs (not one table cell) and related-article lists not at all. A block holding
    the headline holds the article (however short, on however link-heavy a page) and stays."""
    protecting = _squash(headline) if len(_squash(headline)) >= _MIN_PROTECTING_HEADLINE_CHARS else None
    link_lists = [element for element in tree.iter("ul", "ol") if _is_link_list(element)]
    for block in link_lists + [element for element in tree.iter(*_LINK_BLOCK_TAGS) if _is_link_block(element)]:
        if protecting and protecting in _squash(block.text_content()):
            continue
        if block.getparent() is not None:
            block.drop_tree()
    for table in [table for table in tree.iter("table") if _is_layout_table(table)]:
        for element in [table, *table.iter("tbody", "thead", "tfoot", "tr", "td", "th")]:
            element.tag = "div"


def _running_chars(element) -> int:
    """Characters of running text in ``element``: text outside links in pieces holding a full stop
    (dates, labels, menu entries and headlines hold none)."""
    return sum(len(_squash(text)) for text in element.xpath(_TEXT_OUTSIDE_LINKS) if _FULL_STOP in text)


def _headline_block(tree, headline: str):
    """The block an article's headline shares with its body: the nearest ancestor of the headline's
    text that also holds running text (a short official notice's title paragraph and its one or two
    paragraphs in a content div). Of several places showing the headline (a breadcrumb, the title
    paragraph), the one closest to running text. None when no headline is found in the page."""
    key = _squash(headline_part(title_parts(headline)))
    if len(key) < _MIN_HEADING_CHARS:
        return None
    best = None
    for element, shown in itertools.islice(_headline_places(tree, key), _MAX_HEADLINE_PLACES):
        if element.tag in _NOT_HEADLINE_PLACES or any(a.tag in _NOT_HEADLINE_PLACES for a in element.iterancestors()):
            continue
        for climbed, ancestor in enumerate(itertools.islice(element.iterancestors(), _MAX_CLIMB)):
            if ancestor.tag in ("body", "html"):
                break
            if _running_chars(ancestor) >= _MIN_BLOCK_RUNNING_CHARS:
                if best is None or climbed < best[0]:
                    best = (climbed, ancestor, shown)
                break
    return None if best is None else (best[1], best[2])


def _headline_places(tree, key: str) -> Iterator[tuple]:
    """(element, its text) for each place the page shows the headline whose squashed form is ``key``:
    in one text node, else in a title element whose text is split by inline markup
    (<p>关于<span>2012年</span>清明节放假安排的通知</p>)."""
    found = False
    for text in tree.xpath("//body//text()"):
        if key[:2] in text and key in _squash(text):
            found = True
            yield (text.getparent().getparent() if text.is_tail else text.getparent()), str(text).strip()
    if found:
        return
    for element in tree.iter(*_TITLE_TAGS):
        shown = _text_of(element)
        if len(shown) <= _TITLE_TEXT_FACTOR * len(key) and key in _squash(shown):
            yield element, shown


def _block_text(element) -> str:
    """The visible text of ``element``, one line per block element (spans inline: a headline or a
    sentence may be split by them)."""
    pieces: list[str] = []
    for event, node in lxml.etree.iterwalk(element, events=("start", "end")):
        if not isinstance(node.tag, str):
            continue
        block = node.tag in _BLOCK_TAGS and node.tag not in _INLINE_TAGS
        if event == "start":
            pieces.append("\n" if block else "")
            if node.tag not in _INVISIBLE_TAGS:
                pieces.append(node.text or "")
        else:
            pieces.append("\n" if block else "")
            if node is not element:
                pieces.append(node.tail or "")
    return "\n".join(line.strip() for line in "".join(pieces).split("\n") if line.strip())


def _text_under_headline(tree, headline: str) -> str | None:
    """The headline's block from the headline on, or None when the page shows no headline."""
    found = _headline_block(tree, headline)
    if found is None:
        return None
    block, headline_text = found
    text = _block_text(block)
    return text[max(text.find(headline_text), 0) :]


def _missed_body(under_headline: str | None, extracted: str) -> str | None:
    """The text under the headline when the extractor's body misses most of its running text and
    holds little of it (it took the navigation or the footer for the article, as it may on a short
    page). None when the extractor's body holds it."""
    if under_headline is None:
        return None
    running = [_squash(line) for line in under_headline.split("\n") if _FULL_STOP in line]
    extracted_key = _squash(extracted)
    kept = sum(len(line) for line in running if line in extracted_key)
    total = sum(len(line) for line in running)
    return under_headline if kept < _KEPT_SHARE * total and kept < _SHORT_BODY_CHARS else None


def _is_navigation_like(extracted: str) -> bool:
    """No sentence, or no Chinese: menu entries, labels and paths, not an article."""
    return _FULL_STOP not in extracted or not HAN.search(extracted)


def _densest_block_text(html_text: str, headline: str) -> str | None:
    """The text of the block holding the most running text, when one holds enough: read from a
    fresh parse, since trafilatura may have changed the tree it read."""
    tree = _parse(html_text)
    if tree is None:
        return None
    _prune(tree, headline)
    running: dict = {}
    for text in tree.xpath(_RUNNING_TEXT):
        if _FULL_STOP in text:
            parent = text.getparent().getparent() if text.is_tail else text.getparent()
            block = parent if parent.tag in _CONTAINER_TAGS else next(parent.iterancestors(*_CONTAINER_TAGS), None)
            if block is not None:
                running[block] = running.get(block, 0) + len(_squash(text))
    if not running:
        return None
    block, chars = max(running.items(), key=lambda item: item[1])
    return _block_text(block) if chars >= _MIN_BLOCK_RUNNING_CHARS else None


def _visible_text_fallback(html_text: str) -> tuple[str, list[str]]:
    """The page's visible text when the extractor finds nothing because the page is nested deeper
    than lxml parses; otherwise the page has no article text."""
    parser = _VisibleText()
    parser.feed(html_text)
    parser.close()
    if parser.max_depth <= _LXML_MAX_DEPTH:
        raise InputError("HTML page has no extractable article text")
    text = "\n".join(line.strip() for line in "".join(parser.pieces).split("\n") if line.strip())
    return text, [f"HTML nested {parser.max_depth} levels deep, too deep for the extractor: used the page's visible text"]


def _extract_html(html_text: str) -> tuple[str, Metadata, list[str]]:
    """The article body, the page's metadata and warnings."""
    tree = _parse(html_text)
    if tree is None:
        text, warnings = _visible_text_fallback(html_text)
        return text, Metadata(), warnings
    headline, url = _headline(tree), _canonical_url(tree)
    _prune(tree, headline)
    # Read before trafilatura, which may change the tree it reads.
    under_headline = _text_under_headline(tree, headline)
    document = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, favor_recall=True, date_extraction_params=_DATE_PARAMS
    )
    # bare_extraction returns a Document unless asked for a dict (as_dict), which this never does.
    extracted = document.text if isinstance(document, trafilatura.settings.Document) and document.text else ""
    missed = _missed_body(under_headline, extracted)
    warnings = [] if missed is None else ["the extractor missed the text under the headline: used the headline's block"]
    if missed is None and extracted and _is_navigation_like(extracted):
        missed = _densest_block_text(html_text, headline)
        if missed is not None:
            warnings = ["the extractor's body was navigation: used the block with the most running text"]
    if not isinstance(document, trafilatura.settings.Document) or not document.text:
        if missed is not None:
            return missed, Metadata(title_zh=headline, url=url), warnings
        try:
            text, warnings = _visible_text_fallback(html_text)
        except InputError:
            densest = _densest_block_text(html_text, headline)
            if densest is None:
                raise
            text, warnings = densest, ["the extractor found no body: used the block with the most running text"]
        return text, Metadata(title_zh=headline, url=url), warnings
    authors = [a.strip() for a in re.split(r"[;,，、]", document.author or "") if a.strip()]
    metadata = Metadata(
        title_zh=headline or (document.title or "").strip(),
        date=document.date or None,
        publisher_zh=(document.sitename or "").strip() or None,
        authors=authors,
        url=url or document.url or None,
    )
    return missed or document.text, metadata, warnings


def read_article(ref: InputRef) -> Article:
    """Read, check and decode one input; for HTML, extract the article body and page metadata.
    Raises InputError with a one-line reason when the input is not a usable Chinese article."""
    raw = _read_bytes(ref)
    _check_not_binary(raw)
    text, encoding, warnings = decode(raw)
    text, repaired_lines = repair_western_mojibake(text)
    if repaired_lines:
        warnings.append(f"repaired {repaired_lines} line(s) of Chinese text garbled by a Western codec upstream (mojibake)")
    is_html = _looks_like_html(ref, raw)
    page_metadata = Metadata()
    page_text = ""
    if not is_html and ref.path is not None and ref.path.suffix.lower() in MARKDOWN_SUFFIXES:
        text = markdown_to_text(text)
    if is_html:
        page_text = _page_text(text)
        text, page_metadata, html_warnings = _extract_html(text)
        warnings += html_warnings
    if not HAN.search(text):
        raise InputError("no Chinese text found")
    return Article(
        id="stdin" if ref.path is None else ref.path.stem,
        source=Source(path=ref.display, sha256=hashlib.sha256(raw).hexdigest(), encoding=encoding),
        text=text,
        is_html=is_html,
        page_metadata=page_metadata,
        page_text=page_text,
        warnings=warnings,
    )

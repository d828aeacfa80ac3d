"""Ingest: naming inputs, rejecting bad files with one clear reason, decoding, HTML extraction."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from pipeline.clean import clean_article
from pipeline.errors import InputError
from pipeline.ingest import MAX_INPUT_BYTES, decode, expand_inputs, read_article
from pipeline.records import InputRef

FIXTURES = Path(__file__).parent / "fixtures" / "clean"
NEWS = "今年以来，全市共举办职业技能竞赛120场，参赛职工达到3.5万人次。"
UNDECODABLE = "undecodable bytes: not UTF-8, GB18030/GBK, Big5 or UTF-16 text"
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


def write(path: Path, data: bytes) -> InputRef:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return InputRef(display=str(path), path=path)


def reason(ref: InputRef) -> str:
    with pytest.raises(InputError) as error:
        read_article(ref)
    return str(error.value)


def test_folders_are_searched_recursively_for_readable_files_in_sorted_order(tmp_path):
    for name in ("b.txt", "a.md", "sub/c.html", "sub/d.htm", "notes.pdf", "image.png"):
        write(tmp_path / name, NEWS.encode())
    names = [Path(ref.display).relative_to(tmp_path).as_posix() for ref in expand_inputs([str(tmp_path)])]
    assert names == ["a.md", "b.txt", "sub/c.html", "sub/d.htm"]


def test_glob_patterns_expand_and_stdin_is_a_dash(tmp_path):
    write(tmp_path / "x1.txt", NEWS.encode())
    write(tmp_path / "x2.txt", NEWS.encode())
    refs = expand_inputs([str(tmp_path / "x*.txt"), "-"])
    assert [ref.display for ref in refs] == [str(tmp_path / "x1.txt"), str(tmp_path / "x2.txt"), "-"]
    assert refs[-1] == InputRef(display="-", path=None)


def test_names_that_match_nothing_still_yield_one_input_that_fails_clearly(tmp_path):
    missing, pattern, empty_folder = tmp_path / "missing.txt", str(tmp_path / "nothing*.txt"), tmp_path / "empty"
    empty_folder.mkdir()
    refs = expand_inputs([str(missing), pattern, str(empty_folder)])
    assert [ref.display for ref in refs] == [str(missing), pattern, str(empty_folder)]
    assert [reason(ref) for ref in refs] == [
        "no such file or directory",
        "no file matches this pattern",
        "folder holds no .txt, .md, .html or .htm files",
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "file is empty"),
        (b"  \n\n ", "file is empty"),
        (PNG_BYTES, "binary file, not text"),
        (b"plain text\x00with\x00nul bytes", "binary file, not text"),
        (b"Only English text here, no Chinese at all.\n", "no Chinese text found"),
        (bytes([0x81, 0x30, 0xFF, 0xFE, 0x80, 0xC0]) * 50, UNDECODABLE),
    ],
)
def test_bad_files_are_rejected_with_a_one_line_reason(tmp_path, data, expected):
    assert reason(write(tmp_path / "bad.txt", data)) == expected


def test_a_20_mb_file_is_rejected_without_being_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    assert MAX_INPUT_BYTES == 5 * 1024 * 1024
    assert reason(InputRef(str(path), path)) == "file is 20.0 MB, larger than the 5 MB limit"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (NEWS.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + NEWS.encode("utf-8"), "utf-8-sig"),
        (NEWS.encode("utf-16"), "utf-16"),
        ("这是一段简体中文新闻，报道产业工人队伍建设改革。".encode("gbk"), "gb18030"),
        ("這是一段繁體中文新聞，報導產業工人隊伍建設改革。".encode("big5"), "big5"),
    ],
)
def test_encodings_are_detected_and_named(data, encoding):
    text, name, warnings = decode(data)
    assert warnings == []
    assert name == encoding
    assert text.lstrip("\ufeff") in (NEWS, "这是一段简体中文新闻，报道产业工人队伍建设改革。", "這是一段繁體中文新聞，報導產業工人隊伍建設改革。")


def test_article_id_path_and_hash_come_from_the_file(tmp_path):
    article = read_article(write(tmp_path / "042_news.txt", NEWS.encode()))
    assert article.id == "042_news"
    assert article.source.path == str(tmp_path / "042_news.txt")
    assert article.source.sha256 == hashlib.sha256(NEWS.encode()).hexdigest()
    assert article.text == NEWS and not article.is_html


def test_stdin_is_read_as_an_article_named_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(NEWS.encode("gbk"))))
    article = read_article(InputRef(display="-"))
    assert (article.id, article.source.path, article.source.encoding, article.text) == ("stdin", "-", "gb18030", NEWS)


@pytest.mark.parametrize(
    ("name", "encoding", "title", "date", "publisher"),
    [
        ("utf8_page.html", "utf-8", "全市职工技能竞赛成果丰硕", "2024-03-15", "中工网"),
        ("gbk_page.html", "gb18030", "全市职工技能竞赛成果丰硕", "2024-03-15", "中工网"),
        ("big5_page.html", "big5", "全市職工技能競賽成果豐碩", "2024-05-20", "中工網"),
        ("lying_meta_page.html", "utf-8", "湖北产业工人队伍建设改革取得新进展", "2023-11-28", "华龙网"),
    ],
)
def test_html_pages_are_decoded_and_their_body_and_metadata_extracted(name, encoding, title, date, publisher):
    article = read_article(InputRef(name, FIXTURES / name))
    assert article.is_html
    assert article.source.encoding == encoding
    assert (article.page_metadata.title_zh, article.page_metadata.date, article.page_metadata.publisher_zh) == (
        title,
        date,
        publisher,
    )
    assert "投入培训资金2,468.3万元" in article.text or "投入培訓資金2,468.3萬元" in article.text
    assert "首页" not in article.text and "Copyright" not in article.text


def test_html_byline_outside_the_extracted_body_still_reaches_the_metadata(tmp_path):
    """News pages put the date, source and byline in a header block that body extraction drops."""
    paragraph = "今年以来，全市共举办职业技能竞赛120场，参赛职工达到3.5万人次，其中45人获评技术能手称号，培训成效明显。"
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>全市职工技能竞赛成果丰硕_新闻中心</title></head><body>"
        '<div class="nav"><a href="/">首页</a> | <a href="/news">新闻</a></div>'
        "<h1>全市职工技能竞赛成果丰硕</h1>"
        '<div class="info"><span>2024-09-27 08:30</span> <span>来源：华龙网</span> <span>作者：记者 王小明</span></div>'
        f'<div class="content">{"".join(f"<p>{paragraph}</p>" for _ in range(4))}</div>'
        '<div class="footer">Copyright © 2024 华龙网 版权所有</div></body></html>',
        encoding="utf-8",
    )
    cleaned = clean_article(read_article(InputRef(str(page), page)))
    assert cleaned.metadata.authors == ["王小明"]
    assert (cleaned.metadata.date, cleaned.metadata.publisher_zh) == ("2024-09-27", "华龙网")
    assert not any("王小明" in p or "来源" in p for p in cleaned.paragraphs_zh)

"""Ingest: naming inputs, rejecting bad files with one clear reason, decoding, HTML extraction."""

from __future__ import annotations

import hashlib
import io
import os
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


# Encodings: UTF-16 without a byte-order mark, stray bytes, NUL bytes.


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_recognised(tmp_path, codec):
    article = read_article(write(tmp_path / "news.txt", f"{NEWS}\n".encode(codec)))
    assert (article.text, article.source.encoding) == (f"{NEWS}\n", "utf-16")


def test_a_big5_page_with_a_few_stray_utf8_bytes_is_decoded_with_a_warning(tmp_path):
    big5 = "國光客運今天也發出2500份價值1200元的福袋，內含住宿折價券、試吃品與乘車抵用券。".encode("big5")
    data = big5 * 20 + "—".encode() + big5 * 20  # an em dash pasted in as UTF-8, which Big5 reads as 3 undecodable sequences
    article = read_article(write(tmp_path / "page.txt", data))
    assert article.source.encoding == "big5"
    assert "國光客運今天也發出2500份價值" in article.text
    assert article.warnings == ["replaced 3 undecodable byte sequence(s) while decoding as big5"]


def test_utf8_with_a_stray_byte_stays_utf8_with_a_warning(tmp_path):
    article = read_article(write(tmp_path / "news.txt", NEWS.encode() * 30 + b"\xff" + NEWS.encode() * 30))
    assert (article.source.encoding, article.text.count(NEWS)) == ("utf-8", 60)
    assert article.warnings == ["replaced 1 undecodable byte sequence(s) while decoding as utf-8"]


@pytest.mark.parametrize(
    ("original", "written_as", "read_as"),
    [
        ("本市今年投资90亿元建设学校，惠及45.14万人。", "utf-8", "latin-1"),
        ("本市今年投资90亿元建设学校，惠及45.14万人。", "utf-8", "sloppy-windows-1252"),
        ("本市今年投资90亿元建设学校，惠及45.14万人。", "gbk", "latin-1"),
        ("本市今年投資90億元建設學校，惠及45.14萬人。", "big5", "cp1252"),
    ],
)
def test_a_line_garbled_by_a_western_codec_upstream_is_read_back_with_a_warning(tmp_path, original, written_as, read_as):
    """The file is valid UTF-8 holding mojibake: "æœ¬å¸‚..." where 本市 was. Only the garbled line changes."""
    garbled = original.encode(written_as).decode(read_as)
    article = read_article(write(tmp_path / "news.txt", f"{NEWS}\n{garbled}\n".encode()))
    assert article.text == f"{NEWS}\n{original}\n"
    assert article.warnings == ["repaired 1 line(s) of Chinese text garbled by a Western codec upstream (mojibake)"]


@pytest.mark.parametrize(
    "line",
    [
        "Société Générale à Paris, élève, Ångström, Müller, façade, naïve",
        "Informação e comunicação: a situação das nações é crítica",
        "Þórður Guðjónsson og Ævar Örn á Íslandi",
        "¿Qué pasó? ¡Señor Muñoz! Año, niño, pequeño, mañana",
        "——“约翰·史密斯”说，Café René ©2024 ±5% ×3 …… ——",
        "—— “Breaking” —— © 2024 · 3 × 4 …… ——",
    ],
)
def test_latin_text_and_chinese_typography_are_not_taken_for_mojibake(tmp_path, line):
    article = read_article(write(tmp_path / "news.txt", f"{NEWS}\n{line}\n".encode()))
    assert (article.text, article.warnings) == (f"{NEWS}\n{line}\n", [])


@pytest.mark.parametrize(("charset", "encoding"), [("gbk", "gb18030"), ("big5", "big5")])
def test_a_page_with_little_chinese_is_read_in_the_charset_it_declares(tmp_path, charset, encoding):
    """这是中文。 is valid GBK and valid Big5 alike; the page's declaration settles which it is."""
    text = "这是中文。" if charset == "gbk" else "這是中文。"
    markup = '<div class="nav">site navigation</div>' * 200
    page = f'<html><head><meta charset="{charset}"></head><body>{markup}<p>{text}</p></body></html>'
    assert decode(page.encode(charset))[:2] == (page, encoding)


def test_a_nul_byte_beyond_the_first_8_kb_still_means_binary(tmp_path):
    assert reason(write(tmp_path / "late_nul.txt", NEWS.encode() * 1000 + b"\x00" + NEWS.encode())) == (
        "binary file, not text"
    )


def test_a_page_nested_too_deep_for_the_extractor_falls_back_to_its_visible_text(tmp_path):
    page = "<html><body>" + "<div>" * 3000 + f"<p>{NEWS}</p>" + "</div>" * 3000 + "<script>var x = '脚本';</script></body></html>"
    article = read_article(write(tmp_path / "deep.html", page.encode()))
    assert article.text == NEWS
    assert article.warnings == ["HTML nested 3003 levels deep, too deep for the extractor: used the page's visible text"]


# Inputs that must not hang, crash or exhaust memory: each is one reason, and the batch goes on.


def test_a_self_referencing_symlink_is_one_error(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert reason(InputRef(str(loop), loop)) == "symbolic link loop"


def test_a_symlink_loop_under_double_star_ends_and_each_file_is_found_once(tmp_path):
    write(tmp_path / "a" / "x.txt", NEWS.encode())
    (tmp_path / "a" / "up").symlink_to(tmp_path)
    (tmp_path / "a" / "me").symlink_to(tmp_path / "a")
    for spec in (str(tmp_path / "**" / "*.txt"), str(tmp_path)):
        assert [ref.display for ref in expand_inputs([spec])] == [str(tmp_path / "a" / "x.txt")]


def test_a_fifo_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it would wait for a writer forever
    assert reason(InputRef(str(fifo), fifo)) == "a pipe (FIFO), not a regular file; pipe its text to stdin as - instead"


def test_process_substitution_pipes_are_refused():
    read_end, write_end = os.pipe()
    try:
        path = Path(f"/dev/fd/{read_end}")
        assert reason(InputRef(str(path), path)) == "a pipe (FIFO), not a regular file; pipe its text to stdin as - instead"
    finally:
        os.close(read_end)
        os.close(write_end)


def test_a_device_is_refused():
    assert reason(InputRef("/dev/zero", Path("/dev/zero"))) == "a device, not a regular file"


class EndlessStream:
    """stdin fed from /dev/zero: every read returns as much as was asked for, forever."""

    def __init__(self) -> None:
        self.buffer = self

    def read(self, size: int = -1) -> bytes:
        assert size > 0, "an unbounded read would never return"
        return b"\x00" * size


def test_an_endless_stdin_is_refused_after_reading_just_past_the_limit(monkeypatch):
    monkeypatch.setattr("sys.stdin", EndlessStream())
    assert reason(InputRef(display="-")) == "input is larger than the 5 MB limit"


def _deny_listing(monkeypatch, folder: Path) -> None:
    """Make ``folder`` unlistable: by its mode, and, since root lists any folder, also by refusing
    os.scandir on it, which is how both os.walk and the reader list a folder."""
    folder.chmod(0)
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_a_folder_without_permission_is_one_error(tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    write(folder / "a.txt", NEWS.encode())
    _deny_listing(monkeypatch, folder)
    try:
        refs = expand_inputs([str(folder)])
        assert [(ref.display, reason(ref)) for ref in refs] == [(str(folder), "permission denied: cannot list this folder")]
    finally:
        folder.chmod(0o755)


def test_an_unreadable_subfolder_is_reported_not_skipped(tmp_path, monkeypatch):
    write(tmp_path / "a.txt", NEWS.encode())
    locked = tmp_path / "sub"
    write(locked / "b.txt", NEWS.encode())
    _deny_listing(monkeypatch, locked)
    try:
        refs = expand_inputs([str(tmp_path)])
        assert [ref.display for ref in refs] == [str(tmp_path / "a.txt"), str(locked)]
        assert reason(refs[1]) == "permission denied: cannot list this folder"
    finally:
        locked.chmod(0o755)


def test_one_file_named_several_ways_is_one_input(tmp_path):
    news = write(tmp_path / "seeds" / "x.txt", NEWS.encode()).path
    specs = [str(news), str(news), str(tmp_path / "seeds"), str(tmp_path / "seeds" / ".." / "seeds" / "x.txt")]
    assert [ref.display for ref in expand_inputs(specs)] == [str(news)]


# HTML: the page's canonical URL, headline, link lists, layout tables, dates.

PARAGRAPH = "今年以来，全市共举办职业技能竞赛120场，参赛职工达到3.5万人次，其中45人获评技术能手称号，培训成效明显。"


def html_page(head: str, body: str) -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


@pytest.mark.parametrize(
    ("head", "url"),
    [
        ('<link rel="canonical" href="https://a.cn/1.html"><meta property="og:url" content="https://a.cn/og">', "https://a.cn/1.html"),
        ('<meta property="og:url" content="https://a.cn/og">', "https://a.cn/og"),
        ("", None),
    ],
)
def test_the_canonical_url_is_kept(tmp_path, head, url):
    page = html_page(f"<title>职工技能竞赛</title>{head}", "".join(f"<p>{PARAGRAPH}</p>" for _ in range(3)))
    article = read_article(write(tmp_path / "page.html", page))
    assert article.page_metadata.url == url
    assert clean_article(article).metadata.url == url


# (page head, headings, the headline the clean stage ends up with)
HEADLINE_PAGES = [
    # The site's name in h1, the headline in h2 and in <title>.
    ("<title>任正非有哪四把榔头？_网易财经</title>", "<h1>网易商业</h1><h2>亦观察</h2><h2>任正非有哪四把榔头？</h2>", "任正非有哪四把榔头？"),
    # No heading names it: og:title, without the site suffix (the clean stage cuts it).
    ('<title>中时电子报</title><meta property="og:title" content="美罕见用要负责任批反服贸 | 中时电子报">', "<h1>中时电子报</h1>", "美罕见用要负责任批反服贸"),
    # <title> alone, the site name first.
    ("<title>自由电子报 - 果汁？啤酒？难分 「饮诱」青少年</title>", "", "果汁？啤酒？难分 「饮诱」青少年"),
    # No title at all: the first heading of the highest rank.
    ("", "<h3>新闻</h3><h2>栏目</h2><h1>国务院印发推进“互联网+”行动意见</h1>", "国务院印发推进“互联网+”行动意见"),
]


@pytest.mark.parametrize(("head", "headings", "headline"), HEADLINE_PAGES)
def test_the_headline_comes_from_the_heading_the_title_names(tmp_path, head, headings, headline):
    page = html_page(head, headings + "".join(f"<p>{PARAGRAPH}</p>" for _ in range(3)))
    assert clean_article(read_article(write(tmp_path / "page.html", page))).metadata.title_zh == headline


def test_lists_of_links_to_other_articles_are_not_body(tmp_path):
    related = "".join(
        f'<li><a href="/n/{i}.html">相关新闻标题第{i}条很长</a> 近日，有关部门发布了一项新的措施……</li>' for i in range(4)
    )
    nav = '<div class="nav">' + "".join(f'<a href="/c/{i}">频道{i}</a> ' for i in range(8)) + "</div>"
    page = html_page("<title>职工技能竞赛</title>", nav + "".join(f"<p>{PARAGRAPH}</p>" for _ in range(3)) + f"<ul>{related}</ul>")
    text = read_article(write(tmp_path / "page.html", page)).text
    assert PARAGRAPH in text
    assert "相关新闻标题" not in text and "有关部门发布" not in text and "频道" not in text


def test_an_article_sharing_its_block_with_a_longer_link_list_stays(tmp_path):
    sentences = "<br>".join(["市政府今天召开常务会议。", "会议研究了三项工作。", "会议要求抓好落实。", "各部门负责人参加会议。"] * 2)
    links = "".join(f'<a href="/n/{i}.html">其他新闻标题第{i}条</a><br>' for i in range(12))
    page = html_page("<title>市政府召开常务会议</title>", f"<div>{sentences}<br>{links}</div>")
    assert "会议研究了三项工作。" in read_article(write(tmp_path / "page.html", page)).text


def test_a_short_article_on_a_link_heavy_page_is_not_pruned_with_the_links(tmp_path):
    links = "".join(f'<li><a href="/n/{i}.html">其他新闻标题第{i}条</a></li>' for i in range(30))
    body = "<h1>特首委任林大辉为港台顾问委员会主席</h1><p>政府刊宪，行政长官委任林大辉为主席。</p>"
    page = html_page("<title>特首委任林大辉为港台顾问委员会主席 - 信报</title>", f'<div id="page"><ul>{links}</ul>{body}</div>')
    assert "政府刊宪，行政长官委任林大辉为主席。" in read_article(write(tmp_path / "page.html", page)).text


def test_a_gazette_laid_out_in_tables_comes_out_as_paragraphs(tmp_path):
    cell = "".join(f"{PARAGRAPH}<br><br>" for _ in range(3))
    layout = f"<table><tr><td><table><tr><td>国务院关于积极推进“互联网+”行动的指导意见</td></tr><tr><td>{cell}</td></tr></table></td></tr></table>"
    cleaned = clean_article(read_article(write(tmp_path / "gazette.html", html_page("<title>国务院文件</title>", layout))))
    assert PARAGRAPH in cleaned.paragraphs_zh
    assert not any("|" in paragraph for paragraph in cleaned.paragraphs_zh)


def test_a_year_in_a_body_sentence_is_not_the_pages_date(tmp_path):
    body = "".join(f"<p>早在2019年，{PARAGRAPH}力争到2025年底全面完成。</p>" for _ in range(3))
    article = read_article(write(tmp_path / "page.html", html_page("<title>职工技能竞赛</title>", body)))
    assert article.page_metadata.date is None
    assert clean_article(article).metadata.date is None


def test_a_markdown_file_is_read_without_its_markup(tmp_path):
    markdown = (
        "# 本市投资90亿元建设新学校\n\n**2024年11月5日** 来源：[人民网](http://www.people.com.cn)\n\n"
        "![校园图片](http://example.com/a.jpg)\n\n本市今年计划投资**90亿元**建设新学校，惠及[45.14万名](http://x.cn)学生。\n\n"
        "- 新建小学12所\n- 新建中学8所\n\n> 市教育局局长李华表示，这是近十年来最大规模的学校建设计划。\n\n"
        "| 学校 | 数量 |\n|---|---|\n| 小学 | 12所 |\n"
    )
    article = read_article(write(tmp_path / "news.md", markdown.encode()))
    assert article.text == (
        "本市投资90亿元建设新学校\n\n2024年11月5日 来源：人民网\n\n本市今年计划投资90亿元建设新学校，惠及45.14万名学生。\n\n"
        "新建小学12所\n\n新建中学8所\n\n市教育局局长李华表示，这是近十年来最大规模的学校建设计划。\n\n学校 数量\n\n小学 12所\n"
    )


def test_a_plain_text_file_named_md_keeps_its_lines(tmp_path):
    article = read_article(write(tmp_path / "news.md", f"标题\n{NEWS}\n\n{NEWS}\n".encode()))
    assert article.text == f"标题\n{NEWS}\n\n{NEWS}\n"


def test_paragraphs_indented_by_four_spaces_in_markdown_are_text_not_dropped_code(tmp_path):
    article = read_article(write(tmp_path / "news.md", f"标题\n\n    {NEWS}\n\n    {NEWS}\n".encode()))
    assert article.text == f"标题\n\n{NEWS}\n\n{NEWS}\n"

"""Metadata lines of a news page (date, source, bylines, editor) and the headline among its first lines."""

from __future__ import annotations

import datetime
import itertools
import re
from dataclasses import dataclass, field

from pipeline.clean.lines import Line, is_body_like
from pipeline.lang.zh import CHINESE_DIGITS, DIGIT_VALUES, HAN, HAN_RANGES, NAME_CHARS
from pipeline.lang.zh_clean import headline_part, title_parts
from pipeline.lang.zh_places import PROVINCES

_DATE = r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
_LABELLED_DATE = re.compile(rf"(?:发布时间|发布日期|发稿时间|更新时间|日期)\s*[：:]\s*{_DATE}")
_ANY_DATE = re.compile(_DATE)
_WEEKDAY = r"(?:\s*(?:星期|周|礼拜)[一二三四五六日天])?"
# A time after the date: 10:33, 08:30:12, BJT 10:33, or ISO's T08:30:00+08:00.
_TIME = r"(?:(?:\s*(?:[A-Z]{2,4}\s*)?|T)\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)"
_DATE_LINE = re.compile(rf"^[〖【\[]?{_DATE}{_WEEKDAY}{_TIME}?{_WEEKDAY}[〗】\]]?$")
# Dates written as a line of their own in two other ways: in Chinese numerals, as official papers
# do (二〇二四年十一月五日), and in Taiwan's Minguo years (113年11月5日 is 2024; years 100-119 only,
# so that no count of years passes for one).
_CHINESE_DATE_LINE = re.compile(
    rf"^([{CHINESE_DIGITS}]{{4}})年([一二三四五六七八九十]{{1,2}})月([一二三四五六七八九十]{{1,3}})日{_WEEKDAY}$"
)
_MINGUO_DATE_LINE = re.compile(rf"^(?:民国)?(1[01]\d)年(\d{{1,2}})月(\d{{1,2}})日{_WEEKDAY}{_TIME}?$")
_MINGUO_YEAR_ZERO = 1911
# 资料来源 credits the material a story drew on (参考消息、海外网等) and 图片来源 a photo agency
# (视觉中国), not the page's publisher.
_SOURCE = re.compile(r"(?<!资料)(?<!图片)(?<!图)(?:来源|稿源|出处)\s*[：:]\s*([^\s|｜〗】\]）)]+)")
_NAME = f"[{NAME_CHARS}]"
_EDITOR = re.compile(rf"(?:责任编辑|责编|编辑)\s*[：:]\s*({_NAME}{{2,5}})")
_LABEL_WORDS = r"(?:责任编辑|编辑|来源|作者|摄影|校对|审核)"
_ROLE = r"(?:特约记者|见习记者|实习记者|首席记者|本报记者|记者|通讯员|实习生)"
_BYLINE_TOKEN = re.compile(rf"^(?:(?P<org>\S*?){_ROLE})?(?P<name>{_NAME}{{2,4}})?$")
_HAS_ROLE = re.compile(_ROLE)
# A wire-style dateline opening a story: 本报讯（记者 张三）, 香港文汇报讯(记者 陈大文),
# 新华社北京11月5日电（记者 李四 王五）.
_DATELINE = re.compile(
    rf"^(?P<org>[^\s（(，。]{{2,20}}?)(?:\d{{1,2}}月\d{{1,2}}日)?[讯电]\s*[（(]{_ROLE}?\s*"
    rf"(?P<names>{_NAME}{{2,4}}(?:[\s、，,]+{_NAME}{{2,4}})*)\s*[）)]"
)
# The Taiwan and Hong Kong byline: 杨舒媚／台北报导, 【王家俊／台北报导】, 〔记者施晓光、吴亮仪／台北报导〕,
# 【联合晚报╱记者邱琼平╱台北报导】: names, then a slash and the place the report was filed from.
_SLASH_BYLINE = re.compile(
    rf"^(?P<open>[【〔\[])?(?:[^╱／/】〕\]\s]{{2,12}}[╱／/])?{_ROLE}?"
    rf"(?P<names>{_NAME}{{2,4}}(?:[、，,]{_NAME}{{2,4}})*)\s*[╱／/]\s*[^╱／/\s】〕\]]{{1,12}}?(?:报导|报道)(?(open)[】〕\]])"
)
# What may follow an author's name with no space: a credit (林俊谦摄) or, after the first name, an
# affiliation opening with a place or an institution (作者：方敏北京大学经济学院教授). Names are taken
# shortest first, so 方敏 stops before 北京.
_NAME_ENDS = rf"$|[^{NAME_CHARS}]|摄|整理|编译|综合|报道|报导"
_CREDIT_AFTER_NAME = f"(?={_NAME_ENDS})"
_AFFILIATION_AFTER_NAME = f"(?={_NAME_ENDS}|{'|'.join(PROVINCES)}|中国|中央|国家|国务院|大学|学院|研究|教授|博士|专家|律师)"
# "作者：记者 王小明", "作者：王小明 李四" or "记者：林俊谦"; the names stop at the next label.
_AUTHOR_LABEL = re.compile(
    rf"(?:作者|记者)\s*[：:]\s*{_ROLE}?\s*({_NAME}{{2,4}}?{_AFFILIATION_AFTER_NAME}"
    rf"(?:[\s、，,]+(?!{_LABEL_WORDS}){_NAME}{{2,4}}?{_CREDIT_AFTER_NAME}(?![：:]))*)"
)
_METADATA_MAX_CHARS = 60

_TITLE_PART = re.compile(r"[（(](主题|引题|副题|肩题|眉题|主标题|副标题)[）)]$")
_ORIGINAL_TITLE = re.compile(r"^原标题\s*[：:]\s*")
# A site's name wrapping the headline in parentheses: 成报新闻(美国扩「洁净网络」……).
_WRAPPED_HEADLINE = re.compile(r"^([^\s（(]{2,8})[（(](.+)[）)]$")
_SUBTITLE = re.compile(r"^(?:——|--|—)")
_HEADLINE_MIN_HAN = 6
# A byline in parentheses closing the last paragraph: "……贡献力量。（王黎奎）".
_TRAILING_BYLINE = re.compile(
    rf"(?<=[。！？”])\s*[（(]{_ROLE}?\s*([{HAN_RANGES}]{{2,3}}(?:[\s、][{HAN_RANGES}]{{2,3}})*)[）)]$"
)
_COPYRIGHT_WORDS = re.compile(r"版权所有|copyright|all rights reserved|©|\(c\)", re.IGNORECASE)
_THIS_OUTLET = ("本报", "本网", "本台", "本刊", "本站")
_NOT_A_PERSON = re.compile(r"[社报网台站]$")


@dataclass
class LineMetadata:
    date: str | None = None
    date_labelled: bool = False
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    editor: str | None = None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def _iso_date(match: re.Match) -> str | None:
    year, month, day = (int(g) for g in match.groups()[-3:])
    return _iso(year, month, day)


def _chinese_day_number(text: str) -> int:
    """十一 -> 11, 二十五 -> 25, 五 -> 5: the numbers of months and days."""
    tens, _, ones = text.rpartition("十")
    if "十" not in text:
        return DIGIT_VALUES[text]
    return DIGIT_VALUES.get(tens, 1) * 10 + DIGIT_VALUES.get(ones, 0)


def _date_of_a_date_line(match: re.Match) -> str | None:
    """The date of a line that is a date in Chinese numerals or in Minguo years (None when no such
    day exists, as for 2024年2月30日)."""
    if match.re is _CHINESE_DATE_LINE:
        year = int("".join(str(DIGIT_VALUES[char]) for char in match.group(1)))
        return _iso(year, _chinese_day_number(match.group(2)), _chinese_day_number(match.group(3)))
    year, month, day = (int(group) for group in match.groups())
    return _iso(year + _MINGUO_YEAR_ZERO, month, day)


def _parse_byline(text: str) -> tuple[str | None, list[str]] | None:
    """(organisation, names) of a line such as "工人日报-中工网记者 张翀 通讯员 徐蓉 陈凯", else None."""
    if not _HAS_ROLE.search(text):
        return None
    organisation, names = None, []
    for token in text.split():
        match = _BYLINE_TOKEN.match(token)
        if not match or not token:
            return None
        organisation = organisation or (match.group("org") or None)
        if match.group("name"):
            names.append(match.group("name"))
    return organisation, names


def _dateline(match: re.Match) -> tuple[str | None, list[str]]:
    """(publisher, authors) of a wire-style dateline; 本报 ("this paper") names no publisher, and a
    news agency's place and date (新华社北京) are not part of its name."""
    organisation = match.group("org")
    if "社" in organisation:
        organisation = organisation[: organisation.index("社") + 1]
    publisher = None if organisation in _THIS_OUTLET else organisation
    return publisher, re.split(r"[\s、，,]+", match.group("names"))


def split_leading_dateline(paragraph: str) -> tuple[str, str | None, list[str]]:
    """A paragraph opening with a dateline (本报讯（记者 张三）今年以来……) without it, and the
    dateline's publisher and authors."""
    match = _DATELINE.match(paragraph)
    if match:
        publisher, authors = _dateline(match)
        return paragraph[match.end() :].lstrip(), publisher, authors
    match = _SLASH_BYLINE.match(paragraph)
    if match and match.group("open"):
        return paragraph[match.end() :].lstrip(), None, _split_names(match.group("names"))
    return paragraph, None, []


def _split_names(names: str) -> list[str]:
    return re.split(r"[\s、，,]+", names)


def parse_metadata_line(text: str) -> LineMetadata | None:
    """What a short date/source/byline/editor line declares, or None for any other line."""
    if len(text) > _METADATA_MAX_CHARS:
        return None
    found = LineMetadata()
    labelled = _LABELLED_DATE.search(text)
    source = _SOURCE.search(text)
    editor = _EDITOR.search(text)
    byline = _parse_byline(text)
    author_label = _AUTHOR_LABEL.search(text)
    date_line = _DATE_LINE.match(text)
    other_date_line = _CHINESE_DATE_LINE.match(text) or _MINGUO_DATE_LINE.match(text)
    dateline = _DATELINE.match(text)
    if dateline and dateline.end() < len(text):
        dateline = None  # a dateline opening a paragraph: see split_leading_dateline
    slash_byline = _SLASH_BYLINE.match(text)
    if slash_byline and slash_byline.end() < len(text):
        slash_byline = None
    if not (labelled or source or editor or byline or author_label or date_line or other_date_line or dateline or slash_byline):
        return None
    date_match = labelled or _ANY_DATE.search(text)
    if date_match:
        found.date = _iso_date(date_match)
    elif other_date_line:
        found.date = _date_of_a_date_line(other_date_line)
    found.date_labelled = bool(labelled)
    found.publisher = source.group(1) if source else (byline[0] if byline else None)
    if byline:
        found.authors = byline[1]
    elif author_label:
        found.authors = _split_names(author_label.group(1))
    elif slash_byline:
        found.authors = _split_names(slash_byline.group("names"))
    elif dateline:
        dateline_publisher, found.authors = _dateline(dateline)
        found.publisher = found.publisher or dateline_publisher
    found.editor = editor.group(1) if editor else None
    return found


def split_trailing_byline(paragraph: str) -> tuple[str, list[str]]:
    match = _TRAILING_BYLINE.search(paragraph)
    if not match:
        return paragraph, []
    names = re.split(r"[\s、]", match.group(1))
    if any(_NOT_A_PERSON.search(name) for name in names):
        return paragraph, []
    return paragraph[: match.start()].rstrip(), names


# What an HTML extractor takes for an author but is not a person: labels and widgets next to the
# byline (发布时间, 字号, a login box's 账号 密码), organisations, and datelines (台北报导).
_NOT_A_NAME = re.compile(r"发布|时间|字号|来源|编辑|分享|打印|账号|帐号|密码|登录|注册|评论|阅读|点击|关注")
_ORGANISATION = re.compile(
    r"(?:日报|晚报|早报|电台|新闻|频道|财经|传媒|集团|中心|[社报网台站云])$"
    rf"|[A-Za-z][^{HAN_RANGES}]*[{HAN_RANGES}]|[{HAN_RANGES}][^A-Za-z]*[A-Za-z]"
)
_REPORT_DATELINE = re.compile(r"(?:报道|报导|[电讯])$")
_CREDIT_SUFFIX = re.compile(r"(?:整合|整理|编译|综合|撰文|撰稿|采写|摄影|摄)$")
_AFFILIATION_SEPARATOR = re.compile(r"[╱／/|｜\-–—]")
_HAN_NAME = re.compile(f"[{NAME_CHARS}]{{2,4}}")
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,3}")


def _names_in(value: str) -> list[str]:
    value = _AFFILIATION_SEPARATOR.split(value.strip(" 【】[]（）()"))[-1].strip()
    value = _CREDIT_SUFFIX.sub("", re.sub(rf"^\S*?{_ROLE}", "", value)).strip()
    if _LATIN_NAME.fullmatch(value):
        return [value]
    if not value or _NOT_A_NAME.search(value) or _REPORT_DATELINE.search(value) or _ORGANISATION.search(value):
        return []
    # Pages space out two-character names to align them with three-character ones: 方 敏.
    tokens = re.sub(rf"(?<![{NAME_CHARS}])([{NAME_CHARS}]) ([{NAME_CHARS}])(?![{NAME_CHARS}])", r"\1\2", value)
    names = re.split(r"[\s、，,]+", tokens)
    return names if all(_HAN_NAME.fullmatch(name) for name in names) else []


def person_names(values: list[str]) -> list[str]:
    """The people named by author values an HTML extractor found: "【联合晚报╱记者邱琼平" -> 邱琼平,
    "本报记者 王乐文 方 敏" -> 王乐文, 方敏; labels, organisations and datelines give none."""
    names: list[str] = []
    for value in values:
        names.extend(name for name in _names_in(value) if name not in names)
    return names


def clean_publisher(publisher: str | None) -> str | None:
    """A publisher without the copyright wording pages wrap it in ("人民网版权所有", "Copyright © X")."""
    if not publisher:
        return publisher
    publisher = _COPYRIGHT_WORDS.sub("", publisher).strip(" ,，、.。（）()")
    return publisher or None


def is_original_title(text: str) -> bool:
    """A 原标题 line: the title the story had elsewhere, never body text."""
    return bool(_ORIGINAL_TITLE.match(text))


def clean_title(title: str) -> str:
    """A headline without layout markers or site/column names: of "推进“产改”进行时|湖北：959万...",
    "标题_中工网" or "成报新闻(标题)", the headline itself."""
    title = _TITLE_PART.sub("", _ORIGINAL_TITLE.sub("", title.strip())).strip()
    title = title.rstrip("—- ").strip()
    headline = headline_part(title_parts(title)) or title
    wrapped = _WRAPPED_HEADLINE.match(headline)
    if wrapped and len(HAN.findall(wrapped.group(2))) > 2 * len(HAN.findall(wrapped.group(1))):
        return wrapped.group(2).strip()
    return headline


def _squash(text: str) -> str:
    return "".join(text.split())


def _head_end(lines: list[Line]) -> int:
    for index, line in enumerate(lines):
        if is_body_like(line.text):
            return index
    return len(lines)


def _is_headline_candidate(text: str) -> bool:
    return len(HAN.findall(text)) >= _HEADLINE_MIN_HAN and not text.endswith("。")


def find_title(lines: list[Line], skip: set[int], page_title: str) -> tuple[str, set[int]]:
    """The headline and the indices of the lines that make up the title block.

    Among the lines before the first paragraph of running text (skipping ``skip``, already known as
    metadata or furniture), in order of preference: the line marked （主题） of a newspaper layout; a
    原标题 line; the line just above a ——subtitle; the page's own <title>; the first line long enough
    to be a headline. Lines above the headline are page furniture (banners, breadcrumbs, channel
    names); the 引题/副题 lines and a ——subtitle right below it belong to the title block."""
    head = [i for i in range(_head_end(lines)) if i not in skip]
    parts = {i: match.group(1) for i in head if (match := _TITLE_PART.search(lines[i].text))}
    marked = list(parts)
    main = [i for i, part in parts.items() if part in ("主题", "主标题")]
    original = [i for i in head if _ORIGINAL_TITLE.match(lines[i].text)]
    above_subtitle = [i for i, j in itertools.pairwise(head) if _SUBTITLE.match(lines[j].text)]
    candidates = [i for i in head if _is_headline_candidate(lines[i].text)]
    page_headline = _squash(clean_title(page_title)) if page_title else None
    page_lines = [i for i in head if page_headline and _squash(clean_title(lines[i].text)) == page_headline]
    for choice in (main, original, above_subtitle, page_lines):
        if choice:
            chosen = choice[0]
            break
    else:
        if page_title:
            return clean_title(page_title), set(marked)
        if not candidates:
            return "", set(marked)
        chosen = candidates[0]
    block = {i for i in head if i <= chosen} | set(marked)
    following = [i for i in head if i > chosen]
    if following and _SUBTITLE.match(lines[following[0]].text):
        block.add(following[0])
    return clean_title(lines[chosen].text), block

"""Named initiatives: plans, policy documents, contests, schemes, systems, campaigns and strategies.

A programme is a 《title》 whose head says it is a policy document (意见, 方案, 条例, 法...), unless
the words before it say it is a work, a periodical, a report or a short form (以下简称《意见》), or it
is the article's own headline; a document named without 《》 after its issuer or a verb of issuing
(山东省人民政府关于...的实施意见, 国务院印发关于...的意见); a quoted name that ends with or is followed
by a programme noun (“工友杯”, “1+X”证书制度, “车城状元”“工匠杯”等技能竞赛), including a slogan with
punctuation inside (“千村示范、万村整治”工程); a quoted name used in two or more sentences (a
dictionary word quoted for stress, “托底”, is not one), one year's round of a campaign (“净网2019”),
one being carried out (“十年禁渔”全面实施), a numbered abbreviation attached to a programme noun or
spelled out (“四送”品牌, “三保”（保基本民生、保工资、保运转）), a programme the word lists know
(“两新”, “数字中国”), and the short form the text gives for a programme (简称“长护险”); a numbered
action (五大行动, 五项赋能); an unquoted scheme name ending in a scheme noun and introduced by a verb
(实施乡村振兴战略, 建立长期护理保险制度, 落实扩大内需战略, 东数西算工程, 深港通, 河长制) or known by
its number of articles (新国十条); and the schemes the glossary names. Quoted speech, themes
(“...”为主题), slogans (“强起来”), numbered political formulas (“两个屏障”), stock metaphors
(“天花板”, “头号工程”), terms (“三农”, “钱袋子”) and events (“7503号”台风) are not programmes."""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from pipeline import PACKAGE_DIR
from pipeline.facts.quotes import Quoted, find_quoted_names, strip_quote_marks
from pipeline.lang.zh import HAN, HAN_RANGES
from pipeline.lang.zh_programmes import (
    COINED_HEAD_NOUNS,
    DELIVERY_VERBS,
    DOCUMENT_HEADS,
    GROUNDS_MARKERS,
    IN_NAME_WORDS,
    ISSUER_SUFFIXES,
    ISSUING_VERBS,
    LAUNCH_VERBS,
    LAW_ISSUERS,
    LEADING_VERBS,
    LISTED_ONLY_LONG_HEAD,
    LISTED_ONLY_NOUNS,
    METHOD_NOUNS,
    NAME_BOUNDARIES,
    NAME_CONTINUATIONS,
    NAME_FOLLOWERS,
    NAME_INTRODUCERS,
    NAME_OPENING_WORDS,
    NAME_VERBS,
    NOT_IN_NAMES,
    NOT_LAWS,
    NOUNS_AFTER_WORDS,
    NUMBERED_NAME_FOLLOWERS,
    ORGANISATION_SUFFIXES,
    PLAN_CATEGORY_WORDS,
    QUOTED_ORGANISATION_SUFFIXES,
    SCHEME_NOUNS,
    SHORT_FORM_MARKERS,
    WORK_MARKERS,
    known_programmes,
    metaphors,
    not_programmes,
)
from pipeline.lang.zh_words import is_common_word, is_dictionary_word
from pipeline.records import Programme
from pipeline.text import Span, split_sentences

# Longest first, so 工作室 is tried before 室-less shorter nouns.
PROGRAMME_NOUNS = tuple(
    sorted(
        (
            "计划", "行动", "工程", "方案", "制度", "机制", "大赛", "竞赛", "比赛", "联赛", "活动", "联盟",
            "基地", "学院", "卡", "体系", "杯", "工作室", "行", "号", "评选", "赋能", "规划",
            "政策", "办法", "意见", "决定", "综合体", "工作法", "项目库", "示范区", "改革", "倡议", "补贴", "补助",
        ),
        key=len,
        reverse=True,
    )
)

_SLOGAN_ENDINGS = ("起来", "起来了", "出来", "下去")
# Quotes holding a list or a pause are phrases (“订单式组织、定向式培训”), not names.
_PHRASE_PUNCTUATION = re.compile(r"[，、,；;：:]")
_CHINESE_NUMERALS_ONLY = re.compile(r"[一二三四五六七八九十两]+")
# “两个屏障”、“四个全面”: a numbered political formula, not a programme.
_FORMULA = re.compile(r"[一二三四五六七八九十两]+个(?![一二三四五六七八九十两])")
# “两新”, “三保”, “三支一扶”, “双减”: a numbered abbreviation of a policy.
_NUMBERED_ABBREVIATION = re.compile(r"[一二三四五六七八九十两双][\u4e00-\u9fff]{1,3}")
# ...which the words after it call a programme (“两新”工作, “三创一建”工作机制, “四送”品牌), or which
# a parenthesis right after it spells out (“三保”（保基本民生、保工资、保运转）).
_ABBREVIATION_NOUNS = ("工作", "政策", "项目", "品牌", "行动", "工程", "活动", "计划", "举措")
_SPELLED_OUT = re.compile(r"[（(][^（）()]*、[^（）()]*[）)]")
# “净网2019”, “2022国际消费季”: one year's round of a campaign.
_YEAR_EDITION = re.compile(r"[\u4e00-\u9fff]{2,}[·・]?(?:19|20)\d\d|(?:19|20)\d\d[\u4e00-\u9fff]{2,}")
# The words after a quote that say it is being carried out (长江“十年禁渔”全面实施).
_CARRIED_OUT = re.compile(r"(?:全面|正式|深入)?(?:实施|启动|落地|推开|推行)")
# “工会同行 暖心相伴”为主题, 以“一老一小”为重点: a theme or focus, not a name (以“会员卡”为载体 is).
_THEME_WORDS = ("为主题", "主题", "为口号", "为重点", "为核心", "为主线", "为导向", "为抓手", "为目标")
# 以下简称“长护险”, 简称“千万工程”, 下称“百千万工程”: a short form the text gives for a name.
_SHORT_FORM_LEAD = re.compile(r"[（(](?:以下)?(?:简称|下称)[:：]?(?=[“‘「『\"])")
_SHORT_FORM_LEAD_CHARS = 8
_SHORT_FORM_REACH = 40
# A document named without 《》: 关于...的意见, up to its head.
_UNMARKED_DOCUMENT = re.compile(
    r"关于[^，。；！？、“”‘’《》（）()\n]{2,60}?的(?:实施意见|指导意见|若干意见|意见|通知|决定|若干措施|规定|办法|实施方案|方案|批复)"
)
_ISSUER_CHARS = 20
_KNOWN_UNQUOTED_CHARS = 4
MIN_NAME_CHARS = 2
_NUMBERED_ACTION = re.compile(
    r"(?<![第\d])[一二三四五六七八九十两]+[大项](?:行动|工程|计划|赋能|战略|机制|制度|改革|服务)"
)
# A quoted name may also end in 制 (“现代学徒制”), which after a quote starts other words (制造业).
_NAME_ENDINGS = (*PROGRAMME_NOUNS, "制")
_PLAN_NOUNS = ("计划", "行动", "工程", "方案", "规划", "改革", "倡议")
_DOCUMENT_HEADS = tuple(sorted(set(DOCUMENT_HEADS) | set(PROGRAMME_NOUNS), key=len, reverse=True))
# 《...规划（2021—2025年）》, 《...办法（试行）》: the head stands before a closing parenthesis.
_TRAILING_PARENTHESIS = re.compile(r"[（(][^（）()]*[）)]$")
_MARKER_WINDOW = 5
_HEADLINE_SHARE = 0.8
_BEFORE_MARKER_SPACE = re.compile(r"[\s:：“”\"]+$")
# A scheme noun, or a number of articles (新国十条, 金融16条).
_SCHEME_NOUN = re.compile("|".join(sorted(SCHEME_NOUNS, key=len, reverse=True)))
_NUMBERED_NAME = re.compile(r"(?:[一二三四五六七八九十]{1,3}|\d{1,2})条")
_QUOTED_NUMBERED_NAME = re.compile(f"[{HAN_RANGES}]{{1,3}}{_NUMBERED_NAME.pattern}")
_LIST_MARK = "、"
_CLOSING_QUOTES = frozenset("”’」』》\"")
_NAME_START_WORDS = tuple(word for word in {*NAME_BOUNDARIES, *NAME_INTRODUCERS} if len(word) > 1)
_NAME_ENDS = tuple({*NAME_FOLLOWERS, *NAME_BOUNDARIES, *NAME_INTRODUCERS})
_NAME_START_CHARS = frozenset(word for word in {*NAME_BOUNDARIES, *NAME_INTRODUCERS} if len(word) == 1)
_SCHEME_NOUN_WORDS = tuple(SCHEME_NOUNS)
_PAPER_HEADS = tuple(head for head in DOCUMENT_HEADS if head not in SCHEME_NOUNS)
# 简政放权、放管结合、优化服务改革: a name may list four-character phrases.
_LISTED_PHRASE_CHARS = 4
MAX_HEAD_CHARS = 18
_NUMBERED_HEAD_CHARS = (1, 3)
_SHORT_NOUN_CHARS = 2
_HAN_CHAR = re.compile(f"[{HAN_RANGES}]")
GLOSSARY_FILE = PACKAGE_DIR / "glossary.tsv"
_SCHEME_NOTE = "programme"
_SHORT_FORM_NOTE = "short form of "
_AFTER_QUOTE_WINDOW = 12
# A bare code (“1+6+N”) is often followed by a long descriptive name before its noun.
_AFTER_CODE_WINDOW = 20
_WINDOW_STOP = re.compile(r"[，。；！？、“”‘’《》\n,;:：!?\d]")
_QUOTE_RUN_JOINERS = "、和及与"
# The words describing a project between a quoted name and its plan noun stop at these.
_DESCRIPTION_STOP = re.compile(r"[，。；！？、“”‘’《》\n,;:：!?的等]")
_LIST_MARKER = "等"
# A quoted phrase with 的 (“承担剩余风险的制度安排”) describes; only a document title holds 的 in a name.
_PARTICLE = "的"
# A quoted name of a service is a programme when it is long enough to be one (“24365校园招聘服务”, not
# “上门服务”).
_SERVICE_NOUN = "服务"
_SERVICE_NAME_CHARS = 4



@dataclass(frozen=True)
class _Mention:
    name: str
    start: int  # offset of the name (inside its quote marks)


def _ends_with_noun(name: str) -> bool:
    """“工友杯”, “劳模工匠号”, “24365校园招聘服务”; not a number with a counter (“7503号”台风)."""
    if name.endswith(_SERVICE_NOUN) and len(HAN.findall(name[: -len(_SERVICE_NOUN)])) >= _SERVICE_NAME_CHARS:
        return True
    return any(
        name.endswith(noun) and len(name) >= len(noun) + 2 and HAN.search(name[: -len(noun)]) for noun in _NAME_ENDINGS
    )


def _is_theme(text: str, quoted: Quoted) -> bool:
    """以“一老一小”为重点, “工会同行 暖心相伴”为主题: the quote is a theme or a focus."""
    return text.startswith(_THEME_WORDS, quoted.end)


def _is_policy_abbreviation(text: str, quoted: Quoted, name: str) -> bool:
    """“四送”品牌, “三创一建”工作机制, “三保”（保基本民生、保工资、保运转）."""
    return bool(_NUMBERED_ABBREVIATION.fullmatch(name)) and (
        text.startswith(_ABBREVIATION_NOUNS, quoted.end) or bool(_SPELLED_OUT.match(text, quoted.end))
    )


def _window_after(text: str, quoted: Quoted, quotes_by_start: dict[int, Quoted], size: int) -> str:
    """The words after a quote, skipping a run of further quotes and 等: “车城状元”“工匠杯”等技能竞赛."""
    position = quoted.end
    while True:
        if position < len(text) and text[position] in _QUOTE_RUN_JOINERS and position + 1 in quotes_by_start:
            position += 1
        if position in quotes_by_start:
            position = quotes_by_start[position].end
            continue
        break
    if text.startswith(_LIST_MARKER, position):
        position += len(_LIST_MARKER)
    window = text[position : position + size]
    stop = _WINDOW_STOP.search(window)
    return window[: stop.start()] if stop else window


def _adjacent_plan_noun(text: str, quoted: Quoted) -> str:
    """The plan noun right after the closing quote mark, if any: “领航”计划 -> 计划. Only these
    nouns make part of the name; in “最美产业工人”评选 the name is the title, not the selection."""
    return next((noun for noun in _PLAN_NOUNS if text.startswith(noun, quoted.end)), "")


def _plan_noun_phrase(text: str, quoted: Quoted) -> str:
    """The plan noun after the closing quote mark, with the words that describe the project before
    it: “领航”计划 -> 计划, “百县千镇万村”高质量发展工程 -> 高质量发展工程. A category word before
    the noun (“净网2023”专项行动) leaves the noun out: the quoted name is the programme."""
    window = text[quoted.end : quoted.end + _AFTER_QUOTE_WINDOW]
    stop = _DESCRIPTION_STOP.search(window)
    window = window[: stop.start()] if stop else window
    ends = [window.find(noun) + len(noun) for noun in _PLAN_NOUNS if noun in window]
    if not ends:
        return ""
    phrase = window[: min(ends)]
    description = phrase[: -len(next(noun for noun in _PLAN_NOUNS if phrase.endswith(noun)))]
    if description.endswith(PLAN_CATEGORY_WORDS) or any(word in description for word in _NAME_START_WORDS):
        return ""  # “产改”纳入全面深化改革: a verb phrase follows the name, not its description
    return phrase


def _launched_run(text: str, quoted: Quoted, quotes: dict[int, Quoted], quotes_by_end: dict[int, Quoted]) -> bool:
    """Whether the quote is in a run of quotes that a verb launching campaigns takes as its object,
    the run ending the phrase: 开展“春送岗位”“夏送清凉”“金秋助学”“冬送温暖”等 (not 实施“进口替代”攻关)."""
    start = quoted.start
    while True:
        if start in quotes_by_end:
            start = quotes_by_end[start].start
        elif text[start - 1 : start] in _QUOTE_RUN_JOINERS and start - 1 in quotes_by_end:
            start = quotes_by_end[start - 1].start
        else:
            break
    end = quoted.end
    while True:
        if end in quotes:
            end = quotes[end].end
        elif text[end : end + 1] in _QUOTE_RUN_JOINERS and end + 1 in quotes:
            end = quotes[end + 1].end
        else:
            break
    ends_phrase = not _HAN_CHAR.match(text, end) or text.startswith(_LIST_MARKER, end)
    return ends_phrase and text.endswith(LAUNCH_VERBS, 0, start)


def _noun_phrase_end(window: str) -> int:
    """Length of ``window`` up to the end of its last programme noun; 0 when it has none."""
    ends = [window.rfind(noun) + len(noun) for noun in PROGRAMME_NOUNS if noun in window]
    return max(ends, default=0)


def _is_generic_document(name: str) -> bool:
    """“个人意见”: one common word before the head of a paper names no document (“五年行动” is a
    scheme, whatever word is before it)."""
    head = next((head for head in _PAPER_HEADS if name.endswith(head) and len(name) > len(head)), "")
    return bool(head) and is_common_word(name[: -len(head)])


def _is_candidate(name: str) -> bool:
    """Quoted words that can be names: not one stressed character (“技”), not a holiday (“五一”),
    not a metaphor, slogan or phrase."""
    return (
        len(name) >= MIN_NAME_CHARS
        and not _CHINESE_NUMERALS_ONLY.fullmatch(name)
        and not (_PARTICLE in name and not name.endswith(_DOCUMENT_HEADS))
        and not _is_generic_document(name)
        and name not in metaphors()
        and not _FORMULA.match(name)
        and not name.endswith(_SLOGAN_ENDINGS)
        and not _PHRASE_PUNCTUATION.search(name)
    )


def _is_document_title(text: str, title: Quoted, headline: str) -> bool:
    """A 《title》 names a policy document by its head (意见, 方案, 条例, 劳动法...), unless the words
    before it make it a work, periodical, broadcast or report, or it is the article's own headline."""
    name = _TRAILING_PARENTHESIS.sub("", strip_quote_marks(title.inner))
    is_not_law = name.endswith(NOT_LAWS) and not name.startswith(LAW_ISSUERS)
    if not name.endswith(_DOCUMENT_HEADS) or is_not_law or len(name) < MIN_NAME_CHARS + 1:
        return False
    before = _BEFORE_MARKER_SPACE.sub("", text[max(0, title.start - _MARKER_WINDOW) : title.start])
    if before.endswith(SHORT_FORM_MARKERS) or _is_generic_document(name):
        return False  # （以下简称《意见》）: the document is named in full before
    if before.endswith(WORK_MARKERS) and not before.endswith(GROUNDS_MARKERS):
        return False
    return not _is_headline(name, headline)


def _is_headline(name: str, headline: str) -> bool:
    """The article's headline in 《》 (原标题：《...》), allowing for a site name or a subtitle beside it."""
    shorter, longer = sorted((name, headline), key=len)
    return bool(shorter) and shorter in longer and len(shorter) >= _HEADLINE_SHARE * len(longer)


@dataclass(frozen=True)
class UnquotedName:
    """A scheme named without quotes or 《》: 东数西算工程, 深港通, 新国十条."""

    name: str
    start: int
    end: int
    has_numeral: bool  # 新国十条: its number is no figure


def _starts_name(text: str, position: int) -> bool:
    """Whether a boundary word ends at ``position``; a one-character one (由, 有, 据, 共) only when it
    is not part of a word with the character before or after it (自由, 国有, 数据, 共同富裕)."""
    if text.endswith(_NAME_START_WORDS, 0, position):
        return True
    return (
        text[position - 1] in _NAME_START_CHARS
        and not is_common_word(text[max(0, position - 2) : position])
        and not is_common_word(text[position - 1 : position + 1])
    )


def _head_start(text: str, noun_start: int) -> int:
    """Where the name ending at ``noun_start`` begins: after a boundary word, a non-Han character,
    or a list mark that does not join four-character phrases."""
    position = noun_start
    segment = 0
    while position > 0 and not _starts_name(text, position):
        if noun_start - position >= MAX_HEAD_CHARS:
            return noun_start  # no boundary near: a clause, not a name
        char = text[position - 1]
        if char == _LIST_MARK and segment == _LISTED_PHRASE_CHARS:
            segment = 0
        elif _HAN_CHAR.match(char):
            segment += 1
        else:
            break
        position -= 1
    head = text[position:noun_start]
    phrases = head.split(_LIST_MARK)
    listed_names = any(phrase.endswith(_SCHEME_NOUN_WORDS) for phrase in phrases[:-1])
    if len(phrases) > 1 and (len(phrases[0]) != _LISTED_PHRASE_CHARS or listed_names):
        # 教育、医疗、养老改革 and 财税改革、商事改革、土地制度改革 list names: only the last counts
        return noun_start - len(phrases[-1])
    return position + (1 if head.startswith(_LIST_MARK) else 0)


def _opening_word_length(text: str, start: int) -> int:
    """落实|扩大内需战略, 贯彻落实|积极应对人口老龄化国家战略: after a verb, a word that usually
    stops a name (扩大, 积极, 推进) opens it; its length, or 0."""
    word = next((word for word in NAME_OPENING_WORDS if text.endswith(word, 0, start)), "")
    return len(word) if word and text.endswith(NAME_VERBS, 0, start - len(word)) else 0


def _is_scheme_head(head: str, noun: str, text: str, noun_start: int) -> bool:
    """乡村振兴 before 战略, 深港 before 通: not too short, not one common word (公司计划), no person
    or ordinal in it, a list of phrases before 改革, and the noun not part of a common word (开通)."""
    # 公司计划: one common word before a short noun is a generic plan; 长期护理保险 is a scheme.
    generic_head = (
        len(head) > 1 and noun not in NOUNS_AFTER_WORDS and len(noun) <= _SHORT_NOUN_CHARS and is_common_word(head)
    )
    if len(noun) == 1 and is_common_word(text[noun_start - 2 : noun_start + 1]):
        return False  # 公有制, 所有制: a common word, not a scheme
    if len(head) < SCHEME_NOUNS[noun] or generic_head or NOT_IN_NAMES & set(head):
        return False
    if noun in LISTED_ONLY_NOUNS and _LIST_MARK not in head and len(head) < LISTED_ONLY_LONG_HEAD:
        return False
    if noun in COINED_HEAD_NOUNS and is_dictionary_word(head):
        return False  # 社会保障制度, 收入分配制度: a system of a field, not a named one
    noun_end = noun_start + len(noun)
    after = text[noun_end : noun_end + 1]
    return not (
        is_common_word(text[noun_start - 1] + noun)
        or (_HAN_CHAR.match(after) and is_common_word(noun + after))
        or is_dictionary_word(head + noun)
    )


def _is_introduced(text: str, start: int) -> bool:
    return text.endswith(NAME_INTRODUCERS, 0, start)


def _name_start(text: str, noun_start: int) -> int:
    """Where the unquoted name ending at ``noun_start`` begins: after its boundary word, taking in a
    verb's object that opens the name (落实|扩大内需战略) and a word such as 重点 that is a boundary
    elsewhere but here sits inside a name introduced further back (实施|制造业重点产业链...行动), and
    leaving out a verb the head starts with (整合|乡村振兴战略, 激活|产业工人队伍建设改革)."""
    start = _head_start(text, noun_start)
    start -= _opening_word_length(text, start)
    inner = next((word for word in IN_NAME_WORDS if text.endswith(word, 0, start)), "")
    if inner and not _is_introduced(text, start) and noun_start - start >= MIN_NAME_CHARS:
        longer = _head_start(text, start - len(inner))
        if longer < start - len(inner) and noun_start - longer <= MAX_HEAD_CHARS and _is_introduced(text, longer):
            return longer
    leading_verb = next((verb for verb in LEADING_VERBS if text.startswith(verb, start, noun_start)), "")
    return start + len(leading_verb)


def _stands_as_name(text: str, start: int, end: int, one_char_noun: bool) -> bool:
    """A scheme name opens a clause or follows a word that introduces it (实施乡村振兴战略, 的), and
    does not run on into a longer noun or a code (计划书, 试点县, 试点75家)."""
    before = text[start - 1 : start]
    if before in _CLOSING_QUOTES:
        return False  # “百县千镇万村”高质量发展工程: the tail of a quoted name
    opens_clause = not before or not (_HAN_CHAR.match(before) or before.isalnum())
    introduced = opens_clause or _is_introduced(text, start)
    after = text[end : end + 1]
    runs_on = (
        (after.isascii() and after.isalnum())
        or after in NAME_CONTINUATIONS
        or after in ORGANISATION_SUFFIXES
        or is_common_word(text[end - 2 : end + 2])  # 计划生育: the noun starts another word
        or is_dictionary_word(text[start : end + 1])  # 因地制宜
    )
    if one_char_noun and _HAN_CHAR.match(after) and not text.startswith(_NAME_ENDS, end):
        return False
    return introduced and not runs_on


def find_unquoted_names(text: str) -> list[UnquotedName]:
    """Scheme names written without quotes or 《》, in text order."""
    names = []
    for match in _SCHEME_NOUN.finditer(text):
        if _SCHEME_NOUN.match(text, match.end()) or text[match.end() : match.end() + 1] in ORGANISATION_SUFFIXES:
            continue  # 行动 of 行动计划, 改革 of 发展改革委: the name ends later
        start = _name_start(text, match.start())
        head = text[start : match.start()]
        if _is_scheme_head(head, match.group(), text, match.start()) and _stands_as_name(text, start, match.end(), len(match.group()) == 1):
            names.append(UnquotedName(text[start : match.end()], start, match.end(), has_numeral=False))
    for match in _NUMBERED_NAME.finditer(text):
        after = text[match.end() : match.end() + 2]
        if after and _HAN_CHAR.match(after[0]) and not after.startswith(NUMBERED_NAME_FOLLOWERS):
            continue  # 22条措施: a count of the noun after it
        start = _head_start(text, match.start())
        if _NUMBERED_HEAD_CHARS[0] <= match.start() - start <= _NUMBERED_HEAD_CHARS[1]:
            names.append(UnquotedName(text[start : match.end()], start, match.end(), has_numeral=True))
    return sorted(names, key=lambda name: name.start)


@cache
def glossary_schemes() -> tuple[str, ...]:
    """Schemes the glossary knows, with their short forms (产业工人队伍建设改革, 产改), longest first."""
    with GLOSSARY_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    schemes = {row["zh"] for row in rows if _SCHEME_NOTE in (row.get("note") or "")}
    schemes |= {
        row["zh"] for row in rows if (row.get("note") or "").removeprefix(_SHORT_FORM_NOTE) in schemes
    }
    return tuple(sorted(schemes, key=len, reverse=True))


def find_unmarked_documents(text: str, quoted_names: list[Quoted]) -> list[_Mention]:
    """Documents named without 《》: a heading (山东省人民政府关于...的实施意见) or a title after a verb
    of issuing (国务院印发关于...的意见). 征求关于...的意见 asks for opinions and names nothing."""
    inside_quotes = [(quoted.start, quoted.end) for quoted in quoted_names]
    documents = []
    for match in _UNMARKED_DOCUMENT.finditer(text):
        if any(start <= match.start() < end for start, end in inside_quotes):
            continue
        issuer_start = _issuer_start(text, match.start())
        if issuer_start is not None:
            documents.append(_Mention(text[issuer_start : match.end()], issuer_start))
        elif match.start() == 0 or not _HAN_CHAR.match(text[match.start() - 1]) or text.endswith(
            ISSUING_VERBS, 0, match.start()
        ):
            documents.append(_Mention(match.group(), match.start()))
    return documents


def _issuer_start(text: str, about: int) -> int | None:
    """Where the issuer glued to 关于 begins (国务院办公厅关于...), or None when 关于 has no issuer."""
    position = about
    while position > 0 and _HAN_CHAR.match(text[position - 1]) and about - position < _ISSUER_CHARS:
        if text.endswith(ISSUING_VERBS, 0, position) or _starts_name(text, position):
            break
        position -= 1
    issuer = text[position:about]
    return position if issuer.endswith(ISSUER_SUFFIXES) and len(issuer) > 1 else None


def _known_unquoted_mentions(text: str, quoted_spans: list[tuple[int, int]]) -> list[_Mention]:
    """Known programmes of four characters or more written without quotes (春风行动, 扫黄打非), where
    they end a word (not 数字中国建设, 健康中国行)."""
    mentions = []
    for name in known_programmes():
        position = text.find(name)
        while len(name) >= _KNOWN_UNQUOTED_CHARS and position >= 0:
            end = position + len(name)
            ends_word = not _HAN_CHAR.match(text, end) or text.startswith(_NAME_ENDS, end)
            if ends_word and not any(first <= position < last for first, last in quoted_spans):
                mentions.append(_Mention(name, position))
                break
            position = text.find(name, position + 1)
    return mentions


def _short_form_mentions(text: str, quoted_names: list[Quoted], mentions: list[_Mention]) -> list[_Mention]:
    """长期护理保险（以下简称“长护险”）: the short form of a programme is a programme."""
    short_forms = []
    for quoted in quoted_names:
        lead = _SHORT_FORM_LEAD.search(text, max(0, quoted.start - _SHORT_FORM_LEAD_CHARS), quoted.start + 1)
        if quoted.is_book_title or not lead:
            continue
        before = strip_quote_marks(text[max(0, lead.start() - _SHORT_FORM_REACH) : lead.start()])
        if any(before.endswith(mention.name) for mention in mentions):
            short_forms.append(_Mention(quoted.inner.strip(), quoted.start + 1))
    return short_forms


def _drop_contained(mentions: list[_Mention]) -> list[_Mention]:
    """A name found inside a longer one at the same place is part of it (千万工程 in 百千万工程)."""
    return [
        mention
        for mention in mentions
        if not any(
            len(other.name) > len(mention.name)
            and other.start <= mention.start
            and mention.start + len(mention.name) <= other.start + len(other.name)
            for other in mentions
        )
    ]


def _glossary_mentions(text: str) -> list[_Mention]:
    return [_Mention(name, text.find(name)) for name in glossary_schemes() if name in text]


def _quoted_mentions(
    text: str, quoted_names: list[Quoted], sentence_of: Callable[[int], Span], headline: str
) -> list[_Mention]:
    titles = [quoted for quoted in quoted_names if quoted.is_book_title]
    quotes = [q for q in quoted_names if not q.is_book_title and not any(t.start < q.start < t.end for t in titles)]
    quotes_by_start = {quoted.start: quoted for quoted in quotes}
    quotes_by_end = {quoted.end: quoted for quoted in quotes}
    sentences_by_name: dict[str, set[int]] = {}
    for quoted in quotes:
        sentences_by_name.setdefault(quoted.inner.strip(), set()).add(sentence_of(quoted.start).start)

    mentions = [
        _Mention(strip_quote_marks(t.inner), t.start + 1) for t in titles if _is_document_title(text, t, headline)
    ]
    for quoted in quotes:
        name = quoted.inner.strip()
        if _CHINESE_NUMERALS_ONLY.fullmatch(name) and _adjacent_plan_noun(text, quoted):
            mentions.append(_Mention(name + _adjacent_plan_noun(text, quoted), quoted.start + 1))  # “十四五”规划
            continue
        if (
            name in not_programmes()
            or _is_theme(text, quoted)
            or text.startswith(METHOD_NOUNS, quoted.end)
            or text.startswith(QUOTED_ORGANISATION_SUFFIXES, quoted.end)  # 全国“扫黄打非”办公室
        ):
            continue
        is_code = not HAN.search(name)
        window = _window_after(text, quoted, quotes_by_start, _AFTER_CODE_WINDOW if is_code else _AFTER_QUOTE_WINDOW)
        if is_code:
            window = window.split(_PARTICLE)[0]  # “2522”的整体框架: a description follows, not a noun
        noun_end = _noun_phrase_end(window)
        if name in known_programmes() or (_PHRASE_PUNCTUATION.search(name) and noun_end and HAN.search(name)):
            # “两新”, “数字中国”; “千村示范、万村整治”工程: a slogan naming a project, punctuation and all
            mentions.append(_Mention(name + _plan_noun_phrase(text, quoted), quoted.start + 1))
            continue
        if not _is_candidate(name):
            continue
        # A coinage used in two sentences is a name; a dictionary word quoted twice is only stressed.
        is_repeated_coinage = len(sentences_by_name[name]) >= 2 and not is_dictionary_word(name)
        is_numbered_name = bool(_QUOTED_NUMBERED_NAME.fullmatch(name))  # “国九条”
        is_named_otherwise = (
            is_repeated_coinage
            or is_numbered_name
            or bool(_YEAR_EDITION.fullmatch(name))
            or bool(_CARRIED_OUT.match(text, quoted.end))
            or (text.startswith(DELIVERY_VERBS, quoted.end) and not is_dictionary_word(name))
            or _is_policy_abbreviation(text, quoted, name)
            or (_launched_run(text, quoted, quotes_by_start, quotes_by_end) and not is_dictionary_word(name))
        )
        if noun_end and is_code:
            name += window[:noun_end]  # a bare code (1+X, 33618) is named with the noun after it
        elif not (noun_end or _ends_with_noun(name) or is_named_otherwise):
            continue
        elif not _ends_with_noun(name):
            # “领航”计划 is the 领航 Plan: a bare “领航” would not tell a reader what it is.
            name += _plan_noun_phrase(text, quoted)
        mentions.append(_Mention(name, quoted.start + 1))
    return mentions


def find_programmes(text: str, headline: str = "") -> list[Programme]:
    """The programmes named in ``text``, each once, in order of first mention; ``headline`` is the
    article's title, which a 《》 in the text may repeat (原标题：《...》) without naming a programme."""
    sentences = split_sentences(text)
    sentence_starts = [sentence.start for sentence in sentences]

    def sentence_of(offset: int) -> Span:
        return sentences[max(0, bisect_right(sentence_starts, offset) - 1)]

    quoted_names = find_quoted_names(text)
    documents = find_unmarked_documents(text, quoted_names)
    titles = [(quoted.start, quoted.end) for quoted in quoted_names if quoted.is_book_title]
    titles += [(document.start, document.start + len(document.name)) for document in documents]
    quoted_spans = [(quoted.start, quoted.end) for quoted in quoted_names] + titles
    mentions = _quoted_mentions(text, quoted_names, sentence_of, headline) + documents
    mentions += [
        _Mention(match.group(), match.start())
        for match in _NUMBERED_ACTION.finditer(text)
        if not any(start < match.start() < end for start, end in titles)
    ]
    mentions += [
        _Mention(name.name, name.start)
        for name in find_unquoted_names(text)
        if not any(start <= name.start < end for start, end in quoted_spans)
    ]
    mentions += _glossary_mentions(text) + _known_unquoted_mentions(text, quoted_spans)
    mentions += _short_form_mentions(text, quoted_names, mentions)
    first_start: dict[str, int] = {}
    for mention in _drop_contained(mentions):
        earliest_use = text.find(mention.name)
        start = min(mention.start, earliest_use) if earliest_use >= 0 else mention.start
        first_start[mention.name] = min(start, first_start.get(mention.name, start))
    return [
        Programme(name_zh=name, context_zh=sentence_of(start).text, start=start)
        for name, start in sorted(first_start.items(), key=lambda item: item[1])
    ]

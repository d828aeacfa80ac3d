"""Named initiatives: plans, policy documents, contests, schemes and systems.

A programme is a 《title》, a quoted name that ends with or is followed by a programme noun
(“工友杯”, “1+X”证书制度, “车城状元”“工匠杯”等技能竞赛), a quoted name used in two or more
sentences, or a numbered action (五大行动, 五项赋能). Quoted speech, slogans (“强起来”) and
stock metaphors (“天花板”) are not programmes."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.facts.quotes import Quoted, find_quoted_names, strip_quote_marks
from pipeline.lang.zh import HAN
from pipeline.records import Programme
from pipeline.text import Span, split_sentences

# Longest first, so 工作室 is tried before 室-less shorter nouns.
PROGRAMME_NOUNS = tuple(
    sorted(
        (
            "计划", "行动", "工程", "方案", "制度", "机制", "大赛", "竞赛", "比赛", "联赛", "活动", "联盟",
            "基地", "学院", "卡", "体系", "模式", "杯", "工作室", "行", "号", "评选", "赋能", "规划",
            "政策", "办法", "意见", "决定", "综合体", "工作法", "项目库", "示范区",
        ),
        key=len,
        reverse=True,
    )
)
# Stock metaphors of Chinese news writing; quoted for effect, they name nothing.
METAPHORS = frozenset(
    {
        "天花板", "快车道", "香饽饽", "金字招牌", "一池春水", "排头兵", "主力军", "模范生", "先手棋",
        "组合拳", "关键招", "快进键", "绿色通道", "宽跑道", "新动能", "蓄水池", "青云梯", "领头雁",
        "生力军", "加速度", "含金量", "含智量", "硬核", "卡脖子", "最后一公里", "金钥匙", "压舱石",
    }
)
_SLOGAN_ENDINGS = ("起来", "起来了", "出来", "下去")
# Quotes holding a list or a pause are phrases (“订单式组织、定向式培训”), not names.
_PHRASE_PUNCTUATION = re.compile(r"[，、,；;：:]")
_CHINESE_NUMERALS_ONLY = re.compile(r"[一二三四五六七八九十两]+")
MIN_NAME_CHARS = 2
_NUMBERED_ACTION = re.compile(
    r"(?<![第\d])[一二三四五六七八九十两]+[大项](?:行动|工程|计划|赋能|举措|任务|战略|机制|制度|改革|服务)"
)
# 人民日报, 中工网: a 《title》 of a newspaper or site is a publication, not a programme.
_PUBLICATION_ENDINGS = ("报", "杂志", "网", "周刊", "频道", "新闻")
_PLAN_NOUNS = ("计划", "行动", "工程", "方案")
_AFTER_QUOTE_WINDOW = 12
# A bare code (“1+6+N”) is often followed by a long descriptive name before its noun.
_AFTER_CODE_WINDOW = 20
_WINDOW_STOP = re.compile(r"[，。；！？、“”‘’《》\n,;:：!?\d]")
_QUOTE_RUN_JOINERS = "、和及与"
_LIST_MARKER = "等"


@dataclass(frozen=True)
class _Mention:
    name: str
    start: int  # offset of the name (inside its quote marks)


def _ends_with_noun(name: str) -> bool:
    return any(name.endswith(noun) and len(name) >= len(noun) + 2 for noun in PROGRAMME_NOUNS)


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


def _noun_phrase_end(window: str) -> int:
    """Length of ``window`` up to the end of its last programme noun; 0 when it has none."""
    ends = [window.rfind(noun) + len(noun) for noun in PROGRAMME_NOUNS if noun in window]
    return max(ends, default=0)


def _is_candidate(name: str) -> bool:
    """Quoted words that can be names: not one stressed character (“技”), not a holiday (“五一”),
    not a metaphor, slogan or phrase."""
    return (
        len(name) >= MIN_NAME_CHARS
        and not _CHINESE_NUMERALS_ONLY.fullmatch(name)
        and name not in METAPHORS
        and not name.endswith(_SLOGAN_ENDINGS)
        and not _PHRASE_PUNCTUATION.search(name)
    )


def _quoted_mentions(text: str, quoted_names: list[Quoted], sentence_of: Callable[[int], Span]) -> list[_Mention]:
    titles = [quoted for quoted in quoted_names if quoted.is_book_title]
    quotes = [q for q in quoted_names if not q.is_book_title and not any(t.start < q.start < t.end for t in titles)]
    quotes_by_start = {quoted.start: quoted for quoted in quotes}
    sentences_by_name: dict[str, set[int]] = {}
    for quoted in quotes:
        sentences_by_name.setdefault(quoted.inner.strip(), set()).add(sentence_of(quoted.start).start)

    mentions = [
        _Mention(strip_quote_marks(t.inner), t.start + 1) for t in titles if not t.inner.endswith(_PUBLICATION_ENDINGS)
    ]
    for quoted in quotes:
        name = quoted.inner.strip()
        if not _is_candidate(name):
            continue
        is_code = not HAN.search(name)
        window = _window_after(text, quoted, quotes_by_start, _AFTER_CODE_WINDOW if is_code else _AFTER_QUOTE_WINDOW)
        noun_end = _noun_phrase_end(window)
        if noun_end and is_code:
            name += window[:noun_end]  # a bare code (1+X, 33618) is named with the noun after it
        elif not (noun_end or _ends_with_noun(name) or len(sentences_by_name[name]) >= 2):
            continue
        elif not _ends_with_noun(name):
            # “领航”计划 is the 领航 Plan: a bare “领航” would not tell a reader what it is.
            name += _adjacent_plan_noun(text, quoted)
        mentions.append(_Mention(name, quoted.start + 1))
    return mentions


def find_programmes(text: str) -> list[Programme]:
    """The programmes named in ``text``, each once, in order of first mention."""
    sentences = split_sentences(text)
    sentence_starts = [sentence.start for sentence in sentences]

    def sentence_of(offset: int) -> Span:
        return sentences[max(0, bisect_right(sentence_starts, offset) - 1)]

    quoted_names = find_quoted_names(text)
    titles = [(quoted.start, quoted.end) for quoted in quoted_names if quoted.is_book_title]
    mentions = _quoted_mentions(text, quoted_names, sentence_of)
    mentions += [
        _Mention(match.group(), match.start())
        for match in _NUMBERED_ACTION.finditer(text)
        if not any(start < match.start() < end for start, end in titles)
    ]
    first_start: dict[str, int] = {}
    for mention in mentions:
        earliest_use = text.find(mention.name)
        start = min(mention.start, earliest_use) if earliest_use >= 0 else mention.start
        first_start[mention.name] = min(start, first_start.get(mention.name, start))
    return [
        Programme(name_zh=name, context_zh=sentence_of(start).text, start=start)
        for name, start in sorted(first_start.items(), key=lambda item: item[1])
    ]

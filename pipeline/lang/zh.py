"""Chinese: Han characters, punctuation classes, sentence and clause ends, numeral characters."""

from __future__ import annotations

import re

# Han characters: the unified block, extension A and the compatibility ideographs. Extensions B and
# later (astral) are left out: news text almost never uses them, and mojibake never produces them.
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN = re.compile(f"[{HAN_RANGES}]")
# A person's name may hold the interpunct of transcribed foreign names (玛丽·居里).
NAME_CHARS = f"{HAN_RANGES}·"

# CJK symbols and punctuation, full-width forms, and the curly quotes, dash and ellipsis Chinese
# text uses: the characters next to which an ASCII mark is taken as Chinese punctuation.
CHINESE_PUNCTUATION = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018\u2019\u201c\u201d\u2014\u2026"
CHINESE_TEXT_CHARS = HAN_RANGES + CHINESE_PUNCTUATION

# Marks that end a sentence (Chinese and ASCII); ； ends one too in news copy, where it separates
# independent statements.
SENTENCE_END_MARKS = "。！？；!?;"
SENTENCE_END = re.compile(f"[{SENTENCE_END_MARKS}]")
# Closing quotes and brackets that belong to the sentence they follow.
CLOSING_MARKS = "”’」』）)】"
# A line that ends like a sentence: an end mark or an ellipsis, then any closing marks; or a
# closing quote alone (a quoted statement).
ENDS_LIKE_SENTENCE = re.compile(f"[{SENTENCE_END_MARKS}…][{CLOSING_MARKS}]*$|[”」』]$")
# Where a clause of a sentence ends; 、 is included because it separates the items that a
# figure's clause would run on into.
CLAUSE_BREAK = re.compile(r"[，,；;。！？!?、：:\n…]")
# Commas and the list mark: where a sentence too long for a model may be cut.
COMMA_MARKS = "，,、；;"

# Numeral characters.
# ○ (a white circle) is often typed for the zero 〇: 百分之零点○四, 二○二三年.
CHINESE_DIGITS = "零〇○一二两三四五六七八九"
# The decimal point of numbers said in words (百分之三点五, 四点八亿), and the full-width point Taiwan
# papers write between Chinese digits (二．五％); after it, each digit is read alone.
CHINESE_DECIMAL_POINTS = "点．"
DIGIT_VALUES = {char: index for index, char in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "两": 2}
CHINESE_UNITS = "十百千"
# The magnitudes an Arabic number may carry (5.7万, 3千, 1万亿). 兆 is a trillion in Taiwan and Hong
# Kong amounts of money (1.2兆元); elsewhere it is mega (兆瓦, megawatt), so figures take it only
# before a currency.
TRILLION = "兆"
MAGNITUDES = {"百": 100, "千": 1000, "万": 10**4, "亿": 10**8, TRILLION: 10**12}
CHINESE_NUMERAL_RUN = re.compile(f"[{CHINESE_DIGITS}{CHINESE_UNITS}万亿]+")

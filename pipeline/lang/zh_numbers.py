"""Chinese number usage beyond the numeral characters (pipeline.lang.zh): the words around a number
that make it a year, a reference period, a tenor or part of an idiom rather than a quantity."""

from __future__ import annotations

# Four-character idioms and set phrases with numerals: 连中三元 is a triple win, not 3 yuan;
# 一成不变 is "unchanging", not 10%.
NUMERAL_IDIOMS = (
    "连中三元", "三元及第", "一成不变", "一成一旅", "一五一十", "三三两两", "十全十美", "一举两得",
    "三心二意", "七上八下", "九牛一毛", "一石二鸟", "五湖四海", "四面八方", "千方百计", "百花齐放",
    "万无一失", "一清二楚", "接二连三", "丢三落四", "三番五次", "七嘴八舌", "千家万户", "万水千山",
    "一干二净", "一刀两断", "独一无二", "三年五载", "十年如一日", "一年四季", "三天两头", "百年大计",
    "千秋万代", "一分为二", "二八定律", "九成新", "五花八门", "八仙过海", "一呼百应", "百发百中",
    "一目十行", "十拿九稳", "六神无主", "乱七八糟", "一穷二白", "三百六十行", "一年半载", "一时半刻",
    "三长两短", "四分五裂", "半斤八两", "百里挑一", "千载难逢", "成千上万", "万众一心", "一本万利",
    "四处", "百年大计", "百年未有", "千年", "百年", "四起", "百家争鸣", "三座大山",
    # Numbered political formulas: named ideas, not counts.
    "三个代表", "四个全面", "两个确立", "两个维护", "四个意识", "四个自信", "两个一百年", "五位一体",
    "四个现代化", "两个毫不动摇", "三个务必", "八项规定", "三严三实", "四风",
)

# Before a number of time units, these make it a reference period (今年前8个月, 过去五年间,
# 未来3个月, 近5年), not a duration that was measured. 提前3天 ("three days early") is a figure.
PERIOD_OPENERS = ("过去", "未来", "最近", "头", "近")
PERIOD_OPENER_BEFORE = "前"
NOT_PERIOD_OPENERS = ("提前",)
# After a number of time units: 6年来, 3个月以来, 五年间, 两年里, 3年前/后 are time expressions;
# 6个月期, 5年期 are tenors (of a loan or a bond).
PERIOD_CLOSERS = ("以来", "来", "间", "里", "前", "后", "期")
# After a number of years only: 2018年底, 90年代, 2024年度, 三年级.
YEAR_CLOSERS = ("级", "代", "度", "底", "初", "末")

# A two-digit number of years is a year (99年, 08年) when it opens with 0, is followed by a month,
# or stands with a word of when rather than how long.
TWO_DIGIT_YEAR_FOLLOWERS = ("出生", "生人", "毕业", "入职", "入学", "进入", "加入", "开始", "起", "至", "到", "时")
# Before any number of years, an era makes it a year: 民国八十二年 is 1993, not 82 years.
ERAS = ("民国", "公元", "昭和", "平成", "令和")
TWO_DIGIT_YEAR_PRECEDERS = ("早在", "直到", "上世纪", "于", "在", "从", "自", "是")

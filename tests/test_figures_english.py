"""render_figure_en: exact English wording of a figure, whatever its size, unit and qualifier."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.facts import render_figure_en

# (value, unit_zh, qualifier, value_high, English)
RENDER_CASES = [
    ("451400", "人", "", None, "451,400 people"),
    ("9590000", "人", "", None, "9.59 million people"),
    ("25720000000", "元", "", None, "25.72 billion yuan"),
    ("30.6", "%", "", None, "30.6%"),
    ("57000", "名", "more than", None, "more than 57,000 people"),
    ("24000000", "元", "nearly", None, "nearly 24 million yuan"),
    ("4000", "元", "range", "6000", "4,000–6,000 yuan"),
    ("2988000", "人次", "", None, "2.988 million person-times"),
    ("1.5", "个百分点", "", None, "1.5 percentage points"),
    ("1", "个百分点", "", None, "1 percentage point"),
    ("1000000", "元", "or more", None, "1 million yuan or more"),
    ("12345678", "元", "", None, "12.345678 million yuan"),
    ("999999", "元", "", None, "999,999 yuan"),
    ("1000000000000", "元", "", None, "1 trillion yuan"),
    ("5000", "元", "range", "20000", "5,000–20,000 yuan"),
    ("500000", "元", "range", "2000000", "500,000–2 million yuan"),
    ("1", "人", "", None, "1 person"),
    ("1", "年", "", None, "1 year"),
    ("26", "岁", "", None, "26 years old"),
    ("262", "个", "", None, "262"),
    ("3672", "家", "over", None, "over 3,672"),
    ("0.25", "分之", "", None, "one quarter"),
    ("0.5", "分之", "", None, "one half"),
    ("0.75", "分之", "about", None, "about three quarters"),
    ("0.2857142857142857142857142857", "分之", "", None, "two sevenths"),
    ("0.06666666666666666666666666667", "分之", "", None, "1/15"),
    ("10.5", "公里", "", None, "10.5 kilometres"),
    ("105000", "元", "", None, "105,000 yuan"),
    ("3", "个月", "", None, "3 months"),
    ("5", "美元", "", None, "5 US dollars"),
    ("9.5", "亩", "", None, "9.5 mu"),
    ("70", "%", "reached", None, "70%"),
    ("10000", "人次", "as many as", None, "as many as 10,000 person-times"),
    # Every range form: shared scale, own units, scale changing inside the range, shares, negatives.
    ("50000", "元", "range", "200000", "50,000–200,000 yuan"),
    ("40000", "元", "range", "60000", "40,000–60,000 yuan"),
    ("80000", "港元", "range", "120000", "80,000–120,000 Hong Kong dollars"),
    ("150000000000", "元", "range", "250000000000", "150–250 billion yuan"),
    ("2000", "元", "range", "30000", "2,000–30,000 yuan"),
    ("550000000", "元", "range", "600000000", "550–600 million yuan"),
    ("900000000", "元", "range", "1200000000", "900 million–1.2 billion yuan"),
    ("50000", "", "range", "80000", "50,000–80,000"),
    ("5", "%", "range", "8", "5–8%"),
    ("0.5", "个百分点", "range", "1", "0.5–1 percentage points"),
    ("-1.5", "%", "range", "-0.5", "-1.5% to -0.5%"),
    ("-2", "%", "range", "3", "-2% to 3%"),
    ("-12.5", "%", "", None, "-12.5%"),
    ("-3000000000", "元", "", None, "-3 billion yuan"),
    ("100000", "元", "or less", None, "100,000 yuan or less"),
    ("1000000000000", "元", "", None, "1 trillion yuan"),
    ("12", "艘", "", None, "12 vessels"),
    ("1", "架", "", None, "1 aircraft"),
    ("1234", "例", "", None, "1,234 cases"),
    ("5", "个基点", "", None, "5 basis points"),
]


@pytest.mark.parametrize(("value", "unit", "qualifier", "high", "english"), RENDER_CASES, ids=[c[4] for c in RENDER_CASES])
def test_render_figure_en(value, unit, qualifier, high, english):
    value_high = Decimal(high) if high is not None else None
    assert render_figure_en(Decimal(value), unit, qualifier, value_high) == english


def test_ten_thousand_is_never_spelt_as_wan_wording():
    english = render_figure_en(Decimal(90000), "人", "")
    assert english == "90,000 people" and "ten thousand" not in english


def test_nine_billion_is_not_ninety():
    assert render_figure_en(Decimal(9) * 10**9, "元", "") == "9 billion yuan"


def test_unknown_unit_is_left_out_rather_than_guessed():
    assert render_figure_en(Decimal(12), "瓶", "") == "12"

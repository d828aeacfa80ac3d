"""Which dollar a bare 元 is: the currencies of Chinese-speaking regions, how news names them next to
a number, and the currency of each region (pipeline/lang/zh_regions.py)."""

from __future__ import annotations

from pipeline.lang.zh_regions import HONG_KONG, MACAU, MAINLAND, TAIWAN

# The canonical units (pipeline/lang/zh_units.tsv) of the regions' currencies.
YUAN = "元"
HONG_KONG_DOLLAR = "港元"
NEW_TAIWAN_DOLLAR = "新台币"
PATACA = "澳门元"

# Currency names written just before a number (新台币4500亿元, 港币5000元) or just after 元
# (4500亿元新台币, 300元人民币): the figure's unit is the named currency, not the region's.
CURRENCY_NAMES = {
    "人民币": YUAN,
    "新台币": NEW_TAIWAN_DOLLAR,
    "台币": NEW_TAIWAN_DOLLAR,
    "港币": HONG_KONG_DOLLAR,
    "港元": HONG_KONG_DOLLAR,
    "港纸": HONG_KONG_DOLLAR,
    "澳门币": PATACA,
    "澳门元": PATACA,
    # (Not 澳币: in the mainland that is the Australian dollar.)
    "葡币": PATACA,
    "美金": "美元",
    "美元": "美元",
}

# The currency of a bare 元 in each region's stories.
REGION_CURRENCY = {MAINLAND: YUAN, HONG_KONG: HONG_KONG_DOLLAR, TAIWAN: NEW_TAIWAN_DOLLAR, MACAU: PATACA}

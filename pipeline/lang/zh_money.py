"""Which dollar a bare 元 is: the currencies of Chinese-speaking regions, how news names them next to
a number, and the words that tell a Hong Kong, Taiwan or Macau story (in Simplified, as the facts
stage reads text after OpenCC)."""

from __future__ import annotations

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

# Host names: the last label is the country-code domain; hk. and tw. open regional editions of
# international sites (hk.news.yahoo.com, tw.news.yahoo.com).
CURRENCY_BY_DOMAIN = {"hk": HONG_KONG_DOLLAR, "tw": NEW_TAIWAN_DOLLAR, "mo": PATACA, "cn": YUAN}
CURRENCY_BY_EDITION = {"hk": HONG_KONG_DOLLAR, "tw": NEW_TAIWAN_DOLLAR}

# Words that place a story written in Traditional script: places, institutions and the way local
# papers say "this territory" (本港, 全台). Mainland reports on these regions are in Simplified and
# keep 元 as yuan unless they name the currency.
REGION_MARKERS = {
    HONG_KONG_DOLLAR: (
        "香港", "港府", "港人", "本港", "全港", "港岛", "九龙", "新界", "特首", "港铁", "港股", "港交所",
        "沙田", "荃湾", "屯门", "元朗", "观塘", "铜锣湾", "旺角", "将军澳", "大屿山",
    ),
    NEW_TAIWAN_DOLLAR: (
        "台湾", "全台", "台北", "新北", "桃园", "新竹", "苗栗", "台中", "彰化", "南投", "云林", "嘉义",
        "台南", "高雄", "屏东", "宜兰", "花莲", "台东", "澎湖", "金门", "基隆", "行政院", "立法院",
        "监察院", "总统府", "国民党", "民进党", "县府", "县长",
    ),
    PATACA: ("澳门", "澳府", "本澳", "全澳", "氹仔", "路环"),
}
# A region is the story's when its words outnumber every other region's this many times over.
REGION_LEAD = 2

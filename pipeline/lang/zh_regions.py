"""The Chinese-speaking regions a story may come from, and what tells them: the site's domain and
the words of the story (in Simplified, as the stages read text after OpenCC). The currency of a bare
元 (pipeline/lang/zh_money.py) and the romanisation of people's names follow the region."""

from __future__ import annotations

MAINLAND = "mainland"
HONG_KONG = "hong-kong"
TAIWAN = "taiwan"
MACAU = "macau"

# Host names: the last label is the country-code domain; hk. and tw. open regional editions of
# international sites (hk.news.yahoo.com, tw.news.yahoo.com).
REGION_BY_DOMAIN = {"hk": HONG_KONG, "tw": TAIWAN, "mo": MACAU, "cn": MAINLAND}
REGION_BY_EDITION = {"hk": HONG_KONG, "tw": TAIWAN}

# Words that place a story written in Traditional script: places, institutions and the way local
# papers say "this territory" (本港, 全台). Mainland reports on these regions are in Simplified, and
# are mainland stories.
REGION_MARKERS = {
    HONG_KONG: (
        "香港", "港府", "港人", "本港", "全港", "港岛", "九龙", "新界", "特首", "港铁", "港股", "港交所",
        "沙田", "荃湾", "屯门", "元朗", "观塘", "铜锣湾", "旺角", "将军澳", "大屿山",
    ),
    TAIWAN: (
        "台湾", "全台", "台北", "新北", "桃园", "新竹", "苗栗", "台中", "彰化", "南投", "云林", "嘉义",
        "台南", "高雄", "屏东", "宜兰", "花莲", "台东", "澎湖", "金门", "基隆", "行政院", "立法院",
        "监察院", "总统府", "国民党", "民进党", "县府", "县长",
    ),
    MACAU: ("澳门", "澳府", "本澳", "全澳", "氹仔", "路环"),
}
# A region is the story's when its words outnumber every other region's this many times over.
REGION_LEAD = 2

# Offices only the mainland's officials hold (in Simplified): a person named right after one of them
# in a Hong Kong, Macau or Taiwan story is a mainland official, written in pinyin there too
# (中国外交部发言人汪文斌 Wang Wenbin, not Wong Man-pan).
MAINLAND_OFFICES = (
    "中共中央", "中央政治局", "总书记", "国家主席", "国务院", "全国人大", "全国政协", "中国外交部",
    "国台办", "中联办", "港澳办", "中央人民政府驻", "解放军", "中国驻", "新华社",
)
# Offices that are the mainland's in Hong Kong and Macau stories only: Taiwan has its own 外交部.
MAINLAND_OFFICES_SEEN_FROM = {HONG_KONG: ("外交部", "商务部", "公安部"), MACAU: ("外交部", "商务部", "公安部")}

"""Chinese place names: administrative-division suffixes with their English, and the
provincial-level divisions.

The provincial level is a closed list of 34 whose conventional English is neither plain pinyin nor
the ISO 3166-2 form (Inner Mongolia, not Nei Mongol; Shaanxi, not Shanxi; Tibet, not Xizang); the
prefecture and county levels come from GeoNames (pipeline/names/gazetteer.py).
"""

from __future__ import annotations

# Suffix -> (English of the division, English adjective an organisation of it takes:
# 十堰市总工会 Shiyan Municipal Federation of Trade Unions). Longest suffixes are tried first.
ADMIN_SUFFIXES = {
    "特别行政区": ("Special Administrative Region", "Special Administrative Region"),
    "自治区": ("Autonomous Region", "Autonomous Region"),
    "自治州": ("Autonomous Prefecture", "Autonomous Prefecture"),
    "自治县": ("Autonomous County", "Autonomous County"),
    "自治旗": ("Autonomous Banner", "Autonomous Banner"),
    "街道": ("Subdistrict", "Subdistrict"),
    "新区": ("New Area", "New Area"),
    "省": ("Province", "Provincial"),
    "市": ("City", "Municipal"),
    "州": ("Prefecture", "Prefectural"),
    "盟": ("League", "League"),
    "县": ("County", "County"),
    "旗": ("Banner", "Banner"),
    "区": ("District", "District"),
    "镇": ("Town", "Town"),
    "乡": ("Township", "Township"),
    "村": ("Village", "Village"),
}

# Provincial-level divisions: short name -> (full name, English). The four municipalities'
# organisations are "Municipal" like any city's.
PROVINCES = {
    "北京": ("北京市", "Beijing"), "天津": ("天津市", "Tianjin"), "上海": ("上海市", "Shanghai"),
    "重庆": ("重庆市", "Chongqing"), "河北": ("河北省", "Hebei"), "山西": ("山西省", "Shanxi"),
    "辽宁": ("辽宁省", "Liaoning"), "吉林": ("吉林省", "Jilin"), "黑龙江": ("黑龙江省", "Heilongjiang"),
    "江苏": ("江苏省", "Jiangsu"), "浙江": ("浙江省", "Zhejiang"), "安徽": ("安徽省", "Anhui"),
    "福建": ("福建省", "Fujian"), "江西": ("江西省", "Jiangxi"), "山东": ("山东省", "Shandong"),
    "河南": ("河南省", "Henan"), "湖北": ("湖北省", "Hubei"), "湖南": ("湖南省", "Hunan"),
    "广东": ("广东省", "Guangdong"), "海南": ("海南省", "Hainan"), "四川": ("四川省", "Sichuan"),
    "贵州": ("贵州省", "Guizhou"), "云南": ("云南省", "Yunnan"), "陕西": ("陕西省", "Shaanxi"),
    "甘肃": ("甘肃省", "Gansu"), "青海": ("青海省", "Qinghai"), "台湾": ("台湾省", "Taiwan"),
    "内蒙古": ("内蒙古自治区", "Inner Mongolia"), "广西": ("广西壮族自治区", "Guangxi"),
    "西藏": ("西藏自治区", "Tibet"), "宁夏": ("宁夏回族自治区", "Ningxia"),
    "新疆": ("新疆维吾尔自治区", "Xinjiang"), "香港": ("香港特别行政区", "Hong Kong"),
    "澳门": ("澳门特别行政区", "Macao"),
}

# The English of the full names whose division word is not the suffix's plain English.
PROVINCE_FULL_ENGLISH = {
    "广西壮族自治区": "Guangxi Zhuang Autonomous Region",
    "宁夏回族自治区": "Ningxia Hui Autonomous Region",
    "新疆维吾尔自治区": "Xinjiang Uygur Autonomous Region",
    "北京市": "Beijing Municipality", "天津市": "Tianjin Municipality",
    "上海市": "Shanghai Municipality", "重庆市": "Chongqing Municipality",
}

# Words that end in a division suffix but name no place: 城镇, 社区, 开发区 (a zone is named by
# the place before it), 全市 ("the whole city").
NOT_PLACE_BASES = {
    "城", "社", "园", "景", "郊", "山", "牧", "片", "街", "辖", "农", "矿", "林", "老", "新", "本", "各",
    "全", "该", "我", "两", "重", "市", "县", "乡", "省", "城乡", "旗县", "市辖", "示范", "开发", "经开",
    "高新", "保税", "自贸", "试验", "先行", "产业", "工业", "园区", "城区", "地区", "灾区", "山区",
    "市区", "郊区", "景区", "街区", "社区", "厂区", "校区", "营区", "库区", "矿区", "港区", "片区",
    "功能", "集聚", "核心", "中心", "周边", "边远", "偏远", "贫困", "民族", "少数民族", "城中", "跨",
    "各省", "省市", "特大城", "大城", "中心城", "小城", "县市", "市县", "区县", "乡村", "村镇",
    # 大湾区 is the Greater Bay Area (glossary), not a district called Dawan.
    "大湾",
}

# Suffixes that end foreign names as well (佛罗里达州 Florida): a place with one of these counts
# only when its base is in the gazetteer.
SUFFIXES_OF_KNOWN_BASES_ONLY = ("州",)

# The peoples named in the autonomous divisions (昌吉回族自治州 Changji Hui Autonomous Prefecture).
ETHNIC_GROUPS = {
    "回族": "Hui", "壮族": "Zhuang", "藏族": "Tibetan", "维吾尔": "Uygur", "维吾尔族": "Uygur",
    "蒙古族": "Mongolian", "彝族": "Yi", "苗族": "Miao", "土家族": "Tujia", "朝鲜族": "Korean",
    "哈萨克": "Kazakh", "哈萨克族": "Kazakh", "傣族": "Dai", "布依族": "Bouyei", "侗族": "Dong",
    "白族": "Bai", "黎族": "Li", "羌族": "Qiang", "瑶族": "Yao", "畲族": "She", "满族": "Manchu",
    "土族": "Tu", "撒拉族": "Salar", "仡佬族": "Gelao", "水族": "Shui", "哈尼族": "Hani",
    "傈僳族": "Lisu", "纳西族": "Naxi", "景颇族": "Jingpo", "柯尔克孜": "Kirgiz", "达斡尔族": "Daur",
    "鄂温克族": "Ewenki", "鄂伦春": "Oroqen", "仫佬族": "Mulao", "毛南族": "Maonan", "拉祜族": "Lahu",
    "佤族": "Va", "普米族": "Pumi", "怒族": "Nu", "独龙族": "Derung", "门巴族": "Monba", "珞巴族": "Lhoba",
}

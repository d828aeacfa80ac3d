"""Chinese organisation names: the bodies a place name is followed by (十堰市 + 总工会), the
endings of company names, and the words of a company's line of business.

A body's English is a template: ``{place}`` is the place's English with its level adjective
(Shiyan Municipal, Hubei Provincial, Inner Mongolia Autonomous Region).
"""

from __future__ import annotations

# Longest first when matching; a body must follow a place with its division suffix (十堰市总工会),
# or a provincial-level short name (湖北省委 is 湖北省 + 委).
PLACE_BODIES = {
    "总工会": "{place} Federation of Trade Unions",
    "人民政府": "{place} People's Government",
    "政府": "{place} Government",
    "人民代表大会常务委员会": "Standing Committee of the {place} People's Congress",
    "人大常委会": "Standing Committee of the {place} People's Congress",
    "人民代表大会": "{place} People's Congress",
    "人大": "{place} People's Congress",
    "政协": "{place} Committee of the Chinese People's Political Consultative Conference",
    "委组织部": "Organisation Department of the {place} Party Committee",
    "委宣传部": "Publicity Department of the {place} Party Committee",
    "委": "{place} Party Committee",
    "发展和改革委员会": "{place} Development and Reform Commission",
    "发改委": "{place} Development and Reform Commission",
    "人力资源和社会保障局": "{place} Human Resources and Social Security Bureau",
    "人力资源和社会保障厅": "{place} Department of Human Resources and Social Security",
    "人社局": "{place} Human Resources and Social Security Bureau",
    "人社厅": "{place} Department of Human Resources and Social Security",
    "教育局": "{place} Education Bureau",
    "教育厅": "{place} Department of Education",
    "财政局": "{place} Finance Bureau",
    "财政厅": "{place} Department of Finance",
    "公安局": "{place} Public Security Bureau",
    "公安厅": "{place} Department of Public Security",
    "科学技术协会": "{place} Association for Science and Technology",
    "科协": "{place} Association for Science and Technology",
    "妇联": "{place} Women's Federation",
    "团委": "{place} Communist Youth League Committee",
    "统计局": "{place} Statistics Bureau",
    "卫生健康委员会": "{place} Health Commission",
    "卫健委": "{place} Health Commission",
    "中级人民法院": "{place} Intermediate People's Court",
    "高级人民法院": "{place} High People's Court",
    "人民法院": "{place} People's Court",
    "人民检察院": "{place} People's Procuratorate",
}

# Endings of company names, longest first, and their English.
COMPANY_ENDINGS = {
    "股份有限公司": "Co., Ltd.",
    "有限责任公司": "Co., Ltd.",
    "有限公司": "Co., Ltd.",
    "集团公司": "Group Corporation",
    "集团": "Group",
    "公司": "Company",
}

# Words of a company's line of business; a company name made of a place or brand, these and an
# ending gets its English word by word (东风商用车有限公司 Dongfeng Commercial Vehicle Co., Ltd.).
BUSINESS_WORDS = {
    "能源": "Energy", "电力": "Electric Power", "机电": "Electromechanical", "商用车": "Commercial Vehicle",
    "汽车": "Automobile", "设备": "Equipment", "制造": "Manufacturing", "设备制造": "Equipment Manufacturing", "建设": "Construction",
    "建筑": "Construction", "工程": "Engineering", "科技": "Technology", "技术": "Technology",
    "农牧": "Agriculture and Animal Husbandry", "农业": "Agriculture", "冶金": "Metallurgical",
    "科工": "Science and Industry", "钢铁": "Iron and Steel", "化工": "Chemical", "石油": "Petroleum",
    "石化": "Petrochemical", "天然气": "Natural Gas", "电子": "Electronics", "信息": "Information",
    "通信": "Communications", "物流": "Logistics", "交通": "Transport", "投资": "Investment",
    "控股": "Holdings", "实业": "Industrial", "贸易": "Trading", "医药": "Pharmaceutical",
    "齿轮": "Gear", "机械": "Machinery", "重工": "Heavy Industry", "矿业": "Mining", "有色": "Nonferrous",
    "金属": "Metals", "材料": "Materials", "新材料": "New Materials", "电气": "Electric", "铁路": "Railway",
    "航空": "Aviation", "船舶": "Shipbuilding", "银行": "Bank", "保险": "Insurance", "证券": "Securities",
    "食品": "Food", "纺织": "Textile", "水泥": "Cement", "环保": "Environmental Protection",
    "新能源": "New Energy", "智能": "Intelligent", "数字": "Digital", "网络": "Network", "传媒": "Media",
    "文化": "Culture", "旅游": "Tourism", "地产": "Real Estate", "置业": "Property", "发展": "Development",
    "国际": "International", "中国": "China", "中华": "China", "国家": "State", "光伏": "Photovoltaic",
    "稀土": "Rare Earth", "水电": "Hydropower", "电网": "Grid", "核电": "Nuclear Power",
}

# A body that is the start of another word when these follow it: 十堰市委员 is a committee member,
# 湖北省人大代表 a deputy to the provincial congress, not the congress.
BODY_NOT_FOLLOWED_BY = {"委": ("员", "会", "托"), "人大": ("代表",), "政协": ("委员",), "政府": ("专项",)}

# Endings of a glossary entry that names an organisation (the rest of the glossary is terms).
ORGANISATION_ENDINGS = (
    "集团", "公司", "会", "院", "部", "中央", "技协", "日报", "晚报", "报社", "网", "电视台", "通讯社", "新闻社",
)

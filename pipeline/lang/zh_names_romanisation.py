"""How people's names are romanised outside the mainland: Hong Kong Government Cantonese
Romanisation (from the Jyutping reading of a name) and the Wade-Giles spelling Taiwan uses (from
its pinyin reading), with the surnames whose spelling is a convention rather than the rule's.

Sources: the Hong Kong Government's romanisation as the Immigration Department writes names (its
correspondence with Jyutping is tabled in the Wikipedia article "Hong Kong Government Cantonese
Romanisation"), and the Wade-Giles table of Taiwan's Ministry of Foreign Affairs for passports
(tone marks, apostrophes and umlauts dropped, the given name hyphenated: Lai Ching-te).
"""

from __future__ import annotations

# Jyutping initial -> Hong Kong Government spelling. The Government writes Jyutping's unaspirated
# b, d, g as p, t, k (炳 bing2 Ping, 定 ding6 Ting, 國 gwok3 Kwok) and both z and c as ch.
HK_INITIALS = {
    "b": "p", "p": "p", "m": "m", "f": "f", "d": "t", "t": "t", "n": "n", "l": "l", "g": "k", "k": "k",
    "ng": "ng", "h": "h", "gw": "kw", "kw": "kw", "w": "w", "z": "ch", "c": "ch", "s": "s", "j": "y",
}
# Jyutping final -> Hong Kong Government spelling.
HK_FINALS = {
    "aa": "a", "aai": "ai", "aau": "au", "aam": "am", "aan": "an", "aang": "ang", "aap": "ap", "aat": "at",
    "aak": "ak", "ai": "ai", "au": "au", "am": "am", "an": "an", "ang": "ang", "ap": "ap", "at": "at",
    "ak": "ak", "e": "e", "ei": "ei", "eu": "eu", "em": "em", "eng": "eng", "ep": "ep", "ek": "ek",
    "i": "i", "iu": "iu", "im": "im", "in": "in", "ing": "ing", "ip": "ip", "it": "it", "ik": "ik",
    "o": "o", "oi": "oi", "on": "on", "ong": "ong", "ot": "ot", "ok": "ok", "ou": "o", "u": "u",
    "ui": "ui", "un": "un", "ung": "ung", "ut": "ut", "uk": "uk", "oe": "oe", "oeng": "eung",
    "oet": "eut", "oek": "euk", "eoi": "ui", "eon": "un", "eot": "ut", "yu": "u", "yun": "uen",
    "yut": "uet",
}
# Whole syllables spelled otherwise than initial plus final: 儀 ji4 Yee, 詩 si1 Sze, 華 waa4 Wah, and
# the labial g before u that Hong Kong keeps from older Cantonese (觀 gun1 Kwun, 觀塘 Kwun Tong).
HK_SYLLABLES = {"ji": "yee", "si": "sze", "waa": "wah", "gun": "kwun", "gut": "kwut"}
# Finals after which s is written sh (書 syu1 Shu, 水 seoi2 Shui, 信 seon3 Shun, 石 sek6 Shek,
# 常 soeng4 Sheung), and the initials before which un is written oon (潘 pun1 Poon, 歡 fun1 Foon).
HK_SH_FINALS = frozenset({"yu", "eoi", "eon", "eot", "e", "ek", "eng", "oeng", "oek"})
HK_OON_INITIALS = frozenset({"b", "p", "f"})

# Surnames whose Hong Kong spelling is a convention the rule does not give (李 Lee, not Lei; 謝 Tse,
# 曾 Tsang, 徐 Tsui: the older ts of these characters; 周 Chow; 羅 Law), keyed in Simplified.
HK_SURNAMES = {
    "李": "Lee", "利": "Lee", "谢": "Tse", "曾": "Tsang", "徐": "Tsui", "曹": "Tso", "崔": "Tsui",
    "周": "Chow", "邹": "Chau", "罗": "Law", "邵": "Shiu", "蒋": "Tseung", "沈": "Shum", "岑": "Shum",
    "柯": "Or", "易": "Yik", "区": "Au", "欧": "Au", "单": "Sin", "查": "Cha", "覃": "Tam", "乐": "Lok",
    "解": "Hai", "叶": "Yip", "仇": "Kau", "司徒": "Szeto", "欧阳": "Au Yeung", "上官": "Sheung Kwun",
    "诸葛": "Chu Kot", "司马": "Sze Ma",
}

# pypinyin 0.55's Wade-Giles style spells some syllables wrong (python-pinyin issue #365: ai as ei,
# so 賴 lai is "lei"; also tie, huo, shuo, wai, chua): pinyin syllable -> Wade-Giles.
WADE_GILES_CORRECTIONS = {
    "ai": "ai", "hai": "hai", "lai": "lai", "mai": "mai", "nai": "nai", "sai": "sai", "shai": "shai",
    "wai": "wai", "tie": "t'ieh", "huo": "huo", "shuo": "shuo", "chua": "ch'ua",
}
# Taiwan writes Wade-Giles i (pinyin yi) as Yi: 林義雄 Lin Yi-hsiung.
TAIWAN_SYLLABLES = {"yi": "yi"}
# Surnames whose Taiwan spelling is a convention the rule does not give (李登輝 Lee Teng-hui).
TAIWAN_SURNAMES = {"李": "Lee"}

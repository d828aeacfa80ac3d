"""Language data the clean and ingest stages read: which Han characters are common, and the
characters of written Cantonese, which Hong Kong news prints in quotes and headlines."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pipeline.lang.zh import HAN


def double_byte_characters(codec: str, leads: range, trails: list[int]) -> str:
    """The characters a double-byte Chinese codec (GB2312, Big5) encodes with these lead and trail bytes."""
    encoded = bytes(b for lead in leads for trail in trails for b in (lead, trail))
    return encoded.decode(codec, errors="ignore")


def gb2312_han() -> str:
    """The 6,763 characters of GB2312, the Simplified standard: level 1 (3,755 common ones) and level 2
    (rarer but real ones, such as 媲 and 麒麟)."""
    return double_byte_characters("gb2312", range(0xB0, 0xF8), list(range(0xA1, 0xFF)))


@cache
def common_han() -> frozenset[str]:
    """The characters real Chinese news is made of: GB2312, Big5 level 1 (5,401 common Traditional
    characters) and written Cantonese. Text decoded with its own codec is almost entirely made of
    them; bytes decoded with a wrong codec, or garbled upstream, largely are not."""
    traditional = double_byte_characters("cp950", range(0xA4, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))
    return frozenset(char for char in gb2312_han() + traditional + CANTONESE if HAN.match(char))


# Written Cantonese: characters of Hong Kong speech (睇 look, 啲 some, 冇 not have, 嘅 possessive,
# 咗 perfective, 喺 at, 嘢 thing, 咁 so, 佢 he/she, 噉 thus, 嚟 come, 唔 not, 哋 plural, 咩 what,
# 乜 what, 嗰 that, 揾/搵 look for, 攞 take, 俾/畀 give, 嬲 angry, 瞓 sleep, 靚 pretty, 諗/谂 think,
# 嘥 waste, 冚 all, 氹 coax, 啱 right, 㗎 particle, 喎 particle, 囉 particle, 嘞 particle, 吖 particle,
# 呢 this, 嗱 look, 嚿 lump, 揸 hold, 掂 done, 咪 don't, 喇 particle, 嘈 noisy, 孭 carry, 蚊 dollar,
# 慳 save, 曬/晒 all, 脷 tongue, 餸 dish, 㩒 press, 冧 collapse, 撳 press, 咋 only, 嘛 particle,
# 呃 cheat, 啩 perhaps, 嚡 rough, 嗮 all, 喐 move, 郁 move, 噏 mutter, 劏 slaughter, 屌 (vulgar),
# 閂/闩 shut, 嘜 mark, 㷫 hot, 焗 bake, 煲 pot, 嚫 hurt, 癐/攰 tired, 褸 coat, 冚 cover, 篤 poke,
# 笠 loop, 黐 sticky, 鍾/钟 like, 捱 endure, 掟 throw, 鎅 cut, 躝 crawl, 嚇 scare, 忟 annoyed.
# Common in Hong Kong papers, rare elsewhere, so a detector of odd characters must not count them.
CANTONESE = (
    "睇啲冇嘅咗喺嘢咁佢噉嚟唔哋咩乜嗰揾搵攞俾畀嬲瞓靚諗谂嘥冚氹啱㗎喎囉嘞吖呢嗱嚿揸掂咪喇嘈孭蚊慳曬晒脷餸㩒冧撳"
    "咋嘛呃啩嚡嗮喐郁噏劏屌閂闩嘜㷫焗煲嚫癐攰褸篤笠黐鍾钟捱掟鎅躝嚇忟"
)


# Between a page title's headline and the site, channel or column names around it: | ｜ _, a spaced
# dash, or an unspaced one before a short last part (标题-新华网, 标题 -中新网), which a dash inside a
# headline (2024-25, COVID-19) is not.
TITLE_SEPARATOR = re.compile(r"\s*[|｜_]\s*|\s+[-–—]+\s+|\s*-{1,2}(?=[^-\d\s][^-]{1,11}$)")


def title_parts(title: str) -> list[str]:
    return [part.strip() for part in TITLE_SEPARATOR.split(title) if part.strip()]


def headline_part(parts: list[str]) -> str:
    """Of a page title's parts, the headline: the one with the most Han characters (a site name such
    as 中央社即时新闻 CNA NEWS may be longer in letters, not in Han characters)."""
    return max(parts, key=lambda part: (len(HAN.findall(part)), len(part)), default="")


FURNITURE_FILE = Path(__file__).with_name("zh_furniture.tsv")


@cache
def furniture_words() -> dict[str, tuple[str, ...]]:
    """Words of page furniture by kind (disclaimer, app_verb, app_pitch, comment_prompt, back_target,
    related_prefix, related_noun, related_label, related_interest), read from zh_furniture.tsv,
    longest first so that a regex alternation prefers the longer word."""
    words: dict[str, list[str]] = {}
    for row in FURNITURE_FILE.read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            kind, word = row.split("\t")
            words.setdefault(kind, []).append(word.strip())
    return {kind: tuple(sorted(found, key=len, reverse=True)) for kind, found in words.items()}

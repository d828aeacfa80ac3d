"""Page furniture that is not article text: navigation, counters, copyright, hotlines, app and social
links, slogans, and photo captions."""

from __future__ import annotations

import re

from pipeline.clean.lines import Line

# Furniture lines are short; a long line that merely mentions 版权 or 客户端 is body text.
_MAX_FURNITURE_CHARS = 120
_FURNITURE = re.compile(
    r"您现在的位置|当前位置[：:]|点击量|点击数|浏览次数|阅读次数"
    r"|copyright|版权所有|版权声明|all rights reserved|©"
    r"|举报电话|举报邮箱|违法和不良信息"
    r"|扫码关注|扫一扫|长按识别|关注我们"
    r"|网上家园"
    r"|^(?:往期回顾|查看更多|相关阅读|相关新闻|推荐阅读|延伸阅读|媒体矩阵|关于我们|马上体验|马上下载"
    r"|分享到|打印本页|关闭窗口|返回顶部|上一篇|下一篇)"
    r"|^\S{0,12}(?:客户端|微信号|微博号|抖音号|公众号|头条号|快手号|视频号|微信|微博|抖音)$"
    r"|^[×✕xX]$"
    # Breadcrumbs: three or more short parts joined by > (首页 > 新闻中心 > 地方动态).
    r"|^[^。，！？>＞»›]{1,12}(?:\s*[>＞»›]\s*[^。，！？>＞»›]{1,12}){2,}$",
    re.IGNORECASE,
)
# The end mark of a news agency story: ……突破200万人。（完）
_END_MARK = re.compile(r"\s*[（(【\[]完[）)】\]]$")
# A column label standing alone: 【推进“产改”进行时】.
_COLUMN_LABEL = re.compile(r"^【[^【】]{1,30}】$")
# Photo credits: "重庆已打造10个工匠学院。熊桂伟 摄", "（记者 张三 摄）", "摄影：张三".
_PHOTO_CREDIT = re.compile(
    r"(?:^|[\s。！？”])[\u4e00-\u9fff·]{2,5}\s+摄$"
    r"|[（(](?:[^（）()]{0,20}\s)?[\u4e00-\u9fff·]{2,5}\s*/?\s*摄[）)]?$"
    r"|摄影\s*[：:]|图片来源\s*[：:]"
)
_PHOTO_CREDIT_MAX_CHARS = 80
# Uncredited captions: short, one sentence without commas, ending in 。, and either set apart by
# runs of blank lines (how pages lay out an image and its caption) or naming a photo position.
_CAPTION_MAX_CHARS = 40
_CAPTION_SENTENCE = re.compile(r"^[^，,；;：:。！？]+。$")
_PHOTO_POSITION = re.compile(r"[（(](?:[左右]|前排|后排)?[左右中前后][一二三四五六七八九十\d]*[）)]")
_ISOLATING_BLANKS = 2


def is_furniture(text: str) -> bool:
    return len(text) <= _MAX_FURNITURE_CHARS and bool(_FURNITURE.search(text) or _COLUMN_LABEL.match(text))


def strip_end_mark(paragraph: str) -> str:
    return _END_MARK.sub("", paragraph)


def is_photo_caption(line: Line) -> bool:
    text = line.text
    if len(text) <= _PHOTO_CREDIT_MAX_CHARS and _PHOTO_CREDIT.search(text):
        return True
    if len(text) > _CAPTION_MAX_CHARS or not _CAPTION_SENTENCE.match(text):
        return False
    isolated = max(line.blanks_before, line.blanks_after) >= _ISOLATING_BLANKS
    return isolated or bool(_PHOTO_POSITION.search(text))


def is_footer_line(text: str) -> bool:
    """After the last paragraph of running text, a line with no sentence punctuation is page footer
    (slogans, site and channel names, app links); a closing sentence would end in punctuation."""
    return not re.search(r"[。！？!?”…]", text)

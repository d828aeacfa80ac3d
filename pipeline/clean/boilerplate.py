"""Page furniture that is not article text: navigation, counters, copyright, hotlines, app and social
links, slogans, and photo captions."""

from __future__ import annotations

import re

from pipeline.clean.lines import Line, is_body_like
from pipeline.lang.zh import HAN_RANGES, NAME_CHARS
from pipeline.lang.zh_clean import furniture_words

# Furniture lines are short; a long line that merely mentions 版权 or 客户端 is body text.
_MAX_FURNITURE_CHARS = 120
# Furniture wherever it stands in a line. (Two patterns, not one: an alternation holding
# line-anchored branches would still try each of them at every position of every line.)
_FURNITURE_ANYWHERE = re.compile(
    r"您现在的位置|当前位置[：:]|点击量|点击数|浏览次数|阅读次数"
    r"|copyright|版权所有|版权声明|all rights reserved|©"
    r"|举报电话|举报邮箱|违法和不良信息"
    # A portal's footer: who runs the site and which browser shows it best.
    r"|主办单位\s*[：:]|承办单位\s*[：:]|技术支持\s*[：:]|最佳浏览效果|建议(?:您)?使用[^。]{0,30}浏览器"
    r"|扫码关注|扫一扫|长按识别|关注我们"
    # WeChat's closing widgets: 点击“阅读原文”了解更多, 分享 收藏 点赞 在看.
    r"|(?:点击|戳)[^，。]{0,6}阅读原文|点赞\s*在看"
    r"|网上家园"
    # Reprint and copyright notices, comment-section disclaimers, login boxes.
    r"|转载请注明|(?:不得|禁止|严禁|请勿)转载|著作权声明"
    r"|评论仅[供代]|仅代表[^，。]{0,8}(?:个人|本人)|不代表本[网站台报刊]|并不(?:表明|代表)[^，。]{0,10}立场"
    r"|不构成(?:任何)?投资建议"
    r"|文明上网|理性发言|跟贴热词"
    # App and channel promotions: 立即下载经济日报App, 扫描左侧二维码即可添加……公众号.
    # (市民可通过下载“粤省事”App办理 is body text: a promotion urges, or ends at the app and its link.)
    r"|(?:立即|马上|点击|免费|欢迎)(?:下载|订阅|安装)[^，。]{0,12}(?:App|APP|app|客户端|Telegram)"
    r"|(?:下载|订阅|安装)[^，。]{0,12}(?:App|APP|app|客户端|Telegram)\s*[：:]?\s*(?:https?://\S*)?$"
    r"|扫码关注"
    # A QR code placed beside the text (扫描左侧二维码即可添加……公众号); 市民可扫描二维码预约 is news.
    r"|(?:左侧|右侧|左边|右边|下方|上方|下面|上面|文末|底部)[^，。]{0,4}二维码",
    re.IGNORECASE,
)
# Widgets that are furniture only as a short line of their own, not a sentence: a body sentence may
# well tell of stolen 账号和密码, or quote someone asking 你在这里做什么.
_SHORT_WIDGET_CHARS = 30
_SHORT_WIDGET = re.compile(
    r"(?:账号|帐号|用户名)[^。]{0,10}密码|自动登录|忘记密码|记住密码"
    # The breadcrumb's "you are here" label: 您在这里：.
    r"|^(?:您|你)在这里\s*[：:>＞]"
)
_SENTENCE_INSIDE = re.compile(r"[，。]")


def _alternatives(kind: str) -> str:
    """The words of one kind of furniture (pipeline/lang/zh_furniture.tsv) as a regex alternation."""
    return "|".join(re.escape(word) for word in furniture_words()[kind])


# Labels of tag lists and recommendation boxes: 相关字词, 相关新闻, 您可能有兴趣, 你可能还想看, 猜你喜欢.
# (Not 相关政策： or 相关背景：, which a government story may use to open a part of its own.)
_RELATED_LABEL = re.compile(
    rf"(?:(?:{_alternatives('related_prefix')})(?:{_alternatives('related_noun')})?"
    rf"|{_alternatives('related_label')}"
    rf"|(?:您|你)?(?:也|或许|大概)?(?:可能|或许)?(?:{_alternatives('related_interest')})[{HAN_RANGES}]{{0,4}})"
    r"\s*[：:.…]*$"
)
# Furniture that is the whole line, or opens it.
_FURNITURE_LINE = re.compile(
    r"(?:登录|注册|密码|账号|帐号|发表评论|我要评论)$"
    # Widgets and the page's clock: 分享工具, 字级：, 气温： 30 度, a time or weekday alone, a bare count.
    r"|(?:分享(?:到|至|工具|按钮)?|字级|字号|字体(?:大小)?|放大|缩小|列印|打印(?:本页|此页)?)\s*[：:]?$"
    r"|(?:气\s*温|天\s*气|温\s*度)\s*[：:]"
    r"|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?$|(?:星期|周|礼拜)[一二三四五六日天]$|[\d,.]+$"
    # Staff credits other than the byline and the editor: 美术：陈超雄.
    rf"|(?:美术|美编|设计|校对|审核|监制|排版|制图|视频|剪辑)\s*[：:]\s*[{NAME_CHARS}\s、]{{2,20}}$"
    # The breadcrumb's "you are here" label in its many wordings: 您的位置：, 所在位置：.
    r"|(?:您|你)?(?:的|现在的|目前的|当前的|现在|目前|当前)?所?在?(?:位置|页面)\s*[：:]"
    r"|(?:往期回顾|查看更多|相关阅读|相关新闻|推荐阅读|延伸阅读|媒体矩阵|关于我们|马上体验|马上下载"
    r"|分享到|打印本页|关闭窗口|返回顶部|上一篇|下一篇)"
    r"|[^，。！？\s][^，。！？]{0,15}(?:客户端|微信号|微博号|抖音号|公众号|头条号|快手号|视频号|微信|微博|抖音)$"
    r"|[×✕xX]$"
    # Page tools and labels left without their value: [打印] [关闭], 信息来源：, 浏览次数：.
    r"|[\[【]?\s*(?:打印|关闭|收藏|纠错|我要纠错)\s*[\]】]?$"
    r"|(?:信息来源|来源|发布时间|时间|浏览次数|点击次数|阅读次数|作者|责任编辑|编辑)\s*[：:]$"
    # A column label standing alone: 【推进“产改”进行时】.
    r"|【[^【】]{1,30}】$"
    # A short line of Latin words alone is a menu label of the site's theme (Home, Search, Toggle
    # navigation) in a Chinese article: English quoted in the body sits inside Chinese sentences.
    r"|[A-Za-z][A-Za-z '&/|.-]{0,39}$"
    # Breadcrumbs: three or more short parts joined by > (首页 > 新闻中心 > 地方动态).
    r"|[^。，！？>＞»›]{1,12}(?:\s*[>＞»›]\s*[^。，！？>＞»›]{1,12}){2,}$",
    re.IGNORECASE,
)
# The end mark of a news agency story: ……突破200万人。（完）; Taiwan's Central News Agency closes
# with its filing date in the Minguo calendar instead: ……指日可待。1030404 (year 103, 4 April).
_END_MARK = re.compile(r"\s*[（(【\[]完[）)】\]]$|(?<=[。！？」”）])\s*1?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$")
# Photo credits: "重庆已打造10个工匠学院。熊桂伟 摄", "（记者 张三 摄）", "摄影：张三".
_PHOTO_CREDIT = re.compile(
    rf"(?:^|[\s。！？”])[{NAME_CHARS}]{{2,5}}\s+摄$"
    rf"|[（(](?:[^（）()]{{0,20}}\s)?[{NAME_CHARS}]{{2,5}}\s*/?\s*摄[）)]?$"
    r"|摄影\s*[：:／/]|[／/]\s*摄影?$|图片来源\s*[：:]"
    # 图／东森新闻提供, （港台图片）, （资料图）, 报系资料照, 档案照片.
    r"|[（(]\s*图\s*[／/:：][^（）()]{1,20}[）)]$|[（(][^（）()]{0,8}图片?[）)]$|(?:资料|档案)照片?$"
    # ▲ and its kin mark a caption on Taiwan and Hong Kong pages; 图为 opens one everywhere.
    r"|^[▲△▼]|^(?:[上下左右]?图|圖)(?:为|為|\s*[：:])"
)
_PHOTO_CREDIT_MAX_CHARS = 80
# Uncredited captions: short, one sentence without commas, ending in 。, and either set apart by
# runs of blank lines (how pages lay out an image and its caption) or naming a photo position.
_CAPTION_MAX_CHARS = 40
_CAPTION_SENTENCE = re.compile(r"^[^，,；;：:。！？]+。$")
_PHOTO_POSITION = re.compile(r"[（(](?:[左右]|前排|后排)?[左右中前后][一二三四五六七八九十\d]*[）)]")
_ISOLATING_BLANKS = 2


# A disclaimer or statement block opens with its label (免责声明：本文仅代表作者个人观点……) and may
# run long; a sentence that mentions a disclaimer (合同中的免责声明条款无效) does not open with it.
_DISCLAIMER = re.compile(
    rf"[【\[（(](?:{_alternatives('disclaimer')})[】\]）)]\s*[：:]?|(?:{_alternatives('disclaimer')})\s*[：:]"
)
# The label alone on its line: the disclaimer is the next line.
_DISCLAIMER_LABEL = re.compile(rf"[【\[（(]?(?:{_alternatives('disclaimer')})[】\]）)]?\s*[：:]?$")
_MAX_DISCLAIMER_CHARS = 400
# An app promotion opens with its verb, names the app and ends there or with what it promises:
# 打开APP阅读全文, 下载澎湃新闻客户端，看更多精彩. (下载“粤省事”App后，市民可在线办理 goes on.)
_APP_PROMOTION = re.compile(
    rf"[^\w“”]*(?:{_alternatives('app_verb')})[^，。！？]{{0,12}}?(?:App|APP|app|客户端)"
    rf"(?:[\s，,、]*(?:{_alternatives('app_pitch')})[^。！？]{{0,12}})?[\s。！!…>》]*$"
)
_APP_PROMOTION_MAX_CHARS = 40
# An empty comment box: a prompt alone with a count or colon (网友评论：, 评论(0)), an empty-box
# sentence (暂无评论，快来抢沙发吧！), or a count (已有0条评论). (网友评论说，…… is a sentence.)
_COMMENT_PROMPT = re.compile(
    rf"\W*(?:(?:{_alternatives('comment_prompt')})\s*[（(\[]?\s*\d*\s*[）)\]]?\s*[：:>》]*"
    r"|(?:暂无评论|还没有评论|快来抢沙发|抢沙发)[^。]{0,24}"
    r"|(?:已有|共有|共)?\s*\d+\s*(?:条评论|人参与|人评论|条跟帖)[^。]{0,12})\W*$"
)
# A link back to the portal after the body: 返回首页, 返回人民网首页, 返回搜狐，查看更多.
_BACK_LINK = rf"(?:返回|回到)\s*[^，。！？\s]{{0,12}}?(?:{_alternatives('back_target')})(?:[，,]\s*查看更多)?"
_BACK_LINK_LINE = re.compile(rf"\W*{_BACK_LINK}\W*$")
_SHORT_PROMPT_CHARS = 30
# The same link closing the last paragraph, where a page puts it inline (……合作精神。返回搜狐，查看更多).
_TRAILING_BACK_LINK = re.compile(rf"(?<=[。！？”」])\s*{_BACK_LINK}\s*$")


def is_furniture(text: str) -> bool:
    if len(text) <= _SHORT_WIDGET_CHARS and _SHORT_WIDGET.search(text) and not _SENTENCE_INSIDE.search(text):
        return True
    if len(text) <= _SHORT_PROMPT_CHARS and (_COMMENT_PROMPT.match(text) or _BACK_LINK_LINE.match(text)):
        return True
    if len(text) <= _APP_PROMOTION_MAX_CHARS and _APP_PROMOTION.match(text):
        return True
    if len(text) <= _MAX_DISCLAIMER_CHARS and (_DISCLAIMER.match(text) or _DISCLAIMER_LABEL.match(text)):
        return True
    return len(text) <= _MAX_FURNITURE_CHARS and bool(
        _FURNITURE_LINE.match(text) or _RELATED_LABEL.match(text) or _FURNITURE_ANYWHERE.search(text)
    )


def is_disclaimer_label(text: str) -> bool:
    return bool(_DISCLAIMER_LABEL.match(text))


def is_related_label(text: str) -> bool:
    return bool(_RELATED_LABEL.match(text))


_HEADLINE_MAX_CHARS = 40


def is_headline_like(text: str) -> bool:
    """The title of an article as a list shows it: short, a phrase or a question, not a sentence."""
    return len(text) <= _HEADLINE_MAX_CHARS and "。" not in text and not is_body_like(text)


_SECTION_LABEL = re.compile(rf"^[{HAN_RANGES}]{{1,6}}$")


def is_section_label(text: str) -> bool:
    """A channel or section name (社会, 港闻, 即时新闻): a few Han characters and nothing else."""
    return bool(_SECTION_LABEL.match(text))


def strip_end_mark(paragraph: str) -> str:
    """The last paragraph without the end mark or the inline link back to the portal closing it."""
    return _END_MARK.sub("", _TRAILING_BACK_LINK.sub("", paragraph))


def is_photo_caption(line: Line) -> bool:
    text = line.text
    if len(text) <= _PHOTO_CREDIT_MAX_CHARS and _PHOTO_CREDIT.search(text):
        return True
    if len(text) > _CAPTION_MAX_CHARS or not _CAPTION_SENTENCE.match(text):
        return False
    isolated = max(line.blanks_before, line.blanks_after) >= _ISOLATING_BLANKS
    return isolated or bool(_PHOTO_POSITION.search(text))


# A photo credit standing alone on its line (记者郑清元／摄影) follows its photo's caption.
_CREDIT_LINE_MAX_CHARS = 20
_CAPTION_ABOVE_CREDIT_MAX_CHARS = 60
_SENTENCE_END = re.compile(r"[。！？]")


def is_caption_above_credit(caption: Line, credit: Line) -> bool:
    """``caption`` is the caption of a photo when the next line is a credit alone and it is a single
    short sentence (无票民众等候补位，国光客运公司人员维持现场排队秩序。 above 记者郑清元／摄影).
    Only asked above the article's first paragraph: in the body, a short paragraph may well precede
    a photo that has no caption."""
    if len(credit.text) > _CREDIT_LINE_MAX_CHARS or not _PHOTO_CREDIT.search(credit.text):
        return False
    text = caption.text
    return len(text) <= _CAPTION_ABOVE_CREDIT_MAX_CHARS and len(_SENTENCE_END.findall(text[:-1])) == 0


def is_footer_line(text: str) -> bool:
    """After the last paragraph of running text, a line with no sentence punctuation is page footer
    (slogans, site and channel names, app links); a closing sentence would end in punctuation."""
    return not re.search(r"[。！？!?”…]", text)

import pytest

from pipeline.lang.zh import HAN
from pipeline.text import split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("湖北省技能人才总量达959万人。高技能人才达293万人。", ["湖北省技能人才总量达959万人。", "高技能人才达293万人。"]),
        # A closing quote stays with the sentence it closes.
        ("他说：“这是对我们的认可。”湖北省总工会表示支持。", ["他说：“这是对我们的认可。”", "湖北省总工会表示支持。"]),
        ("每年列支100万元；建立项目库……下一步怎么办？", ["每年列支100万元；", "建立项目库……", "下一步怎么办？"]),
        # Decimals and thousands separators do not end a sentence; a paragraph without a full stop is one.
        ("投入2,468.3万元\n第二段没有句号", ["投入2,468.3万元", "第二段没有句号"]),
        ("\n\n  ", []),
    ],
)
def test_split_sentences(text, sentences):
    spans = split_sentences(text)
    assert [span.text for span in spans] == sentences
    assert all(text[span.start : span.end] == span.text for span in spans)


def test_han_matches_chinese_characters_of_both_scripts_only():
    assert HAN.findall("產业 TRIZ 2024年㐀") == ["產", "业", "年", "㐀"]

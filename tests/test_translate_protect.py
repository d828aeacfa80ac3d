import pytest
from transformers import AutoTokenizer

from pipeline.settings import GlossarySettings
from pipeline.translate.glossary import load_glossary
from pipeline.translate.marian import OPUS_MT_ZH_EN_LETTERS as PLACEHOLDER_LETTERS
from pipeline.translate.protect import Protected, protect, restore

GLOSSARY = load_glossary(GlossarySettings())
FIGURES = [("90亿元", "9 billion yuan"), ("27.6%", "27.6%"), ("6%", "6%")]
# MarianTokenizer asks for sacremoses, which only normalises punctuation; the pieces are what matter here.
SACREMOSES_NOTICE = "ignore:Recommended:UserWarning"  # "Recommended: pip install sacremoses."


def test_figures_and_glossary_terms_become_placeholder_letters():
    protected = protect("湖北投入90亿元，增长27.6%，比去年增加6%。", FIGURES, GLOSSARY, PLACEHOLDER_LETTERS)
    assert protected.text == "K 投入 Z ，增长 J ，比去年增加 V 。"
    assert protected.replacements == {"K": "Hubei", "Z": "9 billion yuan", "J": "27.6%", "V": "6%"}


def test_a_figure_is_not_taken_from_inside_a_longer_number():
    protected = protect("占比27.6%。", [("6%", "6%")], GLOSSARY, PLACEHOLDER_LETTERS)
    assert protected.text == "占比27.6%。"
    assert protected.replacements == {}


@pytest.mark.parametrize(
    ("sentence", "figure", "english", "expected"),
    [
        ("26岁成长为骨干。", "26岁", "26 years old", "K 成长为骨干。"),
        ("建成工作室22个", "22个", "22", "建成工作室 K"),
        ("1万人次参加。", "1万人次", "10,000 person-times", "K 参加。"),
    ],
)
def test_a_figure_at_either_end_of_the_sentence_is_protected(sentence, figure, english, expected):
    protected = protect(sentence, [(figure, english)], GLOSSARY, PLACEHOLDER_LETTERS)
    assert protected.text == expected
    assert protected.replacements == {"K": english}


def test_letters_already_in_the_sentence_are_not_used():
    protected = protect("K线图显示增加6%。", [("6%", "6%")], GLOSSARY, PLACEHOLDER_LETTERS)
    assert protected.replacements == {"Z": "6%"}


def test_restore_puts_back_exact_english_in_model_order():
    protected = protect("湖北投入90亿元，增长27.6%。", FIGURES, GLOSSARY, PLACEHOLDER_LETTERS)
    restored = restore(protected, "Growth of J came after K invested Z.")
    assert restored.text == "Growth of 27.6% came after Hubei invested 9 billion yuan."
    assert [str(problem) for problem in restored.problems] == []


def test_restore_repairs_duplicated_and_invented_placeholders():
    protected = Protected("投入90亿元。", "投入 K 。", {"K": "9 billion yuan"}, PLACEHOLDER_LETTERS)
    restored = restore(protected, "K invested K in W projects.")
    assert restored.text == "9 billion yuan invested in projects."
    assert [str(problem) for problem in restored.problems] == [
        'duplicated placeholder for "9 billion yuan" removed',
        'invented placeholder "W" removed',
    ]


def test_restore_appends_a_dropped_figure_in_brackets():
    protected = Protected("投入90亿元。", "投入 K 。", {"K": "9 billion yuan"}, PLACEHOLDER_LETTERS)
    restored = restore(protected, "Investment was made.")
    assert restored.text == "Investment was made. [9 billion yuan]"
    assert [str(problem) for problem in restored.problems] == ['dropped placeholder for "9 billion yuan" appended in brackets']


def test_restore_leaves_abbreviations_and_pronouns_alone():
    protected = Protected("投入90亿元。", "投入 K 。", {"K": "9 billion yuan"}, PLACEHOLDER_LETTERS)
    assert restore(protected, "I saw the U.S. invest K.").text == "I saw the U.S. invest 9 billion yuan."


@pytest.mark.filterwarnings(SACREMOSES_NOTICE)
def test_every_placeholder_is_one_piece_for_the_real_opus_mt_tokenizer(tiny_marian_dir):
    tokenizer = AutoTokenizer.from_pretrained(tiny_marian_dir)
    for letter in PLACEHOLDER_LETTERS:
        source_pieces = tokenizer.convert_ids_to_tokens(tokenizer(f"工人 {letter} 人").input_ids)
        target_pieces = tokenizer.convert_ids_to_tokens(tokenizer(text_target=f"workers {letter} people").input_ids)
        assert f"▁{letter}" in source_pieces, (letter, source_pieces)
        assert f"▁{letter}" in target_pieces, (letter, target_pieces)


@pytest.mark.filterwarnings(SACREMOSES_NOTICE)
@pytest.mark.parametrize("letter", ["Q", "X"])
def test_letters_left_out_split_on_the_target_side(tiny_marian_dir, letter):
    tokenizer = AutoTokenizer.from_pretrained(tiny_marian_dir)
    assert f"▁{letter}" not in tokenizer.convert_ids_to_tokens(tokenizer(text_target=f"workers {letter} people").input_ids)

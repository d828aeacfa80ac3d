from decimal import Decimal

from pipeline.records import (
    CleanArticle,
    English,
    Facts,
    Figure,
    Metadata,
    ModelInfo,
    Programme,
    Source,
)
from pipeline.translate.verify import english_numbers, verify_english

TEXT = "2023年，湖北投入90亿元，技能人才达到959万人，占比30.6%。第十五届技能大赛设五个赛区。"


def figure(text_zh: str, value: str, unit_zh: str, text_en: str) -> Figure:
    start = TEXT.index(text_zh)
    return Figure(text_zh, Decimal(value), unit_zh, "", text_en, TEXT, start, start + len(text_zh))


ARTICLE = CleanArticle("a1", Source("a1.txt", "0", "utf-8"), Metadata(title_zh="湖北技能人才"), [TEXT])
FACTS = Facts(
    "a1",
    figures=[
        figure("90亿元", "9000000000", "亿元", "9 billion yuan"),
        figure("959万人", "9590000", "人", "9.59 million people"),
        figure("30.6%", "30.6", "%", "30.6%"),
    ],
    key_figures=[],
    programmes=[Programme("技能大赛", TEXT, TEXT.index("技能大赛"))],
)


def english(summary_en: str, programme_name: str = "skills competition", programme_context: str = "") -> English:
    return English(
        title_en="Hubei skilled workers",
        headline_en=None,
        summary_en=summary_en,
        publisher_en=None,
        figure_contexts_en=[],
        programme_names_en=[programme_name],
        programme_contexts_en=[programme_context or f"The 15th {programme_name} has five zones."],
        model=ModelInfo("test"),
    )


def test_english_number_forms_are_read_with_their_scale():
    assert english_numbers("9.59 million, 9,590,000, 30.6% in 2023; the 15th; five zones; 3 hundred million") == [
        ("9.59 million", Decimal("9590000.00")),
        ("9,590,000", Decimal("9590000")),
        ("30.6", Decimal("30.6")),
        ("2023", Decimal("2023")),
        ("15th", Decimal("15")),
        ("five", Decimal("5")),
        ("3 hundred million", Decimal("300000000")),
    ]


def test_source_numbers_in_any_rendering_are_accepted():
    summary = "In 2023 Hubei invested 9 billion yuan; 9.59 million (9,590,000) skilled workers, 30.6% of the total."
    assert verify_english(english(summary), ARTICLE, FACTS, []) == []


def test_ordinals_and_counts_written_in_chinese_are_accepted():
    assert verify_english(english("The 15th competition has five zones."), ARTICLE, FACTS, []) == []


def test_a_wrong_scale_is_flagged_naming_the_field():
    warnings = verify_english(english("Hubei invested 90 billion yuan."), ARTICLE, FACTS, [])
    assert warnings == ['unverified number "90 billion" in summary_en']


def test_numbers_in_list_fields_name_their_index():
    translated = english("Hubei invested 9 billion yuan.", programme_context="The 16th skills competition.")
    assert verify_english(translated, ARTICLE, FACTS, []) == ['unverified number "16th" in programme_contexts_en[0]']


def test_a_programme_name_lost_in_its_sentence_is_flagged():
    translated = english("Hubei invested 9 billion yuan.", programme_context="The 15th skill contest has five zones.")
    assert verify_english(translated, ARTICLE, FACTS, []) == [
        'programme name "skills competition" missing from programme_contexts_en[0]'
    ]

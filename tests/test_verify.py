"""The verifier: every number in the English must come from the source; programme names and the
names of people, places and organisations must survive in their sentence. The article and its facts come from the real stages."""

from decimal import Decimal

import pytest

from pipeline.clean import clean_article
from pipeline.facts import extract_facts
from pipeline.names import find_names
from pipeline.records import Article, English, EnglishField, FieldRef, ModelInfo, Source
from pipeline.translate.verify import MissingName, english_numbers, verify_english

TEXT = "2023年，湖北投入90亿元，技能人才达到959万人，占比30.6%。第十五届“技能大赛”设五个赛区。"
ARTICLE = clean_article(Article("a1", Source("a1.txt", "0", "utf-8"), f"湖北技能人才\n\n{TEXT}\n"))
FACTS = extract_facts(ARTICLE, None)


def english(summary_en: str, programme_name: str = "skills competition", programme_context: str = "") -> English:
    return English(
        {
            FieldRef(EnglishField.TITLE): "Hubei skilled workers",
            FieldRef(EnglishField.SUMMARY): summary_en,
            FieldRef(EnglishField.PROGRAMME_NAME, 0): programme_name,
            FieldRef(EnglishField.PROGRAMME_CONTEXT, 0): programme_context or f"The 15th {programme_name} has five zones.",
        },
        ModelInfo("test"),
    )


def messages(translated: English) -> list[str]:
    return [str(problem) for problem in verify_english(translated, ARTICLE, FACTS)]


def test_the_example_comes_from_the_real_stages():
    assert ARTICLE.metadata.title_zh == "湖北技能人才"
    assert [(f.text_zh, f.text_en) for f in FACTS.figures][:3] == [
        ("90亿元", "9 billion yuan"),
        ("959万人", "9.59 million people"),
        ("30.6%", "30.6%"),
    ]
    assert [p.name_zh for p in FACTS.programmes] == ["技能大赛"]


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
    assert messages(english(summary)) == []


def test_ordinals_and_counts_written_in_chinese_are_accepted():
    assert messages(english("The 15th competition has five zones.")) == []


def test_a_wrong_scale_is_flagged_naming_the_field():
    assert messages(english("Hubei invested 90 billion yuan.")) == ['unverified number "90 billion" in summary_en']


def test_numbers_in_list_fields_name_their_index():
    translated = english("Hubei invested 9 billion yuan.", programme_context="The 16th skills competition.")
    assert messages(translated) == ['unverified number "16th" in programmes[0].context_en']


def test_a_programme_name_lost_in_its_sentence_is_flagged():
    translated = english("Hubei invested 9 billion yuan.", programme_context="The 15th skill contest has five zones.")
    assert messages(translated) == ['programme name "skills competition" missing from programmes[0].context_en']


@pytest.mark.parametrize(
    ("summary_zh", "summary_en", "missing"),
    [
        # 湖北省 (Hubei Province) inside 湖北省总工会 is carried by the organisation's English.
        ("湖北省总工会举办比赛。", "The Hubei Provincial Federation of Trade Unions held a contest.", []),
        ("湖北省总工会举办比赛。", "The union held a contest.", ["Hubei Provincial Federation of Trade Unions"]),
        ("湖北省举办比赛。", "The province held a contest.", ["Hubei Province"]),
    ],
)
def test_a_name_lost_in_its_sentence_is_flagged_unless_a_longer_name_carries_it(summary_zh, summary_en, missing):
    article = clean_article(Article("a2", Source("a2.txt", "0", "utf-8"), f"{summary_zh}\n"))
    names = [(name.zh, name.en) for name in find_names(article)]
    fields = {FieldRef(EnglishField.SUMMARY): (summary_zh, names)}
    problems = verify_english(english(summary_en), article, extract_facts(article, None), fields, names)
    names_lost = [str(problem) for problem in problems if isinstance(problem, MissingName) and not problem.programme]
    assert names_lost == [f'name "{name}" missing from summary_en' for name in missing]

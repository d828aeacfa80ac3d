from pathlib import Path

import pytest

from pipeline.errors import ConfigError
from pipeline.settings import GlossarySettings
from pipeline.translate.glossary import load_glossary


def write_tsv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_glossary_prefers_the_longest_term():
    glossary = load_glossary(GlossarySettings(path=""))
    terms = glossary.find_terms("湖北省总工会推进产业工人队伍建设改革")
    assert [(t.zh, t.en) for t in terms] == [
        ("湖北", "Hubei"),
        ("省总工会", "provincial federation of trade unions"),
        ("产业工人队伍建设改革", "industrial workforce reform"),
    ]


def test_builtin_glossary_has_the_required_terms():
    glossary = load_glossary(GlossarySettings(path=""))
    assert glossary.lookup("人次") == "person-times"
    assert glossary.lookup("新八级") == "the new eight-level skills grading system"
    assert glossary.lookup("中工网") == "Workercn.cn"


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("工人日报-中工网", "Workers' Daily – Workercn.cn"),
        ("工人日报 · 中工网", "Workers' Daily – Workercn.cn"),
        ("工人日报社中工网", None),  # 社 is not a separator nor a known term
        ("湖北日报", None),
        ("", None),
    ],
)
def test_lookup_composes_names_joined_by_separators(zh, en):
    glossary = load_glossary(GlossarySettings(path=""))
    assert glossary.lookup(zh) == en


def test_user_entries_win_and_builtin_ones_remain(tmp_path):
    user = write_tsv(tmp_path / "mine.tsv", "zh\ten\tnote\n产业工人\tindustrial labourers\thouse style\n工友杯\tWorkmates Cup\t\n")
    glossary = load_glossary(GlossarySettings(path=str(user)))
    assert glossary.lookup("产业工人") == "industrial labourers"
    assert glossary.lookup("工友杯") == "Workmates Cup"
    assert glossary.lookup("总工会") == "federation of trade unions"


def test_malformed_line_names_file_and_line(tmp_path):
    user = write_tsv(tmp_path / "bad.tsv", "zh\ten\tnote\n工友杯\tWorkmates Cup\t\n只有中文\n")
    with pytest.raises(ConfigError, match=r"bad\.tsv:3: expected 'zh<TAB>en<TAB>note'"):
        load_glossary(GlossarySettings(path=str(user)))


def test_missing_header_is_reported_on_line_1(tmp_path):
    user = write_tsv(tmp_path / "noheader.tsv", "工友杯\tWorkmates Cup\t\n")
    with pytest.raises(ConfigError, match=r"noheader\.tsv:1: glossary must start with the header"):
        load_glossary(GlossarySettings(path=str(user)))


def test_missing_glossary_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match=r"absent\.tsv: cannot read glossary"):
        load_glossary(GlossarySettings(path=str(tmp_path / "absent.tsv")))

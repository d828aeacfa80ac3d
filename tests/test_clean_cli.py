"""`digest clean`: output forms, bad inputs reported one line each, exit codes, no partial files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

SEEDS = Path(__file__).parent.parent / "seeds"
SEED_002 = SEEDS / "002_68a2d98467e1a6c6.txt"
GOOD = "全市职工技能竞赛成果丰硕\n\n来源：中工网\n\n今年以来，全市共举办职业技能竞赛120场，参赛职工达到3.5万人次，其中45人获评技术能手称号。\n"


def run(*args: str):
    return CliRunner().invoke(app, ["clean", *args])


@pytest.fixture()
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "d_english.md").write_text("No Chinese in this file.\n", encoding="utf-8")
    with (folder / "e_huge.txt").open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    (folder / "f_good_gbk.txt").write_bytes(GOOD.encode("gbk"))
    return folder


def test_text_output_shows_title_metadata_and_paragraphs():
    result = run(str(SEED_002))
    assert result.exit_code == 0
    assert result.stdout.startswith("# 甘肃金昌：“五项赋能”产业工人队伍建设“提速蝶变”\ndate: 2024-11-05\npublisher: 中工网\n")
    assert "\n\n鼓励各企业按照‘新八级’技能评价制度" in result.stdout


def test_json_output_is_the_clean_article_record():
    result = run("--json", str(SEED_002))
    record = json.loads(result.stdout)
    assert result.exit_code == 0
    assert record["id"] == "002_68a2d98467e1a6c6"
    assert record["metadata"]["editor"] == "尹文卓"
    assert record["source"]["sha256"] == hashlib.sha256(SEED_002.read_bytes()).hexdigest()
    assert (record["source"]["path"], record["source"]["encoding"]) == (str(SEED_002), "utf-8")
    assert record["source"]["script"] == "simplified"
    assert record["paragraphs_zh"][0].startswith("鼓励各企业按照")


def test_script_keep_leaves_traditional_text(tmp_path):
    result = run("--json", "--script", "keep", str(SEEDS / "001_4cb5aad2af967a13.txt"))
    record = json.loads(result.stdout)
    assert record["metadata"]["title_zh"] == "959萬技能人才成制造強省有力支撐"
    assert record["source"]["script"] == "traditional"


def test_warnings_go_to_stderr_with_the_article_id():
    result = run("--json", str(SEEDS / "001_4cb5aad2af967a13.txt"))
    assert "warning: 001_4cb5aad2af967a13: dropped garbled text '?!焙\\ue478笔】偣\\ue63a\\ue4c3h'\n" in result.stderr


def test_a_folder_with_bad_files_reports_each_once_writes_the_good_ones_and_exits_1(mixed_folder, tmp_path):
    out = tmp_path / "out"
    result = run(str(mixed_folder), str(tmp_path / "missing.txt"), "--out", str(out))
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors == [
        f"error: {mixed_folder / 'b_empty.txt'}: file is empty",
        f"error: {mixed_folder / 'c_image.html'}: binary file, not text",
        f"error: {mixed_folder / 'd_english.md'}: no Chinese text found",
        f"error: {mixed_folder / 'e_huge.txt'}: file is 20.0 MB, larger than the 5 MB limit",
        f"error: {tmp_path / 'missing.txt'}: no such file or directory",
    ]
    assert "Traceback" not in result.stderr
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["a_good.json", "f_good_gbk.json"]
    gbk = json.loads((out / "f_good_gbk.json").read_text(encoding="utf-8"))
    assert (gbk["source"]["encoding"], gbk["metadata"]["title_zh"]) == ("gb18030", "全市职工技能竞赛成果丰硕")


def test_a_bad_config_is_a_usage_error(tmp_path):
    config = tmp_path / "digest.toml"
    config.write_text('[clean]\nscript = "pinyin"\n', encoding="utf-8")
    result = run("--config", str(config), str(SEED_002))
    assert result.exit_code == 2
    assert result.stderr == "error: setting clean.script: Input should be 'simplified' or 'keep' (got 'pinyin')\n"


def test_help_explains_the_command():
    result = run("--help")
    assert result.exit_code == 0
    for option in ("--json", "--out", "--script", "--config", "stdin"):
        assert option in result.stdout


def test_stdin_is_cleaned_as_an_article_named_stdin():
    result = CliRunner().invoke(app, ["clean", "--json", "-"], input=GOOD.encode("gbk"))
    record = json.loads(result.stdout)
    assert result.exit_code == 0
    assert (record["id"], record["source"]["path"], record["source"]["encoding"]) == ("stdin", "-", "gb18030")
    assert record["metadata"]["publisher_zh"] == "中工网"

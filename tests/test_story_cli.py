"""`digest run` says how many stories it touched and how many copies it served; `digest stories`
lists the stories of the store."""

from __future__ import annotations

import json

from test_run import SEED_IDS, SEEDS, offline, run_cli  # noqa: F401 - offline is a fixture


def test_run_counts_copies_and_stories_and_the_stories_command_lists_them(offline, tmp_path):  # noqa: F811
    inputs = tmp_path / "in"
    inputs.mkdir()
    seed = (SEEDS / f"{SEED_IDS[2]}.txt").read_text(encoding="utf-8")
    (inputs / "jinchang.txt").write_text(seed, encoding="utf-8")
    (inputs / "jinchang-portal.txt").write_text(seed.replace("来源:中工网", "来源:甘肃日报"), encoding="utf-8")
    (inputs / "chongqing.txt").write_bytes((SEEDS / f"{SEED_IDS[4]}.txt").read_bytes())
    out = tmp_path / "out"
    result = run_cli("run", inputs, "--out", out, *offline)
    assert result.exit_code == 0, result.output
    assert "1 served as copies of an identical article, without model work); 2 stories touched" in result.stderr

    listed = run_cli("stories", "--store", out, "--json")
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [sorted(row["articles"]) for row in rows] == [["jinchang", "jinchang-portal"], ["chongqing"]]
    assert rows[0]["outlets"] == ["Workercn.cn", "甘肃日报"] and rows[0]["first_seen"] == "2024-11-05"
    assert rows[0]["headline"].startswith("甘肃金昌")

    text = run_cli("stories", "--store", out, "--since", "2024-10-01")
    assert text.exit_code == 0
    assert text.stdout.splitlines()[0].endswith("2024-11-05  2 articles, 2 outlets: Workercn.cn, 甘肃日报")
    assert run_cli("stories", "--store", out, "--since", "2025-01-01").stdout == ""
    bad = run_cli("stories", "--store", out, "--since", "yesterday")
    assert bad.exit_code == 2 and "--since 'yesterday': expected a date as YYYY-MM-DD" in bad.stderr

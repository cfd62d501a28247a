"""The scripts in examples/ run and print what they promise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(script: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stderr == ""
    return result.stdout


def test_explore_forum() -> None:
    out = run("explore_forum.py")
    assert "Central SOE Poverty Alleviation Forum — 16 October 2020, Beijing" in out
    assert "Hao Peng        郝鹏" in out
    assert "housing safety assistance funds invested: more_than 600,000,000 CNY" in out


def test_totals_and_audit() -> None:
    out = run("totals_and_audit.py", "zh_CN")
    assert "民生保障 — 投入帮扶资金: 超过45.78亿元" in out
    assert "总体成效 — 定点帮扶的贫困县: 248个县" in out
    assert "就业扶贫" not in out.split("\n\n")[0]  # people trained and placed may overlap: no sum
    assert out.count("[ok]") == 6 and out.count("[!!]") == 2
    assert "[!!] 培训技术人员、直接招聘贫困劳动力和转移就业贫困劳动力可能重复计算" in out


def test_write_summaries(tmp_path: Path) -> None:
    out = run("write_summaries.py", str(tmp_path))
    assert len(out.splitlines()) == 7
    assert 'dir="rtl"' in (tmp_path / "forum-ar.html").read_text(encoding="utf-8")

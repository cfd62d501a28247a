from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import povmodel as pm


def povmodel(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "povmodel", *args], capture_output=True, text=True, timeout=60)


def test_summary_of_the_bundled_forum_in_chinese() -> None:
    result = povmodel("summary", "--locale", "zh_CN")
    assert result.returncode == 0, result.stderr
    assert result.stdout == pm.summarize(pm.load_forum(), locale="zh_CN")
    assert "近1000亿元" in result.stdout
    assert result.stderr == ""


def test_summary_of_a_file_full_markdown(tmp_path: Path) -> None:
    path = tmp_path / "forum.json"
    pm.dump(pm.load_forum(), path)
    result = povmodel("summary", str(path), "--locale", "ar", "--style", "full", "--format", "html")
    assert result.returncode == 0, result.stderr
    assert '<html lang="ar" dir="rtl">' in result.stdout


def test_bad_locale_is_an_error_on_stderr() -> None:
    result = povmodel("summary", "--locale", "xx")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "povmodel: unknown locale: 'xx'\n"


def test_missing_file(tmp_path: Path) -> None:
    result = povmodel("summary", str(tmp_path / "nope.json"))
    assert result.returncode == 1
    assert "nope.json: No such file or directory" in result.stderr


def test_invalid_file_lists_the_problems(tmp_path: Path) -> None:
    data = pm.to_dict(pm.load_forum())
    data["metrics"][0]["quantity"]["value"] = "12,5"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = povmodel("summary", str(path))
    assert result.returncode == 1
    assert result.stderr == "povmodel: $.metrics[0].quantity.value: not a decimal number: '12,5'\n"


def test_usage_errors_exit_2() -> None:
    assert povmodel("summary", "--style", "long").returncode == 2
    assert povmodel().returncode == 2
    assert povmodel("frobnicate").returncode == 2


def test_show_prints_people_and_figures() -> None:
    result = povmodel("show", "--locale", "zh_CN")
    assert result.returncode == 0
    assert "郝鹏" in result.stdout and "education-funds" in result.stdout

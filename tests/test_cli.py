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
    assert "近千亿元" in result.stdout
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


def test_validate_reports_each_problem_with_file_and_path(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    pm.dump(pm.load_forum(), good)
    data = pm.to_dict(pm.load_forum())
    data["metrics"][0]["quantity"]["value"] = "12,5"
    data["metrics"][1]["qualifier"] = "lots"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = povmodel("validate", str(good), str(bad))
    assert result.returncode == 1
    assert result.stdout == f"{good}: ok\n"
    assert result.stderr.splitlines() == [
        f"{bad}: $.metrics[0].quantity.value: not a decimal number: '12,5'",
        f"{bad}: $.metrics[1].qualifier: not one of 'exact', 'more_than', 'at_least', 'nearly', 'about': 'lots'",
    ]
    assert povmodel("validate", "-q", str(good)).returncode == 0


def test_schema_command_prints_the_schema() -> None:
    result = povmodel("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout) == pm.json_schema()


def test_convert_round_trips_through_every_format(tmp_path: Path) -> None:
    source = tmp_path / "forum.json"
    pm.dump(pm.load_forum(), source)
    for target in ("yaml", "toml", "json"):
        result = povmodel("convert", str(source), "--to", target)
        assert result.returncode == 0, result.stderr
        assert pm.loads(result.stdout, format=target) == pm.load_forum()


def test_convert_needs_a_known_extension(tmp_path: Path) -> None:
    path = tmp_path / "forum.txt"
    path.write_text("{}", encoding="utf-8")
    result = povmodel("convert", str(path), "--to", "yaml")
    assert result.returncode == 1
    assert "cannot use file format '.txt': use .json, .yaml, .yml or .toml" in result.stderr


def test_totals_by_category_in_chinese() -> None:
    result = povmodel("totals", "--by", "category", "--locale", "zh_CN")
    assert result.returncode == 0
    assert "民生保障\n  投入帮扶资金: 超过45.78亿元 (4项指标)" in result.stdout


def test_totals_by_actor() -> None:
    result = povmodel("totals", "--by", "actor")
    assert "Sinopec\n  assistance funds invested: 2.4 billion yuan (1 metric)" in result.stdout


def test_every_command_has_help() -> None:
    for command in ("summary", "validate", "schema", "convert", "totals", "show"):
        result = povmodel(command, "--help")
        assert result.returncode == 0
        assert result.stdout.startswith(f"usage: povmodel {command}")


def test_python_dash_m_and_console_script_agree() -> None:
    import shutil

    script = shutil.which("povmodel", path=str(Path(sys.executable).parent))
    assert script is not None
    direct = subprocess.run([script, "summary", "--locale", "es"], capture_output=True, text=True, check=True)
    assert direct.stdout == povmodel("summary", "--locale", "es").stdout

"""Every console example in docs/ runs, and prints what the page shows.

Python examples in the docs are doctests (pytest collects docs/*.md); this runs
the ``console`` blocks: each ``$`` command in a scratch copy of the project's
sources, with a ``forum.json`` and a ``bad.json`` beside it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import povmodel as pm

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)


def examples() -> list[tuple[str, str, list[str]]]:
    found = []
    for page in sorted((ROOT / "docs").glob("*.md")):
        for block in BLOCK.findall(page.read_text(encoding="utf-8")):
            command, expected = "", list[str]()
            for line in block.splitlines():
                if line.startswith("$ "):
                    if command:
                        found.append((page.name, command, expected))
                    command, expected = line[2:], []
                elif command.endswith("\\"):
                    command = command[:-1] + " " + line.strip()
                else:
                    expected.append(line)
            if command:
                found.append((page.name, command, expected))
    return found


EXAMPLES = examples()


def test_the_docs_have_console_examples() -> None:
    assert len(EXAMPLES) >= 6
    assert {page for page, _, _ in EXAMPLES} >= {"cli.md", "formatting.md", "summaries.md"}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    shutil.copytree(ROOT / "src", folder / "src")
    shutil.copy(ROOT / "babel.cfg", folder)
    pm.dump(pm.load_forum(), folder / "forum.json")
    bad = pm.to_dict(pm.load_forum())
    bad["metrics"][0]["quantity"]["value"] = "12,5"
    (folder / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    return folder


@pytest.mark.parametrize(("page", "command", "expected"), EXAMPLES, ids=[f"{p}: {c[:40]}" for p, c, _ in EXAMPLES])
def test_console_example(page: str, command: str, expected: list[str], workspace: Path) -> None:
    bin_dir = str(Path(sys.executable).parent)
    result = subprocess.run(
        ["bash", "-c", command],
        cwd=workspace,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": f"{bin_dir}:/usr/bin:/bin", "LANG": "C.UTF-8"},
    )
    shown = (result.stdout + result.stderr).splitlines()
    assert result.returncode in (0, 1), result.stderr  # validate exits 1 on the bad file, as documented
    for line in expected:
        if line.endswith("…"):
            assert any(actual.startswith(line[:-1]) for actual in shown), (line, shown[:5])
        else:
            assert line in shown, (line, shown[:5])


def test_the_summaries_page_shows_what_the_code_writes() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "summaries.py"), "--check"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    page = (ROOT / "docs" / "summaries.md").read_text(encoding="utf-8")
    # every language, short and full, in its own language and direction
    assert page.count("### Short") == page.count("### Full") == 7
    assert '<div lang="ar" dir="rtl" markdown>' in page and '<div lang="zh-Hant-TW" dir="ltr" markdown>' in page

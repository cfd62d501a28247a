"""The HTML summaries in a real browser: headless Chromium, as CI installs it.

Deselected by default (marker ``browser``) because it needs Chromium, which pip
cannot install; ``.ci/run`` installs Debian's chromium and runs these tests.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import povmodel as pm

pytestmark = pytest.mark.browser

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, "Chromium is needed for the browser tests: apt-get install chromium (see .ci/run)"
    return found


def run(page: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *extra, page.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def test_the_detector_sees_console_messages(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><title>t</title><script>console.error("boom")</script>', encoding="utf-8")
    assert any('"boom"' in line for line in console_lines(run(page, tmp_path, "--dump-dom").stderr))


@pytest.mark.parametrize("locale", ["zh_CN", "ar", "en"])
def test_summary_renders_without_console_errors(locale: str, tmp_path: Path) -> None:
    page = tmp_path / f"{locale}.html"
    page.write_text(pm.summarize(pm.load_forum(), locale=locale, style="full", markup="html"), encoding="utf-8")
    result = run(page, tmp_path, "--dump-dom")
    assert console_lines(result.stderr) == []
    # The browser's DOM has what povmodel wrote.
    forum = pm.load_forum()
    heading = pm.Formatter(locale).text(forum.title or forum.name)  # the report's headline, else the forum's name
    assert f"<h1>{heading}</h1>" in result.stdout
    screenshot = tmp_path / "page.png"
    run(page, tmp_path, f"--screenshot={screenshot}", "--window-size=1000,1400")
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 20_000  # a page of text, not a blank one


SITE = Path(__file__).resolve().parent.parent / "site"


@pytest.mark.parametrize(("language", "marker"), [("zh", "简体中文"), ("ar", "العربية")])
def test_the_docs_site_has_fonts_for_its_chinese_and_arabic(language: str, marker: str, tmp_path: Path) -> None:
    # The system has a font for the script (CI installs fonts-noto-cjk and fonts-noto-core)...
    families = subprocess.run(["fc-list", f":lang={language}", "family"], capture_output=True, text=True, check=True)
    assert families.stdout.strip(), f"no font for {language}: apt-get install fonts-noto-cjk fonts-noto-core"
    # ...and the built Summaries page (mkdocs build, as .ci/run does before these tests) shows it.
    page = SITE / "summaries" / "index.html"
    assert page.is_file(), "build the site first: mkdocs build"
    assert marker in page.read_text(encoding="utf-8")
    result = run(page, tmp_path, "--dump-dom")
    assert console_lines(result.stderr) == [] and marker in result.stdout
    screenshot = tmp_path / "summaries.png"
    run(page, tmp_path, f"--screenshot={screenshot}", "--window-size=1280,1600")
    assert screenshot.stat().st_size > 50_000  # text, not a blank page

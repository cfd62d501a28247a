"""Bad input: empty text, binary data, 16 MB of digits, one 16 MB sentence. Linear time, never a crash.

No timed assertions: each complexity guard times the same work on n and on 4n
characters in one process and checks that the time grows like the input (a
quadratic step would take 16 times as long, a linear one 4 times).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

import pytest

import povmodel as pm
from povmodel.extraction import check, draft_forum, extract
from povmodel.extraction._numbers import values_in
from povmodel.extraction._sentences import sentences

MB = 1 << 20


def best_of_three(func: Callable[[], object]) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def assert_linear(make: Callable[[int], str], n: int, run: Callable[[str], object]) -> None:
    small, large = make(n), make(4 * n)
    assert len(large) >= 3.9 * len(small)
    ratio = best_of_three(lambda: run(large)) / best_of_three(lambda: run(small))
    assert ratio < 8, f"4 times the input took {ratio:.1f} times as long"


def repeat(unit: str) -> Callable[[int], str]:
    return lambda size: unit * (size // len(unit))


def spans_are_sound(text: str, language: str | None = None) -> int:
    figures = extract(text, language)
    for figure in figures:
        start, end = figure.span
        assert 0 <= start < end <= len(text) and text[start:end] == figure.text
    return len(figures)


def test_empty_text() -> None:
    assert extract("") == () and extract("", "zh") == ()
    assert draft_forum("", id="empty")["metrics"] == []
    problems = check(pm.load_forum(), "")
    assert problems and {problem.kind.value for problem in problems} == {"quote_not_in_text"}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_binary_data(language: str) -> None:
    data = random.Random(2020).randbytes(MB)
    for text in (data.decode("latin-1"), data.decode("utf-8", "surrogateescape"), data.decode("utf-16-le", "replace")):
        spans_are_sound(text, language)
    assert spans_are_sound("\x00" * 1000 + "12 villages" + "\ufffd" * 1000) == 1


def test_sixteen_megabytes_of_digits() -> None:
    digits = "7" * (16 * MB)
    assert extract(digits) == ()
    assert extract(digits, "zh") == ()
    assert values_in(digits) == frozenset()
    assert extract("3" * 30 + " villages and 12 schools")[0].text == "12"  # too long to be a figure


def test_sixteen_megabytes_of_chinese_numerals() -> None:
    assert extract("一" * (16 * MB), "zh") == ()


@pytest.mark.parametrize(
    ("unit", "language"),
    [
        ("more than 1,400 schools were built " + "and the work went on " * 50, "en"),
        ("帮扶超过8000个产业扶贫项目" + "并持续推进产业发展" * 60, "zh"),
    ],
)
def test_one_sixteen_megabyte_sentence(unit: str, language: str) -> None:
    text = repeat(unit)(16 * MB)
    assert len(list(sentences(text, language))) == 1
    assert spans_are_sound(text, language) == len(text) // len(unit)


@pytest.mark.parametrize(
    ("unit", "language", "n"),
    [
        ("more than 1,400 schools and ", "en", MB // 16),
        ("since 2016, 5 schools, in 2017 and 12 yuan (about $2 million) ", "en", MB // 16),
        ("帮扶超过8000个产业扶贫项目，", "zh", MB // 16),
        ("2016年以来投入3亿元，每年帮扶1万余名，", "zh", MB // 16),
        ("It has 3.5 billion yuan. ", "en", MB // 16),
        ("a line that wraps\n", "en", MB // 4),
        (". ", "en", MB // 2),
        ("7", "en", MB),
    ],
)
def test_extraction_time_grows_linearly(unit: str, language: str, n: int) -> None:
    assert_linear(repeat(unit), n, lambda text: extract(text, language))


def test_check_and_draft_time_grow_linearly() -> None:
    forum = pm.load_forum()
    article = pm.article_text()
    assert_linear(lambda size: article * (size // len(article)), MB // 8, lambda text: check(forum, text))
    assert_linear(repeat("In 2019, 12 villages got 3 million yuan. "), MB // 16, lambda text: draft_forum(text))


def test_a_draft_of_a_long_sentence_quotes_the_figures_clause() -> None:
    text = "word " * 2000 + "and 12 villages were helped, " + "word " * 2000 + "."
    (metric,) = draft_forum(text)["metrics"]
    quote = metric["source"]["quote"]
    assert len(quote) <= 5000 and quote in text and quote.endswith("and 12 villages were helped,")

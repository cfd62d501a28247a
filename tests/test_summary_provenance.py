"""Every number a summary prints comes from the forum's data: nothing is computed, nothing invented.

The check takes a summary, removes every figure the data gives (as the reader's
formatter writes it: "nearly 100 billion yuan", "近千亿元", "eight") and every
text of the data (names, statements, remarks, around their placeholders), and
asserts that no digit and no Chinese numeral is left. A total the summary
computed ("248 counties"), or a number a frame made up, would be left.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import povmodel as pm
from povmodel.presentation._writing import Writer
from tests.conftest import LOCALES
from tests.strategies import forums

_PLACEHOLDER = re.compile(r"\{\w+\}")
_NUMERALS = re.compile(r"[\d〇零一二两三四五六七八九十百千万亿萬億]")


def _texts(value: object) -> Iterator[pm.LocalizedText]:
    """Every `LocalizedText` in a model object, however deep."""
    if isinstance(value, pm.LocalizedText):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _texts(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            yield from _texts(getattr(value, field.name))


def _figures(fmt: pm.Formatter, forum: pm.Forum) -> Iterator[str]:
    """Every figure of the data, as ``fmt``'s reader reads it."""
    for metric in forum.metrics:
        yield fmt.metric(metric)
        yield fmt.quantity(metric.quantity, metric.qualifier)
        yield fmt.amount(metric.quantity, metric.qualifier)
        yield fmt.quantity(metric.quantity, metric.qualifier, words=True)
        yield fmt.amount(metric.quantity, metric.qualifier, words=True)
        if metric.period is not None:
            yield fmt.period(metric.period)
    attendance = forum.attendance
    if attendance is not None:
        yield fmt.quantity(pm.Quantity(value=Decimal(attendance.participants), unit="person"), attendance.qualifier)
        if attendance.central_enterprises is not None:
            yield fmt.number(attendance.central_enterprises)
    yield fmt.date(forum.date)
    yield Writer(fmt=fmt, forum=forum).date(forum.date)  # in the catalogue's pattern for running text
    yield Writer(fmt=fmt, forum=forum).date(forum.date, year=False)  # a year the report does not give, left out


def _data_texts(fmt: pm.Formatter, forum: pm.Forum) -> Iterator[str]:
    """Every text of the data in the reader's language (each form of it), split around its placeholders."""
    for text in _texts(forum):
        shown = {fmt.text(text), fmt.name(text)} | {fmt.text(text, form=form) for form in pm.core.text.FORMS}
        for piece in shown:
            yield from (part for part in _PLACEHOLDER.split(piece) if part.strip())


def unexplained(summary: str, fmt: pm.Formatter, forum: pm.Forum) -> list[str]:
    """What is left of ``summary``'s numbers once the data's figures and texts are taken out."""
    # A sentence starts with a capital letter: compare without case.
    rest = summary.casefold()
    figures = {f.casefold() for f in _figures(fmt, forum)}
    texts = {t.casefold() for t in _data_texts(fmt, forum)} - figures
    for piece in sorted(figures, key=len, reverse=True):
        # a figure is taken out whole, never from inside a longer number ("8个县" in "248个县")
        before = r"(?<![\d.,])" if _NUMERALS.match(piece[0]) else ""
        after = r"(?![.,]?\d)" if _NUMERALS.match(piece[-1]) else ""
        rest = re.sub(f"{before}{re.escape(piece)}{after}", "\x00", rest)
    for piece in sorted(texts, key=len, reverse=True):
        rest = rest.replace(piece, "\x00")
    return re.findall(rf"{_NUMERALS.pattern}+", rest)


@pytest.mark.parametrize("style", ["short", "full"])
def test_every_number_of_every_summary_comes_from_the_data(forum: pm.Forum, locale: str, style: str) -> None:
    fmt = pm.Formatter(locale)
    summary = fmt.summarize(forum, style=style)  # type: ignore[arg-type]
    assert unexplained(summary, fmt, forum) == []


def test_the_check_finds_a_computed_total(forum: pm.Forum) -> None:
    # 221 + 27 counties: additive in the data, but the article never says 248.
    fmt = pm.Formatter("en")
    counties = pm.total([forum.metric("counties-lifted-out-of-poverty"), forum.metric("counties-under-acceptance")])
    summary = fmt.summarize(forum) + f" Together, {fmt.total(counties)}."
    assert unexplained(summary, fmt, forum) == ["248"]
    zh = pm.Formatter("zh_CN")
    assert unexplained(zh.summarize(forum) + "合计248个县。", zh, forum) == ["248"]


# Texts without numerals: a text that is itself a number ("0") next to a figure ("0元")
# could not be told from it.
_WORDS = st.text(st.characters(categories=["L"], exclude_characters=_NUMERALS.pattern[1:-1]), min_size=1, max_size=20)
_NAMES = st.dictionaries(st.sampled_from(("en", "zh-Hans", "fr", "ru", "ar")), _WORDS, min_size=1).map(pm.LocalizedText)


@settings(max_examples=50)
@given(forums(_NAMES), st.sampled_from(LOCALES), st.sampled_from(["short", "full"]))
def test_any_forum_summarises_from_its_data(forum: pm.Forum, locale: str, style: str) -> None:
    fmt = pm.Formatter(locale)
    assert unexplained(fmt.summarize(forum, style=style), fmt, forum) == []  # type: ignore[arg-type]

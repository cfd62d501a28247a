"""`check`: does a forum say what its report says?

Three rules, each a `ProblemKind`:

- every quote of the forum (sources of metrics, people, programme, attendance,
  projects, the date, and omissions) occurs verbatim in the text;
- every metric's value occurs in its quote, in any of the ways English or
  Chinese write it (2658000000: "2.658 billion", "26.58亿", "2,658,000,000");
  and every omission's figure occurs in its quote;
- every main figure of the text is covered: a metric states it (same value,
  money or not, and the figure stands inside the metric's quote), the
  attendance states it (participants, central enterprises), or an omission
  names it (its figure gives the value, and the figure stands inside its quote).
  Where a metric covers a figure with another qualifier, that is a problem too.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterator
from decimal import Decimal

import attrs

from povmodel.core.model import Forum
from povmodel.core.quantity import Qualifier
from povmodel.extraction._extract import extract
from povmodel.extraction._figure import Figure, FigureRole
from povmodel.extraction._numbers import plain, values_in

__all__ = ["Problem", "ProblemKind", "check"]

_MAX_DEPTH = 8


class ProblemKind(enum.Enum):
    """What `check` found wrong."""

    QUOTE_NOT_IN_TEXT = "quote_not_in_text"
    """A quote does not occur verbatim in the text."""
    VALUE_NOT_IN_QUOTE = "value_not_in_quote"
    """A metric's value (or an omission's figure) does not occur in its quote."""
    FIGURE_NOT_COVERED = "figure_not_covered"
    """A main figure of the text is neither a metric, nor the attendance, nor an omission."""
    QUALIFIER_DIFFERS = "qualifier_differs"
    """A metric states a figure of the text with another qualifier."""


@attrs.frozen(kw_only=True)
class Problem:
    """One thing `check` found wrong.

    Attributes:
        kind: which rule it breaks.
        path: where in the forum (``$.metrics[3].source.quote``); ``$.metrics``
            for a figure of the text that nothing covers.
        message: what is wrong, for a person.
        span: where in the text, for a figure of the text; else ``None``.
    """

    kind: ProblemKind
    path: str
    message: str
    span: tuple[int, int] | None = None

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@attrs.frozen
class _Cover:
    value: Decimal
    money: bool | None  # None: an omission, which says nothing of it
    quote: str
    qualifier: Qualifier | None
    path: str


def check(forum: Forum, text: str, *, language: str | None = None) -> tuple[Problem, ...]:
    """Check a forum against the text of its report; an empty tuple when all is well.

    Args:
        forum: the forum, with its metrics, attendance and omissions.
        text: the report it was built from.
        language: the report's language (``"en"``, ``"zh"``), detected if ``None``.

    Returns:
        The problems, quotes first, then values, then figures of the text in text order.

    Examples:
        >>> import attrs, json, povmodel as pm
        >>> from povmodel.extraction import check
        >>> forum = attrs.evolve(pm.load_forum(), omitted=())  # without the figures it leaves out on purpose
        >>> [problem.kind.value for problem in check(forum, pm.article_text())]
        ['figure_not_covered']
        >>> metric = attrs.evolve(forum.metrics[0], source=pm.Source(quote="221 counties and more."))
        >>> changed = attrs.evolve(forum, metrics=(metric, *forum.metrics[1:]))
        >>> print(check(changed, pm.article_text())[0])
        $.metrics[0].source.quote: not in the text: '221 counties and more.'
    """
    problems = [
        Problem(kind=ProblemKind.QUOTE_NOT_IN_TEXT, path=path, message=f"not in the text: {_short(quote)!r}")
        for path, quote in _quotes(forum, "$", 0)
        if quote not in text
    ]
    problems.extend(_values(forum))
    problems.extend(_coverage(forum, text, language))
    return tuple(problems)


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quotes(item: object, path: str, depth: int) -> Iterator[tuple[str, str]]:
    """``(path, quote)`` for every quote in ``item``: attrs fields named ``quote``, walked recursively."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(item, tuple):
        for index, element in enumerate(item):
            yield from _quotes(element, f"{path}[{index}]", depth + 1)
        return
    kind = type(item)
    if not attrs.has(kind):
        return
    for field in attrs.fields(kind):
        value = getattr(item, field.name)
        if field.name == "quote" and isinstance(value, str):
            yield f"{path}.quote", value
        elif isinstance(value, tuple) or attrs.has(type(value)):
            yield from _quotes(value, f"{path}.{field.name}", depth + 1)


def _values(forum: Forum) -> Iterator[Problem]:
    for index, metric in enumerate(forum.metrics):
        quote = metric.source.quote
        if quote is None or metric.source.inferred:
            continue
        value = plain(metric.quantity.value)
        if value not in values_in(quote):
            yield Problem(
                kind=ProblemKind.VALUE_NOT_IN_QUOTE,
                path=f"$.metrics[{index}].quantity.value",
                message=f"{value:f} is not written in the quote, in any form: {_short(quote)!r}",
            )
    for index, omission in enumerate(forum.omitted):
        if omission.figure not in omission.quote:
            yield Problem(
                kind=ProblemKind.VALUE_NOT_IN_QUOTE,
                path=f"$.omitted[{index}].figure",
                message=f"{omission.figure!r} is not in the quote: {_short(omission.quote)!r}",
            )


def _covers(forum: Forum) -> Iterator[_Cover]:
    for index, metric in enumerate(forum.metrics):
        if metric.source.quote is not None:
            quantity = metric.quantity
            path = f"$.metrics[{index}]"
            yield _Cover(plain(quantity.value), quantity.is_money, metric.source.quote, metric.qualifier, path)
    attendance = forum.attendance
    if attendance is not None and attendance.source.quote is not None:
        quote = attendance.source.quote
        yield _Cover(Decimal(attendance.participants), False, quote, attendance.qualifier, "$.attendance")
        if attendance.central_enterprises is not None:
            yield _Cover(Decimal(attendance.central_enterprises), False, quote, Qualifier.EXACT, "$.attendance")
    for index, omission in enumerate(forum.omitted):
        for value in values_in(omission.figure):
            yield _Cover(value, None, omission.quote, None, f"$.omitted[{index}]")


def _occurrences(text: str, quote: str) -> list[int]:
    found: list[int] = []
    start = text.find(quote)
    while start != -1 and quote:
        found.append(start)
        start = text.find(quote, start + len(quote))
    return found


def _coverage(forum: Forum, text: str, language: str | None) -> Iterator[Problem]:
    by_value: dict[Decimal, list[_Cover]] = {}
    for cover in _covers(forum):
        by_value.setdefault(cover.value, []).append(cover)
    places: dict[str, list[int]] = {}
    for figure in extract(text, language, year=forum.date.year):
        if figure.role is not FigureRole.MAIN:
            continue
        covering = [
            cover
            for cover in by_value.get(plain(figure.quantity.value), [])
            if cover.money in (None, figure.is_money) and _inside(figure, cover.quote, text, places)
        ]
        if not covering:
            yield Problem(
                kind=ProblemKind.FIGURE_NOT_COVERED,
                path="$.metrics",
                message=(
                    f"{figure.text!r} ({_describe(figure)}) is neither a metric nor listed in $.omitted: "
                    f"{_short(figure.quote)!r}"
                ),
                span=figure.span,
            )
            continue
        qualified = [cover for cover in covering if cover.qualifier is not None]
        if qualified and all(cover.qualifier is not figure.qualifier for cover in qualified):
            cover = qualified[0]
            assert cover.qualifier is not None
            yield Problem(
                kind=ProblemKind.QUALIFIER_DIFFERS,
                path=f"{cover.path}.qualifier",
                message=f"the text says {figure.text!r} ({figure.qualifier.value}), not {cover.qualifier.value}",
                span=figure.span,
            )


def _inside(figure: Figure, quote: str, text: str, places: dict[str, list[int]]) -> bool:
    if quote not in places:
        places[quote] = _occurrences(text, quote)
    starts = places[quote]
    index = bisect.bisect_right(starts, figure.span[0]) - 1
    return index >= 0 and starts[index] + len(quote) >= figure.span[1]


def _describe(figure: Figure) -> str:
    quantity = figure.quantity
    noun = f", {figure.noun}" if figure.noun else ""
    return f"{figure.qualifier.value} {quantity.value:f} {quantity.unit}{noun}"

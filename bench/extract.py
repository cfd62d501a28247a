"""Recall and precision of figure extraction on the bundled article: povmodel and quantulum3 side by side.

Run: python bench/extract.py   (quantulum3 comes with the bench extra)

A figure an extractor finds is *right* when its value, qualifier and kind (money
or count) are those of a metric of the bundled dataset whose quote holds it.
It is *accepted* when the dataset models it elsewhere on purpose: the attendance
(participants, central enterprises; value and qualifier must match) or the
figures left out on purpose (``tests/data/extract/omitted-2020.json``, each
listed with its reason in docs/extract.md). Anything else is *wrong*.

recall = metrics found / 29; precision = (right + accepted) / found. quantulum3
states no qualifier: a second line scores it with qualifiers set aside (value and
money-or-count only), to show what it gets right apart from them.
"""

from __future__ import annotations

import importlib.metadata
import json
import warnings
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import attrs

import povmodel as pm
from povmodel.extraction import extract

OMITTED = Path(__file__).resolve().parent.parent / "tests" / "data" / "extract" / "omitted-2020.json"


@attrs.frozen(kw_only=True)
class Found:
    """A figure as an extractor reports it."""

    text: str
    value: Decimal
    qualifier: pm.Qualifier
    money: bool
    span: tuple[int, int]


@attrs.frozen(kw_only=True)
class Score:
    """How one extractor did."""

    name: str
    found: tuple[Found, ...]
    right: tuple[tuple[Found, str], ...]  # (figure, metric id)
    accepted: tuple[tuple[Found, str], ...]  # (figure, why)
    wrong: tuple[Found, ...]
    missed: tuple[str, ...]  # metric ids
    metrics: int

    @property
    def recall(self) -> float:
        return (self.metrics - len(self.missed)) / self.metrics

    @property
    def precision(self) -> float:
        return (len(self.right) + len(self.accepted)) / len(self.found) if self.found else 0.0


def povmodel_figures(text: str) -> list[Found]:
    """Every figure povmodel.extraction finds (main figures and the others)."""
    return [
        Found(
            text=figure.text,
            value=figure.quantity.value,
            qualifier=figure.qualifier,
            money=figure.is_money,
            span=figure.span,
        )
        for figure in extract(text, "en")
    ]


def quantulum_figures(text: str) -> list[Found]:
    """Every quantity quantulum3 finds; it states no qualifier, so each is exact."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Classifier dependencies not installed"
        from quantulum3 import parser  # type: ignore[import-untyped]

        quantities = parser.parse(text)
    return [
        Found(
            text=quantity.surface,
            value=Decimal(str(quantity.value)).normalize(),
            qualifier=pm.Qualifier.EXACT,
            money=quantity.unit.entity.name == "currency",
            span=(quantity.span[0], quantity.span[1]),
        )
        for quantity in quantities
    ]


def _inside(span: tuple[int, int], quote: str, text: str) -> bool:
    start = text.find(quote)
    while start != -1:
        if start <= span[0] and span[1] <= start + len(quote):
            return True
        start = text.find(quote, start + 1)
    return False


def omissions() -> tuple[pm.Omission, ...]:
    """The figures the bundled dataset leaves out on purpose."""
    return tuple(pm.Omission(**item) for item in json.loads(OMITTED.read_text(encoding="utf-8")))


def score(
    name: str,
    found: Sequence[Found],
    forum: pm.Forum,
    text: str,
    omitted: Sequence[pm.Omission],
    *,
    qualifiers: bool = True,
) -> Score:
    """Score the figures one extractor found against the forum's metrics (``qualifiers=False``: ignore qualifiers)."""
    right: list[tuple[Found, str]] = []
    accepted: list[tuple[Found, str]] = []
    wrong: list[Found] = []
    matched: set[str] = set()
    for figure in found:
        metric = next(
            (
                m
                for m in forum.metrics
                if m.quantity.value == figure.value
                and (m.qualifier is figure.qualifier or not qualifiers)
                and m.quantity.is_money == figure.money
                and m.source.quote is not None
                and _inside(figure.span, m.source.quote, text)
            ),
            None,
        )
        if metric is not None:
            right.append((figure, metric.id))
            matched.add(metric.id)
            continue
        why = _accepted(figure, forum, text, omitted, qualifiers=qualifiers)
        if why is not None:
            accepted.append((figure, why))
        else:
            wrong.append(figure)
    missed = tuple(m.id for m in forum.metrics if m.id not in matched)
    return Score(
        name=name,
        found=tuple(found),
        right=tuple(right),
        accepted=tuple(accepted),
        wrong=tuple(wrong),
        missed=missed,
        metrics=len(forum.metrics),
    )


def _accepted(
    figure: Found, forum: pm.Forum, text: str, omitted: Sequence[pm.Omission], *, qualifiers: bool
) -> str | None:
    attendance = forum.attendance
    if attendance is not None and attendance.source.quote is not None and not figure.money:
        stated = [(Decimal(attendance.participants), attendance.qualifier, "attendance: participants")]
        if attendance.central_enterprises is not None:
            stated.append((Decimal(attendance.central_enterprises), pm.Qualifier.EXACT, "attendance: enterprises"))
        for value, qualifier, why in stated:
            same = value == figure.value and (qualifier is figure.qualifier or not qualifiers)
            if same and _inside(figure.span, attendance.source.quote, text):
                return why
    for omission in omitted:
        values = {f.quantity.value for f in extract(omission.figure, "en")}
        if figure.value in values and _inside(figure.span, omission.quote, text):
            return f"left out on purpose: {omission.figure}"
    return None


def report(scores: Sequence[Score]) -> str:
    """The table and the details, as printed."""
    header = (
        f"{'extractor':<18} {'found':>5} {'metrics':>8} {'recall':>7} {'accepted':>8} {'wrong':>5} {'precision':>9}"
    )
    lines = [header]
    for s in scores:
        found_metrics = f"{s.metrics - len(s.missed)}/{s.metrics}"
        lines.append(
            f"{s.name:<18} {len(s.found):>5} {found_metrics:>8} {s.recall:>7.1%} {len(s.accepted):>8} "
            f"{len(s.wrong):>5} {s.precision:>9.1%}"
        )
    for s in scores:
        if s.name.startswith(" "):
            continue
        lines += ["", f"{s.name}:"]
        lines += [f"  accepted  {f.text!r} — {why}" for f, why in s.accepted]
        lines += [f"  wrong     {f.text!r} ({f.qualifier.value}, {f.value:f}, at {f.span[0]})" for f in s.wrong]
        lines += [f"  missed    {metric}" for metric in s.missed]
        if not (s.accepted or s.wrong or s.missed):
            lines.append("  every figure right, no metric missed")
    return "\n".join(lines)


def main() -> None:
    forum, text = pm.load_forum(), pm.article_text()
    omitted = forum.omitted or omissions()  # the dataset carries them once omitted-2020.json is merged in
    scores = [score("povmodel", povmodel_figures(text), forum, text, omitted)]
    try:
        version = importlib.metadata.version("quantulum3")
    except importlib.metadata.PackageNotFoundError:
        print("quantulum3 is not installed (pip install 'povmodel[bench]'): povmodel alone\n")
    else:
        quantities = quantulum_figures(text)
        scores.append(score(f"quantulum3 {version}", quantities, forum, text, omitted))
        scores.append(score("  qualifiers aside", quantities, forum, text, omitted, qualifiers=False))
    print(f"The bundled article: {len(forum.metrics)} metrics; a figure is right when value, qualifier and")
    print("money-or-count match a metric whose quote holds it; accepted: attendance, or left out on purpose.\n")
    print(report(scores))


if __name__ == "__main__":
    main()

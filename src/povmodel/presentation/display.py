"""Rich display in Jupyter: HTML and Markdown tables for forums, metrics and totals.

IPython calls ``_repr_html_`` / ``_repr_markdown_`` on the model's objects; they
call `show` through the core's seam (the package root plugs it in), so the model
imports no presentation code. Tables are in English, through a `Formatter`, like
every other surface. Every text from the data is escaped.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Sequence
from typing import Any

from povmodel.core.model import Forum, Metric
from povmodel.core.totals import Group, Total, Totals
from povmodel.presentation.formatter import Formatter

__all__ = ["show"]


@functools.cache
def _fmt() -> Formatter:
    return Formatter("en")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")

Table = tuple[tuple[str, ...], Sequence[tuple[str, ...]]]


def _html_table(table: Table, caption: str | None = None) -> str:
    header, rows = table
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    title = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{title}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _md(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def _markdown_table(table: Table, caption: str | None = None) -> str:
    header, rows = table
    lines = [f"**{_md(caption)}**", ""] if caption else []
    lines.append("| " + " | ".join(_md(h) for h in header) + " |")
    lines.append("|" + "|".join("---" for _ in header) + "|")
    lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _period(metric: Metric) -> str:
    return "" if metric.period is None else _fmt().period(metric.period)


def _metrics_table(metrics: Sequence[Metric], forum: Forum | None = None) -> Table:
    def category(metric: Metric) -> str:
        return _fmt().text(forum.category(metric.category).name) if forum else metric.category

    rows = [(m.id, category(m), _fmt().text(m.label), _fmt().metric(m), _period(m)) for m in metrics]
    return ("id", "category", "label", "figure", "period"), rows


def _forum_caption(forum: Forum) -> str:
    inferred = " (year inferred)" if forum.date_source.inferred else ""
    return (
        f"{_fmt().text(forum.name)} — {forum.date.isoformat()}{inferred}, {_fmt().text(forum.city)}: "
        f"{len(forum.metrics)} metrics, {len(forum.people)} people, {len(forum.organizations)} organisations"
    )


def forum_html(forum: Forum) -> str:
    return _html_table(_metrics_table(forum.metrics, forum), _forum_caption(forum))


def forum_markdown(forum: Forum) -> str:
    return _markdown_table(_metrics_table(forum.metrics, forum), _forum_caption(forum))


def _metric_table(metric: Metric) -> Table:
    rows = [
        ("label", _fmt().text(metric.label)),
        ("figure", _fmt().metric(metric)),
        ("value", f"{metric.quantity.value:f} {metric.quantity.unit}"),
        ("qualifier", metric.qualifier.value),
        ("category", metric.category),
        ("actor", metric.actor),
        ("measure", metric.measure),
        ("period", _period(metric)),
        ("source", metric.source.quote or ""),
    ]
    return ("metric", metric.id), rows


def metric_html(metric: Metric) -> str:
    return _html_table(_metric_table(metric))


def metric_markdown(metric: Metric) -> str:
    return _markdown_table(_metric_table(metric))


def _bound(value: object) -> str:
    return "—" if value is None else f"{value:f}"


def _total_table(total: Total) -> Table:
    rows = [
        ("figure", _fmt().total(total)),
        ("value", f"{total.quantity.value:f} {total.quantity.unit}"),
        ("qualifier", total.qualifier.value),
        ("lower", _bound(total.bounds.lower)),
        ("upper", _bound(total.bounds.upper)),
        ("measure", total.measure),
        ("metrics", ", ".join(total.metric_ids)),
    ]
    return ("total", ""), rows


def total_html(total: Total) -> str:
    return _html_table(_total_table(total))


def total_markdown(total: Total) -> str:
    return _markdown_table(_total_table(total))


def _groups_table(groups: Sequence[Group]) -> Table:
    rows = [
        (group.key, total.measure, total.quantity.unit, _fmt().total(total), str(len(total.metrics)))
        for group in groups
        for total in group.totals
    ]
    return ("group", "measure", "unit", "total", "metrics"), rows


def totals_html(totals: Totals) -> str:
    return _html_table(_groups_table(totals.groups), f"Totals by {totals.by}")


def totals_markdown(totals: Totals) -> str:
    return _markdown_table(_groups_table(totals.groups), f"Totals by {totals.by}")


def group_html(group: Group) -> str:
    return _html_table(_groups_table([group]))


def group_markdown(group: Group) -> str:
    return _markdown_table(_groups_table([group]))


_SHOW: dict[tuple[type, str], Callable[[Any], str]] = {
    (Forum, "html"): forum_html,
    (Forum, "markdown"): forum_markdown,
    (Metric, "html"): metric_html,
    (Metric, "markdown"): metric_markdown,
    (Total, "html"): total_html,
    (Total, "markdown"): total_markdown,
    (Group, "html"): group_html,
    (Group, "markdown"): group_markdown,
    (Totals, "html"): totals_html,
    (Totals, "markdown"): totals_markdown,
}


def show(item: object, markup: str) -> str:
    """A model object as an HTML or Markdown table, for Jupyter."""
    return _SHOW[type(item), markup](item)

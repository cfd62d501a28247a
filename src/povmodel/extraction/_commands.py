"""What ``povmodel extract`` and ``povmodel check`` report, as data and text (the command line reads files)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from povmodel.core.model import Forum
from povmodel.extraction._check import check
from povmodel.extraction._figure import Figure

__all__ = ["check_report", "figure_record", "figure_records"]


def figure_records(figures: Sequence[Figure]) -> list[dict[str, Any]]:
    """Figures as plain data: what ``povmodel extract --format json|yaml`` writes."""
    return [figure_record(figure) for figure in figures]


def figure_record(figure: Figure) -> dict[str, Any]:
    """A figure as plain data (the JSON and YAML output of ``povmodel extract``)."""
    period = figure.period
    return {
        "text": figure.text,
        "value": f"{figure.quantity.value:f}",
        "unit": figure.quantity.unit,
        "qualifier": figure.qualifier.value,
        "role": figure.role.value,
        "period": None if period is None else {"start_year": period.start_year, "end_year": period.end_year},
        "period_text": figure.period_text,
        "noun": figure.noun,
        "span": list(figure.span),
        "quote": figure.quote,
    }


def check_report(forum: Forum, source_text: str) -> tuple[str, int]:
    """What ``povmodel check FORUM --source TEXT`` prints, and its exit status (0 all well, 1 problems)."""
    problems = check(forum, source_text)
    if not problems:
        return (
            f"ok: every quote is in the text, every value in its quote, and every figure of the text is covered "
            f"({len(forum.metrics)} metrics, {len(forum.omitted)} left out on purpose)",
            0,
        )
    lines = [f"{problem.path}: {problem.kind.value}: {problem.message}" for problem in problems]
    lines.append(f"{len(problems)} {'problem' if len(problems) == 1 else 'problems'}")
    return "\n".join(lines), 1

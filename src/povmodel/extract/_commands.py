"""The ``povmodel extract`` and ``povmodel check`` commands, as functions that return what to print."""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any, Literal

from povmodel.core.errors import ValidationError
from povmodel.core.model import Forum
from povmodel.extract._check import check
from povmodel.extract._extract import extract
from povmodel.extract._figure import Figure

__all__ = ["check_command", "extract_command", "figure_record", "read_text"]

_COLUMNS = ("#", "qualifier", "value", "unit", "role", "period", "figure", "noun")


def read_text(path: str) -> str:
    """The text of a UTF-8 file (``-``: standard input); `ValidationError` when it is not UTF-8 text."""
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as file:
            data = file.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError.at(
            path, f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start:,})"
        ) from None


def extract_command(path: str, *, language: str | None, output: Literal["table", "json", "yaml"]) -> str:
    """What ``povmodel extract FILE`` prints: the figures of a report as a table, JSON or YAML.

    Args:
        path: the report, a UTF-8 text file (``-`` for standard input).
        language: ``"en"`` or ``"zh"``, or ``None`` to detect it.
        output: ``"table"`` (aligned columns), ``"json"`` or ``"yaml"`` (a list of figures).

    Raises:
        OSError: the file cannot be read.
        ValidationError: it is not UTF-8 text, or the language is unknown.
        MissingExtraError: a Chinese text without the ``extract`` extra.
    """
    figures = extract(read_text(path), language)
    if output == "json":
        return json.dumps([figure_record(figure) for figure in figures], ensure_ascii=False, indent=2)
    if output == "yaml":
        return _yaml([figure_record(figure) for figure in figures])
    return _table(figures)


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


def check_command(forum: Forum, source_text: str) -> tuple[str, int]:
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


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int, *, right: bool = False) -> str:
    space = " " * (width - _width(text))
    return space + text if right else text + space


def _row(figure: Figure, number: int) -> tuple[str, ...]:
    period = figure.period_text or ""
    return (
        str(number),
        figure.qualifier.value,
        f"{figure.quantity.value:,f}",
        figure.quantity.unit,
        figure.role.value,
        period,
        figure.text,
        figure.noun or "",
    )


def _table(figures: Sequence[Figure]) -> str:
    rows = [_COLUMNS, *(_row(figure, number) for number, figure in enumerate(figures, 1))]
    widths = [max(_width(row[column]) for row in rows) for column in range(len(_COLUMNS))]
    lines = []
    for row in rows:
        cells = [_pad(cell, widths[column], right=column in (0, 2)) for column, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _yaml_scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _yaml(records: Sequence[dict[str, Any]]) -> str:
    if not records:
        return "[]"
    lines = []
    for record in records:
        prefix = "- "
        for key, value in record.items():
            if isinstance(value, dict):
                lines.append(f"{prefix}{key}:")
                lines.extend(f"    {inner}: {_yaml_scalar(item)}" for inner, item in value.items())
            elif isinstance(value, list):
                lines.append(f"{prefix}{key}: [{', '.join(_yaml_scalar(item) for item in value)}]")
            else:
                lines.append(f"{prefix}{key}: {_yaml_scalar(value)}")
            prefix = "  "
    return "\n".join(lines)

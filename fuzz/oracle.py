"""The oracle of povmodel's fuzzers and property tests: what an input may do, and what it must never do.

Any input either loads, and then survives the whole pipeline (every file format
and back, totals, the audit, every figure, summaries), or is refused with a
`povmodel.ValidationError` whose problems each have a JSON path and a short
message in words. Anything else is a bug: another exception, a message that
names a Python exception (a bug dressed as a validation error), a message that
repeats a user's whole string, or output that carries a control character.
This module needs povmodel only (not atheris), so that the tests use it too.
"""

from __future__ import annotations

import builtins
import re
import zlib
from collections.abc import Iterable
from decimal import Decimal
from typing import Final, get_args

import povmodel as pm

LOCALES: Final = ("en", "zh_CN", "zh_TW", "fr", "es", "ru", "ar")
STYLES: Final[tuple[pm.Style, ...]] = get_args(pm.Style)
MARKUPS: Final[tuple[pm.Markup, ...]] = get_args(pm.Markup)
FORMATS: Final[tuple[pm.FileFormat, ...]] = ("json", "yaml", "toml")
MAX_MESSAGE: Final = 300
"""The longest message a problem may have: a message shows a value in at most 60 characters."""

# decimal's signals, the parsers' and cattrs' errors: a bug if a message names one.
_OTHER_EXCEPTIONS: Final = [
    *("Clamped", "ConversionSyntax", "DivisionByZero", "DivisionImpossible", "DivisionUndefined", "FloatOperation"),
    *("Inexact", "InvalidContext", "InvalidOperation", "Overflow", "Rounded", "Subnormal", "Underflow"),
    *("JSONDecodeError", "YAMLError", "MarkedYAMLError", "ScannerError", "ParserError", "ComposerError"),
    *("ConstructorError", "ReaderError", "EmitterError", "TOMLKitError", "ParseError", "Traceback"),
    *("BaseValidationError", "ClassValidationError", "IterableValidationError", "ForbiddenExtraKeysError"),
    "StructureHandlerNotFoundError",
]
EXCEPTION_NAMES: Final = frozenset(
    [name for name, value in vars(builtins).items() if isinstance(value, type) and issubclass(value, BaseException)]
    + _OTHER_EXCEPTIONS
)
"""Names of Python's exceptions (and of those of the libraries povmodel parses with)."""

_NAMES: Final = re.compile(r"\b(?:" + "|".join(sorted(EXCEPTION_NAMES, key=len, reverse=True)) + r")\b")
_QUOTED: Final = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
# What no text output may carry: C0 and C1 controls but tab and newline, bidi embeddings and overrides.
_CONTROL: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")


class Finding(AssertionError):
    """What the oracle found: a bug."""


def names_an_exception(message: str) -> bool:
    """True when ``message`` names a Python exception (``TypeError``, ``Overflow``) outside the values it quotes.

    A validation error says what is wrong with the input, in words; a message
    that names an exception class is a bug reported as a validation error.

    Examples:
        >>> names_an_exception("TypeError: 'NoneType' object is not subscriptable")
        True
        >>> names_an_exception("not a decimal number: 'ValueError'")
        False
    """
    return "<class '" in message or _NAMES.search(_QUOTED.sub("''", message)) is not None


def check_refusal(error: pm.ValidationError) -> None:
    """Every problem of a refusal has a JSON path and a short message that names no exception."""
    for path, message in error.errors:
        if not path.startswith("$"):
            raise Finding(f"a problem without a JSON path: {path!r}: {message!r}")
        if names_an_exception(message):
            raise Finding(f"a bug reported as a validation error: {path}: {message}")
        if len(message) > MAX_MESSAGE:
            raise Finding(f"a message of {len(message):,} characters: {message[:100]!r}…")
    if error.more and len(error.errors) < 100:
        raise Finding(f"{error.more} more problems counted, but only {len(error.errors)} kept")


def load(data: bytes, format: pm.FileFormat = "json") -> pm.Forum | None:
    """The forum ``data`` holds (and round-trips in its own format), or ``None`` when it is refused cleanly.

    Raises:
        Finding: the refusal breaks a rule of `check_refusal`, or the forum does not round-trip.
        Exception: any other exception escapes: it is a finding too.
    """
    try:
        forum = pm.loads(data, format=format)
    except pm.ValidationError as error:
        check_refusal(error)
        return None
    if pm.loads(pm.dumps(forum, format=format), format=format) != forum:
        raise Finding(f"a forum that does not round-trip through {format}")
    return forum


def choose(data: bytes) -> tuple[str, pm.Style, pm.Markup]:
    """A locale, style and markup for an input, fixed by its content (so that a crash reproduces)."""
    number = zlib.crc32(data)
    return LOCALES[number % 7], STYLES[number // 7 % 2], MARKUPS[number // 14 % 3]


def pipeline(
    forum: pm.Forum,
    locales: Iterable[str] = LOCALES,
    styles: Iterable[pm.Style] = STYLES,
    markups: Iterable[pm.Markup] = MARKUPS,
    *,
    read_back: bool = True,
) -> None:
    """Put an accepted forum through everything povmodel does with one: any exception is a finding.

    Every file format and back, compact JSON, totals by every grouping, the
    audit, every `Formatter` method on every figure, and summaries in each of
    ``locales``, ``styles`` and ``markups`` (the text ones free of control
    characters). With ``read_back=False`` (values built in Python beyond the
    reader's budgets are written, but not read back), the files are only written.
    """
    for format in FORMATS:
        written = pm.dumps(forum, format=format)
        if read_back and pm.loads(written, format=format) != forum:
            raise Finding(f"a forum that does not round-trip through {format}")
    written = pm.dumps(forum, indent=None)
    if read_back and pm.loads(written) != forum:
        raise Finding("a forum that does not round-trip through compact JSON")
    totals = [pm.totals_by(forum, by) for by in get_args(pm.GroupBy)]
    findings = pm.audit(forum)
    for locale in locales:
        fmt = pm.Formatter(locale)
        _figures(fmt, forum, totals)
        for finding in findings:
            fmt.finding(finding, forum)
        for style in styles:
            for markup in markups:
                summary = fmt.summarize(forum, style=style, markup=markup)
                control = _CONTROL.search(summary)
                if control is not None:
                    raise Finding(f"U+{ord(control.group()):04X} in the {locale} {style} {markup} summary")


def _figures(fmt: pm.Formatter, forum: pm.Forum, totals: list[pm.Totals]) -> None:
    fmt.date(forum.date)
    fmt.names([fmt.name(person.name) for person in forum.people])
    for metric in forum.metrics:
        value = metric.quantity.value
        fmt.metric(metric)
        fmt.metric(metric, compact=False)
        fmt.quantity(metric.quantity, metric.qualifier)
        fmt.number(value)
        fmt.number(value, compact=True)
        if metric.quantity.unit.isupper():
            fmt.money(value, metric.quantity.unit)
            fmt.money(value, metric.quantity.unit, compact=True)
        if metric.period is not None:
            fmt.period(metric.period)
        fmt.text(metric.label)
    for grouped in totals:
        for group in grouped.groups:
            for total in group.totals:
                fmt.total(total)
                fmt.total(total, compact=False)
    fmt.number(Decimal(len(forum.metrics)))

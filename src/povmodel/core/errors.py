"""Exceptions and warnings raised by povmodel.

All exceptions derive from `PovmodelError`, so ``except povmodel.PovmodelError``
catches everything the library raises on purpose. Each one also derives from the
builtin exception that fits (``ValueError``, ``LookupError``, ``ImportError``), as
attrs and babel do, keeps the offending value as an attribute, and survives
``pickle`` with its attributes (for multiprocessing, Dask and Spark workers).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final

__all__ = [
    "MAX_ERRORS",
    "CatalogueError",
    "FormatError",
    "LocaleFallbackWarning",
    "MissingExtraError",
    "MissingFontError",
    "PovmodelError",
    "UnitMismatchError",
    "UnknownLocaleError",
    "ValidationError",
]

MAX_ERRORS: Final = 100
"""The most problems a `ValidationError` lists; it counts the others."""


class PovmodelError(Exception):
    """Base class of every error povmodel raises."""

    _arguments: tuple[Any, ...] = ()

    def __reduce__(self) -> tuple[type[PovmodelError], tuple[Any, ...]]:
        # Rebuild from the constructor's arguments, so that attributes survive pickling.
        return (type(self), self._arguments or self.args)


class ValidationError(PovmodelError, ValueError):
    """Input that does not describe a valid forum, or an invalid model object.

    Attributes:
        errors: ``(path, message)`` pairs, one per problem found, at most
            `MAX_ERRORS` of them. A path is a JSON path such as
            ``$.metrics[3].quantity.value``; errors raised while building a model
            object directly use paths relative to that object (``value``,
            ``metrics[3].category``).
        more: how many problems were found beyond those in ``errors``.
    """

    errors: tuple[tuple[str, str], ...]
    more: int

    def __init__(self, errors: Iterable[tuple[str, str]], more: int = 0) -> None:
        kept: list[tuple[str, str]] = []
        for error in errors:
            if len(kept) < MAX_ERRORS:
                kept.append(error)
            else:
                more += 1
        if not kept:
            raise ValueError("ValidationError needs at least one error")
        self.errors = tuple(kept)
        self.more = more
        self._arguments = (self.errors, more)
        super().__init__(self._render())

    @classmethod
    def at(cls, path: str, message: str) -> ValidationError:
        """Build an error with a single ``(path, message)`` pair."""
        return cls([(path, message)])

    def prefixed(self, prefix: str) -> ValidationError:
        """Return a copy whose paths are placed under ``prefix`` (``$.metrics[2]``)."""
        return ValidationError(((join_path(prefix, path), msg) for path, msg in self.errors), self.more)

    def _render(self) -> str:
        lines = [f"{path}: {message}" for path, message in self.errors]
        if self.more:
            lines.append(f"…and {self.more:,} more")
        return "\n".join(lines)


def join_path(prefix: str, path: str) -> str:
    """Join a JSON path prefix and a relative path: ``$.metrics[2]`` + ``value``."""
    if not path:
        return prefix
    if not prefix or path.startswith("$"):
        return path
    if path.startswith("["):
        return prefix + path
    return f"{prefix}.{path}"


class UnitMismatchError(PovmodelError, ValueError):
    """Metrics of different units or measures were added together.

    Attributes:
        expected: ``(unit, measure)`` of the first metric.
        offenders: the ids of the metrics whose unit or measure differs from the
            first metric's.
    """

    def __init__(self, expected: tuple[str, str], offenders: Sequence[tuple[str, str, str]]) -> None:
        self.expected = expected
        self.offenders = tuple(metric_id for metric_id, _, _ in offenders)
        self._arguments = (expected, tuple(offenders))
        details = ", ".join(f"{mid} ({unit}, {measure})" for mid, unit, measure in offenders)
        super().__init__(
            f"cannot add metrics of different units or measures: expected ({expected[0]}, {expected[1]}), got {details}"
        )


class FormatError(PovmodelError, ValueError):
    """A file format povmodel cannot read or write here.

    Attributes:
        format: the format or file extension asked for.
    """

    def __init__(self, format: str, detail: str) -> None:
        self.format = format
        self._arguments = (format, detail)
        super().__init__(f"cannot use file format {format!r}: {detail}")


class UnknownLocaleError(PovmodelError, ValueError):
    """A locale identifier that babel (CLDR) does not know.

    Attributes:
        locale: the value that was passed.
    """

    def __init__(self, locale: object) -> None:
        self.locale = locale
        self._arguments = (locale,)
        super().__init__(f"unknown locale: {_shorten(locale)}")


def _shorten(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


class CatalogueError(PovmodelError, LookupError):
    """A gettext catalogue that povmodel should ship is missing or unreadable.

    Attributes:
        language: the language tag whose catalogue is missing.
    """

    def __init__(self, language: str, detail: str) -> None:
        self.language = language
        self._arguments = (language, detail)
        super().__init__(f"no usable povmodel catalogue for {language!r}: {detail}")


class MissingExtraError(PovmodelError, ImportError):
    """An optional dependency is not installed.

    Attributes:
        extra: the povmodel extra that installs it (``pandas``, ``plot``, ``zh``).
        module: the module that could not be imported.
    """

    def __init__(self, extra: str, module: str) -> None:
        self.extra = extra
        self.module = module
        self._arguments = (extra, module)
        super().__init__(f"{module} is needed for this: pip install 'povmodel[{extra}]'")


class MissingFontError(PovmodelError, LookupError):
    """No installed font draws every character a chart needs.

    Attributes:
        characters: (up to 20 of) the characters that no font draws.
    """

    def __init__(self, characters: str) -> None:
        self.characters = characters
        self._arguments = (characters,)
        super().__init__(
            f"no installed font draws {characters!r}: install one, e.g. Noto CJK for Chinese "
            "(Debian: apt-get install fonts-noto-cjk; or pip install mplfonts), "
            "then clear matplotlib's font cache (~/.cache/matplotlib)"
        )


class LocaleFallbackWarning(UserWarning):
    """povmodel writes for a reader in another language or script than asked.

    Emitted when a `Formatter` is made for a locale without a catalogue (the
    text is then English, and HTML says ``lang="en"``), or for a Traditional
    Chinese reader where OpenCC is not installed (texts that exist only in
    Simplified Chinese are then shown in Simplified Chinese).

    Attributes:
        locale: the locale that was asked for.
        language: the language written instead.
    """

    def __init__(self, locale: str, language: str, detail: str) -> None:
        self.locale = locale
        self.language = language
        self._arguments = (locale, language, detail)
        super().__init__(detail)

    def __reduce__(self) -> tuple[type[LocaleFallbackWarning], tuple[Any, ...]]:
        return (type(self), self._arguments)

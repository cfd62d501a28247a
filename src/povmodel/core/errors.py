"""Exceptions raised by povmodel.

All of them derive from `PovmodelError`, so ``except povmodel.PovmodelError``
catches everything the library raises on purpose. Each one also derives from the
builtin exception that fits (``ValueError``), as attrs and babel do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = [
    "CatalogueError",
    "FormatError",
    "MissingExtraError",
    "MissingFontError",
    "PovmodelError",
    "UnitMismatchError",
    "UnknownLocaleError",
    "ValidationError",
]


class PovmodelError(Exception):
    """Base class of every error povmodel raises."""


class ValidationError(PovmodelError, ValueError):
    """Input that does not describe a valid forum, or an invalid model object.

    Attributes:
        errors: ``(path, message)`` pairs, one per problem found. A path is a JSON
            path such as ``$.metrics[3].quantity.value``; errors raised while
            building a model object directly use paths relative to that object
            (``value``, ``metrics[3].category``).
    """

    errors: tuple[tuple[str, str], ...]

    def __init__(self, errors: Iterable[tuple[str, str]]) -> None:
        self.errors = tuple(errors)
        if not self.errors:
            raise ValueError("ValidationError needs at least one error")
        super().__init__(self._render())

    @classmethod
    def at(cls, path: str, message: str) -> ValidationError:
        """Build an error with a single ``(path, message)`` pair."""
        return cls([(path, message)])

    def prefixed(self, prefix: str) -> ValidationError:
        """Return a copy whose paths are placed under ``prefix`` (``$.metrics[2]``)."""
        return ValidationError((_join(prefix, path), msg) for path, msg in self.errors)

    def _render(self) -> str:
        return "\n".join(f"{path}: {message}" for path, message in self.errors)

    def __reduce__(self) -> tuple[type[ValidationError], tuple[tuple[tuple[str, str], ...]]]:
        return (type(self), (self.errors,))


def _join(prefix: str, path: str) -> str:
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
        offenders: the ids of the metrics whose unit or measure differs from the
            first metric's.
        expected: ``(unit, measure)`` of the first metric.
    """

    def __init__(self, expected: tuple[str, str], offenders: Sequence[tuple[str, str, str]]) -> None:
        self.expected = expected
        self.offenders = tuple(metric_id for metric_id, _, _ in offenders)
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
        super().__init__(f"cannot use file format {format!r}: {detail}")


class UnknownLocaleError(PovmodelError, ValueError):
    """A locale identifier that babel (CLDR) does not know.

    Attributes:
        locale: the value that was passed.
    """

    def __init__(self, locale: object) -> None:
        self.locale = locale
        super().__init__(f"unknown locale: {locale!r}")


class CatalogueError(PovmodelError, LookupError):
    """A gettext catalogue that povmodel should ship is missing or unreadable.

    Attributes:
        language: the language tag whose catalogue is missing.
    """

    def __init__(self, language: str, detail: str) -> None:
        self.language = language
        super().__init__(f"no usable povmodel catalogue for {language!r}: {detail}")


class MissingExtraError(PovmodelError, ImportError):
    """An optional dependency is not installed.

    Attributes:
        extra: the povmodel extra that installs it (``pandas``, ``plot``).
    """

    def __init__(self, extra: str, module: str) -> None:
        self.extra = extra
        super().__init__(f"{module} is needed for this: pip install 'povmodel[{extra}]'")


class MissingFontError(PovmodelError, LookupError):
    """No installed font draws every character a chart needs.

    Attributes:
        characters: (up to 20 of) the characters that no font draws.
    """

    def __init__(self, characters: str) -> None:
        self.characters = characters
        super().__init__(
            f"no installed font draws {characters!r}: install one, e.g. Noto CJK for Chinese "
            "(Debian: apt-get install fonts-noto-cjk; or pip install mplfonts), "
            "then clear matplotlib's font cache (~/.cache/matplotlib)"
        )

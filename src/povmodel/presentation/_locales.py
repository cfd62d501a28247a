"""What a locale resolves to, once: babel's ``Locale``, the catalogue language, the content languages.

A locale means one thing in povmodel, resolved in one place: the babel ``Locale``
that formats numbers, dates and lists; the catalogue language whose words and
sentences povmodel writes; the order in which texts of the data are chosen (with
Traditional Chinese derived from Simplified through OpenCC); and whether povmodel
fell back to English. `povmodel.Formatter` is its public face.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Literal, TypeAlias, get_args

import attrs
from babel import Locale
from babel import UnknownLocaleError as _BabelUnknownLocaleError

from povmodel.core.errors import UnknownLocaleError
from povmodel.presentation import _chinese, i18n

__all__ = [
    "DateLength",
    "ListStyle",
    "LocaleLike",
    "Markup",
    "Resolved",
    "Style",
    "check_choice",
    "check_type",
    "decimal_argument",
    "resolve",
]

LocaleLike: TypeAlias = "Locale | str"
"""A ``babel.Locale``, or a locale identifier in any common spelling: ``"zh_CN"``,
``"zh-CN"``, ``"zh-Hans-CN"``, ``"zh_CN.UTF-8"``, ``"en_US.ISO8859-1"``, ``"C"``."""

Style: TypeAlias = Literal["short", "full"]
"""How much a summary says: a news lede, or a full report with sections."""

Markup: TypeAlias = Literal["text", "markdown", "html"]
"""The markup of a summary."""

DateLength: TypeAlias = Literal["full", "long", "medium", "short"]
"""CLDR's lengths of a date format."""

ListStyle: TypeAlias = Literal[
    "standard", "standard-short", "standard-narrow", "or", "or-short", "unit", "unit-short", "unit-narrow"
]
"""CLDR's styles of a list."""


@attrs.frozen
class Resolved:
    """What a locale identifier resolves to; cached per identifier."""

    locale: Locale
    language: str
    content: tuple[str, ...]
    convert_from: tuple[str, ...]
    conversion: str | None
    fallback: bool


@functools.lru_cache(maxsize=256)
def _parse(identifier: str) -> Locale:
    core = identifier.split(".", 1)[0].split("@", 1)[0]  # zh_CN.UTF-8, sr_RS@latin
    if core in ("C", "POSIX"):
        core = "en"
    separator = "-" if "-" in core else "_"
    try:
        return Locale.parse(core, sep=separator)
    except (_BabelUnknownLocaleError, ValueError, TypeError):
        raise UnknownLocaleError(identifier) from None


@functools.lru_cache(maxsize=256)
def _resolve_locale(locale: Locale) -> Resolved:
    language = locale.language
    if language == "zh":
        script = locale.script or Locale.parse(str(locale)).script or "Hans"
        script = "Hant" if script == "Hant" or (locale.territory in ("TW", "HK", "MO")) else "Hans"
        other = "Hans" if script == "Hant" else "Hant"
        content = _unique(f"zh-{script}-{locale.territory}" if locale.territory else None, f"zh-{script}")
        content += ("zh",) if script == "Hans" else ()
        return Resolved(
            locale=locale,
            language=f"zh-{script}",
            content=content,
            convert_from=(f"zh-{other}", "zh") if script == "Hant" else (f"zh-{other}",),
            conversion=_chinese.converter_for(script, locale.territory),
            fallback=False,
        )
    territory = locale.territory
    written = locale.script
    content = _unique(
        f"{language}-{written}-{territory}" if written and territory else None,
        f"{language}-{written}" if written else None,
        f"{language}-{territory}" if territory else None,
        language,
    )
    catalogued = language in i18n.LANGUAGES
    return Resolved(
        locale=locale,
        language=language if catalogued else "en",
        content=content,
        convert_from=(),
        conversion=None,
        fallback=not catalogued,
    )


def _unique(*tags: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def check_choice(name: str, value: object, alias: object) -> None:
    choices = get_args(alias)
    if value not in choices:
        shown = repr(value)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        raise ValueError(f"{name} must be one of {', '.join(map(repr, choices))}, not {shown}")


def check_type(name: str, value: object, *kinds: type) -> None:
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        expected = " or ".join(kind.__name__ for kind in kinds)
        raise TypeError(f"{name} must be {expected}, not {type(value).__name__}")


def resolve(locale: object) -> Resolved:
    """Resolve a ``babel.Locale`` or a locale identifier in any common spelling (cached)."""
    if isinstance(locale, Locale):
        return _resolve_locale(locale)
    if isinstance(locale, str):
        if not locale or len(locale) > 64:
            raise UnknownLocaleError(locale)
        return _resolve_locale(_parse(locale))
    raise TypeError(f"locale must be a str or a babel.Locale, not {type(locale).__name__}")


def decimal_argument(name: str, value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise TypeError(f"{name} must be a Decimal or an int, not {type(value).__name__}")
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"{name} must be a finite number, not {number}")
    return number

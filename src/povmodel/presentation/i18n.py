"""Locales and gettext catalogues: parsed once, cached, never global.

povmodel's own words (qualifiers, counted nouns, sentence templates) live in
gettext catalogues of the domain ``povmodel``, one per supported language. Any
other locale that CLDR knows formats numbers and dates natively and falls back to
the English catalogue for words.

Nothing here touches process-wide state: no ``gettext.install``, no
``locale.setlocale``. ``Locale`` objects and catalogues are cached and shared
between threads.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Final, TypeAlias

from babel import Locale
from babel import UnknownLocaleError as _BabelUnknownLocaleError
from babel.support import Translations

from povmodel.core.errors import CatalogueError, UnknownLocaleError

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "CatalogueError",
    "LocaleLike",
    "catalogue_language",
    "get_locale",
    "get_translations",
]

DOMAIN: Final = "povmodel"
"""The gettext domain of povmodel's catalogues."""

LANGUAGES: Final = ("en", "zh-Hans", "zh-Hant", "fr", "es", "ru", "ar")
"""The languages povmodel has catalogues for, as BCP 47 tags."""

LocaleLike: TypeAlias = "Locale | str"
"""A ``babel.Locale`` or an identifier: ``"zh_CN"``, ``"zh-CN"``, ``"zh-Hans-CN"``, ``"en"``."""

_TRADITIONAL: Final = frozenset({"TW", "HK", "MO"})


@functools.lru_cache(maxsize=256)
def _parse(identifier: str) -> Locale:
    separator = "-" if "-" in identifier else "_"
    try:
        return Locale.parse(identifier, sep=separator)
    except (_BabelUnknownLocaleError, ValueError, TypeError):
        raise UnknownLocaleError(identifier) from None


def get_locale(locale: LocaleLike) -> Locale:
    """Return the ``babel.Locale`` for ``locale``, parsed once and cached.

    Args:
        locale: a ``babel.Locale`` (returned as is) or an identifier with ``_`` or
            ``-`` separators.

    Raises:
        UnknownLocaleError: CLDR does not know the locale; ``.locale`` holds the
            value passed.

    Examples:
        >>> get_locale("zh-Hans-CN") == get_locale("zh_CN")
        True
        >>> get_locale("xx")
        Traceback (most recent call last):
          ...
        povmodel.core.errors.UnknownLocaleError: unknown locale: 'xx'
    """
    value: object = locale  # callers may pass anything: check at run time
    if isinstance(value, Locale):
        return value
    if not isinstance(value, str) or not value:
        raise UnknownLocaleError(value)
    return _parse(value)


def catalogue_language(locale: LocaleLike) -> str:
    """The language whose catalogue serves ``locale``: one of `LANGUAGES`.

    Chinese goes to ``zh-Hant`` for the Hant script or for Taiwan, Hong Kong and
    Macao, otherwise to ``zh-Hans``; a language without a catalogue goes to ``en``.

    Examples:
        >>> catalogue_language("zh_TW"), catalogue_language("zh-Hans-HK"), catalogue_language("fr_CA")
        ('zh-Hant', 'zh-Hans', 'fr')
        >>> catalogue_language("de")
        'en'
    """
    parsed = get_locale(locale)
    if parsed.language == "zh":
        if parsed.script == "Hant" or (parsed.script is None and parsed.territory in _TRADITIONAL):
            return "zh-Hant"
        return "zh-Hans"
    return parsed.language if parsed.language in LANGUAGES else "en"


@functools.cache
def _load(language: str) -> Translations:
    folder = language.replace("-", "_")
    path = resources.files("povmodel") / "locales" / folder / "LC_MESSAGES" / f"{DOMAIN}.mo"
    try:
        with path.open("rb") as file:
            return Translations(fp=file, domain=DOMAIN)
    except FileNotFoundError:
        raise CatalogueError(language, f"{folder}/LC_MESSAGES/{DOMAIN}.mo is not in the package") from None
    except OSError as exc:  # a corrupt .mo file
        raise CatalogueError(language, str(exc)) from None


def get_translations(locale: LocaleLike) -> Translations:
    """The gettext catalogue that serves ``locale`` (cached).

    Raises:
        UnknownLocaleError: the locale is unknown to CLDR.
        CatalogueError: the catalogue of a supported language is missing: povmodel
            never falls back to English for a language it claims to support.
    """
    return _load(catalogue_language(locale))

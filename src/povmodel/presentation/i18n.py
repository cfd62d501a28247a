"""povmodel's gettext catalogues: loaded once, cached, never global.

povmodel's own words (qualifiers, counted nouns, sentences) live in gettext
catalogues of the domain ``povmodel``, one per language of `LANGUAGES`. Which
catalogue serves a reader is the `povmodel.Formatter`'s to decide.

Nothing here touches process-wide state: no ``gettext.install``, no
``locale.setlocale``. Catalogues are cached and shared between threads.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Final

from babel.support import Translations

from povmodel.core.errors import CatalogueError

__all__ = ["DOMAIN", "LANGUAGES", "translations"]

DOMAIN: Final = "povmodel"
"""The gettext domain of povmodel's catalogues."""

LANGUAGES: Final = ("en", "zh-Hans", "zh-Hant", "fr", "es", "ru", "ar")
"""The languages povmodel has catalogues for, as BCP 47 tags."""


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


def translations(language: str) -> Translations:
    """The gettext catalogue of ``language``, one of `LANGUAGES` (loaded once, cached).

    Raises:
        CatalogueError: the catalogue is missing or unreadable: povmodel never
            falls back to English for a language it claims to support.
    """
    return _load(language)

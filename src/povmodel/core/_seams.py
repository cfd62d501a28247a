"""Where the core calls up into the presentation layer without importing it.

A model object shows itself in Jupyter (``_repr_html_``) and a `LocalizedText`
picks the text for a locale (``for_locale``); both need the presentation layer,
which the core must not import. The core calls the functions here instead, and
the package's root module (``povmodel/__init__.py``), which stands above every
layer, plugs the presentation layer's functions in when povmodel is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

__all__ = ["display", "plug", "text_for_locale"]

Markup = Literal["html", "markdown"]


def _unplugged(*args: object) -> str:
    raise RuntimeError("povmodel's presentation layer is not plugged in: import povmodel")


text_for_locale: Callable[[Any, object], str] = _unplugged
"""``(text, locale) -> str``: the text a reader in that locale reads."""

display: Callable[[object, Markup], str] = _unplugged
"""``(model object, markup) -> str``: a rich display of the object in Jupyter."""


def plug(
    text: Callable[[Any, object], str],
    show: Callable[[object, Markup], str],
) -> None:
    """Plug the presentation layer's functions in (called once, by ``povmodel/__init__.py``)."""
    global text_for_locale, display
    text_for_locale, display = text, show

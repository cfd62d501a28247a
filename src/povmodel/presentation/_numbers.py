"""Numbers and figures as reports write them, for one locale: the formatting primitives.

babel (CLDR) supplies digits, grouping, scale words (万, 亿, billion, milliards),
currency names, dates and lists for hundreds of locales. povmodel adds what CLDR
lacks: qualifier words ("more than", 多, 近), counted nouns with their plural
forms and Chinese classifiers (所, 家, 个), and the way reports state money
(``26.58亿元``, ``2.658 billion yuan``). Those words live in gettext catalogues.

Compact forms never silently change a figure: up to three fraction digits are
kept, so that ``27.97万`` stays ``27.97万`` (babel's default would say ``28万``); a
figure that still cannot be shown exactly is rounded and its qualifier becomes
"about". Every computation runs in povmodel's own decimal context, whatever the
caller's is. `povmodel.Formatter` is the public face of all this.
"""

from __future__ import annotations

import decimal
import functools
from decimal import Decimal
from typing import Final, Literal

from babel import Locale
from babel.numbers import format_compact_decimal, format_decimal, format_scientific, get_currency_name
from babel.support import Translations

from povmodel.core.quantity import Qualifier
from povmodel.presentation._cache import BoundedCache

__all__ = ["CONTEXT", "PERIODS", "figure", "is_hostile", "number"]

# -- message markers ---------------------------------------------------------------
# These only mark strings for babel's extractor (see babel.cfg); the lookups happen
# at run time in the reader's catalogue.


def _m(message: str) -> str:
    return message


def _mp(context: str, message: str) -> tuple[str, str]:
    return context, message


def _mn(singular: str, plural: str) -> tuple[str, str]:
    return singular, plural


def _mnp(context: str, singular: str, plural: str) -> tuple[str, str, str]:
    return context, singular, plural


_QUALIFIERS: Final[dict[Qualifier, str | None]] = {
    Qualifier.EXACT: None,
    Qualifier.MORE_THAN: _m("more than %(number)s"),
    Qualifier.AT_LEAST: _m("at least %(number)s"),
    Qualifier.NEARLY: _m("nearly %(number)s"),
    Qualifier.ABOUT: _m("about %(number)s"),
}

# A counted noun has two messages: after a plain number ("2,700 schools") and after
# a scale word ("2.658 billion yuan"; French and Spanish then need "de", Russian and
# Arabic another case). Chinese messages carry the classifier (所, 家, 个).
_COUNTED: Final[dict[str, tuple[tuple[str, str], tuple[str, str, str]]]] = {
    "CNY": (
        _mn("%(number)s yuan", "%(number)s yuan"),
        _mnp("after a scale word", "%(number)s yuan", "%(number)s yuan"),
    ),
    "person": (
        _mn("%(number)s person", "%(number)s people"),
        _mnp("after a scale word", "%(number)s person", "%(number)s people"),
    ),
    "county": (
        _mn("%(number)s county", "%(number)s counties"),
        _mnp("after a scale word", "%(number)s county", "%(number)s counties"),
    ),
    "village": (
        _mn("%(number)s village", "%(number)s villages"),
        _mnp("after a scale word", "%(number)s village", "%(number)s villages"),
    ),
    "project": (
        _mn("%(number)s project", "%(number)s projects"),
        _mnp("after a scale word", "%(number)s project", "%(number)s projects"),
    ),
    "enterprise": (
        _mn("%(number)s enterprise", "%(number)s enterprises"),
        _mnp("after a scale word", "%(number)s enterprise", "%(number)s enterprises"),
    ),
    "school": (
        _mn("%(number)s school", "%(number)s schools"),
        _mnp("after a scale word", "%(number)s school", "%(number)s schools"),
    ),
    "hospital": (
        _mn("%(number)s hospital", "%(number)s hospitals"),
        _mnp("after a scale word", "%(number)s hospital", "%(number)s hospitals"),
    ),
}
_CURRENCY: Final = (
    _m("%(number)s %(currency)s"),
    _mp("after a scale word", "%(number)s %(currency)s"),
)
_OTHER_UNIT: Final = _m("%(number)s %(unit)s")

PERIODS: Final = {
    "since": _m("since %(year)s"),
    "until": _m("until %(year)s"),
    "in": _m("in %(year)s"),
    "range": _m("from %(start)s to %(end)s"),
}
"""The sentences of a period: from a year on, up to a year, one year, from one year to another."""

# Figures beyond these sizes are shown in scientific notation, so that a hostile
# value (1E+999999, a 10,000-digit fraction) cannot produce an enormous string.
_MAX_DIGITS: Final = 40
_MAX_EXPONENT: Final = 24
_MIN_EXPONENT: Final = -12
_COMPACT_DIGITS: Final = 3
_SCIENTIFIC_DIGITS: Final = 15
_ALL_DIGITS: Final = _MAX_DIGITS - _MIN_EXPONENT + 1  # enough for any non-hostile value, scaled
CONTEXT: Final = decimal.Context(prec=1000, rounding=decimal.ROUND_HALF_EVEN)
"""The decimal context povmodel formats in: enough digits for every figure it shows in full."""
_WESTERN_COMPACT_FROM: Final = Decimal(10**6)


# -- numbers -----------------------------------------------------------------------


@functools.lru_cache(maxsize=256)
def _counts_in_myriads(locale: Locale) -> bool:
    """True for locales whose scale words go by 10,000 (万, 億, 만)."""
    patterns = locale.compact_decimal_formats["short"]["other"]
    return bool(patterns["1000"].pattern.strip() == "0" and patterns["10000"].pattern.strip() != "0")


def is_hostile(value: Decimal) -> bool:
    """True for a value too long or too large to show in full: it is shown in scientific notation."""
    if value.is_zero():
        return False
    return (
        len(value.as_tuple().digits) > _MAX_DIGITS
        or value.adjusted() > _MAX_EXPONENT
        or value.adjusted() < _MIN_EXPONENT
    )


def _scientific(value: Decimal, locale: Locale) -> tuple[str, bool]:
    """Scientific notation with up to 15 significant digits: ``(text, exact)``."""
    digits = len(value.normalize().as_tuple().digits)
    shown = min(digits, _SCIENTIFIC_DIGITS)
    pattern = "0." + "#" * (shown - 1) + "E0" if shown > 1 else "0E0"
    return format_scientific(value, pattern, locale=locale), digits <= _SCIENTIFIC_DIGITS


def number(value: Decimal, locale: Locale, compact: bool) -> tuple[str, bool, bool]:
    """Format ``value``: ``(text, after_scale_word, exact)``, in povmodel's decimal context."""
    if value.is_zero():
        value = abs(value)  # never "-0"
    # babel rounds in the current (thread-local) decimal context: give it room for every
    # digit, whatever context the caller set.
    with decimal.localcontext(CONTEXT):
        if is_hostile(value):
            text, exact = _scientific(value, locale)
            return text, False, exact
        myriads = _counts_in_myriads(locale)
        if not compact or (not myriads and value < _WESTERN_COMPACT_FROM):
            return format_decimal(value, locale=locale, decimal_quantization=False), False, True
        style: Literal["short", "long"] = "short" if myriads else "long"
        # babel drops trailing zeros, so the text equals the one with every digit
        # exactly when three fraction digits suffice.
        text = format_compact_decimal(value, format_type=style, locale=locale, fraction_digits=_COMPACT_DIGITS)
        full = format_compact_decimal(value, format_type=style, locale=locale, fraction_digits=_ALL_DIGITS)
        return text, any(char.isalpha() for char in text), text == full


def _plural_n(value: Decimal) -> int:
    # gettext plural rules take integers; a fraction takes its integer part.
    return int(value) if value < 10**18 else 10**18


def _counted(translations: Translations, unit: str, text: str, value: Decimal, scaled: bool, locale: Locale) -> str:
    n = _plural_n(value)
    if unit in _COUNTED:
        plain, after_scale = _COUNTED[unit]
        counted = translations.npgettext(*after_scale, n) if scaled else translations.ngettext(*plain, n)
        return counted % {"number": text}
    if len(unit) == 3 and unit.isupper():
        name = get_currency_name(unit, count=n, locale=locale)
        # babel types pgettext as returning ``str | object``; it returns the str.
        money = str(translations.pgettext(*_CURRENCY[1])) if scaled else translations.gettext(_CURRENCY[0])
        return money % {"number": text, "currency": name}
    return translations.gettext(_OTHER_UNIT) % {"number": text, "unit": unit.replace("-", " ")}


def _qualified(translations: Translations, qualifier: Qualifier, text: str) -> str:
    template = _QUALIFIERS[qualifier]
    return text if template is None else translations.gettext(template) % {"number": text}


_Key = tuple[str, str, Qualifier, Locale, str, bool]


def _figure(key: _Key) -> str:
    value_text, unit, qualifier, locale, language, compact = key
    value = Decimal(value_text)
    translations = _translations(language)
    text, scaled, exact = number(value, locale, compact)
    if not exact:
        qualifier = Qualifier.ABOUT
    return _counted(translations, unit, _qualified(translations, qualifier, text), value, scaled, locale)


# A pure function of its arguments, so results are shared by every caller and thread;
# keyed by the value's text (Decimal("1.0") == Decimal("1.00"), but they print differently).
_FIGURES: Final = BoundedCache(_figure, max_bytes=2 * 1024 * 1024)


def figure(value: Decimal, unit: str, qualifier: Qualifier, locale: Locale, language: str, compact: bool) -> str:
    """A figure as a report states it: qualifier, number and counted noun, in ``language``'s words."""
    return _FIGURES((str(value), unit, qualifier, locale, language, compact))


def _translations(language: str) -> Translations:
    from povmodel.presentation.i18n import translations

    return translations(language)

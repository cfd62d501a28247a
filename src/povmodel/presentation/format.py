"""Figures, dates, periods and lists, formatted for a reader's locale with babel.

babel (CLDR) supplies digits, grouping, scale words (万, 亿, billion, milliards),
currency names, dates and lists for hundreds of locales. povmodel adds what CLDR
lacks: qualifier words ("more than", 多, 近), counted nouns with their plural
forms and Chinese classifiers (所, 家, 个), and the way reports state money
(``26.58亿元``, ``2.658 billion yuan``). Those words live in gettext catalogues.

Compact forms never silently change a figure: povmodel keeps up to three
fraction digits so that ``27.97万`` stays ``27.97万`` (babel's default would say
``28万``); a figure that still cannot be shown exactly is rounded and its
qualifier becomes "about".
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
from collections.abc import Iterable
from decimal import Decimal
from typing import Final, Literal

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.lists import format_list
from babel.numbers import (
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_scientific,
    get_currency_name,
)
from babel.support import Translations

from povmodel.core.model import Metric, Period
from povmodel.core.quantity import Qualifier, Quantity
from povmodel.core.totals import Total
from povmodel.presentation.i18n import LocaleLike, get_locale, get_translations

__all__ = [
    "format_date",
    "format_metric",
    "format_money",
    "format_names",
    "format_number",
    "format_period",
    "format_quantity",
    "format_total",
]


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

_PERIOD_SINCE: Final = _m("since %(year)s")
_PERIOD_UNTIL: Final = _m("until %(year)s")
_PERIOD_IN: Final = _m("in %(year)s")
_PERIOD_RANGE: Final = _m("from %(start)s to %(end)s")

# Figures beyond these sizes are shown in scientific notation, so that a hostile
# value (1E+999999, a 10,000-digit fraction) cannot produce an enormous string.
_MAX_DIGITS: Final = 40
_MAX_EXPONENT: Final = 24
_MIN_EXPONENT: Final = -12
_COMPACT_DIGITS: Final = 3
_SCIENTIFIC_DIGITS: Final = 15
_ALL_DIGITS: Final = _MAX_DIGITS - _MIN_EXPONENT + 1  # enough for any non-hostile value, scaled
_ROOMY: Final = decimal.Context(prec=4 * _MAX_DIGITS)
_WESTERN_COMPACT_FROM: Final = Decimal(10**6)


# -- numbers -----------------------------------------------------------------------


@functools.lru_cache(maxsize=256)
def _counts_in_myriads(locale: Locale) -> bool:
    """True for locales whose scale words go by 10,000 (万, 億, 만)."""
    patterns = locale.compact_decimal_formats["short"]["other"]
    return bool(patterns["1000"].pattern.strip() == "0" and patterns["10000"].pattern.strip() != "0")


def _is_hostile(value: Decimal) -> bool:
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
    with decimal.localcontext(_ROOMY):
        return format_scientific(value, pattern, locale=locale), digits <= _SCIENTIFIC_DIGITS


def _number(value: Decimal, locale: Locale, compact: bool) -> tuple[str, bool, bool]:
    """Format ``value``: ``(text, after_scale_word, exact)``."""
    if _is_hostile(value):
        text, exact = _scientific(value, locale)
        return text, False, exact
    myriads = _counts_in_myriads(locale)
    if not compact or (not myriads and value < _WESTERN_COMPACT_FROM):
        return format_decimal(value, locale=locale, decimal_quantization=False), False, True
    style: Literal["short", "long"] = "short" if myriads else "long"
    # babel drops trailing zeros, so the text equals the one with every digit
    # exactly when three fraction digits suffice. babel rounds in the current
    # (thread-local) decimal context: give it room for every digit.
    with decimal.localcontext(_ROOMY):
        text = format_compact_decimal(value, format_type=style, locale=locale, fraction_digits=_COMPACT_DIGITS)
        full = format_compact_decimal(value, format_type=style, locale=locale, fraction_digits=_ALL_DIGITS)
    return text, any(char.isalpha() for char in text), text == full


def format_number(value: Decimal | int, *, locale: LocaleLike, compact: bool = False) -> str:
    """Format a number, keeping every digit unless ``compact`` asks for scale words.

    Args:
        value: the number.
        locale: the reader's locale.
        compact: use scale words (万, 亿, billion) where the locale's reports do:
            from 10,000 in Chinese and Japanese, from a million elsewhere.

    Examples:
        >>> format_number(Decimal("2658000000.5"), locale="en")
        '2,658,000,000.5'
        >>> format_number(Decimal("279700"), locale="zh_CN", compact=True)
        '27.97万'
    """
    text, _, _ = _number(Decimal(value), get_locale(locale), compact)
    return text


# -- figures -----------------------------------------------------------------------


def _plural_n(value: Decimal) -> int:
    # gettext plural rules take integers; a fraction takes its integer part.
    return int(value) if value < 10**18 else 10**18


def _counted(translations: Translations, unit: str, number: str, value: Decimal, scaled: bool, locale: Locale) -> str:
    n = _plural_n(value)
    if unit in _COUNTED:
        plain, after_scale = _COUNTED[unit]
        counted = translations.npgettext(*after_scale, n) if scaled else translations.ngettext(*plain, n)
        return counted % {"number": number}
    if len(unit) == 3 and unit.isupper():
        name = get_currency_name(unit, count=n, locale=locale)
        # babel types pgettext as returning ``str | object``; it returns the str.
        money = str(translations.pgettext(*_CURRENCY[1])) if scaled else translations.gettext(_CURRENCY[0])
        return money % {"number": number, "currency": name}
    return translations.gettext(_OTHER_UNIT) % {"number": number, "unit": unit.replace("-", " ")}


def _qualified(translations: Translations, qualifier: Qualifier, number: str) -> str:
    template = _QUALIFIERS[qualifier]
    return number if template is None else translations.gettext(template) % {"number": number}


def _figure(value: Decimal, unit: str, qualifier: Qualifier, locale: LocaleLike, compact: bool) -> str:
    parsed = get_locale(locale)
    # Keyed by the value's text: Decimal("1.0") == Decimal("1.00"), but they print differently.
    return _cached_figure(str(value), unit, qualifier, parsed, compact)


@functools.lru_cache(maxsize=4096)
def _cached_figure(value_text: str, unit: str, qualifier: Qualifier, locale: Locale, compact: bool) -> str:
    # A pure function of its arguments, so results are shared by every caller and thread.
    value = Decimal(value_text)
    translations = get_translations(locale)
    number, scaled, exact = _number(value, locale, compact)
    if not exact:
        qualifier = Qualifier.ABOUT
    return _counted(translations, unit, _qualified(translations, qualifier, number), value, scaled, locale)


def format_money(amount: Decimal | int, currency: str = "CNY", *, locale: LocaleLike, compact: bool = False) -> str:
    """Format an amount of money.

    Args:
        amount: the amount, in whole units of ``currency``.
        currency: an ISO 4217 code.
        locale: the reader's locale.
        compact: state it as reports do, with scale words and the currency's
            name: ``2.658 billion yuan``, ``26.58亿元``. Otherwise babel's
            standard currency format, with every digit.

    Examples:
        >>> format_money(Decimal("2658000000"), locale="en")
        'CN¥2,658,000,000.00'
        >>> format_money(Decimal("2658000000"), locale="en", compact=True)
        '2.658 billion yuan'
        >>> format_money(Decimal("2658000000"), locale="zh_CN", compact=True)
        '26.58亿元'
    """
    value = Decimal(amount)
    if compact or _is_hostile(value):
        return _figure(value, currency, Qualifier.EXACT, locale, compact=True)
    return format_currency(value, currency, locale=get_locale(locale), decimal_quantization=False)


def format_quantity(
    quantity: Quantity, qualifier: Qualifier = Qualifier.EXACT, *, locale: LocaleLike, compact: bool = True
) -> str:
    """Format a quantity with its qualifier and counted noun, as a report would.

    Args:
        quantity: value and unit.
        qualifier: how the figure is stated.
        locale: the reader's locale.
        compact: use scale words (万, 亿, billion) where reports do; a compact
            form that cannot be exact with three fraction digits is rounded and
            its qualifier becomes "about".

    Examples:
        >>> nearly = Qualifier.NEARLY
        >>> format_quantity(Quantity(value=Decimal(10**11), unit="CNY"), nearly, locale="en")
        'nearly 100 billion yuan'
        >>> format_quantity(Quantity(value=Decimal(10**11), unit="CNY"), nearly, locale="zh_CN")
        '近1000亿元'
        >>> format_quantity(Quantity(value=Decimal(2700), unit="school"), Qualifier.MORE_THAN, locale="zh_CN")
        '2700多所学校'
        >>> format_quantity(Quantity(value=Decimal(221), unit="county"), locale="en")
        '221 counties'
    """
    return _figure(quantity.value, quantity.unit, qualifier, locale, compact)


def format_metric(metric: Metric, *, locale: LocaleLike, compact: bool = True) -> str:
    """Format a metric's figure: its quantity with its qualifier.

    Examples:
        >>> from povmodel import load_forum
        >>> format_metric(load_forum().metric("housing-funds"), locale="fr")
        'plus de 600 millions de yuans'
    """
    return format_quantity(metric.quantity, metric.qualifier, locale=locale, compact=compact)


def format_total(total: Total, *, locale: LocaleLike, compact: bool = True) -> str:
    """Format a total with the qualifier derived from its parts.

    Examples:
        >>> import povmodel as pm
        >>> forum = pm.load_forum()
        >>> total = pm.totals_by(forum)["livelihood"].total("CNY", "funds-invested")
        >>> format_total(total, locale="en"), format_total(total, locale="zh_TW")
        ('more than 4.578 billion yuan', '45.78億多元')
    """
    return _figure(total.value, total.unit, total.qualifier, locale, compact)


# -- dates, periods, names -----------------------------------------------------------


def format_date(
    date: dt.date, *, locale: LocaleLike, format: Literal["full", "long", "medium", "short"] = "long"
) -> str:
    """Format a date with CLDR's pattern for the locale.

    Examples:
        >>> import datetime
        >>> day = datetime.date(2020, 10, 16)
        >>> format_date(day, locale="zh_CN"), format_date(day, locale="en")
        ('2020年10月16日', 'October 16, 2020')
    """
    return _babel_format_date(date, format=format, locale=get_locale(locale))


def format_period(period: Period, *, locale: LocaleLike) -> str:
    """Format the years a figure covers: "since 2016", "2016年以来".

    Examples:
        >>> format_period(Period(start_year=2016), locale="en"), format_period(Period(start_year=2016), locale="zh_CN")
        ('since 2016', '2016年以来')
    """
    translations = get_translations(locale)
    start, end = period.start_year, period.end_year
    if end is None:
        return translations.gettext(_PERIOD_SINCE) % {"year": start}
    if start is None:
        return translations.gettext(_PERIOD_UNTIL) % {"year": end}
    if start == end:
        return translations.gettext(_PERIOD_IN) % {"year": start}
    return translations.gettext(_PERIOD_RANGE) % {"start": start, "end": end}


def format_names(
    names: Iterable[str],
    *,
    locale: LocaleLike,
    style: Literal["standard", "standard-short", "or", "or-short", "unit", "unit-short", "unit-narrow"] = "standard",
) -> str:
    """Join names as a list in the locale's way.

    Examples:
        >>> format_names(["Sinopec", "China Mobile", "State Grid"], locale="en")
        'Sinopec, China Mobile, and State Grid'
        >>> format_names(["中国石化", "中国移动"], locale="zh_CN")
        '中国石化和中国移动'
    """
    return format_list(list(names), style=style, locale=get_locale(locale))

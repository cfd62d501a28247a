"""Free functions that format one thing for one locale: thin wrappers over `Formatter`.

``format_money(amount, locale="fr")`` is ``Formatter("fr").money(amount)``; build
a `Formatter` once where many things are formatted for one reader.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from povmodel.core.model import Metric, Period
from povmodel.core.quantity import Qualifier, Quantity
from povmodel.core.totals import Total
from povmodel.presentation.formatter import DateLength, Formatter, ListStyle, LocaleLike, Markup, Style

if TYPE_CHECKING:
    from povmodel.core.model import Forum

__all__ = [
    "format_date",
    "format_metric",
    "format_money",
    "format_names",
    "format_number",
    "format_period",
    "format_quantity",
    "format_total",
    "summarize",
]


def format_number(value: Decimal | int, *, locale: LocaleLike, compact: bool = False) -> str:
    """A number for ``locale``: `Formatter.number`.

    Examples:
        >>> format_number(Decimal("279700"), locale="zh_CN", compact=True)
        '27.97万'
    """
    return Formatter(locale).number(value, compact=compact)


def format_money(amount: Decimal | int, currency: str = "CNY", *, locale: LocaleLike, compact: bool = False) -> str:
    """An amount of money for ``locale``: `Formatter.money`.

    Examples:
        >>> format_money(Decimal("2658000000"), locale="en", compact=True)
        '2.658 billion yuan'
    """
    return Formatter(locale).money(amount, currency, compact=compact)


def format_quantity(
    quantity: Quantity, qualifier: Qualifier = Qualifier.EXACT, *, locale: LocaleLike, compact: bool = True
) -> str:
    """A quantity with its qualifier for ``locale``: `Formatter.quantity`.

    Examples:
        >>> format_quantity(Quantity(value=Decimal(221), unit="county"), locale="en")
        '221 counties'
    """
    return Formatter(locale).quantity(quantity, qualifier, compact=compact)


def format_metric(metric: Metric, *, locale: LocaleLike, compact: bool = True) -> str:
    """A metric's figure for ``locale``: `Formatter.metric`."""
    return Formatter(locale).metric(metric, compact=compact)


def format_total(total: Total, *, locale: LocaleLike, compact: bool = True) -> str:
    """A total's figure for ``locale``: `Formatter.total`."""
    return Formatter(locale).total(total, compact=compact)


def format_date(
    date: dt.date, *, locale: LocaleLike, length: DateLength = "long", format: DateLength | None = None
) -> str:
    """A date for ``locale``: `Formatter.date`; ``format=`` is the deprecated name of ``length=``.

    Examples:
        >>> format_date(dt.date(2020, 10, 16), locale="zh_CN")
        '2020年10月16日'
    """
    if format is not None:
        warnings.warn("format= is deprecated: use length=", DeprecationWarning, stacklevel=2)
        length = format
    return Formatter(locale).date(date, length=length)


def format_period(period: Period, *, locale: LocaleLike) -> str:
    """The years a figure covers, for ``locale``: `Formatter.period`."""
    return Formatter(locale).period(period)


def format_names(
    names: Iterable[str], *, locale: LocaleLike, list_style: ListStyle = "standard", style: ListStyle | None = None
) -> str:
    """Names joined as a list for ``locale``: `Formatter.names`; ``style=`` is the deprecated name of ``list_style=``.

    Examples:
        >>> format_names(["Sinopec", "China Mobile", "State Grid"], locale="en")
        'Sinopec, China Mobile, and State Grid'
    """
    if style is not None:
        warnings.warn("style= is deprecated: use list_style=", DeprecationWarning, stacklevel=2)
        list_style = style
    return Formatter(locale).names(names, list_style=list_style)


def summarize(
    forum: Forum,
    *,
    locale: LocaleLike = "en",
    style: Style = "short",
    markup: Markup = "text",
    fmt: Markup | None = None,
) -> str:
    """Summarise a forum in the reader's language: `Formatter.summarize`.

    Args:
        forum: any forum.
        locale: the reader's locale (``"zh_CN"``, ``"ar"``, a ``babel.Locale``).
            Languages without a catalogue get English, with a
            `povmodel.LocaleFallbackWarning`.
        style: ``"short"`` or ``"full"``.
        markup: ``"text"``, ``"markdown"`` or ``"html"``.
        fmt: the old name of ``markup``; deprecated.

    Raises:
        UnknownLocaleError: the locale is unknown.
        ValueError: ``style`` or ``markup`` is not one of the above.

    Examples:
        >>> from povmodel import load_forum
        >>> print(summarize(load_forum(), locale="zh_CN").split("。")[0])
        10月16日，中央企业扶贫论坛在北京举行
    """
    formatter = Formatter(locale)
    if fmt is not None:
        warnings.warn("fmt= is deprecated: use markup=", DeprecationWarning, stacklevel=2)
        markup = fmt
    return formatter.summarize(forum, style=style, markup=markup)

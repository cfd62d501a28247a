"""What extraction finds: a `Figure` of the text, and its `FigureRole`."""

from __future__ import annotations

import enum
from decimal import Decimal

import attrs

from povmodel.core.model import Period
from povmodel.core.quantity import Qualifier, Quantity

__all__ = ["Figure", "FigureRole", "Raw"]


class FigureRole(enum.Enum):
    """What a figure does in its sentence.

    ``MAIN`` figures are what a report states; the others restate or qualify one:
    a ``CONVERSION`` into another currency ("(about $457.14 million)"), a
    ``DIFFERENCE`` from another figure ("692 million yuan more than last year",
    "同比增长12%"), a ``SHARE`` of another figure ("219, or around 90 percent of
    the 246 counties", "约占42%").
    """

    MAIN = "main"
    CONVERSION = "conversion"
    DIFFERENCE = "difference"
    SHARE = "share"


@attrs.frozen(kw_only=True, repr=False)
class Figure:
    """A figure of a report: a quantity with its qualifier, period, noun and sentence.

    Attributes:
        quantity: value and unit: an ISO 4217 code for money (``"CNY"``),
            ``"percent"``, or the counted noun's unit (``"county"``, ``"person"``;
            ``"item"`` when the text does not say what is counted).
        qualifier: how the text states it ("more than", "近", "余").
        period: the years it covers, when the text states them.
        period_text: the wording of the period ("since 2016", "每年"), also when
            it names no years (annual figures, "last year" with no known year).
        quote: the whole sentence it stands in, verbatim.
        span: ``(start, end)`` of the figure in the text, from its qualifier to
            its unit ("more than 1,400", "近18万人").
        text: the figure as written, ``text[start:end]``.
        noun: what is counted or measured, as the text words it
            ("poverty alleviation cadres", "扶贫干部"), or ``None``.
        role: main figure, or conversion, difference or share.
        language: the language it was read as, ``"en"`` or ``"zh"``.
    """

    quantity: Quantity
    qualifier: Qualifier
    period: Period | None
    period_text: str | None
    quote: str
    span: tuple[int, int]
    text: str
    noun: str | None
    role: FigureRole
    language: str

    @property
    def is_money(self) -> bool:
        """True when the figure is a sum of money."""
        return self.quantity.is_money

    def __repr__(self) -> str:
        return (
            f"Figure(text={self.text!r}, value={self.quantity.value!r}, unit={self.quantity.unit!r}, "
            f"qualifier={self.qualifier.value!r}, role={self.role.value!r}, noun={self.noun!r})"
        )


@attrs.define(kw_only=True)
class Raw:
    """A figure as a language's rules read it, before periods and sentences are attached.

    Attributes:
        start: where the figure starts (its qualifier, or its currency sign).
        end: where it ends (its unit or classifier).
        value: its value.
        unit: its unit, or ``None`` for a count whose noun the text leaves out.
        qualifier: how the text states it.
        noun: what is counted or measured.
        role: main, or what it restates.
    """

    start: int
    end: int
    value: Decimal
    unit: str | None
    qualifier: Qualifier = Qualifier.EXACT
    noun: str | None = None
    role: FigureRole = FigureRole.MAIN

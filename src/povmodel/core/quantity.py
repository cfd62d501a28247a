"""Quantities, units and the qualifiers that reports attach to figures."""

from __future__ import annotations

import decimal
import enum
import functools
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Final

import attrs

from povmodel.core import limits
from povmodel.core._validators import decimal_problem, meta, remembering, rule, show

__all__ = ["EXACT", "Bounds", "Qualifier", "Quantity", "currencies", "is_currency", "is_unit", "unit_problem"]

_COUNTED_NOUN = re.compile(r"[a-z]+(-[a-z]+)*")
_CURRENCY_CODE = re.compile(r"[A-Z]{3}")


def _exact_context() -> decimal.Context:
    # Enough digits for any sum of finite decimals, and an error rather than a
    # silent rounding if that were ever not so (the default context keeps 28).
    context = decimal.Context(prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)
    context.traps[decimal.Inexact] = True
    return context


EXACT: Final = _exact_context()
"""The ``decimal.Context`` povmodel adds in: exact, never rounding."""


class Qualifier(enum.Enum):
    """How a report states a figure.

    ``"more than 600 million yuan"`` is ``MORE_THAN``; ``"nearly 180,000 people"``
    is ``NEARLY``; a plain figure, or one introduced by ``"a total of"``, is
    ``EXACT``.
    """

    EXACT = "exact"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    NEARLY = "nearly"
    ABOUT = "about"


@functools.cache
def currencies() -> frozenset[str]:
    """ISO 4217 currency codes, current and historic, as CLDR lists them (read on first use).

    The list ships with povmodel (``povmodel/data/currencies.txt``), so that the
    core does not need babel; the tests check that it equals babel's.
    """
    from importlib import resources

    text = (resources.files("povmodel") / "data" / "currencies.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def is_currency(unit: str) -> bool:
    """Tell whether ``unit`` is an ISO 4217 currency code known to CLDR.

    Examples:
        >>> is_currency("CNY"), is_currency("cny"), is_currency("ABC")
        (True, False, False)
    """
    return _CURRENCY_CODE.fullmatch(unit) is not None and unit in currencies()


def is_unit(unit: str) -> bool:
    """Tell whether ``unit`` is a valid unit: a currency code or a counted noun.

    Counted nouns are lower-case kebab-case words in the singular
    (``"person"``, ``"school"``, ``"health-centre"``).

    Examples:
        >>> is_unit("CNY"), is_unit("county"), is_unit("Counties"), is_unit("XYZ")
        (True, True, False, False)
    """
    if _CURRENCY_CODE.fullmatch(unit):
        return is_currency(unit)
    return _COUNTED_NOUN.fullmatch(unit) is not None


def unit_problem(unit: str) -> str | None:
    """A unit: an ISO 4217 currency code known to CLDR, or a lower-case counted noun."""
    if len(unit) > _MAX_UNIT_LENGTH:
        return f"not a unit (at most {_MAX_UNIT_LENGTH} characters): {show(unit)}"
    if _CURRENCY_CODE.fullmatch(unit) and not is_currency(unit):
        return f"not an ISO 4217 currency code: {unit!r}"
    if not is_unit(unit):
        return f"not a unit (an ISO 4217 code or a lower-case counted noun): {show(unit)}"
    return None


_MAX_UNIT_LENGTH: Final = 40
_VALUE_SCHEMA: Final = {
    "pattern": rf"^[0-9]{{1,{limits.MAX_INTEGER_DIGITS}}}(\.[0-9]{{1,{limits.MAX_FRACTION_DIGITS}}})?$"
}


def unit_schema() -> dict[str, object]:
    """The JSON Schema of a unit: a currency code or a counted noun."""
    return {
        "anyOf": [
            {"description": "an ISO 4217 currency code", "enum": sorted(currencies())},
            {"description": "a counted noun", "pattern": f"^{_COUNTED_NOUN.pattern}$", "maxLength": _MAX_UNIT_LENGTH},
        ]
    }


@attrs.frozen(kw_only=True)
class Quantity:
    """An amount of something: money in a currency, or a count of things.

    Attributes:
        value: the amount, a finite, non-negative ``Decimal`` (money in whole
            currency units: 2.658 billion yuan is ``Decimal("2658000000")``).
        unit: an ISO 4217 code for money (``"CNY"``) or a counted noun in the
            singular (``"person"``, ``"county"``, ``"school"``).

    Examples:
        >>> Quantity(value=Decimal("2658000000"), unit="CNY").is_money
        True
    """

    value: Decimal = attrs.field(
        validator=rule(Decimal, decimal_problem, lambda value: value.is_finite() and not value.is_signed()),
        metadata=meta("the amount, in plain notation", _VALUE_SCHEMA),
    )
    unit: str = attrs.field(
        validator=rule(str, unit_problem, remembering(unit_problem)),
        metadata=meta("an ISO 4217 currency code, or a counted noun in the singular", unit_schema),
    )

    @property
    def is_money(self) -> bool:
        """True when the unit is a currency code."""
        return _CURRENCY_CODE.fullmatch(self.unit) is not None


@attrs.frozen(kw_only=True)
class Bounds:
    """The interval a qualified figure stands for.

    ``None`` is an unbounded or unknown side; ``*_open`` tells whether the bound
    itself is excluded. ``exact v`` is ``[v, v]``, ``more_than v`` is ``(v, ∞)``,
    ``at_least v`` is ``[v, ∞)``, ``nearly v`` is ``(?, v)`` and ``about v`` has
    unknown bounds on both sides.

    Attributes:
        lower: the lower bound, or ``None``.
        upper: the upper bound, or ``None``.
        lower_open: the lower bound is excluded.
        upper_open: the upper bound is excluded.

    Examples:
        >>> Bounds.of(Decimal(600), Qualifier.MORE_THAN)
        Bounds(lower=Decimal('600'), upper=None, lower_open=True, upper_open=False)
    """

    lower: Decimal | None
    upper: Decimal | None
    lower_open: bool = False
    upper_open: bool = False

    @classmethod
    def of(cls, value: Decimal, qualifier: Qualifier) -> Bounds:
        """The bounds of ``value`` stated with ``qualifier``."""
        return _BOUNDS[qualifier](value)

    def __add__(self, other: Bounds) -> Bounds:
        add = EXACT.add
        lower = None if self.lower is None or other.lower is None else add(self.lower, other.lower)
        upper = None if self.upper is None or other.upper is None else add(self.upper, other.upper)
        return Bounds(
            lower=lower,
            upper=upper,
            lower_open=lower is not None and (self.lower_open or other.lower_open),
            upper_open=upper is not None and (self.upper_open or other.upper_open),
        )

    @property
    def qualifier(self) -> Qualifier:
        """The qualifier that describes these bounds around a stated value.

        Examples:
            >>> (Bounds.of(Decimal(1), Qualifier.EXACT) + Bounds.of(Decimal(2), Qualifier.NEARLY)).qualifier
            <Qualifier.NEARLY: 'nearly'>
        """
        if self.lower is not None and self.upper is not None:
            return Qualifier.EXACT
        if self.lower is not None:
            return Qualifier.MORE_THAN if self.lower_open else Qualifier.AT_LEAST
        if self.upper is not None:
            return Qualifier.NEARLY
        return Qualifier.ABOUT

    def exceeds(self, other: Bounds) -> bool:
        """True when every value within these bounds is greater than every value within ``other``.

        Unknown bounds never prove anything: the answer is then ``False``.
        """
        if self.lower is None or other.upper is None:
            return False
        if self.lower_open or other.upper_open:
            return self.lower >= other.upper
        return self.lower > other.upper


_BOUNDS: dict[Qualifier, Callable[[Decimal], Bounds]] = {
    Qualifier.EXACT: lambda v: Bounds(lower=v, upper=v),
    Qualifier.MORE_THAN: lambda v: Bounds(lower=v, upper=None, lower_open=True),
    Qualifier.AT_LEAST: lambda v: Bounds(lower=v, upper=None),
    Qualifier.NEARLY: lambda v: Bounds(lower=None, upper=v, upper_open=True),
    Qualifier.ABOUT: lambda v: Bounds(lower=None, upper=None),
}

"""Quantities, units and the qualifiers that reports attach to figures."""

from __future__ import annotations

import enum
import functools
import re
from decimal import Decimal

import attrs

from povmodel.errors import ValidationError

__all__ = ["Qualifier", "Quantity", "is_currency", "is_unit"]

_COUNTED_NOUN = re.compile(r"[a-z]+(-[a-z]+)*")
_CURRENCY_CODE = re.compile(r"[A-Z]{3}")


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
def _currencies() -> frozenset[str]:
    # CLDR's list of ISO 4217 codes, current and historic, as babel ships it.
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def is_currency(unit: str) -> bool:
    """Tell whether ``unit`` is an ISO 4217 currency code known to CLDR.

    >>> is_currency("CNY"), is_currency("cny"), is_currency("ABC")
    (True, False, False)
    """
    return _CURRENCY_CODE.fullmatch(unit) is not None and unit in _currencies()


def is_unit(unit: str) -> bool:
    """Tell whether ``unit`` is a valid unit: a currency code or a counted noun.

    Counted nouns are lower-case kebab-case words in the singular
    (``"person"``, ``"school"``, ``"health-centre"``).

    >>> is_unit("CNY"), is_unit("county"), is_unit("Counties"), is_unit("XYZ")
    (True, True, False, False)
    """
    if _CURRENCY_CODE.fullmatch(unit):
        return is_currency(unit)
    return _COUNTED_NOUN.fullmatch(unit) is not None


def _check_value(instance: Quantity, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if not isinstance(value, Decimal):
        raise ValidationError.at("value", f"expected a Decimal, got {type(value).__name__}")
    if not value.is_finite():
        raise ValidationError.at("value", f"not a finite number: '{value}'")
    if value < 0:
        raise ValidationError.at("value", f"must not be negative: '{value:f}'")


def _check_unit(instance: Quantity, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise ValidationError.at("unit", f"expected a string, got {type(value).__name__}")
    if _CURRENCY_CODE.fullmatch(value) and not is_currency(value):
        raise ValidationError.at("unit", f"not an ISO 4217 currency code: {value!r}")
    if not is_unit(value):
        raise ValidationError.at("unit", f"not a unit (an ISO 4217 code or a lower-case counted noun): {value!r}")


@attrs.frozen(kw_only=True)
class Quantity:
    """An amount of something: money in a currency, or a count of things.

    Attributes:
        value: the amount, a finite, non-negative ``Decimal`` (money in whole
            currency units: 2.658 billion yuan is ``Decimal("2658000000")``).
        unit: an ISO 4217 code for money (``"CNY"``) or a counted noun in the
            singular (``"person"``, ``"county"``, ``"school"``).

    >>> Quantity(value=Decimal("2658000000"), unit="CNY").is_money
    True
    """

    value: Decimal = attrs.field(validator=_check_value)
    unit: str = attrs.field(validator=_check_unit)

    @property
    def is_money(self) -> bool:
        """True when the unit is a currency code."""
        return _CURRENCY_CODE.fullmatch(self.unit) is not None

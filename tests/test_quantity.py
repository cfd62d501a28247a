from __future__ import annotations

from decimal import Decimal

import pytest

import povmodel as pm
from povmodel.core.quantity import is_currency, is_unit


def test_quantity_keeps_decimal_exactly() -> None:
    quantity = pm.Quantity(value=Decimal("2658000000.50"), unit="CNY")
    assert quantity.value == Decimal("2658000000.50")
    assert quantity.is_money
    assert not pm.Quantity(value=Decimal(3), unit="school").is_money


@pytest.mark.parametrize(
    ("value", "unit", "error"),
    [
        (Decimal(-1), "CNY", ("value", "must not be negative: '-1'")),
        (Decimal("-0"), "CNY", ("value", "must not be negative: '-0'")),
        (Decimal("NaN"), "CNY", ("value", "not a finite number: 'NaN'")),
        (Decimal("Infinity"), "CNY", ("value", "not a finite number: 'Infinity'")),
        (Decimal(1), "XYZ", ("unit", "not an ISO 4217 currency code: 'XYZ'")),
        (Decimal(1), "Schools", ("unit", "not a unit (an ISO 4217 code or a lower-case counted noun): 'Schools'")),
    ],
)
def test_invalid_quantity(value: Decimal, unit: str, error: tuple[str, str]) -> None:
    with pytest.raises(pm.ValidationError) as info:
        pm.Quantity(value=value, unit=unit)
    assert info.value.errors == (error,)


@pytest.mark.parametrize(("value", "unit", "field"), [(12.5, "CNY", "value"), (Decimal(1), 3, "unit")])
def test_a_wrong_type_is_a_type_error_naming_the_field(value: object, unit: object, field: str) -> None:
    with pytest.raises(TypeError, match=f"'{field}' must be"):
        pm.Quantity(value=value, unit=unit)  # type: ignore[arg-type]


def test_the_shipped_currency_list_is_babels() -> None:
    from babel.core import get_global

    from povmodel.core.quantity import currencies

    assert {"CNY", "USD", "EUR"} <= currencies() <= set(get_global("all_currencies"))


def test_units() -> None:
    assert is_currency("CNY") and is_currency("USD") and is_currency("EUR")
    assert not is_currency("YUAN") and not is_currency("cny")
    assert is_unit("health-centre") and is_unit("person")
    assert not is_unit("health centre") and not is_unit("-x") and not is_unit("")


def test_qualifier_values_are_the_file_format() -> None:
    assert [q.value for q in pm.Qualifier] == ["exact", "more_than", "at_least", "nearly", "about"]

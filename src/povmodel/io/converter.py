"""The cattrs converter that reads and writes povmodel's file format, and its hooks.

The hooks are strict: they never coerce (``123`` is not a string, ``true`` is not
an integer, ``12.5`` is not a decimal) and they apply the model's rules and the
reader's budgets while they read, so that a problem is reported with its JSON
path. One module per wire format (`povmodel.io.json`, `povmodel.io.yaml`,
`povmodel.io.toml`) builds on `configure_converter`, as ``cattrs.preconf`` does.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from operator import attrgetter
from typing import Any, Final, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn

from povmodel.core import limits
from povmodel.core._validators import digits_problem, show, type_name
from povmodel.core.text import LocalizedText
from povmodel.core.text import problems as text_problems

__all__ = ["Invalid", "TextProblems", "TooLong", "configure_converter", "make_converter"]

_PLAIN_DECIMAL: Final = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MAX_DECIMAL_TEXT: Final = limits.MAX_INTEGER_DIGITS + limits.MAX_FRACTION_DIGITS + 2
_MAX_INT_DIGITS: Final = 15

_E = TypeVar("_E", bound=enum.Enum)


class Invalid(ValueError):
    """A value that a structure hook refuses; the message is shown as is, at the value's path."""


class TooLong(int):
    """An integer literal too long to convert, as the JSON reader leaves it (the hooks refuse it)."""

    digits: int

    def __new__(cls, text: str) -> TooLong:
        instance = super().__new__(cls, 0)
        instance.digits = len(text.lstrip("-"))
        return instance


# -- leaf hooks: strict, never coerce -------------------------------------------------


def _structure_str(value: object, _: object) -> str:
    if value.__class__ is not str:
        got = type_name(value)
        if got == "string":
            got = f"{type(value).__name__} (a str subclass)"
        raise Invalid(f"expected a string, got {got}")
    return value


def _structure_int(value: object, _: object) -> int:
    if value.__class__ is not int:
        if isinstance(value, TooLong):
            raise Invalid(f"too many digits: {value.digits:,} (at most {_MAX_INT_DIGITS})")
        raise Invalid(f"expected an integer, got {type_name(value)}")
    return value


def _structure_bool(value: object, _: object) -> bool:
    if value.__class__ is not bool:
        raise Invalid(f"expected a boolean, got {type_name(value)}")
    return value


def _structure_decimal(value: object, _: object) -> Decimal:
    if value.__class__ is not str:
        raise Invalid(f"expected a decimal number as a string, got {type_name(value)}")
    text: str = value
    if len(text) > _MAX_DECIMAL_TEXT:
        raise Invalid(_too_many_digits() if _PLAIN_DECIMAL.fullmatch(text) else f"not a decimal number: {show(text)}")
    if _PLAIN_DECIMAL.fullmatch(text):
        number = Decimal(text)
        problem = digits_problem(number)
        if problem is not None:
            raise Invalid(problem)
        return number
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise Invalid(f"not a decimal number: {show(text)}") from None
    if not number.is_finite():
        raise Invalid(f"not a finite number: {show(text)}")
    raise Invalid(f"not a decimal number in plain notation: {show(text)}")


def _too_many_digits() -> str:
    return (
        f"too many digits: at most {limits.MAX_INTEGER_DIGITS} before the decimal point "
        f"and {limits.MAX_FRACTION_DIGITS} after it"
    )


def _unstructure_decimal(value: Decimal) -> str:
    return format(value, "f")


def _structure_date(value: object, _: object) -> dt.date:
    if value.__class__ is dt.date:  # TOML has dates of its own, and so may a caller's plain data
        return value
    if value.__class__ is not str:
        raise Invalid(f"expected a date as a string, got {type_name(value)}")
    text: str = value
    if _ISO_DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise Invalid(f"not an ISO 8601 date (YYYY-MM-DD): {show(text)}")


def _enum_hook(cls: type[_E]) -> Callable[[object, object], _E]:
    by_value = {member.value: member for member in cls}
    choices = ", ".join(repr(v) for v in by_value)

    def structure(value: object, _: object) -> _E:
        if value.__class__ is str and value in by_value:
            return by_value[value]
        raise Invalid(f"not one of {choices}: {show(value)}")

    return structure


def _structure_text(value: object, _: object) -> LocalizedText:
    if value.__class__ is not dict:
        raise Invalid(f"expected an object of language tag to text, got {type_name(value)}")
    pairs = value.items()
    problems = text_problems(pairs)
    if problems:
        raise TextProblems(problems)
    return LocalizedText(pairs)


class TextProblems(Invalid):
    """Problems inside a `LocalizedText`, each at its own path (``['en']``)."""

    @property
    def problems(self) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = self.args[0]
        return found


def _unstructure_text(text: LocalizedText) -> dict[str, str]:
    return dict(text.items_)


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = get_args(cls)
    return get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, enum.Enum)


def _is_model_class(cls: Any) -> bool:
    return attrs.has(cls) and cls is not LocalizedText


# -- the converter ---------------------------------------------------------------------


def configure_converter(converter: cattrs.Converter) -> cattrs.Converter:
    """Register povmodel's hooks on ``converter`` and return it.

    Strict hooks for ``str``, ``int`` (not ``bool``), ``bool``, ``Decimal`` (a
    string in plain notation, within the digit budgets), ``date`` (ISO 8601),
    enums (by value), ``LocalizedText`` (an object of language tag to text),
    homogeneous tuples (arrays of at most `povmodel.core.limits.MAX_ITEMS`) and
    attrs classes (objects). Use it on one of cattrs' preconfigured converters
    for another file format; `make_converter` uses it on a plain one.
    """
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, _unstructure_decimal)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(LocalizedText, _structure_text)
    converter.register_unstructure_hook(LocalizedText, _unstructure_text)
    converter.register_structure_hook_factory(_is_enum, _enum_hook)
    converter.register_unstructure_hook_factory(_is_enum, lambda cls: attrgetter("_value_"))
    converter.register_structure_hook_factory(_is_homogeneous_tuple, lambda cls: _tuple_hook(converter, cls))
    converter.register_structure_hook_factory(_is_model_class, lambda cls: _class_hook(converter, cls))
    return converter


def _tuple_hook(converter: cattrs.Converter, cls: Any) -> Callable[[object, object], tuple[Any, ...]]:
    (item_type, _) = get_args(cls)
    item_hook = converter.get_structure_hook(item_type)

    def check(value: object) -> list[Any]:
        if value.__class__ is not list:
            raise Invalid(f"expected an array, got {type_name(value)}")
        items: list[Any] = value
        if len(items) > limits.MAX_ITEMS:
            raise Invalid(f"too many items: {len(items):,} (at most {limits.MAX_ITEMS:,})")
        return items

    def fast(value: object, _: object) -> tuple[Any, ...]:
        return tuple([item_hook(item, item_type) for item in check(value)])

    def detailed(value: object, _: object) -> tuple[Any, ...]:
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(check(value)):
            try:
                items.append(item_hook(item, item_type))
            except Exception as exc:  # noqa: BLE001 - collected with the index; bugs re-raise in povmodel.io._errors
                exc.__notes__ = [*getattr(exc, "__notes__", []), IterableValidationNote(f"@ {index}", index, item_type)]
                errors.append(exc)
        if errors:
            raise IterableValidationError("While structuring a tuple", errors, cls)
        return tuple(items)

    return detailed if converter.detailed_validation else fast


def _class_hook(converter: cattrs.Converter, cls: Any) -> Callable[[object, object], Any]:
    hook = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)
    what = f"an object ({cls.__name__})"

    def structure(value: object, _: object) -> Any:
        if value.__class__ is not dict:  # a dict subclass marks duplicate keys (see povmodel.io.json)
            raise Invalid(f"expected {what}, got {type_name(value)}")
        return hook(value, cls)

    return structure


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """Build the converter that reads and writes povmodel's file format (JSON data).

    povmodel reads through two converters built by this function: a fast one
    (``detailed_validation=False``) and, only when that one fails, a detailed one
    that finds every problem with its path. Build your own to structure parts of
    a forum (a single ``Metric``) or to register more hooks without touching
    povmodel's.

    Returns:
        A new ``cattrs.Converter``: unknown keys are refused, fields at their
        default are left out when writing, and `configure_converter`'s hooks.
    """
    return configure_converter(
        cattrs.Converter(forbid_extra_keys=True, omit_if_default=True, detailed_validation=detailed_validation)
    )

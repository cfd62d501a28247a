"""attrs validators that raise `ValidationError` naming the field."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import attrs

from povmodel.core.errors import ValidationError

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

SLUG_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*"
_SLUG = re.compile(SLUG_PATTERN)

# Each validator says, as ``__json_schema__``, the JSON Schema keywords that express
# the rule it enforces on one value; povmodel.io.schema reads them. A callable is called.
JSON_SCHEMA = "__json_schema__"


def declares(schema: dict[str, Any] | Callable[[], dict[str, Any]]) -> Callable[[Validator], Validator]:
    """Attach the JSON Schema keywords a validator enforces."""

    def mark(validator: Validator) -> Validator:
        setattr(validator, JSON_SCHEMA, schema)
        return validator

    return mark


def schema_of(validator: object) -> dict[str, Any]:
    """The JSON Schema keywords a validator declared, or ``{}``."""
    declared = getattr(validator, JSON_SCHEMA, {})
    return dict(declared() if callable(declared) else declared)


def type_name(value: object) -> str:
    """The name of a value's type in messages: JSON's names for JSON's types."""
    return _JSON_TYPES.get(type(value), type(value).__name__)


_JSON_TYPES: dict[type, str] = {
    type(None): "null",
    bool: "boolean",
    int: "number",
    float: "number",
    str: "string",
    list: "array",
    dict: "object",
}


def _name(attribute: attrs.Attribute[Any]) -> str:
    return attribute.alias or attribute.name


def instance_of(kind: type | tuple[type, ...], what: str) -> Validator:
    """Check ``isinstance(value, kind)``; ``what`` names the expected type."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            raise ValidationError.at(_name(attribute), f"expected {what}, got {type_name(value)}")

    return check


def optional(validator: Validator) -> Validator:
    """Accept ``None`` or what ``validator`` accepts."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validator(instance, attribute, value)

    if hasattr(validator, JSON_SCHEMA):
        setattr(check, JSON_SCHEMA, getattr(validator, JSON_SCHEMA))
    return check


def tuple_of(kind: type, what: str) -> Validator:
    """Check a tuple whose every item is a ``kind``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        name = _name(attribute)
        if not isinstance(value, tuple):
            raise ValidationError.at(name, f"expected a tuple, got {type_name(value)}")
        errors = [
            (f"{name}[{i}]", f"expected {what}, got {type_name(item)}")
            for i, item in enumerate(value)
            if not isinstance(item, kind)
        ]
        if errors:
            raise ValidationError(errors)

    return check


def is_slug(value: object) -> bool:
    if value.__class__ is str and value in _SLUGS_SEEN:
        return True
    if not isinstance(value, str) or _SLUG.fullmatch(value) is None:
        return False
    if len(_SLUGS_SEEN) < 65536:  # a bounded memo: ids repeat within and across forums
        _SLUGS_SEEN.add(value)
    return True


_SLUGS_SEEN: set[str] = set()


@declares({"pattern": f"^{SLUG_PATTERN}$"})
def slug(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check an id: a lower-case kebab-case slug such as ``sasac`` or ``education-funds``."""
    if not is_slug(value):
        raise ValidationError.at(_name(attribute), f"not an id (lower-case letters, digits and hyphens): {value!r}")


@declares({"items": {"type": "string", "pattern": f"^{SLUG_PATTERN}$"}})
def slugs(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check a tuple of ids."""
    name = _name(attribute)
    if not isinstance(value, tuple):
        raise ValidationError.at(name, f"expected a tuple, got {type_name(value)}")
    errors = [
        (f"{name}[{i}]", f"not an id (lower-case letters, digits and hyphens): {item!r}")
        for i, item in enumerate(value)
        if not is_slug(item)
    ]
    if errors:
        raise ValidationError(errors)


@declares({"pattern": r"\S"})
def text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check a non-blank string."""
    if not isinstance(value, str):
        raise ValidationError.at(_name(attribute), f"expected a string, got {type_name(value)}")
    if not value.strip():
        raise ValidationError.at(_name(attribute), "must not be blank")


@declares({"minimum": 0})
def non_negative_int(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check an ``int`` (not a ``bool``) that is zero or more."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError.at(_name(attribute), f"expected an integer, got {type_name(value)}")
    if value < 0:
        raise ValidationError.at(_name(attribute), f"must not be negative: {value}")

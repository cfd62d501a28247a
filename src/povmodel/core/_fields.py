"""The validators and metadata the model's fields share: one place for each rule of a field."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

import attrs

from povmodel.core import _validators as v
from povmodel.core import limits
from povmodel.core.errors import ValidationError
from povmodel.core.text import LocalizedText

__all__ = [
    "COUNT",
    "COUNT_SCHEMA",
    "IDS_SCHEMA",
    "ID_SCHEMA",
    "NAME",
    "SLUG",
    "STRING",
    "TEXT",
    "TEXT_SCHEMA",
    "YEAR",
    "YEAR_SCHEMA",
    "id_field",
    "ids_field",
    "not_bool",
    "of",
    "optional",
    "placeholders",
]

TEXT: Final = attrs.validators.instance_of(LocalizedText)
SLUG: Final = attrs.validators.and_(attrs.validators.instance_of(str), v.check(v.slug_problem))
STRING: Final = attrs.validators.and_(attrs.validators.instance_of(str), v.check(v.text_problem))
COUNT: Final = attrs.validators.and_(attrs.validators.instance_of(int), v.check(v.count_problem))
YEAR: Final = attrs.validators.and_(attrs.validators.instance_of(int), v.check(v.year_problem))


def _names(instance: object, attribute: attrs.Attribute[Any], value: LocalizedText) -> None:
    found = [(f"[{tag!r}]", problem) for tag, text in value.items() if (problem := v.name_problem(text)) is not None]
    if found:
        raise ValidationError(found).prefixed(attribute.name)


NAME: Final = attrs.validators.and_(TEXT, _names)


_PLACEHOLDER: Final = re.compile(r"\{([^{}]*)\}")


def placeholders(*allowed: str) -> Callable[[object, attrs.Attribute[Any], LocalizedText], None]:
    """A validator: each text of a `LocalizedText` holds exactly one of the ``allowed`` placeholders."""
    wanted = " or ".join("{" + name + "}" for name in allowed)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: LocalizedText) -> None:
        found = []
        for tag, text in value.items():
            names = _PLACEHOLDER.findall(text)
            if len(names) != 1 or names[0] not in allowed:
                found.append((f"{attribute.name}[{tag!r}]", f"needs exactly one placeholder, {wanted}"))
        if found:
            raise ValidationError(found)

    return validate


def not_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse a ``bool`` where an integer belongs (``attrs.validators.instance_of(int)`` takes one)."""
    if isinstance(value, bool):
        raise TypeError(f"'{attribute.name}' must be an integer, not a boolean ({value!r})")


def optional(validator: Any) -> Any:
    """``attrs.validators.optional``."""
    return attrs.validators.optional(validator)


def of(kind: type) -> Any:
    """``attrs.validators.instance_of``: a wrong type is a ``TypeError`` naming the field."""
    return attrs.validators.instance_of(kind)


ID_SCHEMA: Final = {"pattern": f"^{v.SLUG_PATTERN}$", "maxLength": limits.MAX_ID_LENGTH}
TEXT_SCHEMA: Final = {"pattern": r"\S", "maxLength": limits.MAX_TEXT_LENGTH}
COUNT_SCHEMA: Final = {"minimum": 0, "maximum": limits.MAX_COUNT}
YEAR_SCHEMA: Final = {"minimum": limits.MIN_YEAR, "maximum": limits.MAX_YEAR}
IDS_SCHEMA: Final = {"items": {"type": "string", **ID_SCHEMA}, "uniqueItems": True}


def id_field(description: str) -> Any:
    """A required id field."""
    return attrs.field(validator=SLUG, metadata=v.meta(description, ID_SCHEMA))


def ids_field(description: str) -> Any:
    """A tuple of distinct ids, empty by default."""
    return attrs.field(default=(), validator=v.slugs, metadata=v.meta(description, IDS_SCHEMA))

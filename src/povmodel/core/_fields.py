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
    "every",
    "id_field",
    "ids_field",
    "not_bool",
    "of",
    "optional",
    "placeholders",
]

TEXT: Final = attrs.validators.instance_of(LocalizedText)
v.FAST[TEXT] = v.Fast(LocalizedText)
SLUG: Final = v.rule(str, v.slug_problem, v.known_slug)
STRING: Final = v.rule(str, v.text_problem, v.text_ok)
COUNT: Final = v.rule(int, v.count_problem, lambda value: 0 <= value <= limits.MAX_COUNT)
"""A count: an ``int`` (never a ``bool``) from 0 to `povmodel.core.limits.MAX_COUNT`."""
YEAR: Final = v.rule(int, v.year_problem, lambda value: limits.MIN_YEAR <= value <= limits.MAX_YEAR)
"""A year: an ``int`` (never a ``bool``) from `povmodel.core.limits.MIN_YEAR` to `povmodel.core.limits.MAX_YEAR`."""

# Each validator above has an optional form that takes ``None`` in the same single call (`optional`).
_OPTIONAL: Final[dict[Any, v.Validator]] = {
    SLUG: v.rule(str, v.slug_problem, v.known_slug, optional=True),
    STRING: v.rule(str, v.text_problem, v.text_ok, optional=True),
    COUNT: v.rule(int, v.count_problem, lambda value: 0 <= value <= limits.MAX_COUNT, optional=True),
    YEAR: v.rule(int, v.year_problem, lambda value: limits.MIN_YEAR <= value <= limits.MAX_YEAR, optional=True),
}


def _names_ok(value: LocalizedText) -> bool:
    for _, text in value.items_:  # noqa: SIM110 - a loop is twice as fast as all() over a generator
        if len(text) > limits.MAX_NAME_LENGTH:
            return False
    return True


def _names(instance: object, attribute: attrs.Attribute[Any], value: LocalizedText) -> None:
    found = [(f"[{tag!r}]", problem) for tag, text in value.items_ if (problem := v.name_problem(text)) is not None]
    if found:
        raise ValidationError(found).prefixed(attribute.name)


_NAME_CHECKED: Final = attrs.validators.and_(TEXT, _names)


def NAME(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A `LocalizedText` whose texts are names (at most `povmodel.core.limits.MAX_NAME_LENGTH` characters).

    The texts of a `LocalizedText` are valid texts already, so a name only needs
    its length checked; anything else goes through the full check and its messages.
    """
    if value.__class__ is not LocalizedText or not _names_ok(value):
        _NAME_CHECKED(instance, attribute, value)


v.FAST[NAME] = v.Fast(LocalizedText, _names_ok)


_PLACEHOLDER: Final = re.compile(r"\{([^{}]*)\}")


def placeholders(*allowed: str) -> v.Validator:
    """A validator: each text of a `LocalizedText` holds exactly one of the ``allowed`` placeholders."""
    wanted = " or ".join("{" + name + "}" for name in allowed)
    names = frozenset(allowed)

    def problems(value: LocalizedText) -> list[tuple[str, str]]:
        found = []
        for tag, text in value.items_:
            names = _PLACEHOLDER.findall(text)
            if len(names) != 1 or names[0] not in allowed:
                found.append((f"[{tag!r}]", f"needs exactly one placeholder, {wanted}"))
        return found

    def ok(value: LocalizedText) -> bool:
        # One brace of each kind, "{" first, around an allowed name: exactly one allowed placeholder.
        for _, text in value.items_:
            before, _, rest = text.partition("{")
            name, closed, after = rest.partition("}")
            if not closed or name not in names or "}" in before or "{" in rest or "}" in after:
                return not problems(value)
        return True

    def validate(instance: object, attribute: attrs.Attribute[Any], value: LocalizedText) -> None:
        if not ok(value):
            raise ValidationError((attribute.name + path, message) for path, message in problems(value))

    v.FAST[validate] = v.Fast(LocalizedText, ok)
    return validate


def _all(oks: list[Callable[[Any], bool]]) -> Callable[[Any], bool]:
    return lambda value: all(ok(value) for ok in oks)


def every(*validators: Any) -> v.Validator:
    """``attrs.validators.and_``: each validator in turn (`povmodel.io._fast` knows what they accept together)."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        for each in validators:
            each(instance, attribute, value)

    fast = [v.FAST.get(each) for each in validators]
    kinds = {each.kind for each in fast if each is not None}
    if None not in fast and len(kinds) == 1 and not any(each.optional for each in fast):  # type: ignore[union-attr]
        oks = [each.ok for each in fast if each.ok is not None]  # type: ignore[union-attr]
        v.FAST[validate] = v.Fast(kinds.pop(), _all(oks) if len(oks) > 1 else oks[0] if oks else None)
    return validate


not_bool: Final = v.not_bool


def optional(validator: Any) -> Any:
    """``attrs.validators.optional``: in one call for the validators of this module and `of`, and for a list."""
    if isinstance(validator, list):
        validator = every(*validator)
    if callable(validator) and validator in _OPTIONAL:
        return _OPTIONAL[validator]
    result = attrs.validators.optional(validator)
    fast = v.FAST.get(validator)
    if fast is not None and not fast.optional:
        v.FAST[result] = fast._replace(optional=True)
    return result


def of(kind: type) -> Any:
    """``attrs.validators.instance_of``: a wrong type is a ``TypeError`` naming the field."""
    slow: v.Validator = attrs.validators.instance_of(kind)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value.__class__ is not kind:
            slow(instance, attribute, value)

    def validate_optional(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and value.__class__ is not kind:
            slow(instance, attribute, value)

    _OPTIONAL[validate] = validate_optional
    v.FAST[validate] = v.Fast(kind)
    v.FAST[validate_optional] = v.Fast(kind, optional=True)
    return validate


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

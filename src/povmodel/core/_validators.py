"""The rules a field's value must follow, and the attrs validators that apply them.

Each rule is a function of one value that returns what is wrong with it, or
``None``. The model's attrs validators apply the rules when objects are built in
Python and raise `ValidationError` naming the field; the reader (`povmodel.io`)
applies the same rules while it reads, with JSON paths. Types are checked with
``attrs.validators`` (a wrong type is a ``TypeError`` naming the field).

Field metadata (`meta`) carries each field's description and the JSON Schema
keywords of its rule; `povmodel.io.schema` builds the schema from them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final, NamedTuple

import attrs

from povmodel.core import limits
from povmodel.core.errors import ValidationError

__all__ = [
    "DESCRIPTION",
    "FAST",
    "FORBIDDEN_CHARACTERS",
    "SCHEMA",
    "SLUG_PATTERN",
    "Fast",
    "Problem",
    "Validator",
    "check",
    "count_problem",
    "decimal_problem",
    "digits_problem",
    "known_slug",
    "meta",
    "name_problem",
    "not_bool",
    "path_key",
    "remembering",
    "rule",
    "show",
    "slug_problem",
    "slugs",
    "slugs_ok",
    "text_ok",
    "text_problem",
    "tuple_of",
    "type_name",
    "year_problem",
]

DESCRIPTION: Final = "povmodel.description"
"""The metadata key of a field's description (used by the JSON Schema)."""

SCHEMA: Final = "povmodel.json_schema"
"""The metadata key of the JSON Schema keywords that express a field's rule."""

SLUG_PATTERN: Final = "[a-z0-9]+(-[a-z0-9]+)*"
_SLUG: Final = re.compile(SLUG_PATTERN)
FORBIDDEN_CHARACTERS: Final = r"\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069"
"""What no text may hold, as the inside of a regular expression's character class (Python's and ECMA-262's).

Control characters (but tab and newline), lone surrogates, and the explicit bidi
embeddings, overrides and isolates: none may reach a terminal or a page from data.
The JSON Schema states the same rule with it.
"""
_FORBIDDEN: Final = re.compile(f"[{FORBIDDEN_CHARACTERS}]")

Problem = Callable[[Any], "str | None"]
"""A rule: what is wrong with a value, or ``None``."""


def meta(description: str, schema: Mapping[str, Any] | Callable[[], Mapping[str, Any]] | None = None) -> dict[str, Any]:
    """Field metadata: a description and, optionally, the JSON Schema keywords of its rule.

    ``schema`` may be a function that returns them, for keywords built from data
    (the list of currency codes).
    """
    return {DESCRIPTION: description, SCHEMA: schema if callable(schema) else dict(schema or {})}


def show(value: object) -> str:
    """A value for a message: its ``repr``, shortened to 60 characters (never a user's whole string)."""
    if isinstance(value, int) and value.bit_length() > 200:
        return f"<an integer of about {int(value.bit_length() * 0.30103) + 1:,} digits>"
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:50]}…({len(text):,} characters)"


def path_key(key: object) -> str:
    """An object key as a step of a JSON path: as it is when short and printable, else shortened and escaped."""
    return key if isinstance(key, str) and len(key) <= 60 and key.isprintable() else show(key)


def type_name(value: object) -> str:
    """The name of a value's type in messages: JSON's names for JSON's types (and their subclasses)."""
    kind = type(value)
    return next((_JSON_TYPES[base] for base in kind.__mro__ if base in _JSON_TYPES), kind.__name__)


_JSON_TYPES: Final[dict[type, str]] = {
    type(None): "null",
    bool: "boolean",
    int: "number",
    float: "number",
    str: "string",
    list: "array",
    dict: "object",
}


# -- rules ------------------------------------------------------------------------


def slug_problem(value: str) -> str | None:
    """An id: a lower-case kebab-case slug such as ``sasac`` or ``education-funds``."""
    if len(value) > limits.MAX_ID_LENGTH or _SLUG.fullmatch(value) is None:
        return f"not an id (lower-case letters, digits and hyphens, at most {limits.MAX_ID_LENGTH}): {show(value)}"
    return None


def text_problem(value: str, limit: int = limits.MAX_TEXT_LENGTH) -> str | None:
    """A text: not blank, at most ``limit`` characters, no control characters but tab and newline."""
    if len(value) > limit:
        return f"too long: {len(value):,} characters (at most {limit:,})"
    if not value or value.isspace():
        return "must not be blank"
    found = _FORBIDDEN.search(value)
    if found is not None:
        return f"contains a control character (U+{ord(found.group()):04X}) at {found.start()}"
    return None


def text_ok(value: str, limit: int = limits.MAX_TEXT_LENGTH) -> bool:
    """True exactly when `text_problem` finds nothing: the common case decided in a few C calls.

    A printable string holds none of `FORBIDDEN_CHARACTERS`; only one that is not
    (a newline, a non-breaking space) is searched for them.
    """
    return 0 < len(value) <= limit and not value.isspace() and (value.isprintable() or _FORBIDDEN.search(value) is None)


def name_problem(value: str) -> str | None:
    """A name that others refer to: a text of at most `limits.MAX_NAME_LENGTH` characters."""
    return text_problem(value, limits.MAX_NAME_LENGTH)


def count_problem(value: int) -> str | None:
    """A count: a whole number from 0 to `limits.MAX_COUNT`."""
    if value < 0:
        return f"must not be negative: {show(value)}"
    if value > limits.MAX_COUNT:
        return f"too large: at most {limits.MAX_COUNT:,}"
    return None


def year_problem(value: int) -> str | None:
    """A year from `limits.MIN_YEAR` to `limits.MAX_YEAR`."""
    if not limits.MIN_YEAR <= value <= limits.MAX_YEAR:
        return f"not a year from {limits.MIN_YEAR} to {limits.MAX_YEAR}: {show(value)}"
    return None


def decimal_problem(value: Decimal) -> str | None:
    """A quantity: finite and not negative (nor -0)."""
    if not value.is_finite():
        return f"not a finite number: {show(str(value))}"
    if value.is_signed():
        return f"must not be negative: {show(str(value))}"
    return None


def digits_problem(value: Decimal) -> str | None:
    """A quantity read from a file: within the digit budgets (`limits.MAX_INTEGER_DIGITS` and fraction).

    Only the reader applies this budget: totals add up to more digits than any
    one figure has.
    """
    _, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        return None
    if -exponent > limits.MAX_FRACTION_DIGITS or len(digits) + exponent > limits.MAX_INTEGER_DIGITS:
        return (
            f"too many digits: at most {limits.MAX_INTEGER_DIGITS} before the decimal point "
            f"and {limits.MAX_FRACTION_DIGITS} after it"
        )
    return None


# -- validators ---------------------------------------------------------------------


def _field(attribute: attrs.Attribute[Any]) -> str:
    return attribute.alias or attribute.name


def check(problem: Problem) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """An attrs validator that raises `ValidationError` when ``problem`` finds one."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        found = problem(value)
        if found is not None:
            raise ValidationError.at(_field(attribute), found)

    return validate


Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
"""An attrs validator: ``(instance, attribute, value) -> None``, raising when the value is wrong."""


class Fast(NamedTuple):
    """What a validator accepts, told to a reader that knows the exact type of what it built.

    A value of exactly ``kind`` passes the validator exactly when ``ok`` is
    ``None`` or ``ok(value)`` is true; so does ``None`` when ``optional``. A
    ``kind`` of ``tuple[X, ...]`` is a tuple of at most `limits.MAX_ITEMS` items,
    each exactly ``X``. ``known``, when given, holds values ``ok`` accepts (the
    set a `remembering` check keeps), to look in before calling it.
    `povmodel.io._fast` checks what it reads this way rather than calling the
    validator; `tests/test_fast.py` holds each entry to its validator.
    """

    kind: Any
    ok: Callable[[Any], bool] | None = None
    optional: bool = False
    known: set[Any] | None = None


FAST: Final[dict[Any, Fast]] = {}
"""The validators that say what they accept (`Fast`); the reader calls any other one, as attrs does."""


def rule(kind: type, problem: Problem, ok: Callable[[Any], bool], *, optional: bool = False) -> Validator:
    """An attrs validator for a ``kind`` in which ``problem`` finds nothing, in one call for a valid value.

    ``ok(value)`` must be true exactly when ``problem(value)`` is ``None`` (for a
    value of exactly ``kind``); any other value goes through the composed check
    (``attrs.validators.instance_of`` then `check`), which raises what it always
    raised. ``optional`` also lets ``None`` through. A ``bool`` is never an ``int``.
    """
    checks: list[Validator] = [attrs.validators.instance_of(kind), check(problem)]
    if kind is int:
        checks.insert(0, not_bool)
    slow: Validator = attrs.validators.and_(*checks)

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value.__class__ is not kind or not ok(value):
            slow(instance, attribute, value)

    def validate_optional(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and (value.__class__ is not kind or not ok(value)):
            slow(instance, attribute, value)

    chosen = validate_optional if optional else validate
    FAST[chosen] = Fast(kind, ok, optional, _REMEMBERED.get(ok))
    return chosen


def not_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse a ``bool`` where an integer belongs (``attrs.validators.instance_of(int)`` takes one)."""
    if isinstance(value, bool):
        raise TypeError(f"'{attribute.name}' must be an integer, not a boolean ({value!r})")


_MAX_REMEMBERED: Final = 10_000
_REMEMBERED: Final[dict[Callable[[Any], bool], set[Any]]] = {}
_PLAIN: Final = frozenset({str, int})


def remembering(
    problem: Problem, *, known: set[Any] | None = None, limit: int = _MAX_REMEMBERED
) -> Callable[[Any], bool]:
    """An ``ok`` for `rule`: true exactly when ``problem`` finds nothing, remembered for the values seen valid.

    The values kept (in ``known``, a new set unless given) are bounded: the set
    is emptied when it holds ``limit``, so that checking an id or a unit again is
    a set lookup, whatever the input. A value must be hashable.
    """
    if known is None:
        known = set()

    def ok(value: Any) -> bool:
        if value in known:
            return True
        if problem(value) is not None:
            return False
        if type(value) in _PLAIN:  # a subclass may redefine equality, and stand for other values in the set
            if len(known) >= limit:
                known.clear()
            known.add(value)
        return True

    _REMEMBERED[ok] = known
    return ok


known_slug: Final = remembering(slug_problem)
"""True exactly when `slug_problem` finds nothing in a string."""


def tuple_of(kind: type) -> Validator:
    """A tuple of ``kind`` (a ``TypeError`` otherwise) of at most `limits.MAX_ITEMS` items."""
    slow = attrs.validators.and_(
        attrs.validators.deep_iterable(attrs.validators.instance_of(kind), attrs.validators.instance_of(tuple)),
        check(_items_problem),
    )

    def validate(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value.__class__ is tuple and len(value) <= limits.MAX_ITEMS:
            for item in value:
                if item.__class__ is not kind:
                    break
            else:
                return
        slow(instance, attribute, value)

    FAST[validate] = Fast(tuple[kind, ...])  # type: ignore[valid-type]
    return validate


def _items_problem(value: tuple[object, ...]) -> str | None:
    if len(value) > limits.MAX_ITEMS:
        return f"too many items: {len(value):,} (at most {limits.MAX_ITEMS:,})"
    return None


def references_problem(value: tuple[str, ...]) -> list[tuple[str, str]]:
    """What is wrong with a tuple of ids, item by item: not ids, or the same id twice."""
    if len(value) > limits.MAX_ITEMS:
        return [("", f"too many items: {len(value):,} (at most {limits.MAX_ITEMS:,})")]
    found = []
    seen: dict[str, int] = {}
    for index, item in enumerate(value):
        problem = slug_problem(item)
        if problem is not None:
            found.append((f"[{index}]", problem))
        elif item in seen:
            found.append((f"[{index}]", f"refers to {item!r} again (first at [{seen[item]}])"))
        else:
            seen[item] = index
    return found


def _slugs(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    problems = references_problem(value)
    if problems:
        name = _field(attribute)
        raise ValidationError((name + path, message) for path, message in problems)


_slugs_checked: Final = attrs.validators.and_(
    attrs.validators.deep_iterable(attrs.validators.instance_of(str), attrs.validators.instance_of(tuple)),
    _slugs,
)


def slugs_ok(value: tuple[str, ...]) -> bool:
    """True exactly when a tuple of at most `limits.MAX_ITEMS` strings holds distinct ids."""
    for item in value:
        if not known_slug(item):
            return False
    return len(set(value)) == len(value)


def slugs(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A tuple of distinct ids."""
    if value.__class__ is tuple and len(value) <= limits.MAX_ITEMS:
        for item in value:
            if item.__class__ is not str:
                break
        else:
            if slugs_ok(value):
                return
    _slugs_checked(instance, attribute, value)


FAST[slugs] = Fast(tuple[str, ...], slugs_ok)

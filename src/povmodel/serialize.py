"""JSON in and out, through one cattrs converter.

The file format is the model's fields as JSON: decimals as strings in plain
notation (``"2658000000"``), dates as ISO 8601 (``"2020-10-16"``), enums by value,
:class:`~povmodel.LocalizedText` as an object of language tag to text, and a
top-level ``"format_version"``. Unknown keys are rejected; every problem is
reported with its JSON path in a :class:`~povmodel.ValidationError`.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import os
import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Final, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from povmodel._validators import type_name
from povmodel.errors import ValidationError
from povmodel.model import Forum
from povmodel.text import LocalizedText

__all__ = [
    "FORMAT_VERSION",
    "dump",
    "dumps",
    "from_dict",
    "load",
    "loads",
    "make_converter",
    "to_dict",
]

FORMAT_VERSION: Final = 1
"""The version of the file format that this release reads and writes."""

_VERSION_KEY: Final = "format_version"
_PLAIN_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

_E = TypeVar("_E", bound=enum.Enum)
_T = TypeVar("_T")


class _Invalid(ValueError):
    """A leaf value that a structure hook refuses; the message is shown as is."""


# -- leaf hooks: strict, never coerce ---------------------------------------------


def _structure_str(value: object, _: object) -> str:
    if not isinstance(value, str):
        raise _Invalid(f"expected a string, got {type_name(value)}")
    return value


def _structure_int(value: object, _: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Invalid(f"expected an integer, got {type_name(value)}")
    return value


def _structure_bool(value: object, _: object) -> bool:
    if not isinstance(value, bool):
        raise _Invalid(f"expected a boolean, got {type_name(value)}")
    return value


def _structure_decimal(value: object, _: object) -> Decimal:
    if not isinstance(value, str):
        raise _Invalid(f"expected a decimal number as a string, got {type_name(value)}")
    if _PLAIN_DECIMAL.fullmatch(value):
        return Decimal(value)
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise _Invalid(f"not a decimal number: {value!r}") from None
    if not number.is_finite():
        raise _Invalid(f"not a finite number: {value!r}")
    raise _Invalid(f"not a decimal number in plain notation: {value!r}")


def _unstructure_decimal(value: Decimal) -> str:
    return format(value, "f")


def _structure_date(value: object, _: object) -> dt.date:
    if not isinstance(value, str):
        raise _Invalid(f"expected a date as a string, got {type_name(value)}")
    if _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _Invalid(f"not an ISO 8601 date (YYYY-MM-DD): {value!r}")


def _enum_hook(cls: type[_E]) -> Callable[[object, object], _E]:
    by_value = {member.value: member for member in cls}
    choices = ", ".join(repr(v) for v in by_value)

    def structure(value: object, _: object) -> _E:
        try:
            return by_value[value]
        except (KeyError, TypeError):
            raise _Invalid(f"not one of {choices}: {value!r}") from None

    return structure


def _structure_text(value: object, _: object) -> LocalizedText:
    if not isinstance(value, dict):
        raise _Invalid(f"expected an object of language tag to text, got {type_name(value)}")
    return LocalizedText(value)


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = get_args(cls)
    return get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


# -- the converter -------------------------------------------------------------------


def make_converter() -> cattrs.Converter:
    """Build the converter that reads and writes povmodel's file format.

    Every povmodel function that reads or writes uses one converter built by this
    function; build your own to structure parts of a forum (a single ``Metric``)
    or to register more hooks without touching povmodel's.

    Returns:
        A new ``cattrs.Converter`` with strict hooks for ``str``, ``int``,
        ``bool``, ``Decimal``, ``date``, enums, ``LocalizedText`` and tuples, and
        with unknown keys forbidden.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, _unstructure_decimal)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(LocalizedText, _structure_text)
    converter.register_unstructure_hook(LocalizedText, lambda text: dict(text.items_))
    converter.register_structure_hook_factory(
        lambda cls: isinstance(cls, type) and issubclass(cls, enum.Enum), _enum_hook
    )
    converter.register_unstructure_hook_factory(
        lambda cls: isinstance(cls, type) and issubclass(cls, enum.Enum),
        lambda cls: lambda member: member.value,
    )

    def structure_tuple(cls: Any) -> Callable[[object, object], tuple[Any, ...]]:
        (item_type, _) = get_args(cls)
        item_hook = converter.get_structure_hook(item_type)

        def structure(value: object, _: object) -> tuple[Any, ...]:
            if not isinstance(value, (list, tuple)):
                raise _Invalid(f"expected an array, got {type_name(value)}")
            items: list[Any] = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except Exception as exc:  # noqa: BLE001 - collected with the index, reported together
                    exc.__notes__ = [*getattr(exc, "__notes__", []), _index_note(index, item_type)]
                    errors.append(exc)
            if errors:
                raise IterableValidationError("While structuring a tuple", errors, cls)
            return tuple(items)

        return structure

    converter.register_structure_hook_factory(_is_homogeneous_tuple, structure_tuple)
    converter.register_unstructure_hook_factory(
        _is_homogeneous_tuple,
        lambda cls: _list_unstructurer(converter, get_args(cls)[0]),
    )

    def structure_attrs(cls: Any) -> Callable[[object, object], Any]:
        hook = make_dict_structure_fn(cls, converter)
        what = f"an object ({cls.__name__})"

        def structure(value: object, _: object) -> Any:
            if not isinstance(value, dict):
                raise _Invalid(f"expected {what}, got {type_name(value)}")
            return hook(value, cls)

        return structure

    converter.register_structure_hook_factory(lambda cls: attrs.has(cls) and cls is not LocalizedText, structure_attrs)
    converter.register_unstructure_hook_factory(
        lambda cls: attrs.has(cls) and cls is not LocalizedText,
        lambda cls: make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True),
    )
    return converter


def _list_unstructurer(converter: cattrs.Converter, item_type: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
    hook = converter.get_unstructure_hook(item_type)
    return lambda items: [hook(item) for item in items]


def _index_note(index: int, item_type: Any) -> Any:
    from cattrs.errors import IterableValidationNote

    return IterableValidationNote(f"Structuring item @ index {index}", index, item_type)


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter()


# -- errors ---------------------------------------------------------------------------


def _errors(exc: BaseException, path: str) -> list[tuple[str, str]]:
    """Flatten a cattrs exception tree into ``(json_path, message)`` pairs."""
    if isinstance(exc, ValidationError):
        return list(exc.prefixed(path).errors)
    if isinstance(exc, IterableValidationError):
        items, rest = exc.group_exceptions()
        found = [e for sub, item in items for e in _errors(sub, f"{path}[{item.index}]")]
        return found + [e for sub in rest for e in _errors(sub, path)]
    if isinstance(exc, ClassValidationError):
        fields, rest = exc.group_exceptions()
        found = [e for sub, field in fields for e in _errors(sub, f"{path}.{field.name}")]
        return found + [e for sub in rest for e in _errors(sub, path)]
    if isinstance(exc, ForbiddenExtraKeysError):
        return [(f"{path}.{key}", "unknown field") for key in sorted(exc.extra_fields)]
    if isinstance(exc, KeyError):
        return [(path, "required field missing")]
    if isinstance(exc, _Invalid):
        return [(path, str(exc))]
    # Anything else is a bug in povmodel; say what it was rather than hide it.
    return [(path, f"{type(exc).__name__}: {exc}")]


def _structure(data: object, cls: type[_T], path: str = "$") -> _T:
    try:
        return _converter().structure(data, cls)
    except ValidationError as exc:
        raise exc.prefixed(path) from None
    except (ClassValidationError, IterableValidationError, _Invalid) as exc:
        raise ValidationError(_errors(exc, path)) from None


# -- public API -----------------------------------------------------------------------


def to_dict(forum: Forum) -> dict[str, Any]:
    """Turn a forum into plain JSON-compatible data (dicts, lists, strings, ints).

    The result carries ``"format_version"`` first; fields left at their default
    value are omitted.
    """
    data: dict[str, Any] = {_VERSION_KEY: FORMAT_VERSION}
    data.update(_converter().unstructure(forum, Forum))
    return data


def from_dict(data: Mapping[str, Any]) -> Forum:
    """Build a forum from plain data, as :func:`to_dict` produces it.

    Raises:
        ValidationError: the data does not describe a valid forum; ``.errors``
            lists every problem found with its JSON path.
    """
    if not isinstance(data, Mapping):
        raise ValidationError.at("$", f"expected an object (Forum), got {type_name(data)}")
    body = dict(data)
    version = body.pop(_VERSION_KEY, None)
    if version is None:
        raise ValidationError.at(f"$.{_VERSION_KEY}", "required field missing")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValidationError.at(f"$.{_VERSION_KEY}", f"expected an integer, got {type_name(version)}")
    if version != FORMAT_VERSION:
        raise ValidationError.at(
            f"$.{_VERSION_KEY}",
            f"unsupported format version {version}; this povmodel reads version {FORMAT_VERSION}",
        )
    return _structure(body, Forum)


def _reject_constant(name: str) -> object:
    raise _Invalid(f"{name} is not allowed in JSON")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        duplicate = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise _Invalid(f"duplicate key {duplicate!r}")
    return result


def _parse_json(text: str | bytes) -> Any:
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except _Invalid as exc:
        raise ValidationError.at("$", f"invalid JSON: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ValidationError.at("$", f"invalid JSON: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ValidationError.at("$", f"invalid JSON: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except RecursionError:
        raise ValidationError.at("$", "invalid JSON: nested too deeply") from None


def loads(text: str | bytes) -> Forum:
    """Read a forum from JSON text.

    Raises:
        ValidationError: the text is not JSON, or not a valid forum.

    >>> from povmodel import load_forum
    >>> forum = loads(dumps(load_forum()))
    >>> forum.date.isoformat()
    '2020-10-16'
    """
    return from_dict(_parse_json(text))


def dumps(forum: Forum, *, indent: int | None = 2) -> str:
    """Write a forum as JSON text; ``loads(dumps(forum)) == forum``.

    Args:
        forum: the forum.
        indent: spaces per level, or ``None`` for the most compact output.
    """
    separators = (",", ":") if indent is None else None
    return json.dumps(to_dict(forum), ensure_ascii=False, indent=indent, separators=separators)


def load(path: str | os.PathLike[str]) -> Forum:
    """Read a forum from a JSON file.

    Raises:
        ValidationError: the file is not a valid forum.
        OSError: the file cannot be read.
    """
    with open(path, "rb") as file:
        return loads(file.read())


def dump(forum: Forum, path: str | os.PathLike[str], *, indent: int | None = 2) -> None:
    """Write a forum to a JSON file (UTF-8)."""
    with open(path, "w", encoding="utf-8") as file:
        file.write(dumps(forum, indent=indent))
        file.write("\n")

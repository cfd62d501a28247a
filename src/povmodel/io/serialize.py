"""JSON in and out, through one cattrs converter.

The file format is the model's fields as JSON: decimals as strings in plain
notation (``"2658000000"``), dates as ISO 8601 (``"2020-10-16"``), enums by value,
`LocalizedText` as an object of language tag to text, and a
top-level ``"format_version"``. Unknown keys are rejected; every problem is
reported with its JSON path in a `ValidationError`.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from operator import attrgetter
from typing import Any, Final, Literal, TypeAlias, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from povmodel.core._validators import type_name
from povmodel.core.errors import FormatError, ValidationError
from povmodel.core.model import FORMAT_VERSION, Forum
from povmodel.core.text import LocalizedText, from_json_object

__all__ = [
    "FORMAT_VERSION",
    "MAX_DEPTH",
    "MAX_INPUT_BYTES",
    "FileFormat",
    "configure_converter",
    "dump",
    "dumps",
    "dumps_many",
    "format_of",
    "from_dict",
    "load",
    "loads",
    "loads_many",
    "make_converter",
    "migrate",
    "to_dict",
]


_VERSION_KEY: Final = "format_version"

MAX_INPUT_BYTES: Final = 16 * 1024 * 1024
"""The largest file povmodel reads (16 MiB); the bundled forum is about 60 KB."""

MAX_DEPTH: Final = 32
"""The deepest nesting of arrays and objects povmodel accepts; a valid forum nests about 6 deep."""
_PLAIN_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

FileFormat: TypeAlias = Literal["json", "yaml", "toml"]
"""A file format povmodel reads and writes; YAML and TOML need an extra."""

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
    if type(value) is dt.date:  # YAML and TOML have dates of their own
        return value
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
    return from_json_object(value)


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = get_args(cls)
    return get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


# -- the converter -------------------------------------------------------------------


def configure_converter(converter: cattrs.Converter) -> cattrs.Converter:
    """Register povmodel's hooks on ``converter`` and return it.

    Strict hooks for ``str``, ``int`` (not ``bool``), ``bool``, ``Decimal`` (a
    string in plain notation), ``date`` (ISO 8601), enums (by value),
    ``LocalizedText`` (an object of language tag to text), homogeneous tuples
    (arrays) and attrs classes (objects, unknown keys rejected, defaults omitted
    on output). Use it on one of cattrs' preconfigured converters for another
    file format; `make_converter` uses it on a plain one.
    """
    detailed = converter.detailed_validation
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
        lambda cls: attrgetter("_value_"),
    )

    def structure_tuple(cls: Any) -> Callable[[object, object], tuple[Any, ...]]:
        (item_type, _) = get_args(cls)
        item_hook = converter.get_structure_hook(item_type)

        def fast(value: object, _: object) -> tuple[Any, ...]:
            if not isinstance(value, (list, tuple)):
                raise _Invalid(f"expected an array, got {type_name(value)}")
            return tuple([item_hook(item, item_type) for item in value])

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

        return structure if detailed else fast

    converter.register_structure_hook_factory(_is_homogeneous_tuple, structure_tuple)
    converter.register_unstructure_hook_factory(
        _is_homogeneous_tuple,
        lambda cls: _list_unstructurer(converter, get_args(cls)[0]),
    )

    def structure_attrs(cls: Any) -> Callable[[object, object], Any]:
        hook = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)
        what = f"an object ({cls.__name__})"

        def structure(value: object, _: object) -> Any:
            if not isinstance(value, dict):
                raise _Invalid(f"expected {what}, got {type_name(value)}")
            return hook(value, cls)

        return structure

    converter.register_structure_hook_factory(_is_model_class, structure_attrs)
    converter.register_unstructure_hook_factory(
        _is_model_class,
        lambda cls: make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True),
    )
    return converter


def _is_model_class(cls: Any) -> bool:
    return attrs.has(cls) and cls is not LocalizedText


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """Build the converter that reads and writes povmodel's file format.

    povmodel reads through two converters built by this function: a fast one
    (``detailed_validation=False``) and, only when that one fails, a detailed one
    that finds every problem with its path. Build your own to structure parts of
    a forum (a single ``Metric``) or to register more hooks without touching
    povmodel's.

    Returns:
        A new ``cattrs.Converter`` configured by `configure_converter`.
    """
    return configure_converter(cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed_validation))


def _list_unstructurer(converter: cattrs.Converter, item_type: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
    hook = converter.get_unstructure_hook(item_type)
    return lambda items: [hook(item) for item in items]


def _index_note(index: int, item_type: Any) -> Any:
    from cattrs.errors import IterableValidationNote

    return IterableValidationNote(f"Structuring item @ index {index}", index, item_type)


@functools.cache
def _converters(fmt: FileFormat = "json") -> tuple[cattrs.Converter, cattrs.Converter]:
    """The fast converter and the detailed one for a file format, built once (hook generation is costly).

    YAML and TOML start from cattrs' preconfigured converters for PyYAML and
    tomlkit, with povmodel's hooks on top.
    """
    if fmt == "json":
        return make_converter(detailed_validation=False), make_converter()
    preconf, _ = _library(fmt)
    fast, detailed = (
        configure_converter(preconf.make_converter(forbid_extra_keys=True, detailed_validation=flag))
        for flag in (False, True)
    )
    return fast, detailed


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


def _depth(data: object) -> int:
    """How deeply arrays and objects nest in parsed data (iterative: no recursion limit)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, dict):
            children: Iterable[object] = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        deepest = max(deepest, level)
        if deepest > MAX_DEPTH:
            break
        stack.extend((child, level + 1) for child in children)
    return deepest


def _structure(data: object, cls: type[_T], path: str = "$", fmt: FileFormat = "json") -> _T:
    fast, detailed = _converters(fmt)
    try:
        return fast.structure(data, cls)
    except Exception:  # noqa: BLE001 - any failure is re-run below for its precise errors
        pass
    if _depth(data) > MAX_DEPTH:
        raise ValidationError.at(path, f"nested deeper than {MAX_DEPTH} levels") from None
    try:
        result = detailed.structure(data, cls)
    except ValidationError as exc:
        raise exc.prefixed(path) from None
    except (ClassValidationError, IterableValidationError, _Invalid) as exc:
        raise ValidationError(_errors(exc, path)) from None
    # The fast converter failed where the detailed one succeeded: a povmodel bug.
    raise AssertionError(f"the fast converter rejected what the detailed one read: {result!r}")  # pragma: no cover


# -- versions -------------------------------------------------------------------------


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 names the attendance's qualifier ``qualifier``, as a metric's is."""
    attendance = data.get("attendance")
    if isinstance(attendance, dict) and "participants_qualifier" in attendance:
        attendance = dict(attendance)
        attendance["qualifier"] = attendance.pop("participants_qualifier")
        data = {**data, "attendance": attendance}
    return data


_MIGRATIONS: Final[dict[int, Callable[[dict[str, Any]], dict[str, Any]]]] = {1: _v1_to_v2}
"""Version n -> the function that turns a version-n file into a version n+1 file."""


def migrate(data: Mapping[str, Any]) -> dict[str, Any]:
    """Bring a file's data to the current `FORMAT_VERSION`; the input is not changed.

    Raises:
        ValidationError: the version is missing, not an integer, or unknown
            (newer than this povmodel, or older than the first format).

    Examples:
        >>> migrate({"format_version": 1, "attendance": {"participants_qualifier": "more_than"}})
        {'format_version': 2, 'attendance': {'qualifier': 'more_than'}}
    """
    version = data.get(_VERSION_KEY)
    if version is None:
        raise ValidationError.at(f"$.{_VERSION_KEY}", "required field missing")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValidationError.at(f"$.{_VERSION_KEY}", f"expected an integer, got {type_name(version)}")
    if version > FORMAT_VERSION:
        raise ValidationError.at(
            f"$.{_VERSION_KEY}",
            f"format version {version} is newer than this povmodel reads ({FORMAT_VERSION}): upgrade povmodel",
        )
    if version < 1:
        raise ValidationError.at(f"$.{_VERSION_KEY}", f"unknown format version {version}")
    migrated = dict(data)
    for step in range(version, FORMAT_VERSION):
        migrated = _MIGRATIONS[step](migrated)
    migrated[_VERSION_KEY] = FORMAT_VERSION
    return migrated


# -- public API -----------------------------------------------------------------------


def to_dict(forum: Forum) -> dict[str, Any]:
    """Turn a forum into plain JSON-compatible data (dicts, lists, strings, ints).

    The result carries ``"format_version"`` first; fields left at their default
    value are omitted.
    """
    data: dict[str, Any] = {_VERSION_KEY: FORMAT_VERSION}
    data.update(_converters()[0].unstructure(forum, Forum))
    return data


def from_dict(data: Mapping[str, Any], *, _format: FileFormat = "json") -> Forum:
    """Build a forum from plain data, as `to_dict` produces it.

    Data of an older format version is migrated first (`migrate`).

    Raises:
        ValidationError: the data does not describe a valid forum; ``.errors``
            lists every problem found with its JSON path.
    """
    if not isinstance(data, Mapping):
        raise ValidationError.at("$", f"expected an object (Forum), got {type_name(data)}")
    body = dict(migrate(data)) if data.get(_VERSION_KEY) != FORMAT_VERSION else dict(data)
    del body[_VERSION_KEY]
    return _structure(body, Forum, fmt=_format)


def _reject_constant(name: str) -> object:
    raise _Invalid(f"{name} is not allowed in JSON")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        duplicate = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise _Invalid(f"duplicate key {duplicate!r}")
    return result


# -- file formats -------------------------------------------------------------------------

_EXTENSIONS: Final[dict[str, FileFormat]] = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}
_LIBRARIES: Final = {"yaml": ("pyyaml", "yaml"), "toml": ("tomlkit", "tomlkit")}


def _library(fmt: FileFormat) -> tuple[Any, Any]:
    """cattrs' preconf module and the parser of ``fmt``, or an error naming the extra to install."""
    import importlib

    preconf_name, module_name = _LIBRARIES[fmt]
    try:
        return importlib.import_module(f"cattrs.preconf.{preconf_name}"), importlib.import_module(module_name)
    except ImportError:
        raise FormatError(fmt, f"{fmt.upper()} support needs an extra: pip install 'povmodel[{fmt}]'") from None


def format_of(path: str | os.PathLike[str]) -> FileFormat:
    """The file format a path's extension names: ``.json``, ``.yaml``/``.yml`` or ``.toml``.

    Raises:
        FormatError: the extension is none of those.

    Examples:
        >>> format_of("forum.yml")
        'yaml'
    """
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    try:
        return _EXTENSIONS[suffix]
    except KeyError:
        raise FormatError(suffix or "(no extension)", "use .json, .yaml, .yml or .toml") from None


def _check_size(size: int, limit: int | None) -> None:
    # The limit is read at call time, so that a test (or a service) can change the module's default.
    limit = MAX_INPUT_BYTES if limit is _DEFAULT_LIMIT else limit
    if limit is not None and size > limit:
        raise ValidationError.at("$", f"input too large: {size:,} bytes (the limit is {limit:,})")


_DEFAULT_LIMIT: Final = -1


def _parse(text: str | bytes, fmt: FileFormat, limit: int | None = _DEFAULT_LIMIT) -> Any:
    _check_size(len(text), limit)
    if fmt == "json":
        return _parse_json(text)
    _, library = _library(fmt)
    name = fmt.upper()
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValidationError.at("$", f"invalid {name}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    try:
        if fmt == "yaml":
            return library.load(text, Loader=getattr(library, "CSafeLoader", library.SafeLoader))
        return library.loads(text).unwrap()
    except RecursionError:
        raise ValidationError.at("$", f"invalid {name}: nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 - each parser raises errors of its own classes
        detail = " ".join(str(exc).split())
        raise ValidationError.at("$", f"invalid {name}: {detail}") from None


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


@functools.cache
def _orjson() -> Any:
    try:
        import orjson
    except ImportError:
        return None
    return orjson


def _compact_json(data: Any) -> str:
    """Compact JSON, through orjson when the ``fast`` extra installed it (the same text, faster)."""
    fast = _orjson()
    if fast is not None:
        return str(fast.dumps(data).decode("utf-8"))
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def loads(text: str | bytes, *, format: FileFormat = "json", limit: int | None = _DEFAULT_LIMIT) -> Forum:
    """Read a forum from text in a file format (JSON by default).

    Files of an older format version are migrated; input larger than ``limit``
    (by default `MAX_INPUT_BYTES`; ``None`` for no limit) or nested deeper
    than `MAX_DEPTH` is refused.

    Raises:
        ValidationError: the text is not valid in its format, or not a valid forum.
        FormatError: YAML or TOML was asked for but its extra is not installed.

    Examples:
        >>> from povmodel import load_forum
        >>> forum = loads(dumps(load_forum()))
        >>> forum.date.isoformat()
        '2020-10-16'
    """
    return from_dict(_parse(text, format, limit), _format=format)


def dumps(forum: Forum, *, format: FileFormat = "json", indent: int | None = 2) -> str:
    """Write a forum as text; ``loads(dumps(forum, format=f), format=f) == forum``.

    Args:
        forum: the forum.
        format: ``"json"``, ``"yaml"`` or ``"toml"`` (the last two need an extra).
        indent: JSON only: spaces per level, or ``None`` for the most compact output.
    """
    if format == "json":
        if indent is None:
            return _compact_json(to_dict(forum))
        return json.dumps(to_dict(forum), ensure_ascii=False, indent=indent)
    _, library = _library(format)
    data = {_VERSION_KEY: FORMAT_VERSION, **_converters(format)[0].unstructure(forum, Forum)}
    if format == "yaml":
        dumper = getattr(library, "CSafeDumper", library.SafeDumper)
        return str(library.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100))
    return str(library.dumps(data))


def load(
    path: str | os.PathLike[str], *, format: FileFormat | None = None, limit: int | None = _DEFAULT_LIMIT
) -> Forum:
    """Read a forum from a file; the format comes from the extension unless given.

    Raises:
        ValidationError: the file is not a valid forum, or larger than ``limit`` (as in `loads`).
        FormatError: the extension names no known format, or its extra is missing.
        OSError: the file cannot be read.
    """
    chosen = format or format_of(path)
    _check_size(os.path.getsize(path), limit)
    with open(path, "rb") as file:
        return loads(file.read(), format=chosen, limit=None)


def dump(
    forum: Forum, path: str | os.PathLike[str], *, format: FileFormat | None = None, indent: int | None = 2
) -> None:
    """Write a forum to a file (UTF-8); the format comes from the extension unless given."""
    text = dumps(forum, format=format or format_of(path), indent=indent)
    with open(path, "w", encoding="utf-8") as file:
        file.write(text if text.endswith("\n") else text + "\n")


def loads_many(text: str | bytes, *, limit: int | None = _DEFAULT_LIMIT) -> tuple[Forum, ...]:
    """Read a JSON array of forums, for bulk work in notebooks and pipelines.

    Each item is read as `from_dict` reads a file (older versions are
    migrated). ``limit`` applies to the whole text, as in `loads`: pass a
    larger one, or ``None``, for big batches you trust the size of.

    Raises:
        ValidationError: the text is not a JSON array of valid forums; paths
            start with the item's index (``$[3].metrics[0].id``).
    """
    data = _parse(text, "json", limit)
    if not isinstance(data, list):
        raise ValidationError.at("$", f"expected an array of forums, got {type_name(data)}")
    forums: list[Forum] = []
    errors: list[tuple[str, str]] = []
    for index, item in enumerate(data):
        try:
            forums.append(from_dict(item))
        except ValidationError as exc:
            errors += [(f"$[{index}]{path[1:]}", message) for path, message in exc.errors]
    if errors:
        raise ValidationError(errors)
    return tuple(forums)


def dumps_many(forums: Iterable[Forum]) -> str:
    """Write forums as one compact JSON array; ``loads_many(dumps_many(fs)) == tuple(fs)``.

    Items are encoded one by one and joined, which is faster for large lists
    than encoding one giant tree.
    """
    return "[" + ",".join(dumps(forum, indent=None) for forum in forums) + "]"

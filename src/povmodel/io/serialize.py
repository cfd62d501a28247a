"""Forums in and out of files: JSON by default, YAML and TOML with their extras.

The file format is the model's fields as data: decimals as strings in plain
notation (``"2658000000"``), dates as ISO 8601 (``"2020-10-16"``), enums by
value, `LocalizedText` as an object of language tag to text, and a top-level
``"format_version"``. Unknown keys are refused; every problem is reported with
its JSON path in a `ValidationError`, within the budgets of
`povmodel.io.limits` and `povmodel.core.limits`.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final, Literal, TypeAlias, TypeVar

import cattrs

from povmodel.core._validators import type_name
from povmodel.core.errors import FormatError, ValidationError
from povmodel.core.model import FORMAT_VERSION, Forum
from povmodel.io import _errors, _fast, limits
from povmodel.io import json as _json
from povmodel.io.converter import configure_converter, make_converter
from povmodel.io.migrations import VERSION_KEY, migrate

__all__ = [
    "FileFormat",
    "dump",
    "dumps",
    "dumps_many",
    "format_of",
    "from_dict",
    "load",
    "loads",
    "loads_many",
    "to_dict",
]

FileFormat: TypeAlias = Literal["json", "yaml", "toml"]
"""A file format povmodel reads and writes; YAML and TOML need an extra."""

_T = TypeVar("_T")
_EXTENSIONS: Final[dict[str, FileFormat]] = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}
_PRECONF: Final = {"yaml": "pyyaml", "toml": "tomlkit"}


def _codec(format: str) -> tuple[Callable[[str | bytes], Any], Callable[..., str]]:
    """The parser and writer of a file format."""
    if format == "json":
        return _json.loads, _json.dumps
    if format == "yaml":
        from povmodel.io import yaml

        return yaml.loads, yaml.dumps
    if format == "toml":
        from povmodel.io import toml

        return toml.loads, toml.dumps
    raise FormatError(str(format)[:40], "use 'json', 'yaml' or 'toml'")


@functools.cache
def _converters(format: FileFormat = "json") -> tuple[cattrs.Converter, cattrs.Converter]:
    """The fast converter and the detailed one for a file format, built once (hook generation is costly).

    YAML and TOML start from cattrs' preconfigured converters for PyYAML and
    tomlkit, with povmodel's hooks on top.
    """
    if format == "json":
        return make_converter(detailed_validation=False), make_converter()
    _codec(format)  # the extra is installed
    import importlib

    preconf = importlib.import_module(f"cattrs.preconf.{_PRECONF[format]}")
    fast, detailed = (
        configure_converter(
            preconf.make_converter(forbid_extra_keys=True, omit_if_default=True, detailed_validation=flag)
        )
        for flag in (False, True)
    )
    return fast, detailed


@functools.cache
def _readers() -> tuple[_fast.Reader, _fast.Reader]:
    """The fast path's readers of a forum: from dicts, and from the JSON parser's tuples of pairs."""
    return _fast.reader(Forum), _fast.reader(Forum, pairs=True)


def _structure(data: object, cls: type[_T], format: FileFormat) -> _T:
    fast, detailed = _converters(format)
    try:
        if format == "json" and cls is Forum:
            return _readers()[0](data)  # type: ignore[no-any-return]
        return fast.structure(data, cls)
    except Exception:  # noqa: BLE001 - any failure is read again below, for its precise errors (or as the bug it is)
        pass
    found = limits.walk(data)  # budgets first: the detailed reading is then bounded too
    if found:
        raise ValidationError(found)
    try:
        result = detailed.structure(data, cls)
    except Exception as exc:  # noqa: BLE001 - data problems become errors; _errors re-raises anything else
        raise _errors.validation_error(exc) from None
    # The fast converter failed where the detailed one succeeded: a povmodel bug.
    raise AssertionError(f"the fast converter refused what the detailed one read: {result!r}")


def _check_type(name: str, value: object, *kinds: type) -> None:
    """A ``TypeError`` naming the parameter, unless ``value`` is one of ``kinds``."""
    if not isinstance(value, kinds):
        expected = " or ".join(kind.__name__ for kind in kinds)
        raise TypeError(f"{name} must be {expected}, not {type(value).__name__}")


def to_dict(forum: Forum) -> dict[str, Any]:
    """Turn a forum into plain JSON-compatible data (dicts, lists, strings, ints).

    The result carries ``"format_version"`` first; fields left at their default
    value are omitted.

    Raises:
        TypeError: ``forum`` is not a `Forum`.
    """
    _check_type("forum", forum, Forum)
    return {VERSION_KEY: FORMAT_VERSION, **_writer()(forum)}


@functools.cache
def _writer() -> _fast.Writer:
    """Writes a forum as the JSON converter would (`povmodel.io._fast.writer`), built once."""
    return _fast.writer(Forum)


def from_dict(data: Mapping[str, Any], *, format: FileFormat = "json") -> Forum:
    """Build a forum from plain data, as `to_dict` produces it.

    Data of an older format version is migrated first (`migrate`).

    Args:
        data: the data.
        format: the file format it was parsed from (TOML has dates of its own;
            povmodel's YAML reader keeps an unquoted date a string, as JSON does).

    Raises:
        ValidationError: the data does not describe a valid forum; ``.errors``
            lists the problems found (up to 100) with their JSON paths.
    """
    given: object = data  # callers' data: checked before use
    if given.__class__ is not dict:
        if not isinstance(given, Mapping) or hasattr(given, "duplicate"):
            found = limits.walk(given) or [("$", f"expected an object (Forum), got {type_name(given)}")]
            raise ValidationError(found)
        data = dict(given)
    version = data.get(VERSION_KEY)
    body = dict(migrate(data)) if type(version) is not int or version != FORMAT_VERSION else dict(data)
    del body[VERSION_KEY]
    return _structure(body, Forum, format)


def _read_fast(item: object) -> Forum | None:
    """A forum from the fast JSON parser's data (`povmodel.io.json.loads_pairs`), or ``None``.

    ``None`` means: read the text again, with the careful parser and the
    detailed converter, for the errors with their paths (or for a migration:
    only the current version is read here).
    """
    try:
        if item.__class__ is not tuple:
            return None
        data = dict(item)
        version = data.pop(VERSION_KEY, None)
        if len(data) + 1 != len(item) or version.__class__ is not int or version != FORMAT_VERSION:
            return None
        forum: Forum = _readers()[1](tuple(data.items()))
        return forum
    except Exception:  # noqa: BLE001 - read again by the careful path, which raises what it finds
        return None


def format_of(path: str | os.PathLike[str]) -> FileFormat:
    """The file format a path's extension names: ``.json``, ``.yaml``/``.yml`` or ``.toml``.

    Raises:
        FormatError: the extension is none of those.
        TypeError: ``path`` is neither a string nor a path.

    Examples:
        >>> format_of("forum.yml")
        'yaml'
    """
    _check_type("path", path, str, os.PathLike)
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    try:
        return _EXTENSIONS[suffix]
    except KeyError:
        raise FormatError(suffix[:40] or "(no extension)", "use .json, .yaml, .yml or .toml") from None


def loads(text: str | bytes, *, format: FileFormat = "json", limit: int | None = limits.DEFAULT) -> Forum:
    """Read a forum from text in a file format (JSON by default).

    Files of an older format version are migrated. Input larger than ``limit``
    (by default `povmodel.io.limits.MAX_INPUT_BYTES`, and
    `povmodel.io.limits.MAX_TOML_BYTES` for TOML; ``None`` for no limit) is
    refused before it is parsed; so is input that breaks another budget.

    Raises:
        ValidationError: the text is not valid in its format, or not a valid forum.
        FormatError: the format is unknown, or YAML or TOML was asked for but its
            extra is not installed.
        TypeError: ``text`` is neither ``str`` nor ``bytes``.

    Examples:
        >>> from povmodel import load_forum
        >>> forum = loads(dumps(load_forum()))
        >>> forum.date.isoformat()
        '2020-10-16'
    """
    _check_type("text", text, str, bytes)
    parse, _ = _codec(format)
    limits.check_size(text, limits.for_format(limit, format))
    if format == "json":
        try:
            forum = _read_fast(_json.loads_pairs(text))
        except Exception:  # noqa: BLE001 - not JSON: the careful parser below says where
            forum = None
        if forum is not None:
            return forum
    return from_dict(parse(text), format=format)


def dumps(forum: Forum, *, format: FileFormat = "json", indent: int | None = 2) -> str:
    """Write a forum as text; ``loads(dumps(forum, format=f), format=f) == forum``.

    Args:
        forum: the forum.
        format: ``"json"``, ``"yaml"`` or ``"toml"`` (the last two need an extra).
        indent: JSON only: spaces per level, or ``None`` for the most compact output.

    Raises:
        TypeError: ``forum`` is not a `Forum`.
        FormatError: the format is unknown, or its extra is not installed.
    """
    _check_type("forum", forum, Forum)
    _, write = _codec(format)
    if format == "json":
        return write(to_dict(forum), indent=indent)
    return write({VERSION_KEY: FORMAT_VERSION, **_converters(format)[0].unstructure(forum, Forum)})


def load(
    path: str | os.PathLike[str], *, format: FileFormat | None = None, limit: int | None = limits.DEFAULT
) -> Forum:
    """Read a forum from a file; the format comes from the extension unless given.

    At most ``limit`` bytes are read, whatever size the file claims (a device or
    a FIFO claims none).

    Raises:
        ValidationError: the file is not a valid forum, or larger than ``limit`` (as in `loads`).
        FormatError: the extension names no known format, or its extra is missing.
        OSError: the file cannot be read.
    """
    _check_type("path", path, str, os.PathLike)
    chosen = format or format_of(path)
    return loads(limits.read_file(path, limits.for_format(limit, chosen)), format=chosen, limit=None)


def dump(
    forum: Forum, path: str | os.PathLike[str], *, format: FileFormat | None = None, indent: int | None = 2
) -> None:
    """Write a forum to a file (UTF-8); the format comes from the extension unless given."""
    _check_type("path", path, str, os.PathLike)
    text = dumps(forum, format=format or format_of(path), indent=indent)
    with open(path, "w", encoding="utf-8") as file:
        file.write(text if text.endswith("\n") else text + "\n")


def loads_many(text: str | bytes, *, limit: int | None = limits.DEFAULT, pause_gc: bool = False) -> tuple[Forum, ...]:
    """Read a JSON array of forums, for bulk work in notebooks and pipelines.

    Each item is read as `from_dict` reads a file (older versions are
    migrated), one at a time, so that only one item's parsed data is held at
    once. ``limit`` applies to the whole text, as in `loads`: pass a larger one,
    or ``None``, for big batches you trust the size of.

    ``pause_gc=True`` pauses Python's cyclic garbage collector while the batch
    is read (about three times faster for thousands of forums, which allocate
    hundreds of objects each): povmodel never does so unasked, since the
    collector is the whole process's. Calls from several threads keep it paused
    until the last one ends; it is then enabled again only if it was enabled
    before the first one began.

    Raises:
        ValidationError: the text is not a JSON array of valid forums; paths
            start with the item's index (``$[3].metrics[0].id``).
        TypeError: ``text`` is neither ``str`` nor ``bytes``.
    """
    _check_type("text", text, str, bytes)
    limits.check_size(text, limit)
    with _gc_paused() if pause_gc else contextlib.nullcontext():
        fast = _read_many_fast(text)
    if fast is not None:
        return fast
    data = _json.loads(text)
    if data.__class__ is not list:
        raise ValidationError.at("$", f"expected an array of forums, got {type_name(data)}")
    forums: list[Forum] = []
    errors: list[tuple[str, str]] = []
    more = 0
    for index, item in enumerate(data):
        try:
            forums.append(from_dict(item))
        except ValidationError as exc:
            errors += [(f"$[{index}]{path[1:]}", message) for path, message in exc.errors]
            more += exc.more
    if errors:
        raise ValidationError(errors, more)
    return tuple(forums)


_GC_LOCK: Final = threading.Lock()
_gc_pauses = [0, False]  # calls under way that paused the collector; whether it was enabled before the first


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration, as `loads_many` documents it."""
    with _GC_LOCK:
        if _gc_pauses[0] == 0:
            _gc_pauses[1] = gc.isenabled()
            gc.disable()
        _gc_pauses[0] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _gc_pauses[0] -= 1
            if _gc_pauses[0] == 0 and _gc_pauses[1]:
                gc.enable()


def _read_many_fast(text: str | bytes) -> tuple[Forum, ...] | None:
    """The forums of a JSON array, each parsed and read in turn; ``None`` at the first problem."""
    forums: list[Forum] = []
    try:
        for item in _json.iter_array_pairs(text):
            forum = _read_fast(item)
            if forum is None:
                return None
            forums.append(forum)
    except Exception:  # noqa: BLE001 - read again by the careful path, which raises what it finds
        return None
    return tuple(forums)


def dumps_many(forums: Iterable[Forum]) -> str:
    """Write forums as one compact JSON array; ``loads_many(dumps_many(fs)) == tuple(fs)``.

    Items are encoded one by one and joined, which is faster for large lists
    than encoding one giant tree.
    """
    return "[" + ",".join(dumps(forum, indent=None) for forum in forums) + "]"

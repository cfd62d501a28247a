"""JSON: the parser and writer of povmodel's default file format.

Strict where Python's ``json`` module is lenient: text is UTF-8 only (a leading
byte order mark is skipped; UTF-16 and UTF-32 are refused), duplicate keys in an
object are refused (marked here, reported with their path by the reader),
``NaN`` and ``Infinity`` are refused, and an integer too long to convert is left
for the hooks to refuse with its path.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from typing import Any, Final

from povmodel.core.errors import ValidationError
from povmodel.io.converter import TooLong
from povmodel.io.limits import MAX_DEPTH

__all__ = ["MAX_INT_TEXT", "decode", "dumps", "iter_array_pairs", "loads", "loads_pairs"]

MAX_INT_TEXT: Final = 20
"""The longest integer literal converted while parsing; a longer one is left for the hooks to refuse."""
_BOM: Final = "\ufeff"
_NEWLINE: Final = "\n"
_NESTING: Final = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)  # strings, skipped whole; brackets


class DuplicateKeys(dict[str, Any]):
    """An object in which a key appears twice; ``duplicate`` is the first such key."""

    duplicate: str


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    marked = DuplicateKeys(result)
    seen: set[str] = set()
    marked.duplicate = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
    return marked


def _integer(text: str) -> int:
    return TooLong(text) if len(text) > MAX_INT_TEXT else int(text)


def _constant(name: str) -> object:
    raise ValueError(f"{name} is not allowed in JSON")


def decode(text: str | bytes, format_name: str) -> str:
    """UTF-8 text from ``bytes`` (or a ``str`` as is), without a leading byte order mark."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValidationError.at(
                "$", f"invalid {format_name}: not UTF-8 ({exc.reason} at byte {exc.start})"
            ) from None
    return text[1:] if text.startswith(_BOM) else text


def loads(text: str | bytes) -> Any:
    """Parse JSON text into plain data.

    Raises:
        ValidationError: the text is not JSON (at ``$``, with line and column).
    """
    source = decode(text, "JSON")
    try:
        return json.loads(source, object_pairs_hook=_object, parse_int=_integer, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise ValidationError.at("$", f"invalid JSON: {exc}") from None
    except ValueError as exc:  # a constant
        raise ValidationError.at("$", f"invalid JSON: {exc}") from None
    except RecursionError:
        raise ValidationError.at(
            "$", f"invalid JSON: nested deeper than {MAX_DEPTH} levels{_too_deep(source)}"
        ) from None


_PAIRS: Final = json.JSONDecoder(object_pairs_hook=tuple, parse_int=_integer, parse_constant=_constant)
_SPACE: Final = re.compile(r"[ \t\n\r]*")


def loads_pairs(text: str | bytes) -> Any:
    """Parse JSON text as `loads` does, but each object as a tuple of its ``(key, value)`` pairs.

    The fast path of the reader (`povmodel.io._fast`): an object keeps every
    pair, so a duplicate key is found by the reader, without a Python call per
    object while parsing. Raises on anything that is not JSON (any exception:
    the caller reads the text again with `loads`, for its message).
    """
    return _PAIRS.decode(decode(text, "JSON"))


def iter_array_pairs(text: str | bytes) -> Iterator[Any]:
    """The items of a JSON array, parsed one at a time as `loads_pairs` parses a document.

    Each item is parsed when asked for, so that a caller that turns it into
    something else keeps one parsed item at a time, not the whole array. Raises
    (anything) where the text is not a JSON array.
    """
    source = decode(text, "JSON")
    scan = _PAIRS.raw_decode

    def space(text: str, at: int = 0) -> re.Match[str]:
        found = _SPACE.match(text, at)
        assert found is not None
        return found

    at = space(source).end()
    if source[at : at + 1] != "[":
        raise ValueError("not an array")
    at = space(source, at + 1).end()
    if source[at : at + 1] == "]":
        at = space(source, at + 1).end()
    else:
        while True:
            item, at = scan(source, at)
            yield item
            at = space(source, at).end()
            separator = source[at : at + 1]
            at = space(source, at + 1).end()
            if separator == "]":
                break
            if separator != ",":
                raise ValueError("not an array")
    if at != len(source):
        raise ValueError("not an array")


def _too_deep(source: str) -> str:
    """Where ``source`` first nests deeper than `MAX_DEPTH` levels, as " (line 3, column 34)"; one linear pass."""
    depth = 0
    for token in _NESTING.finditer(source):
        bracket = token.group()
        if bracket in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                start = token.start()
                line = source.count("\n", 0, start) + 1
                return f" (line {line}, column {start - source.rfind(_NEWLINE, 0, start)})"
        elif bracket in "]}":
            depth -= 1
    return ""  # pragma: no cover - the parser recursed this deep, so the brackets do


@functools.cache
def _orjson() -> Any:
    try:
        import orjson
    except ImportError:
        return None
    return orjson


def dumps(data: Any, *, indent: int | None = 2) -> str:
    """Write plain data as JSON, keeping non-ASCII text as it is.

    Compact output (``indent=None``) goes through orjson where the ``fast``
    extra installed it: the same text, several times faster.
    """
    if indent is not None:
        return json.dumps(data, ensure_ascii=False, indent=indent)
    fast = _orjson()
    if fast is not None:
        return str(fast.dumps(data).decode("utf-8"))
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

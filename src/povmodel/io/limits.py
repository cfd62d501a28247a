"""The reader's budgets on whole documents, and reading that never trusts a file's size.

With the model's own budgets (`povmodel.core.limits`), these bound the time and
memory any input can take: a document is refused as soon as it breaks one, with
a `ValidationError` naming the budget. docs/file-format.md lists them all.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import IO, Final

from povmodel.core import limits
from povmodel.core._validators import path_key, show
from povmodel.core.errors import ValidationError

__all__ = [
    "DEFAULT",
    "MAX_DEPTH",
    "MAX_INPUT_BYTES",
    "MAX_MESSAGE",
    "MAX_TOML_BYTES",
    "bounded",
    "check_size",
    "for_format",
    "read_file",
    "read_stream",
    "walk",
]

MAX_INPUT_BYTES: Final = 16 * 1024 * 1024
"""The largest document povmodel reads, in bytes of UTF-8 (16 MiB); the bundled forum has about 100 KB."""

MAX_DEPTH: Final = 32
"""The deepest nesting of arrays and objects povmodel accepts; a valid forum nests 6 deep."""

MAX_MESSAGE: Final = 300
"""The longest message of a parser's error that povmodel passes on (a value in it is shortened to 60 characters)."""

DEFAULT: Final = -1
"""The ``limit=`` that means `MAX_INPUT_BYTES` (`MAX_TOML_BYTES` for TOML), read when called.

Read when called, so that a service can change either.
"""

MAX_TOML_BYTES: Final = 1024 * 1024
"""The largest TOML document read by default (1 MiB; the bundled forum is about 100 KB of TOML).

tomlkit keeps a document model of a few hundred bytes per value and reads about
160 KB a second: a 16 MiB TOML array would take minutes and gigabytes before any
budget could be checked. Pass a larger ``limit=`` (or ``None``) for TOML you trust.
"""


def for_format(limit: int | None, format: str) -> int | None:
    """The limit for a document in ``format``: `MAX_TOML_BYTES` for TOML when ``limit`` is `DEFAULT`."""
    return MAX_TOML_BYTES if format == "toml" and limit == DEFAULT else limit


_QUOTED: Final = re.compile(r""""[^"]{60,}"|'[^']{60,}'""")


def bounded(message: str) -> str:
    """A parser's message on one line, each value it quotes shortened, at most `MAX_MESSAGE` characters.

    No message repeats a user's whole string (a key of a megabyte, say).

    Examples:
        >>> bounded('Key "' + "k" * 1000 + '" already exists.')
        'Key "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk…(1,002 characters) already exists.'
    """
    shortened = _QUOTED.sub(lambda quoted: f"{quoted.group()[:50]}…({len(quoted.group()):,} characters)", message)
    text = " ".join(shortened.split())
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def _limit(limit: int | None) -> int | None:
    return MAX_INPUT_BYTES if limit == DEFAULT else limit


def _too_large(size: str, limit: int) -> ValidationError:
    return ValidationError.at("$", f"input too large: {size} bytes (the limit is {limit:,})")


def check_size(text: str | bytes, limit: int | None = DEFAULT) -> None:
    """Refuse ``text`` over ``limit`` bytes (a ``str`` is measured in UTF-8, without encoding it twice)."""
    chosen = _limit(limit)
    if chosen is None:
        return
    if isinstance(text, bytes):
        size = len(text)
    elif len(text) > chosen:
        size = len(text)  # at least a byte per character
    elif 4 * len(text) <= chosen:
        return  # at most four bytes per character
    else:
        size = len(text.encode("utf-8", "surrogatepass"))
    if size > chosen:
        raise _too_large(f"{size:,}", chosen)


def read_stream(stream: IO[bytes], limit: int | None = DEFAULT) -> bytes:
    """Read a binary stream (a pipe, stdin) up to ``limit`` bytes; refuse more without reading it."""
    chosen = _limit(limit)
    data = stream.read() if chosen is None else stream.read(chosen + 1)
    if chosen is not None and len(data) > chosen:
        raise _too_large(f"more than {chosen:,}", chosen)
    return data


def read_file(path: str | os.PathLike[str], limit: int | None = DEFAULT) -> bytes:
    """Read a file, device or FIFO up to ``limit`` bytes, never trusting its reported size.

    A FIFO is opened without waiting for a writer: with none, it reads as empty.

    Raises:
        ValidationError: there is more than ``limit`` bytes to read.
        OSError: the file cannot be opened or read.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    os.set_blocking(descriptor, True)
    with os.fdopen(descriptor, "rb") as stream:
        return read_stream(stream, limit)


def walk(data: object) -> list[tuple[str, str]]:
    """Budget problems of parsed data, with their paths: nesting, array and object sizes, duplicate keys.

    Iterative (no recursion limit), and it stops at the first problem of each
    container, so that it runs in time linear in the data.
    """
    return list(_walk(data))


def _walk(data: object) -> Iterator[tuple[str, str]]:
    stack: list[tuple[object, str, int]] = [(data, "$", 1)]
    while stack:
        node, path, level = stack.pop()
        if isinstance(node, dict):
            duplicate = getattr(node, "duplicate", None)
            if duplicate is not None:
                yield path, f"duplicate key {show(duplicate)}"
        elif not isinstance(node, list):
            continue
        if level > MAX_DEPTH:
            yield path, f"nested deeper than {MAX_DEPTH} levels"
            continue
        if len(node) > limits.MAX_ITEMS:  # counted before a path is made for each item
            yield path, f"too many items: {len(node):,} (at most {limits.MAX_ITEMS:,})"
            continue
        if isinstance(node, dict):
            children = [(value, f"{path}.{path_key(key)}") for key, value in node.items()]
        else:
            children = [(value, f"{path}[{index}]") for index, value in enumerate(node)]
        stack.extend((child, where, level + 1) for child, where in reversed(children))

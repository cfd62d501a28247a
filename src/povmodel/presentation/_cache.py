"""A least-recently-used cache bounded by the size of what it keeps, safe to share between threads."""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["BoundedCache"]

_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")


class BoundedCache(Generic[_K, _V]):
    """Results of a pure function, kept while they fit in ``max_bytes``.

    The size of an entry is what ``sys.getsizeof`` says of its key's strings and
    of its value; an entry larger than ``max_entry_bytes`` is computed but never
    kept, so that no caller's huge string stays in memory.
    """

    def __init__(self, function: Callable[[_K], _V], *, max_bytes: int, max_entry_bytes: int = 4096) -> None:
        self._function = function
        self._max_bytes = max_bytes
        self._max_entry = max_entry_bytes
        self._entries: OrderedDict[_K, tuple[_V, int]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    @property
    def size(self) -> int:
        """The bytes the cache holds now."""
        return self._size

    def __len__(self) -> int:
        return len(self._entries)

    def __call__(self, key: _K) -> _V:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found[0]
        value = self._function(key)
        size = _size(key) + sys.getsizeof(value)
        if size <= self._max_entry:
            with self._lock:
                if key not in self._entries:
                    self._entries[key] = (value, size)
                    self._size += size
                    while self._size > self._max_bytes:
                        _, (_, dropped) = self._entries.popitem(last=False)
                        self._size -= dropped
        return value

    def clear(self) -> None:
        """Forget every entry."""
        with self._lock:
            self._entries.clear()
            self._size = 0


def _size(key: object) -> int:
    if isinstance(key, tuple):
        return sys.getsizeof(key) + sum(_size(part) for part in key)
    return sys.getsizeof(key)

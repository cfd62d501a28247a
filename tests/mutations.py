"""Helpers that change one place in a forum's plain data, for tests of bad input."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Mutation = Callable[[dict[str, Any]], None]


def set_at(path: tuple[Any, ...], value: Any) -> Mutation:
    """Set the value at ``path`` (keys and indices) to ``value``."""

    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def drop_at(path: tuple[Any, ...]) -> Mutation:
    """Delete the key or item at ``path``."""

    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return mutate

"""The datasets that ship with povmodel."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from povmodel.core.model import Forum

__all__ = ["DEFAULT_FORUM", "article_text", "available_forums", "load_forum"]

DEFAULT_FORUM = "central-soe-forum-2020"
"""The bundled forum used when no other is named: the Central SOE Poverty
Alleviation Forum, Beijing, 16 October 2020."""


def _data() -> Traversable:
    # importlib.resources is imported on first use: it costs several ms at start-up.
    from importlib import resources

    return resources.files("povmodel") / "data"


def available_forums() -> tuple[str, ...]:
    """Names of the bundled forums, sorted.

    Examples:
        >>> available_forums()
        ('central-soe-forum-2020',)
    """
    return tuple(sorted(p.name.removesuffix(".json") for p in _data().iterdir() if p.name.endswith(".json")))


def _check_name(name: str) -> None:
    if name not in available_forums():
        raise LookupError(f"no bundled forum named {name!r}; available: {', '.join(available_forums())}")


def load_forum(name: str = DEFAULT_FORUM) -> Forum:
    """Load a bundled forum, by default the 2020 Central SOE Poverty Alleviation Forum.

    The file is read through the same converter as `povmodel.loads`; the
    result is cached (forums are immutable).

    Raises:
        LookupError: there is no bundled forum of that name.

    Examples:
        >>> forum = load_forum()
        >>> str(forum.name), forum.date.isoformat(), len(forum.people)
        ('Central SOE Poverty Alleviation Forum', '2020-10-16', 10)
    """
    _check_name(name)
    return _load(name)


@functools.cache
def _load(name: str) -> Forum:
    from povmodel.io.serialize import loads  # cattrs is imported when data is first read

    return loads((_data() / f"{name}.json").read_bytes())


def article_text(name: str = DEFAULT_FORUM) -> str:
    """The text of the report a bundled forum was built from (English).

    Every ``Source.quote`` in the forum occurs verbatim in this text.
    """
    _check_name(name)
    return (_data() / f"{name}.txt").read_text(encoding="utf-8")

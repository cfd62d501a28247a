"""cattrs' validation errors as povmodel's `ValidationError`: ``(json_path, message)`` pairs.

cattrs collects the problems of a detailed structuring run in a tree of
``ClassValidationError`` and ``IterableValidationError``; this walks it once.
Only data problems become messages: a refused value (`Invalid`), a model rule
(`ValidationError`, whose count of problems beyond those it lists is kept), a
missing or unknown field. Any other exception is a bug in povmodel, and is
raised again as itself, never turned into a validation error.
"""

from __future__ import annotations

from collections.abc import Iterator

from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from povmodel.core._validators import path_key
from povmodel.core.errors import ValidationError, join_path
from povmodel.io.converter import Invalid, TextProblems

__all__ = ["validation_error"]


def validation_error(exc: BaseException) -> ValidationError:
    """Flatten a cattrs exception tree into one `ValidationError` with JSON paths; re-raise anything else."""
    more = [0]
    found = list(_problems(exc, "$", more))
    return ValidationError(found, more[0])


def _problems(exc: BaseException, path: str, more: list[int]) -> Iterator[tuple[str, str]]:
    if isinstance(exc, ValidationError):
        nested = exc.prefixed(path)
        more[0] += nested.more
        yield from nested.errors
    elif isinstance(exc, TextProblems):
        yield from ((join_path(path, where), message) for where, message in exc.problems)
    elif isinstance(exc, Invalid):
        yield path, str(exc)
    elif isinstance(exc, IterableValidationError):
        items, others = exc.group_exceptions()
        for sub, index_note in items:
            yield from _problems(sub, f"{path}[{index_note.index}]", more)
        for sub in others:
            yield from _problems(sub, path, more)
    elif isinstance(exc, ForbiddenExtraKeysError):
        yield from ((f"{path}.{path_key(key)}", "unknown field") for key in sorted(exc.extra_fields, key=str))
    elif isinstance(exc, ClassValidationError):
        fields, rest = exc.group_exceptions()
        for sub, note in fields:
            where = f"{path}.{note.name}"
            if isinstance(sub, KeyError) and sub.args == (note.name,):
                yield where, "required field missing"
            else:
                yield from _problems(sub, where, more)
        for sub in rest:
            yield from _problems(sub, path, more)
    else:
        raise exc

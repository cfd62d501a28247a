"""cattrs' validation errors as povmodel's ``(json_path, message)`` pairs.

cattrs collects the problems of a detailed structuring run in a tree of
``ClassValidationError`` and ``IterableValidationError``; this walks it once.
Only data problems become messages: a refused value (`Invalid`), a model rule
(`ValidationError`), a missing or unknown field. Any other exception is a bug in
povmodel, and is raised again as itself, never turned into a validation error.
"""

from __future__ import annotations

from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from povmodel.core._validators import path_key
from povmodel.core.errors import ValidationError, join_path
from povmodel.io.converter import Invalid, TextProblems

__all__ = ["problems"]


def problems(exc: BaseException, path: str = "$") -> list[tuple[str, str]]:
    """Flatten a cattrs exception tree into ``(json_path, message)`` pairs; re-raise anything else."""
    if isinstance(exc, ValidationError):
        return list(exc.prefixed(path).errors)
    if isinstance(exc, TextProblems):
        return [(join_path(path, where), message) for where, message in exc.problems]
    if isinstance(exc, Invalid):
        return [(path, str(exc))]
    if isinstance(exc, IterableValidationError):
        items, rest = exc.group_exceptions()
        indexed = [e for sub, note in items for e in problems(sub, f"{path}[{note.index}]")]
        return indexed + [e for sub in rest for e in problems(sub, path)]
    if isinstance(exc, ForbiddenExtraKeysError):
        return [(f"{path}.{path_key(key)}", "unknown field") for key in sorted(exc.extra_fields)]
    if isinstance(exc, ClassValidationError):
        fields, rest = exc.group_exceptions()
        found: list[tuple[str, str]] = []
        for sub, note in fields:
            where = f"{path}.{note.name}"
            if isinstance(sub, KeyError) and sub.args == (note.name,):
                found.append((where, "required field missing"))
            else:
                found += problems(sub, where)
        return found + [e for sub in rest for e in problems(sub, path)]
    raise exc

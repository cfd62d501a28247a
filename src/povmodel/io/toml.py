"""TOML (the ``toml`` extra, tomlkit): parser and writer; TOML itself refuses duplicate keys."""

from __future__ import annotations

from typing import Any

from povmodel.core.errors import FormatError, ValidationError
from povmodel.io.json import decode
from povmodel.io.limits import bounded

__all__ = ["dumps", "loads"]


def _library() -> Any:
    try:
        import tomlkit
    except ImportError:
        raise FormatError("toml", "TOML support needs an extra: pip install 'povmodel[toml]'") from None
    return tomlkit


def loads(text: str | bytes) -> Any:
    """Parse TOML text into plain data.

    Raises:
        ValidationError: the text is not TOML.
        FormatError: tomlkit is not installed.
    """
    tomlkit = _library()
    source = decode(text, "TOML")
    try:
        return tomlkit.loads(source).unwrap()
    except RecursionError:
        raise ValidationError.at("$", "invalid TOML: nested too deeply") from None
    except tomlkit.exceptions.TOMLKitError as exc:
        raise ValidationError.at("$", f"invalid TOML: {bounded(str(exc))}") from None


def dumps(data: Any) -> str:
    """Write plain data as TOML."""
    return str(_library().dumps(data))

"""Versions of the file format, and the steps that bring an older file to the current one."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from povmodel.core._validators import type_name
from povmodel.core.errors import ValidationError
from povmodel.core.model import FORMAT_VERSION

__all__ = ["FORMAT_VERSION", "VERSION_KEY", "migrate"]

VERSION_KEY: Final = "format_version"
"""The top-level key that holds a file's format version."""


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 names the attendance's qualifier ``qualifier``, as a metric's is."""
    attendance = data.get("attendance")
    if isinstance(attendance, dict) and "participants_qualifier" in attendance:
        attendance = dict(attendance)
        attendance["qualifier"] = attendance.pop("participants_qualifier")
        data = {**data, "attendance": attendance}
    return data


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 adds optional fields only (statements, omissions, disjoint relations, grammatical forms)."""
    return data


_MIGRATIONS: Final[dict[int, Callable[[dict[str, Any]], dict[str, Any]]]] = {1: _v1_to_v2, 2: _v2_to_v3}
"""Version n -> the function that turns a version-n file into a version n+1 file."""


def migrate(data: Mapping[str, Any]) -> dict[str, Any]:
    """Bring a file's data to the current `FORMAT_VERSION`; the input is not changed.

    Raises:
        ValidationError: the version is missing, not an integer, or unknown
            (newer than this povmodel, or older than the first format).

    Examples:
        >>> migrate({"format_version": 1, "attendance": {"participants_qualifier": "more_than"}})
        {'format_version': 3, 'attendance': {'qualifier': 'more_than'}}
    """
    version = data.get(VERSION_KEY)
    where = f"$.{VERSION_KEY}"
    if version is None:
        raise ValidationError.at(where, "required field missing")
    if version.__class__ is not int:
        raise ValidationError.at(where, f"expected an integer, got {type_name(version)}")
    if version > FORMAT_VERSION:
        raise ValidationError.at(
            where, f"format version {version} is newer than this povmodel reads ({FORMAT_VERSION}): upgrade povmodel"
        )
    if version < 1:
        raise ValidationError.at(where, f"unknown format version {version}")
    migrated = dict(data)
    for step in range(version, FORMAT_VERSION):
        migrated = _MIGRATIONS[step](migrated)
    migrated[VERSION_KEY] = FORMAT_VERSION
    return migrated

"""JSON Schema (Draft 2020-12) of the file format, generated from the model.

The schema is derived from the attrs classes: field types give JSON types, field
defaults say what is optional, and each field's metadata gives its description
and the JSON Schema keywords of the rule it follows (id patterns, non-negative
values, ISO 4217 codes). Nothing here is maintained by hand beside the model.
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import functools
import inspect
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, get_args, get_origin

import attrs

from povmodel.core import _fields, limits
from povmodel.core._validators import DESCRIPTION, FORBIDDEN_CHARACTERS, SCHEMA
from povmodel.core.model import FORMAT_VERSION, Forum
from povmodel.core.text import TAG_PATTERN, LocalizedText

__all__ = ["json_schema"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
NON_BLANK = r"\S"
TEXT_KEYWORDS: dict[str, Any] = {"pattern": f"^[^{FORBIDDEN_CHARACTERS}]*$", "not": {"pattern": r"^\s*$"}}
"""A text: no character povmodel refuses (`FORBIDDEN_CHARACTERS`), and not blank."""
ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
LANGUAGE_TAG = f"^{TAG_PATTERN}$"


def _summary(cls: type) -> str:
    return (inspect.getdoc(cls) or "").split("\n\n")[0].replace("\n", " ").replace("``", "")


def _keywords(field: attrs.Attribute[Any]) -> dict[str, Any]:
    declared = field.metadata.get(SCHEMA, {})
    keywords = dict(declared() if callable(declared) else declared)
    if keywords.get("pattern") == NON_BLANK:  # a text: the whole rule of a text, not only "not blank"
        del keywords["pattern"]
        keywords.update(copy.deepcopy(TEXT_KEYWORDS))
    return keywords


def _is_name(field: attrs.Attribute[Any]) -> bool:
    """A name that others refer to (`povmodel.core.limits.MAX_NAME_LENGTH`), required or optional."""
    return field.validator is _fields.NAME or getattr(field.validator, "validator", None) is _fields.NAME


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def type_schema(self, tp: Any) -> dict[str, Any]:
        origin, args = get_origin(tp), get_args(tp)
        if origin in (typing.Union, types.UnionType):
            options = [self.type_schema(a) for a in args if a is not type(None)]
            schema = options[0] if len(options) == 1 else {"anyOf": options}
            return {"anyOf": [schema, {"type": "null"}]} if type(None) in args else schema
        if origin is tuple:
            return {"type": "array", "items": self.type_schema(args[0]), "maxItems": limits.MAX_ITEMS}
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is Decimal:
            return {"type": "string"}
        if tp is dt.date:
            return {"type": "string", "format": "date", "pattern": ISO_DATE}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [member.value for member in tp]}
        if tp is LocalizedText:
            return self.ref(tp, self.localized_text)
        if attrs.has(tp):
            return self.ref(tp, self.class_schema)
        raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - a new field type needs a rule here

    def ref(self, cls: type, build: Callable[[type], dict[str, Any]]) -> dict[str, Any]:
        if cls.__name__ not in self.defs:
            self.defs[cls.__name__] = {}  # placeholder: classes may refer to each other
            self.defs[cls.__name__] = build(cls)
        return {"$ref": f"#/$defs/{cls.__name__}"}

    def localized_text(self, cls: type, max_length: int = limits.MAX_TEXT_LENGTH) -> dict[str, Any]:
        return {
            "description": "Text in several languages: an object of BCP 47 language tag to text.",
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": LANGUAGE_TAG},
            "maxProperties": limits.MAX_LANGUAGES,
            "additionalProperties": {"type": "string", **copy.deepcopy(TEXT_KEYWORDS), "maxLength": max_length},
        }

    def name(self) -> dict[str, Any]:
        """A `LocalizedText` that others refer to: a name, shorter than other texts."""
        if "Name" not in self.defs:
            self.defs["Name"] = {
                **self.localized_text(LocalizedText, limits.MAX_NAME_LENGTH),
                "description": "A name in several languages: an object of BCP 47 language tag to text.",
            }
        return {"$ref": "#/$defs/Name"}

    def class_schema(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required = []
        for field in attrs.fields(cls):
            name = field.alias or field.name
            schema = self.type_schema(hints[field.name])
            if _is_name(field):
                schema = _replace_ref(schema, self.name())
            declared = _keywords(field)
            if declared and "anyOf" in schema and schema["anyOf"][-1] == {"type": "null"}:
                schema["anyOf"][0] = {**schema["anyOf"][0], **declared}  # optional: constrain the value
            else:
                schema = {**schema, **declared}
            if DESCRIPTION in field.metadata:
                schema = {"description": field.metadata[DESCRIPTION], **schema}
            properties[name] = schema
            if field.default is attrs.NOTHING:
                required.append(name)
        result: dict[str, Any] = {
            "description": _summary(cls),
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            result["required"] = required
        return result


def _replace_ref(schema: dict[str, Any], ref: dict[str, Any]) -> dict[str, Any]:
    """``schema`` (a `LocalizedText`, or one or null) with ``ref`` for the `LocalizedText`."""
    if "anyOf" in schema:
        return {**schema, "anyOf": [_replace_ref(option, ref) for option in schema["anyOf"]]}
    return ref if schema == {"$ref": "#/$defs/LocalizedText"} else schema


@functools.cache
def _schema() -> dict[str, Any]:
    builder = _Builder()
    forum = builder.class_schema(Forum)
    forum["properties"] = {
        "format_version": {"description": "The version of the file format.", "const": FORMAT_VERSION},
        **forum["properties"],
    }
    forum["required"] = ["format_version", *forum["required"]]
    return {
        "$schema": DIALECT,
        "$id": f"https://povmodel.invalid/schema/forum-v{FORMAT_VERSION}.json",
        "title": f"povmodel forum file, format version {FORMAT_VERSION}",
        **forum,
        "$defs": dict(sorted(builder.defs.items())),
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (Draft 2020-12) of povmodel's file format, as a new dict.

    Generated from the model: what the converter reads and writes, with decimals
    as strings in plain notation, ISO 8601 dates, enums by value and language maps.
    Cross-field rules (every id resolves, periods end after they start) are checked
    by povmodel itself and are not in the schema.

    Examples:
        >>> schema = json_schema()
        >>> schema["$schema"], schema["properties"]["format_version"]["const"]
        ('https://json-schema.org/draft/2020-12/schema', 3)
        >>> schema["$defs"]["Quantity"]["properties"]["value"]["pattern"]
        '^[0-9]{1,24}(\\\\.[0-9]{1,12})?$'
    """
    return copy.deepcopy(_schema())

"""YAML (the ``yaml`` extra, PyYAML): parser and writer with the JSON reader's strictness.

PyYAML's safe loader follows YAML 1.1, which reads ``010`` as 8, ``5:00`` as 300
and ``yes`` as true, takes the last of duplicate keys, expands aliases (a few
hundred bytes of anchors can stand for gigabytes), and lets a tag ask for any of
those readings (``!!int 0x1F``). povmodel's loader refuses anchors, aliases,
tags and duplicate keys, and resolves plain scalars as JSON would: only
``true``/``false``, ``null``, decimal integers without leading zeros and plain
floats; anything else stays a string, which the reader then refuses where a
number belongs. An unquoted date (``2020-10-16``) is a string too, read by the
same hook as JSON's, so that a date that does not exist (``2020-02-30``) is
refused with its path, not raised by PyYAML. An integer too long to convert is
left for the hooks to refuse with its path, as the JSON reader leaves it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any, ClassVar

from povmodel.core import limits
from povmodel.core._validators import show
from povmodel.core.errors import FormatError, ValidationError
from povmodel.io.converter import TooLong
from povmodel.io.json import MAX_INT_TEXT, decode
from povmodel.io.limits import bounded

__all__ = ["dumps", "loads"]

# how the loader reads a plain scalar; the writer quotes a string that any of these, or a date, would match
_RESOLVERS = (
    ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), "tf"),
    ("tag:yaml.org,2002:null", re.compile(r"^(?:null|~|)$"), "n~"),
    ("tag:yaml.org,2002:int", re.compile(r"^-?(?:0|[1-9][0-9]*)$"), "-0123456789"),
    ("tag:yaml.org,2002:float", re.compile(r"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?$"), "-0123456789"),
)
_QUOTED = (*_RESOLVERS, ("tag:yaml.org,2002:timestamp", re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), "0123456789"))


def _library() -> Any:
    try:
        import yaml
    except ImportError:
        raise FormatError("yaml", "YAML support needs an extra: pip install 'povmodel[yaml]'") from None
    return yaml


@functools.cache
def _loader() -> type[Any]:
    yaml = _library()
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class StrictLoader(base):  # type: ignore[misc,valid-type]
        yaml_implicit_resolvers: ClassVar[dict[str, list[Any]]] = {}

        def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
            keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
            seen: set[Any] = set()
            for key, (key_node, _) in zip(keys, node.value, strict=True):
                try:
                    repeated = key in seen
                except TypeError:  # an unhashable key: the base class says so
                    break
                if repeated:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {show(key)}", key_node.start_mark
                    )
                seen.add(key)
            mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
            return mapping

        def construct_yaml_int(self, node: Any) -> int:
            text = str(self.construct_scalar(node))
            return TooLong(text) if len(text) > MAX_INT_TEXT else int(text)

    StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_yaml_int)
    for tag, pattern, first in _RESOLVERS:
        StrictLoader.add_implicit_resolver(tag, pattern, list(first))
    return StrictLoader


def _where(mark: Any) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}"


def _message(exc: Exception) -> str:
    """PyYAML's message on one line and bounded, its marks as "at line 3, column 1" (the input has no file name)."""
    return bounded(str(exc).replace(' in "<unicode string>",', " at"))


def _scan(yaml: Any, tokens: Iterable[Any]) -> None:
    """Refuse anchors, aliases and tags, and a collection of far more items than a forum may hold.

    PyYAML builds a node of a few hundred bytes for each value before povmodel sees
    any: a 16 MiB flow sequence would take gigabytes. So the tokens are counted as
    they come, and the scan stops a little past `povmodel.core.limits.MAX_ITEMS`
    entries in one collection (a mapping's keys, a sequence's entries); the exact
    budget, with its path, is checked on the parsed data as in every format.
    """
    starts = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken)
    opening = {*starts, yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken}
    closing = {yaml.BlockEndToken, yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken}
    entry, key, block_entry = yaml.FlowEntryToken, yaml.KeyToken, yaml.BlockEntryToken
    refused = {yaml.AnchorToken, yaml.AliasToken, yaml.TagToken}
    # per open collection: [its kind, its entries, the entries of a sequence written under its current key]
    open_: list[list[Any]] = []
    for token in tokens:
        kind = token.__class__
        if kind in opening:
            open_.append([kind, 0, 0])
            continue
        if kind in closing:
            if open_:
                open_.pop()
            continue
        if kind in refused:
            where = _where(token.start_mark)
            if kind is yaml.TagToken:
                raise ValidationError.at("$", f"invalid YAML: tags are not allowed ({where}); quote a string instead")
            raise ValidationError.at("$", f"invalid YAML: anchors and aliases are not allowed ({where})")
        if not open_ or kind not in (entry, key, block_entry):
            continue
        top = open_[-1]
        slot = 2 if kind is block_entry and top[0] is yaml.BlockMappingStartToken else 1
        top[slot] += 1
        if kind is key:
            top[2] = 0
        if top[slot] > limits.MAX_ITEMS + 1:
            where = _where(token.start_mark)
            raise ValidationError.at(
                "$", f"invalid YAML: a collection of more than {limits.MAX_ITEMS:,} items ({where})"
            )


def loads(text: str | bytes) -> Any:
    """Parse YAML text into plain data, refusing anchors, aliases, tags and duplicate keys.

    Raises:
        ValidationError: the text is not YAML, or uses what povmodel refuses.
        FormatError: PyYAML is not installed.
    """
    yaml = _library()
    source = decode(text, "YAML")
    loader = _loader()
    try:
        _scan(yaml, yaml.scan(source, Loader=loader))  # one linear pass, before anything is built
        return yaml.load(source, Loader=loader)
    except RecursionError:
        raise ValidationError.at("$", "invalid YAML: nested too deeply") from None
    except yaml.YAMLError as exc:
        raise ValidationError.at("$", f"invalid YAML: {_message(exc)}") from None


@functools.cache
def _dumper() -> type[Any]:
    yaml = _library()
    base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class QuotingDumper(base):  # type: ignore[misc,valid-type]
        """Quotes every string that povmodel's loader, or a YAML 1.1 loader, would read as something else."""

        yaml_implicit_resolvers: ClassVar[dict[str, list[Any]]] = {
            first: list(resolvers) for first, resolvers in base.yaml_implicit_resolvers.items()
        }

    for tag, pattern, first in _QUOTED:
        QuotingDumper.add_implicit_resolver(tag, pattern, list(first))
    return QuotingDumper


def dumps(data: Any) -> str:
    """Write plain data as block-style YAML, keeping non-ASCII text as it is.

    A string that any YAML loader could read as a number, a boolean or a date
    (``"1e3"``, ``"010"``, ``"yes"``) is quoted.
    """
    yaml = _library()
    return str(yaml.dump(data, Dumper=_dumper(), allow_unicode=True, sort_keys=False, width=100))

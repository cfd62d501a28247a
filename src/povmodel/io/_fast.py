"""The reader's fast path: one straight-line function per model class, generated once.

A function reads one class from parsed JSON and builds it as the class's attrs
``__init__`` would: it sets each slot, applies each field's validator, then
calls ``__attrs_post_init__`` (the checks across fields, and a forum's ids and
references). A validator that says what it accepts (`povmodel.core._validators.FAST`:
"exactly a ``str`` that is an id", "exactly a `Source`") is applied inline, and
not at all where the reader built a value of that exact type already; any other
validator is called as attrs calls it. So every value is checked once, by the
model's own rules, and a user's object is built and validated by attrs as
before: this builder is private to the reader, which only hands it data it has
read. Texts read from the parser's pairs take `LocalizedText`'s quick check
inline (the parser's keys are strings, its pairs 2-tuples); anything else goes
through ``LocalizedText(pairs)``.

The functions also check what the validators cannot know: the JSON shape (an
object for a class, an array for a tuple, no unknown or duplicate keys), exact
JSON types (``true`` is not an integer), and the reader's own rules through the
same hooks as the detailed converter (decimals as strings within the digit
budgets, ISO dates, enums by value).

A function refuses anything else by raising; it says nothing of why. The reader
(`povmodel.io.serialize`) then reads the data again with cattrs' detailed
converter, which finds each problem with its path and message.

Two flavours are generated from one description of the classes: one reads
dicts (`from_dict`, and the data of the careful JSON parser), the other reads
the parser's objects as tuples of ``(key, value)`` pairs (``object_pairs_hook=tuple``),
which finds a duplicate key without a Python call per object: ``dict(pairs)``
has fewer keys than there are pairs.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

import attrs

from povmodel.core import _validators, limits, text
from povmodel.core.model import Forum
from povmodel.core.text import LocalizedText
from povmodel.io import converter

__all__ = ["Reader", "Writer", "reader", "writer"]

Reader = Callable[[object], Any]
"""Reads one object of a class from parsed data; raises (anything) where the data is not valid."""

_MISSING: Final = object()


class _Refused(Exception):
    """The fast path does not read this data."""


def _refuse() -> Any:
    raise _Refused


def _text(value: object) -> LocalizedText:
    if value.__class__ is not dict:
        raise _Refused
    return LocalizedText(value)


def _text_pairs(value: object) -> LocalizedText:
    if value.__class__ is not tuple:
        raise _Refused
    return LocalizedText(value)


def _optional(kind: Any) -> Any:
    """``X`` when ``kind`` is ``X | None``, else ``None``."""
    args = typing.get_args(kind)
    if typing.get_origin(kind) in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return next(arg for arg in args if arg is not type(None))
    return None


def reader(cls: type[Any] = Forum, *, pairs: bool = False) -> Reader:
    """The function that reads ``cls`` (an attrs class of the model) and every class it holds.

    Args:
        cls: the class.
        pairs: read objects as tuples of ``(key, value)`` pairs, refusing a
            duplicate key; otherwise as dicts.

    Either way, a value read is of exactly its field's type (a ``str`` subclass
    is refused, as cattrs' hooks refuse it), which lets the reader skip the
    validators that check only that.
    """
    return _Generator(pairs).function(cls)


class _Generator:
    def __init__(self, pairs: bool) -> None:
        self.pairs = pairs
        self.functions: dict[type, Reader] = {}
        self.globals: dict[str, Any] = {
            "_Refused": _Refused,
            "_refuse": _refuse,
            "_MISSING": _MISSING,
            "_MAX_ITEMS": limits.MAX_ITEMS,
            "_text": _text_pairs if pairs else _text,
            "_new": object.__new__,
            "_LocalizedText": LocalizedText,
            "_set_items": LocalizedText.__dict__["items_"].__set__,
            "_KNOWN_TAGS": text.KNOWN_TAGS,
            "_known_tag": text.known_tag,
            "_text_ok": _validators.text_ok,
            "_MAX_TEXT": limits.MAX_TEXT_LENGTH,
            "_MAX_LANGUAGES": limits.MAX_LANGUAGES,
            "_decimal": converter._structure_decimal,
            "_date": converter._structure_date,
        }

    def function(self, cls: type[Any]) -> Reader:
        found = self.functions.get(cls)
        if found is None:
            found = self._generate(cls)
        return found

    def _generate(self, cls: type[Any]) -> Reader:
        if hasattr(cls, "__attrs_pre_init__") or not attrs.has(cls) or cls.__setattr__ is object.__setattr__:
            raise TypeError(f"the fast reader builds frozen attrs classes only: {cls.__name__}")
        name = f"read_{cls.__name__}"
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        lines = [f"def {name}(o):"]
        if self.pairs:
            lines += [
                "    if o.__class__ is not tuple: raise _Refused",
                "    d = dict(o)",
                "    if len(d) != len(o): raise _Refused",
            ]
        else:
            lines += ["    if o.__class__ is not dict: raise _Refused", "    d = o"]
        required = sum(1 for field in fields if field.default is attrs.NOTHING)
        lines.append(f"    n = {required}")
        for index, field in enumerate(fields):
            var = f"v{index}"
            if field.converter is not None:
                raise TypeError(f"the fast reader takes fields without converters: {cls.__name__}.{field.name}")
            if field.default is attrs.NOTHING:
                lines.append(f"    {var} = d[{field.name!r}]")
                lines += ["    " + line for line in self._read(hints[field.name], var)]
            else:
                if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                    raise TypeError(f"the fast reader takes plain defaults only: {cls.__name__}.{field.name}")
                default = f"_default_{cls.__name__}_{index}"
                self.globals[default] = field.default
                lines += [
                    f"    {var} = d.get({field.name!r}, _MISSING)",
                    f"    if {var} is _MISSING: {var} = {default}",
                    "    else:",
                    "        n += 1",
                ]
                lines += ["        " + line for line in self._read(hints[field.name], var) or ["pass"]]
        lines.append("    if len(d) != n: raise _Refused")
        # What attrs' __init__ does, in its order: set each field, run each validator, then
        # __attrs_post_init__. A validator that says what it accepts (_validators.FAST) is
        # applied here as that; any other one is called as attrs calls it.
        called = []
        for index, field in enumerate(fields):
            check = self._check(field.validator, hints[field.name], f"v{index}")
            if check is None:
                validator, attribute = f"_validator_{cls.__name__}_{index}", f"_attribute_{cls.__name__}_{index}"
                self.globals[validator], self.globals[attribute] = field.validator, field
                called.append(f"    {validator}(self, {attribute}, v{index})")
            else:
                lines += ["    " + line for line in check]
        lines.append(f"    self = _new(_cls_{cls.__name__})")
        for index, field in enumerate(fields):
            setter = f"_set_{cls.__name__}_{index}"
            self.globals[setter] = cls.__dict__[field.name].__set__  # the slot's setter, which object.__setattr__ calls
            lines.append(f"    {setter}(self, v{index})")
        lines += called
        if hasattr(cls, "__attrs_post_init__"):
            lines.append("    self.__attrs_post_init__()")
        lines.append("    return self")
        self.globals[f"_cls_{cls.__name__}"] = cls
        self.globals[name] = None  # placeholder: a class may hold itself
        namespace = self.globals
        exec(compile("\n".join(lines) + "\n", f"<povmodel reader {cls.__name__}>", "exec"), namespace)
        function: Reader = namespace[name]
        self.functions[cls] = function
        return function

    def _check(self, validator: Any, kind: Any, var: str) -> list[str] | None:
        """Lines that check ``var`` (read as exactly ``kind``) as ``validator`` would; ``None``: call it."""
        if validator is None:
            return []
        fast = _validators.FAST.get(validator)
        if fast is None:
            return None
        inner = _optional(kind)
        nullable = inner is not None
        if (inner if nullable else kind) != fast.kind:
            return None
        lines = [f"if {var} is None: raise _Refused"] if nullable and not fast.optional else []
        if fast.ok is not None:
            ok = f"_ok_{id(fast.ok)}"
            self.globals[ok] = fast.ok
            test = f"not {ok}({var})"
            if fast.known is not None:
                self.globals[f"_known_{id(fast.ok)}"] = fast.known
                test = f"{var} not in _known_{id(fast.ok)} and {test}"
            if nullable:
                test = f"{var} is not None and {test}"
            lines.append(f"if {test}: raise _Refused")
        return lines

    def _read(self, kind: Any, var: str) -> list[str]:
        """Lines that check ``var`` as JSON data of type ``kind`` and turn it into the field's value."""
        args = typing.get_args(kind)
        inner = _optional(kind)
        if inner is not None:
            body = self._read(inner, var)
            return [f"if {var} is not None:", *("    " + line for line in body)] if body else []
        if kind is str or kind is bool:
            return [f"if {var}.__class__ is not {kind.__name__}: raise _Refused"]
        if kind is int:
            return [f"if {var}.__class__ is not int: raise _Refused"]  # a bool, or an integer too long to read
        if kind is Decimal:
            return [f"{var} = _decimal({var}, None)"]
        if kind is LocalizedText:
            return self._read_text(var) if self.pairs else [f"{var} = _text({var})"]
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            table = f"_enum_{kind.__name__}"
            self.globals[table] = {member.value: member for member in kind}
            return [f"if {var}.__class__ is not str: raise _Refused", f"{var} = {table}[{var}]"]
        if isinstance(kind, type) and attrs.has(kind):
            self.function(kind)
            return [f"{var} = read_{kind.__name__}({var})"]
        if typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis:
            return self._read_tuple(args[0], var)
        if kind is dt.date:
            return [f"{var} = _date({var}, None)"]
        raise TypeError(f"the fast reader cannot read {kind!r}")  # pragma: no cover - a new kind of field

    def _read_text(self, var: str) -> list[str]:
        """`LocalizedText`'s quick check of its pairs, inline: the parser's pairs are 2-tuples, their keys strings.

        Pairs with tags in order, each known and each text valid, are taken as they
        are; anything else goes the long way, ``LocalizedText(pairs)``, which
        sorts them, or raises what is wrong.
        """
        invalid = (
            "x.__class__ is not str or not 0 < len(x) <= _MAX_TEXT or x.isspace()"
            " or not (x.isprintable() or _text_ok(x))"
        )
        return [
            f"if {var}.__class__ is not tuple or not 0 < len({var}) <= _MAX_LANGUAGES: raise _Refused",
            "p = ''",
            f"for t, x in {var}:",
            f"    if t <= p or (t not in _KNOWN_TAGS and not _known_tag(t)) or {invalid}:",
            f"        {var} = _LocalizedText({var})",
            "        break",
            "    p = t",
            "else:",
            f"    p = {var}",
            f"    {var} = _new(_LocalizedText)",
            f"    _set_items({var}, p)",
        ]

    def _read_tuple(self, item: Any, var: str) -> list[str]:
        lines = [f"if {var}.__class__ is not list or len({var}) > _MAX_ITEMS: raise _Refused"]
        if item is str:
            lines += [f"for i in {var}:", "    if i.__class__ is not str: raise _Refused"]
            return [*lines, f"{var} = tuple({var})"]
        if item is LocalizedText:
            return [*lines, f"{var} = tuple([_text(i) for i in {var}])"]
        if isinstance(item, type) and attrs.has(item):
            self.function(item)
            return [*lines, f"{var} = tuple([read_{item.__name__}(i) for i in {var}])"]
        raise TypeError(f"the fast reader cannot read tuples of {item!r}")  # pragma: no cover - a new kind of field


Writer = Callable[[Any], dict[str, Any]]
"""Writes one model object as plain JSON data."""


def writer(cls: type[Any] = Forum) -> Writer:
    """The function that writes ``cls`` as cattrs' converter (`povmodel.io.converter`) writes it, faster.

    Fields in order, those at their default left out; decimals in plain
    notation, dates in ISO 8601, enums by value, texts as objects, tuples as lists.
    """
    namespace: dict[str, Any] = {"_decimal": converter._unstructure_decimal}
    done: set[type] = set()

    def value(kind: Any, var: str) -> str:
        args = typing.get_args(kind)
        inner = _optional(kind)
        if inner is not None:
            return f"(None if {var} is None else {value(inner, var)})"
        if kind in (str, int, bool):
            return var
        if kind is Decimal:
            return f"_decimal({var})"
        if kind is dt.date:
            return f"{var}.isoformat()"
        if kind is LocalizedText:
            return f"dict({var}.items_)"
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return f"{var}._value_"
        if isinstance(kind, type) and attrs.has(kind):
            generate(kind)
            return f"write_{kind.__name__}({var})"
        if typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis:
            return f"list({var})" if args[0] is str else f"[{value(args[0], 'i')} for i in {var}]"
        raise TypeError(f"the fast writer cannot write {kind!r}")  # pragma: no cover - a new kind of field

    def generate(cls: type[Any]) -> None:
        if cls in done:
            return
        done.add(cls)
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        # As cattrs: the fields that are always written first, then the others, each in order.
        required = [
            f"{field.name!r}: {value(hints[field.name], 'o.' + field.name)}"
            for field in fields
            if field.default is attrs.NOTHING
        ]
        lines = [f"def write_{cls.__name__}(o):", f"    d = {{{', '.join(required)}}}"]
        for index, field in enumerate(fields):
            if field.default is not attrs.NOTHING:
                var, default = f"v{index}", f"_default_{cls.__name__}_{index}"
                namespace[default] = field.default
                lines.append(f"    {var} = o.{field.name}")
                lines.append(f"    if {var} != {default}: d[{field.name!r}] = {value(hints[field.name], var)}")
        lines.append("    return d")
        exec(compile("\n".join(lines) + "\n", f"<povmodel writer {cls.__name__}>", "exec"), namespace)

    generate(cls)
    function: Writer = namespace[f"write_{cls.__name__}"]
    return function

"""The fast paths (`povmodel.io._fast`): they read and write exactly what cattrs' converters do."""

from __future__ import annotations

import json
import typing
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import povmodel as pm
from povmodel.core import _validators
from povmodel.core import limits as core_limits
from povmodel.io import _errors, _fast, limits, serialize
from povmodel.io import json as json_format
from tests.strategies import SOME_TAGS, SOME_TEXTS, forums

TEXT = pm.dumps(pm.load_forum())


def _body(forum: pm.Forum) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(pm.dumps(forum))
    del data["format_version"]
    return data


@given(forums())
def test_the_fast_readers_read_what_the_detailed_converter_reads(forum: pm.Forum) -> None:
    text = pm.dumps(forum)
    assert serialize._read_fast(json_format.loads_pairs(text)) == forum
    from_dicts, _ = serialize._readers()
    assert from_dicts(_body(forum)) == forum == serialize._converters()[1].structure(_body(forum), pm.Forum)


@given(forums())
def test_the_fast_writer_writes_what_cattrs_writes(forum: pm.Forum) -> None:
    written = serialize._converters()[0].unstructure(forum, pm.Forum)
    assert json.dumps(pm.to_dict(forum)) == json.dumps({"format_version": pm.FORMAT_VERSION, **written})


def test_valid_json_is_read_without_the_careful_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    def careful(text: object) -> object:
        raise AssertionError("the careful parser read a valid document")

    monkeypatch.setattr(json_format, "loads", careful)
    forum = pm.loads(TEXT)
    assert forum == pm.load_forum()
    assert pm.loads_many("[" + TEXT + ", " + TEXT + "]") == (forum, forum)
    assert pm.loads_many(" [ ] ") == ()


@pytest.mark.parametrize(
    ("replace", "by", "path"),
    [
        ('"en": "Beijing"', '"en": "Beijing", "en": "Peking"', "$.city"),
        ('"id": "sasac"', '"id": "sasac", "id": "sasac"', "$.organizations[0]"),
    ],
)
def test_a_duplicate_key_found_by_the_fast_path_is_reported_as_before(replace: str, by: str, path: str) -> None:
    assert replace in TEXT
    text = TEXT.replace(replace, by, 1)
    assert serialize._read_fast(json_format.loads_pairs(text)) is None
    with pytest.raises(pm.ValidationError) as info:
        pm.loads(text)
    key = by.split('"')[1]
    assert info.value.errors == ((path, f"duplicate key {key!r}"),)


@pytest.mark.parametrize(
    "text",
    ["[", "[,]", "[1 2]", "[] x", '[{"a": 1},]', "{}", "", "[1]", "[NaN]"],
)
def test_what_is_not_an_array_of_forums_goes_the_careful_way(text: str) -> None:
    assert serialize._read_many_fast(text) is None
    with pytest.raises(pm.ValidationError):
        pm.loads_many(text)


def test_a_user_still_builds_only_valid_objects() -> None:
    source = pm.Source(quote="q")
    with pytest.raises(pm.ValidationError, match="must not be blank"):
        pm.LocalizedText({"en": " "})
    with pytest.raises(pm.ValidationError, match="not a language tag"):
        pm.LocalizedText([("EN", "x")])
    with pytest.raises(TypeError, match="'id' must be <class 'str'>"):
        pm.Measure(id=1, name=pm.LocalizedText({"en": "x"}))  # type: ignore[arg-type]
    with pytest.raises(pm.ValidationError, match="too long"):
        pm.Measure(id="m", name=pm.LocalizedText({"en": "x" * 301}))
    metric = pm.load_forum().metrics[0]
    with pytest.raises(pm.ValidationError, match="needs exactly one placeholder"):
        attrs.evolve(metric, statement=pm.LocalizedText({"en": "has {figure} twice: {figure}"}))
    with pytest.raises(pm.ValidationError, match="needs exactly one placeholder"):
        attrs.evolve(metric, statement=pm.LocalizedText({"en": "closes first } then {figure"}))
    with pytest.raises(TypeError, match="not a boolean"):
        pm.Attendance(participants=True, source=source)
    with pytest.raises(pm.ValidationError, match="refers to 'a' again"):
        pm.Relation(id="r", kind=pm.RelationKind.DISJOINT, parts=("a", "a"), note="n")


def test_pausing_the_collector_restores_its_state() -> None:
    import gc

    text = "[" + TEXT + "]"
    assert gc.isenabled()
    assert pm.loads_many(text, pause_gc=True) == (pm.load_forum(),)
    assert gc.isenabled()
    gc.disable()
    try:
        pm.loads_many(text, pause_gc=True)
        assert not gc.isenabled()
    finally:
        gc.enable()


# -- differential: the fast path never accepts what the detailed converter refuses ----------

_NEAR_VALID = st.sampled_from(
    ["", " ", "x", "CNY", "cny", "XYZ", "household", "2020-10-16", "2020-02-30", "-1", "1e5", "0.10", "1.", "NaN",
     "sasac", "Sasac", "sinopec", "en", "EN", "zh-Hans", "more_than", "nearly", "exact", "a\u0000b", "{figure}"]
)  # fmt: skip
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8)
    | _NEAR_VALID,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6) | _NEAR_VALID, inner, max_size=3),
    max_leaves=6,
)  # fmt: skip


@st.composite
def _mutated(draw: st.DrawFn) -> dict[str, Any]:
    """The bundled forum's data with one place replaced, deleted, or given an unknown key."""
    data = _body(pm.load_forum())
    node: Any = data
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        key = draw(st.sampled_from(keys))
        child = node[key]
        if isinstance(child, dict | list) and child and draw(st.booleans()):
            node = child
            continue
        action = draw(st.sampled_from(["replace", "delete", "unknown key"]))
        if action == "replace":
            node[key] = draw(_JSON)
        elif action == "delete":
            del node[key]
        elif isinstance(node, dict):
            node[draw(st.text(min_size=1, max_size=6) | _NEAR_VALID)] = draw(_JSON)
        break
    return data


def _detailed(data: dict[str, Any]) -> pm.Forum | None:
    """What the careful path makes of a forum's body: the forum, or None where it raises a ValidationError."""
    if limits.walk(data):
        return None
    try:
        return serialize._converters()[1].structure(data, pm.Forum)
    except Exception as exc:  # noqa: BLE001 - flattened as loads does: anything but a data problem is re-raised
        error = _errors.validation_error(exc)
    assert isinstance(error, pm.ValidationError)
    return None


@given(_mutated())
def test_the_fast_paths_accept_only_what_the_detailed_converter_accepts(data: dict[str, Any]) -> None:
    expected = _detailed(data)
    from_dicts, _ = serialize._readers()
    try:
        fast = from_dicts(data)
    except Exception:  # noqa: BLE001 - a refusal, which says nothing (the careful path then explains)
        fast = None
    text = json.dumps({"format_version": pm.FORMAT_VERSION, **data}, ensure_ascii=False)
    try:
        parsed = json_format.loads_pairs(text)
    except Exception:  # noqa: BLE001 - text the fast parser refuses goes the careful way too
        parsed = None
    from_pairs = serialize._read_fast(parsed)
    if expected is None:
        assert fast is None
        assert from_pairs is None
    else:
        # Valid data: both fast readers read it (the reader of dicts must: loads treats its refusal as a bug).
        assert fast == expected
        assert from_pairs == expected


# -- what the reader applies in place of a validator ------------------------------------------


def _model() -> list[tuple[type, attrs.Attribute[Any]]]:
    """Every field of every class a forum holds."""
    found: list[tuple[type, attrs.Attribute[Any]]] = []
    todo: list[type] = [pm.Forum]
    seen: set[type] = set()
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        for field in attrs.fields(cls):
            found.append((cls, field))
            kinds = [typing.get_type_hints(cls)[field.name]]
            while kinds:
                kind = kinds.pop()
                kinds += typing.get_args(kind)
                if isinstance(kind, type) and attrs.has(kind):
                    todo.append(kind)
    return found


def _values(value: object) -> list[object]:
    """A value of the bundled forum and every value it holds."""
    found = [value]
    if isinstance(value, tuple):
        for item in value:
            found += _values(item)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):  # type: ignore[arg-type]
            found += _values(getattr(value, field.name))
    return found


_NAME = core_limits.MAX_NAME_LENGTH
_EDGES: list[object] = [
    None, "", " ", "x", "Sasac", "a--b", "a" * 64, "a" * 65, "a\u0000b", "a\nb", "\u00a0", "CNY", "cny", "XYZ",
    "household", "households", -1, 0, 1, 1899, 1900, 2100, 2101, core_limits.MAX_COUNT, core_limits.MAX_COUNT + 1,
    True, False, Decimal("-0"), Decimal("-1"), Decimal("NaN"), Decimal("Infinity"), Decimal("0.5"),
    (), ("a", "a"), ("a", "B"), ("a", "b"), ("a", 1), ("x",) * (core_limits.MAX_ITEMS + 1),
    *(pm.LocalizedText({"en": text}) for text in ("x" * _NAME, "x" * (_NAME + 1), "{figure}", "{figure}{figure}",
      "a}{figure}", "{ figure}", "{speakers} said so", "{speakers}{", "no placeholder", "{value} and {figure}")),
]  # fmt: skip
_FIELDS = [(cls, field) for cls, field in _model() if field.validator in _validators.FAST]
_POOL = list({id(value): value for value in _values(pm.load_forum()) + _EDGES}.values())


def _exactly(value: object, kind: Any) -> bool:
    if typing.get_origin(kind) is tuple:
        (item, _) = typing.get_args(kind)
        return (
            type(value) is tuple
            and len(value) <= core_limits.MAX_ITEMS
            and all(each.__class__ is item for each in value)
        )
    return value.__class__ is kind


def test_each_validator_the_reader_does_not_call_accepts_what_it_says() -> None:
    """For every value of the exact type the reader builds, `Fast` predicts the validator: `ok`, or anything."""
    assert len(_FIELDS) > 60  # nearly every field: the few others are called as attrs calls them
    compared = 0
    for cls, field in _FIELDS:
        fast = _validators.FAST[field.validator]
        for value in _POOL:
            if value is None:
                predicted = fast.optional
            elif _exactly(value, fast.kind):
                predicted = fast.ok is None or fast.ok(value)
            else:
                continue  # the reader never hands it such a value: it refuses it first
            try:
                validator: Any = field.validator
                validator(None, field, value)
                accepted = True
            except (pm.ValidationError, TypeError, ValueError):
                accepted = False
            assert predicted == accepted, (cls.__name__, field.name, value)
            compared += 1
    assert compared > 5_000


@settings(max_examples=300)
@example((("en", "b"), ("en", "a")))
@example((("fr", "b"), ("en", "a")))
@example((("en", "x" * (_NAME + 1)),))
@example(())
@given(st.lists(st.tuples(SOME_TAGS, SOME_TEXTS), max_size=core_limits.MAX_LANGUAGES + 2).map(tuple))
def test_a_text_read_from_the_parser_is_the_text_its_pairs_make(pairs: tuple[tuple[str, object], ...]) -> None:
    """The reader's inline check of a text takes what ``LocalizedText(pairs)`` takes, and builds the same text."""
    try:
        expected = pm.Measure(id="m", name=pm.LocalizedText(pairs))  # type: ignore[arg-type]
    except pm.ValidationError:
        expected = None
    try:
        read = _fast.reader(pm.Measure, pairs=True)((("id", "m"), ("name", pairs)))
    except Exception:  # noqa: BLE001 - a refusal
        read = None
    assert read == expected
    if read is not None:
        assert read.name.items_ == tuple(sorted(pairs, key=lambda pair: pair[0]))


def test_what_the_reader_builds_is_what_attrs_builds() -> None:
    """Each object read has the state, hash and pickle of the same object built by its attrs ``__init__``."""
    import pickle

    forum = pm.loads(TEXT)
    objects: list[Any] = [value for value in _values(forum) if attrs.has(type(value))]  # texts too
    assert len(objects) > 300
    assert sum(isinstance(value, pm.LocalizedText) for value in objects) > 100
    for read in objects:
        built = attrs.evolve(read)  # through __init__, its converters and validators
        assert read.__getstate__() == built.__getstate__()
        assert hash(read) == hash(built)
        assert pickle.loads(pickle.dumps(read)) == built


def test_the_reader_builds_only_what_it_can_build_as_attrs_would() -> None:
    @attrs.frozen(kw_only=True)
    class Converted:
        name: str = attrs.field(converter=str)

    @attrs.define(kw_only=True)
    class Mutable:
        name: str

    for cls in (Converted, Mutable):
        with pytest.raises(TypeError, match="the fast reader"):
            _fast.reader(cls)

"""The fast paths (`povmodel.io._fast`): they read and write exactly what cattrs' converters do."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import povmodel as pm
from povmodel.io import _errors, limits, serialize
from povmodel.io import json as json_format
from tests.strategies import forums

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

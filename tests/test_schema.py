"""The JSON Schema: generated from the model, and agreeing with it in both directions."""

from __future__ import annotations

import copy
import json
import re
import types
from collections.abc import Callable
from typing import Any, Final

import hypothesis.internal.conjecture.utils as conjecture
import jsonschema
import pytest
from fuzz import oracle
from hypothesis import HealthCheck, event, given, settings
from hypothesis_jsonschema import _from_schema, from_schema

import povmodel as pm
from povmodel.io.schema import TEXT_KEYWORDS
from tests.mutations import drop_at, set_at
from tests.strategies import forums

SCHEMA = pm.json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
BASE = pm.to_dict(pm.load_forum())


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_bundled_file_validates() -> None:
    VALIDATOR.validate(BASE)
    VALIDATOR.validate(json.loads(pm.dumps(pm.load_forum())))


@given(forums())
def test_generated_forums_validate(forum: pm.Forum) -> None:
    VALIDATOR.validate(json.loads(pm.dumps(forum)))


def test_schema_is_generated_from_the_model() -> None:
    # Every attrs field of every class is a property; required means "no default".
    import attrs

    for name, definition in SCHEMA["$defs"].items():
        if name in ("LocalizedText", "Name"):  # texts: objects of language tag to text, not classes
            continue
        cls = getattr(pm, name)
        fields = {f.alias or f.name: f for f in attrs.fields(cls)}
        assert set(definition["properties"]) == set(fields)
        assert set(definition.get("required", [])) == {n for n, f in fields.items() if f.default is attrs.NOTHING}
        assert definition["additionalProperties"] is False
    assert SCHEMA["$defs"]["Metric"]["properties"]["qualifier"]["enum"] == [q.value for q in pm.Qualifier]
    assert "CNY" in SCHEMA["$defs"]["Quantity"]["properties"]["unit"]["anyOf"][0]["enum"]


def test_json_schema_returns_a_copy() -> None:
    schema = pm.json_schema()
    schema["title"] = "changed"
    assert pm.json_schema()["title"] != "changed"


CORRUPTIONS = {
    "number for decimal": set_at(("metrics", 3, "quantity", "value"), 12.5),
    "bad decimal": set_at(("metrics", 3, "quantity", "value"), "12,5"),
    "exponent decimal": set_at(("metrics", 3, "quantity", "value"), "1e5"),
    "negative value": set_at(("metrics", 3, "quantity", "value"), "-5"),
    "NaN": set_at(("metrics", 3, "quantity", "value"), "NaN"),
    "unknown currency": set_at(("metrics", 3, "quantity", "unit"), "XYZ"),
    "number for string": set_at(("metrics", 0, "id"), 123),
    "bad id": set_at(("metrics", 0, "id"), "Not An Id"),
    "null for required": set_at(("metrics", 0, "actor"), None),
    "bool for integer": set_at(("attendance", "participants"), True),
    "negative integer": set_at(("attendance", "participants"), -1),
    "object for array": set_at(("metrics",), {}),
    "string for array": set_at(("organizers",), "sinopec"),
    "array for object": set_at(("metrics", 2), []),
    "missing field": drop_at(("metrics", 3, "actor")),
    "missing version": drop_at(("format_version",)),
    "unknown key": set_at(("metrics", 3, "colour"), "red"),
    "bad enum": set_at(("metrics", 3, "qualifier"), "roughly"),
    "bad date": set_at(("date",), "2020-13-01"),
    "basic date": set_at(("date",), "20201016"),
    "bad language tag": set_at(("metrics", 3, "label"), {"EN": "x"}),
    "blank text": set_at(("metrics", 3, "label"), {"en": "  "}),
    "empty text": set_at(("metrics", 3, "label"), {}),
    "text not an object": set_at(("city",), "Beijing"),
    "newer version": set_at(("format_version",), pm.FORMAT_VERSION + 1),
}


# What povmodel refuses on a value's own terms, beyond types: the schema says it too.
HOSTILE = {
    "control character": set_at(("metrics", 3, "label", "en"), "x\x1b[2J"),
    "NUL": set_at(("city", "en"), "Bei\x00jing"),
    "lone surrogate": set_at(("city", "en"), "Bei\ud800jing"),
    "bidi override": set_at(("metrics", 3, "source", "quote"), "a\u202eb"),
    "blank quote": set_at(("metrics", 3, "source", "quote"), " \n\t"),
    "name too long": set_at(("name", "en"), "x" * 301),
    "text too long": set_at(("metrics", 3, "label", "en"), "x" * 5_001),
    "id too long": set_at(("metrics", 0, "id"), "x" * 65),
    "too many languages": set_at(("city",), {a + b: "x" for a in "abc" for b in "abcdefghijklmnopqrstuvwxyz"}),
    "too many items": set_at(("organizers",), [f"o{i}" for i in range(10_001)]),
    "repeated reference": set_at(("organizers",), ["sinopec", "sinopec"]),
    "too many integer digits": set_at(("metrics", 3, "quantity", "value"), "1" * 25),
    "too many fraction digits": set_at(("metrics", 3, "quantity", "value"), "0." + "1" * 13),
    "negative zero": set_at(("metrics", 3, "quantity", "value"), "-0"),
    "count too large": set_at(("attendance", "participants"), 10**15),
    "year out of range": set_at(("metrics", 2, "period"), {"start_year": 10_000}),
}


@pytest.mark.parametrize("mutate", [*CORRUPTIONS.values(), *HOSTILE.values()], ids=[*CORRUPTIONS, *HOSTILE])
def test_corruptions_are_rejected_by_both(mutate: Callable[[dict[str, Any]], None]) -> None:
    data = copy.deepcopy(BASE)
    mutate(data)
    with pytest.raises(pm.ValidationError):
        pm.from_dict(data)
    assert not VALIDATOR.is_valid(data)


def test_documented_schema_is_the_generated_one() -> None:
    from pathlib import Path

    documented = Path(__file__).resolve().parent.parent / "docs" / "schema.json"
    assert json.loads(documented.read_text(encoding="utf-8")) == SCHEMA, "run: povmodel schema > docs/schema.json"


# -- documents generated from the schema ------------------------------------------------


class _Many:
    """hypothesis-jsonschema 0.23 asks ``many(...).more()``; newer Hypothesis iterates a ``many`` instead."""

    def __init__(self, data: Any, **sizes: Any) -> None:
        self._many = conjecture.many(data, **sizes)
        self._many.__enter__()
        self._elements = iter(self._many)

    def more(self) -> bool:
        if next(self._elements, self) is not self:
            return True
        self._many.__exit__(None, None, None)
        return False

    def reject(self, why: str | None = None) -> None:
        self._many.reject(why)


if not hasattr(conjecture.many, "more"):
    _from_schema.cu = types.SimpleNamespace(**{**vars(conjecture), "many": _Many})  # type: ignore[attr-defined,assignment]

CROSS_FIELD: Final = re.compile(
    r"unknown \w+ id: |duplicate id: |parents form a cycle |too many objects with ids: "
    r"|a stated fact needs |an inferred fact needs |a period needs |ends before it starts: "
    r"|a \w+ relation (needs|has no) a whole|needs exactly one placeholder"
)
"""The rules povmodel checks across fields or objects, which the schema does not state."""


def _for_generation(node: Any) -> Any:
    """The schema with each text only "not blank" (documents then also break the rule of a text), and short arrays."""
    if isinstance(node, list):
        return [_for_generation(item) for item in node]
    if not isinstance(node, dict):
        return node
    plain = {key: _for_generation(value) for key, value in node.items()}
    if all(plain.get(key) == value for key, value in TEXT_KEYWORDS.items()):
        del plain["not"]
        plain["pattern"] = r"\S"
    if "maxItems" in plain:
        plain["maxItems"] = 4
    return plain


# A quarter of the profile's examples (25 locally, 250 in CI): each is a whole forum, slow to generate.
@settings(
    max_examples=max(10, settings().max_examples // 4),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
@given(from_schema(_for_generation(SCHEMA)))
def test_generated_documents_are_read_as_the_schema_says(document: dict[str, Any]) -> None:
    """A document the schema accepts is refused only by rules across fields; one it refuses, by a rule of a value."""
    valid = VALIDATOR.is_valid(document)
    try:
        pm.from_dict(document)
    except pm.ValidationError as error:
        oracle.check_refusal(error)
        own = [(path, message) for path, message in error.errors if not CROSS_FIELD.match(message)]
        event("refused by a rule of a value" if own else "refused by a rule across fields")
        assert bool(own) != valid, (own, [e.message[:80] for e in VALIDATOR.iter_errors(document)][:5])
    else:
        event("loaded")
        assert valid, [e.message[:80] for e in VALIDATOR.iter_errors(document)][:5]

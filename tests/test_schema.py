from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
from hypothesis import given

import povmodel as pm
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
        cls = getattr(pm, name)
        if name == "LocalizedText":
            continue
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


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _drop(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return mutate


CORRUPTIONS = {
    "number for decimal": _set(("metrics", 3, "quantity", "value"), 12.5),
    "bad decimal": _set(("metrics", 3, "quantity", "value"), "12,5"),
    "exponent decimal": _set(("metrics", 3, "quantity", "value"), "1e5"),
    "negative value": _set(("metrics", 3, "quantity", "value"), "-5"),
    "NaN": _set(("metrics", 3, "quantity", "value"), "NaN"),
    "unknown currency": _set(("metrics", 3, "quantity", "unit"), "XYZ"),
    "number for string": _set(("metrics", 0, "id"), 123),
    "bad id": _set(("metrics", 0, "id"), "Not An Id"),
    "null for required": _set(("metrics", 0, "actor"), None),
    "bool for integer": _set(("attendance", "participants"), True),
    "negative integer": _set(("attendance", "participants"), -1),
    "object for array": _set(("metrics",), {}),
    "string for array": _set(("organizers",), "sinopec"),
    "array for object": _set(("metrics", 2), []),
    "missing field": _drop(("metrics", 3, "actor")),
    "missing version": _drop(("format_version",)),
    "unknown key": _set(("metrics", 3, "colour"), "red"),
    "bad enum": _set(("metrics", 3, "qualifier"), "roughly"),
    "bad date": _set(("date",), "2020-13-01"),
    "basic date": _set(("date",), "20201016"),
    "bad language tag": _set(("metrics", 3, "label"), {"EN": "x"}),
    "blank text": _set(("metrics", 3, "label"), {"en": "  "}),
    "empty text": _set(("metrics", 3, "label"), {}),
    "text not an object": _set(("city",), "Beijing"),
    "newer version": _set(("format_version",), 3),
}


@pytest.mark.parametrize("mutate", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
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

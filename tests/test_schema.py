from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
from hypothesis import given

import povmodel as pm
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
    "newer version": set_at(("format_version",), 3),
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

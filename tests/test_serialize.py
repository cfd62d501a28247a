from __future__ import annotations

import copy
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import povmodel as pm
from tests.mutations import Mutation, drop_at, set_at
from tests.strategies import forums

FORUM = pm.load_forum()
BASE = pm.to_dict(FORUM)


def test_round_trip_bundled_forum(tmp_path: Path) -> None:
    assert pm.loads(pm.dumps(FORUM)) == FORUM
    assert pm.from_dict(pm.to_dict(FORUM)) == FORUM
    assert pm.loads(pm.dumps(FORUM, indent=None)) == FORUM
    path = tmp_path / "forum.json"
    pm.dump(FORUM, path)
    assert pm.load(path) == FORUM


@given(forums())
def test_round_trip_generated_forums(forum: pm.Forum) -> None:
    assert pm.loads(pm.dumps(forum)) == forum
    assert pm.from_dict(pm.to_dict(forum)) == forum


def test_decimals_are_plain_strings() -> None:
    data = pm.to_dict(FORUM)
    values = [m["quantity"]["value"] for m in data["metrics"]]
    assert "2658000000" in values
    assert all(isinstance(v, str) and "E" not in v.upper() for v in values)


def test_exponent_decimal_is_written_in_plain_notation() -> None:
    metric = FORUM.metrics[0]
    big = pm.Quantity(value=Decimal("2.658E+9"), unit="CNY")
    forum = pm.Forum(**{**_fields(FORUM), "metrics": (_evolve(metric, quantity=big), *FORUM.metrics[1:])})
    text = pm.dumps(forum)
    assert '"2658000000"' in text and "E+9" not in text
    assert pm.loads(text) == forum


def test_format_is_readable_json() -> None:
    data = json.loads(pm.dumps(FORUM))
    assert data["format_version"] == pm.FORMAT_VERSION
    assert data["date"] == "2020-10-16"
    assert data["name"]["en"] == "Central SOE Poverty Alleviation Forum"
    assert data["name"]["zh-Hans"] == "中央企业扶贫论坛"
    assert list(data["name"]) == sorted(data["name"])  # language tags in a stable order
    housing = next(m for m in data["metrics"] if m["id"] == "housing-funds")
    assert housing["qualifier"] == "more_than"
    assert housing["period"] == {"start_year": 2016}
    assert "qualifier" not in next(m for m in data["metrics"] if m["id"] == "education-funds")  # default


def _fields(obj: Any) -> dict[str, Any]:
    import attrs

    return {f.name: getattr(obj, f.name) for f in attrs.fields(type(obj))}


def _evolve(obj: Any, **changes: Any) -> Any:
    import attrs

    return attrs.evolve(obj, **changes)


def _metric(index: int, *keys: str, value: Any) -> Mutation:
    return set_at(("metrics", index, *keys), value)


def _drop(*keys: str | int) -> Mutation:
    return drop_at(keys)


BAD_INPUT = {
    "bad decimal": (
        _metric(3, "quantity", "value", value="12,5"),
        ("$.metrics[3].quantity.value", "not a decimal number: '12,5'"),
    ),
    "exponent decimal": (
        _metric(3, "quantity", "value", value="1e999999"),
        ("$.metrics[3].quantity.value", "not a decimal number in plain notation: '1e999999'"),
    ),
    "number for decimal": (
        _metric(3, "quantity", "value", value=12.5),
        ("$.metrics[3].quantity.value", "expected a decimal number as a string, got number"),
    ),
    "NaN": (
        _metric(3, "quantity", "value", value="NaN"),
        ("$.metrics[3].quantity.value", "not a finite number: 'NaN'"),
    ),
    "Infinity": (
        _metric(3, "quantity", "value", value="-Infinity"),
        ("$.metrics[3].quantity.value", "not a finite number: '-Infinity'"),
    ),
    "negative": (
        _metric(3, "quantity", "value", value="-5"),
        ("$.metrics[3].quantity.value", "must not be negative: '-5'"),
    ),
    "bad currency": (
        _metric(3, "quantity", "unit", value="XYZ"),
        ("$.metrics[3].quantity.unit", "not an ISO 4217 currency code: 'XYZ'"),
    ),
    "wrong type": (
        _metric(0, "id", value=123),
        ("$.metrics[0].id", "expected a string, got number"),
    ),
    "null for string": (
        _metric(0, "actor", value=None),
        ("$.metrics[0].actor", "expected a string, got null"),
    ),
    "bool for int": (
        lambda d: d["attendance"].update(participants=True),
        ("$.attendance.participants", "expected an integer, got boolean"),
    ),
    "object for array": (
        lambda d: d.update(metrics={}),
        ("$.metrics", "expected an array, got object"),
    ),
    "string for array": (
        lambda d: d.update(organizers="sinopec"),
        ("$.organizers", "expected an array, got string"),
    ),
    "array for object": (
        lambda d: d["metrics"].__setitem__(2, []),
        ("$.metrics[2]", "expected an object (Metric), got array"),
    ),
    "missing field": (
        _drop("metrics", 3, "actor"),
        ("$.metrics[3].actor", "required field missing"),
    ),
    "missing top-level field": (
        _drop("date"),
        ("$.date", "required field missing"),
    ),
    "unknown key": (
        _metric(3, "colour", value="red"),
        ("$.metrics[3].colour", "unknown field"),
    ),
    "unknown top-level key": (
        lambda d: d.update(extra=1),
        ("$.extra", "unknown field"),
    ),
    "bad enum value": (
        _metric(3, "qualifier", value="roughly"),
        ("$.metrics[3].qualifier", "not one of 'exact', 'more_than', 'at_least', 'nearly', 'about': 'roughly'"),
    ),
    "bad date": (
        lambda d: d.update(date="2020-13-01"),
        ("$.date", "not an ISO 8601 date (YYYY-MM-DD): '2020-13-01'"),
    ),
    "date in basic format": (
        lambda d: d.update(date="20201016"),
        ("$.date", "not an ISO 8601 date (YYYY-MM-DD): '20201016'"),
    ),
    "dangling reference": (
        _metric(3, "category", value="nope"),
        ("$.metrics[3].category", "unknown category id: 'nope'"),
    ),
    "dangling speaker": (
        lambda d: d["programme"][0]["speakers"].append("nobody"),
        ("$.programme[0].speakers[1]", "unknown person id: 'nobody'"),
    ),
    "duplicate id": (
        _metric(5, "id", value="counties-under-acceptance"),
        ("$.metrics[5].id", "duplicate id: 'counties-under-acceptance' (first used at $.metrics[1].id)"),
    ),
    "bad language tag": (
        _metric(3, "label", value={"EN": "x"}),
        ("$.metrics[3].label['EN']", "not a language tag: 'EN'"),
    ),
    "text not an object": (
        lambda d: d.update(city="Beijing"),
        ("$.city", "expected an object of language tag to text, got string"),
    ),
    "inferred without note": (
        _drop("date_source", "note"),
        ("$.date_source.note", "an inferred fact needs a note saying why"),
    ),
    "missing version": (
        _drop("format_version"),
        ("$.format_version", "required field missing"),
    ),
    "newer version": (
        lambda d: d.update(format_version=99),
        ("$.format_version", "format version 99 is newer than this povmodel reads (3): upgrade povmodel"),
    ),
}


@pytest.mark.parametrize(("mutate", "error"), BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_names_path_and_problem(mutate: Callable[[dict[str, Any]], None], error: tuple[str, str]) -> None:
    data = copy.deepcopy(BASE)
    mutate(data)
    for load in (pm.from_dict, lambda d: pm.loads(json.dumps(d))):
        with pytest.raises(pm.ValidationError) as info:
            load(data)
        assert info.value.errors == (error,)
        assert str(info.value) == f"{error[0]}: {error[1]}"


def test_all_problems_are_reported_at_once() -> None:
    data = copy.deepcopy(BASE)
    data["metrics"][0]["quantity"]["value"] = "x"
    data["metrics"][5]["qualifier"] = "lots"
    data["people"][1]["name"] = 7
    with pytest.raises(pm.ValidationError) as info:
        pm.from_dict(data)
    assert [path for path, _ in info.value.errors] == [
        "$.people[1].name",
        "$.metrics[0].quantity.value",
        "$.metrics[5].qualifier",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format_version": 1', "invalid JSON: Expecting ',' delimiter: line 1 column 21 (char 20)"),
        ("", "invalid JSON: Expecting value: line 1 column 1 (char 0)"),
        ('{"format_version": NaN}', "invalid JSON: NaN is not allowed in JSON"),
        ('{"format_version": Infinity}', "invalid JSON: Infinity is not allowed in JSON"),
        ('{"a": 1, "a": 2}', "duplicate key 'a'"),
        ("[1, 2]", "expected an object (Forum), got array"),
        (b"\xff\xff\xff", "invalid JSON: not UTF-8 (invalid start byte at byte 0)"),
        ("[" * 100_000, "invalid JSON: nested deeper than 32 levels (line 1, column 33)"),
    ],
)
def test_invalid_json(text: str | bytes, message: str) -> None:
    with pytest.raises(pm.ValidationError) as info:
        pm.loads(text)
    assert info.value.errors == (("$", message),)


def test_converter_is_reusable_for_parts() -> None:
    converter = pm.make_converter()
    metric = FORUM.metric("housing-funds")
    data = converter.unstructure(metric)
    assert data["quantity"] == {"value": "600000000", "unit": "CNY"}
    assert converter.structure(data, pm.Metric) == metric
    assert pm.make_converter() is not converter  # never a shared, mutable global


def test_many_forums_round_trip_and_errors_carry_the_index() -> None:
    other = pm.from_dict({**BASE, "id": "another"})
    text = pm.dumps_many([FORUM, other, FORUM])
    assert pm.loads_many(text) == (FORUM, other, FORUM)
    data = json.loads(text)
    data[1]["metrics"][2]["quantity"]["value"] = "x"
    with pytest.raises(pm.ValidationError) as info:
        pm.loads_many(json.dumps(data))
    assert info.value.errors == (("$[1].metrics[2].quantity.value", "not a decimal number: 'x'"),)
    with pytest.raises(pm.ValidationError, match="expected an array of forums, got object"):
        pm.loads_many("{}")


def test_compact_json_is_the_same_with_or_without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    from povmodel.io import json as json_format

    with_orjson = pm.dumps(FORUM, indent=None)
    monkeypatch.setattr(json_format, "_orjson", lambda: None)
    without = pm.dumps(FORUM, indent=None)
    assert with_orjson == without
    assert json.loads(without) == pm.to_dict(FORUM)

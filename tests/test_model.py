from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest

import povmodel as pm

EN = pm.LocalizedText({"en": "x"})
SOURCE = pm.Source(quote="A sentence.")


def metric(**changes: Any) -> pm.Metric:
    fields: dict[str, Any] = {
        "id": "m",
        "label": EN,
        "category": "cat",
        "actor": "org",
        "measure": "funds",
        "quantity": pm.Quantity(value=Decimal(1), unit="CNY"),
        "source": SOURCE,
    }
    fields.update(changes)
    return pm.Metric(**fields)


def forum(**changes: Any) -> pm.Forum:
    fields: dict[str, Any] = {
        "id": "f",
        "name": EN,
        "date": dt.date(2020, 10, 16),
        "date_source": SOURCE,
        "city": EN,
        "organizations": (pm.Organization(id="org", name=EN, kind=pm.OrganizationKind.ENTERPRISE),),
        "categories": (pm.Category(id="cat", name=EN),),
        "measures": (pm.Measure(id="funds", name=EN),),
        "metrics": (metric(),),
    }
    fields.update(changes)
    return pm.Forum(**fields)


def errors_of(build: Any) -> tuple[tuple[str, str], ...]:
    with pytest.raises(pm.ValidationError) as info:
        build()
    return info.value.errors


def test_classes_are_frozen_slotted_and_keyword_only() -> None:
    for cls in (pm.Forum, pm.Metric, pm.Organization, pm.Person, pm.Position, pm.Quantity, pm.Category):
        assert attrs.has(cls)
        assert "__slots__" in cls.__dict__
        assert all(field.kw_only for field in attrs.fields(cls))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        metric().id = "other"  # type: ignore[misc]


def test_a_valid_forum_builds() -> None:
    built = forum()
    assert built.metric("m").quantity.value == Decimal(1)
    assert built.organization("org").kind is pm.OrganizationKind.ENTERPRISE
    with pytest.raises(KeyError):
        built.metric("nope")


def test_wrong_type_names_the_field() -> None:
    assert errors_of(lambda: metric(label="x")) == (("label", "expected a LocalizedText, got string"),)
    assert errors_of(lambda: metric(qualifier="exact")) == (("qualifier", "expected a Qualifier, got string"),)


def test_bad_id() -> None:
    assert errors_of(lambda: metric(id="Not An Id")) == (
        ("id", "not an id (lower-case letters, digits and hyphens): 'Not An Id'"),
    )


def test_duplicate_ids_within_a_collection() -> None:
    assert errors_of(lambda: forum(metrics=(metric(), metric()))) == (
        ("metrics[1].id", "duplicate id: 'm' (first used at $.metrics[0].id)"),
    )


def test_same_id_in_two_collections_is_fine() -> None:
    assert forum(metrics=(metric(id="funds"),)).metric("funds").measure == "funds"


def test_dangling_references_are_all_reported() -> None:
    errors = errors_of(lambda: forum(metrics=(metric(category="nope", actor="who", measure="what"),), sponsor="x"))
    assert errors == (
        ("sponsor", "unknown organization id: 'x'"),
        ("metrics[0].category", "unknown category id: 'nope'"),
        ("metrics[0].actor", "unknown organization id: 'who'"),
        ("metrics[0].measure", "unknown measure id: 'what'"),
    )


def test_category_cycle() -> None:
    categories = (pm.Category(id="cat", name=EN, parent="b"), pm.Category(id="b", name=EN, parent="cat"))
    assert errors_of(lambda: forum(categories=categories)) == (
        ("categories[0].parent", "parents form a cycle through 'cat'"),
        ("categories[1].parent", "parents form a cycle through 'b'"),
    )


def test_subcategories_walk_the_tree() -> None:
    categories = (
        pm.Category(id="cat", name=EN),
        pm.Category(id="a", name=EN, parent="cat"),
        pm.Category(id="b", name=EN, parent="a"),
        pm.Category(id="c", name=EN),
    )
    assert forum(categories=categories).subcategories("cat") == ("cat", "a", "b")


def test_source_needs_quote_or_reasoned_inference() -> None:
    assert errors_of(pm.Source) == (("quote", "a stated fact needs the quote that states it"),)
    assert errors_of(lambda: pm.Source(inferred=True)) == (("note", "an inferred fact needs a note saying why"),)
    assert pm.Source(inferred=True, note="why").quote is None


def test_period() -> None:
    assert pm.Period(start_year=2016).end_year is None
    assert errors_of(pm.Period) == (("", "a period needs a start year, an end year or both"),)
    assert errors_of(lambda: pm.Period(start_year=2020, end_year=2016)) == (
        ("end_year", "ends before it starts: 2020 > 2016"),
    )
    assert errors_of(lambda: pm.Period(start_year=True)) == (("start_year", "expected an integer, got boolean"),)


def test_relation_needs_parts_and_resolving_ids() -> None:
    assert errors_of(lambda: pm.Relation(id="r", kind=pm.RelationKind.PART_OF, parts=(), whole="m", note="n")) == (
        ("parts", "a relation needs at least one part"),
    )
    relation = pm.Relation(id="r", kind=pm.RelationKind.PART_OF, parts=("nope",), whole="m", note="n")
    assert errors_of(lambda: forum(relations=(relation,))) == (("relations[0].parts[0]", "unknown metric id: 'nope'"),)


def test_validation_error_is_a_value_error_and_pickles() -> None:
    import pickle

    error = pm.ValidationError([("$.a", "bad")])
    assert issubclass(pm.ValidationError, ValueError)
    assert issubclass(pm.ValidationError, pm.PovmodelError)
    assert str(error) == "$.a: bad"
    copy = pickle.loads(pickle.dumps(error))
    assert copy.errors == error.errors
    with pytest.raises(ValueError, match="at least one"):
        pm.ValidationError([])

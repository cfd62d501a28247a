from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import povmodel as pm
from tests.conftest import make_metric
from tests.strategies import decimals, qualifiers

Q = pm.Qualifier


@pytest.mark.parametrize(
    ("qualifiers", "expected", "lower", "upper"),
    [
        ((Q.EXACT, Q.EXACT), Q.EXACT, "30", "30"),
        ((Q.EXACT, Q.MORE_THAN), Q.MORE_THAN, "30", None),
        ((Q.EXACT, Q.AT_LEAST), Q.AT_LEAST, "30", None),
        ((Q.AT_LEAST, Q.MORE_THAN), Q.MORE_THAN, "30", None),
        ((Q.EXACT, Q.NEARLY), Q.NEARLY, None, "30"),
        ((Q.NEARLY, Q.NEARLY), Q.NEARLY, None, "30"),
        ((Q.MORE_THAN, Q.NEARLY), Q.ABOUT, None, None),
        ((Q.EXACT, Q.ABOUT), Q.ABOUT, None, None),
        ((Q.MORE_THAN, Q.ABOUT), Q.ABOUT, None, None),
        ((Q.MORE_THAN,), Q.MORE_THAN, "10", None),
        ((Q.NEARLY,), Q.NEARLY, None, "10"),
        ((Q.ABOUT,), Q.ABOUT, None, None),
    ],
)
def test_qualifier_algebra(
    qualifiers: tuple[pm.Qualifier, ...], expected: pm.Qualifier, lower: str | None, upper: str | None
) -> None:
    values = ("10", "20")
    result = pm.total(make_metric(v, q, id=f"m{i}") for i, (v, q) in enumerate(zip(values, qualifiers, strict=False)))
    assert result.qualifier is expected
    assert result.bounds.lower == (None if lower is None else Decimal(lower))
    assert result.bounds.upper == (None if upper is None else Decimal(upper))
    assert result.quantity.value == sum(Decimal(v) for v in values[: len(qualifiers)])


def test_livelihood_funds_total_more_than_4_578_billion(forum: pm.Forum) -> None:
    ids = ("education-funds", "medical-funds", "housing-funds", "drinking-water-funds")
    result = pm.total(forum.metric(i) for i in ids)
    assert result.quantity == pm.Quantity(value=Decimal("4578000000"), unit="CNY")
    assert result.qualifier is Q.MORE_THAN  # housing is "more than 600 million"
    assert (result.bounds.lower, result.bounds.upper) == (Decimal("4578000000"), None)
    assert result.metric_ids == ids
    assert result.measure == "funds-invested"


def test_counties_lifted_plus_under_acceptance_is_248(forum: pm.Forum) -> None:
    result = pm.total([forum.metric("counties-lifted-out-of-poverty"), forum.metric("counties-under-acceptance")])
    assert (result.quantity.value, result.qualifier, result.quantity.unit) == (Decimal(248), Q.EXACT, "county")


def test_employment_people_add_exactly(forum: pm.Forum) -> None:
    result = pm.total(m for m in forum.metrics if m.category == "employment")
    assert result.quantity.value == Decimal(279700 + 17300 + 104400)
    assert result.qualifier is Q.EXACT
    assert result.bounds.lower == result.bounds.upper == result.quantity.value


def test_a_total_is_computed_once(forum: pm.Forum, monkeypatch: pytest.MonkeyPatch) -> None:
    from povmodel.core import totals

    calls: list[int] = []
    add = totals._add

    def counted(metrics: tuple[pm.Metric, ...]) -> tuple[Decimal, pm.Bounds]:
        calls.append(1)
        return add(metrics)

    monkeypatch.setattr(totals, "_add", counted)
    result = pm.total([forum.metric("education-funds"), forum.metric("housing-funds")])
    for _ in range(3):
        assert (result.quantity.value, result.qualifier, result.bounds.upper) == (
            Decimal("3258000000"),
            Q.MORE_THAN,
            None,
        )
    assert calls == [1]


def test_units_or_measures_never_mix(forum: pm.Forum) -> None:
    with pytest.raises(pm.UnitMismatchError) as info:
        pm.total([forum.metric("education-funds"), forum.metric("schools-built"), forum.metric("medical-funds")])
    assert info.value.offenders == ("schools-built",)
    assert "schools-built (school, facilities-built)" in str(info.value)
    # Both in yuan, but purchases and sales are different measures.
    with pytest.raises(pm.UnitMismatchError) as info:
        pm.total([forum.metric("products-purchased"), forum.metric("products-sold")])
    assert info.value.offenders == ("products-sold",)
    assert info.value.expected == ("CNY", "products-purchased")
    assert isinstance(info.value, pm.PovmodelError)


def test_total_of_nothing_is_an_error() -> None:
    with pytest.raises(pm.ValidationError, match="no metrics to add"):
        pm.total([])


def test_total_of_something_else_is_a_type_error(forum: pm.Forum) -> None:
    with pytest.raises(TypeError, match="'metrics' must be"):
        pm.total([forum.metric("education-funds"), 5])  # type: ignore[list-item]


def test_a_total_is_made_through_attrs_and_equals_another_of_the_same_metrics(forum: pm.Forum) -> None:
    metrics = (forum.metric("education-funds"), forum.metric("housing-funds"))
    made = pm.total(metrics)
    assert made == pm.Total(metrics=metrics) and hash(made) == hash(pm.Total(metrics=metrics))
    assert attrs.fields(pm.Total)[0].name == "metrics" and len(attrs.fields(pm.Total)) == 1


def test_sums_are_exact_beyond_the_default_decimal_precision() -> None:
    big = "1234567890123456789012345678901234567890.123456789"
    result = pm.total([make_metric(big, id="a"), make_metric("0.000000001", id="b")])
    assert result.quantity.value == Decimal("1234567890123456789012345678901234567890.123456790")


@given(st.lists(st.tuples(decimals, qualifiers), min_size=1, max_size=30))
def test_total_agrees_with_the_interval_algebra(items: list[tuple[Decimal, pm.Qualifier]]) -> None:
    result = pm.total([make_metric(value, q, id=f"m{i}") for i, (value, q) in enumerate(items)])
    bounds = [pm.Bounds.of(value, q) for value, q in items]
    expected = bounds[0]
    for b in bounds[1:]:
        expected = expected + b
    assert Fraction(result.quantity.value) == sum(Fraction(value) for value, _ in items)
    assert (result.bounds.lower, result.bounds.upper, result.qualifier) == (
        expected.lower,
        expected.upper,
        expected.qualifier,
    )
    if all(q is Q.EXACT for _, q in items):
        assert result.qualifier is Q.EXACT


def test_totals_by_category_rolls_up_the_tree(forum: pm.Forum) -> None:
    totals = pm.totals_by(forum, "category")
    livelihood = totals["livelihood"]
    children = [
        totals[c].total("CNY", "funds-invested").quantity.value
        for c in ("education", "medical", "housing", "drinking-water")
    ]
    assert livelihood.total("CNY", "funds-invested").quantity.value == sum(children) == Decimal("4578000000")
    assert livelihood.total("person", "people-benefiting").qualifier is Q.ABOUT  # nearly + more than
    assert totals["overall"].total("county", "designated-counties").quantity.value == 248
    with pytest.raises(KeyError):
        livelihood.total("CNY", "fund-size")
    assert totals.keys()[0] == "overall"


@pytest.mark.parametrize("by", ["category", "unit", "actor", "measure"])
def test_every_metric_is_counted_once_per_grouping(forum: pm.Forum, by: pm.GroupBy) -> None:
    totals = pm.totals_by(forum, by)
    counted = [m.id for g in totals.groups for t in g.totals for m in t.metrics]
    if by == "category":  # parents repeat their children's metrics: count the leaves' groups
        parents = {c.parent for c in forum.categories if c.parent}
        counted = [m.id for g in totals.groups if g.key not in parents for t in g.totals for m in t.metrics]
    assert sorted(counted) == sorted(m.id for m in forum.metrics)


def test_totals_by_unit_actor_measure(forum: pm.Forum) -> None:
    assert pm.totals_by(forum, "unit")["county"].total("county", "designated-counties").quantity.value == 256
    by_actor = pm.totals_by(forum, "actor")
    assert by_actor["sinopec"].total("CNY", "funds-invested").quantity.value == Decimal("2400000000")
    assert by_actor.keys() == (
        "sinopec",
        "sinopec-headquarters",
        "central-soes",
        "sasac-and-central-soes",
        "soe-poverty-fund",
    )
    by_measure = pm.totals_by(forum, "measure")
    assert by_measure["people-employment"].total("person", "people-employment").quantity.value == 401400
    with pytest.raises(ValueError, match="cannot group by 'colour'"):
        pm.totals_by(forum, "colour")  # type: ignore[arg-type]


def test_grouped_totals_round_trip_through_the_converter(forum: pm.Forum) -> None:
    converter = pm.make_converter()
    by: pm.GroupBy
    for by in ("category", "unit", "actor", "measure"):
        totals = pm.totals_by(forum, by)
        text = json.dumps(converter.unstructure(totals))
        assert converter.structure(json.loads(text), pm.Totals) == totals


def test_a_total_read_from_a_file_is_checked_like_one_built_in_python(forum: pm.Forum) -> None:
    converter = pm.make_converter()
    data = converter.unstructure(pm.total([forum.metric("education-funds"), forum.metric("medical-funds")]))
    assert converter.structure(data, pm.Total).quantity.value == Decimal("3616000000")
    data["metrics"][1] = converter.unstructure(forum.metric("schools-built"))
    with pytest.raises(Exception) as info:  # noqa: PT011 - cattrs wraps it; the cause is what matters
        converter.structure(data, pm.Total)
    assert "cannot add metrics of different units" in repr(info.value.exceptions)  # type: ignore[attr-defined]

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import povmodel as pm
from tests.strategies import decimals, qualifiers

FORUM = pm.load_forum()
Q = pm.Qualifier
SOURCE = pm.Source(quote="q")
LABEL = pm.LocalizedText({"en": "x"})


def make(
    value: str | Decimal, qualifier: pm.Qualifier = Q.EXACT, *, unit: str = "CNY", measure: str = "funds", id: str = "m"
) -> pm.Metric:
    return pm.Metric(
        id=id,
        label=LABEL,
        category="c",
        actor="a",
        measure=measure,
        quantity=pm.Quantity(value=Decimal(value), unit=unit),
        qualifier=qualifier,
        source=SOURCE,
    )


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
    result = pm.total(make(value, q, id=f"m{i}") for i, (value, q) in enumerate(zip(values, qualifiers, strict=False)))
    assert result.qualifier is expected
    assert result.lower == (None if lower is None else Decimal(lower))
    assert result.upper == (None if upper is None else Decimal(upper))
    assert result.value == sum(Decimal(v) for v in values[: len(qualifiers)])


def test_livelihood_funds_total_more_than_4_578_billion() -> None:
    ids = ("education-funds", "medical-funds", "housing-funds", "drinking-water-funds")
    result = pm.total(FORUM.metric(i) for i in ids)
    assert result.value == Decimal("4578000000")
    assert result.unit == "CNY"
    assert result.qualifier is Q.MORE_THAN  # housing is "more than 600 million"
    assert (result.lower, result.upper) == (Decimal("4578000000"), None)
    assert result.metric_ids == ids


def test_counties_lifted_plus_under_acceptance_is_248() -> None:
    result = pm.total([FORUM.metric("counties-lifted-out-of-poverty"), FORUM.metric("counties-under-acceptance")])
    assert (result.value, result.qualifier, result.unit) == (Decimal(248), Q.EXACT, "county")


def test_employment_people_add_exactly() -> None:
    employment = [m for m in FORUM.metrics if m.category == "employment"]
    result = pm.total(employment)
    assert result.value == Decimal(279700 + 17300 + 104400)
    assert result.qualifier is Q.EXACT
    assert result.lower == result.upper == result.value


def test_units_or_measures_never_mix() -> None:
    with pytest.raises(pm.UnitMismatchError) as info:
        pm.total([FORUM.metric("education-funds"), FORUM.metric("schools-built"), FORUM.metric("medical-funds")])
    assert info.value.offenders == ("schools-built",)
    assert "schools-built (school, facilities-built)" in str(info.value)
    # Both in yuan, but purchases and sales are different measures.
    with pytest.raises(pm.UnitMismatchError) as info:
        pm.total([FORUM.metric("products-purchased"), FORUM.metric("products-sold")])
    assert info.value.offenders == ("products-sold",)
    assert info.value.expected == ("CNY", "products-purchased")
    assert isinstance(info.value, pm.PovmodelError)


def test_total_of_nothing_is_an_error() -> None:
    with pytest.raises(pm.ValidationError, match="no metrics to add"):
        pm.total([])


def test_total_of_something_else_is_an_error() -> None:
    with pytest.raises(pm.ValidationError) as info:
        pm.total([FORUM.metric("education-funds"), 5])  # type: ignore[list-item]
    assert info.value.errors == (("metrics[1]", "expected a Metric, got int"),)


def test_total_built_by_total_equals_one_built_and_checked_by_the_class() -> None:
    made = pm.total([FORUM.metric("education-funds"), FORUM.metric("housing-funds")])
    checked = pm.Total(
        value=made.value,
        unit=made.unit,
        measure=made.measure,
        qualifier=made.qualifier,
        lower=made.lower,
        upper=made.upper,
        metrics=made.metrics,
    )
    assert made == checked and hash(made) == hash(checked)


def test_sums_are_exact_beyond_the_default_decimal_precision() -> None:
    big = "1234567890123456789012345678901234567890.123456789"
    result = pm.total([make(big, id="a"), make("0.000000001", id="b")])
    assert result.value == Decimal("1234567890123456789012345678901234567890.123456790")


@given(st.lists(st.tuples(decimals, qualifiers), min_size=1, max_size=30))
def test_total_agrees_with_the_interval_algebra(items: list[tuple[Decimal, pm.Qualifier]]) -> None:
    metrics = [make(value, q, id=f"m{i}") for i, (value, q) in enumerate(items)]
    result = pm.total(metrics)
    bounds = [pm.Bounds.of(value, q) for value, q in items]
    expected = bounds[0]
    for b in bounds[1:]:
        expected = expected + b
    assert Fraction(result.value) == sum(Fraction(value) for value, _ in items)
    assert (result.lower, result.upper, result.qualifier) == (expected.lower, expected.upper, expected.qualifier)
    if all(q is Q.EXACT for _, q in items):
        assert result.qualifier is Q.EXACT


def test_total_checks_itself_when_read() -> None:
    converter = pm.make_converter()
    data = converter.unstructure(pm.total([FORUM.metric("education-funds"), FORUM.metric("medical-funds")]))
    assert converter.structure(data, pm.Total).value == Decimal("3616000000")
    data["value"] = "1"
    with pytest.raises(Exception) as info:  # noqa: PT011 - cattrs wraps it; the cause is what matters
        converter.structure(data, pm.Total)
    assert "does not match its metrics" in repr(info.value.exceptions)  # type: ignore[attr-defined]


def test_totals_by_category_rolls_up_the_tree() -> None:
    totals = pm.totals_by(FORUM, "category")
    livelihood = totals["livelihood"]
    children = [
        totals[c].total("CNY", "funds-invested").value for c in ("education", "medical", "housing", "drinking-water")
    ]
    assert livelihood.total("CNY", "funds-invested").value == sum(children) == Decimal("4578000000")
    assert livelihood.total("person", "people-benefiting").qualifier is Q.ABOUT  # nearly + more than
    assert totals["overall"].total("county", "designated-counties").value == 248
    with pytest.raises(KeyError):
        livelihood.total("CNY", "fund-size")
    assert totals.keys()[0] == "overall"


@pytest.mark.parametrize("by", ["category", "unit", "actor", "measure"])
def test_every_metric_is_counted_once_per_grouping(by: pm.GroupBy) -> None:
    totals = pm.totals_by(FORUM, by)
    counted = [m.id for g in totals.groups for t in g.totals for m in t.metrics]
    if by == "category":  # parents repeat their children's metrics: count the leaves' groups
        parents = {c.parent for c in FORUM.categories if c.parent}
        counted = [m.id for g in totals.groups if g.key not in parents for t in g.totals for m in t.metrics]
    assert sorted(counted) == sorted(m.id for m in FORUM.metrics)


def test_totals_by_unit_actor_measure() -> None:
    assert pm.totals_by(FORUM, "unit")["county"].total("county", "designated-counties").value == 256
    by_actor = pm.totals_by(FORUM, "actor")
    assert by_actor["sinopec"].total("CNY", "funds-invested").value == Decimal("2400000000")
    assert by_actor.keys() == ("sinopec", "sinopec-headquarters", "central-soes", "soe-poverty-fund")
    by_measure = pm.totals_by(FORUM, "measure")
    assert by_measure["people-employment"].total("person", "people-employment").value == 401400
    with pytest.raises(ValueError, match="cannot group by 'colour'"):
        pm.totals_by(FORUM, "colour")  # type: ignore[arg-type]


def test_grouped_totals_round_trip_through_the_converter() -> None:
    import json

    converter = pm.make_converter()
    for by in ("category", "unit", "actor", "measure"):
        totals = pm.totals_by(FORUM, by)
        text = json.dumps(converter.unstructure(totals))
        assert converter.structure(json.loads(text), pm.Totals) == totals


# -- audit ------------------------------------------------------------------------------


def with_metric(forum: pm.Forum, metric_id: str, **changes: Any) -> pm.Forum:
    metrics = tuple(attrs.evolve(m, **changes) if m.id == metric_id else m for m in forum.metrics)
    return attrs.evolve(forum, metrics=metrics)


def findings(forum: pm.Forum) -> dict[tuple[str, str], pm.Finding]:
    return {(f.kind.value, f.subject): f for f in pm.audit(forum)}


def test_every_finding_holds_on_the_bundled_forum() -> None:
    found = pm.audit(FORUM)
    assert len(found) == 4
    assert all(f.holds for f in found)
    kinds = {f.kind for f in found}
    assert kinds == {pm.FindingKind.PART_OF, pm.FindingKind.SUBSET_OF, pm.FindingKind.PERIOD}


def test_audit_flags_parts_exceeding_the_whole() -> None:
    broken = with_metric(FORUM, "housing-funds", quantity=pm.Quantity(value=Decimal("99000000000"), unit="CNY"))
    finding = findings(broken)[("part_of", "livelihood-funds-within-total")]
    assert not finding.holds
    assert "more than the whole" in finding.detail
    assert "funds-invested-since-2016" in finding.metrics


def test_audit_respects_qualifier_bounds() -> None:
    # Parts add up to exactly 100 billion; the whole is "nearly 100 billion" (less): a violation.
    broken = with_metric(
        FORUM,
        "housing-funds",
        qualifier=Q.EXACT,
        quantity=pm.Quantity(value=Decimal(100_000_000_000 - 3_978_000_000), unit="CNY"),
    )
    assert not findings(broken)[("part_of", "livelihood-funds-within-total")].holds
    # A part stated "nearly" that large could still be within: not a proven violation.
    unsure = with_metric(broken, "housing-funds", qualifier=Q.NEARLY)
    assert findings(unsure)[("part_of", "livelihood-funds-within-total")].holds


def test_audit_flags_a_subset_larger_than_its_set() -> None:
    broken = with_metric(FORUM, "sinopec-counties-lifted", quantity=pm.Quantity(value=Decimal(9), unit="county"))
    finding = findings(broken)[("subset_of", "sinopec-counties-lifted-within-assigned")]
    assert not finding.holds
    assert finding.metrics == ("sinopec-counties-lifted", "sinopec-counties")


def test_audit_flags_incomparable_units() -> None:
    broken = with_metric(FORUM, "sinopec-counties-lifted", quantity=pm.Quantity(value=Decimal(7), unit="village"))
    finding = findings(broken)[("subset_of", "sinopec-counties-lifted-within-assigned")]
    assert not finding.holds and "cannot be compared" in finding.detail


def test_audit_flags_periods_after_the_forum() -> None:
    broken = with_metric(FORUM, "sinopec-funds", period=pm.Period(start_year=2021))
    finding = findings(broken)[("period", "since 2021")]
    assert not finding.holds
    assert finding.metrics == ("sinopec-funds",)
    assert "after the forum's year (2020)" in finding.detail


def test_audit_flags_a_part_covering_more_years_than_its_whole() -> None:
    broken = with_metric(FORUM, "education-funds", period=pm.Period(start_year=2010))
    finding = findings(broken)[("period", "livelihood-funds-within-total")]
    assert not finding.holds
    assert finding.metrics == ("education-funds", "funds-invested-since-2016")


def test_audit_findings_serialise() -> None:
    converter = pm.make_converter()
    found = pm.audit(FORUM)
    assert converter.structure(converter.unstructure(found), tuple[pm.Finding, ...]) == found

"""Totals that never add apples to oranges, and an audit of a forum's figures.

`total` adds metrics of one unit and one measure exactly and derives the
qualifier of the sum from the qualifiers of its parts; `totals_by` groups a
forum's metrics; `audit` checks the relations a forum declares.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Literal, TypeAlias

import attrs

from povmodel.core import _validators as v
from povmodel.core.errors import UnitMismatchError, ValidationError
from povmodel.core.model import Forum, Metric, Period, RelationKind
from povmodel.core.quantity import EXACT, Bounds, Qualifier

__all__ = [
    "Finding",
    "FindingKind",
    "Group",
    "GroupBy",
    "Total",
    "Totals",
    "audit",
    "total",
    "totals_by",
]

GroupBy: TypeAlias = Literal["category", "unit", "actor", "measure"]
"""What `totals_by` groups metrics by."""


def _add(metrics: tuple[Metric, ...]) -> tuple[str, str, Decimal, Bounds]:
    """Unit, measure, exact sum and bounds of ``metrics``; raise on mixed units or measures."""
    if not metrics:
        raise ValidationError.at("metrics", "no metrics to add")
    first = metrics[0]
    unit, measure = first.quantity.unit, first.measure
    offenders = [(m.id, m.quantity.unit, m.measure) for m in metrics if m.quantity.unit != unit or m.measure != measure]
    if offenders:
        raise UnitMismatchError((unit, measure), offenders)
    value = Decimal(0)
    lower: Decimal | None = Decimal(0)
    upper: Decimal | None = Decimal(0)
    lower_open = upper_open = False
    add = EXACT.add
    for metric in metrics:
        amount = metric.quantity.value
        value = add(value, amount)
        qualifier = metric.qualifier
        if qualifier is Qualifier.EXACT:
            if lower is not None:
                lower = add(lower, amount)
            if upper is not None:
                upper = add(upper, amount)
            continue
        # Inline Bounds.of() + addition: the same algebra, without an object per metric.
        if qualifier is Qualifier.MORE_THAN or qualifier is Qualifier.AT_LEAST:
            lower = None if lower is None else add(lower, amount)
            lower_open = lower_open or qualifier is Qualifier.MORE_THAN
            upper = None
        elif qualifier is Qualifier.NEARLY:
            upper = None if upper is None else add(upper, amount)
            upper_open = True
            lower = None
        else:
            lower = upper = None
    bounds = Bounds(
        lower=lower,
        upper=upper,
        lower_open=lower is not None and lower_open,
        upper_open=upper is not None and upper_open,
    )
    return unit, measure, value, bounds


def _check_total(instance: Total, attribute: attrs.Attribute[tuple[Metric, ...]], metrics: object) -> None:
    v.tuple_of(Metric, "a Metric")(instance, attribute, metrics)


@attrs.frozen(kw_only=True, repr=False)
class Total:
    """The sum of metrics of one unit and one measure.

    Build one with `total`. A ``Total`` read from a file is checked: its
    figures must be those of its metrics.

    Attributes:
        value: the sum of the stated values, exact.
        unit: the unit all the metrics share.
        measure: the measure all the metrics share.
        qualifier: how the sum must be stated, derived from the parts' qualifiers
            (exact + more than = more than; exact + nearly = nearly; more than +
            nearly, or anything + about = about).
        lower: the lower bound of the sum, or ``None`` where unbounded or unknown.
        upper: the upper bound of the sum, or ``None`` where unbounded or unknown.
        metrics: the metrics it was made from.
    """

    value: Decimal
    unit: str
    measure: str
    qualifier: Qualifier
    lower: Decimal | None
    upper: Decimal | None
    metrics: tuple[Metric, ...] = attrs.field(validator=_check_total)

    def __attrs_post_init__(self) -> None:
        unit, measure, value, bounds = _add(self.metrics)
        expected = {
            "value": value,
            "unit": unit,
            "measure": measure,
            "qualifier": bounds.qualifier,
            "lower": bounds.lower,
            "upper": bounds.upper,
        }
        errors = [
            (name, f"does not match its metrics: expected {want!r}, got {getattr(self, name)!r}")
            for name, want in expected.items()
            if getattr(self, name) != want
        ]
        if errors:
            raise ValidationError(errors)

    @property
    def metric_ids(self) -> tuple[str, ...]:
        """The ids of the metrics, in order."""
        return tuple(m.id for m in self.metrics)

    def __repr__(self) -> str:
        return (
            f"Total(value={self.value!r}, unit={self.unit!r}, measure={self.measure!r}, "
            f"qualifier={self.qualifier.value!r}, metrics={len(self.metrics)})"
        )

    def _repr_html_(self) -> str:
        from povmodel.presentation import _display

        return _display.total_html(self)

    def _repr_markdown_(self) -> str:
        from povmodel.presentation import _display

        return _display.total_markdown(self)

    @property
    def bounds(self) -> Bounds:
        """Lower and upper bounds, with whether each is excluded."""
        _, _, _, bounds = _add(self.metrics)
        return bounds


def total(metrics: Iterable[Metric]) -> Total:
    """Add metrics of one unit and one measure, exactly, with the right qualifier.

    Works on any iterable of metrics, from any forum. Runs in linear time.

    Args:
        metrics: the metrics to add; at least one.

    Returns:
        A `Total`.

    Raises:
        UnitMismatchError: the metrics differ in unit or in measure; the error
            names the offenders.
        ValidationError: there are no metrics.

    Examples:
        >>> import povmodel as pm
        >>> forum = pm.load_forum()
        >>> livelihood = [forum.metric(i) for i in ("education-funds", "medical-funds", "housing-funds",
        ...                                          "drinking-water-funds")]
        >>> t = pm.total(livelihood)
        >>> t.value, t.unit, t.qualifier.value, t.lower, t.upper
        (Decimal('4578000000'), 'CNY', 'more_than', Decimal('4578000000'), None)
    """
    items: tuple[object, ...] = tuple(metrics)  # callers' data: checked before use
    strangers = [
        (f"metrics[{i}]", f"expected a Metric, got {type(m).__name__}")
        for i, m in enumerate(items)
        if not isinstance(m, Metric)
    ]
    if strangers:
        raise ValidationError(strangers)
    checked = typing.cast(tuple[Metric, ...], items)
    unit, measure, value, bounds = _add(checked)
    # The figures were just derived from the metrics: build the Total without deriving
    # them a second time in its consistency check (which guards Totals read from files).
    result = object.__new__(Total)
    for name, field_value in (
        ("value", value),
        ("unit", unit),
        ("measure", measure),
        ("qualifier", bounds.qualifier),
        ("lower", bounds.lower),
        ("upper", bounds.upper),
        ("metrics", checked),
    ):
        object.__setattr__(result, name, field_value)
    return result


# -- grouped totals ------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class Group:
    """The totals of one group: one `Total` per unit and measure in it.

    Attributes:
        key: the group's id (a category, unit, actor or measure).
        totals: the totals, in the order their unit and measure first occur.
    """

    key: str = attrs.field(validator=v.text)
    totals: tuple[Total, ...] = attrs.field(validator=v.tuple_of(Total, "a Total"))

    def total(self, unit: str, measure: str) -> Total:
        """The total of this unit and measure; ``KeyError`` if there is none."""
        for found in self.totals:
            if found.unit == unit and found.measure == measure:
                return found
        raise KeyError((unit, measure))

    def __repr__(self) -> str:
        return f"Group(key={self.key!r}, totals={len(self.totals)})"

    def _repr_html_(self) -> str:
        from povmodel.presentation import _display

        return _display.group_html(self)

    def _repr_markdown_(self) -> str:
        from povmodel.presentation import _display

        return _display.group_markdown(self)


@attrs.frozen(kw_only=True, repr=False)
class Totals:
    """A forum's metrics grouped and added.

    Attributes:
        by: what the metrics were grouped by.
        groups: the groups, in the order of the forum (categories, actors,
            measures) or of first occurrence (units).
    """

    by: str = attrs.field(validator=attrs.validators.in_(("category", "unit", "actor", "measure")))
    groups: tuple[Group, ...] = attrs.field(validator=v.tuple_of(Group, "a Group"))

    def __getitem__(self, key: str) -> Group:
        for group in self.groups:
            if group.key == key:
                return group
        raise KeyError(key)

    def keys(self) -> tuple[str, ...]:
        """The group keys, in order."""
        return tuple(group.key for group in self.groups)

    def __repr__(self) -> str:
        return f"Totals(by={self.by!r}, groups={len(self.groups)})"

    def _repr_html_(self) -> str:
        from povmodel.presentation import _display

        return _display.totals_html(self)

    def _repr_markdown_(self) -> str:
        from povmodel.presentation import _display

        return _display.totals_markdown(self)


def _split(metrics: Iterable[Metric], key: Callable[[Metric], str]) -> dict[str, list[Metric]]:
    buckets: dict[str, list[Metric]] = {}
    for metric in metrics:
        buckets.setdefault(key(metric), []).append(metric)
    return buckets


def _group(key: str, metrics: Iterable[Metric]) -> Group:
    same = _split(metrics, lambda m: f"{m.quantity.unit}\x00{m.measure}")
    return Group(key=key, totals=tuple(total(items) for items in same.values()))


def totals_by(forum: Forum, by: GroupBy = "category") -> Totals:
    """Group a forum's metrics and add each group, one total per unit and measure.

    Args:
        forum: the forum.
        by: ``"category"`` (rolling up the category tree: a category's totals
            include its subcategories'), ``"unit"``, ``"actor"`` or ``"measure"``.

    Returns:
        The `Totals`; groups without metrics are left out.

    Examples:
        >>> import povmodel as pm
        >>> livelihood = pm.totals_by(pm.load_forum(), "category")["livelihood"]
        >>> funds = livelihood.total("CNY", "funds-invested")
        >>> funds.value, funds.qualifier.value, len(funds.metrics)
        (Decimal('4578000000'), 'more_than', 4)
    """
    if by == "category":
        in_category = _split(forum.metrics, lambda m: m.category)
        groups = []
        for category in forum.categories:
            metrics = [m for sub in forum.subcategories(category.id) for m in in_category.get(sub, ())]
            if metrics:
                groups.append(_group(category.id, metrics))
        return Totals(by=by, groups=tuple(groups))
    if by == "unit":
        buckets = _split(forum.metrics, lambda m: m.quantity.unit)
        return Totals(by=by, groups=tuple(_group(k, ms) for k, ms in buckets.items()))
    if by == "actor":
        buckets = _split(forum.metrics, lambda m: m.actor)
        order = [o.id for o in forum.organizations if o.id in buckets]
    elif by == "measure":
        buckets = _split(forum.metrics, lambda m: m.measure)
        order = [m.id for m in forum.measures if m.id in buckets]
    else:
        raise ValueError(f"cannot group by {by!r}; choose category, unit, actor or measure")
    return Totals(by=by, groups=tuple(_group(key, buckets[key]) for key in order))


# -- audit -----------------------------------------------------------------------------


class FindingKind(enum.Enum):
    """What an audit `Finding` checked."""

    PART_OF = "part_of"
    """The parts of a whole add up to no more than the whole."""
    SUBSET_OF = "subset_of"
    """A count of a subset is no more than the count of the set."""
    PERIOD = "period"
    """Figures' periods are consistent with the forum's date, and parts' periods with their whole's."""


@attrs.frozen(kw_only=True)
class Finding:
    """One check of `audit` and its outcome.

    Attributes:
        kind: what was checked.
        subject: the relation id, or the period, that was checked.
        metrics: ids of the metrics involved.
        holds: whether the check passed.
        detail: what was compared, in English.
    """

    kind: FindingKind
    subject: str
    metrics: tuple[str, ...]
    holds: bool
    detail: str


def _describe(bounds: Bounds, value: Decimal, unit: str) -> str:
    return f"{bounds.qualifier.value} {value:f} {unit}"


def _period_within(part: Period | None, whole: Period | None) -> bool:
    if whole is None:
        return True
    if part is None:
        return False
    starts = whole.start_year is None or (part.start_year is not None and part.start_year >= whole.start_year)
    ends = whole.end_year is None or (part.end_year is not None and part.end_year <= whole.end_year)
    return starts and ends


def _relation_findings(forum: Forum) -> Iterator[Finding]:
    for relation in forum.relations:
        whole = forum.metric(relation.whole)
        parts = [forum.metric(i) for i in relation.parts]
        involved = (*relation.parts, relation.whole)
        whole_bounds = Bounds.of(whole.quantity.value, whole.qualifier)
        kind = FindingKind(relation.kind.value)
        try:
            if relation.kind is RelationKind.PART_OF:
                total([*parts, whole])  # parts and whole share unit and measure
                summed = total(parts)
                compared = [(summed.bounds, summed.value, "the parts add up to")]
            else:
                # A subset may count another measure of the same things (counties lifted
                # out of poverty among counties assigned): only the unit must agree.
                strangers = [
                    (p.id, p.quantity.unit, p.measure) for p in parts if p.quantity.unit != whole.quantity.unit
                ]
                if strangers:
                    raise UnitMismatchError((whole.quantity.unit, whole.measure), strangers)
                compared = [(Bounds.of(p.quantity.value, p.qualifier), p.quantity.value, f"{p.id} is") for p in parts]
        except UnitMismatchError as exc:
            yield Finding(
                kind=kind,
                subject=relation.id,
                metrics=involved,
                holds=False,
                detail=f"parts and whole cannot be compared: {exc}",
            )
            continue
        stated = _describe(whole_bounds, whole.quantity.value, whole.quantity.unit)
        excess = [(b, value, what) for b, value, what in compared if b.exceeds(whole_bounds)]
        if excess:
            b, value, what = excess[0]
            detail = f"{what} {_describe(b, value, whole.quantity.unit)}, more than the whole ({stated})"
        else:
            shown = "; ".join(f"{what} {_describe(b, value, whole.quantity.unit)}" for b, value, what in compared)
            detail = f"{shown}; within the whole ({stated})"
        yield Finding(kind=kind, subject=relation.id, metrics=involved, holds=not excess, detail=detail)
        outside = [p.id for p in parts if not _period_within(p.period, whole.period)]
        if outside:
            yield Finding(
                kind=FindingKind.PERIOD,
                subject=relation.id,
                metrics=(*outside, whole.id),
                holds=False,
                detail=f"the period of {', '.join(outside)} is not within the period of {whole.id}",
            )


def _period_text(period: Period) -> str:
    if period.end_year is None:
        return f"since {period.start_year}"
    if period.start_year is None:
        return f"until {period.end_year}"
    return f"{period.start_year} to {period.end_year}"


def _period_findings(forum: Forum) -> Iterator[Finding]:
    year = forum.date.year
    by_period: dict[Period, list[str]] = {}
    for metric in forum.metrics:
        if metric.period is not None:
            by_period.setdefault(metric.period, []).append(metric.id)
    for period, ids in by_period.items():
        late = [y for y in (period.start_year, period.end_year) if y is not None and y > year]
        if late:
            detail = f"{_period_text(period)} is after the forum's year ({year})"
        else:
            detail = f"{_period_text(period)} is consistent with the forum's date ({forum.date.isoformat()})"
        yield Finding(
            kind=FindingKind.PERIOD, subject=_period_text(period), metrics=tuple(ids), holds=not late, detail=detail
        )


def audit(forum: Forum) -> tuple[Finding, ...]:
    """Check a forum's figures for consistency.

    The relations are declared in the forum's data (`Relation`),
    not in code:

    - ``part_of``: the parts, added with their qualifiers' bounds, never exceed the
      whole (more than 4.578 billion yuan can be part of nearly 100 billion yuan);
    - ``subset_of``: no part exceeds the whole (7 counties of 8);
    - periods: no figure's period starts or ends after the forum's year, and the
      parts of a relation cover no more than their whole's period.

    A comparison is only a violation when the bounds prove it: "nearly 100" is
    not exceeded by "more than 90".

    Returns:
        One `Finding` per check, each saying whether it holds.

    Examples:
        >>> import povmodel as pm
        >>> [(f.subject, f.holds) for f in pm.audit(pm.load_forum())][:2]
        [('livelihood-funds-within-total', True), ('sinopec-counties-lifted-within-assigned', True)]
    """
    return (*_relation_findings(forum), *_period_findings(forum))

"""Totals that never add apples to oranges.

`total` adds metrics of one unit and one measure exactly and derives the
qualifier of the sum from the qualifiers of its parts; `totals_by` groups a
forum's metrics and adds each group. Whether a sum means anything (whether the
parts count distinct things) is the forum's to declare: see `Forum.additive`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, Literal, TypeAlias, get_args

import attrs

from povmodel.core import _seams
from povmodel.core import _validators as v
from povmodel.core.errors import UnitMismatchError, ValidationError
from povmodel.core.model import Forum, Metric
from povmodel.core.quantity import EXACT, Bounds, Qualifier, Quantity

__all__ = ["Group", "GroupBy", "Total", "Totals", "total", "totals_by"]

GroupBy: TypeAlias = Literal["category", "unit", "actor", "measure"]
"""What `totals_by` groups metrics by."""


def _check_metrics(instance: Total, attribute: attrs.Attribute[Any], metrics: tuple[Metric, ...]) -> None:
    if not metrics:
        raise ValidationError.at("metrics", "no metrics to add")
    first = metrics[0]
    unit, measure = first.quantity.unit, first.measure
    offenders = [(m.id, m.quantity.unit, m.measure) for m in metrics if m.quantity.unit != unit or m.measure != measure]
    if offenders:
        raise UnitMismatchError((unit, measure), offenders)


@attrs.frozen(kw_only=True, repr=False)
class Total:
    """The sum of metrics of one unit and one measure.

    Build one with `total` (or directly from its metrics). Its figures are
    derived from the metrics once, on first use.

    Attributes:
        metrics: the metrics it adds; at least one, all of one unit and one measure.
    """

    metrics: tuple[Metric, ...] = attrs.field(
        validator=[v.tuple_of(Metric), _check_metrics], metadata=v.meta("the metrics it adds")
    )

    @functools.cached_property
    def _sum(self) -> tuple[Decimal, Bounds]:
        return _add(self.metrics)

    @functools.cached_property
    def quantity(self) -> Quantity:
        """The sum of the stated values, exact, in the metrics' unit."""
        return Quantity(value=self._sum[0], unit=self.metrics[0].quantity.unit)

    @functools.cached_property
    def qualifier(self) -> Qualifier:
        """How the sum must be stated, derived from the parts' qualifiers.

        Exact + more than = more than; exact + nearly = nearly; more than +
        nearly, or anything + about = about.
        """
        return self._sum[1].qualifier

    @property
    def bounds(self) -> Bounds:
        """The interval the sum stands for, with whether each bound is excluded."""
        return self._sum[1]

    @property
    def measure(self) -> str:
        """The measure all the metrics share."""
        return self.metrics[0].measure

    @property
    def metric_ids(self) -> tuple[str, ...]:
        """The ids of the metrics, in order."""
        return tuple(m.id for m in self.metrics)

    def __repr__(self) -> str:
        quantity = self.quantity
        return (
            f"Total(value={quantity.value!r}, unit={quantity.unit!r}, measure={self.measure!r}, "
            f"qualifier={self.qualifier.value!r}, metrics={len(self.metrics)})"
        )

    def _repr_html_(self) -> str:
        return _seams.display(self, "html")

    def _repr_markdown_(self) -> str:
        return _seams.display(self, "markdown")


def _add(metrics: tuple[Metric, ...]) -> tuple[Decimal, Bounds]:
    """The exact sum of the stated values, and the bounds of the sum."""
    value = Decimal(0)
    lower: Decimal | None = Decimal(0)
    upper: Decimal | None = Decimal(0)
    lower_open = upper_open = False
    add = EXACT.add
    for metric in metrics:
        amount = metric.quantity.value
        value = add(value, amount)
        qualifier = metric.qualifier
        # Bounds.of() and addition, inline: the same algebra, without an object per metric.
        if qualifier is Qualifier.EXACT:
            lower = None if lower is None else add(lower, amount)
            upper = None if upper is None else add(upper, amount)
        elif qualifier is Qualifier.MORE_THAN or qualifier is Qualifier.AT_LEAST:
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
    return value, bounds


def total(metrics: Iterable[Metric]) -> Total:
    """Add metrics of one unit and one measure, exactly, with the right qualifier.

    Works on any iterable of metrics, from any forum, in linear time. Whether
    the sum means anything is not checked here: figures that may overlap (people
    trained, people recruited) add up to more than the people helped: the
    audit flags a sum whose parts the forum does not declare additive
    (`Forum.additive`). Summaries state no sums at all.

    Args:
        metrics: the metrics to add; at least one.

    Returns:
        A `Total`.

    Raises:
        UnitMismatchError: the metrics differ in unit or in measure; the error
            names the offenders.
        ValidationError: there are no metrics.
        TypeError: something other than a `Metric` was passed.

    Examples:
        >>> import povmodel as pm
        >>> forum = pm.load_forum()
        >>> livelihood = [forum.metric(i) for i in ("education-funds", "medical-funds", "housing-funds",
        ...                                          "drinking-water-funds")]
        >>> t = pm.total(livelihood)
        >>> t.quantity, t.qualifier.value
        (Quantity(value=Decimal('4578000000'), unit='CNY'), 'more_than')
        >>> t.bounds.lower, t.bounds.upper
        (Decimal('4578000000'), None)
    """
    return Total(metrics=tuple(metrics))


# -- grouped totals ------------------------------------------------------------------


@attrs.frozen(kw_only=True, repr=False)
class Group:
    """The totals of one group: one `Total` per unit and measure in it.

    Attributes:
        key: the group's id (a category, unit, actor or measure).
        totals: the totals, in the order their unit and measure first occur.
    """

    key: str = attrs.field(validator=attrs.validators.instance_of(str))
    totals: tuple[Total, ...] = attrs.field(validator=v.tuple_of(Total))

    def total(self, unit: str, measure: str) -> Total:
        """The total of this unit and measure; ``KeyError`` if there is none."""
        for found in self.totals:
            if found.quantity.unit == unit and found.measure == measure:
                return found
        raise KeyError((unit, measure))

    def __repr__(self) -> str:
        return f"Group(key={self.key!r}, totals={len(self.totals)})"

    def _repr_html_(self) -> str:
        return _seams.display(self, "html")

    def _repr_markdown_(self) -> str:
        return _seams.display(self, "markdown")


@attrs.frozen(kw_only=True, repr=False)
class Totals:
    """A forum's metrics grouped and added.

    Attributes:
        by: what the metrics were grouped by.
        groups: the groups, in the order of the forum (categories, actors,
            measures) or of first occurrence (units).
    """

    by: GroupBy = attrs.field(validator=attrs.validators.in_(get_args(GroupBy)))
    groups: tuple[Group, ...] = attrs.field(validator=v.tuple_of(Group))

    @functools.cached_property
    def _by_key(self) -> dict[str, Group]:
        return {group.key: group for group in self.groups}

    def __getitem__(self, key: str) -> Group:
        return self._by_key[key]

    def keys(self) -> tuple[str, ...]:
        """The group keys, in order."""
        return tuple(group.key for group in self.groups)

    def __repr__(self) -> str:
        return f"Totals(by={self.by!r}, groups={len(self.groups)})"

    def _repr_html_(self) -> str:
        return _seams.display(self, "html")

    def _repr_markdown_(self) -> str:
        return _seams.display(self, "markdown")


def _split(metrics: Iterable[Metric], key: Callable[[Metric], str]) -> dict[str, list[Metric]]:
    buckets: dict[str, list[Metric]] = {}
    for metric in metrics:
        buckets.setdefault(key(metric), []).append(metric)
    return buckets


def _group(key: str, metrics: Iterable[Metric]) -> Group:
    same = _split(metrics, lambda m: f"{m.quantity.unit}\x00{m.measure}")
    return Group(key=key, totals=tuple(Total(metrics=tuple(items)) for items in same.values()))


def totals_by(forum: Forum, by: GroupBy = "category") -> Totals:
    """Group a forum's metrics and add each group, one total per unit and measure.

    Runs in time linear in the number of metrics and categories.

    Args:
        forum: the forum.
        by: ``"category"`` (rolling up the category tree: a category's totals
            include its subcategories'), ``"unit"``, ``"actor"`` or ``"measure"``.

    Returns:
        The `Totals`; groups without metrics are left out.

    Raises:
        ValueError: ``by`` is none of the above.

    Examples:
        >>> import povmodel as pm
        >>> livelihood = pm.totals_by(pm.load_forum(), "category")["livelihood"]
        >>> funds = livelihood.total("CNY", "funds-invested")
        >>> funds.quantity.value, funds.qualifier.value, len(funds.metrics)
        (Decimal('4578000000'), 'more_than', 4)
    """
    if not isinstance(forum, Forum):
        raise TypeError(f"forum must be Forum, not {type(forum).__name__}")
    if by == "category":
        return Totals(by=by, groups=tuple(_rolled_up(forum)))
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
        raise ValueError(f"cannot group by {by!r}; choose one of {', '.join(get_args(GroupBy))}")
    return Totals(by=by, groups=tuple(_group(key, buckets[key]) for key in order))


def _rolled_up(forum: Forum) -> list[Group]:
    """One group per category with metrics of its own or below it, each category's list built once."""
    own = _split(forum.metrics, lambda m: m.category)
    below: dict[str, list[Metric]] = {}
    depth_first = [sub for c in forum.categories if c.parent is None for sub in forum.subcategories(c.id)]
    # Children before parents: each category's list is its own metrics, then its children's, in order.
    for category_id in reversed(depth_first):
        collected = list(own.get(category_id, ()))
        for child in forum._index.children.get(category_id, ()):
            collected += below[child]
        below[category_id] = collected
    return [_group(c.id, below[c.id]) for c in forum.categories if below.get(c.id)]

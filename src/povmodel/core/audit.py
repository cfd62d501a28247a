"""An audit of a forum's figures: what it checked and whether each check holds.

The audit returns data; `povmodel.Formatter.finding` says it in a reader's
language.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs

from povmodel.core.model import Forum, Metric, Period, RelationKind
from povmodel.core.quantity import Bounds
from povmodel.core.totals import Total, totals_by

__all__ = ["Finding", "FindingKind", "audit"]


class FindingKind(enum.Enum):
    """What an audit `Finding` checked."""

    PART_OF = "part_of"
    """The parts of a whole add up to no more than the whole."""
    SUBSET_OF = "subset_of"
    """No count of a subset is more than the count of the set."""
    UNITS = "units"
    """The parts and the whole of a relation have units and measures that can be compared."""
    PERIOD = "period"
    """A period starts and ends no later than the forum's year."""
    PERIOD_WITHIN = "period_within"
    """The parts of a relation cover no more than their whole's period."""
    ADDITIVE = "additive"
    """Figures of one unit and measure in a category are declared additive, so their sum means something."""


@attrs.frozen(kw_only=True)
class Finding:
    """One check of `audit` and its outcome, as data.

    Attributes:
        kind: what was checked.
        holds: whether the check passed.
        metrics: ids of the metrics involved (for a relation: the parts, then the whole).
        relation: the id of the relation checked, if any.
        period: the period checked (``PERIOD``), if any.
        total: the sum that was compared (``PART_OF``) or that is not declared
            additive (``ADDITIVE``), if any.
        category: the category whose figures were added (``ADDITIVE``), if any.
        exceeding: ids of the parts that exceed the whole, when the check fails.
    """

    kind: FindingKind
    holds: bool
    metrics: tuple[str, ...]
    relation: str | None = None
    period: Period | None = None
    total: Total | None = None
    category: str | None = None
    exceeding: tuple[str, ...] = ()


def _bounds(metric: Metric) -> Bounds:
    return Bounds.of(metric.quantity.value, metric.qualifier)


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
        if relation.whole is None:
            continue  # a disjoint relation declares additivity: nothing to compare
        whole = forum.metric(relation.whole)
        parts = [forum.metric(i) for i in relation.parts]
        involved = (*relation.parts, relation.whole)
        strangers = [
            (p.id, p.quantity.unit, p.measure)
            for p in parts
            if p.quantity.unit != whole.quantity.unit
            or (relation.kind is RelationKind.PART_OF and p.measure != whole.measure)
        ]
        if strangers:
            # A subset may count another measure of the same things (counties lifted
            # out of poverty among counties assigned): only the unit must agree.
            yield Finding(kind=FindingKind.UNITS, holds=False, metrics=involved, relation=relation.id)
            continue
        limit = _bounds(whole)
        if relation.kind is RelationKind.PART_OF:
            summed = Total(metrics=tuple(parts))
            exceeding = relation.parts if summed.bounds.exceeds(limit) else ()
            yield Finding(
                kind=FindingKind.PART_OF,
                holds=not exceeding,
                metrics=involved,
                relation=relation.id,
                total=summed,
                exceeding=exceeding,
            )
        else:
            exceeding = tuple(p.id for p in parts if _bounds(p).exceeds(limit))
            yield Finding(
                kind=FindingKind.SUBSET_OF,
                holds=not exceeding,
                metrics=involved,
                relation=relation.id,
                exceeding=exceeding,
            )
        outside = tuple(p.id for p in parts if not _period_within(p.period, whole.period))
        if outside:
            yield Finding(
                kind=FindingKind.PERIOD_WITHIN,
                holds=False,
                metrics=(*outside, whole.id),
                relation=relation.id,
                exceeding=outside,
            )


def _period_findings(forum: Forum) -> Iterator[Finding]:
    year = forum.date.year
    by_period: dict[Period, list[str]] = {}
    for metric in forum.metrics:
        if metric.period is not None:
            by_period.setdefault(metric.period, []).append(metric.id)
    for period, ids in by_period.items():
        late = any(y is not None and y > year for y in (period.start_year, period.end_year))
        yield Finding(kind=FindingKind.PERIOD, holds=not late, metrics=tuple(ids), period=period)


def _additive_findings(forum: Forum) -> Iterator[Finding]:
    for group in totals_by(forum, "category").groups:
        for summed in group.totals:
            if len(summed.metrics) > 1:
                yield Finding(
                    kind=FindingKind.ADDITIVE,
                    holds=forum.additive(summed.metrics),
                    metrics=summed.metric_ids,
                    total=summed,
                    category=group.key,
                )


def audit(forum: Forum) -> tuple[Finding, ...]:
    """Check a forum's figures for consistency.

    The relations are declared in the forum's data (`Relation`), not in code:

    - ``part_of``: the parts, added with their qualifiers' bounds, never exceed the
      whole (more than 4.578 billion yuan can be part of nearly 100 billion yuan);
    - ``subset_of``: no part exceeds the whole (7 counties of 8);
    - parts and whole have comparable units (and, for ``part_of``, measures);
    - periods: no figure's period starts or ends after the forum's year, and the
      parts of a relation cover no more than their whole's period;
    - additivity: figures of one unit and measure in a category that a total
      would add are declared additive (a ``part_of`` or ``disjoint`` relation);
      where they are not, their sum may count the same things twice.

    A comparison is only a violation when the bounds prove it: "nearly 100" is
    not exceeded by "more than 90".

    Returns:
        One `Finding` per check, each saying whether it holds.

    Examples:
        >>> import povmodel as pm
        >>> for finding in pm.audit(pm.load_forum())[:2]:
        ...     print(finding.kind.value, finding.relation, finding.holds)
        part_of livelihood-funds-within-total True
        subset_of sinopec-counties-lifted-within-assigned True
    """
    if not isinstance(forum, Forum):
        raise TypeError(f"forum must be Forum, not {type(forum).__name__}")
    return (*_relation_findings(forum), *_period_findings(forum), *_additive_findings(forum))

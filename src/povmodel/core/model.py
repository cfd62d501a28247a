"""The domain model: a forum report, its organisations, people, programme and figures.

Every class is frozen, slotted and keyword-only; collections are tuples. Objects
refer to each other by id (a lower-case kebab-case slug); a `Forum` checks that
ids are unique and that every reference resolves (`povmodel.core._integrity`).
Field metadata carries each field's description and the JSON Schema keywords of
its rule, from which `povmodel.io.schema` builds the file format's schema. The
classes live in modules by concept (`sources`, `actors`, `programme`,
`figures`); this module holds the `Forum` and names them all.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Final, Literal

import attrs

from povmodel.core import _fields as f
from povmodel.core import _integrity, _seams
from povmodel.core import _validators as v
from povmodel.core.actors import Organization, OrganizationKind, Person, Position
from povmodel.core.errors import ValidationError
from povmodel.core.figures import Category, Fact, Measure, Metric, Omission, Relation, RelationKind
from povmodel.core.programme import Attendance, ProgrammeItem, ProgrammeKind, Project, Remark
from povmodel.core.sources import Period, Source
from povmodel.core.text import LocalizedText

__all__ = [
    "FORMAT_VERSION",
    "Attendance",
    "Category",
    "Fact",
    "Forum",
    "Measure",
    "Metric",
    "Omission",
    "Organization",
    "OrganizationKind",
    "Period",
    "Person",
    "Position",
    "ProgrammeItem",
    "ProgrammeKind",
    "Project",
    "Relation",
    "RelationKind",
    "Remark",
    "Source",
]

FORMAT_VERSION: Final = 3
"""The version of the file format: the shape of the model's classes as plain data."""


Collection = Literal[
    "organizations", "people", "categories", "measures", "metrics", "programme", "projects", "relations"
]
"""The collections of a forum whose items have ids."""


@attrs.frozen(kw_only=True, repr=False)
class Forum:
    """A forum and what its report states.

    Attributes:
        id: a unique slug for the forum.
        name: the forum's name.
        date: the day it was held.
        date_source: where the date comes from (marked inferred where the report
            omits part of it).
        city: where it was held.
        title: the report's headline, which a summary takes as its title (else
            the forum's name).
        theme: the forum's theme.
        sponsor: id of the sponsoring organisation.
        organizers: ids of the organisations that undertook it.
        attendance: who attended.
        organizations: every organisation the report names.
        people: every person the report names.
        programme: speeches, reports, round tables, releases, in order.
        categories: the categories of assistance (a tree).
        measures: what the metrics measure.
        metrics: every figure the report states.
        headline: ids of the metrics a short summary leads with; when empty,
            the metrics of the first category.
        projects: named assistance projects.
        relations: relations between metrics, checked by the audit.
        omitted: figures of the report left out on purpose, with the reason.
    """

    id: str = f.id_field("a unique slug for the forum")
    name: LocalizedText = attrs.field(validator=f.NAME, metadata=v.meta("the forum's name"))
    date: dt.date = attrs.field(validator=f.of(dt.date), metadata=v.meta("the day it was held"))
    date_source: Source = attrs.field(validator=f.of(Source), metadata=v.meta("where the date comes from"))
    city: LocalizedText = attrs.field(validator=f.NAME, metadata=v.meta("where it was held"))
    title: LocalizedText | None = attrs.field(
        default=None, validator=f.optional(f.TEXT), metadata=v.meta("the report's headline: a summary's title")
    )
    theme: LocalizedText | None = attrs.field(
        default=None, validator=f.optional(f.TEXT), metadata=v.meta("the forum's theme")
    )
    sponsor: str | None = attrs.field(
        default=None, validator=f.optional(f.SLUG), metadata=v.meta("id of the sponsoring organisation", f.ID_SCHEMA)
    )
    organizers: tuple[str, ...] = f.ids_field("ids of the organisations that undertook it")
    attendance: Attendance | None = attrs.field(
        default=None, validator=f.optional(f.of(Attendance)), metadata=v.meta("who attended")
    )
    organizations: tuple[Organization, ...] = attrs.field(
        default=(), validator=v.tuple_of(Organization), metadata=v.meta("every organisation the report names")
    )
    people: tuple[Person, ...] = attrs.field(
        default=(), validator=v.tuple_of(Person), metadata=v.meta("every person the report names")
    )
    programme: tuple[ProgrammeItem, ...] = attrs.field(
        default=(), validator=v.tuple_of(ProgrammeItem), metadata=v.meta("the programme, in order")
    )
    categories: tuple[Category, ...] = attrs.field(
        default=(), validator=v.tuple_of(Category), metadata=v.meta("the categories of assistance (a tree)")
    )
    measures: tuple[Measure, ...] = attrs.field(
        default=(), validator=v.tuple_of(Measure), metadata=v.meta("what the metrics measure")
    )
    metrics: tuple[Metric, ...] = attrs.field(
        default=(), validator=v.tuple_of(Metric), metadata=v.meta("every figure the report states")
    )
    headline: tuple[str, ...] = f.ids_field("ids of the metrics a short summary leads with")
    projects: tuple[Project, ...] = attrs.field(
        default=(), validator=v.tuple_of(Project), metadata=v.meta("named assistance projects")
    )
    relations: tuple[Relation, ...] = attrs.field(
        default=(), validator=v.tuple_of(Relation), metadata=v.meta("relations between metrics")
    )
    omitted: tuple[Omission, ...] = attrs.field(
        default=(), validator=v.tuple_of(Omission), metadata=v.meta("figures of the report left out on purpose")
    )

    def __attrs_post_init__(self) -> None:
        problems = _integrity.problems(self)
        if problems:
            raise ValidationError(problems)

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(getattr(self, name))}" for name in ("metrics", "people", "organizations"))
        return f"Forum(id={self.id!r}, date={self.date.isoformat()!r}, {counts}, ...)"

    def _repr_html_(self) -> str:
        return _seams.display(self, "html")

    def _repr_markdown_(self) -> str:
        return _seams.display(self, "markdown")

    @functools.cached_property
    def _index(self) -> _integrity.Index:
        return _integrity.Index.of(self)

    # -- lookups -----------------------------------------------------------------

    def organization(self, id: str) -> Organization:
        """The organisation with this id; ``KeyError`` if there is none."""
        return self._index.organizations[id]

    def person(self, id: str) -> Person:
        """The person with this id; ``KeyError`` if there is none."""
        return self._index.people[id]

    def category(self, id: str) -> Category:
        """The category with this id; ``KeyError`` if there is none."""
        return self._index.categories[id]

    def measure(self, id: str) -> Measure:
        """The measure with this id; ``KeyError`` if there is none."""
        return self._index.measures[id]

    def metric(self, id: str) -> Metric:
        """The metric with this id; ``KeyError`` if there is none."""
        return self._index.metrics[id]

    def headline_metrics(self) -> tuple[Metric, ...]:
        """The metrics a short summary leads with: ``headline``, else the first category's."""
        if self.headline:
            return tuple(self.metric(i) for i in self.headline)
        if not self.categories:
            return ()
        first = set(self.subcategories(self.categories[0].id))
        return tuple(m for m in self.metrics if m.category in first)

    def subcategories(self, id: str) -> tuple[str, ...]:
        """Ids of ``id`` and of every category below it, depth first."""
        return self._index.subcategories(id)

    def additive(self, metrics: tuple[Metric, ...]) -> bool:
        """True when the forum declares that these metrics may be added.

        One metric may always be added to nothing; two or more may when they all
        are parts of one ``part_of`` or ``disjoint`` `Relation` (they count
        distinct things). Figures that may overlap (people trained, and people
        recruited) are not additive, even with the same unit and measure.
        """
        if len(metrics) <= 1:
            return True
        ids = {m.id for m in metrics}
        return any(relation.kind.additive and ids <= set(relation.parts) for relation in self.relations)

"""The domain model: a forum report, its organisations, people, programme and figures.

Every class is frozen, slotted and keyword-only; collections are tuples. Objects
refer to each other by id (a lower-case kebab-case slug); a `Forum` checks
that ids are unique and that every reference resolves.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator
from typing import Final, Protocol, TypeVar

import attrs

from povmodel.core import _validators as v
from povmodel.core.errors import ValidationError
from povmodel.core.quantity import Qualifier, Quantity
from povmodel.core.text import LocalizedText

FORMAT_VERSION: Final = 2
"""The version of the file format: the shape of the model's classes as plain data."""

__all__ = [
    "FORMAT_VERSION",
    "Attendance",
    "Category",
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
    "Source",
]

_TEXT = v.instance_of(LocalizedText, "a LocalizedText")
_OPTIONAL_TEXT = v.optional(_TEXT)
_OPTIONAL_SLUG = v.optional(v.slug)


class OrganizationKind(enum.Enum):
    """What sort of body an `Organization` is."""

    GOVERNMENT = "government"
    PARTY = "party"
    ENTERPRISE = "enterprise"
    FUND = "fund"
    RESEARCH = "research"
    CIVIL_SOCIETY = "civil_society"
    MEDIA = "media"
    GROUP = "group"
    """Several bodies that the report names together ("central enterprises")."""


class ProgrammeKind(enum.Enum):
    """The kind of a `ProgrammeItem`."""

    SPEECH = "speech"
    REPORT = "report"
    EXPERIENCE_SHARING = "experience_sharing"
    ROUND_TABLE = "round_table"
    RELEASE = "release"


class RelationKind(enum.Enum):
    """How the figures of a `Relation` relate.

    ``PART_OF``: the parts are components of the whole, so their sum never exceeds
    it. ``SUBSET_OF``: each part counts a subset of what the whole counts, so no
    part exceeds it.
    """

    PART_OF = "part_of"
    SUBSET_OF = "subset_of"


@attrs.frozen(kw_only=True)
class Source:
    """Where a fact comes from.

    Attributes:
        quote: the exact sentence of the report that states the fact, or ``None``.
        inferred: ``True`` when the report does not state the fact and povmodel
            infers it; ``note`` then says why.
        note: an explanation, required when ``inferred`` is true.
    """

    quote: str | None = attrs.field(default=None, validator=v.optional(v.text))
    inferred: bool = attrs.field(default=False, validator=v.instance_of(bool, "a boolean"))
    note: str | None = attrs.field(default=None, validator=v.optional(v.text))

    def __attrs_post_init__(self) -> None:
        if self.inferred and self.note is None:
            raise ValidationError.at("note", "an inferred fact needs a note saying why")
        if not self.inferred and self.quote is None:
            raise ValidationError.at("quote", "a stated fact needs the quote that states it")


@attrs.frozen(kw_only=True)
class Period:
    """The years a figure covers, as the report states them.

    ``"since 2016"`` is ``Period(start_year=2016)``: the end is open, up to the
    report's date.

    Attributes:
        start_year: the first year covered, or ``None`` if not stated.
        end_year: the last year covered, or ``None`` for "up to the report".
    """

    start_year: int | None = attrs.field(default=None, validator=v.optional(v.non_negative_int))
    end_year: int | None = attrs.field(default=None, validator=v.optional(v.non_negative_int))

    def __attrs_post_init__(self) -> None:
        if self.start_year is None and self.end_year is None:
            raise ValidationError.at("", "a period needs a start year, an end year or both")
        if self.start_year is not None and self.end_year is not None and self.start_year > self.end_year:
            raise ValidationError.at("end_year", f"ends before it starts: {self.start_year} > {self.end_year}")


@attrs.frozen(kw_only=True)
class Organization:
    """A body named in the report.

    Attributes:
        id: a unique slug (``sasac``).
        name: the full name.
        short_name: a common short form (``SASAC``), if any.
        kind: what sort of body it is.
        parent: the id of the organisation it belongs to, if any.
    """

    id: str = attrs.field(validator=v.slug)
    name: LocalizedText = attrs.field(validator=_TEXT)
    kind: OrganizationKind = attrs.field(validator=v.instance_of(OrganizationKind, "an OrganizationKind"))
    short_name: LocalizedText | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    parent: str | None = attrs.field(default=None, validator=_OPTIONAL_SLUG)


@attrs.frozen(kw_only=True)
class Position:
    """A post held in an organisation.

    Attributes:
        title: the post (``Director``).
        organization: the id of the organisation.
    """

    title: LocalizedText = attrs.field(validator=_TEXT)
    organization: str = attrs.field(validator=v.slug)


@attrs.frozen(kw_only=True)
class Person:
    """A person named in the report.

    Attributes:
        id: a unique slug (``hao-peng``).
        name: the name; in Chinese characters only where certain, otherwise the
            pinyin name alone.
        positions: the posts the report gives.
        source: the sentence that names the person with these posts.
    """

    id: str = attrs.field(validator=v.slug)
    name: LocalizedText = attrs.field(validator=_TEXT)
    positions: tuple[Position, ...] = attrs.field(default=(), validator=v.tuple_of(Position, "a Position"))
    source: Source | None = attrs.field(default=None, validator=v.optional(v.instance_of(Source, "a Source")))


@attrs.frozen(kw_only=True)
class ProgrammeItem:
    """One item of the forum's programme.

    Attributes:
        id: a unique slug.
        kind: speech, report, experience sharing, round table or release.
        title: what the item was.
        speakers: ids of the people who spoke or presided.
        topics: the topics, where the report gives them.
        source: the sentence that reports the item.
    """

    id: str = attrs.field(validator=v.slug)
    kind: ProgrammeKind = attrs.field(validator=v.instance_of(ProgrammeKind, "a ProgrammeKind"))
    title: LocalizedText = attrs.field(validator=_TEXT)
    speakers: tuple[str, ...] = attrs.field(default=(), validator=v.slugs)
    topics: tuple[LocalizedText, ...] = attrs.field(default=(), validator=v.tuple_of(LocalizedText, "a LocalizedText"))
    source: Source = attrs.field(validator=v.instance_of(Source, "a Source"))


@attrs.frozen(kw_only=True)
class Attendance:
    """Who attended.

    Attributes:
        participants: the number of people, as stated.
        qualifier: how the number of participants is stated ("more than 300").
        central_enterprises: the number of central enterprises represented.
        organizations: ids of the bodies named among the attendees.
        groups: other attendees the report names without a body
            (representatives of beneficiaries, media).
        source: the sentence that reports the attendance.
    """

    participants: int = attrs.field(validator=v.non_negative_int)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, validator=v.instance_of(Qualifier, "a Qualifier"))
    central_enterprises: int | None = attrs.field(default=None, validator=v.optional(v.non_negative_int))
    organizations: tuple[str, ...] = attrs.field(default=(), validator=v.slugs)
    groups: tuple[LocalizedText, ...] = attrs.field(default=(), validator=v.tuple_of(LocalizedText, "a LocalizedText"))
    source: Source = attrs.field(validator=v.instance_of(Source, "a Source"))


@attrs.frozen(kw_only=True)
class Category:
    """A category of assistance; categories form a tree through ``parent``.

    Attributes:
        id: a unique slug (``education``).
        name: the category's name.
        parent: the id of the enclosing category (``livelihood``), if any.
    """

    id: str = attrs.field(validator=v.slug)
    name: LocalizedText = attrs.field(validator=_TEXT)
    parent: str | None = attrs.field(default=None, validator=_OPTIONAL_SLUG)


@attrs.frozen(kw_only=True)
class Measure:
    """What a figure measures (funds invested, products purchased, schools built).

    Two figures are only ever added when they share unit and measure.

    Attributes:
        id: a unique slug (``funds-invested``).
        name: a description.
    """

    id: str = attrs.field(validator=v.slug)
    name: LocalizedText = attrs.field(validator=_TEXT)


@attrs.frozen(kw_only=True, repr=False)
class Metric:
    """A figure stated in the report.

    Attributes:
        id: a unique slug.
        label: what the figure counts, as a phrase.
        category: the id of its category of assistance.
        actor: the id of the organisation the figure is about.
        measure: the id of the `Measure`.
        quantity: value and unit.
        qualifier: how the report states it ("more than", "nearly").
        period: the years it covers, when stated.
        source: the sentence of the report it comes from.
    """

    id: str = attrs.field(validator=v.slug)
    label: LocalizedText = attrs.field(validator=_TEXT)
    category: str = attrs.field(validator=v.slug)
    actor: str = attrs.field(validator=v.slug)
    measure: str = attrs.field(validator=v.slug)
    quantity: Quantity = attrs.field(validator=v.instance_of(Quantity, "a Quantity"))
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, validator=v.instance_of(Qualifier, "a Qualifier"))
    period: Period | None = attrs.field(default=None, validator=v.optional(v.instance_of(Period, "a Period")))
    source: Source = attrs.field(validator=v.instance_of(Source, "a Source"))

    def __repr__(self) -> str:
        quantity = self.quantity
        return (
            f"Metric(id={self.id!r}, qualifier={self.qualifier.value!r}, value={quantity.value!r}, "
            f"unit={quantity.unit!r}, ...)"
        )

    def _repr_html_(self) -> str:
        from povmodel.presentation import _display

        return _display.metric_html(self)

    def _repr_markdown_(self) -> str:
        from povmodel.presentation import _display

        return _display.metric_markdown(self)


@attrs.frozen(kw_only=True)
class Project:
    """A named assistance project.

    Attributes:
        id: a unique slug.
        name: what the project is.
        actor: the id of the organisation that runs it.
        place: where it is, when the report says.
        source: the sentence (or caption) that reports it.
    """

    id: str = attrs.field(validator=v.slug)
    name: LocalizedText = attrs.field(validator=_TEXT)
    actor: str = attrs.field(validator=v.slug)
    place: LocalizedText | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    source: Source = attrs.field(validator=v.instance_of(Source, "a Source"))


@attrs.frozen(kw_only=True)
class Relation:
    """A relation between figures that the report implies, checked by the audit.

    Attributes:
        id: a unique slug.
        kind: ``part_of`` (the parts add up to no more than the whole) or
            ``subset_of`` (each part counts a subset of the whole).
        parts: ids of the part metrics.
        whole: id of the whole metric.
        note: why the relation holds.
    """

    id: str = attrs.field(validator=v.slug)
    kind: RelationKind = attrs.field(validator=v.instance_of(RelationKind, "a RelationKind"))
    parts: tuple[str, ...] = attrs.field(validator=v.slugs)
    whole: str = attrs.field(validator=v.slug)
    note: str = attrs.field(validator=v.text)

    def __attrs_post_init__(self) -> None:
        if not self.parts:
            raise ValidationError.at("parts", "a relation needs at least one part")


@attrs.frozen(kw_only=True)
class Omission:
    """A figure of the report that the forum leaves out on purpose.

    ``povmodel check`` accepts a figure of the report that no metric states when
    an omission names it.

    Attributes:
        figure: the figure as the report writes it (``"97 central enterprises"``).
        quote: the sentence of the report it stands in, verbatim.
        reason: why it is not a metric.
    """

    figure: str = attrs.field(validator=v.text)
    quote: str = attrs.field(validator=v.text)
    reason: str = attrs.field(validator=v.text)


_COLLECTIONS = ("organizations", "people", "categories", "measures", "metrics", "programme", "projects", "relations")


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

    id: str = attrs.field(validator=v.slug)
    name: LocalizedText = attrs.field(validator=_TEXT)
    date: dt.date = attrs.field(validator=v.instance_of(dt.date, "a date"))
    date_source: Source = attrs.field(validator=v.instance_of(Source, "a Source"))
    city: LocalizedText = attrs.field(validator=_TEXT)
    theme: LocalizedText | None = attrs.field(default=None, validator=_OPTIONAL_TEXT)
    sponsor: str | None = attrs.field(default=None, validator=_OPTIONAL_SLUG)
    organizers: tuple[str, ...] = attrs.field(default=(), validator=v.slugs)
    attendance: Attendance | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Attendance, "an Attendance"))
    )
    organizations: tuple[Organization, ...] = attrs.field(
        default=(), validator=v.tuple_of(Organization, "an Organization")
    )
    people: tuple[Person, ...] = attrs.field(default=(), validator=v.tuple_of(Person, "a Person"))
    programme: tuple[ProgrammeItem, ...] = attrs.field(
        default=(), validator=v.tuple_of(ProgrammeItem, "a ProgrammeItem")
    )
    categories: tuple[Category, ...] = attrs.field(default=(), validator=v.tuple_of(Category, "a Category"))
    measures: tuple[Measure, ...] = attrs.field(default=(), validator=v.tuple_of(Measure, "a Measure"))
    metrics: tuple[Metric, ...] = attrs.field(default=(), validator=v.tuple_of(Metric, "a Metric"))
    headline: tuple[str, ...] = attrs.field(default=(), validator=v.slugs)
    projects: tuple[Project, ...] = attrs.field(default=(), validator=v.tuple_of(Project, "a Project"))
    relations: tuple[Relation, ...] = attrs.field(default=(), validator=v.tuple_of(Relation, "a Relation"))
    omitted: tuple[Omission, ...] = attrs.field(default=(), validator=v.tuple_of(Omission, "an Omission"))

    def __attrs_post_init__(self) -> None:
        errors = list(_check_ids(self)) + list(_check_references(self))
        if errors:
            raise ValidationError(errors)

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(getattr(self, name))}" for name in ("metrics", "people", "organizations"))
        return f"Forum(id={self.id!r}, date={self.date.isoformat()!r}, {counts}, ...)"

    def _repr_html_(self) -> str:
        from povmodel.presentation import _display

        return _display.forum_html(self)

    def _repr_markdown_(self) -> str:
        from povmodel.presentation import _display

        return _display.forum_markdown(self)

    # -- lookups -----------------------------------------------------------------

    def organization(self, id: str) -> Organization:
        """The organisation with this id; ``KeyError`` if there is none."""
        return _find(self.organizations, id)

    def person(self, id: str) -> Person:
        """The person with this id; ``KeyError`` if there is none."""
        return _find(self.people, id)

    def category(self, id: str) -> Category:
        """The category with this id; ``KeyError`` if there is none."""
        return _find(self.categories, id)

    def measure(self, id: str) -> Measure:
        """The measure with this id; ``KeyError`` if there is none."""
        return _find(self.measures, id)

    def metric(self, id: str) -> Metric:
        """The metric with this id; ``KeyError`` if there is none."""
        return _find(self.metrics, id)

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
        children: dict[str | None, list[str]] = {}
        for category in self.categories:
            children.setdefault(category.parent, []).append(category.id)
        found: list[str] = []
        stack = [id]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(reversed(children.get(current, [])))
        return tuple(found)


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_T = TypeVar("_T", bound=_HasId)


def _find(items: Iterable[_T], id: str) -> _T:
    for item in items:
        if item.id == id:
            return item
    raise KeyError(id)


def _check_ids(forum: Forum) -> Iterator[tuple[str, str]]:
    for collection in _COLLECTIONS:
        first_seen: dict[str, str] = {}
        for index, item in enumerate(getattr(forum, collection)):
            path = f"{collection}[{index}].id"
            if item.id in first_seen:
                yield path, f"duplicate id: {item.id!r} (first used at $.{first_seen[item.id]})"
            else:
                first_seen[item.id] = path


def _check_references(forum: Forum) -> Iterator[tuple[str, str]]:
    organizations = {o.id for o in forum.organizations}
    people = {p.id for p in forum.people}
    categories = {c.id for c in forum.categories}
    measures = {m.id for m in forum.measures}
    metrics = {m.id for m in forum.metrics}

    def check(ids: set[str], kind: str, path: str, ref: str | None) -> Iterator[tuple[str, str]]:
        if ref is not None and ref not in ids:
            yield path, f"unknown {kind} id: {ref!r}"

    yield from check(organizations, "organization", "sponsor", forum.sponsor)
    for i, ref in enumerate(forum.organizers):
        yield from check(organizations, "organization", f"organizers[{i}]", ref)
    if forum.attendance is not None:
        for i, ref in enumerate(forum.attendance.organizations):
            yield from check(organizations, "organization", f"attendance.organizations[{i}]", ref)
    for i, org in enumerate(forum.organizations):
        yield from check(organizations, "organization", f"organizations[{i}].parent", org.parent)
    for i, person in enumerate(forum.people):
        for j, position in enumerate(person.positions):
            yield from check(
                organizations, "organization", f"people[{i}].positions[{j}].organization", position.organization
            )
    for i, item in enumerate(forum.programme):
        for j, ref in enumerate(item.speakers):
            yield from check(people, "person", f"programme[{i}].speakers[{j}]", ref)
    for i, category in enumerate(forum.categories):
        yield from check(categories, "category", f"categories[{i}].parent", category.parent)
    for i, metric in enumerate(forum.metrics):
        yield from check(categories, "category", f"metrics[{i}].category", metric.category)
        yield from check(organizations, "organization", f"metrics[{i}].actor", metric.actor)
        yield from check(measures, "measure", f"metrics[{i}].measure", metric.measure)
    for i, ref in enumerate(forum.headline):
        yield from check(metrics, "metric", f"headline[{i}]", ref)
    for i, project in enumerate(forum.projects):
        yield from check(organizations, "organization", f"projects[{i}].actor", project.actor)
    for i, relation in enumerate(forum.relations):
        for j, ref in enumerate(relation.parts):
            yield from check(metrics, "metric", f"relations[{i}].parts[{j}]", ref)
        yield from check(metrics, "metric", f"relations[{i}].whole", relation.whole)
    yield from _check_cycles(forum, "categories", {c.id: c.parent for c in forum.categories})
    yield from _check_cycles(forum, "organizations", {o.id: o.parent for o in forum.organizations})


def _check_cycles(forum: Forum, collection: str, parents: dict[str, str | None]) -> Iterator[tuple[str, str]]:
    positions = {item.id: index for index, item in enumerate(getattr(forum, collection))}
    for start in parents:
        seen = {start}
        current = parents[start]
        while current is not None and current in parents and current not in seen:
            seen.add(current)
            current = parents[current]
        if current == start:
            yield f"{collection}[{positions[start]}].parent", f"parents form a cycle through {start!r}"

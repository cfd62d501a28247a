"""What a forum checks as a whole: unique ids, references that resolve, no cycles.

All of it runs in time linear in the size of the forum: one pass builds an index
of ids, one pass checks references, and the parent chains are walked once each.
The forum's own budgets come first: objects with ids, and ids in lists of
references (`povmodel.core.limits`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Protocol

import attrs

from povmodel.core import limits
from povmodel.core.actors import Organization, Person
from povmodel.core.figures import Category, Measure, Metric, Relation
from povmodel.core.programme import Attendance, ProgrammeItem, Project

__all__ = ["COLLECTIONS", "Forum", "Index", "problems"]


class Forum(Protocol):
    """What the checks read of a `povmodel.Forum` (which builds its index from here)."""

    @property
    def sponsor(self) -> str | None: ...
    @property
    def organizers(self) -> tuple[str, ...]: ...
    @property
    def attendance(self) -> Attendance | None: ...
    @property
    def organizations(self) -> tuple[Organization, ...]: ...
    @property
    def people(self) -> tuple[Person, ...]: ...
    @property
    def programme(self) -> tuple[ProgrammeItem, ...]: ...
    @property
    def categories(self) -> tuple[Category, ...]: ...
    @property
    def measures(self) -> tuple[Measure, ...]: ...
    @property
    def metrics(self) -> tuple[Metric, ...]: ...
    @property
    def headline(self) -> tuple[str, ...]: ...
    @property
    def projects(self) -> tuple[Project, ...]: ...
    @property
    def relations(self) -> tuple[Relation, ...]: ...


COLLECTIONS = ("organizations", "people", "categories", "measures", "metrics", "programme", "projects", "relations")
"""The collections of a forum whose items have ids."""


@attrs.frozen
class Index:
    """A forum's objects by id, and its category tree, built once per forum."""

    organizations: Mapping[str, Organization]
    people: Mapping[str, Person]
    categories: Mapping[str, Category]
    measures: Mapping[str, Measure]
    metrics: Mapping[str, Metric]
    children: Mapping[str | None, tuple[str, ...]]

    @classmethod
    def of(cls, forum: Forum) -> Index:
        children: dict[str | None, list[str]] = {}
        for category in forum.categories:
            children.setdefault(category.parent, []).append(category.id)
        return cls(
            organizations={o.id: o for o in forum.organizations},
            people={p.id: p for p in forum.people},
            categories={c.id: c for c in forum.categories},
            measures={m.id: m for m in forum.measures},
            metrics={m.id: m for m in forum.metrics},
            children={key: tuple(ids) for key, ids in children.items()},
        )

    def subcategories(self, id: str) -> tuple[str, ...]:
        """Ids of ``id`` and of every category below it, depth first."""
        found: list[str] = []
        stack = [id]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(reversed(self.children.get(current, ())))
        return tuple(found)


def problems(forum: Forum) -> list[tuple[str, str]]:
    """Every ``(path, message)`` that makes ``forum`` inconsistent; empty if none."""
    found = list(_budget(forum))
    if found:
        return found  # too big to check further in bounded time
    ids = {collection: _ids(forum, collection, found) for collection in COLLECTIONS}
    if not _all_known(forum, ids):
        found += _references(forum, ids)
    found += _cycles("categories", [(c.id, c.parent) for c in forum.categories], ids["categories"])
    found += _cycles("organizations", [(o.id, o.parent) for o in forum.organizations], ids["organizations"])
    return found


def _budget(forum: Forum) -> Iterator[tuple[str, str]]:
    total = sum(len(getattr(forum, collection)) for collection in COLLECTIONS)
    if total > limits.MAX_ITEMS:
        yield "", f"too many objects with ids: {total:,} (at most {limits.MAX_ITEMS:,} in one forum)"
    listed = _listed_references(forum)
    if listed > limits.MAX_REFERENCES:
        yield "", f"too many ids in lists of references: {listed:,} (at most {limits.MAX_REFERENCES:,} in one forum)"


def _listed_references(forum: Forum) -> int:
    """The ids in the forum's lists of references: each costs a few bytes, and a summary may name it in full."""
    attendance = () if forum.attendance is None else forum.attendance.organizations
    return (
        len(forum.organizers)
        + len(attendance)
        + len(forum.headline)
        + sum(len(item.speakers) for item in forum.programme)
        + sum(len(relation.parts) for relation in forum.relations)
    )


def _ids(forum: Forum, collection: str, found: list[tuple[str, str]]) -> dict[str, int]:
    first_seen: dict[str, int] = {}
    for index, item in enumerate(getattr(forum, collection)):
        if item.id in first_seen:
            first = f"$.{collection}[{first_seen[item.id]}].id"
            found.append((f"{collection}[{index}].id", f"duplicate id: {item.id!r} (first used at {first})"))
        else:
            first_seen[item.id] = index
    return first_seen


def _all_known(forum: Forum, ids: Mapping[str, Mapping[str, int]]) -> bool:
    """True exactly when `_references` finds nothing: each collection's references, as a set, within its ids.

    The common case, decided without building a path for each reference.
    """
    attendance = () if forum.attendance is None else forum.attendance.organizations
    organizations = {forum.sponsor, *forum.organizers, *attendance}
    organizations.update([o.parent for o in forum.organizations])
    organizations.update([p.organization for person in forum.people for p in person.positions])
    organizations.update([m.actor for m in forum.metrics])
    organizations.update([p.actor for p in forum.projects])
    categories = {c.parent for c in forum.categories}
    categories.update([m.category for m in forum.metrics])
    metrics = {*forum.headline, *(r.whole for r in forum.relations)}
    metrics.update([part for r in forum.relations for part in r.parts])
    references: dict[str, set[str | None]] = {
        "organizations": organizations,
        "people": {speaker for item in forum.programme for speaker in item.speakers},
        "categories": categories,
        "measures": {m.measure for m in forum.metrics},
        "metrics": metrics,
    }
    for collection, refs in references.items():
        refs.discard(None)
        if not refs <= ids[collection].keys():
            return False
    return True


def _references(forum: Forum, ids: Mapping[str, Mapping[str, int]]) -> Iterator[tuple[str, str]]:
    def check(collection: str, kind: str, path: str, ref: str | None) -> Iterator[tuple[str, str]]:
        if ref is not None and ref not in ids[collection]:
            yield path, f"unknown {kind} id: {ref!r}"

    def each(collection: str, kind: str, path: str, refs: tuple[str, ...]) -> Iterator[tuple[str, str]]:
        for i, ref in enumerate(refs):
            yield from check(collection, kind, f"{path}[{i}]", ref)

    orgs = "organizations", "organization"
    yield from check(*orgs, "sponsor", forum.sponsor)
    yield from each(*orgs, "organizers", forum.organizers)
    if forum.attendance is not None:
        yield from each(*orgs, "attendance.organizations", forum.attendance.organizations)
    for i, org in enumerate(forum.organizations):
        yield from check(*orgs, f"organizations[{i}].parent", org.parent)
    for i, person in enumerate(forum.people):
        for j, position in enumerate(person.positions):
            yield from check(*orgs, f"people[{i}].positions[{j}].organization", position.organization)
    for i, item in enumerate(forum.programme):
        yield from each("people", "person", f"programme[{i}].speakers", item.speakers)
    for i, category in enumerate(forum.categories):
        yield from check("categories", "category", f"categories[{i}].parent", category.parent)
    for i, metric in enumerate(forum.metrics):
        yield from check("categories", "category", f"metrics[{i}].category", metric.category)
        yield from check(*orgs, f"metrics[{i}].actor", metric.actor)
        yield from check("measures", "measure", f"metrics[{i}].measure", metric.measure)
    yield from each("metrics", "metric", "headline", forum.headline)
    for i, project in enumerate(forum.projects):
        yield from check(*orgs, f"projects[{i}].actor", project.actor)
    for i, relation in enumerate(forum.relations):
        yield from each("metrics", "metric", f"relations[{i}].parts", relation.parts)
        yield from check("metrics", "metric", f"relations[{i}].whole", relation.whole)


def _cycles(collection: str, parents: list[tuple[str, Any]], positions: Mapping[str, int]) -> list[tuple[str, str]]:
    """Items whose parent chain comes back to them, found in one pass over the chains.

    Each item is visited once: a walk stops at an item already settled (on a
    chain known to end, or known to loop), so the whole check is linear.
    """
    parent_of = dict(parents)
    state: dict[str, int] = {}  # 1: on the current walk; 2: settled
    looping: set[str] = set()
    for start, _ in parents:
        walk: list[str] = []
        current: str | None = start
        while current is not None and current in parent_of and current not in state:
            state[current] = 1
            walk.append(current)
            current = parent_of[current]
        if current is not None and state.get(current) == 1:  # this walk came back to itself
            cycle_start = walk.index(current)
            looping.update(walk[cycle_start:])
        for item in walk:
            state[item] = 2
    return [
        (f"{collection}[{index}].parent", f"parents form a cycle through {item!r}")
        for item, index in positions.items()
        if item in looping
    ]

"""Summaries of a forum in the reader's language, as text, Markdown or HTML.

Sentences come from the gettext catalogues (domain ``povmodel``); names, posts,
labels and categories from the forum's own texts; figures, dates and lists from
the `Formatter`. Works for any `Forum`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final

import attrs

from povmodel.core.model import Category, Forum, Metric, Person
from povmodel.core.quantity import Quantity
from povmodel.core.totals import total
from povmodel.presentation._base import FormatterBase
from povmodel.presentation._document import Block, Heading, List, Paragraph, render
from povmodel.presentation._locales import Markup, Style

__all__ = ["write"]


def _m(message: str) -> str:
    return message


def _mn(singular: str, plural: str) -> tuple[str, str]:
    return singular, plural


# -- the catalogue's sentences ---------------------------------------------------------

_HELD: Final = _m("The %(forum)s was held in %(city)s on %(date)s.")
_SPONSORED_AND_ORGANISED: Final = _m("It was sponsored by %(sponsor)s and organised by %(organizers)s.")
_SPONSORED: Final = _m("It was sponsored by %(sponsor)s.")
_ORGANISED: Final = _m("It was organised by %(organizers)s.")
_ATTENDED: Final = _m("The forum was attended by %(participants)s.")
_ATTENDED_WITH: Final = _mn(
    "The forum was attended by %(participants)s, including representatives of %(count)s central enterprise.",
    "The forum was attended by %(participants)s, including representatives of %(count)s central enterprises.",
)
_THEME: Final = _m("Its theme was “%(theme)s”.")
_RESULTS: Final = _m("Results reported at the forum: %(results)s.")
_RESULT: Final = _m("%(figure)s (%(label)s)")
_RESULT_PERIOD: Final = _m("%(figure)s %(period)s (%(label)s)")
_ITEM: Final = _m("%(label)s: %(figure)s")
_ITEM_PERIOD: Final = _m("%(label)s: %(figure)s (%(period)s)")
_TOTAL: Final = _m("Total, %(measure)s: %(figure)s")
_POSTS: Final = _m("%(titles)s, %(organization)s")
_PERSON: Final = _m("%(name)s, %(posts)s")
_PROJECT: Final = _m("%(project)s (%(place)s)")
_QUOTED: Final = _m("“%(text)s”")
_PROGRAMME_TOPICS: Final = _m("%(title)s: %(topics)s")
_PROGRAMME_SPEAKERS: Final = _m("%(item)s — %(speakers)s")
_OVERVIEW: Final = _m("Overview")
_SPEAKERS: Final = _m("Speakers")
_BY_CATEGORY: Final = _m("Results by category")
_CONTRIBUTION: Final = _m("Contribution of %(organization)s")
_PROGRAMME: Final = _m("Programme")


@attrs.frozen
class _Context:
    """A summary in the making: the reader's formatter and the forum."""

    fmt: FormatterBase
    forum: Forum

    def __call__(self, message: str, **values: object) -> str:
        return self.fmt._say(message, **values)

    def text(self, value: object) -> str:
        return self.fmt.text(value)  # type: ignore[arg-type]

    def names(self, names: Sequence[str]) -> str:
        return self.fmt.names(names)

    def metric(self, metric: Metric) -> str:
        return self.fmt.metric(metric)

    def quantity(self, quantity: Quantity, qualifier: object) -> str:
        return self.fmt.quantity(quantity, qualifier)  # type: ignore[arg-type]

    def number(self, value: int) -> str:
        return self.fmt.number(value)

    def total(self, value: object) -> str:
        return self.fmt.total(value)  # type: ignore[arg-type]

    def date(self, value: object) -> str:
        return self.fmt.date(value)  # type: ignore[arg-type]

    @property
    def language(self) -> str:
        return self.fmt.language


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _organization(w: _Context, id: str) -> str:
    return w.text(w.forum.organization(id).name)


def _period(w: _Context, metric: Metric) -> str | None:
    return None if metric.period is None else w.fmt.period(metric.period)


def _overview(w: _Context) -> Iterator[str]:
    forum = w.forum
    date = w.date(forum.date)
    yield w(_HELD, forum=w.text(forum.name), city=w.text(forum.city), date=date)
    sponsor = None if forum.sponsor is None else _organization(w, forum.sponsor)
    organizers = w.names([_organization(w, o) for o in forum.organizers]) if forum.organizers else None
    if sponsor and organizers:
        yield w(_SPONSORED_AND_ORGANISED, sponsor=sponsor, organizers=organizers)
    elif sponsor:
        yield w(_SPONSORED, sponsor=sponsor)
    elif organizers:
        yield w(_ORGANISED, organizers=organizers)
    attendance = forum.attendance
    if attendance is not None:
        participants = w.quantity(Quantity(value=Decimal(attendance.participants), unit="person"), attendance.qualifier)
        if attendance.central_enterprises is None:
            yield w(_ATTENDED, participants=participants)
        else:
            count = attendance.central_enterprises
            yield w.fmt._say_plural(_ATTENDED_WITH, count, participants=participants, count=w.number(count))
    if forum.theme is not None:
        yield w(_THEME, theme=w.text(forum.theme))


def _result(w: _Context, metric: Metric) -> str:
    period = _period(w, metric)
    label, figure = w.text(metric.label), w.metric(metric)
    if period is None:
        return w(_RESULT, figure=figure, label=label)
    return w(_RESULT_PERIOD, figure=figure, period=period, label=label)


def _item(w: _Context, metric: Metric) -> str:
    period = _period(w, metric)
    label, figure = w.text(metric.label), w.metric(metric)
    if period is None:
        return _upper_first(w(_ITEM, label=label, figure=figure))
    return _upper_first(w(_ITEM_PERIOD, label=label, figure=figure, period=period))


def _short(w: _Context) -> list[Block]:
    sentences = [_upper_first(s) for s in _overview(w)]
    headline = w.forum.headline_metrics()
    if headline:
        sentences.append(w(_RESULTS, results=w.names([_result(w, m) for m in headline])))
    separator = "" if w.language.startswith("zh") else " "
    return [Paragraph(separator.join(sentences))]


def _belonging_to(forum: Forum, owners: set[str]) -> set[str]:
    """Ids of ``owners`` and of every organisation below them."""
    parents = {o.id: o.parent for o in forum.organizations}
    found = set(owners)
    for org in parents:
        current: str | None = org
        while current is not None and current not in found:
            current = parents.get(current)
        if current is not None:
            found.add(org)
    return found


def _speakers(w: _Context) -> list[Block]:
    items = [_person(w, person) for person in w.forum.people]
    return [Heading(2, w(_SPEAKERS)), List(tuple(items))] if items else []


def _person(w: _Context, person: Person) -> str:
    by_org: dict[str, list[str]] = {}
    for position in person.positions:
        by_org.setdefault(position.organization, []).append(w.text(position.title))
    posts = [w(_POSTS, titles=w.names(titles), organization=_organization(w, org)) for org, titles in by_org.items()]
    name = w.text(person.name)
    return w(_PERSON, name=name, posts=w.names(posts)) if posts else name


def _totals_lines(w: _Context, metrics: Sequence[Metric]) -> list[str]:
    forum = w.forum
    groups: dict[tuple[str, str], list[Metric]] = {}
    for metric in metrics:
        groups.setdefault((metric.quantity.unit, metric.measure), []).append(metric)
    lines = []
    for (_, measure), members in groups.items():
        if len(members) > 1:
            figure = w.total(total(members))
            lines.append(_upper_first(w(_TOTAL, measure=w.text(forum.measure(measure).name), figure=figure)))
    return lines


def _by_category(w: _Context, excluded_actors: set[str]) -> list[Block]:
    forum = w.forum
    forum = w.forum
    included = [m for m in forum.metrics if m.actor not in excluded_actors]
    blocks: list[Block] = []
    depth: dict[str, int] = {}
    for category in _tree_order(forum):
        depth[category.id] = 0 if category.parent is None else depth.get(category.parent, 0) + 1
        below = set(forum.subcategories(category.id))
        rolled_up = [m for m in included if m.category in below]
        if not rolled_up:
            continue
        own = [_item(w, m) for m in included if m.category == category.id]
        blocks.append(Heading(min(3 + depth[category.id], 6), w.text(category.name)))
        lines = own + _totals_lines(w, rolled_up)
        if lines:
            blocks.append(List(tuple(lines)))
    return [Heading(2, w(_BY_CATEGORY)), *blocks] if blocks else []


def _tree_order(forum: Forum) -> list[Category]:
    ordered: list[Category] = []
    for root in (c for c in forum.categories if c.parent is None):
        ordered += [forum.category(i) for i in forum.subcategories(root.id)]
    return ordered


def _contributions(w: _Context) -> list[Block]:
    forum = w.forum
    forum = w.forum
    blocks: list[Block] = []
    for organizer in forum.organizers:
        theirs = _belonging_to(forum, {organizer})
        metrics = [m for m in forum.metrics if m.actor in theirs]
        projects = [p for p in forum.projects if p.actor in theirs]
        if not metrics and not projects:
            continue
        lines = [_item(w, m) for m in metrics]
        for project in projects:
            name = w.text(project.name)
            lines.append(name if project.place is None else w(_PROJECT, project=name, place=w.text(project.place)))
        blocks += [Heading(2, w(_CONTRIBUTION, organization=_organization(w, organizer))), List(tuple(lines))]
    return blocks


def _programme(w: _Context) -> list[Block]:
    forum = w.forum
    items = []
    for entry in forum.programme:
        text = w.text(entry.title)
        if entry.topics:
            topics = w.names([w(_QUOTED, text=w.text(t)) for t in entry.topics])
            text = w(_PROGRAMME_TOPICS, title=text, topics=topics)
        if entry.speakers:
            speakers = w.names([w.text(forum.person(p).name) for p in entry.speakers])
            text = w(_PROGRAMME_SPEAKERS, item=text, speakers=speakers)
        items.append(text)
    return [Heading(2, w(_PROGRAMME)), List(tuple(items))] if items else []


def _full(w: _Context) -> list[Block]:
    forum = w.forum
    separator = "" if w.language.startswith("zh") else " "
    own = _belonging_to(forum, set(forum.organizers))
    return [
        Heading(1, w.text(forum.name)),
        Heading(2, w(_OVERVIEW)),
        Paragraph(separator.join(_upper_first(s) for s in _overview(w))),
        *_speakers(w),
        *_by_category(w, own),
        *_contributions(w),
        *_programme(w),
    ]


def write(fmt: FormatterBase, forum: Forum, style: Style, markup: Markup) -> str:
    """The summary of ``forum`` for ``fmt``'s reader (``style`` and ``markup`` already checked)."""
    context = _Context(fmt=fmt, forum=forum)
    blocks = _short(context) if style == "short" else _full(context)
    return render(blocks, markup, title=fmt.text(forum.name), language=fmt.tag, direction=fmt.direction)

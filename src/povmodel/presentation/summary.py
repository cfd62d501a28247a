"""Summaries of a forum in the reader's language, as text, Markdown or HTML.

Sentence templates come from the gettext catalogues (domain ``povmodel``); names,
posts, labels and categories from the forum's own texts; figures, dates and lists
from `povmodel.presentation.format`. Works for any `Forum`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final, Literal, TypeAlias

import attrs
from babel import Locale
from babel.support import Translations

from povmodel.core.model import Category, Forum, Metric, Person
from povmodel.core.quantity import Quantity
from povmodel.core.text import LocalizedText
from povmodel.core.totals import total
from povmodel.presentation.format import (
    format_date,
    format_metric,
    format_names,
    format_number,
    format_period,
    format_quantity,
    format_total,
)
from povmodel.presentation.i18n import LocaleLike, catalogue_language, get_locale, get_translations

__all__ = ["Format", "Style", "summarize"]

Style: TypeAlias = Literal["short", "full"]
"""How much a summary says: one paragraph, or sections."""

Format: TypeAlias = Literal["text", "markdown", "html"]
"""The markup of a summary."""

_STYLES: Final = ("short", "full")
_FORMATS: Final = ("text", "markdown", "html")


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


# -- a small document model, rendered three ways ------------------------------------------


@attrs.frozen
class _Heading:
    level: int
    text: str


@attrs.frozen
class _Paragraph:
    text: str


@attrs.frozen
class _List:
    items: tuple[str, ...]


_Block: TypeAlias = "_Heading | _Paragraph | _List"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


@attrs.frozen
class _Writer:
    """What a summary needs of the reader's locale."""

    forum: Forum
    locale: Locale
    language: str
    translations: Translations

    def __call__(self, message: str, **values: object) -> str:
        return self.translations.gettext(message) % values

    def plural(self, messages: tuple[str, str], n: int, **values: object) -> str:
        return self.translations.ngettext(*messages, n) % values

    def text(self, value: LocalizedText) -> str:
        return value.for_locale(self.language)

    def names(self, names: Sequence[str]) -> str:
        return format_names(names, locale=self.locale)

    def organization(self, id: str) -> str:
        return self.text(self.forum.organization(id).name)

    def figure(self, metric: Metric) -> str:
        return format_metric(metric, locale=self.locale)

    def period(self, metric: Metric) -> str | None:
        return None if metric.period is None else format_period(metric.period, locale=self.locale)


def _overview(w: _Writer) -> Iterator[str]:
    forum = w.forum
    date = format_date(forum.date, locale=w.locale)
    yield w(_HELD, forum=w.text(forum.name), city=w.text(forum.city), date=date)
    sponsor = None if forum.sponsor is None else w.organization(forum.sponsor)
    organizers = w.names([w.organization(o) for o in forum.organizers]) if forum.organizers else None
    if sponsor and organizers:
        yield w(_SPONSORED_AND_ORGANISED, sponsor=sponsor, organizers=organizers)
    elif sponsor:
        yield w(_SPONSORED, sponsor=sponsor)
    elif organizers:
        yield w(_ORGANISED, organizers=organizers)
    attendance = forum.attendance
    if attendance is not None:
        participants = format_quantity(
            Quantity(value=Decimal(attendance.participants), unit="person"),
            attendance.qualifier,
            locale=w.locale,
        )
        if attendance.central_enterprises is None:
            yield w(_ATTENDED, participants=participants)
        else:
            count = attendance.central_enterprises
            yield w.plural(
                _ATTENDED_WITH, count, participants=participants, count=format_number(count, locale=w.locale)
            )
    if forum.theme is not None:
        yield w(_THEME, theme=w.text(forum.theme))


def _result(w: _Writer, metric: Metric) -> str:
    period = w.period(metric)
    label, figure = w.text(metric.label), w.figure(metric)
    if period is None:
        return w(_RESULT, figure=figure, label=label)
    return w(_RESULT_PERIOD, figure=figure, period=period, label=label)


def _item(w: _Writer, metric: Metric) -> str:
    period = w.period(metric)
    label, figure = w.text(metric.label), w.figure(metric)
    if period is None:
        return _upper_first(w(_ITEM, label=label, figure=figure))
    return _upper_first(w(_ITEM_PERIOD, label=label, figure=figure, period=period))


def _short(w: _Writer) -> list[_Block]:
    sentences = [_upper_first(s) for s in _overview(w)]
    headline = w.forum.headline_metrics()
    if headline:
        sentences.append(w(_RESULTS, results=w.names([_result(w, m) for m in headline])))
    separator = "" if w.language.startswith("zh") else " "
    return [_Paragraph(separator.join(sentences))]


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


def _speakers(w: _Writer) -> list[_Block]:
    items = [_person(w, person) for person in w.forum.people]
    return [_Heading(2, w(_SPEAKERS)), _List(tuple(items))] if items else []


def _person(w: _Writer, person: Person) -> str:
    by_org: dict[str, list[str]] = {}
    for position in person.positions:
        by_org.setdefault(position.organization, []).append(w.text(position.title))
    posts = [w(_POSTS, titles=w.names(titles), organization=w.organization(org)) for org, titles in by_org.items()]
    name = w.text(person.name)
    return w(_PERSON, name=name, posts=w.names(posts)) if posts else name


def _totals_lines(w: _Writer, metrics: Sequence[Metric]) -> list[str]:
    groups: dict[tuple[str, str], list[Metric]] = {}
    for metric in metrics:
        groups.setdefault((metric.quantity.unit, metric.measure), []).append(metric)
    lines = []
    for (_, measure), members in groups.items():
        if len(members) > 1:
            figure = format_total(total(members), locale=w.locale)
            lines.append(_upper_first(w(_TOTAL, measure=w.text(w.forum.measure(measure).name), figure=figure)))
    return lines


def _by_category(w: _Writer, excluded_actors: set[str]) -> list[_Block]:
    forum = w.forum
    included = [m for m in forum.metrics if m.actor not in excluded_actors]
    blocks: list[_Block] = []
    depth: dict[str, int] = {}
    for category in _tree_order(forum):
        depth[category.id] = 0 if category.parent is None else depth.get(category.parent, 0) + 1
        below = set(forum.subcategories(category.id))
        rolled_up = [m for m in included if m.category in below]
        if not rolled_up:
            continue
        own = [_item(w, m) for m in included if m.category == category.id]
        blocks.append(_Heading(min(3 + depth[category.id], 6), w.text(category.name)))
        lines = own + _totals_lines(w, rolled_up)
        if lines:
            blocks.append(_List(tuple(lines)))
    return [_Heading(2, w(_BY_CATEGORY)), *blocks] if blocks else []


def _tree_order(forum: Forum) -> list[Category]:
    ordered: list[Category] = []
    for root in (c for c in forum.categories if c.parent is None):
        ordered += [forum.category(i) for i in forum.subcategories(root.id)]
    return ordered


def _contributions(w: _Writer) -> list[_Block]:
    forum = w.forum
    blocks: list[_Block] = []
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
        blocks += [_Heading(2, w(_CONTRIBUTION, organization=w.organization(organizer))), _List(tuple(lines))]
    return blocks


def _programme(w: _Writer) -> list[_Block]:
    items = []
    for entry in w.forum.programme:
        text = w.text(entry.title)
        if entry.topics:
            topics = w.names([w(_QUOTED, text=w.text(t)) for t in entry.topics])
            text = w(_PROGRAMME_TOPICS, title=text, topics=topics)
        if entry.speakers:
            speakers = w.names([w.text(w.forum.person(p).name) for p in entry.speakers])
            text = w(_PROGRAMME_SPEAKERS, item=text, speakers=speakers)
        items.append(text)
    return [_Heading(2, w(_PROGRAMME)), _List(tuple(items))] if items else []


def _full(w: _Writer) -> list[_Block]:
    separator = "" if w.language.startswith("zh") else " "
    own = _belonging_to(w.forum, set(w.forum.organizers))
    return [
        _Heading(1, w.text(w.forum.name)),
        _Heading(2, w(_OVERVIEW)),
        _Paragraph(separator.join(_upper_first(s) for s in _overview(w))),
        *_speakers(w),
        *_by_category(w, own),
        *_contributions(w),
        *_programme(w),
    ]


# -- rendering ---------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _markdown_escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _render_text(blocks: Sequence[_Block]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, (_Heading, _Paragraph)):
            parts.append(block.text)
        else:
            parts.append("\n".join(f"- {item}" for item in block.items))
    return "\n\n".join(parts) + "\n"


def _render_markdown(blocks: Sequence[_Block]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, _Heading):
            parts.append(f"{'#' * block.level} {_markdown_escape(block.text)}")
        elif isinstance(block, _Paragraph):
            parts.append(_markdown_escape(block.text))
        else:
            parts.append("\n".join(f"- {_markdown_escape(item)}" for item in block.items))
    return "\n\n".join(parts) + "\n"


def _render_html(blocks: Sequence[_Block], w: _Writer) -> str:
    tag = "-".join(p for p in (w.locale.language, w.locale.script, w.locale.territory) if p)
    direction = "rtl" if w.locale.character_order == "right-to-left" else "ltr"
    body = []
    for block in blocks:
        if isinstance(block, _Heading):
            body.append(f"<h{block.level}>{html.escape(block.text)}</h{block.level}>")
        elif isinstance(block, _Paragraph):
            body.append(f"<p>{html.escape(block.text)}</p>")
        else:
            items = "".join(f"\n<li>{html.escape(item)}</li>" for item in block.items)
            body.append(f"<ul>{items}\n</ul>")
    title = html.escape(w.text(w.forum.name))
    return (
        f'<!DOCTYPE html>\n<html lang="{tag}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n<article>\n" + "\n".join(body) + "\n</article>\n</body>\n</html>\n"
    )


def summarize(forum: Forum, *, locale: LocaleLike = "en", style: Style = "short", fmt: Format = "text") -> str:
    """Summarise a forum in the reader's language.

    Args:
        forum: any forum.
        locale: the reader's locale (``"zh_CN"``, ``"ar"``, a ``babel.Locale``).
            Languages without a catalogue get English sentences with their own
            numbers and dates.
        style: ``"short"``, one paragraph (what, when, where, who organised it,
            the headline results), or ``"full"``, sections (overview, speakers,
            results by category with category totals, the organisers' own
            contribution, the programme).
        fmt: ``"text"``, ``"markdown"`` or ``"html"`` (a whole HTML5 document,
            escaped, with ``lang`` and ``dir``).

    Raises:
        UnknownLocaleError: the locale is unknown.
        ValueError: ``style`` or ``fmt`` is not one of the above.

    Examples:
        >>> from povmodel import load_forum
        >>> print(summarize(load_forum(), locale="zh_CN").split("。")[0])
        2020年10月16日，中央企业扶贫论坛在北京举行
    """
    if style not in _STYLES:
        raise ValueError(f"style must be one of {', '.join(_STYLES)}, not {style!r}")
    if fmt not in _FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(_FORMATS)}, not {fmt!r}")
    parsed = get_locale(locale)
    language = catalogue_language(parsed)
    writer = _Writer(forum=forum, locale=parsed, language=language, translations=get_translations(parsed))
    blocks = _short(writer) if style == "short" else _full(writer)
    if fmt == "text":
        return _render_text(blocks)
    if fmt == "markdown":
        return _render_markdown(blocks)
    return _render_html(blocks, writer)

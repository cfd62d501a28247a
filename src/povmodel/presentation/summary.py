"""Summaries of a forum in the reader's language, as text, Markdown or HTML.

A summary is written in sentences, as a news report. The short one is a lede:
the headline figures, where and when the forum heard them, and who held it.
The full one opens with the lede and goes on with the theme and who attended,
what the speakers said, a paragraph per category of assistance (its figures,
then what the report says of it without a figure), and what else the forum
held. People are named with their posts the first time. The catalogue (domain ``povmodel``) gives the
frames of each language; the data gives the names and, for each figure, remark
and fact, a sentence written natively in each language (`Metric.statement`,
`Remark`, `Fact`).

A summary states what the report says and nothing else: it computes no totals,
and leaves out the projects (the report's photo captions), which the tables
show. Works for any `Forum`, in any locale a `Formatter` takes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from povmodel.core.model import Forum, Metric
from povmodel.core.quantity import Quantity
from povmodel.presentation._base import FormatterBase
from povmodel.presentation._document import Block, Heading, Paragraph, render
from povmodel.presentation._lists import programme
from povmodel.presentation._locales import Markup, Style
from povmodel.presentation._results import clauses, headings, one_sentence, results
from povmodel.presentation._writing import FORM_SUFFIXES, PREDICATE_PARTS, SPEAKERS_LISTED, Writer, upper_first

__all__ = ["FORM_SUFFIXES", "PREDICATE_PARTS", "SPEAKERS_LISTED", "write"]


def _m(message: str) -> str:
    return message


def _mp(context: str, message: str) -> tuple[str, str]:
    return context, message


def _mn(singular: str, plural: str) -> tuple[str, str]:
    return singular, plural


# The lede: the news, then who held the forum; a forum without stated figures says
# where and when it was held.
_HEADLINE: Final = _m("%(facts)s, %(forum)s heard in %(city)s on %(date)s.")
_HOSTED: Final = {
    (True, True): _m("The forum was hosted by %(sponsor)s and organized by %(organizers)s."),
    (True, False): _m("The forum was hosted by %(sponsor)s."),
    (False, True): _m("The forum was organized by %(organizers)s."),
}
_HELD: Final = {
    (True, True): _m(
        "%(forum)s, hosted by %(sponsor)s and organized by %(organizers)s, was held in %(city)s on %(date)s."
    ),
    (True, False): _m("%(forum)s, hosted by %(sponsor)s, was held in %(city)s on %(date)s."),
    (False, True): _m("%(forum)s, organized by %(organizers)s, was held in %(city)s on %(date)s."),
    (False, False): _m("%(forum)s was held in %(city)s on %(date)s."),
}
_THEME: Final = _m("The forum’s theme was “%(theme)s.”")
# Who attended: the number of people, the bodies their officials came from, and the
# others (central SOEs, groups); a translator may make one sentence of it, or two.
_ATTENDED: Final = {
    (False, False): _m("%(participants)s attended."),
    (False, True): _m("%(participants)s attended, among them %(attendees)s."),
    (True, False): _m("%(participants)s attended, among them officials from %(organizations)s."),
    (True, True): _m("%(participants)s attended, among them %(attendees)s. Officials came from %(organizations)s."),
}
_REPRESENTATIVES: Final = _mn("representatives of %(count)s central SOE", "representatives of %(count)s central SOEs")
_RESULTS: Final = _m("Results reported at the forum: %(results)s.")
_RESULT: Final = _m("%(figure)s (%(label)s)")
_RESULT_PERIOD: Final = _m("%(figure)s %(period)s (%(label)s)")


def _names(w: Writer) -> dict[str, str]:
    """The placeholders of the forum's names: itself, its city and date, its host and organisers."""
    forum = w.forum
    # A year the report does not give (inferred) is left out of the text, as a dated news story leaves it.
    day = w.date(forum.date, year=not forum.date_source.inferred)
    values = {**w.names("forum", [forum.name]), **w.names("city", [forum.city]), "date": day}
    if forum.sponsor is not None:
        values.update(w.organizations("sponsor", [forum.sponsor]))
    if forum.organizers:
        values.update(w.organizations("organizers", forum.organizers))
    return values


def _lede(w: Writer) -> list[str]:
    """The news: the headline figures, where and when the forum heard them, and who held it."""
    forum, values = w.forum, _names(w)
    hosts = (forum.sponsor is not None, bool(forum.organizers))
    headline = forum.headline_metrics()
    stated = [m for m in headline if m.statement is not None]
    if stated:
        facts = one_sentence(w, clauses(w, [stated]))
        sentences = [upper_first(w.say(_HEADLINE, facts=facts, **values))]
        if hosts in _HOSTED:
            sentences.append(upper_first(w.say(_HOSTED[hosts], **values)))
    else:
        sentences = [upper_first(w.say(_HELD[hosts], **values))]
    unstated = [m for m in headline if m.statement is None]
    if unstated:
        sentences.append(w.say(_RESULTS, results=w.joined([_result(w, m) for m in unstated])))
    return sentences


def _result(w: Writer, metric: Metric) -> str:
    label, figure = w.text(metric.label), w.fmt.metric(metric)
    if metric.period is None:
        return w.say(_RESULT, figure=figure, label=label)
    return w.say(_RESULT_PERIOD, figure=figure, period=w.fmt.period(metric.period), label=label)


def _attendance(w: Writer) -> list[str]:
    """The theme, and who attended: one sentence each."""
    forum = w.forum
    sentences = []
    if forum.theme is not None:
        sentences.append(w.say(_THEME, theme=w.text(forum.theme)))
    attendance = forum.attendance
    if attendance is not None:
        people = Quantity(value=Decimal(attendance.participants), unit="person")
        values = {"participants": w.fmt.quantity(people, attendance.qualifier)}
        bodies = attendance.organizations
        values.update(w.organizations("organizations", bodies, short_first=True))
        attendees = []
        if attendance.central_enterprises is not None:
            count = attendance.central_enterprises
            attendees.append(w.say_plural(_REPRESENTATIVES, count, count=w.fmt.number(count)))
        attendees.extend(w.text(group, "def") for group in attendance.groups)
        values["attendees"] = w.joined(attendees)
        sentences.append(w.say(_ATTENDED[bool(bodies), bool(attendees)], **values))
    return [upper_first(s) for s in sentences]


def _remarks(w: Writer) -> list[Block]:
    """A paragraph per programme item whose speakers' words the data reports."""
    blocks: list[Block] = []
    for entry in w.forum.programme:
        if not entry.remarks:
            continue
        speakers = w.people(entry.speakers)
        said = [upper_first(w.fill(remark.text, speakers=speakers)) for remark in entry.remarks]
        blocks.append(Paragraph(w.sentences(said)))
    return blocks


def _short(w: Writer) -> list[Block]:
    return [Paragraph(w.sentences(_lede(w)))]


def _full(w: Writer) -> list[Block]:
    attendance = _attendance(w)
    return [
        Heading(1, w.text(w.forum.title or w.forum.name)),
        Paragraph(w.sentences(_lede(w))),
        *([Paragraph(w.sentences(attendance))] if attendance else []),
        *_remarks(w),
        *results(w, skip=frozenset(m.id for m in w.forum.headline_metrics() if m.statement is not None)),
        *programme(w, headings=headings(w)),
    ]


def write(fmt: FormatterBase, forum: Forum, style: Style, markup: Markup) -> str:
    """The summary of ``forum`` for ``fmt``'s reader (``style`` and ``markup`` already checked)."""
    writer = Writer(fmt=fmt, forum=forum)
    blocks = _short(writer) if style == "short" else _full(writer)
    title = fmt.text(forum.title or forum.name)
    return render(blocks, markup, title=title, language=fmt.tag, direction=fmt.direction)

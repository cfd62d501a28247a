"""The figures of a summary as sentences: who did what, and since when.

Consecutive figures of one actor and one period make one sentence: "Since 2016,
central SOEs have invested nearly 100 billion yuan in assistance and sent more
than 10,000 poverty alleviation cadres." A figure without a statement is listed.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import Final, NamedTuple

from povmodel.core.model import Metric
from povmodel.presentation._document import Block, Heading, List, Paragraph
from povmodel.presentation._writing import Writer, upper_first

__all__ = ["Clause", "Turns", "clauses", "headings", "one_sentence", "results"]


def _m(message: str) -> str:
    return message


def _mp(context: str, message: str) -> tuple[str, str]:
    return context, message


_ITEM: Final = _m("%(label)s: %(figure)s")
_ITEM_PERIOD: Final = _m("%(label)s: %(figure)s (%(period)s)")
# One run of statements: what one actor did in one period.
_RUN: Final = _m("%(subject)s %(predicates)s")
_RUN_PERIOD: Final = _m("%(period)s, %(subject)s %(predicates)s")
_RUN_AGAIN: Final = _mp("the same subject as the sentence before", "%(subject)s %(predicates)s")
_RUN_AGAIN_PERIOD: Final = _mp("the same subject as the sentence before", "%(period)s, %(subject)s %(predicates)s")
# The same subject as the paragraph before, opening a paragraph (its "ana" form: "the companies").
_RUN_RESUMED: Final = _mp("the same subject as the paragraph before, opening a paragraph", "%(subject)s %(predicates)s")
_RUN_RESUMED_PERIOD: Final = _mp(
    "the same subject as the paragraph before, opening a paragraph", "%(period)s, %(subject)s %(predicates)s"
)
# A new subject after the first sentence of a paragraph (Arabic opens it with و).
_RUN_NEXT: Final = _mp("a new subject, after the first sentence of its paragraph", "%(subject)s %(predicates)s")
_RUN_NEXT_PERIOD: Final = _mp(
    "a new subject, after the first sentence of its paragraph", "%(period)s, %(subject)s %(predicates)s"
)
_SENTENCE: Final = _m("%(sentence)s.")
_RUNS: Final = _mp("two runs of one sentence", "%(first)s; %(second)s")
# The second run goes on with the first's subject and period, both left unsaid (Chinese: ，not ；).
_RUNS_ON: Final = _mp("two runs of one sentence, the second going on with the same subject", "%(first)s; %(second)s")
# A translator's choice: "heading" gives each category a heading; "paragraph" gives it a
# paragraph only, as a wire story runs its figures, one actor going on from paragraph to
# paragraph; a frame instead opens the category's paragraph with its name, its "def" form
# (Chinese: "%(category)s，%(paragraph)s", with 产业扶贫方面 as the name's zh-Hans-x-def).
_SECTION: Final = _mp(
    "each category's section: heading, paragraph, or a frame that opens its paragraph with %(category)s", "heading"
)
# In "paragraph" sections: a new subject opening a paragraph of figures (Arabic opens it
# with و), and the frame of the first paragraph of figures, which says where they come from.
_RUN_OPENING: Final = _mp("a new subject, opening a paragraph of figures", "%(subject)s %(predicates)s")
_RUN_OPENING_PERIOD: Final = _mp(
    "a new subject, opening a paragraph of figures", "%(period)s, %(subject)s %(predicates)s"
)
_FIGURES: Final = _mp(
    "the first paragraph of figures, %(paragraph)s, said where they come from",
    "According to figures presented at the forum, %(paragraph)s",
)
# A translator's switch: "yes" where a paragraph of figures is one sentence, its runs
# joined as above (Chinese: 投入……；援建……。), "no" for a sentence per run.
_ONE_SENTENCE: Final = _mp("a paragraph of figures as one sentence: yes or no", "no")


def _runs(metrics: Sequence[Metric]) -> Iterator[list[Metric]]:
    """Consecutive metrics of one actor and one period."""
    run: list[Metric] = []
    for metric in metrics:
        if run and (metric.actor, metric.period) != (run[0].actor, run[0].period):
            yield run
            run = []
        run.append(metric)
    if run:
        yield run


class Clause(NamedTuple):
    """What one run of statements says; ``continued``: it goes on with the subject before it, in the same category."""

    text: str
    continued: bool = False


class Turns:
    """Whose turn it is to name an actor again: its ``ana`` form ("the companies") or its pronoun.

    One per summary, so that the two take turns across paragraphs too.
    """

    def __init__(self) -> None:
        self.noun = True

    def take(self) -> str:
        form = "ana" if self.noun else "pro"
        self.noun = not self.noun
        return form


def clauses(
    w: Writer, groups: Sequence[Sequence[Metric]], *, after: Metric | None = None, turns: Turns | None = None
) -> list[Clause]:
    """One clause per run of statements, runs never crossing a group (a category).

    Where the actor does not change, the subject becomes its pronoun (``pro`` form;
    languages that drop it, drop it in the catalogue's frame), and an unchanged
    period is not said again. ``after`` is the metric stated just before, in the
    paragraph before: its actor and period go on. With ``turns``, the actor named
    again takes its ``ana`` form ("the companies") and its pronoun in turn, so that
    no run of sentences or paragraphs opens with "they".
    """
    said: list[Clause] = []
    previous: Metric | None = after
    for group in groups:
        for index, run in enumerate(_runs([m for m in group if m.statement is not None])):
            head = run[0]
            predicates = [p for p in (w.statement(m) for m in run) if p is not None]
            name = w.short(w.forum.organization(head.actor))
            again = previous is not None and head.actor == previous.actor
            resumed = again and not said
            subject = None
            if again:
                if turns is not None and turns.take() == "ana":
                    subject = w.fmt.form(name, "ana")
                subject = subject or w.fmt.form(name, "pro")
            joined = w.join(predicates)
            verb, _, rest = joined.partition(" ")
            # A frame may put the subject after the verb (Arabic: verb, subject, object).
            values = {"subject": subject or w.text(name, "def"), "predicates": joined, "verb": verb, "rest": rest}
            same_period = previous is not None and again and head.period == previous.period
            plain, with_period = (
                (_RUN_RESUMED, _RUN_RESUMED_PERIOD)
                if resumed
                else (_RUN_AGAIN, _RUN_AGAIN_PERIOD)
                if again
                else (_RUN_NEXT, _RUN_NEXT_PERIOD)
                if said
                else (_RUN_OPENING, _RUN_OPENING_PERIOD)
                if turns is not None
                else (_RUN, _RUN_PERIOD)
            )
            if head.period is None or same_period:
                said.append(Clause(w.say(plain, **values), continued=again and index > 0))
            else:
                said.append(Clause(w.say(with_period, period=w.fmt.period(head.period), **values)))
            previous = head
    return said


def one_sentence(w: Writer, clauses: Sequence[Clause]) -> str:
    """Clauses joined by the catalogue's patterns ("…; since 2016, they have…").

    A language whose pattern ends a sentence between two clauses (". ") gets
    the next one capitalised.
    """

    def ends_sentence(message: tuple[str, str]) -> bool:
        joiner = w.say(message, first="\x00", second="\x01")
        return joiner[joiner.find("\x00") + 1 : joiner.find("\x01")].rstrip()[-1:] in (".", "!", "?", "。")

    ends = {message: ends_sentence(message) for message in (_RUNS, _RUNS_ON)}

    def join(first: str, second: Clause) -> str:
        message = _RUNS_ON if second.continued else _RUNS
        return w.say(message, first=first, second=upper_first(second.text) if ends[message] else second.text)

    return functools.reduce(join, clauses[1:], clauses[0].text)


def _item(w: Writer, metric: Metric) -> str:
    label, figure = w.text(metric.label), w.fmt.metric(metric)
    if metric.period is None:
        return upper_first(w.say(_ITEM, label=label, figure=figure))
    return upper_first(w.say(_ITEM_PERIOD, label=label, figure=figure, period=w.fmt.period(metric.period)))


def headings(w: Writer) -> bool:
    """True where the language gives the summary's sections headings (the catalogue's switch)."""
    return w.setting(_SECTION) == "heading"


def results(w: Writer, *, skip: frozenset[str] = frozenset()) -> list[Block]:
    """A section per top-level category: one paragraph over its whole subtree, then the figures without statements.

    The paragraph states the figures, then what the report says of the
    categories without a figure (`Category.facts`). Metrics in ``skip``
    (already stated, in the lede) are not stated again; a category left with
    nothing to say has no section.
    """
    forum = w.forum
    blocks: list[Block] = []
    opening = w.setting(_SECTION)
    last: Metric | None = None  # in "paragraph" sections, the metric stated last, whose actor goes on
    turns = Turns() if opening == "paragraph" else None
    figures_said = False  # whether the first paragraph of figures has said where they come from
    for root in (c for c in forum.categories if c.parent is None):
        subtree = [forum.category(i) for i in forum.subcategories(root.id)]
        groups = [[m for m in forum.metrics if m.category == c.id and m.id not in skip] for c in subtree]
        facts = [w.text(fact.text) for c in subtree for fact in c.facts]
        if not any(groups) and not facts:
            continue
        listed = [_item(w, m) for group in groups for m in group if m.statement is None]
        if opening == "heading" or (opening == "paragraph" and listed):  # a list needs its label
            blocks.append(Heading(2, w.text(root.name)))
        said = clauses(w, groups, after=last, turns=turns)
        if opening == "paragraph":
            stated = [m for group in groups for m in group if m.statement is not None]
            # a fact may name another subject: after one, the next paragraph names its actor again
            last = None if facts else (stated[-1] if stated else last)
        if said and w.setting(_ONE_SENTENCE) == "yes":
            said = [Clause(one_sentence(w, said))]
        sentences = [w.say(_SENTENCE, sentence=clause.text) for clause in said] + facts
        if sentences:
            frame: tuple[tuple[str, str], dict[str, str]] | None = None  # a frame that opens the paragraph
            if opening == "paragraph" and said and not figures_said:
                figures_said = True
                frame = _FIGURES, {}
            elif opening not in ("heading", "paragraph"):
                frame = _SECTION, {"category": w.text(root.name, "def")}
            if frame is None:
                paragraph = w.sentences([upper_first(s) for s in sentences])
            else:  # its first sentence goes on, uncapitalised
                rest = w.sentences([sentences[0], *(upper_first(s) for s in sentences[1:])])
                paragraph = upper_first(w.say(frame[0], paragraph=rest, **frame[1]))
            blocks.append(Paragraph(paragraph))
        if listed:
            blocks.append(List(tuple(listed)))
    return blocks

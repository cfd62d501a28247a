"""What closes a full summary: what else the forum held, in sentences."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import Final

from povmodel.core.model import ProgrammeItem, ProgrammeKind
from povmodel.presentation._document import Block, Heading, Paragraph
from povmodel.presentation._writing import SPEAKERS_LISTED, Writer, upper_first

__all__ = ["programme"]


def _m(message: str) -> str:
    return message


def _mn(singular: str, plural: str) -> tuple[str, str]:
    return singular, plural


_QUOTED: Final = _m("“%(text)s”")
# A frame may name the speakers as its subject, %(speakers)s, or list them at its end,
# %(speakers_listed)s ("Other speakers described %(topics)s: %(speakers_listed)s.").
# A sentence for each kind of item, where the data gives what it names; round tables
# that follow one another make one sentence.
_SAID: Final[dict[ProgrammeKind, tuple[str, tuple[str, ...]]]] = {
    ProgrammeKind.SPEECH: (_m("%(speakers)s also spoke."), ("speakers",)),
    ProgrammeKind.REPORT: (_m("%(speakers)s presented %(title)s."), ("speakers",)),
    ProgrammeKind.EXPERIENCE_SHARING: (
        _m("%(speakers)s shared their experience of %(topics)s."),
        ("speakers", "topics"),
    ),
    ProgrammeKind.RELEASE: (_m("%(speakers)s presided over the release of “%(title)s.”"), ("speakers",)),
}
_ROUND_TABLES: Final = _mn("A roundtable discussed %(topics)s.", "Roundtables discussed %(topics)s.")
_ALSO: Final = _m("The forum also included %(title)s.")
_HEADING: Final = _m("Also at the forum")


def _sentence(w: Writer, entry: ProgrammeItem) -> str:
    frame, needs = _SAID.get(entry.kind, (_ALSO, ()))
    given = {"speakers": entry.speakers, "topics": entry.topics}
    if not all(given[need] for need in needs):
        frame = _ALSO
    speakers, listed = w.people_forms(entry.speakers) if entry.speakers else ("", "")
    values = {
        "title": w.text(entry.title, "def"),
        "topics": w.joined([w.text(t) for t in entry.topics]),
        "speakers": speakers,  # as the subject: English closes a list of people with posts with a comma
        SPEAKERS_LISTED: listed,  # as a list that ends the sentence ("Other speakers described…: A; B; and C.")
    }
    return upper_first(w.say(frame, **values))


def _sentences(w: Writer, items: Sequence[ProgrammeItem]) -> Iterator[str]:
    for round_table, run in groupby(items, key=lambda entry: entry.kind is ProgrammeKind.ROUND_TABLE):
        entries = list(run)
        topics = [w.say(_QUOTED, text=w.text(t)) for entry in entries for t in entry.topics]
        if round_table and topics:
            yield upper_first(w.say_plural(_ROUND_TABLES, len(entries), topics=w.joined(topics)))
        else:
            yield from (_sentence(w, entry) for entry in entries)


def programme(w: Writer, *, headings: bool) -> list[Block]:
    """A paragraph for each item of the programme whose speakers' words the summary does not report.

    Round tables that follow one another make one.

    Under a heading of its own where the summary's sections have headings.
    """
    said = list(_sentences(w, [entry for entry in w.forum.programme if not entry.remarks]))
    if not said:
        return []
    blocks: list[Block] = [Heading(2, w.say(_HEADING))] if headings else []
    return blocks + [Paragraph(w.sentences([sentence])) for sentence in said]  # a news story's short paragraphs

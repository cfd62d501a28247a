"""The forum's programme, its attendance, and the projects its report names."""

from __future__ import annotations

import enum
from typing import Final

import attrs

from povmodel.core import _fields as f
from povmodel.core import _validators as v
from povmodel.core.quantity import Qualifier
from povmodel.core.sources import Source
from povmodel.core.text import LocalizedText

__all__ = ["REMARK_PLACEHOLDERS", "Attendance", "ProgrammeItem", "ProgrammeKind", "Project", "Remark"]


class ProgrammeKind(enum.Enum):
    """The kind of a `ProgrammeItem`."""

    SPEECH = "speech"
    REPORT = "report"
    EXPERIENCE_SHARING = "experience_sharing"
    ROUND_TABLE = "round_table"
    RELEASE = "release"


REMARK_PLACEHOLDERS: Final = ("speakers",)
"""The placeholder of a `Remark`: who said it."""


@attrs.frozen(kw_only=True)
class Remark:
    """What the speakers of a programme item said, in reported speech.

    Attributes:
        text: in each language, a whole sentence with one ``{speakers}``
            placeholder, which a summary fills with the speakers' names (and their
            posts, at a first mention): ``{speakers} said that central SOEs would
            consolidate the gains``, ``{speakers}表示，……``.
        source: the sentence of the report it comes from.
    """

    text: LocalizedText = attrs.field(
        validator=f.every(f.TEXT, f.placeholders(*REMARK_PLACEHOLDERS)),
        metadata=v.meta("a sentence in reported speech, with one {speakers} placeholder"),
    )
    source: Source = attrs.field(validator=f.of(Source), metadata=v.meta("the sentence of the report it comes from"))


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
        remarks: what the speakers said, where the report says.
    """

    id: str = f.id_field("a unique slug")
    kind: ProgrammeKind = attrs.field(validator=f.of(ProgrammeKind), metadata=v.meta("the kind of item"))
    title: LocalizedText = attrs.field(validator=f.TEXT, metadata=v.meta("what the item was"))
    speakers: tuple[str, ...] = f.ids_field("ids of the people who spoke or presided")
    topics: tuple[LocalizedText, ...] = attrs.field(
        default=(), validator=v.tuple_of(LocalizedText), metadata=v.meta("the topics, where the report gives them")
    )
    source: Source = attrs.field(validator=f.of(Source), metadata=v.meta("the sentence that reports the item"))
    remarks: tuple[Remark, ...] = attrs.field(
        default=(), validator=v.tuple_of(Remark), metadata=v.meta("what the speakers said, in reported speech")
    )


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

    participants: int = attrs.field(
        validator=f.COUNT, metadata=v.meta("the number of people, as stated", f.COUNT_SCHEMA)
    )
    qualifier: Qualifier = attrs.field(
        default=Qualifier.EXACT, validator=f.of(Qualifier), metadata=v.meta("how the number is stated")
    )
    central_enterprises: int | None = attrs.field(
        default=None,
        validator=f.optional(f.COUNT),
        metadata=v.meta("the number of central enterprises represented", f.COUNT_SCHEMA),
    )
    organizations: tuple[str, ...] = f.ids_field("ids of the bodies named among the attendees")
    groups: tuple[LocalizedText, ...] = attrs.field(
        default=(), validator=v.tuple_of(LocalizedText), metadata=v.meta("other attendees named without a body")
    )
    source: Source = attrs.field(validator=f.of(Source), metadata=v.meta("the sentence that reports the attendance"))


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

    id: str = f.id_field("a unique slug")
    name: LocalizedText = attrs.field(validator=f.TEXT, metadata=v.meta("what the project is"))
    actor: str = f.id_field("the id of the organisation that runs it")
    place: LocalizedText | None = attrs.field(
        default=None, validator=f.optional(f.TEXT), metadata=v.meta("where it is, when the report says")
    )
    source: Source = attrs.field(validator=f.of(Source), metadata=v.meta("the sentence (or caption) that reports it"))

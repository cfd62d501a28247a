"""The bodies and people a report names, and the posts people hold."""

from __future__ import annotations

import enum

import attrs

from povmodel.core import _fields as f
from povmodel.core import _validators as v
from povmodel.core.sources import Source
from povmodel.core.text import LocalizedText

__all__ = ["Organization", "OrganizationKind", "Person", "Position"]


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


@attrs.frozen(kw_only=True)
class Organization:
    """A body named in the report.

    Attributes:
        id: a unique slug (``sasac``).
        name: the full name.
        kind: what sort of body it is.
        short_name: a common short form (``SASAC``), if any.
        parent: the id of the organisation it belongs to, if any.
    """

    id: str = f.id_field("a unique slug")
    name: LocalizedText = attrs.field(validator=f.NAME, metadata=v.meta("the full name"))
    kind: OrganizationKind = attrs.field(validator=f.of(OrganizationKind), metadata=v.meta("what sort of body"))
    short_name: LocalizedText | None = attrs.field(
        default=None, validator=f.optional(f.NAME), metadata=v.meta("a common short form")
    )
    parent: str | None = attrs.field(
        default=None,
        validator=f.optional(f.SLUG),
        metadata=v.meta("the id of the organisation it belongs to", f.ID_SCHEMA),
    )


@attrs.frozen(kw_only=True)
class Position:
    """A post held in an organisation.

    Attributes:
        title: the post (``Director``).
        organization: the id of the organisation.
    """

    title: LocalizedText = attrs.field(validator=f.NAME, metadata=v.meta("the post"))
    organization: str = f.id_field("the id of the organisation")


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

    id: str = f.id_field("a unique slug")
    name: LocalizedText = attrs.field(validator=f.NAME, metadata=v.meta("the name"))
    positions: tuple[Position, ...] = attrs.field(
        default=(), validator=v.tuple_of(Position), metadata=v.meta("the posts the report gives")
    )
    source: Source | None = attrs.field(
        default=None, validator=f.optional(f.of(Source)), metadata=v.meta("the sentence that names the person")
    )

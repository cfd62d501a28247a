"""The forum's shape as pydantic v2 models and msgspec Structs, for the comparison benchmark.

Equivalent to povmodel's file format: frozen, unknown keys forbidden, decimals from
strings, ISO dates, enums by value, language maps as ``dict[str, str]``. They check
types and shapes only; povmodel also checks ids, references, language tags, units
and non-negative values, so each comparison states what it measures.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Optional

import msgspec
import pydantic

import povmodel as pm

# The enums are povmodel's own: pydantic and msgspec read them by value, as povmodel does.
Qualifier = pm.Qualifier
OrganizationKind = pm.OrganizationKind
ProgrammeKind = pm.ProgrammeKind
RelationKind = pm.RelationKind


# -- pydantic v2 ---------------------------------------------------------------------------

_STRICT = pydantic.ConfigDict(frozen=True, extra="forbid", strict=True)
Text = dict[str, str]


class PSource(pydantic.BaseModel):
    model_config = _STRICT
    quote: Optional[str] = None  # noqa: UP045 - pydantic reads these annotations at run time
    inferred: bool = False
    note: Optional[str] = None  # noqa: UP045


class PPeriod(pydantic.BaseModel):
    model_config = _STRICT
    start_year: Optional[int] = None  # noqa: UP045
    end_year: Optional[int] = None  # noqa: UP045


class POrganization(pydantic.BaseModel):
    model_config = _STRICT
    id: str
    name: Text
    kind: OrganizationKind = pydantic.Field(strict=False)
    short_name: Optional[Text] = None  # noqa: UP045
    parent: Optional[str] = None  # noqa: UP045


class PPosition(pydantic.BaseModel):
    model_config = _STRICT
    title: Text
    organization: str


class PPerson(pydantic.BaseModel):
    model_config = _STRICT
    id: str
    name: Text
    positions: tuple[PPosition, ...] = pydantic.Field(default=(), strict=False)
    source: Optional[PSource] = None  # noqa: UP045


class PRemark(pydantic.BaseModel):
    model_config = _STRICT
    text: Text
    source: PSource


class PProgrammeItem(pydantic.BaseModel):
    model_config = _STRICT
    id: str
    kind: ProgrammeKind = pydantic.Field(strict=False)
    title: Text
    speakers: tuple[str, ...] = pydantic.Field(default=(), strict=False)
    topics: tuple[Text, ...] = pydantic.Field(default=(), strict=False)
    source: PSource
    remarks: tuple[PRemark, ...] = pydantic.Field(default=(), strict=False)


class PAttendance(pydantic.BaseModel):
    model_config = _STRICT
    participants: int
    qualifier: Qualifier = pydantic.Field(default=Qualifier.EXACT, strict=False)
    central_enterprises: Optional[int] = None  # noqa: UP045
    organizations: tuple[str, ...] = pydantic.Field(default=(), strict=False)
    groups: tuple[Text, ...] = pydantic.Field(default=(), strict=False)
    source: PSource


class PFact(pydantic.BaseModel):
    model_config = _STRICT
    text: Text
    source: PSource


class PCategory(pydantic.BaseModel):
    model_config = _STRICT
    id: str
    name: Text
    parent: Optional[str] = None  # noqa: UP045
    facts: tuple[PFact, ...] = pydantic.Field(default=(), strict=False)


class PMeasure(pydantic.BaseModel):
    model_config = _STRICT
    id: str
    name: Text


class PQuantity(pydantic.BaseModel):
    model_config = _STRICT
    value: Decimal = pydantic.Field(strict=False)  # lax for this field: a decimal from a string
    unit: str


class PMetric(pydantic.BaseModel):
    model_config = _STRICT
    id: str
    label: Text
    category: str
    actor: str
    measure: str
    quantity: PQuantity
    qualifier: Qualifier = pydantic.Field(default=Qualifier.EXACT, strict=False)
    period: Optional[PPeriod] = None  # noqa: UP045
    source: PSource
    statement: Optional[Text] = None  # noqa: UP045


class PProject(pydantic.BaseModel):
    model_config = _STRICT
    id: str
    name: Text
    actor: str
    place: Optional[Text] = None  # noqa: UP045
    source: PSource


class PRelation(pydantic.BaseModel):
    model_config = _STRICT
    id: str
    kind: RelationKind = pydantic.Field(strict=False)
    parts: tuple[str, ...] = pydantic.Field(strict=False)
    whole: Optional[str] = None  # noqa: UP045
    note: str


class POmission(pydantic.BaseModel):
    model_config = _STRICT
    figure: str
    quote: str
    reason: str


class PForum(pydantic.BaseModel):
    model_config = _STRICT
    format_version: int
    id: str
    name: Text
    date: dt.date = pydantic.Field(strict=False)
    date_source: PSource
    city: Text
    title: Optional[Text] = None  # noqa: UP045
    theme: Optional[Text] = None  # noqa: UP045
    sponsor: Optional[str] = None  # noqa: UP045
    organizers: tuple[str, ...] = pydantic.Field(default=(), strict=False)
    attendance: Optional[PAttendance] = None  # noqa: UP045
    organizations: tuple[POrganization, ...] = pydantic.Field(default=(), strict=False)
    people: tuple[PPerson, ...] = pydantic.Field(default=(), strict=False)
    programme: tuple[PProgrammeItem, ...] = pydantic.Field(default=(), strict=False)
    categories: tuple[PCategory, ...] = pydantic.Field(default=(), strict=False)
    measures: tuple[PMeasure, ...] = pydantic.Field(default=(), strict=False)
    metrics: tuple[PMetric, ...] = pydantic.Field(default=(), strict=False)
    headline: tuple[str, ...] = pydantic.Field(default=(), strict=False)
    projects: tuple[PProject, ...] = pydantic.Field(default=(), strict=False)
    relations: tuple[PRelation, ...] = pydantic.Field(default=(), strict=False)
    omitted: tuple[POmission, ...] = pydantic.Field(default=(), strict=False)


# -- msgspec ----------------------------------------------------------------------------------


class MSource(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    quote: Optional[str] = None  # noqa: UP045
    inferred: bool = False
    note: Optional[str] = None  # noqa: UP045


class MPeriod(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    start_year: Optional[int] = None  # noqa: UP045
    end_year: Optional[int] = None  # noqa: UP045


class MOrganization(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    id: str
    name: dict[str, str]
    kind: OrganizationKind
    short_name: Optional[dict[str, str]] = None  # noqa: UP045
    parent: Optional[str] = None  # noqa: UP045


class MPosition(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    title: dict[str, str]
    organization: str


class MPerson(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    id: str
    name: dict[str, str]
    positions: tuple[MPosition, ...] = ()
    source: Optional[MSource] = None  # noqa: UP045


class MRemark(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    text: dict[str, str]
    source: MSource


class MProgrammeItem(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    id: str
    kind: ProgrammeKind
    title: dict[str, str]
    source: MSource
    speakers: tuple[str, ...] = ()
    topics: tuple[dict[str, str], ...] = ()
    remarks: tuple[MRemark, ...] = ()


class MAttendance(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    participants: int
    source: MSource
    qualifier: Qualifier = Qualifier.EXACT
    central_enterprises: Optional[int] = None  # noqa: UP045
    organizations: tuple[str, ...] = ()
    groups: tuple[dict[str, str], ...] = ()


class MFact(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    text: dict[str, str]
    source: MSource


class MCategory(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    id: str
    name: dict[str, str]
    parent: Optional[str] = None  # noqa: UP045
    facts: tuple[MFact, ...] = ()


class MMeasure(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    id: str
    name: dict[str, str]


class MQuantity(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    value: Decimal
    unit: str


class MMetric(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    id: str
    label: dict[str, str]
    category: str
    actor: str
    measure: str
    quantity: MQuantity
    source: MSource
    qualifier: Qualifier = Qualifier.EXACT
    period: Optional[MPeriod] = None  # noqa: UP045
    statement: Optional[dict[str, str]] = None  # noqa: UP045


class MProject(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    id: str
    name: dict[str, str]
    actor: str
    source: MSource
    place: Optional[dict[str, str]] = None  # noqa: UP045


class MRelation(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    id: str
    kind: RelationKind
    parts: tuple[str, ...]
    note: str
    whole: Optional[str] = None  # noqa: UP045


class MOmission(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    figure: str
    quote: str
    reason: str


class MForum(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    format_version: int
    id: str
    name: dict[str, str]
    date: dt.date
    date_source: MSource
    city: dict[str, str]
    title: Optional[dict[str, str]] = None  # noqa: UP045
    theme: Optional[dict[str, str]] = None  # noqa: UP045
    sponsor: Optional[str] = None  # noqa: UP045
    organizers: tuple[str, ...] = ()
    attendance: Optional[MAttendance] = None  # noqa: UP045
    organizations: tuple[MOrganization, ...] = ()
    people: tuple[MPerson, ...] = ()
    programme: tuple[MProgrammeItem, ...] = ()
    categories: tuple[MCategory, ...] = ()
    measures: tuple[MMeasure, ...] = ()
    metrics: tuple[MMetric, ...] = ()
    headline: tuple[str, ...] = ()
    projects: tuple[MProject, ...] = ()
    relations: tuple[MRelation, ...] = ()
    omitted: tuple[MOmission, ...] = ()

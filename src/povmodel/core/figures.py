"""The figures a report states: categories of assistance, measures, metrics, and their relations."""

from __future__ import annotations

import enum
from typing import Final

import attrs

from povmodel.core import _fields as f
from povmodel.core import _seams
from povmodel.core import _validators as v
from povmodel.core.errors import ValidationError
from povmodel.core.quantity import Qualifier, Quantity
from povmodel.core.sources import Period, Source
from povmodel.core.text import LocalizedText

__all__ = ["PLACEHOLDERS", "Category", "Fact", "Measure", "Metric", "Omission", "Relation", "RelationKind"]


class RelationKind(enum.Enum):
    """How the figures of a `Relation` relate.

    ``PART_OF``: the parts are distinct components of the whole, so they may be
    added and their sum never exceeds it. ``SUBSET_OF``: each part counts a
    subset of what the whole counts, so no part exceeds it (the parts may
    overlap). ``DISJOINT``: the parts count distinct things, so they may be
    added; there is no stated whole.
    """

    PART_OF = "part_of"
    SUBSET_OF = "subset_of"
    DISJOINT = "disjoint"

    @property
    def additive(self) -> bool:
        """True when the parts of such a relation may be added."""
        return self is not RelationKind.SUBSET_OF


@attrs.frozen(kw_only=True)
class Fact:
    """Something the report says without a figure, as a sentence in each language.

    Attributes:
        text: a whole sentence: "Central SOEs have also kept investing in power,
            telecoms and roads in poor areas."
        source: the sentence of the report it comes from.
    """

    text: LocalizedText = attrs.field(validator=f.TEXT, metadata=v.meta("a whole sentence, in each language"))
    source: Source = attrs.field(validator=f.of(Source), metadata=v.meta("the sentence of the report it comes from"))


@attrs.frozen(kw_only=True)
class Category:
    """A category of assistance; categories form a tree through ``parent``.

    Attributes:
        id: a unique slug (``education``).
        name: the category's name.
        parent: the id of the enclosing category (``livelihood``), if any.
        facts: what the report says of the category without a figure; a summary
            states them after the category's figures.
    """

    id: str = f.id_field("a unique slug")
    name: LocalizedText = attrs.field(validator=f.NAME, metadata=v.meta("the category's name"))
    parent: str | None = attrs.field(
        default=None, validator=f.optional(f.SLUG), metadata=v.meta("the id of the enclosing category", f.ID_SCHEMA)
    )
    facts: tuple[Fact, ...] = attrs.field(
        default=(), validator=v.tuple_of(Fact), metadata=v.meta("what the report says of it without a figure")
    )


@attrs.frozen(kw_only=True)
class Measure:
    """What a figure measures (funds invested, products purchased, schools built).

    Two figures are only ever added when they share unit and measure.

    Attributes:
        id: a unique slug (``funds-invested``).
        name: a description.
    """

    id: str = f.id_field("a unique slug")
    name: LocalizedText = attrs.field(validator=f.NAME, metadata=v.meta("a description"))


PLACEHOLDERS: Final = ("figure", "amount")
"""The placeholders of a `Metric.statement`: the figure with its unit, or the qualified number alone."""
_statement: Final = f.placeholders(*PLACEHOLDERS)


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
        statement: how a summary states the figure, in each language: what the
            actor did, as the rest of a sentence whose subject is the actor (``have
            invested {figure} in assistance``, ``选派扶贫干部{amount}名``). It holds
            ``{figure}`` (the figure with its unit: "nearly 100 billion yuan") or
            ``{amount}`` (the qualified number alone: "more than 10,000"; in Chinese
            without its classifier), written to agree with the actor and the
            number; one that starts with a comma continues the one before it.
            Summaries state figures without one in a list.
    """

    id: str = f.id_field("a unique slug")
    label: LocalizedText = attrs.field(validator=f.TEXT, metadata=v.meta("what the figure counts, as a phrase"))
    category: str = f.id_field("the id of its category of assistance")
    actor: str = f.id_field("the id of the organisation the figure is about")
    measure: str = f.id_field("the id of the measure")
    quantity: Quantity = attrs.field(validator=f.of(Quantity), metadata=v.meta("value and unit"))
    qualifier: Qualifier = attrs.field(
        default=Qualifier.EXACT, validator=f.of(Qualifier), metadata=v.meta("how the report states it")
    )
    period: Period | None = attrs.field(
        default=None, validator=f.optional(f.of(Period)), metadata=v.meta("the years it covers, when stated")
    )
    source: Source = attrs.field(validator=f.of(Source), metadata=v.meta("the sentence of the report it comes from"))
    statement: LocalizedText | None = attrs.field(
        default=None,
        validator=f.optional([f.TEXT, _statement]),
        metadata=v.meta("how a summary states the figure: the rest of a sentence whose subject is the actor"),
    )

    def __repr__(self) -> str:
        quantity = self.quantity
        return (
            f"Metric(id={self.id!r}, qualifier={self.qualifier.value!r}, value={quantity.value!r}, "
            f"unit={quantity.unit!r}, ...)"
        )

    def _repr_html_(self) -> str:
        return _seams.display(self, "html")

    def _repr_markdown_(self) -> str:
        return _seams.display(self, "markdown")


@attrs.frozen(kw_only=True)
class Relation:
    """A relation between figures that the report implies, checked by the audit.

    A relation also says which figures may be added: the parts of a
    ``part_of`` or ``disjoint`` relation count distinct things, so summaries
    may show their sum; the parts of a ``subset_of`` relation may overlap.

    Attributes:
        id: a unique slug.
        kind: ``part_of`` (distinct parts of a whole: they add up to no more than
            it), ``subset_of`` (each part counts a subset of the whole) or
            ``disjoint`` (distinct parts, no stated whole).
        parts: ids of the part metrics.
        whole: id of the whole metric; none for ``disjoint``.
        note: why the relation holds.
    """

    id: str = f.id_field("a unique slug")
    kind: RelationKind = attrs.field(validator=f.of(RelationKind), metadata=v.meta("how the figures relate"))
    parts: tuple[str, ...] = attrs.field(
        validator=v.slugs, metadata=v.meta("ids of the part metrics", {**f.IDS_SCHEMA, "minItems": 1})
    )
    whole: str | None = attrs.field(
        default=None, validator=f.optional(f.SLUG), metadata=v.meta("id of the whole metric", f.ID_SCHEMA)
    )
    note: str = attrs.field(validator=f.STRING, metadata=v.meta("why the relation holds", f.TEXT_SCHEMA))

    def __attrs_post_init__(self) -> None:
        if not self.parts:
            raise ValidationError.at("parts", "a relation needs at least one part")
        if (self.whole is None) != (self.kind is RelationKind.DISJOINT):
            needs = "has no whole" if self.kind is RelationKind.DISJOINT else "needs a whole"
            raise ValidationError.at("whole", f"a {self.kind.value} relation {needs}")


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

    figure: str = attrs.field(validator=f.STRING, metadata=v.meta("the figure as the report writes it", f.TEXT_SCHEMA))
    quote: str = attrs.field(validator=f.STRING, metadata=v.meta("the sentence it stands in, verbatim", f.TEXT_SCHEMA))
    reason: str = attrs.field(validator=f.STRING, metadata=v.meta("why it is not a metric", f.TEXT_SCHEMA))

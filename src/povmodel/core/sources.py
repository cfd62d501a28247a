"""Where a fact comes from, and the years a figure covers."""

from __future__ import annotations

import attrs

from povmodel.core import _fields as f
from povmodel.core import _validators as v
from povmodel.core.errors import ValidationError

__all__ = ["Period", "Source"]


@attrs.frozen(kw_only=True)
class Source:
    """Where a fact comes from.

    Attributes:
        quote: the exact sentence of the report that states the fact, or ``None``.
        inferred: ``True`` when the report does not state the fact and povmodel
            infers it; ``note`` then says why.
        note: an explanation, required when ``inferred`` is true.
    """

    quote: str | None = attrs.field(
        default=None, validator=f.optional(f.STRING), metadata=v.meta("the exact sentence of the report", f.TEXT_SCHEMA)
    )
    inferred: bool = attrs.field(
        default=False, validator=f.of(bool), metadata=v.meta("true when the report does not state the fact")
    )
    note: str | None = attrs.field(
        default=None, validator=f.optional(f.STRING), metadata=v.meta("why an inferred fact is inferred", f.TEXT_SCHEMA)
    )

    def __attrs_post_init__(self) -> None:
        if self.inferred and self.note is None:
            raise ValidationError.at("note", "an inferred fact needs a note saying why")
        if not self.inferred and self.quote is None:
            raise ValidationError.at("quote", "a stated fact needs the quote that states it")


@attrs.frozen(kw_only=True)
class Period:
    """The years a figure covers, as the report states them.

    ``"since 2016"`` is ``Period(start_year=2016)``: the end is open, up to the
    report's date.

    Attributes:
        start_year: the first year covered, or ``None`` if not stated.
        end_year: the last year covered, or ``None`` for "up to the report".
    """

    start_year: int | None = attrs.field(
        default=None,
        validator=f.optional(f.YEAR),
        metadata=v.meta("the first year covered", f.YEAR_SCHEMA),
    )
    end_year: int | None = attrs.field(
        default=None,
        validator=f.optional(f.YEAR),
        metadata=v.meta("the last year covered; absent for up to the report", f.YEAR_SCHEMA),
    )

    def __attrs_post_init__(self) -> None:
        if self.start_year is None and self.end_year is None:
            raise ValidationError.at("", "a period needs a start year, an end year or both")
        if self.start_year is not None and self.end_year is not None and self.start_year > self.end_year:
            raise ValidationError.at("end_year", f"ends before it starts: {self.start_year} > {self.end_year}")

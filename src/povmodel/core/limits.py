"""Budgets: the largest values a model object accepts.

Every value povmodel accepts, built in Python or read from a file, stays within
these bounds, so that whatever is accepted can be totalled, formatted and
summarised in bounded time and memory. The reader adds budgets of its own on
whole documents (`povmodel.io.limits`). docs/file-format.md lists them all, with
the reasons for each value.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "MAX_COUNT",
    "MAX_FRACTION_DIGITS",
    "MAX_ID_LENGTH",
    "MAX_INTEGER_DIGITS",
    "MAX_ITEMS",
    "MAX_LANGUAGES",
    "MAX_NAME_LENGTH",
    "MAX_REFERENCES",
    "MAX_TEXT_LENGTH",
    "MAX_YEAR",
    "MIN_YEAR",
]

MAX_ID_LENGTH: Final = 64
"""Characters in an id (``education-funds``); the bundled forum's longest has 39."""

MAX_TEXT_LENGTH: Final = 5_000
"""Characters in one text in one language (a quote, a note, a label); the bundled forum's longest has under 1,000."""

MAX_NAME_LENGTH: Final = 300
"""Characters in a name that others refer to by id (people, organisations, categories, measures).

A summary repeats a name wherever it is referred to, so this budget bounds how
much longer a summary can be than its forum.
"""

MAX_LANGUAGES: Final = 64
"""Languages in one `LocalizedText`."""

MAX_ITEMS: Final = 10_000
"""Items in one collection of a forum (metrics, people...) or in one list of references; objects with ids in a forum."""

MAX_REFERENCES: Final = 10_000
"""Ids in all the lists of references of a forum together (speakers, organizers, headline, parts...).

An id in a list costs a few bytes of input, and a summary may write the name it
stands for (up to `MAX_NAME_LENGTH` characters) each time: this budget, with
that one, bounds the size of any summary. The bundled forum has about 30.
"""

MAX_INTEGER_DIGITS: Final = 24
"""Digits before the decimal point of a quantity read from a file: values below 10**24.

Only the reader applies the digit budgets: a total of many figures has more
digits than any of them.
"""

MAX_FRACTION_DIGITS: Final = 12
"""Digits after the decimal point of a quantity read from a file."""

MAX_COUNT: Final = 10**15 - 1
"""The largest count of people or enterprises (15 digits)."""

MIN_YEAR: Final = 1
MAX_YEAR: Final = 9999
"""Years of periods, as for dates."""

"""povmodel: a typed model of forum reports on poverty alleviation.

The package has three layers, each importing only those below it: the core
(`povmodel.core`: the model, totals and the audit; attrs only), reading and
writing (`povmodel.io`: cattrs and the file formats) and presentation
(`povmodel.presentation`: the `Formatter`, summaries, displays; babel).
Extraction (`povmodel.extraction`) stands beside reading and writing. This module
re-exports the public API, loading each part on first use.

>>> import povmodel as pm
>>> forum = pm.load_forum()
>>> metric = forum.metric("education-funds")
>>> metric.quantity.value, metric.quantity.unit, metric.qualifier.value
(Decimal('2658000000'), 'CNY', 'exact')
"""

from typing import TYPE_CHECKING, Any

from povmodel.core import _seams
from povmodel.core.errors import (
    CatalogueError,
    FormatError,
    LocaleFallbackWarning,
    MissingExtraError,
    MissingFontError,
    PovmodelError,
    UnitMismatchError,
    UnknownLocaleError,
    ValidationError,
)
from povmodel.core.model import (
    FORMAT_VERSION,
    Attendance,
    Category,
    Fact,
    Forum,
    Measure,
    Metric,
    Omission,
    Organization,
    OrganizationKind,
    Period,
    Person,
    Position,
    ProgrammeItem,
    ProgrammeKind,
    Project,
    Relation,
    RelationKind,
    Remark,
    Source,
)
from povmodel.core.quantity import Bounds, Qualifier, Quantity
from povmodel.core.text import LocalizedText
from povmodel.io.datasets import DEFAULT_FORUM, article_text, available_forums, load_forum

__all__ = [
    "DEFAULT_FORUM",
    "FORMAT_VERSION",
    "LANGUAGES",
    "MAX_DEPTH",
    "MAX_INPUT_BYTES",
    "Attendance",
    "Bounds",
    "CatalogueError",
    "Category",
    "Fact",
    "Figure",
    "FigureRole",
    "FileFormat",
    "Finding",
    "FindingKind",
    "FormatError",
    "Formatter",
    "Forum",
    "Group",
    "GroupBy",
    "LocaleFallbackWarning",
    "LocaleLike",
    "LocalizedText",
    "Markup",
    "Measure",
    "Metric",
    "MissingExtraError",
    "MissingFontError",
    "Omission",
    "Organization",
    "OrganizationKind",
    "Period",
    "Person",
    "Position",
    "PovmodelError",
    "Problem",
    "ProblemKind",
    "ProgrammeItem",
    "ProgrammeKind",
    "Project",
    "Qualifier",
    "Quantity",
    "Relation",
    "RelationKind",
    "Remark",
    "Source",
    "Style",
    "Total",
    "Totals",
    "UnitMismatchError",
    "UnknownLocaleError",
    "ValidationError",
    "article_text",
    "audit",
    "available_forums",
    "check",
    "configure_converter",
    "draft_forum",
    "dump",
    "dumps",
    "dumps_many",
    "extract",
    "format_date",
    "format_metric",
    "format_money",
    "format_names",
    "format_number",
    "format_of",
    "format_period",
    "format_quantity",
    "format_total",
    "from_dict",
    "json_schema",
    "load",
    "load_forum",
    "loads",
    "loads_many",
    "make_converter",
    "migrate",
    "plot_funds",
    "summarize",
    "to_dict",
    "to_frame",
    "total",
    "totals_by",
]

__version__ = "0.2.0"

# Reading and writing (cattrs), totals, formatting (babel's CLDR data and gettext
# catalogues), summaries and the schema are imported on first use, so that
# ``import povmodel`` costs no more than importing attrs and cattrs themselves.
_LAZY = {
    "MAX_DEPTH": "povmodel.io.limits",
    "MAX_INPUT_BYTES": "povmodel.io.limits",
    "FileFormat": "povmodel.io.serialize",
    "dump": "povmodel.io.serialize",
    "dumps": "povmodel.io.serialize",
    "dumps_many": "povmodel.io.serialize",
    "format_of": "povmodel.io.serialize",
    "from_dict": "povmodel.io.serialize",
    "load": "povmodel.io.serialize",
    "loads": "povmodel.io.serialize",
    "loads_many": "povmodel.io.serialize",
    "to_dict": "povmodel.io.serialize",
    "configure_converter": "povmodel.io.converter",
    "make_converter": "povmodel.io.converter",
    "migrate": "povmodel.io.migrations",
    "json_schema": "povmodel.io.schema",
    "Group": "povmodel.core.totals",
    "GroupBy": "povmodel.core.totals",
    "Total": "povmodel.core.totals",
    "Totals": "povmodel.core.totals",
    "total": "povmodel.core.totals",
    "totals_by": "povmodel.core.totals",
    "Finding": "povmodel.core.audit",
    "FindingKind": "povmodel.core.audit",
    "audit": "povmodel.core.audit",
    "LANGUAGES": "povmodel.presentation.i18n",
    "Formatter": "povmodel.presentation.formatter",
    "LocaleLike": "povmodel.presentation.formatter",
    "Markup": "povmodel.presentation.formatter",
    "Style": "povmodel.presentation.formatter",
    "format_date": "povmodel.presentation.format",
    "format_metric": "povmodel.presentation.format",
    "format_money": "povmodel.presentation.format",
    "format_names": "povmodel.presentation.format",
    "format_number": "povmodel.presentation.format",
    "format_period": "povmodel.presentation.format",
    "format_quantity": "povmodel.presentation.format",
    "format_total": "povmodel.presentation.format",
    "summarize": "povmodel.presentation.format",
    "plot_funds": "povmodel.presentation.frame",
    "to_frame": "povmodel.presentation.frame",
    "extract": "povmodel.extraction",
    "draft_forum": "povmodel.extraction",
    "check": "povmodel.extraction",
    "Figure": "povmodel.extraction",
    "FigureRole": "povmodel.extraction",
    "Problem": "povmodel.extraction",
    "ProblemKind": "povmodel.extraction",
}

if TYPE_CHECKING:
    from povmodel.core.audit import Finding, FindingKind, audit
    from povmodel.core.totals import Group, GroupBy, Total, Totals, total, totals_by
    from povmodel.extraction import Figure, FigureRole, Problem, ProblemKind, check, draft_forum, extract
    from povmodel.io.converter import configure_converter, make_converter
    from povmodel.io.limits import MAX_DEPTH, MAX_INPUT_BYTES
    from povmodel.io.migrations import migrate
    from povmodel.io.schema import json_schema
    from povmodel.io.serialize import (
        FileFormat,
        dump,
        dumps,
        dumps_many,
        format_of,
        from_dict,
        load,
        loads,
        loads_many,
        to_dict,
    )
    from povmodel.presentation.format import (
        format_date,
        format_metric,
        format_money,
        format_names,
        format_number,
        format_period,
        format_quantity,
        format_total,
        summarize,
    )
    from povmodel.presentation.formatter import Formatter, LocaleLike, Markup, Style
    from povmodel.presentation.frame import plot_funds, to_frame
    from povmodel.presentation.i18n import LANGUAGES


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'povmodel' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


# This module stands above every layer: it plugs the presentation layer into the
# core's two seams (a text for a locale, and the rich display in Jupyter), each
# imported on first use.
def _text_for_locale(text: LocalizedText, locale: object) -> str:
    from povmodel.presentation.formatter import Formatter

    return Formatter(locale).text(text)  # type: ignore[arg-type]


def _display(item: object, markup: _seams.Markup) -> str:
    from povmodel.presentation.display import show

    return show(item, markup)


_seams.plug(_text_for_locale, _display)

"""povmodel: a typed model of forum reports on poverty alleviation.

>>> import povmodel as pm
>>> forum = pm.load_forum()
>>> metric = forum.metric("education-funds")
>>> metric.quantity.value, metric.quantity.unit, metric.qualifier.value
(Decimal('2658000000'), 'CNY', 'exact')
"""

from typing import TYPE_CHECKING, Any

from povmodel.core.errors import (
    CatalogueError,
    FormatError,
    MissingExtraError,
    MissingFontError,
    PovmodelError,
    UnitMismatchError,
    UnknownLocaleError,
    ValidationError,
)
from povmodel.core.model import (
    Attendance,
    Category,
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
    "FileFormat",
    "Finding",
    "FindingKind",
    "FormatError",
    "Forum",
    "Group",
    "GroupBy",
    "LocalizedText",
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
    "ProgrammeItem",
    "ProgrammeKind",
    "Project",
    "Qualifier",
    "Quantity",
    "Relation",
    "RelationKind",
    "Source",
    "Total",
    "Totals",
    "UnitMismatchError",
    "UnknownLocaleError",
    "ValidationError",
    "article_text",
    "audit",
    "available_forums",
    "configure_converter",
    "dump",
    "dumps",
    "dumps_many",
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

__version__ = "0.1.0"

# Reading and writing (cattrs), totals, formatting (babel's CLDR data and gettext
# catalogues), summaries and the schema are imported on first use, so that
# ``import povmodel`` costs no more than importing attrs and cattrs themselves.
_LAZY = {
    "FORMAT_VERSION": "povmodel.io.serialize",
    "MAX_DEPTH": "povmodel.io.serialize",
    "MAX_INPUT_BYTES": "povmodel.io.serialize",
    "FileFormat": "povmodel.io.serialize",
    "configure_converter": "povmodel.io.serialize",
    "dump": "povmodel.io.serialize",
    "dumps": "povmodel.io.serialize",
    "dumps_many": "povmodel.io.serialize",
    "format_of": "povmodel.io.serialize",
    "from_dict": "povmodel.io.serialize",
    "load": "povmodel.io.serialize",
    "loads": "povmodel.io.serialize",
    "loads_many": "povmodel.io.serialize",
    "make_converter": "povmodel.io.serialize",
    "migrate": "povmodel.io.serialize",
    "to_dict": "povmodel.io.serialize",
    "Finding": "povmodel.core.totals",
    "FindingKind": "povmodel.core.totals",
    "Group": "povmodel.core.totals",
    "GroupBy": "povmodel.core.totals",
    "Total": "povmodel.core.totals",
    "Totals": "povmodel.core.totals",
    "audit": "povmodel.core.totals",
    "total": "povmodel.core.totals",
    "totals_by": "povmodel.core.totals",
    "LANGUAGES": "povmodel.presentation.i18n",
    "format_date": "povmodel.presentation.format",
    "format_metric": "povmodel.presentation.format",
    "format_money": "povmodel.presentation.format",
    "format_names": "povmodel.presentation.format",
    "format_number": "povmodel.presentation.format",
    "format_period": "povmodel.presentation.format",
    "format_quantity": "povmodel.presentation.format",
    "format_total": "povmodel.presentation.format",
    "summarize": "povmodel.presentation.summary",
    "json_schema": "povmodel.io.schema",
    "plot_funds": "povmodel.presentation.frame",
    "to_frame": "povmodel.presentation.frame",
}

if TYPE_CHECKING:
    from povmodel.core.totals import Finding, FindingKind, Group, GroupBy, Total, Totals, audit, total, totals_by
    from povmodel.io.schema import json_schema
    from povmodel.io.serialize import (
        FORMAT_VERSION,
        MAX_DEPTH,
        MAX_INPUT_BYTES,
        FileFormat,
        configure_converter,
        dump,
        dumps,
        dumps_many,
        format_of,
        from_dict,
        load,
        loads,
        loads_many,
        make_converter,
        migrate,
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
    )
    from povmodel.presentation.frame import plot_funds, to_frame
    from povmodel.presentation.i18n import LANGUAGES
    from povmodel.presentation.summary import summarize


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

"""povmodel: a typed model of forum reports on poverty alleviation.

>>> import povmodel as pm
>>> forum = pm.load_forum()
>>> metric = forum.metric("education-funds")
>>> metric.quantity.value, metric.quantity.unit, metric.qualifier.value
(Decimal('2658000000'), 'CNY', 'exact')
"""

from typing import TYPE_CHECKING, Any

from povmodel.datasets import DEFAULT_FORUM, article_text, available_forums, load_forum
from povmodel.errors import (
    CatalogueError,
    FormatError,
    MissingExtraError,
    MissingFontError,
    PovmodelError,
    UnitMismatchError,
    UnknownLocaleError,
    ValidationError,
)
from povmodel.model import (
    Attendance,
    Category,
    Forum,
    Measure,
    Metric,
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
from povmodel.quantity import Bounds, Qualifier, Quantity
from povmodel.text import LocalizedText

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
    "FORMAT_VERSION": "povmodel.serialize",
    "MAX_DEPTH": "povmodel.serialize",
    "MAX_INPUT_BYTES": "povmodel.serialize",
    "FileFormat": "povmodel.serialize",
    "configure_converter": "povmodel.serialize",
    "dump": "povmodel.serialize",
    "dumps": "povmodel.serialize",
    "dumps_many": "povmodel.serialize",
    "format_of": "povmodel.serialize",
    "from_dict": "povmodel.serialize",
    "load": "povmodel.serialize",
    "loads": "povmodel.serialize",
    "loads_many": "povmodel.serialize",
    "make_converter": "povmodel.serialize",
    "migrate": "povmodel.serialize",
    "to_dict": "povmodel.serialize",
    "Finding": "povmodel.totals",
    "FindingKind": "povmodel.totals",
    "Group": "povmodel.totals",
    "GroupBy": "povmodel.totals",
    "Total": "povmodel.totals",
    "Totals": "povmodel.totals",
    "audit": "povmodel.totals",
    "total": "povmodel.totals",
    "totals_by": "povmodel.totals",
    "LANGUAGES": "povmodel.i18n",
    "format_date": "povmodel.format",
    "format_metric": "povmodel.format",
    "format_money": "povmodel.format",
    "format_names": "povmodel.format",
    "format_number": "povmodel.format",
    "format_period": "povmodel.format",
    "format_quantity": "povmodel.format",
    "format_total": "povmodel.format",
    "summarize": "povmodel.summary",
    "json_schema": "povmodel.schema",
    "plot_funds": "povmodel.frame",
    "to_frame": "povmodel.frame",
}

if TYPE_CHECKING:
    from povmodel.format import (
        format_date,
        format_metric,
        format_money,
        format_names,
        format_number,
        format_period,
        format_quantity,
        format_total,
    )
    from povmodel.frame import plot_funds, to_frame
    from povmodel.i18n import LANGUAGES
    from povmodel.schema import json_schema
    from povmodel.serialize import (
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
    from povmodel.summary import summarize
    from povmodel.totals import Finding, FindingKind, Group, GroupBy, Total, Totals, audit, total, totals_by


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

"""povmodel: a typed model of forum reports on poverty alleviation.

>>> import povmodel as pm
>>> forum = pm.load_forum()
>>> metric = forum.metric("education-funds")
>>> metric.quantity.value, metric.quantity.unit, metric.qualifier.value
(Decimal('2658000000'), 'CNY', 'exact')
"""

from povmodel.datasets import DEFAULT_FORUM, article_text, available_forums, load_forum
from povmodel.errors import PovmodelError, UnitMismatchError, UnknownLocaleError, ValidationError
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
from povmodel.serialize import FORMAT_VERSION, dump, dumps, from_dict, load, loads, make_converter, to_dict
from povmodel.text import LocalizedText
from povmodel.totals import Finding, FindingKind, Group, GroupBy, Total, Totals, audit, total, totals_by

__all__ = [
    "DEFAULT_FORUM",
    "FORMAT_VERSION",
    "Attendance",
    "Bounds",
    "Category",
    "Finding",
    "FindingKind",
    "Forum",
    "Group",
    "GroupBy",
    "LocalizedText",
    "Measure",
    "Metric",
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
    "dump",
    "dumps",
    "from_dict",
    "load",
    "load_forum",
    "loads",
    "make_converter",
    "to_dict",
    "total",
    "totals_by",
]

__version__ = "0.1.0"

"""Shared fixtures: the bundled forum, factories of metrics and forums, the seven locales."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import povmodel as pm

# Local runs check 100 examples per property; CI (CI=true) runs the "ci" profile, 1,000
# examples; "dev" is for the quickest runs (HYPOTHESIS_PROFILE=dev).
settings.register_profile("default", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=20, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") == "true" else "default"))

LOCALES = ("en", "zh_CN", "zh_TW", "fr", "es", "ru", "ar")
"""A reader's locale for each of povmodel's seven catalogues, in the order tables list them."""

EN = pm.LocalizedText({"en": "x"})
SOURCE = pm.Source(quote="A sentence.")

MetricFactory = Callable[..., pm.Metric]
ForumFactory = Callable[..., pm.Forum]


@pytest.fixture(scope="session")
def forum() -> pm.Forum:
    """The bundled 2020 forum."""
    return pm.load_forum()


@pytest.fixture(params=LOCALES)
def locale(request: pytest.FixtureRequest) -> str:
    """Each of the seven catalogued locales in turn."""
    value: str = request.param
    return value


def make_metric(
    value: str | Decimal | int = 1,
    qualifier: pm.Qualifier = pm.Qualifier.EXACT,
    *,
    unit: str = "CNY",
    measure: str = "funds",
    id: str = "m",
    **changes: Any,
) -> pm.Metric:
    """A valid metric of category ``cat`` by organisation ``org``; keywords change any field."""
    fields: dict[str, Any] = {
        "id": id,
        "label": EN,
        "category": "cat",
        "actor": "org",
        "measure": measure,
        "quantity": pm.Quantity(value=Decimal(value), unit=unit),
        "qualifier": qualifier,
        "source": SOURCE,
    }
    fields.update(changes)
    return pm.Metric(**fields)


def make_forum(**changes: Any) -> pm.Forum:
    """A valid forum with one organisation (``org``), category (``cat``), measure (``funds``) and metric (``m``)."""
    fields: dict[str, Any] = {
        "id": "f",
        "name": EN,
        "date": dt.date(2020, 10, 16),
        "date_source": SOURCE,
        "city": EN,
        "organizations": (pm.Organization(id="org", name=EN, kind=pm.OrganizationKind.ENTERPRISE),),
        "categories": (pm.Category(id="cat", name=EN),),
        "measures": (pm.Measure(id="funds", name=EN),),
        "metrics": (make_metric(),),
    }
    fields.update(changes)
    return pm.Forum(**fields)


@pytest.fixture
def metric_factory() -> MetricFactory:
    """`make_metric`, as a fixture."""
    return make_metric


@pytest.fixture
def forum_factory() -> ForumFactory:
    """`make_forum`, as a fixture."""
    return make_forum

"""Whole sentences, pinned, for what each language's grammar makes hard.

Russian: the case of a noun after более and after numerals ending in 1 to 4.
Arabic: the plural after 3 to 10, the singular after 11 and more, thousands.
Spanish and French: gender. Chinese: 名 for personnel, 人 for beneficiaries, 近千亿元.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

import povmodel as pm
from tests.conftest import LOCALES, make_forum, make_metric

FORUM = pm.load_forum()


def _sentence(locale: str, subject: dict[str, str], statement: dict[str, str], value: int, **metric: Any) -> str:
    """The summary's sentence of one figure: ``subject`` did ``statement``, with ``value``."""
    org = pm.Organization(id="org", name=pm.LocalizedText(subject), kind=pm.OrganizationKind.ENTERPRISE)
    figure = make_metric(value, statement=pm.LocalizedText(statement), **metric)
    forum = make_forum(organizations=(org,), metrics=(figure,), headline=("m",))
    lede = pm.summarize(forum, locale=locale)
    return re.split(r"[,،]|\. ", lede)[0]


RU = {"en": "Companies", "ru": "Компании"}


@pytest.mark.parametrize(
    ("value", "qualifier", "expected"),
    [
        (21, pm.Qualifier.EXACT, "Компании курируют 21 уезд"),
        (22, pm.Qualifier.EXACT, "Компании курируют 22 уезда"),
        (24, pm.Qualifier.EXACT, "Компании курируют 24 уезда"),
        (25, pm.Qualifier.EXACT, "Компании курируют 25 уездов"),
        (111, pm.Qualifier.EXACT, "Компании курируют 111 уездов"),
        (21, pm.Qualifier.MORE_THAN, "Компании курируют более 21 уезда"),
        (22, pm.Qualifier.MORE_THAN, "Компании курируют более 22 уездов"),
        (1001, pm.Qualifier.NEARLY, "Компании курируют почти 1001 уезд"),
    ],
)
def test_russian_case_after_numerals_and_qualifiers(value: int, qualifier: pm.Qualifier, expected: str) -> None:
    statement = {"en": "run {figure}", "ru": "курируют {figure}"}
    assert _sentence("ru", RU, statement, value, qualifier=qualifier, unit="county") == expected


AR = {"en": "Companies", "ar": "الشركات"}


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (3, "county", "تتولى الشركات 3 محافظات"),
        (10, "county", "تتولى الشركات 10 محافظات"),
        (11, "county", "تتولى الشركات 11 محافظة"),
        (221, "county", "تتولى الشركات 221 محافظة"),
        (8000, "project", "تتولى الشركات 8 آلاف مشروع"),
        (11000, "project", "تتولى الشركات 11 ألف مشروع"),
        (279700, "project", "تتولى الشركات 279.7 ألف مشروع"),
    ],
)
def test_arabic_plural_after_three_to_ten_singular_after_eleven(value: int, unit: str, expected: str) -> None:
    statement = {"en": "run {figure}", "ar": "تتولى {figure}"}
    assert _sentence("ar", AR, statement, value, unit=unit) == expected


def test_arabic_numbers_under_ten_thousand_are_not_grouped() -> None:
    fmt = pm.Formatter("ar")
    assert fmt.quantity(pm.Quantity(value=Decimal(3300), unit="project")) == "3300 مشروع"


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("style", ["short", "full"])
def test_no_doubled_or_dangling_punctuation(locale: str, style: pm.Style) -> None:
    # A subject's closing comma ("X, its post, said …") must never meet the end of a
    # sentence: a frame that puts the people last gave "State Grid E-Commerce,." in Russian.
    text = pm.summarize(FORUM, locale=locale, style=style)
    assert re.findall(r".{0,20}[,،，、;；:：][\s\u202f\u00a0]*[.。;；:：!?،,，](?!\.\.).{0,5}", text) == []

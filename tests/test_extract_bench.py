"""The targets on the bundled article, scored as bench/extract.py scores them; the omissions are documented."""

from __future__ import annotations

import importlib.util
import json
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

import povmodel as pm
from povmodel.extraction import FigureRole, extract

ROOT = Path(__file__).resolve().parent.parent
OMITTED = ROOT / "tests" / "data" / "extract" / "omitted-2020.json"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_extract", ROOT / "bench" / "extract.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_recall_and_precision_on_the_bundled_article(bench: ModuleType) -> None:
    forum, text = pm.load_forum(), pm.article_text()
    score = bench.score("povmodel", bench.povmodel_figures(text), forum, text, bench.omissions())
    assert score.missed == ()  # recall 29/29
    assert score.precision >= 0.95
    assert score.wrong == ()
    assert sorted(why for _, why in score.accepted) == [
        "attendance: enterprises",
        "attendance: participants",
        "left out on purpose: 221 impoverished counties",
    ]


def test_the_score_counts_what_is_wrong(bench: ModuleType) -> None:
    forum, text = pm.load_forum(), pm.article_text()
    found = bench.povmodel_figures(text)
    year = bench.Found(text="2016", value=Decimal(2016), qualifier=pm.Qualifier.EXACT, money=False, span=(496, 500))
    exact = [bench.Found(**{**vars_of(f), "qualifier": pm.Qualifier.EXACT}) for f in found]
    score = bench.score("test", [*exact, year], forum, text, ())
    assert year in score.wrong and score.precision < 0.95
    assert "funds-invested-since-2016" in score.missed and "counties-lifted-out-of-poverty" not in score.missed
    assert bench.score("test", [*exact, year], forum, text, (), qualifiers=False).missed == ()


def vars_of(found: object) -> dict[str, object]:
    return {name: getattr(found, name) for name in ("text", "value", "qualifier", "money", "span")}


def test_every_omission_is_in_the_article_and_documented_with_its_reason() -> None:
    text = pm.article_text()
    docs = (ROOT / "docs" / "extract.md").read_text(encoding="utf-8")
    items = json.loads(OMITTED.read_text(encoding="utf-8"))
    assert items
    for item in items:
        omission = pm.Omission(**item)
        assert omission.quote in text and omission.figure in omission.quote
        assert f"| {omission.figure} |" in docs
        main = [f for f in extract(omission.figure, "en") if f.role is FigureRole.MAIN]
        assert main, omission.figure
    forum = pm.load_forum()
    assert forum.attendance is not None
    assert "attendance.participants" in docs and "attendance.central_enterprises" in docs

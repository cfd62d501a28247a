"""check, draft_forum and the command functions: a forum against its report, and a first draft from one."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

import povmodel as pm
from povmodel.extraction import TODO, Problem, ProblemKind, check, draft_forum, extract
from povmodel.extraction._commands import check_report, figure_records

DATA = Path(__file__).parent / "data" / "extract"
ARTICLE = pm.article_text()


def omitted() -> tuple[pm.Omission, ...]:
    return tuple(pm.Omission(**item) for item in json.loads((DATA / "omitted-2020.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def forum() -> pm.Forum:
    """The bundled forum with the figures it leaves out on purpose."""
    return attrs.evolve(pm.load_forum(), omitted=omitted())


def kinds(problems: tuple[Problem, ...]) -> list[tuple[str, str]]:
    return [(problem.kind.value, problem.path) for problem in problems]


# -- check ------------------------------------------------------------------------------


def test_check_passes_on_the_bundled_dataset_with_the_bundled_article(forum: pm.Forum) -> None:
    assert check(forum, ARTICLE) == ()


def test_without_its_omissions_the_headline_figure_is_not_covered() -> None:
    (problem,) = check(attrs.evolve(pm.load_forum(), omitted=()), ARTICLE)
    assert problem.kind is ProblemKind.FIGURE_NOT_COVERED and problem.path == "$.metrics"
    assert problem.span == (14, 17) and ARTICLE[14:17] == "221"
    assert "'221' (exact 221 county, impoverished counties)" in problem.message


def test_a_changed_quote_is_caught(forum: pm.Forum) -> None:
    metric = forum.metrics[4]
    assert metric.source.quote is not None
    changed = attrs.evolve(metric, source=pm.Source(quote=metric.source.quote.replace("8,000", "8,500")))
    problems = check(attrs.evolve(forum, metrics=(*forum.metrics[:4], changed, *forum.metrics[5:])), ARTICLE)
    assert kinds(problems) == [
        ("quote_not_in_text", "$.metrics[4].source.quote"),
        ("value_not_in_quote", "$.metrics[4].quantity.value"),
        ("figure_not_covered", "$.metrics"),  # 8,000 projects: no quote of the forum holds it now
    ]


def test_a_quote_anywhere_in_the_forum_is_checked(forum: pm.Forum) -> None:
    person = attrs.evolve(forum.people[0], source=pm.Source(quote="Hao Peng said nothing."))
    omission = attrs.evolve(forum.omitted[0], quote=forum.omitted[0].quote + " Really.")
    changed = attrs.evolve(forum, people=(person, *forum.people[1:]), omitted=(omission,))
    problems = check(changed, ARTICLE)
    assert kinds(problems)[:2] == [
        ("quote_not_in_text", "$.people[0].source.quote"),
        ("quote_not_in_text", "$.omitted[0].quote"),
    ]


def test_a_value_missing_from_its_quote_is_caught(forum: pm.Forum) -> None:
    metric = forum.metric("education-funds")
    index = forum.metrics.index(metric)
    wrong = attrs.evolve(metric, quantity=pm.Quantity(value=metric.quantity.value + 1, unit="CNY"))
    problems = check(attrs.evolve(forum, metrics=(*forum.metrics[:index], wrong, *forum.metrics[index + 1 :])), ARTICLE)
    assert kinds(problems) == [
        ("value_not_in_quote", f"$.metrics[{index}].quantity.value"),
        ("figure_not_covered", "$.metrics"),
    ]
    assert "2658000001 is not written in the quote" in problems[0].message
    assert problems[1].span is not None and ARTICLE[slice(*problems[1].span)] == "a total of 2.658 billion yuan"


def test_a_figure_no_metric_covers_is_caught(forum: pm.Forum) -> None:
    dropped = forum.metric("sinopec-villages")
    metrics = tuple(m for m in forum.metrics if m is not dropped)
    relations = tuple(r for r in forum.relations if dropped.id not in (*r.parts, r.whole))
    problems = check(attrs.evolve(forum, metrics=metrics, relations=relations), ARTICLE)
    (problem,) = problems
    assert problem.kind is ProblemKind.FIGURE_NOT_COVERED
    assert problem.span is not None and ARTICLE[slice(*problem.span)] == "709"
    assert str(problem).startswith("$.metrics: '709' (exact 709 village, villages) is neither a metric nor listed")


def test_a_different_qualifier_is_caught(forum: pm.Forum) -> None:
    index = next(i for i, m in enumerate(forum.metrics) if m.id == "schools-built")
    exact = attrs.evolve(forum.metrics[index], qualifier=pm.Qualifier.EXACT)
    problems = check(attrs.evolve(forum, metrics=(*forum.metrics[:index], exact, *forum.metrics[index + 1 :])), ARTICLE)
    assert kinds(problems) == [("qualifier_differs", f"$.metrics[{index}].qualifier")]
    assert problems[0].message == "the text says 'more than 2,700' (more_than), not exact"


def test_an_inferred_metric_need_not_quote_its_value(forum: pm.Forum) -> None:
    metric = forum.metrics[0]
    inferred = attrs.evolve(
        metric,
        quantity=pm.Quantity(value=Decimal(248), unit="county"),
        source=pm.Source(quote=metric.source.quote, inferred=True, note="221 lifted and 27 under acceptance"),
    )
    problems = check(attrs.evolve(forum, metrics=(inferred, *forum.metrics[1:])), ARTICLE)
    assert kinds(problems) == [("figure_not_covered", "$.metrics")]  # 221 is stated by no metric now


def test_attendance_covers_its_figures_and_omissions_must_quote_their_figure(forum: pm.Forum) -> None:
    assert forum.attendance is not None
    no_attendance = attrs.evolve(forum, attendance=attrs.evolve(forum.attendance, participants=301))
    assert [ARTICLE[slice(*p.span)] for p in check(no_attendance, ARTICLE) if p.span] == ["More than 300"]
    wrong = attrs.evolve(forum.omitted[0], figure="221 poor counties")
    problems = check(attrs.evolve(forum, omitted=(wrong,)), ARTICLE)
    assert kinds(problems) == [("value_not_in_quote", "$.omitted[0].figure")]


def test_check_reads_chinese_values_in_every_way() -> None:
    text = "2016年以来，累计投入帮扶资金26.58亿元，选派扶贫干部1万余名。"
    base = pm.load_forum()
    stated = [("2658000000", "CNY", pm.Qualifier.EXACT), ("10000", "person", pm.Qualifier.MORE_THAN)]
    metrics = tuple(
        attrs.evolve(
            base.metrics[index],
            quantity=pm.Quantity(value=Decimal(value), unit=unit),
            qualifier=qualifier,
            source=pm.Source(quote=text),
        )
        for index, (value, unit, qualifier) in enumerate(stated)
    )
    forum = attrs.evolve(
        base,
        metrics=metrics,
        relations=(),
        headline=(),
        attendance=None,
        people=(),
        programme=(),
        projects=(),
        omitted=(),
        categories=tuple(attrs.evolve(category, facts=()) for category in base.categories),
        date_source=pm.Source(quote=text),
    )
    assert check(forum, text) == ()
    wrong = attrs.evolve(metrics[1], quantity=pm.Quantity(value=Decimal(1000), unit="person"))
    assert kinds(check(attrs.evolve(forum, metrics=(metrics[0], wrong)), text)) == [
        ("value_not_in_quote", "$.metrics[1].quantity.value"),
        ("figure_not_covered", "$.metrics"),
    ]


# -- draft_forum ---------------------------------------------------------------------------


def placeholders(data: Any, path: str = "$") -> Iterator[str]:
    if isinstance(data, str) and data.startswith(TODO):
        yield path
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from placeholders(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from placeholders(value, f"{path}[{index}]")


def test_the_draft_has_one_metric_per_main_figure_with_its_quote() -> None:
    draft = draft_forum(ARTICLE)
    main = [figure for figure in extract(ARTICLE) if figure.role.value == "main"]
    assert draft["format_version"] == pm.FORMAT_VERSION
    assert len(draft["metrics"]) == len(main) == 32
    for metric, figure in zip(draft["metrics"], main, strict=True):
        assert metric["source"]["quote"] == figure.quote and figure.quote in ARTICLE
        assert metric["quantity"] == {"value": f"{figure.quantity.value:f}", "unit": figure.quantity.unit}
    assert len({metric["id"] for metric in draft["metrics"]}) == 32
    hospitals = draft["metrics"][20]
    assert hospitals["label"] == {"en": "Hospitals and rural health centers"}
    assert hospitals["qualifier"] == "more_than" and hospitals["period"] == {"start_year": 2016}
    assert draft["date_source"] == {
        "quote": "On October 16, the Central SOE Poverty Alleviation Forum was held in Beijing."
    }
    assert draft["date"] == "TODO: the day the forum was held, YYYY-MM-DD (the text says: October 16)"


def test_the_draft_does_not_load_until_a_person_decides() -> None:
    draft = draft_forum(ARTICLE)
    with pytest.raises(pm.ValidationError) as info:
        pm.from_dict(draft)
    paths = {path for path, _ in info.value.errors}
    assert {"$.name", "$.date", "$.city"} <= paths
    for index, metric in enumerate(
        draft["metrics"]
    ):  # a label to write where the text names no noun, else the category
        field = "label" if isinstance(metric["label"], str) else "category"
        assert f"$.metrics[{index}].{field}" in paths
    assert paths <= set(placeholders(draft))
    # The reader names the first field of an object that fails: fill some, and it names the next.
    for path, change in (("$.metrics[5].actor", {"actor": f"{TODO}the organization"}), ("$.id", {})):
        filled = fill(draft_forum(ARTICLE))
        filled["metrics"][5].update(change)
        if not change:
            filled["id"] = draft["id"]
        with pytest.raises(pm.ValidationError) as info:
            pm.from_dict(filled)
        assert [where for where, _ in info.value.errors] == [path]


def fill(draft: dict[str, Any]) -> dict[str, Any]:
    """What a person decides, written into a draft of the bundled article."""
    draft.update(
        id="soe-forum",
        name={"en": "Central SOE Poverty Alleviation Forum"},
        date="2020-10-16",
        city={"en": "Beijing"},
        organizations=[{"id": "central-soes", "name": {"en": "Central SOEs"}, "kind": "group"}],
        categories=[{"id": "overall", "name": {"en": "Overall results"}}],
        measures=[{"id": "figures", "name": {"en": "figures"}}],
    )
    for metric in draft["metrics"]:
        metric.update(category="overall", actor="central-soes", measure="figures")
        if isinstance(metric["label"], str):
            metric["label"] = {"en": "funds"}
    return draft


def test_the_draft_loads_once_the_placeholders_are_filled() -> None:
    draft = draft_forum(ARTICLE)
    assert set(placeholders(draft)) >= {"$.id", "$.name", "$.date", "$.city", "$.metrics[0].category"}
    draft = fill(draft)
    assert list(placeholders(draft)) == []
    forum = pm.from_dict(draft)
    assert len(forum.metrics) == 32 and forum.metrics[3].qualifier is pm.Qualifier.NEARLY
    assert forum.metrics[3].period == pm.Period(start_year=2016)
    assert check(attrs.evolve(forum, omitted=omitted()), ARTICLE) == ()


def test_a_chinese_draft_labels_in_chinese() -> None:
    draft = draft_forum("2016年以来，选派扶贫干部1万余名，投入帮扶资金近千亿元。10月16日，论坛在北京召开。")
    assert [metric["label"] for metric in draft["metrics"]] == [{"zh-Hans": "扶贫干部"}, {"zh-Hans": "帮扶资金"}]
    assert [metric["id"] for metric in draft["metrics"]] == ["person", "funds"]
    assert draft["date_source"] == {"quote": "10月16日，论坛在北京召开。"}


def test_an_empty_draft() -> None:
    draft = draft_forum("", id="empty")
    assert draft["metrics"] == [] and draft["date_source"].startswith(TODO)


# -- the commands -----------------------------------------------------------------------------


def povmodel(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "povmodel", *args], input=stdin, capture_output=True, timeout=120)


def test_extract_command_table_has_aligned_columns(tmp_path: Path) -> None:
    path = tmp_path / "zh.txt"
    path.write_text("2016年以来，选派扶贫干部1万余名，投入帮扶资金近千亿元。", encoding="utf-8")
    lines = povmodel("extract", str(path)).stdout.decode().splitlines()
    assert lines[0].split() == ["#", "qualifier", "value", "unit", "role", "period", "figure", "noun"]
    assert lines[1].split() == ["1", "more_than", "10,000", "person", "main", "2016年以来", "1万余名", "扶贫干部"]
    header = lines[0]
    for column in ("qualifier", "unit", "role", "period"):
        start = header.index(column)
        assert all(line[start - 2 : start] == "  " for line in lines)  # every column starts at the same place


def test_extract_command_json_and_yaml() -> None:
    records = json.loads(povmodel("extract", "-", "--format", "json", stdin=ARTICLE.encode()).stdout)
    assert records == figure_records(pm.extract(ARTICLE))
    assert len(records) == 32
    assert records[3] == {
        "text": "nearly 100 billion yuan",
        "value": "100000000000",
        "unit": "CNY",
        "qualifier": "nearly",
        "role": "main",
        "period": {"start_year": 2016, "end_year": None},
        "period_text": "Since 2016",
        "noun": "assistance",
        "span": [521, 544],
        "quote": "Since 2016, they have invested nearly 100 billion yuan in assistance and sent various poverty "
        "alleviation cadres.",
    }
    assert yaml.safe_load(povmodel("extract", "-", "--format", "yaml", stdin=ARTICLE.encode()).stdout) == records


def test_extract_command_refuses_binary_data_and_reads_within_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    path.write_bytes(b"12 villages \xff\xfe")
    result = povmodel("extract", str(path))
    assert result.returncode == 1
    assert result.stderr.decode() == f"povmodel: {path}: not UTF-8 text (byte 0xff at 12)\n"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert json.loads(povmodel("extract", str(empty), "--format", "json").stdout) == []
    assert povmodel("extract", "/dev/zero").stderr.decode().startswith("povmodel: $: input too large")


def test_check_command(forum: pm.Forum) -> None:
    report, status = check_report(forum, ARTICLE)
    assert status == 0 and report.startswith("ok: ") and "29 metrics, 1 left out on purpose" in report
    report, status = check_report(attrs.evolve(pm.load_forum(), omitted=()), ARTICLE)
    assert status == 1
    assert report.splitlines() == [
        "$.metrics: figure_not_covered: '221' (exact 221 county, impoverished counties) is neither a metric nor "
        "listed in $.omitted: 'It has helped 221 impoverished counties get rid of poverty, researched and cons…'",
        "1 problem",
    ]

"""povmodel.extraction in Chinese: texts in the register of official press reports, figure by figure."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from povmodel.extraction import FigureRole, extract

from .test_extract import row

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "extract" / "zh-cases.json").read_text(encoding="utf-8")
)["cases"]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["name"][:40])
def test_chinese_case(case: dict[str, Any]) -> None:
    found = extract(case["text"], year=2020)
    assert all(figure.language == "zh" for figure in found)
    assert [row(figure) for figure in found] == case["figures"]
    for wording in case["not_figures"]:
        start = case["text"].index(wording)
        assert not any(f.span[0] <= start < f.span[1] for f in found), wording


def test_the_cases_cover_every_rule_of_the_issue() -> None:
    texts = "".join(case["text"] for case in CASES)
    figures = [figure for case in CASES for figure in case["figures"]]
    written = {figure[0] for figure in figures}
    for wording in ("26.58亿元", "27.97万名", "超过8000个", "900多家", "1500余个", "近18万人", "6亿多元", "达79场"):
        assert wording in written, wording
    assert any("约占" in text for text in written)
    assert {figure[0][-1] for figure in figures} >= {"个", "家", "所", "名", "人"}
    assert {"一千四百所", "两万人次", "近两千名"} <= written
    assert {figure[6] for figure in figures} >= {"2016年以来", "截至2017年底", "2020年", "每年"}
    assert {figure[4] for figure in figures} == {role.value for role in FigureRole}
    assert "第七个" in texts and "累计" in texts


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("帮扶超过8000个项目", "more_than"),
        ("引进企业900多家", "more_than"),
        ("援建车间1500余个", "more_than"),
        ("惠及近18万人", "nearly"),
        ("约占42%", "about"),
        ("投入6亿多元", "more_than"),
        ("达79个", "exact"),
        ("累计投入26.58亿元", "exact"),
        ("不少于300名干部", "at_least"),
        ("吸纳5000人以上", "at_least"),
        ("3000万元左右", "about"),
        ("节约成本300万元", "exact"),
        ("节约300万元", "exact"),
    ],
)
def test_chinese_qualifiers_by_position(text: str, qualifier: str) -> None:
    (figure,) = extract(text, "zh")
    assert figure.qualifier.value == qualifier


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("贫困发生率降至百分之零点六", ("百分之零点六", "0.6", "percent", "main")),
        ("投入人民币3亿元", ("人民币3亿元", "300000000", "CNY", "main")),
        ("比上年增加692万元", ("692万元", "6920000", "CNY", "difference")),
        ("提高5个百分点", ("5个百分点", "5", "percentage-point", "difference")),
        ("举办招聘会300场", ("300场", "300", "event", "main")),
        ("建成集中安置区3.5万个", ("3.5万个", "35000", "resettlement-site", "main")),
        ("覆盖贫困人口551万", ("551万", "5510000", "person", "main")),
        ("其中7个已验收", ("7个", "7", "item", "main")),
    ],
)
def test_chinese_units_and_roles(text: str, expected: tuple[str, str, str, str]) -> None:
    (figure,) = extract(text, "zh")
    assert (figure.text, f"{figure.quantity.value:f}", figure.quantity.unit, figure.role.value) == expected


@pytest.mark.parametrize(
    "text",
    [
        "第七个扶贫日",
        "2016年以来",
        "10月16日",
        "连续3年",
        "增长3倍",
        "“两不愁三保障”",
        "五个一批",
        "一个平台",
        "万企帮万村",
        "数千名干部",
        "编号12345",
        "万人空巷",
        "三个代表、三个代表",
        "节约3000",
    ],
)
def test_chinese_non_figures(text: str) -> None:
    assert extract(text, "zh") == ()

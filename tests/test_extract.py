"""povmodel.extraction in English: the bundled article figure by figure, the rules, sentences, periods, numbers."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import povmodel as pm
from povmodel.extraction import Figure, FigureRole, detect_language, extract
from povmodel.extraction._english_nouns import unit_of
from povmodel.extraction._numbers import chinese_numeral, values_in
from povmodel.extraction._periods import mentions
from povmodel.extraction._sentences import sentences

DATA = Path(__file__).parent / "data" / "extract"
ARTICLE = pm.article_text()


def row(figure: Figure) -> list[Any]:
    """A figure as the case files write it: [text, value, unit, qualifier, role, period, period_text, noun]."""
    period = None if figure.period is None else [figure.period.start_year, figure.period.end_year]
    quantity = figure.quantity
    return [
        figure.text,
        f"{quantity.value:f}",
        quantity.unit,
        figure.qualifier.value,
        figure.role.value,
        period,
        figure.period_text,
        figure.noun,
    ]


def cases(name: str) -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = json.loads((DATA / name).read_text(encoding="utf-8"))["cases"]
    return loaded


# -- the bundled article ------------------------------------------------------------

ARTICLE_FIGURES = [
    ["221", "221", "county", "exact", None, "impoverished counties"],
    ["221", "221", "county", "exact", None, "poor counties"],
    ["27", "27", "county", "exact", None, "poor counties"],
    ["nearly 100 billion yuan", "100000000000", "CNY", "nearly", "Since 2016", "assistance"],
    ["More than 10,000", "10000", "person", "more_than", "Since 2016", "people"],
    ["More than 300", "300", "person", "more_than", None, "people"],
    ["97", "97", "enterprise", "exact", None, "central enterprises"],
    ["more than 8,000", "8000", "project", "more_than", "since 2016", "industrial poverty alleviation projects"],
    [
        "more than 3,300",
        "3300",
        "enterprise",
        "more_than",
        "since 2016",
        "rural leading enterprises and rural cooperatives",
    ],
    ["more than 900", "900", "enterprise", "more_than", "since 2016", "poverty alleviation enterprises"],
    ["14.7 billion yuan", "14700000000", "CNY", "exact", "since 2016", "investment"],
    ["a total of 279,700", "279700", "person", "exact", "since 2016", "technical personnel"],
    ["17,300", "17300", "person", "exact", "since 2016", "poor laborers"],
    ["104,400", "104400", "person", "exact", "since 2016", "poor laborers"],
    ["a total of 6.874 billion yuan", "6874000000", "CNY", "exact", None, "agricultural products"],
    ["3.266 billion yuan", "3266000000", "CNY", "exact", None, "agricultural products"],
    ["a total of 2.658 billion yuan", "2658000000", "CNY", "exact", "since 2016", "compulsory education assistance"],
    ["more than 2,700", "2700", "school", "more_than", "since 2016", "schools"],
    ["more than 470,000", "470000", "person", "more_than", "since 2016", "poor students"],
    ["958 million yuan", "958000000", "CNY", "exact", "since 2016", "medical assistance funds"],
    ["more than 1,400", "1400", "hospital", "more_than", "since 2016", "Hospitals and rural health centers"],
    ["more than 600 million yuan", "600000000", "CNY", "more_than", "since 2016", "housing safety assistance funds"],
    ["nearly 180,000", "180000", "person", "nearly", "since 2016", "people"],
    ["362 million yuan", "362000000", "CNY", "exact", "since 2016", "drinking water safety assistance funds"],
    ["more than 520,000", "520000", "person", "more_than", "since 2016", "people"],
    ["31.405 billion yuan", "31405000000", "CNY", "exact", None, None],
    ["A total of 110", "110", "decision", "exact", None, "project investment decisions"],
    ["a total of 2.4 billion yuan", "2400000000", "CNY", "exact", "since 1988", None],
    ["nearly 2,000", "2000", "person", "nearly", None, "poverty alleviation cadres"],
    ["8", "8", "county", "exact", None, "counties"],
    ["7", "7", "county", "exact", None, "counties"],
    ["709", "709", "village", "exact", None, "villages"],
]


def test_every_figure_of_the_bundled_article() -> None:
    found = extract(ARTICLE)
    assert [[r[0], r[1], r[2], r[3], r[6], r[7]] for r in map(row, found)] == ARTICLE_FIGURES
    assert {figure.role for figure in found} == {FigureRole.MAIN}
    assert all(figure.language == "en" for figure in found)


def test_figures_stand_where_their_span_says_in_their_quoted_sentence() -> None:
    for figure in extract(ARTICLE):
        start, end = figure.span
        assert ARTICLE[start:end] == figure.text
        quote_start = ARTICLE.index(figure.quote)
        assert quote_start <= start and end <= quote_start + len(figure.quote)


def test_every_metric_of_the_bundled_dataset_is_found_in_its_quote() -> None:
    found = extract(ARTICLE)
    for metric in pm.load_forum().metrics:
        assert metric.source.quote is not None
        quote_start = ARTICLE.index(metric.source.quote)
        matches = [
            figure
            for figure in found
            if figure.quantity.value == metric.quantity.value
            and figure.qualifier is metric.qualifier
            and figure.is_money == metric.quantity.is_money
            and quote_start <= figure.span[0] < quote_start + len(metric.source.quote)
        ]
        assert len(matches) == 1, metric.id


def test_periods_match_the_dataset_where_it_states_them() -> None:
    by_value = {figure.quantity.value: figure for figure in extract(ARTICLE)[3:]}
    for metric in pm.load_forum().metrics:
        figure = by_value.get(metric.quantity.value)
        if figure is not None and metric.period is not None:
            assert figure.period == metric.period, metric.id


def test_the_articles_non_figures_stay_out() -> None:
    texts = {figure.text for figure in extract(ARTICLE)}
    for wording in ("16", "2016", "1988", "three", "two", "third", "three-year"):
        assert wording not in texts


# -- the rules, on texts written for them ------------------------------------------------


@pytest.mark.parametrize("case", cases("en-cases.json"), ids=lambda case: case["name"][:40])
def test_english_case(case: dict[str, Any]) -> None:
    found = extract(case["text"], "en", year=2020)
    assert [row(figure) for figure in found] == case["figures"]
    for wording in case["not_figures"]:
        start = case["text"].index(wording)
        assert not any(f.span[0] <= start < f.span[1] for f in found), wording


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("more than 3,300 enterprises", "more_than"),
        ("over 90 percent", "more_than"),
        ("nearly 42 percent", "nearly"),
        ("at least 20 schools", "at_least"),
        ("about 30 villages", "about"),
        ("a total of 2.4 billion yuan", "exact"),
        ("30 villages or more", "at_least"),
        ("279,700 technical personnel", "exact"),
    ],
)
def test_english_qualifiers(text: str, qualifier: str) -> None:
    (figure,) = extract(text, "en")
    assert figure.qualifier.value == qualifier


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("14.7 billion yuan", "14700000000", "CNY"),
        ("958 million yuan", "958000000", "CNY"),
        ("$457.14 million", "457140000", "USD"),
        ("RMB 85 million", "85000000", "CNY"),
        ("1.2 million people", "1200000", "person"),
        ("two hundred and fifty thousand farmers", "250000", "person"),
        ("12 percent", "12", "percent"),
        ("3,000 mu of land", "3000", "mu"),
        ("40 health centers", "40", "center"),
        ("20 companies", "20", "company"),
    ],
)
def test_english_values_and_units(text: str, value: str, unit: str) -> None:
    (figure,) = extract(text, "en")
    assert (f"{figure.quantity.value:f}", figure.quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Since 2016, the work went on.",
        "It was held on October 16, 2020.",
        "It was held on 16 October.",
        "The third phase began.",
        "The three-year action plan and the 5-year plan.",
        "The 19th CPC Congress and the G20.",
        "COVID-19 hit the county.",
        "No. 1 Central Document and Article 3.",
        "It started at 9 a.m. sharp.",
        "one of the counties",
        "Two of them spoke.",
        "He worked for three years.",
        "1. Industrial assistance",
        "It is the 2020 target.",
        "",
    ],
)
def test_english_non_figures(text: str) -> None:
    assert extract(text, "en") == ()


@pytest.mark.parametrize(
    ("word", "unit"),
    [
        ("counties", "county"),
        ("libraries", "library"),
        ("watches", "watch"),
        ("Cadres", "person"),
        ("round-table", "round-table"),
        ("tons", "tonne"),
        ("workshops'", "workshop"),
        ("42s", "item"),
    ],
)
def test_unit_of(word: str, unit: str) -> None:
    assert unit_of(word) == unit


def test_a_count_without_a_noun_counts_items() -> None:
    (figure,) = extract("The total reached 27 at last.", "en")
    assert (figure.quantity.unit, figure.noun) == ("item", None)


def test_wording_that_names_no_period() -> None:
    assert [m.text for m in mentions("from 2020 to 2016, the 9th Five-Year Plan", 0, 41, "en", None)] == []
    far = "Since 2016" + ", and" * 100 + " 12 villages."
    assert extract(far, "en")[0].period_text == "Since 2016"  # leading: the whole sentence
    far = "In terms of 2016 " + "work " * 100 + "12 villages."
    assert extract(far, "en")[0].period is None


def test_roles() -> None:
    text = (
        "The county invested 3.2 billion yuan (about $457.14 million), 692 million yuan more than last year; "
        "219, or around 90 percent of the 246 counties, shook off poverty."
    )
    roles = [(figure.text, figure.role.value) for figure in extract(text, "en")]
    assert roles == [
        ("3.2 billion yuan", "main"),
        ("about $457.14 million", "conversion"),
        ("692 million yuan", "difference"),
        ("219", "main"),
        ("around 90 percent", "share"),
        ("246", "main"),
    ]


def test_figure_repr_is_short() -> None:
    figure = extract("more than 8,000 projects", "en")[0]
    assert repr(figure) == (
        "Figure(text='more than 8,000', value=Decimal('8000'), unit='project', qualifier='more_than', "
        "role='main', noun='projects')"
    )


# -- sentences, periods, numbers, languages --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The U.S. gave 3.5 million yuan. Then 12 counties.",
            "en",
            ["The U.S. gave 3.5 million yuan.", "Then 12 counties."],
        ),
        (
            'He said: "We did it. It worked." Then it ended.',
            "en",
            ['He said: "We did it. It worked."', "Then it ended."],
        ),
        ("Mr. Li met Dr. Wang on Oct. 16. It rained!", "en", ["Mr. Li met Dr. Wang on Oct. 16.", "It rained!"]),
        (
            "A line that wraps\nhere. Next one.\n\nNew paragraph",
            "en",
            ["A line that wraps\nhere.", "Next one.", "New paragraph"],
        ),
        (
            "投入26.58亿元。他说：“要打赢！”全年销售1亿元；带动1万人？是的",
            "zh",
            ["投入26.58亿元。", "他说：“要打赢！”", "全年销售1亿元；带动1万人？", "是的"],
        ),
        ("他说：“今年。明年。”然后结束。", "zh", ["他说：“今年。明年。”", "然后结束。"]),
    ],
)
def test_sentences(text: str, language: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in sentences(text, language)] == expected


def test_an_unbalanced_quotation_stops_protecting_after_a_while() -> None:
    text = 'He said: "' + "Word word. " * 200 + "End."
    assert len(list(sentences(text, "en"))) > 100


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("since 2016", "en", (2016, None)),
        ("from 2016 to 2020", "en", (2016, 2020)),
        ("2016–2020", "en", (2016, 2020)),
        ("by the end of 2017", "en", (None, 2017)),
        ("in 2017", "en", (2017, 2017)),
        ("last year", "en", (2019, 2019)),
        ("during the 13th Five-Year Plan period", "en", (2016, 2020)),
        ("every year", "en", None),
        ("2016年以来", "zh", (2016, None)),
        ("截至2017年底", "zh", (None, 2017)),
        ("2020年", "zh", (2020, 2020)),
        ("去年", "zh", (2019, 2019)),
        ("今年以来", "zh", (2020, None)),
        ("“十三五”期间", "zh", (2016, 2020)),
        ("每年", "zh", None),
    ],
)
def test_periods(text: str, language: str, expected: tuple[int | None, int | None] | None) -> None:
    (mention,) = mentions(text, 0, len(text), language, 2020)
    assert mention.text == text
    period = mention.period
    assert (None if period is None else (period.start_year, period.end_year)) == expected


def test_relative_periods_name_no_year_when_the_year_is_unknown() -> None:
    (figure,) = extract("Last year, 3,000 people were trained.", "en")
    assert figure.period is None and figure.period_text == "Last year"
    (figure,) = extract("Last year, 3,000 people were trained.", "en", year=2020)
    assert figure.period == pm.Period(start_year=2019, end_year=2019)


def test_a_fronted_period_governs_the_paragraph_until_a_sentence_states_its_own() -> None:
    text = (
        "Since 2016, 10 schools were built. 20 clinics opened. 30 yuan was spent in 2019, and 5 roads were built. "
        "Then 6 wells.\nThen 40 roads."
    )
    periods = [(figure.text, figure.period_text) for figure in extract(text, "en")]
    assert periods == [
        ("10", "Since 2016"),
        ("20", "Since 2016"),
        ("30 yuan", "in 2019"),
        ("5", None),
        ("6", None),
        ("40", None),
    ]


def test_the_number_of_names_what_a_bare_figure_counts() -> None:
    text = (
        "China lifted 93.48 million rural residents from poverty, the number of poor counties dropping from 832 to 52."
    )
    assert [(figure.text, figure.noun) for figure in extract(text, "en")] == [
        ("93.48 million", "rural residents"),
        ("832", "poor counties"),
        ("52", "poor counties"),
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("2.658 billion yuan", {"2658000000"}),
        ("26.58亿元", {"2658000000"}),
        ("2,658,000,000", {"2658000000"}),
        ("10,000 people, 1万余名, ten thousand", {"10000"}),
        ("近千亿元", {"100000000000"}),
        ("一千四百所 and 两万名", {"1400", "20000"}),
        ("二十六点五八亿", {"2658000000"}),
        ("9" * 40, set()),
    ],
)
def test_values_in_any_way_the_language_writes_them(text: str, values: set[str]) -> None:
    assert {f"{value:f}" for value in values_in(text)} == values


def test_chinese_numerals() -> None:
    assert chinese_numeral("二十七万九千七") == Decimal(279700)
    assert chinese_numeral("两千五") == Decimal(2500)
    assert chinese_numeral("十三五十三五") is None
    assert chinese_numeral("一" * 21) is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("2016年以来，累计投入帮扶资金近千亿元", "zh"),
        ("Hao Peng (郝鹏) spoke of 300 people.", "en"),
        ("", "en"),
        ("12345", "en"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_language_tags_and_errors() -> None:
    assert extract("投入帮扶资金3亿元", "zh-Hans")[0].quantity.value == Decimal(300000000)
    with pytest.raises(pm.ValidationError, match="reads figures in en and zh, not 'fr'"):
        extract("12 villages", "fr")
    with pytest.raises(TypeError, match="not bytes"):
        extract(b"12 villages")  # type: ignore[arg-type]


def test_chinese_without_the_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "cn2an", None)
    with pytest.raises(pm.MissingExtraError, match=r"pip install 'povmodel\[extract\]'") as info:
        extract("投入帮扶资金3亿元")
    assert info.value.extra == "extract"
    assert extract("12 villages")[0].quantity.value == 12  # English needs no extra

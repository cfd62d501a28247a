from __future__ import annotations

import re
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import povmodel as pm
from povmodel.presentation import frame
from povmodel.presentation._writing import running_date
from povmodel.presentation.frame import COLUMNS, font_for

FORUM = pm.load_forum()


def test_frame_has_one_row_per_metric_in_long_format() -> None:
    frame = pm.to_frame(FORUM)
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == len(FORUM.metrics)
    row = frame.set_index("id").loc["education-funds"]
    assert row["value"] == Decimal("2658000000") and isinstance(row["value"], Decimal)
    assert (row["category"], row["parent_category"], row["measure"]) == ("education", "livelihood", "funds-invested")
    assert (row["period_start"], row["qualifier"], row["unit"]) == (2016, "exact", "CNY")
    assert row["label"] == "funds invested in compulsory education assistance"


def test_frame_labels_in_a_language_and_floats_on_request() -> None:
    frame = pm.to_frame(FORUM, locale="ru", decimals=False)
    row = frame.set_index("id").loc["housing-funds"]
    assert row["value"] == 600000000.0 and isinstance(row["value"], float)
    assert row["label"] == "средства на повышение безопасности жилья"


def test_frame_of_bare_metrics_has_no_parent_categories() -> None:
    frame = pm.to_frame(m for m in FORUM.metrics if m.category == "education")
    assert list(frame["id"]) == ["education-funds", "schools-built", "students-funded"]
    assert frame["parent_category"].isna().all()


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(pm.MissingExtraError) as info:
        pm.to_frame(FORUM)
    assert info.value.extra == "pandas"
    assert "pip install 'povmodel[pandas]'" in str(info.value)
    assert issubclass(pm.MissingExtraError, ImportError)
    assert issubclass(pm.MissingExtraError, pm.PovmodelError)


def test_missing_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(pm.MissingExtraError, match=r"povmodel\[plot\]"):
        pm.plot_funds(FORUM)


def test_chart_of_funds_by_category(tmp_path: Path) -> None:
    figure = pm.plot_funds(FORUM, locale="zh_CN")
    (axes,) = figure.axes
    labels = [label.get_text() for label in axes.get_yticklabels()]
    # the parts of the headline figure, by category: not the headline itself, not Sinopec's own
    assert labels == ["义务教育", "医疗帮扶", "住房安全", "饮水安全"]
    texts = [text.get_text() for text in axes.texts]
    assert texts == ["26.58亿元", "9.58亿元", "6亿余元", "3.62亿元"]
    # a linear scale: each bar is as long as its value
    assert axes.get_xscale() == "linear" and axes.get_xlim()[0] == 0
    assert [round(patch.get_width()) for patch in axes.patches] == [  # type: ignore[attr-defined]
        2_658_000_000,
        958_000_000,
        600_000_000,
        362_000_000,
    ]
    # every word in Chinese: the title, and the caption with the headline figure and the source
    assert axes.get_title(loc="left") == "投入帮扶资金（按类别）"
    caption = figure._supxlabel.get_text()  # type: ignore[attr-defined]
    assert "2016年以来" in caption and "近千亿元" in caption and "资料来源：中央企业扶贫论坛" in caption
    assert not re.search("[A-Za-z]", axes.get_title(loc="left") + caption + "".join(labels + texts))
    # Every text uses a font that draws all its characters: no empty boxes.
    font = font_for("".join(labels + texts) + axes.get_title(loc="left") + caption)
    assert {label.get_fontproperties().get_file() for label in axes.get_yticklabels()} == {font}
    assert {text.get_fontproperties().get_file() for text in axes.texts} == {font}
    path = tmp_path / "funds.png"
    figure.savefig(path, dpi=80)
    assert path.read_bytes()[:4] == b"\x89PNG" and path.stat().st_size > 10_000


@pytest.mark.parametrize("locale", ["en", "fr", "es", "ru", "ar", "zh_TW"])
def test_the_chart_speaks_every_catalogued_language(locale: str) -> None:
    figure = pm.plot_funds(FORUM, locale=locale)
    (axes,) = figure.axes
    fmt = pm.Formatter(locale)
    headline = FORUM.metric("funds-invested-since-2016")
    caption = figure._supxlabel.get_text()  # type: ignore[attr-defined]
    assert fmt.metric(headline) in caption and running_date(fmt, FORUM.date) in caption
    assert [t.get_text() for t in axes.texts] == [
        fmt.metric(FORUM.metric(i))
        for i in ("education-funds", "medical-funds", "housing-funds", "drinking-water-funds")
    ]
    if locale != "en":  # the catalogue's words, not English ("Source" is French too)
        assert "by category" not in axes.get_title(loc="left") and "report on" not in caption


def test_a_chart_without_a_font_for_its_characters_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    latin_only = [path for path in frame._font_files() if "DejaVuSans.ttf" in path]
    assert latin_only, "matplotlib ships DejaVu Sans"
    monkeypatch.setattr(frame, "_font_files", lambda: latin_only)
    assert pm.plot_funds(FORUM, locale="en").axes  # English needs no other font
    with pytest.raises(pm.MissingFontError, match=r"apt-get install fonts-noto-cjk") as info:
        pm.plot_funds(FORUM, locale="zh_CN")
    missing = info.value.characters
    # the Chinese ones: ideographs and CJK punctuation
    assert missing and all("\u4e00" <= char <= "\u9fff" or "\u3000" <= char <= "\u303f" for char in missing), missing
    assert isinstance(info.value, LookupError)


def test_short_reprs() -> None:
    assert (
        repr(FORUM)
        == "Forum(id='central-soe-forum-2020', date='2020-10-16', metrics=29, people=10, organizations=16, ...)"
    )
    assert repr(FORUM.metric("housing-funds")) == (
        "Metric(id='housing-funds', qualifier='more_than', value=Decimal('600000000'), unit='CNY', ...)"
    )
    totals = pm.totals_by(FORUM)
    assert repr(totals) == "Totals(by='category', groups=11)"
    assert repr(totals["livelihood"]) == "Group(key='livelihood', totals=5)"
    assert repr(totals["livelihood"].totals[0]) == (
        "Total(value=Decimal('4578000000'), unit='CNY', measure='funds-invested', qualifier='more_than', metrics=4)"
    )


def test_rich_display_shows_tables_and_escapes() -> None:
    metric = attrs.evolve(FORUM.metric("housing-funds"), label=pm.LocalizedText({"en": "<b>bold</b> | *x*"}))
    forum = attrs.evolve(FORUM, metrics=(metric,), headline=(), relations=())
    html = forum._repr_html_()
    assert html.startswith("<table><caption>Central SOE Poverty Alleviation Forum — 2020-10-16 (year inferred)")
    assert "<td>&lt;b&gt;bold&lt;/b&gt; | *x*</td><td>more than 600 million yuan</td>" in html
    markdown = forum._repr_markdown_()
    assert "| \\<b\\>bold\\</b\\> \\| \\*x\\* | more than 600 million yuan |" in markdown
    assert "<td>more than 600 million yuan</td>" in metric._repr_html_()
    assert "| figure | more than 600 million yuan |" in metric._repr_markdown_()
    total = pm.totals_by(FORUM)["livelihood"].totals[0]
    assert "<td>more than 4.578 billion yuan</td>" in total._repr_html_()
    assert "| upper | — |" in total._repr_markdown_()
    assert "<td>livelihood</td><td>funds-invested</td>" in pm.totals_by(FORUM)._repr_html_()
    assert (
        "| livelihood | funds-invested | CNY | more than 4.578 billion yuan | 4 |"
        in pm.totals_by(FORUM)["livelihood"]._repr_markdown_()
    )

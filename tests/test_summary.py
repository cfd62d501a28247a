from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import html5lib
import pytest
from babel.messages.pofile import read_po
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import povmodel as pm
from povmodel.presentation import i18n
from tests.strategies import forums
from tests.test_catalogues import LOCALES

FORUM = pm.load_forum()
LANGS = ("en", "zh_CN", "zh_TW", "fr", "es", "ru", "ar")
NON_ENGLISH = LANGS[1:]
EN = pm.LocalizedText({"en": "x"})


def _english_phrases() -> set[str]:
    """Three-word runs of povmodel's English sentences, without placeholders."""
    with (LOCALES / "en" / "LC_MESSAGES" / "povmodel.po").open("rb") as file:
        catalogue = read_po(file)
    phrases: set[str] = set()
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        for text in strings:
            assert isinstance(text, str)
            for chunk in re.split(r"%\(\w+\)s", text):
                words = re.findall(r"[A-Za-z]+", chunk)
                phrases.update(" ".join(words[i : i + 3]) for i in range(len(words) - 2))
    return phrases


ENGLISH = _english_phrases()


def test_english_phrases_are_found_in_english() -> None:
    assert "was held in" in ENGLISH
    text = pm.summarize(FORUM, locale="en", style="full")
    assert any(phrase in text for phrase in ENGLISH)


@pytest.mark.parametrize("style", ["short", "full"])
@pytest.mark.parametrize("locale", NON_ENGLISH)
def test_no_english_sentence_outside_english(locale: str, style: pm.summary.Style) -> None:
    text = pm.summarize(FORUM, locale=locale, style=style)
    assert [p for p in ENGLISH if p in text] == []
    if locale in ("zh_CN", "zh_TW", "ru", "ar"):
        # Only people's pinyin names (two words) may be in Latin letters.
        runs = re.findall(r"[A-Za-z]+(?:[ -][A-Za-z]+)*", text)
        assert max((len(run.split()) for run in runs), default=0) <= 2, runs


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "en",
            [
                "The Central SOE Poverty Alleviation Forum was held in Beijing on October 16, 2020.",
                "nearly 100 billion yuan since 2016",
                "more than 300 people",
                "97 central enterprises",
            ],
        ),
        (
            "zh_CN",
            [
                "2020年10月16日，中央企业扶贫论坛在北京举行。",
                "近1000亿元",
                "300多人出席论坛",
                "97家中央企业",
                "中国石化和中国社会责任百人论坛承办",
            ],
        ),
        ("zh_TW", ["2020年10月16日，中央企業扶貧論壇在北京舉行。", "近1000億元", "1萬多人"]),
        ("fr", ["le 16 octobre 2020", "près de 100 milliards de yuans depuis 2016", "Plus de 300 personnes"]),
        ("es", ["el 16 de octubre de 2020", "casi 100 mil millones de yuanes", "Asistieron más de 300 personas"]),
        ("ru", ["16 октября 2020", "почти 100 миллиардов юаней", "представители 97 центральных предприятий"]),
        ("ar", ["16 أكتوبر 2020", "قرابة 100 مليار يوان", "أكثر من 300 شخص"]),
    ],
)
def test_short_summary(locale: str, expected: list[str]) -> None:
    text = pm.summarize(FORUM, locale=locale)
    assert text.count("\n") == 1  # one paragraph
    for fragment in expected:
        assert fragment in text


def test_full_summary_sections() -> None:
    text = pm.summarize(FORUM, style="full", markup="markdown")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[:3] == ["# Central SOE Poverty Alleviation Forum", "## Overview", "## Speakers"]
    assert "## Results by category" in headings and "## Contribution of Sinopec" in headings
    assert headings[-1] == "## Programme"
    assert "#### Compulsory education" in headings  # a subcategory of livelihood
    # category totals, rolled up
    assert "- Total, assistance funds invested: more than 4.578 billion yuan" in text
    assert "- Total, people trained or placed in work: 401,400 people" in text
    assert "- Hao Peng, Secretary of the Party Committee and Director, State-owned Assets" in text
    # Sinopec's own figures are in its section, not among the central enterprises' results
    results = text.split("## Results by category")[1].split("## Contribution of Sinopec")
    assert "2.4 billion yuan" not in results[0] and "2.4 billion yuan (since 1988)" in results[1]
    assert "Bulengou Village, Dongxiang, Gansu" in results[1]
    assert "Round-table dialogue: “The Role of Central Enterprises in Rural Revitalization Strategies”" in text


def test_full_summary_in_chinese() -> None:
    text = pm.summarize(FORUM, locale="zh_CN", style="full")
    assert "国务院国有资产监督管理委员会党委书记和主任郝鹏" in text
    assert "投入帮扶资金合计：45.78亿多元" in text
    assert "Wang Weidong" in text  # no characters were certain: pinyin
    assert "中国石化的贡献" in text


def test_a_different_forum() -> None:
    forum = pm.Forum(
        id="other",
        name=pm.LocalizedText({"en": "Water Summit", "zh-Hans": "水峰会"}),
        date=dt.date(2021, 3, 22),
        date_source=pm.Source(quote="It met on 22 March 2021."),
        city=pm.LocalizedText({"en": "Lima"}),
        organizers=("ngo",),
        organizations=(
            pm.Organization(id="ngo", name=EN, kind=pm.OrganizationKind.CIVIL_SOCIETY),
            pm.Organization(id="town", name=EN, kind=pm.OrganizationKind.GOVERNMENT),
        ),
        categories=(pm.Category(id="wells", name=pm.LocalizedText({"en": "Wells", "zh-Hans": "水井"})),),
        measures=(pm.Measure(id="dug", name=pm.LocalizedText({"en": "wells dug"})),),
        metrics=(
            pm.Metric(
                id="w1",
                label=pm.LocalizedText({"en": "wells dug in 2020"}),
                category="wells",
                actor="town",
                measure="dug",
                quantity=pm.Quantity(value=Decimal(12), unit="village"),
                qualifier=pm.Qualifier.NEARLY,
                source=pm.Source(quote="Nearly 12."),
            ),
        ),
    )
    short = pm.summarize(forum)
    assert short.startswith("The Water Summit was held in Lima on March 22, 2021. It was organised by x.")
    assert "nearly 12 villages (wells dug in 2020)" in short
    assert "sponsored" not in short and "attended" not in short and "theme" not in short
    assert pm.summarize(forum, locale="zh_CN").startswith("2021年3月22日，水峰会在Lima举行。")
    full = pm.summarize(forum, style="full", markup="markdown")
    assert "### Wells\n\n- Wells dug in 2020: nearly 12 villages" in full
    assert "## Contribution of" not in full and "## Speakers" not in full


def test_html_is_a_valid_escaped_document() -> None:
    parser = html5lib.HTMLParser(strict=True)
    for locale in LANGS:
        for style in ("short", "full"):
            document = pm.summarize(FORUM, locale=locale, style=style, markup="html")
            tree = parser.parse(document)  # raises on any parse error
            root = tree.getroot() if hasattr(tree, "getroot") else tree
            assert root is not None
    ar = pm.summarize(FORUM, locale="ar", style="full", markup="html")
    assert '<html lang="ar" dir="rtl">' in ar
    assert '<html lang="zh-Hans-CN" dir="ltr">' in pm.summarize(FORUM, locale="zh_CN", markup="html")


def test_html_and_markdown_escape_the_data() -> None:
    import attrs

    hostile = attrs.evolve(FORUM, name=pm.LocalizedText({"en": '<script>alert("x")</script> *bold* # [a](b)'}))
    html = pm.summarize(hostile, markup="html", style="full")
    assert "<script>" not in html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    html5lib.HTMLParser(strict=True).parse(html)
    markdown = pm.summarize(hostile, markup="markdown", style="full")
    tokens = MarkdownIt().parse(markdown)
    assert not any(t.type in ("em_open", "strong_open", "link_open", "html_inline", "html_block") for t in tokens)
    inline = next(t for t in tokens if t.type == "inline")
    assert inline.content.startswith("\\<script\\>")


def test_markdown_renders_headings_and_lists() -> None:
    tokens = MarkdownIt().parse(pm.summarize(FORUM, locale="fr", style="full", markup="markdown"))
    types = [t.type for t in tokens]
    assert types.count("heading_open") >= 15
    assert types.count("bullet_list_open") >= 10
    levels = {t.tag for t in tokens if t.type == "heading_open"}
    assert {"h1", "h2", "h3", "h4"} <= levels


@pytest.mark.parametrize("bad", [{"style": "long"}, {"markup": "pdf"}])
def test_bad_arguments(bad: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="must be one of"):
        pm.summarize(FORUM, **bad)  # type: ignore[arg-type]


def test_bad_locale() -> None:
    with pytest.raises(pm.UnknownLocaleError):
        pm.summarize(FORUM, locale="xx")


def test_other_locale_gets_english_sentences_with_its_own_numbers() -> None:
    with pytest.warns(pm.LocaleFallbackWarning):
        text = pm.summarize(FORUM, locale="de")
    assert "was held in Beijing on 16. Oktober 2020." in text
    assert "nearly 100 Milliarden yuan" in text


def test_missing_catalogue_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(language: str) -> None:
        raise pm.CatalogueError(language, "gone")

    monkeypatch.setattr(i18n, "_load", missing)
    with pytest.raises(pm.CatalogueError, match="'ru'"):
        pm.summarize(FORUM, locale="ru")


@settings(max_examples=100)
@given(forums(), st.sampled_from(LANGS), st.sampled_from(["short", "full"]))
def test_any_forum_summarises_to_valid_html(forum: pm.Forum, locale: str, style: pm.summary.Style) -> None:
    html5lib.HTMLParser(strict=True).parse(pm.summarize(forum, locale=locale, style=style, markup="html"))
    assert pm.summarize(forum, locale=locale, style=style).endswith("\n")

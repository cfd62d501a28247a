"""Summaries: a news lede and a full report, in sentences, in the reader's language and script."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from decimal import Decimal

import attrs
import html5lib
import pytest
from babel.messages.pofile import read_po
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import povmodel as pm
from povmodel.presentation import _results, i18n
from povmodel.presentation._writing import Writer
from tests.conftest import LOCALES
from tests.strategies import forums
from tests.test_catalogues import LOCALES as CATALOGUES

FORUM = pm.load_forum()
NON_ENGLISH = LOCALES[1:]
EN = pm.LocalizedText({"en": "x"})


def _english_phrases() -> set[str]:
    """Three-word runs of povmodel's English sentences, without placeholders."""
    with (CATALOGUES / "en" / "LC_MESSAGES" / "povmodel.po").open("rb") as file:
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

# Latin letters in a Chinese or Russian summary: only what that language's press writes
# in Latin letters, and a name whose characters are not confirmed.
LATIN_ALLOWED = {
    # Chinese copy prints no pinyin: Wang Yanfang, whose characters are not confirmed, is named by post.
    "zh_CN": set(),
    "zh_TW": set(),
    # Russian business press writes these company names in Latin letters.
    "ru": {
        "Sinopec",
        "China Mobile",
        "China Energy Investment",
        "CHN Energy",
        "State Grid E-Commerce",
        "China Communications Construction",
        "CCCC",
    },
    # Arabic: every name in Arabic script (Chinese names by povmodel.presentation._arabic).
    "ar": set(),
}


def test_english_phrases_are_found_in_english() -> None:
    assert "was held in" in ENGLISH
    text = pm.summarize(FORUM, locale="en", style="full")
    assert any(phrase in text for phrase in ENGLISH)


@pytest.mark.parametrize("style", ["short", "full"])
@pytest.mark.parametrize("locale", NON_ENGLISH)
def test_no_english_sentence_outside_english(locale: str, style: pm.summary.Style) -> None:
    text = pm.summarize(FORUM, locale=locale, style=style)
    assert [p for p in ENGLISH if p in text] == []


@pytest.mark.parametrize("style", ["short", "full"])
@pytest.mark.parametrize("locale", sorted(LATIN_ALLOWED))
def test_no_latin_letters_but_the_press_s_own(locale: str, style: pm.summary.Style) -> None:
    text = pm.summarize(FORUM, locale=locale, style=style)
    runs = set(re.findall(r"[A-Za-z][A-Za-z .&'-]*[A-Za-z]", text))
    assert runs <= LATIN_ALLOWED[locale], runs - LATIN_ALLOWED[locale]


def test_the_short_summary_is_a_lede() -> None:
    text = pm.summarize(FORUM)
    sentences = re.split(r"(?<=\.) (?=[A-Z])", text.strip())
    assert sentences == [
        "China’s state asset regulator and the central state-owned enterprises (SOEs) it oversees have helped lift "
        "221 poor counties out of poverty, while the other 27 they assist are undergoing final checks.",
        "Since 2016, they have invested nearly 100 billion yuan in assistance and sent more than 10,000 poverty "
        "alleviation cadres, the Central SOE Poverty Alleviation Forum in Beijing heard on October 16.",
        "The forum was hosted by the State-owned Assets Supervision and Administration Commission of the State "
        "Council (SASAC) and organized by Sinopec and the China Social Responsibility Hundreds Forum.",
    ]


@pytest.mark.parametrize(
    ("locale", "without", "with_year"),
    [
        ("en", "on October 16.", "on October 16, 2020."),
        ("zh_CN", "10月16日，", "2020年10月16日，"),
        ("ru", "16 октября на", "16 октября 2020 года на"),
        ("fr", "le 16 octobre à", "le 16 octobre 2020 à"),
    ],
)
def test_a_year_the_report_does_not_give_is_left_out(locale: str, without: str, with_year: str) -> None:
    assert FORUM.date_source.inferred
    inferred = pm.summarize(FORUM, locale=locale)
    assert without in inferred and "2020" not in inferred.replace("2016", "")
    given_year = attrs.evolve(FORUM, date_source=attrs.evolve(FORUM.date_source, inferred=False))
    assert with_year in pm.summarize(given_year, locale=locale)


def test_the_full_summary_is_a_news_report() -> None:
    text = pm.summarize(FORUM, style="full", markup="markdown")
    # a wire story: its title, then paragraphs; no subheads every few lines
    title = "# China’s central SOEs have helped 221 poor counties out of poverty, forum hears"  # the report's headline
    assert [line for line in text.splitlines() if line.startswith("#")] == [title]
    paragraphs = text.split("\n\n")
    assert paragraphs[1] == pm.summarize(FORUM).strip()  # the lede opens the report
    assert paragraphs[2].startswith("The forum’s theme was “Remember the General Secretary’s instructions")
    assert "More than 300 people attended, among them representatives of 97 central SOEs," in paragraphs[2]
    assert paragraphs[3].startswith("Hao Peng, party secretary and chairman of SASAC, said SASAC and central SOEs")
    assert paragraphs[5].startswith("Ren Hongbin, a member of the party committee and vice chairman of SASAC, said")
    assert paragraphs[5].endswith("had achieved remarkable results in fighting poverty.")
    # the figures follow him, saying where they come from, one actor going on from paragraph to paragraph
    assert paragraphs[6].startswith(
        "According to figures presented at the forum, since 2016, central SOEs have supported more than 8,000 projects"
    )
    assert paragraphs[7].startswith("The companies have trained 279,700 technicians")
    assert paragraphs[8].startswith("They have bought 6.874 billion yuan worth of farm produce")
    # people are named with their posts once, the first time; a list of speakers repeats nobody
    assert text.count("party secretary and chairman of SASAC") == 1
    assert (
        "Other speakers described their poverty alleviation mechanisms and the results they had achieved: "
        "Zhang Yuzhuo, party secretary and chairman of Sinopec; Liu Guoyue, general manager of"
    ) in text
    assert "; and Wang Yanfang, general manager of the State Grid E-Commerce Company.\n\nRoundtable" in text
    assert (
        "Zhong Hongwu, a professor at the Chinese Academy of Social Sciences, "
        "presided over the release of “Excellent Cases" in text
    )
    # a fact without a figure has its paragraph, which names its subject; the programme is told in sentences
    assert "\n\nCentral SOEs have also kept increasing their investment in electricity" in text
    assert "Roundtable discussions were held on “Poverty Alleviation and Sustainable Development Model" in text
    # American punctuation inside quotes, and no serial comma (the catalogue's switches)
    assert "in Rural Revitalization Strategies.”" in text and "culture, ecology and grassroots" in text
    # the projects are photo captions: a news report leaves them out
    assert "quinoa" not in text and "Projects" not in text


def test_a_summary_is_titled_by_the_report_s_headline_else_by_the_forum_s_name() -> None:
    assert pm.summarize(FORUM, locale="ru", style="full").startswith(
        "Центральные госпредприятия КНР помогли 221 уезду выйти из бедности\n"
    )
    html = pm.summarize(FORUM, locale="zh_CN", style="full", markup="html")
    assert "<title>中央企业扶贫论坛在京举行\u3000央企帮扶的221个贫困县已脱贫摘帽</title>" in html
    untitled = attrs.evolve(FORUM, title=None)
    assert pm.summarize(untitled, style="full").startswith("Central SOE Poverty Alleviation Forum\n")
    assert "<title>Central SOE Poverty Alleviation Forum</title>" in pm.summarize(untitled, style="full", markup="html")


@pytest.mark.parametrize(
    ("locale", "opening"),
    [
        ("en", ["The companies have trained", "They have bought", "Since 2016, the companies have put"]),
        ("fr", ["Ces entreprises ont formé", "Elles ont acheté", "Depuis 2016, ces entreprises ont consacré"]),
        ("ru", ["Госкомпании обучили", "Они закупили", "С 2016 года госкомпании направили"]),
    ],
)
def test_an_actor_named_again_takes_turns_between_noun_and_pronoun(locale: str, opening: list[str]) -> None:
    paragraphs = pm.summarize(FORUM, locale=locale, style="full").split("\n\n")
    start = next(i for i, p in enumerate(paragraphs) if p.startswith(opening[0]))
    assert [p[: len(o)] for p, o in zip(paragraphs[start : start + 3], opening, strict=True)] == opening
    # no two sentences in a row open with the pronoun
    sentences = re.split(r"(?<=[.!?]) ", " ".join(paragraphs))
    pronoun = opening[1].split()[0]
    assert not any(
        a.startswith(pronoun + " ") and b.startswith(pronoun + " ") for a, b in itertools.pairwise(sentences)
    )


def test_chinese_runs_the_figures_on_without_headings() -> None:
    text = pm.summarize(FORUM, locale="zh_CN", style="full", markup="markdown")
    assert [line for line in text.splitlines() if line.startswith("#")] == [
        "# 中央企业扶贫论坛在京举行 央企帮扶的221个贫困县已脱贫摘帽"  # Markdown: the ideographic space is one
    ]
    assert "\n\n他介绍，产业扶贫方面，央企2016年以来支持产业扶贫项目8000余个，" in text
    # the same subject goes on with a comma, a new subject or category after a semicolon
    assert (
        "\n\n作为论坛承办方，中国石化1988年以来累计投入扶贫资金24亿元，选派扶贫干部近2000名，"
        "所属企业在全国709个村承担扶贫任务；中国石化总部承担8个县的定点扶贫和对口支援任务，"
    ) in text
    assert "资助贫困学生47万余名；投入医疗帮扶资金9.58亿元" in text
    # a person known only in pinyin is named by post: 国网电商公司总经理, never "Wang Yanfang"
    assert "央企扶贫基金公司总经理王维东，国网电商公司总经理等围绕扶贫机制" in text
    assert "Wang Yanfang" in pm.summarize(FORUM, locale="en", style="full")


def test_the_headline_is_stated_once(locale: str) -> None:
    fmt = pm.Formatter(locale)
    text = fmt.summarize(FORUM, style="full").split("\n\n", 2)[2]  # after the lede
    for metric in FORUM.headline_metrics():
        amount = re.escape(fmt.amount(metric.quantity, metric.qualifier))
        assert re.findall(rf"(?<![\d.,]){amount}(?![.,]?\d)", text) == [], metric.id


def test_figures_of_one_actor_and_period_make_one_sentence() -> None:
    text = pm.summarize(FORUM, style="full")
    assert (
        "The companies have trained 279,700 technicians, directly hired 17,300 workers from poor "
        "households and helped 104,400 poor laborers find jobs."
    ) in text
    # Sinopec's figures: the subject is said once, then its pronoun; a new actor is named
    assert "Since 1988, Sinopec has invested a total of 2.4 billion yuan in poverty alleviation. It has sent" in text
    assert "Sinopec’s headquarters is assigned to help eight counties, seven of which" in text
    # a statement that opens with a comma goes on with the one before
    assert "on health care, helped build more than 1,400 hospitals and rural health centers and" in text


def test_no_total_is_computed() -> None:
    for locale in LOCALES:
        text = pm.summarize(FORUM, locale=locale, style="full")
        assert "248" not in text and "4.578" not in text and "4,578" not in text and "45.78" not in text


def test_a_different_forum() -> None:
    forum = pm.Forum(
        id="other",
        name=pm.LocalizedText({"en": "Water Summit", "zh-Hans": "水峰会"}),
        date=dt.date(2021, 3, 22),
        date_source=pm.Source(quote="It met on 22 March 2021."),
        city=pm.LocalizedText({"en": "Lima"}),
        organizers=("ngo",),
        organizations=(
            pm.Organization(
                id="ngo", name=pm.LocalizedText({"en": "Wells for All"}), kind=pm.OrganizationKind.CIVIL_SOCIETY
            ),
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
    # no statements: the figures are listed, with what they count; no "the" where the data gives no en-x-def
    assert short == (
        "Water Summit, organized by Wells for All, was held in Lima on March 22, 2021. "
        "Results reported at the forum: nearly 12 villages (wells dug in 2020).\n"
    )
    assert pm.summarize(forum, locale="zh_CN").startswith("2021年3月22日，水峰会在Lima举行。论坛由Wells for All承办。")
    full = pm.summarize(forum, style="full", markup="markdown")
    assert "## Wells\n\n- Wells dug in 2020: nearly 12 villages" in full
    assert "attended" not in full


def test_html_is_a_valid_escaped_document() -> None:
    parser = html5lib.HTMLParser(strict=True)
    for locale in LOCALES:
        for style in ("short", "full"):
            parser.parse(pm.summarize(FORUM, locale=locale, style=style, markup="html"))  # raises on any error
    ar = pm.summarize(FORUM, locale="ar", style="full", markup="html")
    assert '<html lang="ar" dir="rtl">' in ar
    assert "هاو بنغ" in ar and "شي جين بينغ" in ar and "Hao Peng" not in ar  # Chinese names in Arabic script
    smith = attrs.evolve(FORUM.person("hao-peng"), name=pm.LocalizedText({"en": "John Smith"}))
    other = attrs.evolve(FORUM, people=tuple(smith if p.id == "hao-peng" else p for p in FORUM.people))
    assert "<bdi>John Smith</bdi>" in pm.summarize(other, locale="ar", style="full", markup="html")  # Latin: isolated
    assert '<html lang="zh-Hans-CN" dir="ltr">' in pm.summarize(FORUM, locale="zh_CN", markup="html")


def test_html_and_markdown_escape_the_data() -> None:
    bad = pm.LocalizedText({"en": '<script>alert("x")</script> *bold* # [a](b)'})
    hostile = attrs.evolve(FORUM, name=bad, title=bad)
    html = pm.summarize(hostile, markup="html", style="full")
    assert "<script>" not in html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    html5lib.HTMLParser(strict=True).parse(html)
    markdown = pm.summarize(hostile, markup="markdown", style="full")
    tokens = MarkdownIt().parse(markdown)
    assert not any(t.type in ("em_open", "strong_open", "link_open", "html_inline", "html_block") for t in tokens)
    inline = next(t for t in tokens if t.type == "inline")
    assert inline.content.startswith("\\<script\\>")


def test_markdown_renders_headings_and_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    tokens = MarkdownIt().parse(pm.summarize(FORUM, locale="fr", style="full", markup="markdown"))
    types = [t.type for t in tokens]
    assert types.count("heading_open") == 1  # the title; the figures run in paragraphs
    assert types.count("bullet_list_open") == 0
    # a catalogue that answers "heading" gives each category, and the programme, a heading of its own
    setting = Writer.setting
    monkeypatch.setattr(Writer, "setting", lambda w, m: "heading" if m == _results._SECTION else setting(w, m))
    tokens = MarkdownIt().parse(pm.summarize(FORUM, locale="fr", style="full", markup="markdown"))
    headings = [t for t in tokens if t.type == "heading_open"]
    assert len(headings) == len([c for c in FORUM.categories if c.parent is None]) + 1
    assert {t.tag for t in headings} == {"h1", "h2"}


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
    assert "in Beijing heard on 16. Oktober." in text
    assert "nearly 100 Milliarden yuan" in text
    with pytest.warns(pm.LocaleFallbackWarning):
        html = pm.summarize(FORUM, locale="de", markup="html")
    assert '<html lang="en" dir="ltr">' in html  # English is written, so English is declared


def test_missing_catalogue_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(language: str) -> None:
        raise pm.CatalogueError(language, "gone")

    monkeypatch.setattr(i18n, "_load", missing)
    with pytest.raises(pm.CatalogueError, match="'ru'"):
        pm.summarize(FORUM, locale="ru")


@settings(max_examples=100)
@given(forums(), st.sampled_from(LOCALES), st.sampled_from(["short", "full"]))
def test_any_forum_summarises_to_valid_html(forum: pm.Forum, locale: str, style: pm.summary.Style) -> None:
    html5lib.HTMLParser(strict=True).parse(pm.summarize(forum, locale=locale, style=style, markup="html"))
    assert pm.summarize(forum, locale=locale, style=style).endswith("\n")


def test_noncharacters_never_reach_a_page() -> None:
    # Found by the property below: U+FDD0 in a city's name made the HTML a parse error.
    import attrs

    odd = attrs.evolve(FORUM, city=pm.LocalizedText({"en": "Bei\ufdd0jing\U0010ffff"}))
    html = pm.summarize(odd, markup="html")
    html5lib.HTMLParser(strict=True).parse(html)
    assert "Beijing" in html

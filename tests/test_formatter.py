from __future__ import annotations

import builtins
import datetime as dt
import importlib.resources
import locale as stdlib_locale
import warnings
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from babel import Locale

import povmodel as pm
from povmodel.presentation import _numbers, i18n
from povmodel.presentation.format import (
    format_date,
    format_metric,
    format_money,
    format_names,
    format_number,
    format_period,
    format_quantity,
    format_total,
)
from tests.conftest import LOCALES as LANGS

FORUM = pm.load_forum()
Q = pm.Qualifier


def qty(value: str | int, unit: str) -> pm.Quantity:
    return pm.Quantity(value=Decimal(value), unit=unit)


def row(*expected: str) -> dict[str, str]:
    return dict(zip(LANGS, expected, strict=True))


LIVELIHOOD = pm.totals_by(FORUM)["livelihood"].total("CNY", "funds-invested")

# formatter -> expected output in each of the seven languages
TABLE: dict[str, tuple[Callable[[str], str], dict[str, str]]] = {
    "money, compact": (
        lambda loc: format_money(Decimal(2658000000), locale=loc, compact=True),
        row(
            "2.658 billion yuan",
            "26.58亿元",
            "人民幣26.58億元",
            "2,658\xa0milliards de yuans",
            "2658 millones de yuanes",
            "2,658\xa0млрд юаней",
            "2.658 مليار يوان",
        ),
    ),
    "money, full": (
        lambda loc: format_money(Decimal(2658000000), locale=loc),
        row(
            "CN¥2,658,000,000.00",
            "¥2,658,000,000.00",
            "CN¥2,658,000,000.00",
            "2\u202f658\u202f000\u202f000,00\xa0CNY",
            "2.658.000.000,00\xa0CNY",
            "2\xa0658\xa0000\xa0000,00\xa0CN¥",
            "\u200f2,658,000,000.00\xa0CN¥",
        ),
    ),
    "nearly 100 billion yuan": (
        lambda loc: format_quantity(qty(10**11, "CNY"), Q.NEARLY, locale=loc),
        row(
            "nearly 100 billion yuan",
            "近千亿元",
            "人民幣近千億元",
            "près de 100\xa0milliards de yuans",
            "casi 100.000 millones de yuanes",
            "почти 100\xa0млрд юаней",
            "قرابة 100 مليار يوان",
        ),
    ),
    "more than 2,700 schools": (
        lambda loc: format_quantity(qty(2700, "school"), Q.MORE_THAN, locale=loc),
        row(
            "more than 2,700 schools",
            "2700余所学校",
            "2700餘所學校",
            "plus de 2\u202f700 écoles",
            "más de 2700 escuelas",
            "более 2700 школ",
            "أكثر من 2700 مدرسة",
        ),
    ),
    "people, compact": (
        lambda loc: format_quantity(qty(279700, "person"), locale=loc),
        row(
            "279,700 people",
            "27.97万人",
            "27.97萬人",
            "279\u202f700 personnes",
            "279.700 personas",
            "279\xa0700 человек",
            "279.7 ألف شخص",
        ),
    ),
    "900 enterprises": (
        lambda loc: format_quantity(qty(900, "enterprise"), Q.MORE_THAN, locale=loc),
        row(
            "more than 900 enterprises",
            "900余家企业",
            "900餘家企業",
            "plus de 900 entreprises",
            "más de 900 empresas",
            "более 900 предприятий",
            "أكثر من 900 شركة",
        ),
    ),
    "1 county": (
        lambda loc: format_quantity(qty(1, "county"), locale=loc),
        row("1 county", "1个县", "1個縣", "1 district", "1 condado", "1 уезд", "1 محافظة"),
    ),
    "221 counties": (
        lambda loc: format_quantity(qty(221, "county"), locale=loc),
        row(
            "221 counties",
            "221个县",
            "221個縣",
            "221 districts",
            "221 condados",
            "221 уезд",
            "221 محافظة",
        ),
    ),
    "2 villages": (
        lambda loc: format_quantity(qty(2, "village"), locale=loc),
        row("2 villages", "2个村", "2個村", "2 villages", "2 aldeas", "2 деревни", "2 قريتان"),
    ),
    "5 projects": (
        lambda loc: format_quantity(qty(5, "project"), Q.AT_LEAST, locale=loc),
        row(
            "at least 5 projects",
            "至少5个项目",
            "至少5項計畫",
            "au moins 5 projets",
            "al menos 5 proyectos",
            "не менее 5 проектов",
            "ما لا يقل عن 5 مشاريع",
        ),
    ),
    "hospitals about": (
        lambda loc: format_quantity(qty(14, "hospital"), Q.ABOUT, locale=loc),
        row(
            "about 14 hospitals",
            "约14所医院",
            "約14所醫院",
            "environ 14 hôpitaux",
            "alrededor de 14 hospitales",
            "около 14 больниц",
            "حوالي 14 مستشفى",
        ),
    ),
    "rounded compact says about": (
        lambda loc: format_quantity(qty(1234567891, "CNY"), locale=loc),
        row(
            "about 1.235 billion yuan",
            "约12.346亿元",
            "人民幣約12.346億元",
            "environ 1,235\xa0milliard de yuans",
            "alrededor de 1234,568 millones de yuanes",
            "около 1,235\xa0млрд юаней",
            "حوالي 1.235 مليار يوان",
        ),
    ),
    "other currency": (
        lambda loc: format_quantity(qty(3200000000, "USD"), Q.MORE_THAN, locale=loc),
        row(
            "more than 3.2 billion US dollars",
            "32亿余美元",
            "32億餘美元",
            "plus de 3,2\xa0milliards de dollars des États-Unis",
            "más de 3200 millones de dólares estadounidenses",
            "более 3,2\xa0млрд долларов США",
            "أكثر من 3.2 مليار دولار أمريكي",
        ),
    ),
    "metric": (
        lambda loc: format_metric(FORUM.metric("housing-funds"), locale=loc),
        row(
            "more than 600 million yuan",
            "6亿余元",
            "人民幣6億餘元",
            "plus de 600\xa0millions de yuans",
            "más de 600 millones de yuanes",
            "более 600\xa0млн юаней",
            "أكثر من 600 مليون يوان",
        ),
    ),
    "total": (
        lambda loc: format_total(LIVELIHOOD, locale=loc),
        row(
            "more than 4.578 billion yuan",
            "超过45.78亿元",
            "人民幣超過45.78億元",
            "plus de 4,578\xa0milliards de yuans",
            "más de 4578 millones de yuanes",
            "более 4,578\xa0млрд юаней",
            "أكثر من 4.578 مليار يوان",
        ),
    ),
    "date": (
        lambda loc: format_date(FORUM.date, locale=loc),
        row(
            "October 16, 2020",
            "2020年10月16日",
            "2020年10月16日",
            "16 octobre 2020",
            "16 de octubre de 2020",
            "16 октября 2020\u202fг.",
            "16 أكتوبر 2020",
        ),
    ),
    "since 2016": (
        lambda loc: format_period(pm.Period(start_year=2016), locale=loc),
        row("since 2016", "2016年以来", "2016年以來", "depuis 2016", "desde 2016", "с 2016 года", "منذ عام 2016"),
    ),
    "2016 to 2020": (
        lambda loc: format_period(pm.Period(start_year=2016, end_year=2020), locale=loc),
        row(
            "from 2016 to 2020",
            "2016年至2020年",
            "2016年至2020年",
            "de 2016 à 2020",
            "de 2016 a 2020",
            "с 2016 по 2020 год",
            "من 2016 إلى 2020",
        ),
    ),
    "until 2020": (
        lambda loc: format_period(pm.Period(end_year=2020), locale=loc),
        row(
            "until 2020",
            "截至2020年",
            "截至2020年",
            "jusqu’en 2020",
            "hasta 2020",
            "до 2020 года",
            "حتى عام 2020",
        ),
    ),
    "in 2020": (
        lambda loc: format_period(pm.Period(start_year=2020, end_year=2020), locale=loc),
        row("in 2020", "2020年", "2020年", "en 2020", "en 2020", "в 2020 году", "في عام 2020"),
    ),
    "number": (
        lambda loc: format_number(Decimal("17300.5"), locale=loc),
        row("17,300.5", "17,300.5", "17,300.5", "17\u202f300,5", "17.300,5", "17\xa0300,5", "17,300.5"),
    ),
    "number, compact": (
        lambda loc: format_number(Decimal(17300), locale=loc, compact=True),
        row("17,300", "1.73万", "1.73萬", "17\u202f300", "17.300", "17\xa0300", "17.3 ألف"),
    ),
    "names": (
        lambda loc: format_names(["A", "B", "C"], locale=loc),
        row("A, B, and C", "A、B和C", "A、B和C", "A, B et C", "A, B y C", "A, B и C", "A، و B، و C"),
    ),
}


@pytest.mark.parametrize("locale", LANGS)
@pytest.mark.parametrize("case", TABLE)
def test_formatting_table(case: str, locale: str) -> None:
    formatter, expected = TABLE[case]
    assert formatter(locale) == expected[locale]


@pytest.mark.parametrize(
    ("value", "locale", "expected"),
    [
        ("27.97", "en", "27.97"),
        ("279700", "zh_CN", "27.97万"),  # babel alone would say 28万
        ("3200000000", "en", "3.2 billion"),  # babel alone would say 3 billion
        ("3200000000", "zh_CN", "32亿"),
        ("17300", "zh_CN", "1.73万"),
        ("31405000000", "zh_CN", "314.05亿"),
        ("2700", "zh_CN", "2700"),
        ("999999", "en", "999,999"),  # below a million: every digit
    ],
)
def test_compact_never_changes_a_figure(value: str, locale: str, expected: str) -> None:
    assert format_number(Decimal(value), locale=locale, compact=True) == expected


def test_non_compact_keeps_every_digit() -> None:
    assert format_number(Decimal("1234.56789"), locale="en") == "1,234.56789"
    assert format_quantity(qty("279700", "person"), locale="zh_CN", compact=False) == "279,700人"


@pytest.mark.parametrize(
    "spelling", ["zh_CN", "zh-CN", "zh-Hans-CN", "zh_Hans_CN", "zh", "zh_CN.UTF-8", "zh_CN.GB18030"]
)
def test_locale_spellings(spelling: str) -> None:
    assert format_money(Decimal(10**9), locale=spelling, compact=True) == "10亿元"
    assert pm.Formatter(spelling).language == "zh-Hans"


@pytest.mark.parametrize(
    ("spelling", "language"),
    [
        ("zh_TW", "zh-Hant"),
        ("zh_HK", "zh-Hant"),
        ("zh-Hant", "zh-Hant"),
        ("en_US.ISO8859-1", "en"),
        ("C", "en"),
        ("fr_CA", "fr"),
        ("es_MX", "es"),
        ("ar_EG", "ar"),
        ("sr_RS@latin", "en"),
    ],
)
def test_what_a_locale_resolves_to(spelling: str, language: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pm.LocaleFallbackWarning)
        fmt = pm.Formatter(spelling)
    assert fmt.language == language
    assert fmt.fallback is (spelling == "sr_RS@latin")


def test_an_uncatalogued_locale_falls_back_to_english_and_says_so() -> None:
    with pytest.warns(pm.LocaleFallbackWarning, match="no catalogue for 'de'") as caught:
        fmt = pm.Formatter("de")
    assert (fmt.fallback, fmt.language, fmt.direction) == (True, "en", "ltr")
    assert caught[0].message.locale == "de"  # type: ignore[union-attr]
    with pytest.warns(pm.LocaleFallbackWarning):
        html = pm.summarize(FORUM, locale="de", markup="html")
    assert '<html lang="en" dir="ltr">' in html


def test_babel_locale_object_is_accepted() -> None:
    assert format_period(pm.Period(start_year=2016), locale=Locale.parse("zh_Hant_TW")) == "2016年以來"


@pytest.mark.parametrize("bad", ["xx", "zz-Latn", "", "en--US", "12", "not a locale"])
def test_unknown_locale(bad: str) -> None:
    with pytest.raises(pm.UnknownLocaleError) as info:
        format_money(Decimal(1), locale=bad)
    assert info.value.locale == bad
    assert isinstance(info.value, pm.PovmodelError)


def test_a_locale_of_the_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"locale must be a str or a babel\.Locale, not int"):
        pm.Formatter(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("de", "more than 600 Millionen yuan"),  # German numbers, English words
        ("ja", "more than 6億 yuan"),
        ("pt_BR", "more than 600 milhões yuan"),
    ],
)
def test_other_locales_format_numbers_natively_with_english_words(locale: str, expected: str) -> None:
    with pytest.warns(pm.LocaleFallbackWarning):
        assert format_metric(FORUM.metric("housing-funds"), locale=locale) == expected


def test_other_locales_dates_are_native() -> None:
    with pytest.warns(pm.LocaleFallbackWarning):
        assert format_date(dt.date(2020, 10, 16), locale="de") == "16. Oktober 2020"


def test_unknown_counted_noun_falls_back_to_its_name() -> None:
    assert format_quantity(qty(15, "health-centre"), locale="en") == "15 health centre"


def test_catalogues_have_the_languages_plural_forms() -> None:
    assert i18n.translations("ru").plural(5) == 2
    forms = {i18n.translations("ar").plural(n) for n in (0, 1, 2, 3, 11, 100)}
    assert forms == {0, 1, 2, 3, 4, 5}  # six forms
    assert [format_quantity(qty(n, "school"), locale="ru") for n in (1, 3, 5, 21)] == [
        "1 школа",
        "3 школы",
        "5 школ",
        "21 школа",
    ]


def test_locales_and_catalogues_are_resolved_once() -> None:
    assert pm.Formatter("zh-CN").locale is pm.Formatter("zh-CN").locale
    assert i18n.translations("fr") is i18n.translations("fr")


def test_no_global_state_is_touched() -> None:
    before = stdlib_locale.setlocale(stdlib_locale.LC_ALL)
    underscore = vars(builtins).get("_", before)  # a doctest run earlier may have left one: it must stay as it is
    for loc in LANGS:
        format_metric(FORUM.metric("housing-funds"), locale=loc)
    assert stdlib_locale.setlocale(stdlib_locale.LC_ALL) == before
    assert vars(builtins).get("_", before) is underscore  # no gettext.install()


def test_missing_catalogue_is_an_error_not_english(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(importlib.resources, "files", lambda package: tmp_path)
    i18n._load.cache_clear()
    _numbers._FIGURES.clear()
    try:
        with pytest.raises(pm.CatalogueError) as info:
            format_metric(FORUM.metric("housing-funds"), locale="fr")
        assert info.value.language == "fr"
        assert "fr/LC_MESSAGES/povmodel.mo is not in the package" in str(info.value)
    finally:
        i18n._load.cache_clear()


@pytest.mark.parametrize(
    "value", ["1E+999999", "1" * 400, "0." + "0" * 5000 + "1", "1234567890123456789012345678901234567890.5"]
)
@pytest.mark.parametrize("locale", LANGS)
def test_hostile_values_give_short_output(value: str, locale: str) -> None:
    quantity = qty(value, "CNY")
    for text in (
        format_quantity(quantity, locale=locale),
        format_quantity(quantity, locale=locale, compact=False),
        format_money(quantity.value, locale=locale),
    ):
        assert len(text) < 80, text


def test_hostile_value_rounded_says_about() -> None:
    assert format_quantity(qty("1" * 400, "person"), locale="en").startswith("about 1.11111111111111E399")


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda f: f.money(None), TypeError, "amount must be a Decimal or an int, not NoneType"),
        (lambda f: f.money(1.5), TypeError, "amount must be a Decimal or an int, not float"),
        (lambda f: f.money(True), TypeError, "amount must be a Decimal or an int, not bool"),
        (lambda f: f.money(Decimal("NaN"), compact=True), ValueError, "amount must be a finite number, not NaN"),
        (lambda f: f.money(Decimal("-Infinity")), ValueError, "amount must be a finite number, not -Infinity"),
        (lambda f: f.money(1, "XYZ"), ValueError, "currency must be an ISO 4217 code"),
        (lambda f: f.date(None), TypeError, "date must be date, not NoneType"),
        (lambda f: f.date(dt.date(2020, 1, 1), length="bogus"), ValueError, "length must be one of 'full', 'long'"),
        (lambda f: f.names(["a"], list_style="bogus"), ValueError, "list_style must be one of 'standard'"),
        (lambda f: f.quantity(5), TypeError, "quantity must be Quantity, not int"),
        (lambda f: f.summarize(FORUM, style="long"), ValueError, "style must be one of 'short', 'full', not 'long'"),
        (lambda f: f.summarize(FORUM, markup="pdf"), ValueError, "markup must be one of 'text', 'markdown', 'html'"),
    ],
)
def test_wrong_arguments_say_what_is_allowed(call: Callable[[pm.Formatter], str], error: type, message: str) -> None:
    with pytest.raises(error, match=message.replace("(", r"\(")):
        call(pm.Formatter("en"))


def test_formatting_ignores_the_callers_decimal_context() -> None:
    import decimal

    expected = [pm.summarize(FORUM, locale=loc, style="full") for loc in LANGS]
    with decimal.localcontext(decimal.Context(prec=6, traps=[decimal.Inexact, decimal.Rounded])):
        assert [pm.summarize(FORUM, locale=loc, style="full") for loc in LANGS] == expected
        assert format_money(Decimal("12345678.91"), locale="en") == "CN¥12,345,678.91"


def test_negative_zero_is_zero() -> None:
    assert format_money(Decimal("-0"), locale="en") == "CN¥0.00"
    assert format_number(Decimal("-0"), locale="en") == "0"


def test_fmt_is_the_deprecated_name_of_markup() -> None:
    with pytest.warns(DeprecationWarning, match="fmt= is deprecated: use markup="):
        old = pm.summarize(FORUM, locale="fr", fmt="markdown")
    assert old == pm.summarize(FORUM, locale="fr", markup="markdown")
    with pytest.warns(DeprecationWarning, match="format= is deprecated: use length="):
        assert format_date(dt.date(2020, 10, 16), locale="en", format="short") == "10/16/20"
    with pytest.warns(DeprecationWarning, match="style= is deprecated: use list_style="):
        assert format_names(["a", "b"], locale="en", style="or") == "a or b"


def test_names_in_the_readers_script() -> None:
    hong = FORUM.person("hong-tianyun").name
    assert pm.Formatter("ru").name(hong) == "Хун Тяньюнь"
    assert pm.Formatter("zh_TW").name(hong) == "洪天雲"
    assert pm.Formatter("ar").name(hong) == "هونغ تيان يون"
    assert pm.Formatter("fr").name(hong) == "Hong Tianyun"
    smith = pm.LocalizedText({"en": "John Smith"})  # not pinyin: Latin, isolated in Arabic
    ar = pm.Formatter("ar")
    assert ar.names([ar.name(hong), "سينوبك"]) == "هونغ تيان يون وسينوبك"
    assert ar.names([ar.name(smith), "سينوبك"]) == "\u2068John Smith\u2069 وسينوبك"
    assert ar.names(["سينوبك", ar.name(smith)]) == "سينوبك و \u2068John Smith\u2069"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", "eight counties"),
        ("fr", "huit districts"),
        ("es", "ocho condados"),
        ("ru", "8 уездов"),
        ("zh_CN", "8个县"),
    ],
)
def test_small_counts_in_words_where_the_press_writes_them(locale: str, expected: str) -> None:
    # a count, not money, and exact: "eight counties", but "8 billion yuan" and "more than 8"
    fmt = pm.Formatter(locale)
    assert fmt.quantity(qty(8, "county"), words=True) == expected
    assert "8" in fmt.quantity(qty(8, "county"))  # tables and findings keep digits
    assert "8" in fmt.quantity(qty(8, "CNY"), words=True)
    assert "8" in fmt.quantity(qty(8, "county"), Q.MORE_THAN, words=True)
    # French and Spanish keep the digit for one (un/une, un/una)
    assert pm.Formatter("fr").quantity(qty(1, "school"), words=True) == "1 école"

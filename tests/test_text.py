from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import povmodel as pm
from povmodel.core import limits
from povmodel.core.text import _checked, is_language_tag, problems
from tests.strategies import SOME_TAGS, SOME_TEXTS

TEXT = pm.LocalizedText({"en": "Beijing", "zh-Hans": "北京", "zh-Hant": "北京市", "fr": "Pékin"})


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", "Beijing"),
        ("en_GB", "Beijing"),
        ("zh_CN", "北京"),
        ("zh-Hans-CN", "北京"),
        ("zh", "北京"),
        ("zh_TW", "北京市"),
        ("zh_HK", "北京市"),
        ("zh-Hant", "北京市"),
        ("fr_CA", "Pékin"),
        ("ar", "Beijing"),
        ("zh_CN.UTF-8", "北京"),
    ],
)
def test_for_locale_negotiates(locale: str, expected: str) -> None:
    assert TEXT.for_locale(locale) == expected


def test_for_locale_falls_back_to_english_and_says_so() -> None:
    with pytest.warns(pm.LocaleFallbackWarning, match="no catalogue for 'de'"):
        assert TEXT.for_locale("de") == "Beijing"


def test_for_locale_without_english_falls_back_to_first() -> None:
    text = pm.LocalizedText({"zh-Hans": "北京", "ar": "بكين"})
    assert text.for_locale("fr") == "بكين"  # sorted by tag: "ar" comes first


def test_traditional_chinese_is_derived_from_simplified_never_english() -> None:
    text = pm.LocalizedText({"en": "an e-commerce platform", "zh-Hans": "电商平台"})
    assert text.for_locale("zh_TW") == "電商平臺"  # Taiwan's vocabulary, through OpenCC
    assert text.for_locale("zh_HK") == "電商平台"
    assert pm.LocalizedText({"en": "x", "zh-Hant": "電商平臺"}).for_locale("zh_CN") == "电商平台"


def test_without_opencc_traditional_readers_get_simplified_and_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    from povmodel.presentation import _chinese

    monkeypatch.setattr(_chinese, "available", lambda: False)
    text = pm.LocalizedText({"en": "platform", "zh-Hans": "平台"})
    with pytest.warns(pm.LocaleFallbackWarning, match=r"OpenCC is not installed \(pip install 'povmodel\[zh\]'\)"):
        assert text.for_locale("zh_TW") == "平台"


def test_best_takes_the_first_language_it_has() -> None:
    assert TEXT.best(["de", "fr", "en"]) == "Pékin"
    assert TEXT.best(["de"]) is None
    assert str(TEXT) == "Beijing"


def test_for_locale_accepts_babel_locale() -> None:
    from babel import Locale

    assert TEXT.for_locale(Locale.parse("zh_Hant_TW")) == "北京市"


def test_mapping_behaviour() -> None:
    assert TEXT["fr"] == "Pékin"
    assert set(TEXT) == {"en", "zh-Hans", "zh-Hant", "fr"}
    assert len(TEXT) == 4
    assert TEXT.languages == ("en", "fr", "zh-Hans", "zh-Hant")
    with pytest.raises(KeyError):
        TEXT["de"]


def test_equal_whatever_the_order_and_hashable() -> None:
    a = pm.LocalizedText({"en": "x", "fr": "y"})
    b = pm.LocalizedText({"fr": "y", "en": "x"})
    assert a == b
    assert hash(a) == hash(b)
    assert a != pm.LocalizedText({"en": "x"})


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, ("", "needs text in at least one language")),
        ({"EN": "x"}, ("['EN']", "not a language tag: 'EN'")),
        ({"zh_Hans": "x"}, ("['zh_Hans']", "not a language tag: 'zh_Hans'")),
        ({"en": "  "}, ("['en']", "must not be blank")),
        ({"en": 5}, ("['en']", "expected a string, got number")),
    ],
)
def test_invalid_text(data: dict[str, object], error: tuple[str, str]) -> None:
    with pytest.raises(pm.ValidationError) as info:
        pm.LocalizedText(data)  # type: ignore[arg-type]
    assert info.value.errors == (error,)


@pytest.mark.parametrize("tag", ["en", "fr", "zh-Hans", "zh-Hant-TW", "es-419", "ast"])
def test_language_tags_accepted(tag: str) -> None:
    assert is_language_tag(tag)


@pytest.mark.parametrize("tag", ["", "e", "english", "zh_CN", "zh-hans", "EN", "en-", "en-gb"])
def test_language_tags_rejected(tag: str) -> None:
    assert not is_language_tag(tag)


def test_pairs_are_accepted_and_duplicates_refused() -> None:
    assert pm.LocalizedText((("fr", "b"), ("en", "a"))) == pm.LocalizedText({"en": "a", "fr": "b"})
    with pytest.raises(pm.ValidationError) as info:
        pm.LocalizedText((("en", "a"), ("en", 1)))  # type: ignore[arg-type]
    assert info.value.errors == (("", "a language appears twice: ['en']"),)


@pytest.mark.parametrize(
    ("pairs", "errors"),
    [
        ((("en", "a", "b"),), (("[0]", "expected a (tag, text) pair, got ('en', 'a', 'b')"),)),
        (("ab",), (("[0]", "expected a (tag, text) pair, got 'ab'"),)),
        ((("en", "a"), 5), (("[1]", "expected a (tag, text) pair, got 5"),)),
    ],
)
def test_what_is_not_a_pair_is_a_validation_error(
    pairs: tuple[object, ...], errors: tuple[tuple[str, str], ...]
) -> None:
    # It was a ValueError from unpacking, or the first letters of a string read as a tag.
    with pytest.raises(pm.ValidationError) as info:
        pm.LocalizedText(pairs)  # type: ignore[arg-type]
    assert info.value.errors == errors


def test_pairs_given_as_lists_are_kept_as_tuples() -> None:
    # Lists were kept as given: the text was then unhashable and could be changed in place.
    text = pm.LocalizedText([["fr", "b"], ["en", "a"]])  # type: ignore[list-item]
    assert text.items_ == (("en", "a"), ("fr", "b"))
    assert hash(text) == hash(pm.LocalizedText({"en": "a", "fr": "b"}))


def test_pairs_in_order_are_taken_as_they_are_and_others_sorted() -> None:
    ordered = (("en", "a"), ("fr", "b"))
    assert pm.LocalizedText(ordered).items_ is ordered  # povmodel's own files: no copy
    assert pm.LocalizedText((("fr", "b"), ("en", "a"))).items_ == ordered
    with pytest.raises(pm.ValidationError, match="appears twice"):
        pm.LocalizedText((("fr", "b"), ("en", "a"), ("en", "c")))


_MANY = tuple((f"{a}{b}", "x") for a in "abcdefghijklmnopqrstuvwxyz" for b in "abc")[: limits.MAX_LANGUAGES + 1]


@settings(max_examples=500)
@example(_MANY[: limits.MAX_LANGUAGES])
@example(_MANY)
@example((("en", "x" * limits.MAX_TEXT_LENGTH),))
@example((("en", "x" * (limits.MAX_TEXT_LENGTH + 1)),))
@example((("en", " "),))
@given(st.lists(st.tuples(SOME_TAGS, SOME_TEXTS), max_size=limits.MAX_LANGUAGES + 2).map(tuple))
def test_the_quick_check_of_pairs_agrees_with_the_detailed_one(pairs: tuple[tuple[str, object], ...]) -> None:
    """`_checked` takes exactly the pairs in which `problems` finds nothing and no tag repeats, and sorts them."""
    quick = _checked(pairs)  # type: ignore[arg-type]
    valid = not problems(pairs) and len({tag for tag, _ in pairs}) == len(pairs)
    assert (quick is not None) == valid
    if quick is not None:
        assert quick == tuple(sorted(pairs, key=lambda pair: pair[0]))

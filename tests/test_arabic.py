"""Chinese names in Arabic script: the table of povmodel.presentation._arabic against published names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import povmodel as pm
from povmodel.core.text import LocalizedText
from povmodel.presentation import _arabic, _palladius

# Names as the Arabic services of Xinhua, CGTN and People's Daily write them.
PUBLISHED = [
    ("Xi Jinping", "شي جين بينغ"),
    ("Li Keqiang", "لي كه تشيانغ"),
    ("Wang Yi", "وانغ يي"),
    ("Hu Jintao", "هو جين تاو"),
    ("Wen Jiabao", "ون جيا باو"),
    ("Li Qiang", "لي تشيانغ"),
    ("Zhao Leji", "تشاو له جي"),
    ("Wang Huning", "وانغ هو نينغ"),
    ("Han Zheng", "هان تشنغ"),
    ("Yang Jiechi", "يانغ جيه تشي"),
    ("Qin Gang", "تشين قانغ"),
    ("Cai Qi", "تساي تشي"),
    ("Ding Xuexiang", "دينغ شيويه شيانغ"),
    ("Hua Chunying", "هوا تشون ينغ"),
    ("Zhu Rongji", "تشو رونغ جي"),
    ("Jiang Zemin", "جيانغ تسه مين"),
    ("Deng Xiaoping", "دنغ شياو بينغ"),
    ("He Lifeng", "خه لي فنغ"),
    ("Guo Shengkun", "قوه شنغ كون"),
    ("Huang Kunming", "هوانغ كون مينغ"),
    ("Peng Liyuan", "بنغ لي يوان"),
    ("Sun Chunlan", "سون تشون لان"),
]


@pytest.mark.parametrize(("pinyin", "arabic"), PUBLISHED, ids=[p for p, _ in PUBLISHED])
def test_published_names(pinyin: str, arabic: str) -> None:
    assert _arabic.to_arabic(pinyin) == arabic


def test_every_syllable_has_a_form_in_arabic_letters_only() -> None:
    for syllable in _palladius._PARTS:
        written = _arabic.syllable_to_arabic(syllable)
        assert written, syllable
        assert all("\u0621" <= char <= "\u064a" for char in written), (syllable, written)


def test_the_forms_keep_the_distinctions_the_press_keeps() -> None:
    # Aspiration is not kept (b/p, d/t share letters) but finals are: these differ.
    forms = {s: _arabic.syllable_to_arabic(s) for s in ("ping", "pin", "pian", "pang", "pan", "xue", "xu", "he", "ge")}
    assert len(set(forms.values())) == len(forms)


def test_one_word_per_syllable_and_the_split_from_the_characters() -> None:
    assert _arabic.to_arabic("Xian") == "شيان"
    assert _arabic.to_arabic("Xi'an") == "شي آن"
    assert pm.Formatter("ar").name(LocalizedText({"en": "Zhang Yuzhuo", "zh-Hans": "张玉卓"})) == "تشانغ يو تشوه"


def test_a_name_that_is_not_pinyin_stays_latin_and_isolated() -> None:
    fmt = pm.Formatter("ar")
    assert fmt.name(LocalizedText({"en": "John Smith"})) == "\u2068John Smith\u2069"
    with pytest.raises(ValueError, match="not a pinyin word"):
        _arabic.to_arabic("John Smith")
    with pytest.raises(ValueError, match="not one syllable"):
        _arabic.syllable_to_arabic("xian'an")


def test_and_is_joined_to_an_arabic_name_and_kept_apart_from_a_latin_one() -> None:
    fmt = pm.Formatter("ar")
    people = ("joining two people named with their posts", "%(first)s and %(second)s")
    arabic = fmt.name(LocalizedText({"en": "Liu Guoyue"}))
    assert fmt._say(people, first="أ", second=arabic) == "أ، وليو قوه يويه"
    latin = fmt.name(LocalizedText({"en": "John Smith"}))
    assert fmt._say(people, first="أ", second=latin) == "أ، و \u2068John Smith\u2069"


@given(st.lists(st.sampled_from(sorted(_palladius._PARTS)), min_size=1, max_size=4))
def test_a_name_of_syllables_gives_one_arabic_word_each(syllables: list[str]) -> None:
    name = " ".join(s.capitalize() for s in syllables)
    written = _arabic.to_arabic(name)
    assert written.split(" ") == [_arabic.syllable_to_arabic(s) for s in syllables]

"""Pinyin into Russian Cyrillic by the Palladius system: rules checked against the published table."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from povmodel.core.errors import MissingExtraError
from povmodel.presentation import _names, _palladius
from povmodel.presentation._palladius import from_hanzi, is_pinyin, syllable_to_cyrillic, syllables, to_cyrillic

TABLE_FILE = Path(__file__).parent / "data" / "palladius.tsv"


def read_table() -> list[tuple[str, str]]:
    rows = []
    for line in TABLE_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            pinyin, cyrillic = line.split("\t")
            rows.append((pinyin, cyrillic))
    return rows


TABLE = read_table()


def test_the_table_is_whole() -> None:
    pinyin = [p for p, _ in TABLE]
    assert len(TABLE) == 433
    assert len(set(pinyin)) == len(pinyin)
    assert {"a", "zhuo", "hui", "lüe", "er", "jiong", "yo", "hng", "zem"} <= set(pinyin)


def test_the_inventory_is_the_table() -> None:
    assert set(_palladius._PARTS) == {p for p, _ in TABLE}


@pytest.mark.parametrize(("pinyin", "cyrillic"), TABLE, ids=[p for p, _ in TABLE])
def test_every_syllable_of_the_table(pinyin: str, cyrillic: str) -> None:
    assert syllable_to_cyrillic(pinyin) == cyrillic


@pytest.mark.parametrize("pinyin", [p for p, _ in TABLE])
def test_every_syllable_of_the_table_is_one_syllable(pinyin: str) -> None:
    assert syllables(pinyin) == (pinyin,)


@pytest.mark.parametrize(
    ("name", "cyrillic"),
    [
        ("Hao Peng", "Хао Пэн"),
        ("Hong Tianyun", "Хун Тяньюнь"),
        ("Ren Hongbin", "Жэнь Хунбинь"),
        ("Zhang Yuzhuo", "Чжан Юйчжо"),
        ("Liu Guoyue", "Лю Гоюэ"),
        ("Yang Jie", "Ян Цзе"),
        ("Wang Tongzhou", "Ван Тунчжоу"),
        ("Wang Weidong", "Ван Вэйдун"),
        ("Wang Yanfang", "Ван Яньфан"),
        ("Zhong Hongwu", "Чжун Хунъу"),
        ("Ouyang Xiu", "Оуян Сю"),
        ("Sima Qian", "Сыма Цянь"),
        ("Hu Jintao", "Ху Цзиньтао"),
        ("Xi Jinping", "Си Цзиньпин"),
        ("Zhu Rongji", "Чжу Жунцзи"),
        ("Li Huiqin", "Ли Хуэйцинь"),
        ("Zeng Ciyun", "Цзэн Цыюнь"),
    ],
)
def test_names(name: str, cyrillic: str) -> None:
    assert to_cyrillic(name) == cyrillic
    assert is_pinyin(name)


@pytest.mark.parametrize(
    ("name", "cyrillic"),
    [
        ("Xi'an", "Сиань"),  # apostrophe: two syllables, нь needs no hard sign
        ("Xian", "Сянь"),  # no apostrophe: one syllable
        ("Chang'an", "Чанъань"),  # hard sign after н
        ("Xiong’an", "Сюнъань"),  # typographic apostrophe
        ("Pengyou", "Пэнъю"),
        ("Xingyi", "Синъи"),
        ("Shang'e", "Шанъэ"),
        ("Tian'anmen", "Тяньаньмэнь"),
        ("Tiananmen", "Тяньаньмэнь"),  # no split without a vowel-initial syllable: allowed then
        ("Hóng Tiānyún", "Хун Тяньюнь"),  # tone marks
        ("hong2 tian1yun2", "Хун Тяньюнь"),  # tone numbers
        ("Lǚ Bù", "Люй Бу"),
        ("Nǚwā", "Нюйва"),
        ("lv3 xun4", "Люй Сюнь"),  # ü as v
        ("Lu:3 Xun4", "Люй Сюнь"),  # ü as u:
        ("Nüe Lve", "Нюэ Люэ"),
        ("Zhang Xue-liang", "Чжан Сюэ-Лян"),  # hyphen: two words, each capitalised
        ("ZHANG   Xueliang", "Чжан Сюэлян"),  # case and runs of spaces
        ("Wo Wu Wei", "Во У Вэй"),
        ("Erdan", "Эрдань"),
        ("Guo Zhuo Kuo", "Го Чжо Ко"),
        ("Zi Zhi Ci Chi Si Shi Ri", "Цзы Чжи Цы Чи Сы Ши Жи"),
        ("Ju Qu Xu Yu", "Цзюй Цюй Сюй Юй"),
        ("Gui Hui Kui", "Гуй Хуэй Куй"),
    ],
)
def test_spellings(name: str, cyrillic: str) -> None:
    assert to_cyrillic(name) == cyrillic


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Tianyun", ("tian", "yun")),
        ("Xi'an", ("xi", "an")),
        ("Xian", ("xian",)),
        ("Hongwu", ("hong", "wu")),
        ("Yanfang", ("yan", "fang")),
        ("Guoyue", ("guo", "yue")),
        ("Weidong", ("wei", "dong")),
        ("Xinan", ("xi", "nan")),  # pinyin: xin'an would need the apostrophe
        ("Changan", ("chan", "gan")),
        ("tian1yun2", ("tian", "yun")),
        ("xi1'an1", ("xi", "an")),
        ("Tiānyún", ("tian", "yun")),
        ("Lǘ", ("lü",)),
        ("jv", ("ju",)),
        ("Lue", ("lüe",)),
        ("Ng", ("ng",)),
    ],
)
def test_syllables(word: str, expected: tuple[str, ...]) -> None:
    assert syllables(word) == expected


NOT_PINYIN = ["John Smith", "Müller", "Wang3x", "", "   ", "b" + "a" * 99, "Emma", "Hao - Peng", "x'", "'an", "xi''an"]


@pytest.mark.parametrize("name", NOT_PINYIN)
def test_not_pinyin(name: str) -> None:
    assert not is_pinyin(name)
    with pytest.raises(ValueError, match="pinyin"):
        to_cyrillic(name)


@pytest.mark.parametrize("word", ["Smith", "Wang3x", "3wang", "wang33", "ê", "tian-yun", "ab c", "", "x'"])
def test_syllables_refuses(word: str) -> None:
    with pytest.raises(ValueError, match=r"is not a pinyin word"):
        syllables(word)


def test_the_error_names_the_word() -> None:
    with pytest.raises(ValueError, match=r"^'Wang3x' is not a pinyin word: 'x' is not a sequence of Mandarin"):
        syllables("Wang3x")


def test_word_length_limit() -> None:
    assert len(syllables("ba" * 32)) == 32
    with pytest.raises(ValueError, match="longer than 64 characters"):
        syllables("ba" * 32 + "n")
    with pytest.raises(ValueError, match="longer than 64 characters"):
        to_cyrillic("Wang " + "ba" * 50)


@pytest.mark.parametrize("text", ["tianyun", "x", "", "Smith"])
def test_syllable_to_cyrillic_refuses(text: str) -> None:
    with pytest.raises(ValueError, match=r"syllable|pinyin"):
        syllable_to_cyrillic(text)


@given(st.lists(st.sampled_from([p for p, _ in TABLE]), min_size=1, max_size=8))
def test_apostrophes_give_the_syllables_back(parts: list[str]) -> None:
    assert syllables("'".join(parts)) == tuple(parts)


@given(st.text(max_size=30))
def test_any_text_is_either_pinyin_or_a_value_error(text: str) -> None:
    try:
        result = to_cyrillic(text)
    except ValueError:
        assert not is_pinyin(text)
    else:
        assert is_pinyin(text) and result


# Segmentation is linear: the work is counted in steps, so the guard cannot flake.


@pytest.mark.parametrize(
    "unit",
    ["zhuang", "a", "tian", "xian", "ng", "nnn", "yuan", "aoe", "shuangzhuo", "q"],
)
def test_segmentation_is_linear(unit: str) -> None:
    bound = 2 * _palladius._MAX_SYLLABLE
    counts = []
    for repeat in (50, 200):
        chunk = unit * repeat
        _, steps = _palladius._segment(chunk)
        assert steps <= bound * len(chunk)
        counts.append(steps)
    assert counts[1] <= 4.5 * counts[0]


# Chinese characters, through pypinyin (an optional dependency).


@pytest.mark.parametrize(
    ("characters", "expected"),
    [
        ("郝鹏", ("hao", "peng")),
        ("钟宏武", ("zhong", "hong", "wu")),
        ("王维东", ("wang", "wei", "dong")),
        ("洪 天云", ("hong", "tian", "yun")),
        ("吕女", ("lü", "nü")),
    ],
)
def test_from_hanzi(characters: str, expected: tuple[str, ...]) -> None:
    pytest.importorskip("pypinyin")
    assert from_hanzi(characters) == expected


def test_from_hanzi_then_cyrillic() -> None:
    pytest.importorskip("pypinyin")
    surname, *given_name = from_hanzi("钟宏武")
    assert to_cyrillic(f"{surname} {''.join(given_name)}") == "Чжун Хунъу"


@pytest.mark.parametrize("characters", ["", "  ", "Hao Peng", "郝鹏x", "郝·鹏"])
def test_from_hanzi_refuses(characters: str) -> None:
    pytest.importorskip("pypinyin")
    with pytest.raises(ValueError, match="Chinese characters"):
        from_hanzi(characters)


def test_from_hanzi_outside_the_table() -> None:
    pytest.importorskip("pypinyin")
    with pytest.raises(ValueError, match="'biang', not a syllable of the Palladius table"):
        from_hanzi("\U00030ede")  # 𰻞 biang (as in biangbiang noodles): not in the table


def test_from_hanzi_without_pypinyin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypinyin", None)
    with pytest.raises(MissingExtraError, match=r"pypinyin is needed .*povmodel\[zh\]") as caught:
        from_hanzi("郝鹏")
    assert caught.value.extra == "zh"
    assert isinstance(caught.value, ImportError)


@pytest.mark.parametrize(
    ("latin", "hanzi", "expected"),
    [
        ("Hao Peng", "郝鹏", "Хао Пэн"),
        ("' Hao", "郝", "' Hao"),  # a word of an apostrophe alone spells no syllable: kept as written
        ("’ Hao", "郝", "’ Hao"),
        ("Hao '", "郝", "Hao '"),
        ("John Smith", "郝鹏", "John Smith"),
    ],
)
def test_names_in_cyrillic(latin: str, hanzi: str, expected: str) -> None:
    pytest.importorskip("pypinyin")
    assert _names.cyrillic(latin, hanzi) == expected


@given(st.text(alphabet="HaoPengZhu '’-.\u0301", max_size=20), st.sampled_from(["郝鹏", "郝", "钟宏武", None]))
def test_a_name_is_transcribed_or_kept_never_an_error(latin: str, hanzi: str | None) -> None:
    # Found by the pipeline's property test: "' Hao" with 郝 raised a ValueError from an empty word.
    assert isinstance(_names.cyrillic(latin, hanzi), str)

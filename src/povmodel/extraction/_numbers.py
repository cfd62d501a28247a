"""Numbers as reports write them: ``14.7 billion``, ``279,700``, ``two``, ``26.58亿``, ``一千四百``.

Every reader here is bounded: a run of more than `MAX_DIGITS` digits (or of more
than `MAX_NUMERAL` Chinese numeral characters) is not read as a number, so that
no input, however long, costs more than linear time. Chinese numerals are read by
``cn2an`` (the ``extract`` extra), imported on first use.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from types import ModuleType
from typing import Final

from povmodel.core.errors import MissingExtraError
from povmodel.core.quantity import EXACT
from povmodel.extraction import _lexicon

__all__ = [
    "ARABIC",
    "EN_SCALE",
    "MAX_DIGITS",
    "MAX_NUMERAL",
    "ZH_DIGITS",
    "ZH_NUMERAL",
    "ZH_SCALES",
    "arabic",
    "chinese_numeral",
    "cn2an",
    "english_words",
    "plain",
    "scaled",
    "values_in",
]

MAX_DIGITS: Final = 24
"""The most digits a figure may have; longer runs are no figures (``Quantity`` files allow 24)."""

MAX_NUMERAL: Final = 20
"""The most characters of a Chinese numeral (``五十六万七千八百九十一`` has 11)."""

ARABIC: Final = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])"
"""Digits, grouped by commas or not, with an optional decimal part; unambiguous, so it never backtracks."""

ZH_DIGITS: Final = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖廿"
ZH_SCALES: Final = {"十": 1, "拾": 1, "百": 2, "佰": 2, "千": 3, "仟": 3, "万": 4, "亿": 8}
_ZH_CHARS: Final = ZH_DIGITS + "".join(ZH_SCALES)
ZH_NUMERAL: Final = (
    rf"(?<![{_ZH_CHARS}])[{_ZH_CHARS}]{{1,{MAX_NUMERAL}}}(?![{_ZH_CHARS}])(?:点[{ZH_DIGITS}]{{1,12}}(?![{ZH_DIGITS}]))?"
)
"""A run of Chinese numeral characters, with an optional decimal part after 点."""

EN_SCALE: Final = r"(?:\s+|\s*-\s*)(hundred|thousand|million|billion|trillion)\b"

_ZH_DIGIT_VALUES: Final = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip


def plain(value: Decimal) -> Decimal:
    """The value without exponent or trailing zeros: ``1.47E+10`` → ``14700000000``, ``0.60`` → ``0.6``.

    Examples:
        >>> plain(Decimal("1.47E+10")), plain(Decimal("0.60"))
        (Decimal('14700000000'), Decimal('0.6'))
    """
    if value == value.to_integral_value(context=EXACT):
        return Decimal(int(value))
    return value.normalize(context=EXACT)


def scaled(value: Decimal, exponent: int) -> Decimal:
    """``value`` × 10**``exponent``, exactly, in plain form."""
    return plain(value.scaleb(exponent, context=EXACT))


def arabic(text: str) -> Decimal | None:
    """The value of digits as written (``"279,700"``, ``"14.7"``), or ``None`` past `MAX_DIGITS`.

    Examples:
        >>> arabic("279,700"), arabic("9" * 30)
        (Decimal('279700'), None)
    """
    digits = text.replace(",", "")
    whole = digits.partition(".")[0]
    if len(whole) > MAX_DIGITS or len(digits) > 2 * MAX_DIGITS:
        return None
    return plain(Decimal(digits))


def english_words(words: str) -> int | None:
    """The value of English number words (``"twenty-five thousand"``), or ``None``.

    Examples:
        >>> english_words("two hundred and fifty thousand"), english_words("three")
        (250000, 3)
    """
    lexicon = _lexicon.english()
    total = current = 0
    seen = False
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("", "and"):
            continue
        if word in lexicon.number_words:
            current += lexicon.number_words[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in lexicon.scales:
            total += (current or 1) * lexicon.scales[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def cn2an() -> ModuleType:
    """The ``cn2an`` module; `MissingExtraError` naming the ``extract`` extra when it is missing."""
    try:
        import cn2an as module  # type: ignore[import-untyped]  # the extract extra; no type hints
    except ImportError as error:
        raise MissingExtraError("extract", "cn2an") from error
    assert isinstance(module, ModuleType)
    return module


def chinese_numeral(text: str) -> Decimal | None:
    """The value of a Chinese numeral (``一千四百``, ``两万``, ``二十六点五八``), or ``None``.

    A numeral of scale characters alone (``千亿``, ``万``) reads as one of them:
    ``近千亿元`` is nearly 100 billion yuan.

    Examples:
        >>> chinese_numeral("一千四百"), chinese_numeral("二十六点五八"), chinese_numeral("千亿")
        (Decimal('1400'), Decimal('26.58'), Decimal('100000000000'))
    """
    whole, _, fraction = text.partition("点")
    if not whole or len(whole) > MAX_NUMERAL:
        return None
    if all(char in ZH_SCALES for char in whole):
        whole = "一" + whole
    try:
        value = cn2an().cn2an(whole, "normal")
    except (ValueError, KeyError):  # cn2an's answers to what is no numeral
        return None
    if not isinstance(value, int) or value < 0:
        return None
    if fraction:
        return plain(Decimal(f"{value}.{''.join(str(_ZH_DIGIT_VALUES[char]) for char in fraction)}"))
    return Decimal(value)


_EN_WORD_NUMBER: Final = (
    r"\b(?:{words})(?:(?:[\s-]+|\s+and\s+)(?:{words}|hundred|thousand|million|billion|trillion)){{0,8}}\b"
)
_VALUES: Final = re.compile(
    rf"(?P<arabic>{ARABIC})(?P<en_scale>(?:{EN_SCALE}){{0,2}})(?P<zh_scale>[十百千万亿]{{0,3}})"
    rf"|(?P<zh>{ZH_NUMERAL})(?P<zh_after>[十百千万亿]{{0,3}})",
)


@functools.cache
def _en_words_pattern() -> re.Pattern[str]:
    words = "|".join(sorted(_lexicon.english().number_words, key=len, reverse=True))
    return re.compile(_EN_WORD_NUMBER.format(words=words), re.IGNORECASE)


def values_in(text: str) -> frozenset[Decimal]:
    """Every value that ``text`` writes, in any of the ways English or Chinese write numbers.

    ``2.658 billion``, ``26.58亿`` and ``2,658,000,000`` all give 2658000000;
    ``10,000``, ``1万`` and ``ten thousand`` give 10000.

    Examples:
        >>> sorted(values_in("2.658 billion yuan, 26.58亿元, 1万余名 and ten thousand people"))
        [Decimal('10000'), Decimal('2658000000')]
    """
    found: set[Decimal] = set()
    scales = _lexicon.english().scales
    for match in _VALUES.finditer(text):
        if match["arabic"] is not None:
            value = arabic(match["arabic"])
            exponent = sum(len(str(scales[word.lower()])) - 1 for word in re.findall(r"[A-Za-z]+", match["en_scale"]))
            exponent += sum(ZH_SCALES[char] for char in match["zh_scale"])
        else:
            value = chinese_numeral(match["zh"])
            exponent = sum(ZH_SCALES[char] for char in match["zh_after"])
        if value is not None:
            found.add(scaled(value, exponent))
    for match in _en_words_pattern().finditer(text):
        words = english_words(match[0])
        if words is not None:
            found.add(Decimal(words))
    return frozenset(found)

"""English figures: "nearly 100 billion yuan", "more than 3,300 rural leading enterprises", "two round-table dialogues".

The rules, in the order they apply to each number of a sentence:

1. Not figures: a number inside a period ("since 2016"); a year (four digits
   from 1900 to 2099, without a comma, after "in", "since", "of", … or followed by
   no counted noun); a date ("October 16"); a time ("5 p.m."); an ordinal
   ("third", "19th"); a label ("No. 1", "Article 3", "COVID-19"); a compound
   adjective ("three-year", "5-year"); a list number ("1." or "(1)" opening a
   sentence); a number word without a counted noun, and "one" alone.
2. The value: digits or number words, times a scale word ("billion").
3. The unit: a currency sign before or word after ("$", "yuan"), percent,
   a unit of measure ("mu", "tons"), or the counted noun after the number
   (a noun phrase ending in a plural noun: "industrial poverty alleviation
   projects"), singular, with people of every kind counted as ``person``.
4. The qualifier: a phrase just before ("more than", "nearly", "a total of")
   or after ("or more").
5. The role: a sum in brackets after another sum is a ``conversion``; a
   figure followed by "more than last year" or after "an increase of" is a
   ``difference``; a percentage after "or", "accounting for" or in brackets, or
   followed by "of" and another figure, is a ``share``.
6. A count whose noun the text leaves out ("the remaining 27", "more than
   1,400 have been donated. Hospitals …") takes the noun of the next sentence
   when a machine translation has cut a noun phrase off into it, else the noun
   of "…, or 90 percent of the 246 counties", else of "the number of poor
   counties fell from 832 to 52", else the last counted noun of the sentence,
   else the unit ``item``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

import attrs

from povmodel.core.quantity import Qualifier
from povmodel.extraction import _lexicon
from povmodel.extraction._english_nouns import count_noun, cut_off_noun, money_noun, number_of_noun, of_noun
from povmodel.extraction._figure import FigureRole, Raw
from povmodel.extraction._numbers import ARABIC, EN_SCALE, arabic, english_words, scaled
from povmodel.extraction._periods import Mention, Spans
from povmodel.extraction._sentences import Sentence

__all__ = ["read"]

_WINDOW: Final = 64
"""Characters looked at before a number; after it, regular expressions match at a position and stop early."""

_QUALIFIER_WORDS: Final = (
    r"(?:about|around|nearly|almost|some|approximately|roughly|over|under|more\s+than|less\s+than)"
)
_I: Final = re.IGNORECASE


def _alternation(phrases: Sequence[str]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in ordered)


@attrs.frozen
class _Patterns:
    number: re.Pattern[str]
    scale: re.Pattern[str]
    currency_before: re.Pattern[str]
    currency_after: re.Pattern[str]
    percent: re.Pattern[str]
    points: re.Pattern[str]
    measure: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    qualifier_after: re.Pattern[str]
    month_before: re.Pattern[str]
    month_after: re.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    lexicon = _lexicon.english()
    words = _alternation(list(lexicon.number_words))
    scales = "hundred|thousand|million|billion|trillion"
    months = _alternation(list(lexicon.months))
    return _Patterns(
        number=re.compile(
            rf"(?P<digits>{ARABIC})|(?P<words>\b(?:{words})(?:(?:\s*-\s*|\s+(?:and\s+)?)(?:{words}|{scales})){{0,8}}\b)",
            _I,
        ),
        scale=re.compile(rf"{EN_SCALE}(?:\s+(thousand|million|billion))?", _I),
        currency_before=re.compile(rf"(?:{_alternation(list(lexicon.currency_symbols))})\s*$"),
        currency_after=re.compile(rf"\s*(?P<word>{_alternation(list(lexicon.currency_words))})(?![A-Za-z])", _I),
        percent=re.compile(rf"\s*(?:{_alternation(list(lexicon.percent_words))})(?![A-Za-z])", _I),
        points=re.compile(r"\s*percentage\s+points?(?![A-Za-z])", _I),
        measure=re.compile(rf"\s+(?P<word>{_alternation(list(lexicon.measure_units))})(?![A-Za-z-])", _I),
        qualifier_before=re.compile(rf"(?<![A-Za-z])(?P<q>{_alternation(list(lexicon.qualifiers_before))})\s+$", _I),
        qualifier_after=re.compile(rf"\s+(?P<q>{_alternation(list(lexicon.qualifiers_after))})(?![A-Za-z])", _I),
        month_before=re.compile(rf"(?<![A-Za-z])(?:{months})\s*$", _I),
        month_after=re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{months})(?![A-Za-z])", _I),
    )


_TIME_AFTER: Final = re.compile(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock)|:\d", _I)
_LABEL_BEFORE: Final = re.compile(r"([A-Za-z]+\.?)\s*$")
_YEAR_BEFORE: Final = re.compile(
    r"(?:(?<![A-Za-z])(?:since|in|from|by|until|till|to|through|between|and|of|during|year|end|early|late|mid|"
    r"before|after|at|for|the|fiscal|fy|on)\s*|[-–—/]\s*)$",
    _I,
)
_CONVERSION_BEFORE: Final = re.compile(r"\(\s*(?:equivalent\s+to\s+|or\s+)?$", _I)
_DIFFERENCE_AFTER: Final = re.compile(
    rf"\s+(?:more|less|fewer|higher|lower|greater)\s+than\s+(?!{_QUALIFIER_WORDS}?\s*(?:US\$|\$|¥|RMB\s*)?\d)"
    r"|\s+(?:up|down)\s+(?:from|on)\s",
    _I,
)
_DIFFERENCE_BEFORE: Final = re.compile(
    r"(?<![A-Za-z])(?:increase[sd]?|increasing|rise|rose|risen|grew|grown|growth|decrease[sd]?|decline[sd]?|"
    r"declining|drop(?:ped)?|fell|fall(?:en)?|reduction|reduced|cut|jump(?:ed)?|climb(?:ed)?)\s+(?:of|by)\s+$",
    _I,
)
_CHANGE_BEFORE: Final = re.compile(r"(?<![A-Za-z])(?:up|down)\s+(?:by\s+)?$", _I)
_SHARE_BEFORE: Final = re.compile(
    r"(?:(?<![A-Za-z])(?:or|accounting\s+for|accounted\s+for|accounts?\s+for|representing|making\s+up|i\.e\.|"
    r"that\s+is)\s*,?\s*|\(\s*)$",
    _I,
)
_SHARE_AFTER: Final = re.compile(rf"\s+of\s+(?:the\s+|all\s+)?(?:{_QUALIFIER_WORDS}\s+)?\d", _I)


def read(text: str, sentence: Sentence, following: Sentence | None, periods: Sequence[Mention]) -> list[Raw]:
    """The figures of one English sentence, in order."""
    found: list[Raw] = []
    last_count: tuple[str, str] | None = None  # (noun, unit) of the sentence's last count
    spans = Spans(periods)
    for match in _patterns().number.finditer(text, sentence.start, sentence.end):
        if spans.covers(match.start()):
            continue
        raw = _read(text, match, sentence, found[-1] if found else None)
        if raw is None:
            continue
        if raw.unit is None:
            noun = cut_off_noun(text, raw.end, sentence, following)
            noun = noun or number_of_noun(text, max(sentence.start, raw.start - 2 * _WINDOW), raw.start)
            if noun is not None:
                raw.noun, raw.unit = noun
            elif last_count is not None:
                raw.noun, raw.unit = last_count
            else:
                raw.unit = "item"
        elif raw.noun is not None and not is_money_or_percent(raw.unit):
            last_count = (raw.noun, raw.unit)
        found.append(raw)
    return found


def is_money_or_percent(unit: str) -> bool:
    """True for a currency code or ``percent``."""
    return unit.isupper() or unit in ("percent", "percentage-point")


def _read(text: str, match: re.Match[str], sentence: Sentence, previous: Raw | None) -> Raw | None:
    patterns, lexicon = _patterns(), _lexicon.english()
    start, end = match.span()
    limit = sentence.end
    window = max(sentence.start, start - _WINDOW)
    before = text[window:start]
    char_before = text[start - 1] if start > sentence.start else ""
    char_after = text[end] if end < limit else ""
    digits: str = match["digits"] or ""
    if digits:
        if char_before.isalpha() or char_after.isalpha() or (char_before == "-" and before[-2:-1].isalpha()):
            return None  # G20, 19th, 5G, COVID-19
        if (start == sentence.start and char_after in ".)") or (char_before == "(" and char_after == ")"):
            return None  # a list number
        value = arabic(digits)
    else:
        if _quoted(text, sentence.start, start):
            return None  # “two no worries and three guarantees”
        number = english_words(match["words"])
        value = None if number is None or match["words"].lower() == "one" else Decimal(number)
    if value is None or _names_something(text, before, end, limit, patterns, lexicon):
        return None
    position = end
    scale = patterns.scale.match(text, position, limit)
    if scale is not None:
        exponent = sum(len(str(lexicon.scales[word.lower()])) - 1 for word in scale.groups() if word)
        value, position = scaled(value, exponent), scale.end()
    if text.startswith("-", position) and text[position + 1 : position + 2].isalpha():
        return None  # three-year, 5-year
    year = scale is None and _looks_like_year(digits)
    if year and _YEAR_BEFORE.search(before):
        return None  # "the 2020 targets", "October 16, 2020"
    unit: str | None = None
    noun: str | None = None
    role = FigureRole.MAIN
    first = start
    prefix = patterns.currency_before.search(before)
    if prefix is not None:
        unit = lexicon.currency_symbols[prefix[0].strip()]
        before, first = before[: prefix.start()], window + prefix.start()
    currency = patterns.currency_after.match(text, position, limit)
    if currency is not None:
        unit = lexicon.currency_words[re.sub(r"\s+", " ", currency["word"].lower())]
        position = currency.end()
    if unit is None and (points := patterns.points.match(text, position, limit)) is not None:
        unit, role, position = "percentage-point", FigureRole.DIFFERENCE, points.end()
    elif unit is None and (percent := patterns.percent.match(text, position, limit)) is not None:
        unit, position = "percent", percent.end()
    elif unit is None and (measure := patterns.measure.match(text, position, limit)) is not None:
        unit, position = lexicon.measure_units[re.sub(r"\s+", " ", measure["word"].lower())], measure.end()
    noun_end = position
    if unit is None:
        phrase = count_noun(text, position, limit)
        if phrase is not None:
            noun, unit, noun_end = phrase
            if not unit:
                return None  # three years, two times
        elif not digits or year:
            return None  # a number word counts nothing; a year
    elif unit.isupper():
        noun = money_noun(text, position, limit, patterns.qualifier_before.sub("", before))
    elif unit == "percent" or unit in lexicon.measure_units.values():
        noun = of_noun(text, position, limit)  # "90 percent of poor households", "1,200 km of rural roads"
    qualifier = Qualifier.EXACT
    found = patterns.qualifier_before.search(before)
    if found is not None:
        qualifier = lexicon.qualifiers_before[re.sub(r"\s+", " ", found["q"].lower())]
        before, first = before[: found.start()], window + found.start()
    after = patterns.qualifier_after.match(text, position, limit)
    after = after or patterns.qualifier_after.match(text, noun_end, limit)
    if after is not None and qualifier is Qualifier.EXACT:
        qualifier = lexicon.qualifiers_after[re.sub(r"\s+", " ", after["q"].lower())]
    role = _role(text, role, unit, before, position, noun_end, limit, previous)
    return Raw(start=first, end=position, value=value, unit=unit, qualifier=qualifier, noun=noun, role=role)


def _names_something(
    text: str, before: str, end: int, limit: int, patterns: _Patterns, lexicon: _lexicon.English
) -> bool:
    if patterns.month_before.search(before) or patterns.month_after.match(text, end, limit):
        return True  # a date
    if _TIME_AFTER.match(text, end, limit):
        return True
    label = _LABEL_BEFORE.search(before)
    return label is not None and (label[1].lower() in lexicon.label_words)


def _quoted(text: str, sentence_start: int, position: int) -> bool:
    window = text[max(sentence_start, position - 200) : position]
    if max(window.rfind("“"), window.rfind("«")) > max(window.rfind("”"), window.rfind("»")):
        return True
    return window.count('"') % 2 == 1


def _looks_like_year(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2099


def _role(
    text: str, role: FigureRole, unit: str | None, before: str, position: int, noun_end: int, limit: int,
    previous: Raw | None,
) -> FigureRole:  # fmt: skip
    if role is not FigureRole.MAIN:
        return role
    money = unit is not None and unit.isupper()
    after_money = previous is not None and previous.unit is not None and previous.unit.isupper()
    if money and after_money and _CONVERSION_BEFORE.search(before) is not None:
        return FigureRole.CONVERSION
    if _DIFFERENCE_AFTER.match(text, noun_end, limit) or _DIFFERENCE_BEFORE.search(before):
        return FigureRole.DIFFERENCE
    if unit == "percent":
        if _CHANGE_BEFORE.search(before):
            return FigureRole.DIFFERENCE
        if _SHARE_BEFORE.search(before) or _SHARE_AFTER.match(text, position, limit):
            return FigureRole.SHARE
    return role

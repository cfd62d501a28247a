"""Periods as reports state them: "since 2016", "in 2017", "last year", "2016年以来", "截至2017年底", "每年".

A `Mention` is where a sentence states a period. It is *leading* when it opens
a clause ("…, since 2016, more than …", "2016年以来…"): when it names years, it
then governs every figure after it in the sentence. It is *fronted* when a comma
follows as well ("Since 2016, …", "2016年以来，…"): it then also governs the
following sentences of the paragraph, until a sentence states a period of its
own. Any other
period governs the next figure of its clause ("由2012年底的10.2%下降至0.6%"), or
the figure it trails ("invested 2.4 billion yuan since 1988").

Relative periods ("last year", "this year", 去年, 今年以来) name years only when
the report's year is known (``year=``); annual ones ("every year", 每年) name
none: their figures have no `Period`, and their wording is kept.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from typing import Final

import attrs

from povmodel.core.model import Period
from povmodel.extraction import _lexicon

__all__ = ["CLAUSE_BREAKS", "Mention", "Spans", "mentions"]

CLAUSE_BREAKS: Final = ",;:，；：、"
"""Characters that end a clause."""

_YEAR: Final = r"(?:19|20)\d\d(?![\d,.]\d|\d)"
_MONTH_WORDS: Final = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_EN: Final = (
    rf"\bsince\s+(?:the\s+(?:end|beginning|start)\s+of\s+|early\s+|late\s+|mid-?\s*)?(?:{_MONTH_WORDS}\s+)?(?P<since>{_YEAR})"
    rf"|\b(?:from|between)\s+(?P<from>{_YEAR})\s+(?:to|and|through|till|until)\s+(?P<to>{_YEAR})"
    rf"|(?<![\d-])(?P<range_a>{_YEAR})\s*[-–—]\s*(?P<range_b>{_YEAR})"
    rf"|\b(?:by|as\s+of|as\s+at|until|till|up\s+to|at)\s+(?:the\s+end\s+of\s+|end-|the\s+close\s+of\s+)"
    rf"(?:{_MONTH_WORDS}\s+)?(?P<by>{_YEAR})"
    rf"|\b(?:by|as\s+of|as\s+at|until|till)\s+(?:{_MONTH_WORDS}\s+)?(?P<by_plain>{_YEAR})"
    rf"|\b(?:in|during|throughout|for)\s+(?:the\s+(?:whole\s+)?(?:year\s+(?:of\s+)?)?)?(?:early\s+|late\s+|mid-?\s*)?"
    r"(?:the\s+(?:first|second|third|fourth|last)\s+(?:half|quarter|three\s+quarters|two\s+quarters)\s+of\s+)?"
    rf"(?:{_MONTH_WORDS}\s+)?(?P<in>{_YEAR})"
    r"|(?<!than )(?<!from )(?<!over )"
    r"\b(?P<relative>last\s+year|this\s+year|the\s+previous\s+year|the\s+same\s+period\s+last\s+year)\b"
    r"|\b(?P<annual>every\s+year|each\s+year|per\s+year|a\s+year(?!-)|annually|per\s+annum)\b"
    r"|\b(?:during\s+|in\s+|over\s+)?the\s+(?P<plan>\w+)\s+Five-Year\s+Plan(?:\s+period)?"
)
_ZH_YEAR: Final = r"(?<!\d)(?:19|20)\d\d(?!\d)"
_ZH: Final = (
    rf"自?(?P<since>{_ZH_YEAR})年(?:以来|来|起|至今)"
    rf"|截至(?:到)?(?P<by>{_ZH_YEAR})年(?:底|末|年底|年末|\d{{1,2}}月(?:底|末|\d{{1,2}}日)?)?"
    rf"|(?P<range_a>{_ZH_YEAR})年?\s*[-—–~至到]\s*(?P<range_b>{_ZH_YEAR})年"
    rf"|(?P<in>{_ZH_YEAR})年(?:全年|度|上半年|下半年|前三季度|一季度)?"
    r"|(?P<relative_since>今年以来|年初以来)"
    r"|(?<![比较同])(?P<relative>去年|上年|今年|当年|本年)"
    r"|(?P<annual>每年度|每年|年均)"
    r"|“?(?P<plan>十[一二三四]五)”?(?:期间|时期|以来)?"
)
_ANCHORS: Final = {
    "en": re.compile(r"(?:19|20)\d\d|year|annually|annum", re.IGNORECASE),
    "zh": re.compile(r"(?:19|20)\d\d|年|十[一二三四]五"),
}
_REACH_BEFORE: Final = 64
_REACH_AFTER: Final = 48
_RELATIVE: Final = {
    "last year": -1, "this year": 0, "the previous year": -1, "the same period last year": -1,
    "去年": -1, "上年": -1, "今年": 0, "当年": 0, "本年": 0,
}  # fmt: skip


class _Skip:
    """What `_period` returns for wording that names no period after all ("2020-2016", "the 9th Five-Year Plan")."""


_SKIP: Final = _Skip()


@attrs.frozen(kw_only=True)
class Mention:
    """A period stated in a sentence.

    Attributes:
        start: where the wording starts in the text.
        end: where it ends.
        text: the wording ("since 2016", "截至2017年底").
        period: the years it names, or ``None`` (annual, or relative without a known year).
        leading: it opens a clause, and governs the figures after it.
        fronted: it opens a clause and a comma follows it ("Since 2016, …",
            "2016年以来，…"): it governs the following sentences of the paragraph too.
        annual: "every year", 每年: it governs its own clause only.
    """

    start: int
    end: int
    text: str
    period: Period | None
    leading: bool
    fronted: bool
    annual: bool


class Spans:
    """The spans of a sentence's periods, to ask in logarithmic time where a position stands."""

    def __init__(self, periods: Sequence[Mention]) -> None:
        self._starts = [mention.start for mention in periods]
        self._ends = [mention.end for mention in periods]

    def covers(self, position: int) -> bool:
        """True when ``position`` is inside a period (the year of "since 2016" is no figure)."""
        index = bisect.bisect_right(self._starts, position) - 1
        return index >= 0 and position < self._ends[index]


@functools.cache
def _pattern(language: str) -> re.Pattern[str]:
    return re.compile(_EN if language == "en" else _ZH, re.IGNORECASE if language == "en" else 0)


def mentions(text: str, start: int, end: int, language: str, year: int | None) -> Iterator[Mention]:
    """The periods that the sentence ``text[start:end]`` states, in order.

    Examples:
        >>> text = "In terms of employment, since 2016, 17,300 laborers were recruited."
        >>> [(m.text, m.period, m.leading) for m in mentions(text, 0, len(text), "en", None)]
        [('since 2016', Period(start_year=2016, end_year=None), True)]
        >>> zh = "截至2017年底，每年投入3000万元"
        >>> [(m.text, m.period, m.leading) for m in mentions(zh, 0, len(zh), "zh", None)]
        [('截至2017年底', Period(start_year=None, end_year=2017), True), ('每年', None, True)]
    """
    pattern = _pattern(language)
    for region_start, region_end in _regions(text, start, end, language):
        for match in pattern.finditer(text, region_start, region_end):
            mention = _mention(match, text, start, language, year)
            if mention is not None:
                yield mention


def _regions(text: str, start: int, end: int, language: str) -> Iterator[tuple[int, int]]:
    """Stretches of the sentence around a year or the word "year" (年): the only places a period can stand.

    Looking for the full pattern only there keeps long texts without years fast;
    every wording of a period starts at most `_REACH_BEFORE` characters before its
    year or "year", and ends at most `_REACH_AFTER` after it.
    """
    current: tuple[int, int] | None = None
    for anchor in _ANCHORS[language].finditer(text, start, end):
        low, high = max(start, anchor.start() - _REACH_BEFORE), min(end, anchor.end() + _REACH_AFTER)
        if current is not None and low <= current[1]:
            current = (current[0], high)
            continue
        if current is not None:
            yield current
        current = (low, high)
    if current is not None:
        yield current


def _mention(match: re.Match[str], text: str, start: int, language: str, year: int | None) -> Mention | None:
    period = _period(match, language, year)
    if isinstance(period, _Skip):
        return None
    leading = _opens_clause(text, start, match.start())
    return Mention(
        start=match.start(),
        end=match.end(),
        text=match[0],
        period=period,
        leading=leading,
        fronted=leading and text[match.end() : match.end() + 1] in CLAUSE_BREAKS,
        annual=match["annual"] is not None,
    )


def _opens_clause(text: str, sentence_start: int, position: int) -> bool:
    window_start = max(sentence_start, position - 16)
    before = text[window_start:position].rstrip()
    if before:
        return before[-1] in CLAUSE_BREAKS
    return window_start == sentence_start


def _period(match: re.Match[str], language: str, year: int | None) -> Period | _Skip | None:
    groups = {name: value for name, value in match.groupdict().items() if value is not None}
    if "since" in groups:
        return Period(start_year=int(groups["since"]))
    if "from" in groups or "range_a" in groups:
        first = int(groups.get("from") or groups["range_a"])
        last = int(groups.get("to") or groups["range_b"])
        return Period(start_year=first, end_year=last) if first <= last else _SKIP
    if "by" in groups or "by_plain" in groups:
        return Period(end_year=int(groups.get("by") or groups["by_plain"]))
    if "in" in groups:
        return Period(start_year=int(groups["in"]), end_year=int(groups["in"]))
    if "plan" in groups:
        plans = (_lexicon.english() if language == "en" else _lexicon.chinese()).five_year_plans
        span = plans.get(groups["plan"].lower())
        return _SKIP if span is None else Period(start_year=span[0], end_year=span[1])
    if "relative_since" in groups:
        return None if year is None else Period(start_year=year)
    if "relative" in groups:
        if year is None:
            return None
        offset = _RELATIVE[re.sub(r"\s+", " ", groups["relative"].lower())]
        return Period(start_year=year + offset, end_year=year + offset)
    return None  # annual

"""Chinese figures: 近千亿元, 26.58亿元, 27.97万名, 超过8000个, 900多家, 1500余个, 约占42%, 一千四百所.

The rules, for each number of a sentence (Arabic digits, or Chinese numerals read
by ``cn2an``):

1. Not figures: a number before 年, 月, 日, 岁, 倍, 期, 届, 个月 … (years, dates,
   durations, multiples, phases); after 第 (an ordinal: 第七个); inside a set
   phrase of the lexicon (两不愁三保障, 五个一批, 十三五); Chinese numerals
   inside quotation marks or book-title marks (slogans and titles); 一 alone (一个,
   一批 are articles, not counts); a bare scale (千, 万) without a qualifier;
   vague amounts (数千, 上万); a number with neither a unit, a classifier nor a
   scale (list numbers, codes).
2. The value: the number, times the scales after it (亿, 万, 千万), on either
   side of 多 or 余 (6亿多元, 3000多万元).
3. The unit: a currency (元, 美元: money in whole units, 26.58亿元 is
   2658000000 CNY), % (percent), 个百分点 (a difference in percentage points),
   or a classifier (个, 家, 所, 名, 人, 户 …), refined by the noun that follows
   (所 + 医院 is a hospital; 名 and 人 always count people).
4. The qualifier, by position: before the number 超过, 逾 (more than), 近,
   不足 (nearly), 约 (about), 不少于 (at least), 达, 累计, 共 (exact); after it
   多, 余 (more than), 以上 (at least), 左右 (about). A character that makes the
   qualifier part of another word (节约, 最近) cancels it.
5. The role: a percentage after 占 is a ``share``; a figure after 比…增加 / 同比
   增长, or a percentage after 增长, 下降, 提高 is a ``difference``; money after
   约合 or in brackets after another sum is a ``conversion``.
6. The noun: after the classifier (援建2700多所学校), else before the figure in
   its clause (选派扶贫干部1万余名, 投入帮扶资金近千亿元), from after the last
   verb to the last noun of the lexicon; else the last counted noun of the
   sentence (其余27个).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Final

from povmodel.core.quantity import Qualifier
from povmodel.extraction import _lexicon, _numbers
from povmodel.extraction._figure import FigureRole, Raw
from povmodel.extraction._numbers import ARABIC, ZH_NUMERAL, ZH_SCALES, arabic, chinese_numeral, scaled
from povmodel.extraction._periods import CLAUSE_BREAKS, Mention, Spans
from povmodel.extraction._sentences import Sentence

__all__ = ["read", "reader"]

_WINDOW: Final = 24
_NUMBER: Final = re.compile(rf"(?P<arabic>{ARABIC})|(?P<zh>{ZH_NUMERAL})")
_SCALE: Final = re.compile(r"[十百千万亿]{1,3}")
_MORE: Final = re.compile(r"多|余(?!额)")
_PERCENT: Final = re.compile(r"\s*[%％]")
_POINTS: Final = re.compile(r"个百分点")
_AFTER: Final = re.compile(r"以上|左右|上下|有余")
_VAGUE_BEFORE: Final = ("数", "上", "成", "几")
_REFINED: Final = "个家所项座处条场间栋套台"
"""Classifiers whose unit the noun refines (所 + 医院 counts hospitals); 名, 人, 户, 人次 … keep their own."""
_NOUN_STARTS_AFTER: Final = "的后"
"""A noun read before a figure starts after the last of these (定点帮扶的贫困县 → 贫困县)."""
_SHARE: Final = re.compile(
    r"(?:(?P<q>约|大约|近|将近|超过|不足|不到)?占(?:比)?[^，。；、]{0,10}?(?:的)?(?:比重)?(?:达到|达|为)?)$"
)
_COMPARED: Final = re.compile(r"(?:比|较|同比|环比)")
_CHANGE: Final = re.compile(r"(?:增加|增长|减少|下降|提高|降低|上升|扩大|缩小|多|少)了?(?:约|近|超过)?$")
_PERCENT_CHANGE: Final = re.compile(r"(?:增长|下降|提高|降低|上升|减少|增加)了?(?:约|近|超过)?$")
_CONVERSION: Final = re.compile(r"(?:[（(](?:约合|折合|合|约|折)?|约合|折合)(?:人民币|美元)?$")
_CURRENCY_BEFORE: Final = re.compile(r"(?:人民币|美元)$")


def reader() -> Callable[[str, Sentence, Sentence | None, Sequence[Mention]], list[Raw]]:
    """The Chinese reader; `MissingExtraError` when ``cn2an`` (the ``extract`` extra) is missing."""
    _numbers.cn2an()
    return read


@functools.cache
def _units() -> re.Pattern[str]:
    lexicon = _lexicon.chinese()
    words = sorted([*lexicon.money_units, *lexicon.classifiers], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


@functools.cache
def _qualifiers() -> re.Pattern[str]:
    words = sorted(_lexicon.chinese().qualifiers_before, key=len, reverse=True)
    return re.compile(rf"(?P<q>{'|'.join(map(re.escape, words))})$")


def read(text: str, sentence: Sentence, following: Sentence | None, periods: Sequence[Mention]) -> list[Raw]:
    """The figures of one Chinese sentence, in order."""
    found: list[Raw] = []
    last_count: tuple[str, str] | None = None
    spans = Spans(periods)
    for match in _NUMBER.finditer(text, sentence.start, sentence.end):
        if spans.covers(match.start()) or (found and match.start() < found[-1].end):
            continue  # a year of a period; the scale of the figure just read (1万余名)
        raw = _read(text, match, sentence, found[-1] if found else None)
        if raw is None:
            continue
        if raw.unit is None:
            raw.noun, raw.unit = last_count if last_count is not None else (None, "item")
        elif raw.noun is None and last_count is not None and raw.unit == last_count[1]:
            raw.noun = last_count[0]  # 从9899万人减少到551万人: the same people
        elif raw.noun is not None and not (raw.unit.isupper() or raw.unit.startswith("percent")):
            last_count = (raw.noun, raw.unit)
        found.append(raw)
    return found


def _read(text: str, match: re.Match[str], sentence: Sentence, previous: Raw | None) -> Raw | None:
    lexicon = _lexicon.chinese()
    start, end, limit = match.start(), match.end(), sentence.end
    window = max(sentence.start, start - _WINDOW, previous.end if previous is not None else 0)
    before = text[window:start]
    if before.endswith("第") or (before[-1:].isascii() and before[-1:].isalpha()):
        return None  # 第七个, G20
    if match["arabic"] is not None:
        value = arabic(match["arabic"])
        numeral = False
    else:
        numeral = True
        run = match["zh"]
        if run == "一" or run.endswith("点") or before.endswith(_VAGUE_BEFORE) or _in_slogan(text, start, end):
            return None
        if _quoted(text, sentence.start, start):
            return None
        value = chinese_numeral(run)
    if value is None:
        return None
    exponent, position, more = 0, end, False
    for step in (_SCALE, _MORE, _SCALE):
        found = step.match(text, position, limit)
        if found is None:
            continue
        if step is _MORE:
            more = True
        else:
            exponent += sum(ZH_SCALES[char] for char in found[0])
        position = found.end()
    bare_scale = numeral and all(char in ZH_SCALES for char in match["zh"])
    if text.startswith(lexicon.not_counted, position) and not _POINTS.match(text, position, limit):
        return None  # 2016年, 3个月, 5倍, 三期
    value = scaled(value, exponent)
    unit: str | None = None
    classifier = ""
    role = FigureRole.MAIN
    currency_before = _CURRENCY_BEFORE.search(before)
    percent_words = before.endswith("百分之")
    if percent_words:
        unit, before = "percent", before[:-3]
    elif (points := _POINTS.match(text, position, limit)) is not None:
        unit, role, position = "percentage-point", FigureRole.DIFFERENCE, points.end()
    elif (percent := _PERCENT.match(text, position, limit)) is not None:
        unit, position = "percent", percent.end()
    elif (word := _units().match(text, position, limit)) is not None:
        classifier, position = word[0], word.end()
        unit = lexicon.money_units.get(classifier) or lexicon.classifiers.get(classifier)
    elif exponent == 0 or numeral:
        return None  # no unit, no classifier, no scale: no figure
    qualifier = Qualifier.MORE_THAN if more else Qualifier.EXACT
    first = start - 3 if percent_words else start
    if currency_before is not None:
        before, first = before[: currency_before.start()], window + currency_before.start()
    share = _SHARE.search(before) if unit == "percent" else None
    if share is not None:
        role, first = FigureRole.SHARE, window + share.start()
        if share["q"]:
            qualifier = lexicon.qualifiers_before[share["q"]]
        before = before[: share.start()]
    elif (found_q := _qualifier(before)) is not None:
        if not more or lexicon.qualifiers_before[found_q[0]] is not Qualifier.EXACT:
            qualifier = lexicon.qualifiers_before[found_q[0]]
        before, first = before[: found_q.start()], window + found_q.start()
    if bare_scale and first == start and not more:
        return None  # 万企帮万村, 千家万户
    after = _AFTER.match(text, position, limit)
    if after is not None:
        qualifier, position = lexicon.qualifiers_after[after[0]], after.end()
    money = unit is not None and unit.isupper()
    role = _role(role, unit, before, previous)
    noun, noun_unit = (None, None)
    if unit is None or not (money or unit.startswith("percent")):
        noun, noun_unit = _noun_after(text, position, limit)
        if noun is None:
            noun, noun_unit = _noun_before(before, money=False)
        if noun_unit is not None and (unit is None or classifier in _REFINED):
            unit = noun_unit
        if unit is None and noun is not None:
            unit = "item"
    elif money and role is not FigureRole.CONVERSION:
        noun, _ = _noun_before(before, money=True)
    return Raw(start=first, end=position, value=value, unit=unit, qualifier=qualifier, noun=noun, role=role)


def _qualifier(before: str) -> re.Match[str] | None:
    found = _qualifiers().search(before)
    if found is None:
        return None
    false_friends = _lexicon.chinese().false_friends.get(found["q"], "")
    if found.start() > 0 and before[found.start() - 1] in false_friends:
        return None  # 节约, 最近
    return found


def _role(role: FigureRole, unit: str | None, before: str, previous: Raw | None) -> FigureRole:
    if role is not FigureRole.MAIN:
        return role
    clause = _clause(before)
    money = unit is not None and unit.isupper()
    after_money = previous is not None and previous.unit is not None and previous.unit.isupper()
    if money and after_money and _CONVERSION.search(before):
        return FigureRole.CONVERSION
    if _COMPARED.search(clause) and _CHANGE.search(before):
        return FigureRole.DIFFERENCE
    if unit == "percent" and _PERCENT_CHANGE.search(before):
        return FigureRole.DIFFERENCE
    return role


def _clause(before: str) -> str:
    cut = max(before.rfind(char) for char in CLAUSE_BREAKS + "。")
    return before[cut + 1 :]


def _in_slogan(text: str, start: int, end: int) -> bool:
    window_start = max(0, start - 8)
    window = text[window_start : end + 8]
    for slogan in _lexicon.chinese().slogans:
        found = window.find(slogan)
        while found != -1:
            if window_start + found < end and window_start + found + len(slogan) > start:
                return True
            found = window.find(slogan, found + 1)
    return False


def _quoted(text: str, sentence_start: int, position: int) -> bool:
    window = text[max(sentence_start, position - 60) : position]
    return window.rfind("“") > window.rfind("”") or window.rfind("《") > window.rfind("》")


def _head(phrase: str, heads: Sequence[str] | dict[str, str]) -> tuple[int, str] | None:
    """The end of the last head word in ``phrase``, and that head (the longest of those ending there)."""
    best: tuple[int, str] | None = None
    for head in heads:
        index = phrase.rfind(head)
        if index == -1:
            continue
        end = index + len(head)
        if best is None or end > best[0] or (end == best[0] and len(head) > len(best[1])):
            best = (end, head)
    return best


def _noun_after(text: str, position: int, limit: int) -> tuple[str | None, str | None]:
    lexicon = _lexicon.chinese()
    window = text[position : min(limit, position + 16)]
    if not window or window.startswith(lexicon.function_starts):
        return None, None
    cut = next((index for index, char in enumerate(window) if char in lexicon.noun_breaks), len(window))
    for verb in lexicon.verbs:
        index = window.find(verb, 1, cut)
        if index != -1:
            cut = index
    phrase = window[:cut]
    head = _head(phrase, lexicon.noun_heads)
    if head is not None:
        return phrase[: head[0]], _unit_of(phrase[: head[0]])
    return (phrase, None) if 2 <= len(phrase) <= 8 else (None, None)


def _unit_of(noun: str) -> str | None:
    """The unit of a noun phrase: of its first head, for coordinated nouns (医院和乡村卫生院 → hospital)."""
    heads = _lexicon.chinese().noun_heads
    first = re.split(r"[和与及、]", noun, maxsplit=1)[0]
    head = _head(first, heads) or _head(noun, heads)
    return None if head is None else heads[head[1]]


def _noun_before(before: str, *, money: bool) -> tuple[str | None, str | None]:
    lexicon = _lexicon.chinese()
    phrase = _clause(before)
    heads: Sequence[str] | dict[str, str] = lexicon.money_heads if money else lexicon.noun_heads
    head = _head(phrase, heads)
    if head is None and not money:
        head = (len(phrase), "")  # no noun of the lexicon: the words after the last verb, if few
    if head is None:
        return None, None
    phrase = phrase[: head[0]]
    start = 0
    for verb in lexicon.verbs:
        index = phrase.rfind(verb, 0, head[0] - len(head[1]) + 1)
        if index != -1:
            start = max(start, index + len(verb))
    for char in _NOUN_STARTS_AFTER:
        start = max(start, phrase.rfind(char, 0, head[0] - len(head[1])) + 1)
    noun = phrase[start:]
    if not head[1] and not (start > 0 and 2 <= len(noun) <= 8):
        return None, None  # without a noun of the lexicon, only the few words after a verb (建成集中安置区)
    while noun.startswith(lexicon.adverbs) and len(noun) > len(head[1]):
        noun = noun[len(next(word for word in lexicon.adverbs if noun.startswith(word))) :]
    return (noun or None), (None if money or not noun else _unit_of(noun))

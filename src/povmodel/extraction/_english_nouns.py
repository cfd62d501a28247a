"""English noun phrases around a figure: what it counts or measures.

A counted noun phrase runs from the word after the number to its first plural
noun ("industrial poverty alleviation projects"), and on through "and"/"or" to
the next plural noun ("rural leading enterprises and rural cooperatives"); a
stop word ("have", "to", "including") ends it first. People of every kind count
as ``person``; other nouns count as their singular.
"""

from __future__ import annotations

import re
from typing import Final

from povmodel.core.quantity import is_unit
from povmodel.extraction import _lexicon
from povmodel.extraction._sentences import Sentence

__all__ = ["count_noun", "cut_off_noun", "money_noun", "number_of_noun", "of_noun", "unit_of"]

_I: Final = re.IGNORECASE
_QUALIFIER_WORDS: Final = (
    r"(?:about|around|nearly|almost|some|approximately|roughly|over|under|more\s+than|less\s+than)"
)
_CUT_OFF: Final = re.compile(r"\s+(?:have|has|had)\s+been\s+[a-z]+\s*[.;]?$")
_AUXILIARY: Final = re.compile(r"\b(?:is|are|was|were|has|have|had|will|been|be)\b", _I)
_OR_SHARE_OF: Final = re.compile(
    rf"\s*,?\s+or\s+(?:{_QUALIFIER_WORDS}\s+)?[\d.]+\s*(?:%|percent|per\s+cent)\s+of\s+(?:the\s+|all\s+)?(?:[\d,]+\s+)?",
    _I,
)
_MONEY_OF: Final = re.compile(r"\s+(?:of|in|for|on)\s+(?:the\s+)?", _I)
_MONEY_PASSIVE: Final = re.compile(
    r"\s+(?:has|have|had|was|were|is|are)\s+(?:been\s+)?(?:[a-z]+ed|spent|built|raised|paid|put|given|lent|sold|"
    r"bought)\s+(?:in|on|for|to|into|as)\s+(?:the\s+)?",
    _I,
)
_NOUN_OF: Final = re.compile(r"(?<![A-Za-z])([A-Za-z][A-Za-z-]+)\s+of\s+$")
_NUMBER_OF: Final = re.compile(r"\bnumber\s+of(?=\s)", _I)
_TOKEN: Final = re.compile(r"\s*([A-Za-z][A-Za-z'’-]*|\S)")


def _words(text: str, position: int, limit: int, count: int) -> list[re.Match[str]]:
    tokens = []
    for _ in range(count):
        token = _TOKEN.match(text, position, limit)
        if token is None or not token[1][0].isalpha():
            break
        tokens.append(token)
        position = token.end()
    return tokens


def _is_plural(word: str, lexicon: _lexicon.English) -> bool:
    if word in lexicon.irregular_plurals or word in lexicon.person_nouns or word in lexicon.measure_units:
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))


def unit_of(word: str) -> str:
    """The unit a counted noun stands for: ``"counties"`` → ``"county"``, ``"cadres"`` → ``"person"``.

    Examples:
        >>> unit_of("counties"), unit_of("Cadres"), unit_of("round-table"), unit_of("tons")
        ('county', 'person', 'round-table', 'tonne')
    """
    lexicon = _lexicon.english()
    word = word.lower().replace("’", "'").rstrip("'")
    if word in lexicon.person_nouns:
        return "person"
    for table in (lexicon.measure_units, lexicon.irregular_plurals):
        if word in table:
            return table[word]
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("ches", "shes", "sses", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    word = re.sub(r"[^a-z-]", "", word).strip("-")
    return word if word and is_unit(word) else "item"


def count_noun(text: str, position: int, limit: int) -> tuple[str, str, int] | None:
    """The counted noun phrase after a number: (phrase, unit, end); unit ``""`` for what is not counted."""
    lexicon = _lexicon.english()
    tokens = _words(text, position, limit, 14)
    if not tokens or not text[position : tokens[0].start(1)].isspace():
        return None
    head: re.Match[str] | None = None
    last = 0
    for index, token in enumerate(tokens[:7]):
        word = token[1].lower()
        if word in lexicon.not_counted and index == 0:
            return "", "", position
        if word in lexicon.noun_stops:
            return None
        if _is_plural(word, lexicon):
            head, last = token, index
            break
    if head is None:
        return None
    if head[1].lower() in lexicon.not_counted:
        return "", "", position
    index = last + 1
    while index + 1 < len(tokens) and tokens[index][1].lower() in ("and", "or"):  # "enterprises and cooperatives"
        extended = None
        for later in range(index + 1, min(len(tokens), index + 5)):
            later_word = tokens[later][1].lower()
            if later_word in lexicon.noun_stops:
                break
            if _is_plural(later_word, lexicon):
                extended = later
                break
        if extended is None:
            break
        last, index = extended, extended + 1
    begin, end = tokens[0].start(1), tokens[last].end(1)
    return text[begin:end], unit_of(head[1]), end


def _free_phrase(text: str, position: int, limit: int) -> str | None:
    """Words up to a stop word, or up to and including a plural noun: "agricultural products", "assistance"."""
    lexicon = _lexicon.english()
    tokens = _words(text, position, limit, 6)
    kept: list[re.Match[str]] = []
    for token in tokens:
        word = token[1].lower()
        if word in lexicon.noun_stops:
            break
        kept.append(token)
        if _is_plural(word, lexicon):
            break
    if not kept:
        return None
    return text[kept[0].start(1) : kept[-1].end(1)]


def money_noun(text: str, position: int, limit: int, before: str) -> str | None:
    """What a sum measures: "yuan of agricultural products", "has been invested in education", "investment of"."""
    for pattern in (_MONEY_OF, _MONEY_PASSIVE):
        found = pattern.match(text, position, limit)
        if found is not None and not text[found.end() : found.end() + 1].isupper():  # not "in Xinjiang"
            phrase = _free_phrase(text, found.end(), limit)
            if phrase is not None:
                return phrase
    noun = _NOUN_OF.search(before)
    if noun is not None and noun[1].lower() not in _lexicon.english().noun_stops:
        return noun[1]
    return None


def of_noun(text: str, position: int, limit: int) -> str | None:
    """The noun after "of": "90 percent of poor households", "1,200 kilometers of rural roads"."""
    found = re.compile(r"\s+of\s+(?:the\s+|all\s+)?(?:[\d,.]+\s+)?", _I).match(text, position, limit)
    return None if found is None else _free_phrase(text, found.end(), limit)


def cut_off_noun(text: str, end: int, sentence: Sentence, following: Sentence | None) -> tuple[str, str] | None:
    """The noun of "1,400 have been donated. Hospitals and …", or of "…, or 90 percent of the 246 counties"."""
    share = _OR_SHARE_OF.match(text, end, sentence.end)
    if share is not None:
        phrase = count_noun(text, share.end() - 1, sentence.end)
        if phrase is not None and phrase[1]:
            return phrase[0], phrase[1]
    if following is None or following.paragraph != sentence.paragraph:
        return None
    if _CUT_OFF.match(text, end, sentence.end) is None:
        return None
    fragment_end = following.start + min(following.end - following.start, 200)
    fragment = re.split(r"[;,.]", text[following.start : fragment_end], maxsplit=1)[0]
    if _AUXILIARY.search(fragment) or not fragment[:1].isupper():
        return None
    phrase = count_noun(text, following.start - 1, following.end) if following.start > 0 else None
    if phrase is None or not phrase[1]:
        return None
    return phrase[0], phrase[1]


def number_of_noun(text: str, start: int, position: int) -> tuple[str, str] | None:
    """The noun of "the number of poor counties dropped from 832 to 52", looked for in ``text[start:position]``."""
    found = None
    for match in _NUMBER_OF.finditer(text, start, position):
        found = match  # the last one
    if found is None:
        return None
    phrase = count_noun(text, found.end(), position)
    return None if phrase is None or not phrase[1] else (phrase[0], phrase[1])

"""Names in the reader's script, and lists of names in the reader's way."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from babel import Locale

from povmodel.presentation import _arabic, _palladius

__all__ = ["LATIN_RUN", "arabic", "cyrillic", "in_script", "join"]

# Spanish writes "e" for "y" before an i sound (i-, hi-, not hie-/hia-), "u" for "o" before o-, ho-.
_SPANISH_E: Final = re.compile(r"^(?:[iíIÍ]|[hH][iíIÍ](?![aeouáéóú]))")
_SPANISH_U: Final = re.compile(r"^(?:[oóOÓ]|[hH][oóOÓ])")
_FSI: Final = "\u2068"
LATIN_RUN: Final = re.compile(r"(?<![{\w])[A-Za-z][A-Za-z'’.\-]*(?: [A-Za-z][A-Za-z'’.\-]*)*(?![}\w])")
"""A run of Latin words (but a ``{placeholder}`` of the data's sentences)."""


def cyrillic(latin: str, hanzi: str | None) -> str:
    """A Chinese name in Cyrillic by the Palladius system; a name that is not pinyin stays as it is.

    Where the characters are known and pypinyin is installed, their syllables
    decide how the pinyin words split (Xian: xian or xi + an).
    """
    aligned = _from_characters(latin, hanzi)
    if aligned is not None:
        return " ".join(_word(parts) for parts in aligned)
    try:
        return _palladius.to_cyrillic(latin)
    except ValueError:
        return latin


def in_script(language: str, latin: str, hanzi: str | None) -> str | None:
    """A Chinese name in pinyin in the script of ``language``'s press, where povmodel has one; else ``None``.

    Russian: Palladius (a name that is not pinyin stays as it is); Arabic: `arabic`.
    """
    if language == "ru":
        return cyrillic(latin, hanzi)
    if language == "ar":
        return arabic(latin, hanzi)
    return None


def arabic(latin: str, hanzi: str | None) -> str | None:
    """A Chinese name in Arabic script (`povmodel.presentation._arabic`); ``None`` for a name that is not pinyin.

    Where the characters are known and pypinyin is installed, their syllables
    decide how the pinyin words split, as for `cyrillic`.
    """
    aligned = _from_characters(latin, hanzi)
    try:
        return _arabic.to_arabic(latin, None if aligned is None else tuple(s for word in aligned for s in word))
    except ValueError:
        return None


def _from_characters(latin: str, hanzi: str | None) -> list[tuple[str, ...]] | None:
    """The syllables of each pinyin word, as the characters read (pypinyin), where they spell the words."""
    if hanzi is None:
        return None
    try:
        syllables = _palladius.from_hanzi(hanzi)
    except (ImportError, ValueError):
        return None
    return _align(latin.split(), syllables)


def _align(words: list[str], syllables: tuple[str, ...]) -> list[tuple[str, ...]] | None:
    """Group ``syllables`` into ``words``, or ``None`` when they do not spell them."""
    grouped: list[tuple[str, ...]] = []
    position = 0
    for word in words:
        target = _plain(word)
        if not target:  # a "word" of apostrophes or marks alone spells no syllable
            return None
        taken: list[str] = []
        while position < len(syllables) and len("".join(taken)) < len(target):
            taken.append(syllables[position])
            position += 1
        if "".join(taken) != target:
            return None
        grouped.append(tuple(taken))
    return grouped if grouped and position == len(syllables) else None


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower().replace("'", "").replace("’", ""))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).replace("u\u0308", "u")


def _word(syllables: tuple[str, ...]) -> str:
    # Each syllable on its own, joined with the system's hard sign where it needs one.
    return _palladius.to_cyrillic("'".join(syllables))


def join(names: list[str], locale: Locale, style: str, end: str | None = None) -> str:
    """Names joined by CLDR's list patterns, with what CLDR leaves out for Spanish and Arabic.

    ``end``, where given, joins the last two of three or more names instead of CLDR's
    pattern ("{0} and {1}": no serial comma).
    """
    if not names:
        return ""
    # CLDR leaves out the patterns a style shares with "standard" (Chinese narrow lists
    # give only "2" and "end"); babel does not resolve that inheritance.
    standard = locale.list_patterns["standard"]
    own = locale.list_patterns.get(style, standard)
    if locale.language == "ar" and style == "standard":
        # CLDR joins every Arabic item with a bare و; the press puts a comma between the
        # items of a longer list, so that names that hold و themselves stay apart.
        own = {"start": "{0}، و{1}", "middle": "{0}، و{1}", "end": "{0}، و{1}", "2": "{0} و{1}"}
    patterns = {key: own[key] if key in own else standard[key] for key in ("start", "middle", "end", "2")}
    if end is not None:
        patterns["end"] = end
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return _apply(patterns["2"], names[0], names[1], locale)
    result = _apply(patterns["end"], names[-2], names[-1], locale)
    for name in reversed(names[1:-2]):
        result = _apply(patterns["middle"], name, result, locale)
    return _apply(patterns["start"], names[0], result, locale)


def _apply(pattern: str, first: str, second: str, locale: Locale) -> str:
    if locale.language == "es":
        if " y {1}" in pattern and _SPANISH_E.match(second):
            pattern = pattern.replace(" y {1}", " e {1}")
        elif " o {1}" in pattern and _SPANISH_U.match(second):
            pattern = pattern.replace(" o {1}", " u {1}")
    elif locale.language == "ar" and "و{1}" in pattern and _latin(second):
        pattern = pattern.replace("و{1}", "و {1}")
    return pattern.format(first, second)


def _latin(text: str) -> bool:
    """True when ``text`` starts with a word in another script than Arabic (digits are not words)."""
    first = text[:1]
    return first == _FSI or (first.isalpha() and not "\u0600" <= first <= "\u06ff")

"""Chinese names from Hanyu Pinyin into Russian Cyrillic by the Palladius system (система Палладия).

The Palladius system is the standard Russian transcription of Mandarin: "Hao Peng" is
"Хао Пэн", "Zhong Hongwu" is "Чжун Хунъу". The Cyrillic form of a syllable is derived
from its initial and its final by the system's rules, not looked up per syllable:

* initials: b б, p п, m м, f ф, d д, t т, n н, l л, g г, k к, h х, j цз, q ц, x с,
  zh чж, ch ч, sh ш, r ж, z цз, c ц, s с;
* finals: a а, e э, ai ай, ei эй, ao ао, ou оу, an ань, en энь, ang ан, eng эн, ong ун,
  i и, ia я, ie е, iao яо, iu ю, ian янь, in инь, iang ян, ing ин, iong юн, u у, ua уа,
  uo о, uai уай, ui уй, uan уань, un унь, uang уан, ü юй, üe юэ, üan юань, ün юнь, er эр;
* contextual rules: i after z, c, s is ы (zi цзы, ci цы, si сы; but zhi чжи, ri жи);
  ü is spelt u after j, q, x, y (ju цзюй, xun сюнь); with no initial, y- syllables take
  the i- or ü- final (ya я, ye е, you ю, yi и, yu юй, yue юэ) and w- syllables write the
  medial u as в (wa ва, wo во, wei вэй, wen вэнь) except wu у; hui is хуэй, the
  system's exception to ui уй (gui гуй, dui дуй).

Inside a word a syllable that ends in н (not нь) is separated by ъ from a following
syllable that starts with a vowel (Chang'an Чанъань, Hongwu Хунъу).

The syllable inventory (the 433 syllables of the published table, see
``tests/data/palladius.tsv``) is used to split words into syllables. Splitting follows
pinyin's own rule that a syllable inside a word starts with a, o or e only after an
apostrophe (Xian is xian, Xi'an is xi + an); a word that has no such split is split
allowing those syllables (Tiananmen is tian + an + men). It takes time linear in the
length of the word, and words over 64 characters are refused.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["from_hanzi", "is_pinyin", "syllable_to_cyrillic", "syllables", "to_cyrillic"]

MAX_WORD_LENGTH = 64
"""Longest word (in characters, tone marks and digits included) that is split into syllables."""

# The syllables of Mandarin, one row per initial ("-" is no initial); each row lists the
# finals as pinyin spells them after that initial. It reproduces the syllables of the
# published Palladius table, rare and interjection syllables included.
_INVENTORY_SPEC = """
-  a ai an ang ao e ei en eng er o ou m n ng
b  a ai an ang ao ei en eng i ian iao ie in ing o u
p  a ai an ang ao ei en eng i ian iang iao ie in ing o ou u
m  a ai an ang ao e ei en eng i ian iao ie in ing iu m o ou u
f  a an ang ei en eng iao o ou u
d  a ai an ang ao e ei en eng i ia ian iang iao ie ing iu ong ou u uan ui un uo
t  a ai an ang ao e ei en eng i ian iang iao ie ing ong ou u uan ui un uo
n  a ai an ang ao e ei en eng i ia ian iang iao ie in ing iu ong ou u ü uan üe un uo
l  a ai an ang ao e ei eng i ia ian iang iao ie in ing iu o ong ou u ü uan üan üe un ün uo
g  a ai an ang ao e ei en eng o ong ou u ua uai uan uang ui un uo
k  a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo
h  a ai an ang ao e ei en eng m ng ong ou u ua uai uan uang ui un uo
j  i ia ian iang iao ie in ing iong iu u uan ue un
q  i ia ian iang iao ie in ing iong iu u uan ue un
x  i ia ian iang iao ie in ing iong iu u uan ue un
zh a ai an ang ao e ei en eng i ong ou u ua uai uan uang ui un uo
ch a ai an ang ao e en eng i ong ou u ua uai uan uang ui un uo
sh a ai an ang ao e ei en eng i ou u ua uai uan uang ui un uo
r  an ang ao e em en eng i ong ou u ua uan ui un uo
z  a ai an ang ao e ei em en eng i ong ou u uan ui un uo
c  a ai an ang ao e ei en eng i ong ou u uan ui un uo
s  a ai an ang ao e ei en eng i ong ou u uan ui un uo
y  a ai an ang ao e i in ing o ong ou u uan ue un
w  a ai an ang ao ei en eng o u
"""


def _parse_inventory(spec: str) -> dict[str, tuple[str, str]]:
    parts: dict[str, tuple[str, str]] = {}
    for line in spec.strip().splitlines():
        initial, *finals = line.split()
        initial = "" if initial == "-" else initial
        for final in finals:
            parts[initial + final] = (initial, final)
    return parts


_PARTS = _parse_inventory(_INVENTORY_SPEC)
"""Every syllable, as pinyin spells it, with its (initial, final as spelt)."""

_MAX_SYLLABLE = max(map(len, _PARTS))
_NASALS = frozenset({"m", "n", "ng", "hm", "hng", "mm"})
"""Interjections without a vowel (嗯 ng, 呣 m, 哼 hng): accepted only as a whole word or apostrophe-delimited part."""


def _other_spellings(syllable: str) -> tuple[str, ...]:
    initial, final = _PARTS[syllable]
    if initial in ("j", "q", "x", "y") and final.startswith("u"):
        return (initial + "ü" + final[1:],)  # jü, qüe, yüan: ü written with its dots where pinyin drops them
    if initial in ("l", "n") and final == "üe":
        return (initial + "ue",)  # lue, nue: common spellings of lüe, nüe, with no other reading
    return ()


_SPELLINGS: dict[str, str] = {alt: s for s in _PARTS for alt in (s, *_other_spellings(s))}
"""Accepted spelling (ü written ü or v) -> the syllable as pinyin spells it."""

_INITIALS = {
    "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л", "g": "г", "k": "к", "h": "х",
    "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч", "sh": "ш", "r": "ж", "z": "цз", "c": "ц", "s": "с",
}  # fmt: skip

_FINALS = {
    # no medial
    "a": "а", "ai": "ай", "an": "ань", "ang": "ан", "ao": "ао",
    "e": "э", "ei": "эй", "em": "эм", "en": "энь", "eng": "эн", "er": "эр",
    "o": "о", "ou": "оу", "ong": "ун",
    # medial i
    "i": "и", "ia": "я", "iai": "яй", "iao": "яо", "ie": "е", "io": "йо", "iu": "ю",
    "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн",
    # medial u, after an initial (with none, see _cyrillic)
    "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан",
    # medial ü
    "ü": "юй", "üe": "юэ", "üan": "юань", "ün": "юнь",
    # syllabic nasals
    "m": "м", "n": "нь", "ng": "н",
}  # fmt: skip

_VOWELS = frozenset("аеёиоуыэюя")
_TONE_MARKS = frozenset("\u0300\u0301\u0304\u030c")  # grave, acute, macron, caron (after NFD)
_DIAERESIS = "\u0308"
_APOSTROPHES = frozenset("'’ʼ‘")
_TONE_NUMBERS = frozenset("012345")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzü")
_SEPARATOR = re.compile(r"(\s+|[-‐])")


def _cyrillic(syllable: str) -> str:
    """Palladius form of a syllable spelt as in ``_PARTS``."""
    initial, final = _PARTS[syllable]
    if initial == "y":  # ya = ia, you = iu, yi = i, yu = ü, yue = üe
        if final.startswith("u"):
            final = "ü" + final[1:]
        elif not final.startswith("i"):
            final = "iu" if final == "ou" else "i" + final
        return _FINALS[final]
    if initial == "w":  # wu = u; otherwise the medial u is written в: wa ва, wo во, wei вэй
        return "у" if final == "u" else "в" + _FINALS[final]
    if initial in ("j", "q", "x") and final.startswith("u"):  # ju = jü
        final = "ü" + final[1:]
    if initial in ("z", "c", "s") and final == "i":  # zi цзы, ci цы, si сы (zhi чжи, ri жи)
        return _INITIALS[initial] + "ы"
    if initial == "h" and final == "ui":  # the exception: hui хуэй (gui гуй, dui дуй)
        return "хуэй"
    return _INITIALS.get(initial, "") + _FINALS[final]


def _chunks(word: str) -> list[str]:
    """Split a word at apostrophes and tone numbers into lower-case toneless letter runs, ü as ü."""
    if len(word) > MAX_WORD_LENGTH:
        raise ValueError(f"{word[:20]!r}... is not a pinyin word: longer than {MAX_WORD_LENGTH} characters")
    text = unicodedata.normalize("NFD", word.lower().replace("u:", "ü"))
    chunks: list[str] = []
    current: list[str] = []
    last = "start"  # what came before: start, letter, digit (tone number) or apostrophe

    def fail(why: str) -> ValueError:
        return ValueError(f"{word!r} is not a pinyin word: {why}")

    for char in text:
        if char in _LETTERS:
            current.append("ü" if char == "v" else char)
            last = "letter"
        elif char in _TONE_MARKS and last == "letter":
            pass
        elif char == _DIAERESIS and last == "letter" and current[-1] == "u":
            current[-1] = "ü"
        elif (char in _TONE_NUMBERS and last == "letter") or (char in _APOSTROPHES and last in ("letter", "digit")):
            if current:
                chunks.append("".join(current))
                current = []
            last = "digit" if char in _TONE_NUMBERS else "apostrophe"
        elif char in _APOSTROPHES or char in _TONE_NUMBERS:
            raise fail(f"misplaced {char!r}")
        elif unicodedata.combining(char):
            raise fail(f"misplaced mark U+{ord(char):04X} {unicodedata.name(char, '')}".rstrip())
        else:
            raise fail(f"unexpected {char!r}")
    if last == "start":
        raise fail("empty")
    if last == "apostrophe":
        raise fail("it ends with an apostrophe")
    if current:
        chunks.append("".join(current))
    return chunks


def _segment(chunk: str) -> tuple[tuple[str, ...] | None, int]:
    """Split a run of letters into syllables; return them (None if it cannot be split) and the steps taken.

    The split has the fewest syllables, the first one as long as possible on ties. A syllable
    inside the run may start with a, o or e only if the run has no split without one.
    Each pass looks at most at ``_MAX_SYLLABLE`` candidates per letter, so the steps are
    at most ``2 * _MAX_SYLLABLE * len(chunk)``.
    """
    size = len(chunk)
    steps = 0
    for strict in (True, False):
        best = [size + 1] * (size + 1)  # fewest syllables that spell chunk[i:]; size + 1 if none
        first = [0] * (size + 1)  # length of the first of them
        best[size] = 0
        for start in range(size - 1, -1, -1):
            for length in range(min(_MAX_SYLLABLE, size - start), 0, -1):
                steps += 1
                rest = best[start + length]
                syllable = _SPELLINGS.get(chunk[start : start + length])
                if (
                    rest > size
                    or syllable is None
                    or (syllable in _NASALS and length != size)
                    or (strict and start > 0 and syllable[0] in "aoe")
                ):
                    continue
                if rest + 1 < best[start]:
                    best[start], first[start] = rest + 1, length
        if best[0] <= size:
            found: list[str] = []
            start = 0
            while start < size:
                found.append(_SPELLINGS[chunk[start : start + first[start]]])
                start += first[start]
            return tuple(found), steps
    return None, steps


def syllables(word: str) -> tuple[str, ...]:
    """Split one pinyin word into its syllables.

    Tone marks (ā á ǎ à, ǖ ǘ ǚ ǜ) and tone numbers (``tian1yun2``) are dropped; ü may be
    written ü, v or u:. An apostrophe, and a tone number, ends a syllable. Inside a
    word a syllable starts with a, o or e only after an apostrophe, as pinyin
    prescribes (``Xian`` is one syllable, ``Xi'an`` two), unless the word has no
    other split (``Tiananmen``).

    Args:
        word: a single word, without spaces or hyphens.

    Returns:
        The syllables, lower case, toneless, spelt as in pinyin (ü as ü: ``lü``, but
        ``ju``, ``yue``).

    Raises:
        ValueError: the word is empty, longer than 64 characters, or not a sequence of
            Mandarin syllables.

    Examples:
        >>> syllables("Tianyun")
        ('tian', 'yun')
        >>> syllables("Xi'an"), syllables("Xian")
        (('xi', 'an'), ('xian',))
        >>> syllables("Lǚ"), syllables("nv3"), syllables("tian1yun2")
        (('lü',), ('nü',), ('tian', 'yun'))
        >>> syllables("Smith")
        Traceback (most recent call last):
        ...
        ValueError: 'Smith' is not a pinyin word: 'smith' is not a sequence of Mandarin syllables
    """
    found: list[str] = []
    for chunk in _chunks(word):
        split, _ = _segment(chunk)
        if split is None:
            raise ValueError(f"{word!r} is not a pinyin word: {chunk!r} is not a sequence of Mandarin syllables")
        found += split
    return tuple(found)


def syllable_to_cyrillic(syllable: str) -> str:
    """The Palladius form of one pinyin syllable.

    Args:
        syllable: one syllable, lower case and toneless (``zhuo``, ``lü``; ``lv`` and a
            tone mark or number are accepted too).

    Returns:
        Its Cyrillic form, lower case.

    Raises:
        ValueError: ``syllable`` is not exactly one Mandarin syllable.

    Examples:
        >>> syllable_to_cyrillic("zhuo"), syllable_to_cyrillic("wo"), syllable_to_cyrillic("hui")
        ('чжо', 'во', 'хуэй')
        >>> syllable_to_cyrillic("zi"), syllable_to_cyrillic("zhi"), syllable_to_cyrillic("ju")
        ('цзы', 'чжи', 'цзюй')
    """
    found = syllables(syllable)
    if len(found) != 1:
        raise ValueError(f"{syllable!r} is not one syllable but {len(found)}: {' '.join(found)}")
    return _cyrillic(found[0])


def _word_to_cyrillic(word: str) -> str:
    text = ""
    for syllable in syllables(word):
        cyrillic = _cyrillic(syllable)
        if text.endswith("н") and cyrillic[0] in _VOWELS:
            text += "ъ"  # Chang'an Чанъань, Hongwu Хунъу (Tianyun Тяньюнь: нь needs none)
        text += cyrillic
    return text[0].upper() + text[1:]


def to_cyrillic(name: str) -> str:
    """A name in pinyin, transcribed into Russian by the Palladius system.

    Args:
        name: words in pinyin separated by spaces or hyphens (``"Hong Tianyun"``,
            ``"Ouyang Xiu"``), with or without tone marks or numbers.

    Returns:
        The Cyrillic words, each capitalised, with the same separators (a run of
        spaces becomes one space).

    Raises:
        ValueError: a word is not pinyin (callers can then keep a non-Chinese name as it is).

    Examples:
        >>> to_cyrillic("Hong Tianyun"), to_cyrillic("Zhong Hongwu"), to_cyrillic("Ouyang Xiu")
        ('Хун Тяньюнь', 'Чжун Хунъу', 'Оуян Сю')
        >>> to_cyrillic("Zhāng Xué-liáng"), to_cyrillic("Chang'an")
        ('Чжан Сюэ-Лян', 'Чанъань')
        >>> to_cyrillic("John Smith")
        Traceback (most recent call last):
        ...
        ValueError: 'John' is not a pinyin word: 'john' is not a sequence of Mandarin syllables
    """
    parts = _SEPARATOR.split(name.strip())
    if parts == [""]:
        raise ValueError("an empty name is not pinyin")
    if "" in parts:
        raise ValueError(f"{name!r} is not a name in pinyin: it has an empty word")
    return "".join(
        ("-" if part in "-‐" else " ") if index % 2 else _word_to_cyrillic(part) for index, part in enumerate(parts)
    )


def is_pinyin(name: str) -> bool:
    """Whether every word of ``name`` splits into Mandarin syllables, so that `to_cyrillic` accepts it.

    Examples:
        >>> is_pinyin("Wang Weidong"), is_pinyin("Xi'an"), is_pinyin("Müller"), is_pinyin("")
        (True, True, False, False)
    """
    try:
        to_cyrillic(name)
    except ValueError:
        return False
    return True


def from_hanzi(characters: str) -> tuple[str, ...]:
    """The syllables of a name written in Chinese characters, read by pypinyin.

    pypinyin reads known words and phrases as a whole, so polyphonic characters are
    read right where pypinyin's dictionaries know them. pypinyin (0.55) has no
    surname mode, though: a polyphonic surname is read with its common reading
    (曾 ceng, not zeng; 单 dan, not shan).

    Args:
        characters: Chinese characters; spaces between them are ignored.

    Returns:
        The syllables, lower case and toneless, ü as ü (as `syllables` returns them).

    Raises:
        MissingExtraError: pypinyin is not installed (``pip install 'povmodel[zh]'``).
        ValueError: ``characters`` holds anything but Chinese characters and spaces, or
            none of them, or one whose reading is not a syllable of the Palladius table.

    Examples:
        >>> from_hanzi("郝鹏"), from_hanzi("钟宏武")
        (('hao', 'peng'), ('zhong', 'hong', 'wu'))
    """
    try:
        from pypinyin import Style, lazy_pinyin
    except ImportError as error:
        from povmodel.core.errors import MissingExtraError

        raise MissingExtraError("zh", "pypinyin") from error

    others: list[str] = []

    def set_aside(text: str) -> str:
        if text.strip():
            others.append(text.strip())
        return ""

    readings = [r for r in lazy_pinyin(characters, style=Style.NORMAL, errors=set_aside, v_to_u=True) if r]
    if others:
        raise ValueError(f"{characters!r} is not a name in Chinese characters: {' '.join(others)!r}")
    if not readings:
        raise ValueError(f"{characters!r} has no Chinese characters")
    unknown = [r for r in readings if r not in _SPELLINGS]
    if unknown:
        raise ValueError(f"{characters!r} reads {' '.join(unknown)!r}, not a syllable of the Palladius table")
    return tuple(_SPELLINGS[r] for r in readings)

"""Chinese names from Hanyu Pinyin into Arabic script, as the Arabic press of China writes them.

There is no official pinyin-to-Arabic standard. The Arabic services of Xinhua, CGTN
and People's Daily write Chinese names one syllable per word, each syllable from its
initial and its final: "Xi Jinping" is "شي جين بينغ", "Li Keqiang" "لي كه تشيانغ",
"Yang Jiechi" "يانغ جيه تشي". This table reproduces that practice; it is tested
against names as those services publish them (``tests/test_arabic.py``), and
docs/summaries.md lists it.

* initials: b ب, p ب, m م, f ف, d د, t ت, n ن, l ل, g ق, k ك, h ه, j ج, q تش, x ش,
  zh تش, ch تش, sh ش, r ر, z تس, c تس, s س;
* finals after an initial: a ا, ai اي, an ان, ang انغ, ao او, e ه, ei ي, en ن, eng نغ,
  o و, ou و, ong ونغ, i ي, ia يا, ian يان, iang يانغ, iao ياو, ie يه, in ين, ing ينغ,
  iong يونغ, iu يو, u و, ua وا, uai واي, uan وان, uang وانغ, ui وي, un ون, uo وه,
  ü يوي, üe يويه, üan يوان, ün يون (ü is spelt u after j, q, x);
* with no initial, a syllable opens with alif: a آ, ai آي, an آن, ang آنغ, ao آو,
  e أه, ei أي, en أن, eng أنغ, er أر, o أو, ou أو; y- and w- are ي and و: yi يي, ya يا,
  ye يه, you يو, yu يو, yue يويه, wu وو, wo وو, wei وي;
* one exception the services keep: he is خه (He Lifeng خه لي فنغ, Liu He ليو خه).
"""

from __future__ import annotations

from typing import Final

from povmodel.presentation import _palladius

__all__ = ["syllable_to_arabic", "to_arabic"]

_INITIALS: Final = {
    "b": "ب", "p": "ب", "m": "م", "f": "ف", "d": "د", "t": "ت", "n": "ن", "l": "ل", "g": "ق", "k": "ك", "h": "ه",
    "j": "ج", "q": "تش", "x": "ش", "zh": "تش", "ch": "تش", "sh": "ش", "r": "ر", "z": "تس", "c": "تس", "s": "س",
}  # fmt: skip

_FINALS: Final = {
    "a": "ا", "ai": "اي", "an": "ان", "ang": "انغ", "ao": "او", "e": "ه", "ei": "ي", "em": "م", "en": "ن",
    "eng": "نغ", "er": "ر", "o": "و", "ou": "و", "ong": "ونغ",
    "i": "ي", "ia": "يا", "iai": "ياي", "iao": "ياو", "ie": "يه", "io": "يو", "iu": "يو", "ian": "يان",
    "in": "ين", "iang": "يانغ", "ing": "ينغ", "iong": "يونغ",
    "u": "و", "ua": "وا", "uo": "وه", "uai": "واي", "ui": "وي", "uan": "وان", "un": "ون", "uang": "وانغ",
    "ü": "يوي", "üe": "يويه", "üan": "يوان", "ün": "يون",
    "m": "م", "n": "ن", "ng": "نغ",
}  # fmt: skip

# With no initial: the vowel opens with alif (madda before a, hamza before e and o).
_OPENING: Final = {
    "a": "آ", "ai": "آي", "an": "آن", "ang": "آنغ", "ao": "آو", "e": "أه", "ei": "أي", "en": "أن", "eng": "أنغ",
    "er": "أر", "o": "أو", "ou": "أو", "m": "م", "n": "ن", "ng": "نغ",
}  # fmt: skip

_Y: Final = {
    "a": "يا", "ai": "ياي", "an": "يان", "ang": "يانغ", "ao": "ياو", "e": "يه", "i": "يي", "in": "ين", "ing": "ينغ",
    "o": "يو", "ong": "يونغ", "ou": "يو", "u": "يو", "uan": "يوان", "ue": "يويه", "un": "يون",
}  # fmt: skip

_W: Final = {
    "a": "وا", "ai": "واي", "an": "وان", "ang": "وانغ", "ao": "واو", "ei": "وي", "en": "ون", "eng": "ونغ", "o": "وو",
    "u": "وو",
}  # fmt: skip


def _arabic(syllable: str) -> str:
    initial, final = _palladius._PARTS[syllable]
    if initial == "":
        return _OPENING[final]
    if initial == "y":
        return _Y[final]
    if initial == "w":
        return _W[final]
    if initial in ("j", "q", "x") and final.startswith("u"):  # ju = jü
        final = "ü" + final[1:]
    if syllable == "he":
        return "خه"
    return _INITIALS[initial] + _FINALS[final]


def syllable_to_arabic(syllable: str) -> str:
    """The Arabic form of one pinyin syllable.

    Raises:
        ValueError: ``syllable`` is not exactly one Mandarin syllable.

    Examples:
        >>> syllable_to_arabic("ping"), syllable_to_arabic("qiang"), syllable_to_arabic("xue")
        ('بينغ', 'تشيانغ', 'شيويه')
    """
    found = _palladius.syllables(syllable)
    if len(found) != 1:
        raise ValueError(f"{syllable!r} is not one syllable but {len(found)}: {' '.join(found)}")
    return _arabic(found[0])


def to_arabic(name: str, syllables: tuple[str, ...] | None = None) -> str:
    """A name in pinyin in Arabic script, one word per syllable (``"Hao Peng"`` → ``"هاو بنغ"``).

    Args:
        name: words in pinyin separated by spaces or hyphens, with or without tones.
        syllables: the name's syllables where they are known (read from its
            characters), which decide how its words split.

    Raises:
        ValueError: a word is not pinyin (callers can then keep a non-Chinese name as it is).

    Examples:
        >>> to_arabic("Xi Jinping"), to_arabic("Zhong Hongwu")
        ('شي جين بينغ', 'تشونغ هونغ وو')
    """
    if syllables is None:
        words = name.replace("-", " ").replace("‐", " ").split()
        if not words:
            raise ValueError("an empty name is not pinyin")
        syllables = tuple(s for word in words for s in _palladius.syllables(word))
    return " ".join(_arabic(s) for s in syllables)

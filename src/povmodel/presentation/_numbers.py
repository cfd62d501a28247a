"""Numbers and figures as reports write them, for one locale: the formatting primitives.

babel (CLDR) supplies digits, grouping, scale words (万, 亿, billion, milliards),
currency names, dates and lists for hundreds of locales. povmodel adds what CLDR
lacks: qualifier words ("more than", 多, 近), counted nouns with their plural
forms and Chinese classifiers (所, 家, 个), and the way reports state money
(``26.58亿元``, ``2.658 billion yuan``). Those words live in gettext catalogues.

Compact forms never silently change a figure: up to three fraction digits are
kept, so that ``27.97万`` stays ``27.97万`` (babel's default would say ``28万``); a
figure that still cannot be shown exactly is rounded and its qualifier becomes
"about". Every computation runs in povmodel's own decimal context, whatever the
caller's is. `povmodel.Formatter` is the public face of all this.
"""

from __future__ import annotations

import decimal
import functools
import re
from decimal import Decimal
from typing import Final, Literal

from babel import Locale
from babel.numbers import (
    format_compact_decimal,
    format_decimal,
    format_scientific,
    get_currency_name,
    get_decimal_symbol,
    get_group_symbol,
)
from babel.support import Translations

from povmodel.core.quantity import Qualifier, is_currency
from povmodel.presentation._cache import BoundedCache

__all__ = ["CONTEXT", "PERIODS", "figure", "is_hostile", "number"]

# -- message markers ---------------------------------------------------------------
# These only mark strings for babel's extractor (see babel.cfg); the lookups happen
# at run time in the reader's catalogue.


def _m(message: str) -> str:
    return message


def _mp(context: str, message: str) -> tuple[str, str]:
    return context, message


def _mn(singular: str, plural: str) -> tuple[str, str]:
    return singular, plural


def _mnp(context: str, singular: str, plural: str) -> tuple[str, str, str]:
    return context, singular, plural


_QUALIFIERS: Final[dict[Qualifier, str | None]] = {
    Qualifier.EXACT: None,
    Qualifier.MORE_THAN: _m("more than %(number)s"),
    Qualifier.AT_LEAST: _m("at least %(number)s"),
    Qualifier.NEARLY: _m("nearly %(number)s"),
    Qualifier.ABOUT: _m("about %(number)s"),
}

# A counted noun has three messages: after a plain number ("2,700 schools"), after a
# scale word ("2.658 billion yuan"; French and Spanish then need "de", Russian and
# Arabic another case), and after a qualifier that governs the genitive (Russian
# "более 21 уезда"; see _CASES). Chinese messages carry the classifier (所, 家, 个).
_COUNTED: Final[dict[str, tuple[tuple[str, str], tuple[str, str, str], tuple[str, str, str]]]] = {
    "CNY": (
        _mn("%(number)s yuan", "%(number)s yuan"),
        _mnp("after a scale word", "%(number)s yuan", "%(number)s yuan"),
        _mnp("in the genitive, after a qualifier", "%(number)s yuan", "%(number)s yuan"),
    ),
    "person": (
        _mn("%(number)s person", "%(number)s people"),
        _mnp("after a scale word", "%(number)s person", "%(number)s people"),
        _mnp("in the genitive, after a qualifier", "%(number)s person", "%(number)s people"),
    ),
    "county": (
        _mn("%(number)s county", "%(number)s counties"),
        _mnp("after a scale word", "%(number)s county", "%(number)s counties"),
        _mnp("in the genitive, after a qualifier", "%(number)s county", "%(number)s counties"),
    ),
    "village": (
        _mn("%(number)s village", "%(number)s villages"),
        _mnp("after a scale word", "%(number)s village", "%(number)s villages"),
        _mnp("in the genitive, after a qualifier", "%(number)s village", "%(number)s villages"),
    ),
    "project": (
        _mn("%(number)s project", "%(number)s projects"),
        _mnp("after a scale word", "%(number)s project", "%(number)s projects"),
        _mnp("in the genitive, after a qualifier", "%(number)s project", "%(number)s projects"),
    ),
    "enterprise": (
        _mn("%(number)s enterprise", "%(number)s enterprises"),
        _mnp("after a scale word", "%(number)s enterprise", "%(number)s enterprises"),
        _mnp("in the genitive, after a qualifier", "%(number)s enterprise", "%(number)s enterprises"),
    ),
    "school": (
        _mn("%(number)s school", "%(number)s schools"),
        _mnp("after a scale word", "%(number)s school", "%(number)s schools"),
        _mnp("in the genitive, after a qualifier", "%(number)s school", "%(number)s schools"),
    ),
    "hospital": (
        _mn("%(number)s hospital", "%(number)s hospitals"),
        _mnp("after a scale word", "%(number)s hospital", "%(number)s hospitals"),
        _mnp("in the genitive, after a qualifier", "%(number)s hospital", "%(number)s hospitals"),
    ),
}
# A translator's switch per qualifier: "genitive" where the language puts the counted
# noun in the genitive after it (Russian: более, не менее, около), else "plain".
_CASES: Final[dict[Qualifier, tuple[str, str]]] = {
    Qualifier.MORE_THAN: _mp("case of the noun after this qualifier: plain or genitive", "more than"),
    Qualifier.AT_LEAST: _mp("case of the noun after this qualifier: plain or genitive", "at least"),
    Qualifier.NEARLY: _mp("case of the noun after this qualifier: plain or genitive", "nearly"),
    Qualifier.ABOUT: _mp("case of the noun after this qualifier: plain or genitive", "about"),
}
# "More than" before a number with decimals: Chinese writes 超过45.78亿元, never 45.78亿多元.
_MORE_THAN_DECIMALS: Final = _mp("before a number with decimals", "more than %(number)s")
_CURRENCY: Final = (
    _m("%(number)s %(currency)s"),
    _mp("after a scale word", "%(number)s %(currency)s"),
)
_OTHER_UNIT: Final = _m("%(number)s %(unit)s")
# A translator's switch: the words for one to nine, where the press writes a small
# count in words ("eight counties"); "none" keeps the digits. Money keeps its digits.
_SMALL_NUMBERS: Final = _mp(
    "the numbers one to nine as words, separated by |; none to keep digits",
    "one|two|three|four|five|six|seven|eight|nine",
)

PERIODS: Final = {
    "since": _m("since %(year)s"),
    "until": _m("until %(year)s"),
    "in": _m("in %(year)s"),
    "range": _m("from %(start)s to %(end)s"),
}
"""The sentences of a period: from a year on, up to a year, one year, from one year to another."""

# Figures beyond these sizes are shown in scientific notation, so that a hostile
# value (1E+999999, a 10,000-digit fraction) cannot produce an enormous string.
_MAX_DIGITS: Final = 40
_MAX_EXPONENT: Final = 24
_MIN_EXPONENT: Final = -12
_COMPACT_DIGITS: Final = 3
_SCIENTIFIC_DIGITS: Final = 15
_ALL_DIGITS: Final = _MAX_DIGITS - _MIN_EXPONENT + 1  # enough for any non-hostile value, scaled
CONTEXT: Final = decimal.Context(
    prec=1000, rounding=decimal.ROUND_HALF_EVEN, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN
)
"""The decimal context povmodel formats in: enough digits for every figure it shows in full."""
_WESTERN_COMPACT_FROM: Final = Decimal(10**6)


# -- numbers -----------------------------------------------------------------------


@functools.lru_cache(maxsize=256)
def _counts_in_myriads(locale: Locale) -> bool:
    """True for locales whose scale words go by 10,000 (万, 億, 만)."""
    patterns = locale.compact_decimal_formats["short"]["other"]
    return bool(patterns["1000"].pattern.strip() == "0" and patterns["10000"].pattern.strip() != "0")


def is_hostile(value: Decimal) -> bool:
    """True for a value too long or too large to show in full: it is shown in scientific notation."""
    if value.is_zero():
        return False
    return (
        len(value.as_tuple().digits) > _MAX_DIGITS
        or value.adjusted() > _MAX_EXPONENT
        or value.adjusted() < _MIN_EXPONENT
    )


def _scientific(value: Decimal, locale: Locale) -> tuple[str, bool]:
    """Scientific notation with up to 15 significant digits: ``(text, exact)``."""
    digits = len(value.normalize().as_tuple().digits)
    shown = min(digits, _SCIENTIFIC_DIGITS)
    pattern = "0." + "#" * (shown - 1) + "E0" if shown > 1 else "0E0"
    return format_scientific(value, pattern, locale=locale), digits <= _SCIENTIFIC_DIGITS


# Languages whose typography groups digits only from five digits on (CLDR's
# minimumGroupingDigits 2, which babel does not apply): Spanish and Russian write 8000
# but 10 000.
_GROUPS_FROM_FIVE_DIGITS: Final = frozenset({"ar", "es", "ru", "pl", "pt"})
# Languages whose press counts large sums in millions only: Spanish writes
# "14.700 millones", not "14,7 mil millones".
_MILLIONS_ONLY: Final = frozenset({"es"})
# Languages whose press abbreviates scale words: Russian writes "2,658 млрд юаней".
_SHORT_SCALE_WORDS: Final = frozenset({"ru"})
# Arabic counts in thousands from 10,000 on (and round thousands from 3,000 on), with
# the plural آلاف after 3 to 10 and the singular ألف after 11 or more: CLDR's
# compact patterns write "10 ألف" and "2 ألف", which the Arabic press does not.
_ARABIC_THOUSANDS_FROM: Final = Decimal(10_000)
_ARABIC_ROUND_THOUSANDS_FROM: Final = Decimal(3_000)


def number(value: Decimal, locale: Locale, compact: bool) -> tuple[str, bool, bool]:
    """Format ``value``: ``(text, after_scale_word, exact)``, in povmodel's decimal context."""
    if value.is_zero():
        value = abs(value)  # never "-0"
    # babel rounds in the current (thread-local) decimal context: give it room for every
    # digit, whatever context the caller set.
    with decimal.localcontext(CONTEXT):
        if is_hostile(value):
            text, exact = _scientific(value, locale)
            return text, False, exact
        myriads = _counts_in_myriads(locale)
        if compact and locale.language == "ar" and value < _WESTERN_COMPACT_FROM:
            thousands = _arabic_thousands(value, locale)
            if thousands is not None:
                return thousands, True, True
        if not compact or (not myriads and value < _WESTERN_COMPACT_FROM):
            return _grouped(format_decimal(value, locale=locale, decimal_quantization=False), locale), False, True
        if locale.language in _MILLIONS_ONLY:
            return _in_millions(value, locale)
        short = myriads or locale.language in _SHORT_SCALE_WORDS
        style: Literal["short", "long"] = "short" if short else "long"
        # babel drops trailing zeros, so the text equals the one with every digit
        # exactly when three fraction digits suffice.
        text = format_compact_decimal(value, format_type=style, locale=locale, fraction_digits=_COMPACT_DIGITS)
        full = format_compact_decimal(value, format_type=style, locale=locale, fraction_digits=_ALL_DIGITS)
        exact = text == full
        if locale.language == "fr":
            text = text.replace(" ", "\xa0")  # French never breaks a line inside "100 milliards"
        return _grouped(text, locale), any(char.isalpha() for char in text), exact


def _arabic_thousands(value: Decimal, locale: Locale) -> str | None:
    """``value`` in thousands as the Arabic press writes it ("10 آلاف", "279.7 ألف"), where it is exact."""
    thousands = value.scaleb(-3)
    whole = thousands == thousands.to_integral_value()
    if value < _ARABIC_ROUND_THOUSANDS_FROM or (value < _ARABIC_THOUSANDS_FROM and not whole):
        return None
    shown = thousands.quantize(Decimal("0.1")).normalize()
    if shown != thousands or value < 0:
        return None
    word = "آلاف" if whole and 3 <= thousands <= 10 else "ألف"
    return f"{format_decimal(shown, locale=locale, decimal_quantization=False)} {word}"


def _grouped(text: str, locale: Locale) -> str:
    """``text`` without the group separator of a four-digit integer, where the language writes 8000."""
    if locale.language not in _GROUPS_FROM_FIVE_DIGITS:
        return text
    group = re.escape(get_group_symbol(locale))
    return re.sub(rf"(?<![\d{group}])(\d){group}(\d{{3}})(?![\d])(?!{group}\d)", r"\1\2", text)


def _in_millions(value: Decimal, locale: Locale) -> tuple[str, bool, bool]:
    millions = value.scaleb(-6)
    shown = millions.quantize(Decimal(1).scaleb(-_COMPACT_DIGITS)).normalize()
    digits = _grouped(format_decimal(shown, locale=locale, decimal_quantization=False), locale)
    plural = locale.plural_form(shown)
    pattern = locale.compact_decimal_formats["long"][plural if plural in ("one", "other") else "other"]["1000000"]
    word = pattern.pattern.replace("0", "").strip()
    return f"{digits}\xa0{word}" if locale.language == "fr" else f"{digits} {word}", True, shown == millions


def _plural_n(value: Decimal) -> int:
    # gettext plural rules take integers; a fraction takes its integer part.
    return int(value) if value < 10**18 else 10**18


def _counted(
    translations: Translations, unit: str, text: str, value: Decimal, scaled: bool, locale: Locale, genitive: bool
) -> str:
    n = _plural_n(value)
    if unit in _COUNTED:
        plain, after_scale, in_genitive = _COUNTED[unit]
        if scaled:
            counted = translations.npgettext(*after_scale, n)
        elif genitive:
            counted = translations.npgettext(*in_genitive, n)
        else:
            counted = translations.ngettext(*plain, n)
        return counted % {"number": text}
    if len(unit) == 3 and unit.isupper():
        name = get_currency_name(unit, count=n, locale=locale)
        # babel types pgettext as returning ``str | object``; it returns the str.
        money = str(translations.pgettext(*_CURRENCY[1])) if scaled else translations.gettext(_CURRENCY[0])
        return money % {"number": text, "currency": name}
    return translations.gettext(_OTHER_UNIT) % {"number": text, "unit": unit.replace("-", " ")}


def _qualified(translations: Translations, qualifier: Qualifier, text: str, locale: Locale) -> str:
    template = _QUALIFIERS[qualifier]
    if template is None:
        return text
    if qualifier is Qualifier.MORE_THAN and get_decimal_symbol(locale) in text:
        return str(translations.pgettext(*_MORE_THAN_DECIMALS)) % {"number": text}
    return translations.gettext(template) % {"number": text}


def _genitive(translations: Translations, qualifier: Qualifier) -> bool:
    switch = _CASES.get(qualifier)
    return switch is not None and str(translations.pgettext(*switch)) == "genitive"


def _in_words(translations: Translations, value: Decimal, text: str) -> str:
    """A count from one to nine in the catalogue's words, where it gives them."""
    if not (1 <= value <= 9) or value != value.to_integral_value():
        return text
    words = str(translations.pgettext(*_SMALL_NUMBERS)).split("|")
    return words[int(value) - 1] if len(words) == 9 else text


# Chinese writes a round hundred or thousand before 万 or 亿 in characters when the
# figure is approximate: 近千亿元, 超百亿元 (an exact 1000亿元 keeps its digits).
_ROUND: Final = re.compile(r"^(1000|100)(万|亿|萬|億)")


def _in_characters(text: str, qualifier: Qualifier, locale: Locale) -> str:
    if locale.language != "zh" or qualifier is Qualifier.EXACT:
        return text
    return _ROUND.sub(lambda m: ("千" if m[1] == "1000" else "百") + m[2], text)


_Key = tuple[str, str, Qualifier, Locale, str, bool, bool, bool]


def _figure(key: _Key) -> str:
    value_text, unit, qualifier, locale, language, compact, noun, words = key
    value = Decimal(value_text)
    translations = _translations(language)
    text, scaled, exact = number(value, locale, compact)
    if words and qualifier is Qualifier.EXACT and not is_currency(unit):
        text = _in_words(translations, value, text)
    if not exact:
        qualifier = Qualifier.ABOUT
    qualified = _qualified(translations, qualifier, _in_characters(text, qualifier, locale), locale)
    if not noun:
        return qualified
    genitive = _genitive(translations, qualifier)
    return _counted(translations, unit, qualified, value, scaled, locale, genitive)


# A pure function of its arguments, so results are shared by every caller and thread;
# keyed by the value's text (Decimal("1.0") == Decimal("1.00"), but they print differently).
_FIGURES: Final = BoundedCache(_figure, max_bytes=2 * 1024 * 1024)


def figure(
    value: Decimal,
    unit: str,
    qualifier: Qualifier,
    locale: Locale,
    language: str,
    compact: bool,
    noun: bool = True,
    words: bool = False,
) -> str:
    """A figure as a report states it: qualifier, number and counted noun, in ``language``'s words.

    Without ``noun``, the qualified number alone ("more than 10,000", "1万余"). With
    ``words``, an exact count from one to nine in words, where the language's press
    writes it so in running text ("eight counties").
    """
    return _FIGURES((str(value), unit, qualifier, locale, language, compact, noun, words))


def _translations(language: str) -> Translations:
    from povmodel.presentation.i18n import translations

    return translations(language)

"""The words the extraction rules read, loaded once from ``lexicon.json``.

The data file holds, per language:

English (``en``)
    ``number_words`` (one … ninety; "one" alone is never a figure: it is a
    pronoun far more often than a count), ``scales`` (hundred … trillion), ``currency_words`` and
    ``currency_symbols`` (ISO 4217 code of each), ``percent_words``,
    ``qualifiers_before`` / ``qualifiers_after`` (phrase → `Qualifier` value),
    ``person_nouns`` (counted as ``person``), ``irregular_plurals`` (plural →
    singular unit), ``measure_units``, ``not_counted`` (nouns after which a
    number is no figure: durations, "times"), ``label_words`` (words before a
    number that names rather than counts: "No. 1", "Article 3"), ``months``,
    ``noun_stops`` (words that end a noun phrase), ``abbreviations`` (a full
    stop after them ends no sentence), ``five_year_plans``.

Chinese (``zh``)
    ``classifiers`` (量词 → unit; ``null`` when the noun decides, as for 个),
    ``money_units``, ``noun_heads`` (the last word of a noun phrase → unit),
    ``qualifiers_before`` / ``qualifiers_after``, ``qualifier_false_friends``
    (characters that, standing just before a qualifier, show it is part of
    another word: 节约, 最近), ``not_counted`` (年, 月, 倍 …), ``function_starts``,
    ``noun_breaks``, ``adverbs``, ``slogans`` (set phrases whose numerals are
    no figures: 两不愁三保障, 五个一批), ``five_year_plans``, ``verbs`` (which
    bound a noun phrase) and ``money_heads`` (资金, 农产品: what a sum measures).
"""

from __future__ import annotations

import functools
import json
from typing import Any, Final

import attrs

from povmodel.core.quantity import Qualifier

__all__ = ["Chinese", "English", "chinese", "english"]

_DATA: Final = "lexicon.json"


@functools.cache
def _load() -> dict[str, Any]:
    from importlib import resources

    data: dict[str, Any] = json.loads((resources.files("povmodel.extraction") / _DATA).read_text(encoding="utf-8"))
    return data


def _qualifiers(table: dict[str, str]) -> dict[str, Qualifier]:
    return {phrase: Qualifier(value) for phrase, value in table.items()}


def _longest_first(words: object) -> tuple[str, ...]:
    assert isinstance(words, (list, dict))
    return tuple(sorted(words, key=lambda word: (-len(word), word)))


@attrs.frozen(kw_only=True)
class English:
    """The English word lists (see the module docstring).

    Attributes:
        number_words: number word → value.
        scales: scale word → multiplier.
        currency_words: currency word after a figure → ISO 4217 code.
        currency_symbols: symbol or code before a figure → ISO 4217 code.
        percent_words: words that make a figure a percentage.
        qualifiers_before: phrase before a figure → qualifier.
        qualifiers_after: phrase after a figure → qualifier.
        person_nouns: nouns counted as ``person``.
        irregular_plurals: plural → singular unit.
        measure_units: unit word → unit.
        not_counted: nouns after which a number is no figure.
        label_words: words before a number that names something.
        months: month names and abbreviations.
        noun_stops: words that end a noun phrase.
        abbreviations: abbreviations that end no sentence.
        five_year_plans: ordinal of a five-year plan → (first year, last year).
    """

    number_words: dict[str, int]
    scales: dict[str, int]
    currency_words: dict[str, str]
    currency_symbols: dict[str, str]
    percent_words: tuple[str, ...]
    qualifiers_before: dict[str, Qualifier]
    qualifiers_after: dict[str, Qualifier]
    person_nouns: frozenset[str]
    irregular_plurals: dict[str, str]
    measure_units: dict[str, str]
    not_counted: frozenset[str]
    label_words: frozenset[str]
    months: tuple[str, ...]
    noun_stops: frozenset[str]
    abbreviations: frozenset[str]
    five_year_plans: dict[str, tuple[int, int]]


@attrs.frozen(kw_only=True)
class Chinese:
    """The Chinese word lists (see the module docstring).

    Attributes:
        classifiers: classifier → unit, or ``None`` when the noun decides.
        money_units: currency word → ISO 4217 code.
        noun_heads: last word of a noun phrase → unit.
        qualifiers_before: word before a figure → qualifier.
        qualifiers_after: word after a figure → qualifier.
        false_friends: qualifier → characters that, just before it, show it is part of another word.
        not_counted: words after which a number is no figure.
        function_starts: words that cannot begin a noun phrase.
        noun_breaks: characters that end a noun phrase.
        adverbs: words stripped from the front of a noun phrase.
        slogans: set phrases whose numerals are no figures.
        five_year_plans: plan → (first year, last year).
        verbs: verbs that end a noun phrase read after a figure and begin one read before it.
        money_heads: last words of what a sum of money measures (资金, 农产品).
    """

    classifiers: dict[str, str | None]
    money_units: dict[str, str]
    noun_heads: dict[str, str]
    qualifiers_before: dict[str, Qualifier]
    qualifiers_after: dict[str, Qualifier]
    false_friends: dict[str, str]
    not_counted: tuple[str, ...]
    function_starts: tuple[str, ...]
    noun_breaks: frozenset[str]
    adverbs: tuple[str, ...]
    slogans: tuple[str, ...]
    five_year_plans: dict[str, tuple[int, int]]
    verbs: tuple[str, ...]
    money_heads: tuple[str, ...]


@functools.cache
def english() -> English:
    """The English word lists, loaded on first use."""
    en = _load()["en"]
    return English(
        number_words=dict(en["number_words"]),
        scales=dict(en["scales"]),
        currency_words=dict(en["currency_words"]),
        currency_symbols=dict(en["currency_symbols"]),
        percent_words=_longest_first(en["percent_words"]),
        qualifiers_before=_qualifiers(en["qualifiers_before"]),
        qualifiers_after=_qualifiers(en["qualifiers_after"]),
        person_nouns=frozenset(en["person_nouns"]),
        irregular_plurals=dict(en["irregular_plurals"]),
        measure_units=dict(en["measure_units"]),
        not_counted=frozenset(en["not_counted"]),
        label_words=frozenset(en["label_words"]),
        months=_longest_first(en["months"]),
        noun_stops=frozenset(en["noun_stops"]),
        abbreviations=frozenset(en["abbreviations"]),
        five_year_plans={key: (span[0], span[1]) for key, span in en["five_year_plans"].items()},
    )


@functools.cache
def chinese() -> Chinese:
    """The Chinese word lists, loaded on first use."""
    zh = _load()["zh"]
    return Chinese(
        classifiers=dict(zh["classifiers"]),
        money_units=dict(zh["money_units"]),
        noun_heads=dict(zh["noun_heads"]),
        qualifiers_before=_qualifiers(zh["qualifiers_before"]),
        qualifiers_after=_qualifiers(zh["qualifiers_after"]),
        false_friends=dict(zh["qualifier_false_friends"]),
        not_counted=_longest_first(zh["not_counted"]),
        function_starts=_longest_first(zh["function_starts"]),
        noun_breaks=frozenset(zh["noun_breaks"]),
        adverbs=_longest_first(zh["adverbs"]),
        slogans=_longest_first(zh["slogans"]),
        five_year_plans={key: (span[0], span[1]) for key, span in zh["five_year_plans"].items()},
        verbs=_longest_first(zh["verbs"]),
        money_heads=_longest_first(zh["money_heads"]),
    )

"""Text in several languages, keyed by BCP 47 language tags."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from operator import itemgetter
from typing import Final

import attrs

from povmodel.core import _seams, limits
from povmodel.core._validators import remembering, show, text_ok, text_problem, type_name
from povmodel.core.errors import ValidationError

__all__ = ["FORMS", "TAG_PATTERN", "LocalizedText", "is_language_tag"]

# Well-formed BCP 47 tags as povmodel uses them: language, optional script,
# optional region (``en``, ``zh-Hans``, ``zh-Hant-TW``, ``es-419``), and an optional
# private-use subtag naming a grammatical form (``ru-x-gen``, ``fr-x-def``).
TAG_PATTERN: Final = r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?(-x-[a-z]{1,8})?"
"""The language tags a `LocalizedText` takes, as a regular expression."""
_TAG: Final = re.compile(TAG_PATTERN)
KNOWN_TAGS: Final[set[str]] = set()
"""Well-formed tags seen so far (checking one is a set lookup after the first time; see `known_tag`)."""
_MAX_REMEMBERED: Final = 1_000
_FIRST: Final = itemgetter(0)
_MAX_TEXT: Final = limits.MAX_TEXT_LENGTH

FORMS: Final = ("def", "gen", "loc", "pro", "ana")
"""The grammatical forms a text may give, as private-use subtags of its language (``fr-x-def``).

``def``: the name as running text writes it as a subject or object, with its
article ("the China Social Responsibility Hundreds Forum", "la Commission…");
``gen``: as the complement of another noun ("of SASAC", "de la Commission…",
Russian genitive "Комитета…"); ``loc``: after "in" (Russian prepositional case,
"в Пекине"); ``pro``: the pronoun that stands for an organisation as the subject
of a following sentence ("they", "elles", "она"); ``ana``: a noun phrase that names an
organisation again, opening a later paragraph ("the companies", "les groupes publics").
A form that is missing falls back to the plain text.
"""


def is_language_tag(tag: str) -> bool:
    """Tell whether ``tag`` is a well-formed language tag (``en``, ``zh-Hans``).

    Examples:
        >>> is_language_tag("zh-Hant"), is_language_tag("zh_Hant"), is_language_tag("EN"), is_language_tag("ru-x-gen")
        (True, False, False, True)
    """
    return len(tag) <= 23 and _TAG.fullmatch(tag) is not None


def _items(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The sorted pairs of a text, checked: the converter of `LocalizedText.items_`, which also validates them.

    A ``dict``, or the ``(tag, text)`` pairs the reader passes, of known tags and
    valid texts, is checked in one loop (pairs already in order, as povmodel writes
    them, are neither sorted again nor copied); anything else, and anything invalid,
    goes the long way, which says what is wrong.
    """
    kind = value.__class__
    if kind is tuple or kind is dict:
        items = _checked(tuple(value.items()) if kind is dict else value)  # type: ignore[union-attr, arg-type]
        if items is not None:
            return items
    items = _sorted_items(value)
    found = problems(items)
    if found:
        raise ValidationError(found)
    return items


def _sorted_items(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    given = tuple(value.items()) if isinstance(value, Mapping) else tuple(value)
    wrong = [(f"[{index}]", f"expected a (tag, text) pair, got {show(pair)}") for index, pair in enumerate(given)
             if pair.__class__ not in (tuple, list) or len(pair) != 2]  # fmt: skip
    if wrong:
        raise ValidationError(wrong)
    pairs = tuple(tuple(pair) for pair in given)
    counts = Counter(tag for tag, _ in pairs)
    if len(counts) != len(pairs):
        twice = sorted(str(tag) for tag, count in counts.items() if count > 1)
        raise ValidationError.at("", f"a language appears twice: {twice}")
    return tuple(sorted(pairs, key=_tag))


def _tag(pair: tuple[str, str]) -> str:
    return str(pair[0])


def problems(pairs: Iterable[tuple[object, object]]) -> list[tuple[str, str]]:
    """What is wrong with ``(tag, text)`` pairs, as ``(path, message)``; empty when nothing is."""
    found: list[tuple[str, str]] = []
    count = 0
    for tag, text in pairs:
        count += 1
        where = f"[{show(tag)}]"
        if not isinstance(tag, str) or not is_language_tag(tag):
            found.append((where, f"not a language tag: {show(tag)}"))
        elif not isinstance(text, str):
            found.append((where, f"expected a string, got {type_name(text)}"))
        else:
            problem = text_problem(text)
            if problem is not None:
                found.append((where, problem))
    if count == 0:
        found.append(("", "needs text in at least one language"))
    elif count > limits.MAX_LANGUAGES:
        found.append(("", f"too many languages: {count} (at most {limits.MAX_LANGUAGES})"))
    return found


def _checked(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...] | None:
    """``pairs`` sorted by tag, when `problems` finds nothing and no tag is repeated; else ``None`` (ask `problems`)."""
    if not 0 < len(pairs) <= limits.MAX_LANGUAGES:
        return None
    tags = KNOWN_TAGS
    previous = ""
    ordered = True
    for pair in pairs:
        if pair.__class__ is not tuple or len(pair) != 2:
            return None
        tag, text = pair
        if tag.__class__ is not str or (tag not in tags and not known_tag(tag)):
            return None
        if tag <= previous:
            ordered = False
        previous = tag
        if (
            text.__class__ is not str
            or not 0 < len(text) <= _MAX_TEXT
            or text.isspace()
            or not (text.isprintable() or text_ok(text))
        ):
            return None
    if ordered:  # strictly increasing tags: sorted, and none repeated
        return pairs
    items = tuple(sorted(pairs, key=_FIRST))
    for (before, _), (after, _) in itertools.pairwise(items):
        if before == after:
            return None
    return items


def _tag_problem(tag: str) -> str | None:
    return None if is_language_tag(tag) else "not a language tag"


known_tag: Final = remembering(_tag_problem, known=KNOWN_TAGS, limit=_MAX_REMEMBERED)
"""`is_language_tag`, remembered: a well-formed tag joins `KNOWN_TAGS` (a bounded set, cleared when full)."""


@attrs.frozen(repr=False)
class LocalizedText(Mapping[str, str]):
    """The same text in several languages.

    A read-only mapping of language tag to text; in JSON, an object such as
    ``{"en": "Beijing", "zh-Hans": "北京"}``.

    Attributes:
        items: ``(tag, text)`` pairs, sorted by tag. Pass a ``dict`` to build one.

    Examples:
        >>> city = LocalizedText({"en": "Beijing", "zh-Hans": "北京", "zh-Hant": "北京"})
        >>> city.for_locale("zh_TW"), city.for_locale("fr_CA")
        ('北京', 'Beijing')
        >>> city.best(["fr", "zh-Hans"])
        '北京'
    """

    items_: tuple[tuple[str, str], ...] = attrs.field(converter=_items, alias="items")

    def __getitem__(self, tag: str) -> str:
        for key, text in self.items_:
            if key == tag:
                return text
        raise KeyError(tag)

    def __iter__(self) -> Iterator[str]:
        return (tag for tag, _ in self.items_)

    def __len__(self) -> int:
        return len(self.items_)

    def __repr__(self) -> str:
        return f"LocalizedText({dict(self.items_)!r})"

    def __str__(self) -> str:
        return self.best(("en",)) or self.items_[0][1]

    @property
    def languages(self) -> tuple[str, ...]:
        """The language tags this text is available in."""
        return tuple(tag for tag, _ in self.items_)

    def best(self, languages: Iterable[str]) -> str | None:
        """The text in the first of ``languages`` that it has, or ``None``.

        Args:
            languages: BCP 47 tags, in order of preference.
        """
        for tag in languages:
            for key, text in self.items_:
                if key == tag:
                    return text
        return None

    def for_locale(self, locale: object = "en") -> str:
        """The text for a reader in ``locale``, as a `povmodel.Formatter` for it picks it.

        ``locale`` is a locale identifier in any common spelling (``"zh_TW"``,
        ``"zh-Hant"``, ``"fr_CA"``, ``"zh_CN.UTF-8"``) or a ``babel.Locale``. The
        reader's language comes first (for Chinese, in the reader's script:
        Traditional Chinese is converted from Simplified where only that exists),
        then English, then the first text.

        Raises:
            UnknownLocaleError: the locale is unknown.
        """
        return _seams.text_for_locale(self, locale)

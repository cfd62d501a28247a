"""`extract`: every figure of a report, with its qualifier, unit, period, noun and sentence."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Final

from povmodel.core.errors import ValidationError
from povmodel.core.quantity import Quantity
from povmodel.extraction import _chinese, _english
from povmodel.extraction._figure import Figure, Raw
from povmodel.extraction._periods import CLAUSE_BREAKS, Mention, mentions
from povmodel.extraction._sentences import Sentence, sentences

__all__ = ["LANGUAGES", "detect_language", "extract", "language_of"]

LANGUAGES: Final = ("en", "zh")
"""The languages povmodel reads figures in."""

_SAMPLE: Final = 20_000
_TRAILING: Final = 40
"""The most characters between a figure and a period that trails it ("2.4 billion yuan since 1988")."""
_HAN: Final = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN: Final = re.compile(r"[A-Za-z]")

_Reader = Callable[[str, Sentence, "Sentence | None", Sequence[Mention]], list[Raw]]


def detect_language(text: str) -> str:
    """``"zh"`` when Chinese characters carry the text, else ``"en"``; looks at the first 20,000 characters.

    A Chinese character carries about as much as a five-letter English word, so
    the text is Chinese when its Chinese characters number at least a fifth of
    its Latin letters.

    Examples:
        >>> detect_language("2016年以来，累计投入帮扶资金近千亿元"), detect_language("Hao Peng (郝鹏) spoke.")
        ('zh', 'en')
    """
    sample = text[:_SAMPLE]
    han = len(_HAN.findall(sample))
    return "zh" if han and han * 5 >= len(_LATIN.findall(sample)) else "en"


def language_of(language: str | None, text: str) -> str:
    """The language to read ``text`` in: ``language`` (``en``, ``zh``, or a tag such as ``zh-Hans``) or detected."""
    if language is None:
        return detect_language(text)
    base = language.replace("_", "-").split("-")[0].lower()
    if base not in LANGUAGES:
        raise ValidationError.at("language", f"povmodel reads figures in {' and '.join(LANGUAGES)}, not {language!r}")
    return base


def extract(text: str, language: str | None = None, *, year: int | None = None) -> tuple[Figure, ...]:
    """Every figure of a report, in text order.

    Args:
        text: the report.
        language: ``"en"`` or ``"zh"`` (tags such as ``"zh-Hans"`` work too);
            detected from the text when ``None``.
        year: the report's year, when known: it turns "last year", "this
            year", 去年 and 今年以来 into years.

    Returns:
        The figures: main figures, and the conversions, differences and shares
        that restate them (see `FigureRole`).

    Raises:
        TypeError: ``text`` is not a string.
        ValidationError: an unknown language.
        MissingExtraError: Chinese needs ``cn2an``: ``pip install 'povmodel[extract]'``.

    Examples:
        >>> text = "Since 2016, more than 8,000 projects have been assisted, driving investment of 14.7 billion yuan."
        >>> for figure in extract(text):
        ...     print(figure.text, "|", figure.qualifier.value, figure.quantity.value, figure.quantity.unit,
        ...           "|", figure.noun, "|", figure.period_text)
        more than 8,000 | more_than 8000 project | projects | Since 2016
        14.7 billion yuan | exact 14700000000 CNY | investment | Since 2016
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() reads text (a str), not {type(text).__name__}")
    language = language_of(language, text)
    reader: _Reader = _english.read if language == "en" else _chinese.reader()
    return tuple(_figures(text, language, reader, year))


def _figures(text: str, language: str, reader: _Reader, year: int | None) -> Iterator[Figure]:
    paragraph = -1
    carried: Mention | None = None
    pending = sentences(text, language)
    current = next(pending, None)
    while current is not None:
        following = next(pending, None)
        if current.paragraph != paragraph:
            paragraph, carried = current.paragraph, None
        periods = list(mentions(text, current.start, current.end, language, year))
        quote = text[current.start : current.end]
        governor = _Governor(text, periods, None if periods else carried, current.start)
        for raw in reader(text, current, following, periods):
            mention = governor.period_of(raw)
            assert raw.unit is not None
            yield Figure(
                quantity=Quantity(value=raw.value, unit=raw.unit),
                qualifier=raw.qualifier,
                period=None if mention is None else mention.period,
                period_text=None if mention is None else mention.text,
                quote=quote,
                span=(raw.start, raw.end),
                text=text[raw.start : raw.end],
                noun=raw.noun,
                role=raw.role,
                language=language,
            )
        if periods:  # a sentence that states a period of its own ends the one carried so far
            carried = next((m for m in reversed(periods) if m.fronted and m.period is not None), None)
        current = following


class _Governor:
    """Which period governs each figure of a sentence; asked in text order, it walks the periods once.

    A leading period (not an annual one) governs the rest of its sentence; another
    period governs the next figure of its clause ("由2012年底的10.2%下降至0.6%":
    2012 is the period of 10.2% only), or the figure it trails ("2.4 billion yuan
    since 1988"); failing all, the fronted period of an earlier sentence of the
    paragraph.
    """

    def __init__(self, text: str, periods: Sequence[Mention], carried: Mention | None, start: int) -> None:
        self._text = text
        self._periods = periods
        self._carried = carried
        self._next = 0  # the first period not yet passed
        self._governing: Mention | None = None  # the last leading period passed
        self._last: Mention | None = None  # the last period passed
        self._previous_end = start  # the end of the previous figure

    def period_of(self, raw: Raw) -> Mention | None:
        text, periods = self._text, self._periods
        while self._next < len(periods) and periods[self._next].start < raw.start:
            mention = periods[self._next]
            self._last = mention
            if mention.leading and not mention.annual:
                self._governing = mention
            self._next += 1
        chosen = self._governing
        last = self._last
        if last is not None and last.end >= self._previous_end and _same_clause(text, last.end, raw.start):
            chosen = last
        self._previous_end = raw.end
        if self._next < len(periods):
            mention = periods[self._next]
            near = mention.start - raw.end <= _TRAILING and _same_clause(text, raw.end, mention.start)
            if near and not mention.leading and (chosen is None or not _same_clause(text, chosen.end, raw.start)):
                return mention  # "invested 2.4 billion yuan since 1988"
        return chosen if chosen is not None else self._carried


def _same_clause(text: str, start: int, end: int) -> bool:
    if end - start > 400:
        return False
    return not any(char in CLAUSE_BREAKS for char in text[start:end])

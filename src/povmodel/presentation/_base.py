"""`FormatterBase`: one reader's figures, dates, texts and names; `povmodel.Formatter` adds documents."""

from __future__ import annotations

import datetime as dt
import decimal
import re
import warnings
from collections.abc import Iterable
from decimal import Decimal
from typing import Final, Literal

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.numbers import format_currency
from babel.support import Translations

from povmodel.core.errors import LocaleFallbackWarning
from povmodel.core.model import Metric, Period
from povmodel.core.quantity import Qualifier, Quantity, is_currency
from povmodel.core.text import LocalizedText
from povmodel.core.totals import Total
from povmodel.presentation import _chinese, _names, _numbers, i18n
from povmodel.presentation._locales import (
    DateLength,
    ListStyle,
    LocaleLike,
    check_choice,
    check_type,
    decimal_argument,
    resolve,
)

__all__ = ["FormatterBase"]

_FSI: Final = "\u2068"
_GLUED_AND: Final = re.compile("(?<![\\w\u0600-\u06ff])\u0648(?=\u2068)")
_PDI: Final = "\u2069"


class FormatterBase:
    """Figures, dates, texts and names for one reader's locale: everything `povmodel.Formatter` is but documents.

    See `povmodel.Formatter`, which adds summaries and the audit's sentences.
    """

    __slots__ = ("_resolved", "_translations")

    def __init__(self, locale: LocaleLike = "en") -> None:
        self._resolved = resolve(locale)
        parsed = self._resolved.locale
        self._translations: Translations = i18n.translations(self._resolved.language)
        if self._resolved.fallback:
            warnings.warn(
                LocaleFallbackWarning(
                    str(parsed), "en", f"povmodel has no catalogue for {parsed.language!r}: writing English"
                ),
                stacklevel=2,
            )
        elif self._resolved.conversion and self._resolved.language == "zh-Hant" and not _chinese.available():
            warnings.warn(
                LocaleFallbackWarning(
                    str(parsed),
                    "zh-Hans",
                    "OpenCC is not installed (pip install 'povmodel[zh]'): "
                    "texts that exist only in Simplified Chinese are shown in Simplified Chinese",
                ),
                stacklevel=2,
            )

    def __repr__(self) -> str:
        return f"Formatter({str(self.locale)!r})"

    # -- what the locale resolved to ------------------------------------------------

    @property
    def locale(self) -> Locale:
        """The babel ``Locale`` that formats numbers, dates and lists."""
        return self._resolved.locale

    @property
    def language(self) -> str:
        """The language povmodel writes in: one of `povmodel.LANGUAGES` (``"zh-Hant"`` for ``zh_TW``)."""
        return self._resolved.language

    @property
    def content_languages(self) -> tuple[str, ...]:
        """The language tags of the data's texts, in the order they are chosen for this reader."""
        return self._resolved.content

    @property
    def fallback(self) -> bool:
        """True when povmodel has no catalogue for the reader's language and writes English."""
        return self._resolved.fallback

    @property
    def tag(self) -> str:
        """The BCP 47 tag of what is written: `language`, with the reader's region where it applies.

        HTML declares it: ``zh-Hans-CN`` for ``zh_CN``, ``fr-CA`` for ``fr_CA``,
        ``en`` for ``de`` (English is written, not German).
        """
        territory = self.locale.territory
        return self.language if self.fallback or not territory else f"{self.language}-{territory}"

    @property
    def direction(self) -> Literal["ltr", "rtl"]:
        """The direction of the language written: ``"rtl"`` for Arabic."""
        return "rtl" if self.language == "ar" else "ltr"

    def _say(self, message: str | tuple[str, str], /, **values: object) -> str:
        """The catalogue's translation of ``message`` (or of ``(context, message)``), with ``values`` filled in."""
        if isinstance(message, tuple):
            said = str(self._translations.pgettext(*message)) % values
        else:
            said = self._translations.gettext(message) % values
        if self.locale.language == "ar" and _FSI in said:
            said = _GLUED_AND.sub("و ", said)  # و joins a word, never an isolated name in another script
        return said

    def _say_plural(self, messages: tuple[str, str], n: int, /, **values: object) -> str:
        """The catalogue's plural form of ``messages`` for ``n``, with ``values`` filled in."""
        return self._translations.ngettext(*messages, n) % values

    # -- texts and names --------------------------------------------------------------

    def text(self, text: LocalizedText, form: str | None = None) -> str:
        """The text of the data for this reader, in a grammatical ``form`` where the data gives one.

        The reader's language first; for Chinese, in the reader's script (Traditional
        converted from Simplified by OpenCC where only that exists, with Taiwan's
        or Hong Kong's vocabulary); then English; then the first text there is.
        ``form`` is one of `povmodel.core.text.FORMS` (``"def"``, ``"gen"``...): the
        text tagged ``fr-x-def`` for a French reader, else the plain ``fr`` text.

        Examples:
            >>> from povmodel import Formatter
            >>> city = LocalizedText({"en": "Beijing", "zh-Hans": "北京", "ru": "Пекин", "ru-x-loc": "Пекине"})
            >>> Formatter("zh_TW").text(LocalizedText({"en": "platform", "zh-Hans": "平台"}))
            '平臺'
            >>> Formatter("fr").text(city), Formatter("ru").text(city, form="loc")
            ('Beijing', 'Пекине')
        """
        check_type("text", text, LocalizedText)
        if form is not None:
            found = self.form(text, form)
            if found is not None:
                return found
        found = text.best(self._resolved.content)
        if found is not None:
            return found
        converted = self._converted(text)
        if converted is not None:
            return converted
        if form is not None:
            english = text.best((f"en-x-{form}",))
            if english is not None and text.best(("en",)) is not None:
                return english
        return text.best(("en",)) or text.items_[0][1]

    def has(self, text: LocalizedText) -> bool:
        """True when the data gives ``text`` in the reader's language (for Chinese, in either script)."""
        check_type("text", text, LocalizedText)
        tags = self._resolved.content + self._resolved.convert_from
        return text.best(tags) is not None

    def form(self, text: LocalizedText, form: str) -> str | None:
        """The text's grammatical ``form`` in the reader's language, or ``None`` where the data gives none.

        For Chinese, a form given in the other script is converted, as plain texts are.
        """
        found = text.best(f"{tag}-x-{form}" for tag in self._resolved.content)
        if found is not None or not self._resolved.conversion:
            return found
        source = text.best(f"{tag}-x-{form}" for tag in self._resolved.convert_from)
        if source is None or not _chinese.available():
            return source
        return _chinese.convert(source, self._resolved.conversion)

    def _converted(self, text: LocalizedText) -> str | None:
        resolved = self._resolved
        if resolved.conversion is None:
            return None
        source = text.best(resolved.convert_from)
        if source is None:
            return None
        return _chinese.convert(source, resolved.conversion) if _chinese.available() else source

    def name(self, name: LocalizedText) -> str:
        """A person's name in the reader's script, as that language's press writes it.

        Chinese readers get the characters where the data has them; Russian
        readers get the Palladius transcription of the pinyin (Хао Пэн), Arabic
        readers the Arabic press's (هاو بنغ); any other Latin name in a
        right-to-left text is isolated (FSI…PDI), so that it does not reorder its
        neighbours. A name the data has in the reader's language is used as it is.

        Examples:
            >>> from povmodel import Formatter
            >>> hao = LocalizedText({"en": "Hao Peng", "zh-Hans": "郝鹏"})
            >>> Formatter("ru").name(hao), Formatter("zh_TW").name(hao)
            ('Хао Пэн', '郝鵬')
        """
        check_type("name", name, LocalizedText)
        found = name.best(self._resolved.content) or self._converted(name)
        if found is not None:
            return found
        latin = name.best(("en",)) or name.items_[0][1]
        written = _names.in_script(self.locale.language, latin, name.best(("zh-Hans", "zh-Hant", "zh")))
        if written is not None:
            return written
        return self.isolate(latin) if self.direction == "rtl" else latin

    def isolate(self, text: str) -> str:
        """``text`` between FSI and PDI, so that its direction does not leak into a right-to-left sentence."""
        return f"{_FSI}{text}{_PDI}"

    def _isolate_latin(self, text: str) -> str:
        """In a right-to-left language, every run of Latin words in ``text`` isolated ("Xi Jinping")."""
        if self.direction != "rtl":
            return text
        return _names.LATIN_RUN.sub(lambda run: self.isolate(run[0]), text)

    def names(self, names: Iterable[str], *, list_style: ListStyle = "standard") -> str:
        """Join names as a list in the locale's way (CLDR's list patterns).

        Spanish writes "e" for "y" before a word that starts with an i sound,
        and Arabic never joins "و" to a word in another script.

        Examples:
            >>> from povmodel import Formatter
            >>> Formatter("en").names(["Sinopec", "China Mobile", "State Grid"])
            'Sinopec, China Mobile, and State Grid'
            >>> Formatter("zh_CN").names(["中国石化", "中国移动"])
            '中国石化和中国移动'
            >>> Formatter("es").names(["Sinopec", "Industrias del Sur"])
            'Sinopec e Industrias del Sur'
        """
        check_choice("list_style", list_style, ListStyle)
        if isinstance(names, str) or not isinstance(names, Iterable):
            raise TypeError(f"names must be an iterable of str, not {type(names).__name__}")
        items = list(names)
        for item in items:
            check_type("names", item, str)
        return _names.join(items, self.locale, list_style)

    def _list(self, names: Iterable[str], list_style: ListStyle, end: str | None) -> str:
        """``names`` joined, with ``end`` for the last two where given (the summaries' catalogue pattern)."""
        return _names.join(list(names), self.locale, list_style, end)

    # -- figures ----------------------------------------------------------------------

    def amount(
        self, quantity: Quantity, qualifier: Qualifier = Qualifier.EXACT, *, compact: bool = True, words: bool = False
    ) -> str:
        """A quantity's qualified number without its noun: "more than 10,000", "1万余".

        For a statement that names what it counts itself: ``sent {amount}
        poverty alleviation cadres``, ``选派扶贫干部{amount}名``. With ``words``,
        an exact count from one to nine is written in words where the reader's
        press does so in running text ("eight").

        Examples:
            >>> from povmodel import Formatter
            >>> cadres, more = Quantity(value=Decimal(10000), unit="person"), Qualifier.MORE_THAN
            >>> Formatter("en").amount(cadres, more), Formatter("zh_CN").amount(cadres, more)
            ('more than 10,000', '1万余')
        """
        check_type("quantity", quantity, Quantity)
        check_type("qualifier", qualifier, Qualifier)
        return _numbers.figure(
            quantity.value, quantity.unit, qualifier, self.locale, self.language, compact, noun=False, words=words
        )

    def _sentences(self, sentences: Iterable[str]) -> str:
        """Sentences one after the other, as the language writes them (Chinese without spaces)."""
        return ("" if self.language.startswith("zh") else " ").join(sentences)

    def number(self, value: Decimal | int, *, compact: bool = False) -> str:
        """A number, with every digit unless ``compact`` asks for scale words (万, 亿, billion).

        Examples:
            >>> from povmodel import Formatter
            >>> Formatter("en").number(Decimal("2658000000.5"))
            '2,658,000,000.5'
            >>> Formatter("zh_CN").number(Decimal("279700"), compact=True)
            '27.97万'
        """
        text, _, _ = _numbers.number(decimal_argument("value", value), self.locale, compact)
        return text

    def money(self, amount: Decimal | int, currency: str = "CNY", *, compact: bool = False) -> str:
        """An amount of money: babel's currency format, or as reports state it when ``compact``.

        Examples:
            >>> from povmodel import Formatter
            >>> fmt = Formatter("en")
            >>> fmt.money(Decimal("2658000000")), fmt.money(Decimal("2658000000"), compact=True)
            ('CN¥2,658,000,000.00', '2.658 billion yuan')
            >>> Formatter("zh_CN").money(Decimal("2658000000"), compact=True)
            '26.58亿元'
        """
        value = decimal_argument("amount", amount)
        check_type("currency", currency, str)
        if not is_currency(currency):
            raise ValueError(f"currency must be an ISO 4217 code, not {currency[:20]!r}")
        if compact or _numbers.is_hostile(value):
            return self._figure(value, currency, Qualifier.EXACT, compact=True)
        with decimal.localcontext(_numbers.CONTEXT):
            shown = abs(value) if value.is_zero() else value  # never "-CN¥0.00"
            return str(format_currency(shown, currency, locale=self.locale, decimal_quantization=False))

    def quantity(
        self, quantity: Quantity, qualifier: Qualifier = Qualifier.EXACT, *, compact: bool = True, words: bool = False
    ) -> str:
        """A quantity with its qualifier and counted noun, as a report states it.

        A compact form that cannot be exact with three fraction digits is rounded,
        and its qualifier becomes "about". With ``words``, an exact count from one
        to nine is written in words where the reader's press does so in running
        text ("eight counties").

        Examples:
            >>> from povmodel import Formatter
            >>> fmt = Formatter("zh_CN")
            >>> fmt.quantity(Quantity(value=Decimal(10**11), unit="CNY"), Qualifier.NEARLY)
            '近千亿元'
            >>> fmt.quantity(Quantity(value=Decimal(2700), unit="school"), Qualifier.MORE_THAN)
            '2700余所学校'
        """
        check_type("quantity", quantity, Quantity)
        check_type("qualifier", qualifier, Qualifier)
        return _numbers.figure(
            quantity.value, quantity.unit, qualifier, self.locale, self.language, compact, words=words
        )

    def metric(self, metric: Metric, *, compact: bool = True) -> str:
        """A metric's figure: its quantity with its qualifier.

        Examples:
            >>> from povmodel import Formatter
            >>> from povmodel import load_forum
            >>> Formatter("en").metric(load_forum().metric("housing-funds"))
            'more than 600 million yuan'
            >>> Formatter("fr").metric(load_forum().metric("housing-funds"))  # no line break inside "600 millions"
            'plus de 600\xa0millions de yuans'
        """
        check_type("metric", metric, Metric)
        return self._figure(metric.quantity.value, metric.quantity.unit, metric.qualifier, compact=compact)

    def total(self, total: Total, *, compact: bool = True) -> str:
        """A total with the qualifier derived from its parts.

        Examples:
            >>> from povmodel import Formatter
            >>> import povmodel as pm
            >>> total = pm.totals_by(pm.load_forum())["livelihood"].total("CNY", "funds-invested")
            >>> Formatter("en").total(total), Formatter("zh_TW").total(total)
            ('more than 4.578 billion yuan', '人民幣超過45.78億元')
        """
        check_type("total", total, Total)
        return self._figure(total.quantity.value, total.quantity.unit, total.qualifier, compact=compact)

    def _figure(self, value: Decimal, unit: str, qualifier: Qualifier, *, compact: bool) -> str:
        return _numbers.figure(value, unit, qualifier, self.locale, self.language, compact)

    # -- dates and periods ------------------------------------------------------------------

    def date(self, date: dt.date, *, length: DateLength = "long") -> str:
        """A date with CLDR's pattern for the locale.

        Examples:
            >>> from povmodel import Formatter
            >>> day = dt.date(2020, 10, 16)
            >>> Formatter("zh_CN").date(day), Formatter("en").date(day), Formatter("fr").date(day)
            ('2020年10月16日', 'October 16, 2020', '16 octobre 2020')
        """
        check_type("date", date, dt.date)
        check_choice("length", length, DateLength)
        return str(_babel_format_date(date, format=length, locale=self.locale))

    def period(self, period: Period) -> str:
        """The years a figure covers: "since 2016", "2016年以来".

        Examples:
            >>> from povmodel import Formatter
            >>> Formatter("en").period(Period(start_year=2016)), Formatter("zh_CN").period(Period(start_year=2016))
            ('since 2016', '2016年以来')
        """
        check_type("period", period, Period)
        start, end = period.start_year, period.end_year
        if end is None:
            return self._say(_numbers.PERIODS["since"], year=start)
        if start is None:
            return self._say(_numbers.PERIODS["until"], year=end)
        if start == end:
            return self._say(_numbers.PERIODS["in"], year=start)
        return self._say(_numbers.PERIODS["range"], start=start, end=end)

"""`Formatter`: everything povmodel shows a person, for one reader's locale, resolved once.

A locale means one thing here, resolved in one place (`povmodel.presentation._locales`):
the babel ``Locale`` that formats numbers, dates and lists; the catalogue language
whose words and sentences povmodel writes (`Formatter.language`); the order in
which texts of the data are chosen (`Formatter.content_languages`, with
Traditional Chinese derived from Simplified through OpenCC); and whether povmodel
fell back to English (`Formatter.fallback`, with a `LocaleFallbackWarning`).
Every surface that shows text to a person (summaries, the notebook display, the
command line, frames and charts, the example service) goes through a
`Formatter`, so all fall back alike and say so.
"""

from __future__ import annotations

import warnings

from povmodel.core.audit import Finding
from povmodel.core.model import Forum
from povmodel.presentation import _findings, summary
from povmodel.presentation._base import FormatterBase
from povmodel.presentation._locales import DateLength, ListStyle, LocaleLike, Markup, Style, check_choice, check_type

__all__ = ["DateLength", "Formatter", "ListStyle", "LocaleLike", "Markup", "Style"]


class Formatter(FormatterBase):
    """Figures, dates, names and summaries for one reader's locale, parsed once.

    Args:
        locale: the reader's locale: a ``babel.Locale``, or an identifier in any
            common spelling (``"zh_TW"``, ``"zh-Hant-TW"``, ``"fr_CA"``,
            ``"zh_CN.UTF-8"``).

    Raises:
        UnknownLocaleError: CLDR does not know the locale; ``.locale`` holds it.
        TypeError: ``locale`` is neither a string nor a ``babel.Locale``.

    Warns:
        LocaleFallbackWarning: povmodel has no catalogue for the locale's language
            (it writes English, and says ``lang="en"`` in HTML), or a Traditional
            Chinese reader is served without OpenCC.

    Examples:
        >>> fmt = Formatter("zh_TW")
        >>> fmt.language, fmt.fallback, fmt.content_languages
        ('zh-Hant', False, ('zh-Hant-TW', 'zh-Hant'))
        >>> Formatter("zh_CN.UTF-8").language
        'zh-Hans'
        >>> import povmodel as pm
        >>> from decimal import Decimal
        >>> Formatter("ru").quantity(pm.Quantity(value=Decimal("600000000"), unit="CNY"), pm.Qualifier.MORE_THAN)
        'более 600\xa0млн юаней'
    """

    __slots__ = ()

    # -- the audit and summaries ------------------------------------------------------

    def finding(self, finding: Finding, forum: Forum) -> str:
        """An audit `povmodel.Finding` as a sentence in the reader's language.

        Examples:
            >>> import povmodel as pm
            >>> forum = pm.load_forum()
            >>> print(Formatter("en").finding(pm.audit(forum)[1], forum))
            Each part is within the whole: 7 counties of 8 counties.
        """
        check_type("finding", finding, Finding)
        check_type("forum", forum, Forum)
        return _findings.describe(self, finding, forum)

    def summarize(
        self, forum: Forum, *, style: Style = "short", markup: Markup = "text", fmt: Markup | None = None
    ) -> str:
        """Summarise a forum in the reader's language.

        Args:
            forum: any forum.
            style: ``"short"``, a news lede (the headline results, where and when
                the forum heard them, who held it), or ``"full"``, a news report.
            markup: ``"text"``, ``"markdown"`` or ``"html"`` (a whole HTML5
                document, escaped, whose ``lang`` and ``dir`` are those of the
                language written).
            fmt: the old name of ``markup``; deprecated.

        Raises:
            ValueError: ``style`` or ``markup`` is not one of the above.

        Examples:
            >>> from povmodel import load_forum
            >>> print(Formatter("zh_CN").summarize(load_forum()).split("。")[0])
            10月16日，中央企业扶贫论坛在北京举行
        """
        if fmt is not None:
            warnings.warn("fmt= is deprecated: use markup=", DeprecationWarning, stacklevel=2)
            markup = fmt
        check_type("forum", forum, Forum)
        check_choice("style", style, Style)
        check_choice("markup", markup, Markup)
        return summary.write(self, forum, style, markup)

"""`draft_forum`: the first draft of a forum file from a report's text.

The draft is a dict in the file format (``format_version``, the fields of
`Forum`): one metric per main figure, with its quantity, qualifier, period,
quote and a label in the text's language. What a person must decide is marked
by a string starting with `TODO` — the forum's id (unless given), name, date,
city, and each metric's category, actor and measure (ids of categories,
organisations and measures the person adds), and the label where the text names
no noun. Every placeholder stands where the file format wants something else (an
id, a date, an object), so a draft never loads by mistake: `povmodel.loads`
names each field still to decide.
"""

from __future__ import annotations

import re
from typing import Any, Final

from povmodel.core.model import FORMAT_VERSION
from povmodel.extraction._extract import extract, language_of
from povmodel.extraction._figure import Figure, FigureRole
from povmodel.extraction._numbers import plain
from povmodel.extraction._periods import CLAUSE_BREAKS
from povmodel.extraction._sentences import sentences

__all__ = ["MAX_QUOTE", "TODO", "draft_forum"]

TODO: Final = "TODO: "
"""How a draft marks what a person must decide: a string that starts with this."""

MAX_QUOTE: Final = 5_000
"""The longest quote a forum file accepts; a longer sentence is quoted by the clause that holds the figure."""

_MAX_ID: Final = 64
_LANGUAGE_TAGS: Final = {"en": "en", "zh": "zh-Hans"}
_DATE: Final = {
    "en": re.compile(
        r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\b"
        r"|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    ),
    "zh": re.compile(r"\d{1,2}月\d{1,2}日"),
}
_DATE_SENTENCES: Final = 12


def draft_forum(
    text: str, *, language: str | None = None, id: str | None = None, year: int | None = None
) -> dict[str, Any]:
    """A first draft of a forum file from the text of its report.

    Args:
        text: the report.
        language: ``"en"`` or ``"zh"``; detected when ``None``.
        id: the forum's id (a slug); a placeholder when ``None``.
        year: the report's year, to read "last year" and 去年.

    Returns:
        A dict in the file format; `povmodel.from_dict` refuses it until every
        ``"TODO: …"`` is replaced (and the categories, organisations and
        measures the metrics name are added).

    Examples:
        >>> draft = draft_forum("Since 2016, more than 2,700 schools have been built.", id="my-forum")
        >>> draft["metrics"][0]["quantity"], draft["metrics"][0]["qualifier"], draft["metrics"][0]["period"]
        ({'value': '2700', 'unit': 'school'}, 'more_than', {'start_year': 2016})
        >>> draft["metrics"][0]["category"]
        'TODO: a category id (add the category to $.categories)'
    """
    language = language_of(language, text)
    tag = _LANGUAGE_TAGS[language]
    figures = [figure for figure in extract(text, language, year=year) if figure.role is FigureRole.MAIN]
    used: dict[str, int] = {}
    metrics = [_metric(figure, text, tag, used) for figure in figures]
    return {
        "format_version": FORMAT_VERSION,
        "id": id if id is not None else f"{TODO}an id for the forum, such as central-soe-forum-2020",
        "name": f'{TODO}the forum\'s name, as an object of language tag to text: {{"{tag}": "…"}}',
        "date": f"{TODO}the day the forum was held, YYYY-MM-DD" + _date_hint(text, language),
        "date_source": _date_source(text, language),
        "city": f'{TODO}the city it was held in, as an object of language tag to text: {{"{tag}": "…"}}',
        "organizations": [],
        "categories": [],
        "measures": [],
        "metrics": metrics,
        "omitted": [],
    }


def _metric(figure: Figure, text: str, tag: str, used: dict[str, int]) -> dict[str, Any]:
    quantity = figure.quantity
    metric: dict[str, Any] = {
        "id": _unique(_slug(figure), used),
        "label": {tag: figure.noun} if figure.noun else f"{TODO}what the figure counts or measures, as {{{tag!r}: …}}",
        "category": f"{TODO}a category id (add the category to $.categories)",
        "actor": f"{TODO}the id of the organization the figure is about (add it to $.organizations)",
        "measure": f"{TODO}a measure id, such as funds-invested (add it to $.measures)",
        "quantity": {"value": f"{plain(quantity.value):f}", "unit": quantity.unit},
    }
    if figure.qualifier.value != "exact":
        metric["qualifier"] = figure.qualifier.value
    if figure.period is not None:
        metric["period"] = {
            key: value
            for key, value in (("start_year", figure.period.start_year), ("end_year", figure.period.end_year))
            if value is not None
        }
    metric["source"] = {"quote": _quote(figure, text)}
    return metric


def _quote(figure: Figure, text: str) -> str:
    if len(figure.quote) <= MAX_QUOTE:
        return figure.quote
    start, end = figure.span
    low = max(0, start - MAX_QUOTE // 2)
    high = min(len(text), end + MAX_QUOTE // 2)
    for index in range(start - 1, low - 1, -1):
        if text[index] in CLAUSE_BREAKS:
            low = index + 1
            break
    for index in range(end, high):
        if text[index] in CLAUSE_BREAKS:
            high = index + 1
            break
    return text[low:high].strip()


def _slug(figure: Figure) -> str:
    words = re.findall(r"[a-z0-9]+", (figure.noun or "").lower())[:5] if figure.language == "en" else []
    if not words:
        words = re.findall(r"[a-z0-9]+", figure.quantity.unit.lower())
    if figure.is_money and figure.language != "en":
        words = ["funds"]
    return "-".join(words)[:_MAX_ID].strip("-") or "figure"


def _unique(slug: str, used: dict[str, int]) -> str:
    """``slug``, or ``slug-2``, ``slug-3`` … when it is taken; ``used`` counts the slugs given out."""
    candidate = slug
    while candidate in used:
        used[slug] = number = used[slug] + 1
        suffix = f"-{number}"
        candidate = slug[: _MAX_ID - len(suffix)].rstrip("-") + suffix
    used[candidate] = used.get(candidate, 1)
    return candidate


def _date_sentence(text: str, language: str) -> str | None:
    for count, sentence in enumerate(sentences(text, language)):
        if count >= _DATE_SENTENCES:
            return None
        if _DATE[language].search(text, sentence.start, sentence.end):
            quote = text[sentence.start : sentence.end]
            return quote if len(quote) <= MAX_QUOTE else None
    return None


def _date_hint(text: str, language: str) -> str:
    quote = _date_sentence(text, language)
    if quote is None:
        return ""
    found = _DATE[language].search(quote)
    assert found is not None
    return f" (the text says: {found[0]})"


def _date_source(text: str, language: str) -> dict[str, Any] | str:
    quote = _date_sentence(text, language)
    if quote is None:
        return f"{TODO}the sentence that gives the date, as {{'quote': …}}, or {{'inferred': true, 'note': …}}"
    return {"quote": quote}

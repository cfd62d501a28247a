"""Metrics as a pandas DataFrame (the ``pandas`` extra) and a chart of funds (the ``plot`` extra)."""

from __future__ import annotations

import functools
import importlib
import importlib.resources
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

from povmodel.core.errors import MissingExtraError, MissingFontError
from povmodel.core.model import Forum, Metric
from povmodel.core.totals import total
from povmodel.presentation._writing import running_date, upper_first
from povmodel.presentation.formatter import Formatter, LocaleLike

if TYPE_CHECKING:
    import pandas
    from matplotlib.figure import Figure

__all__ = ["COLUMNS", "MissingExtraError", "MissingFontError", "font_for", "plot_funds", "to_frame"]

COLUMNS = (
    "id",
    "category",
    "parent_category",
    "actor",
    "measure",
    "value",
    "unit",
    "qualifier",
    "period_start",
    "period_end",
    "label",
)
"""The columns of `to_frame`, in order."""

# Families tried first, in order, when installed; any other installed font that draws
# every character of a chart comes after them.
_PREFERRED_FONTS = (
    "DejaVu Sans",
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
)
# Fonts whose glyphs are placeholders for every character: they draw nothing readable.
_PLACEHOLDER_FONTS = ("Last Resort",)
# mplfonts (on PyPI) ships Noto Sans CJK SC, for machines without a system CJK font.
_PACKAGED_FONTS = (("mplfonts", "fonts/NotoSansCJKsc-Regular.otf"),)


def _require(module: str, extra: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(extra, module) from None


def to_frame(source: Forum | Iterable[Metric], *, locale: LocaleLike = "en", decimals: bool = True) -> pandas.DataFrame:
    """One row per metric, in long format, for analysis in pandas.

    Args:
        source: a forum, or any metrics.
        locale: the reader whose language the ``label`` column is in (``"zh_CN"``),
            chosen as everywhere else by a `Formatter`.
        decimals: keep values as exact ``Decimal`` objects (an ``object`` column);
            ``False`` converts them to ``float`` for plotting and statistics.

    Returns:
        A DataFrame with the columns `COLUMNS`. ``parent_category`` is
        ``None`` for top-level categories and when ``source`` is not a forum.

    Raises:
        MissingExtraError: pandas is not installed (``pip install 'povmodel[pandas]'``).

    Examples:
        >>> from povmodel import load_forum
        >>> frame = to_frame(load_forum())
        >>> frame.loc[frame.id == "housing-funds", ["value", "unit", "qualifier", "parent_category"]].values.tolist()
        [[Decimal('600000000'), 'CNY', 'more_than', 'livelihood']]
    """
    pd = _require("pandas", "pandas")
    fmt = Formatter(locale)
    forum = source if isinstance(source, Forum) else None
    metrics = source.metrics if isinstance(source, Forum) else tuple(source)
    parents = {c.id: c.parent for c in forum.categories} if forum else {}
    rows = [
        (
            m.id,
            m.category,
            parents.get(m.category),
            m.actor,
            m.measure,
            m.quantity.value if decimals else float(m.quantity.value),
            m.quantity.unit,
            m.qualifier.value,
            m.period.start_year if m.period else None,
            m.period.end_year if m.period else None,
            fmt.text(m.label),
        )
        for m in metrics
    ]
    frame: pandas.DataFrame = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    for column in ("period_start", "period_end"):
        frame[column] = frame[column].astype("Int64")
    return frame


def _font_files() -> list[str]:
    """Font files matplotlib can use: preferred families first, then the rest, then packaged fonts."""
    from matplotlib import font_manager

    installed = sorted(
        {
            (font.name, font.fname)
            for font in font_manager.fontManager.ttflist
            if font.style == "normal"
            and font.weight in (400, "normal", "regular", "book")
            and not font.name.startswith(_PLACEHOLDER_FONTS)
        },
        key=lambda pair: (
            _PREFERRED_FONTS.index(pair[0]) if pair[0] in _PREFERRED_FONTS else len(_PREFERRED_FONTS),
            pair,
        ),
    )
    files = [fname for _, fname in installed]
    for package, relative in _PACKAGED_FONTS:
        try:
            root = importlib.resources.files(package)
        except ModuleNotFoundError:
            continue
        path = root / relative
        if path.is_file():
            files.append(str(path))
    return files


@functools.lru_cache(maxsize=64)
def _charmap(path: str) -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(path).get_charmap())


def font_for(text: str) -> str:
    """The path of an installed font file that draws every character of ``text``.

    Raises:
        MissingFontError: no font matplotlib can use draws all of them; the message
            names the characters that the closest font lacks, and how to install
            a font that has them.
    """
    needed = {ord(char) for char in text if not char.isspace()}
    best: set[int] = needed
    for path in _font_files():
        lacking = needed - _charmap(path)
        if not lacking:
            return path
        best = min(best, lacking, key=len)
    missing = "".join(chr(code) for code in sorted(best))[:20]
    raise MissingFontError(missing)


def _m(message: str) -> str:
    return message


_CHART_TITLE: Final = _m("%(measure)s, by category")
_CHART_TOTAL: Final = _m("Part of the %(label)s %(period)s: %(figure)s in all.")
_CHART_SOURCE: Final = _m("Source: report on %(forum)s, %(date)s.")


def _parts_of_headline(forum: Forum, measure: str, unit: str) -> tuple[Metric | None, list[Metric]]:
    """The headline figure of ``measure`` (the whole), and the figures that are its declared parts.

    Without such a whole, every figure of the measure but the headline's is a part.
    """
    headline = [m for m in forum.headline_metrics() if m.measure == measure and m.quantity.unit == unit]
    whole = headline[0] if headline else None
    of_measure = [m for m in forum.metrics if m.measure == measure and m.quantity.unit == unit]
    if whole is not None:
        declared = {p for r in forum.relations if r.whole == whole.id and r.kind.additive for p in r.parts}
        if declared:
            return whole, [m for m in of_measure if m.id in declared]
    return whole, [m for m in of_measure if m not in headline]


def plot_funds(
    forum: Forum, *, locale: LocaleLike = "en", measure: str = "funds-invested", unit: str = "CNY"
) -> Figure:
    """A bar chart of the funds invested in each category of assistance, as a newspaper would print it.

    The bars are the categories whose funds the report declares part of its
    headline figure (the livelihood funds of the bundled forum), on a linear
    scale, each labelled with its figure as the report states it ("more than 600
    million yuan", "6亿余元"); the headline figure itself is in the caption, with
    the source. Every word is in the chart's language. Its texts use the first
    installed font that draws every character in them (see docs/notebooks.md):
    Chinese needs a CJK font.

    Raises:
        MissingExtraError: matplotlib is not installed (``pip install 'povmodel[plot]'``).
        MissingFontError: no installed font draws the chart's characters.
    """
    _require("matplotlib", "plot")
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    fmt = Formatter(locale)
    whole, parts = _parts_of_headline(forum, measure, unit)
    bars = []
    for category in forum.categories:
        own = [m for m in parts if m.category == category.id]
        if own:
            summed = total(own)
            bars.append((fmt.text(category.name), summed.quantity.value, fmt.total(summed)))
    title = upper_first(fmt._say(_CHART_TITLE, measure=fmt.text(forum.measure(measure).name)))
    lines = []
    if whole is not None:
        period = fmt.period(whole.period) if whole.period is not None else ""
        lines.append(fmt._say(_CHART_TOTAL, figure=fmt.metric(whole), period=period, label=fmt.text(whole.label)))
    day = running_date(fmt, forum.date)
    lines.append(fmt._say(_CHART_SOURCE, forum=fmt.text(forum.name, "def"), date=day))
    caption = "\n".join(upper_first(line.replace("  ", " ").strip()) for line in lines)
    words = "".join([title, caption, *(name + label for name, _, label in bars)])
    font = font_for(words)
    text_style: dict[str, Any] = {"fontproperties": FontProperties(fname=font)}
    figure = Figure(figsize=(9, 0.6 * len(bars) + 2.2), layout="constrained")
    axes = figure.subplots()
    names = [name for name, _, _ in bars]
    values = [float(value) for _, value, _ in bars]
    positions = list(range(len(bars)))
    axes.barh(positions, values, color="#3b6ea8", height=0.6)
    axes.set_yticks(positions, labels=names, **text_style)
    axes.invert_yaxis()
    for position, value, (_, _, label) in zip(positions, values, bars, strict=True):
        axes.annotate(
            label,
            (value, position),
            xytext=(4, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontproperties=FontProperties(fname=font, size=10),
        )
    # A linear scale, so that a bar's length is its value; each bar says its figure, so
    # the axis needs no numbers (a figure's words are the reader's language's).
    axes.set_xlim(0, max(values, default=1) * 1.35)
    axes.xaxis.set_visible(False)
    axes.spines[["top", "right", "bottom"]].set_visible(False)
    axes.set_title(title, loc="left", fontproperties=FontProperties(fname=font, size=13))
    figure.supxlabel(caption, x=0.01, ha="left", fontproperties=FontProperties(fname=font, size=9))
    return figure

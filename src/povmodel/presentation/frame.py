"""Metrics as a pandas DataFrame (the ``pandas`` extra) and a chart of funds (the ``plot`` extra)."""

from __future__ import annotations

import functools
import importlib
import importlib.resources
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from povmodel.core.errors import MissingExtraError, MissingFontError
from povmodel.core.model import Forum, Metric
from povmodel.core.totals import total
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


def plot_funds(
    forum: Forum, *, locale: LocaleLike = "en", measure: str = "funds-invested", unit: str = "CNY"
) -> Figure:
    """A bar chart of the funds invested in each category of assistance.

    One bar per category with funds of its own (parents are not drawn again: their
    funds are the sum of their children's), on a log scale, labelled in the chosen
    language, with each bar's figure as the report states it ("more than 600
    million yuan"). A report's headline total may contain the other bars.
    Its texts use the first installed font that draws every character in them
    (see docs/notebooks.md): Chinese needs a CJK font.

    Raises:
        MissingExtraError: matplotlib is not installed (``pip install 'povmodel[plot]'``).
        MissingFontError: no installed font draws the chart's characters.
    """
    _require("matplotlib", "plot")
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    fmt = Formatter(locale)
    bars = []
    for category in forum.categories:
        own = [
            m for m in forum.metrics if m.category == category.id and m.measure == measure and m.quantity.unit == unit
        ]
        if own:
            summed = total(own)
            bars.append((fmt.text(category.name), summed.quantity.value, fmt.total(summed)))
    figure = Figure(figsize=(9, 0.55 * len(bars) + 1.5), layout="constrained")
    axes = figure.subplots()
    measure_name = fmt.text(forum.measure(measure).name)
    title = f"{fmt.text(forum.name)} — {measure_name}"
    words = "".join([title, *(name + label for name, _, label in bars)])
    font = font_for(words)
    text_style: dict[str, Any] = {"fontproperties": FontProperties(fname=font)}
    names = [name for name, _, _ in bars]
    values = [float(value) for _, value, _ in bars]
    positions = range(len(bars))
    axes.barh(list(positions), values, color="#3b6ea8")
    axes.set_yticks(list(positions), labels=names, **text_style)
    axes.invert_yaxis()
    for position, value, (_, _, label) in zip(positions, values, bars, strict=True):
        axes.text(value, position, f"  {label}", va="center", fontproperties=FontProperties(fname=font, size=9))
    axes.set_title(title, **text_style)
    # A log scale: a report's headline total dwarfs the categories it contains.
    axes.set_xscale("log")
    axes.set_xlabel(f"{unit} (log scale)")
    axes.set_xlim(min(values, default=1) / 3, max(values, default=1) * 40)
    axes.spines[["top", "right"]].set_visible(False)
    return figure

"""Whatever povmodel accepts survives everything it does with a forum, and no summary is much longer than its forum.

The pipeline (``fuzz/oracle.py``, shared with the fuzzers): every file format and
back, compact JSON, totals by every grouping, the audit, every `Formatter` method
on every figure, and summaries in the seven locales, two styles and three markups.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Final

import pytest
from fuzz import oracle
from hypothesis import event, given
from hypothesis import strategies as st

import povmodel as pm
from tests.conftest import EN, SOURCE, make_forum, make_metric
from tests.strategies import forums

BASE: Final = pm.to_dict(pm.load_forum())


@given(forums())
def test_every_generated_forum_survives_the_whole_pipeline(forum: pm.Forum) -> None:
    oracle.pipeline(forum)  # 7 locales x 2 styles x 3 markups


@pytest.mark.parametrize("value", ["1" + "0" * 999_999, "9.99E+999999", "1E-999999", "0." + "0" * 5_000 + "1"])
def test_any_value_built_in_python_survives_the_pipeline(value: str) -> None:
    metrics = (make_metric(value, id="a"), make_metric("1", id="b", qualifier=pm.Qualifier.NEARLY))
    relation = pm.Relation(id="r", kind=pm.RelationKind.DISJOINT, parts=("a", "b"), note="n")
    forum = make_forum(metrics=metrics, relations=(relation,))
    oracle.pipeline(forum, locales=("en", "zh_CN", "ar"), read_back=False)  # beyond the reader's digit budget


def test_the_bundled_forum_survives_the_whole_pipeline() -> None:
    oracle.pipeline(pm.load_forum())  # summaries free of control characters, among the rest (issue #12)


# -- the bundled forum, mutated -------------------------------------------------------------


def _places(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every place in plain data, with the value there."""
    if path:
        yield path, node
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        yield from _places(value, (*path, key))


PLACES: Final = list(_places(BASE))
HOSTILE: Final[list[Any]] = [
    None,
    True,
    0,
    -1,
    1.5,
    "",
    " ",
    [],
    {},
    "-0",
    "1e5",
    "0x10",
    "2020-02-30",
    "\x00",
    "\u202e",
    10**20,
]


def _like(value: Any) -> st.SearchStrategy[Any]:
    """Values of the kind found at a place: often valid, sometimes not."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.integers(min_value=-5, max_value=10**16)
    if isinstance(value, str) and value.replace(".", "", 1).isdigit():  # a decimal: 13 places, 25 digits are too many
        places = st.integers(0, 13)
        return places.flatmap(lambda n: st.decimals(0, Decimal("1e25"), places=n)).map(lambda d: f"{d:f}")
    if isinstance(value, str):
        return st.text(_PRINTABLE, min_size=1, max_size=400) | st.text(max_size=10)
    return st.sampled_from(HOSTILE)


_PRINTABLE: Final = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    """The bundled forum's data with one to three places changed."""
    data = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 3))):
        path, value = draw(st.sampled_from(PLACES))
        target = data
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = draw(st.sampled_from(HOSTILE) if draw(st.integers(0, 4)) == 0 else _like(value))
        except (KeyError, IndexError, TypeError):  # an earlier change replaced a container
            pass
    return data


@given(mutated(), st.sampled_from(oracle.LOCALES), st.sampled_from(oracle.STYLES), st.sampled_from(oracle.MARKUPS))
def test_the_bundled_forum_mutated_loads_and_survives_or_is_refused(
    data: dict[str, Any], locale: str, style: pm.Style, markup: pm.Markup
) -> None:
    try:
        forum = pm.from_dict(data)
    except pm.ValidationError as error:
        oracle.check_refusal(error)
        event("refused")
        return
    event("loaded")
    oracle.pipeline(forum, [locale], [style], [markup])


# -- output amplification -------------------------------------------------------------------

K: Final = 400
"""A summary has at most ``K`` characters per byte of its forum's compact JSON (plus `C`).

The worst case: a name of 300 characters (`povmodel.core.limits.MAX_NAME_LENGTH`)
that escapes to 5 characters each in HTML (``&amp;``), referred to by an id of one
letter (``"a",``: 4 bytes) from many places: 300 x 5 / 4 = 375. Measured: 182 at
the budget of references (49 speakers of 204 programme items).
"""
C: Final = 4_096
"""Characters a summary may have beyond ``K`` per byte: its fixed words and markup (measured: under 1,000)."""


def _letters(number: int) -> str:
    return "abcdefghijklmnopqrstuvwxyz"[number % 26] + "abcdefghijklmnopqrstuvwxyz"[number // 26] * (number >= 26)


def adversarial(name: str, *, speakers: int, items: int, metrics: int, language: str = "en") -> pm.Forum:
    """Long names referred to from everywhere a forum refers to one: speakers, posts, metrics' actors, categories."""
    long = pm.LocalizedText({language: name})
    org = pm.Organization(id="o", name=long, kind=pm.OrganizationKind.ENTERPRISE, short_name=long)
    post = pm.Position(title=long, organization="o")
    people = tuple(
        pm.Person(id=_letters(i), name=pm.LocalizedText({language: name[:-3] + f"{i:03}"}), positions=(post,))
        for i in range(speakers)
    )
    speaking = tuple(person.id for person in people)
    programme = tuple(
        pm.ProgrammeItem(id=f"i{j}", kind=pm.ProgrammeKind.SPEECH, title=EN, speakers=speaking, source=SOURCE)
        for j in range(items)
    )
    figures = tuple(
        make_metric(str(10**6 + i), id=f"m{i}", label=long, actor="o", unit="CNY" if i % 2 else "person")
        for i in range(metrics)
    )
    return make_forum(
        name=long,
        city=long,
        sponsor="o",
        organizations=(org, *make_forum().organizations),
        people=people,
        programme=programme,
        categories=(pm.Category(id="cat", name=long),),
        measures=(pm.Measure(id="funds", name=long),),
        metrics=figures,
        headline=tuple(m.id for m in figures[:10]),
    )


NAMES: Final = {"ampersands": ("&" * 300, "en"), "brackets": ("<*_[`" * 60, "en"), "chinese": ("郝" * 300, "zh-Hans")}


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("speakers", "items", "metrics"), [(1, 1, 1), (20, 20, 50), (5, 100, 200)])
def test_summaries_are_bounded_by_a_multiple_of_the_input(name: str, speakers: int, items: int, metrics: int) -> None:
    text, language = NAMES[name]
    forum = adversarial(text, speakers=speakers, items=items, metrics=metrics, language=language)
    size = len(pm.dumps(forum, indent=None).encode())
    for locale in oracle.LOCALES:
        fmt = pm.Formatter(locale)
        for style in oracle.STYLES:
            for markup in oracle.MARKUPS:
                length = len(fmt.summarize(forum, style=style, markup=markup))
                assert length <= K * size + C, (locale, style, markup, length / size)


def test_the_largest_summary_at_the_budget_of_references() -> None:
    forum = adversarial("&" * 300, speakers=49, items=204, metrics=0)
    size = len(pm.dumps(forum, indent=None).encode())
    worst: tuple[tuple[str, pm.Style, pm.Markup], ...] = (("ar", "full", "html"), ("en", "full", "markdown"))
    for locale, style, markup in (*worst, ("ru", "short", "text")):
        assert len(pm.summarize(forum, locale=locale, style=style, markup=markup)) <= K * size + C
    more = pm.to_dict(forum)
    more["programme"].append({**more["programme"][0], "id": "one-more"})
    with pytest.raises(pm.ValidationError) as info:
        pm.from_dict(more)
    assert info.value.errors == (("$", "too many ids in lists of references: 10,045 (at most 10,000 in one forum)"),)

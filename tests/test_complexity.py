"""Time that grows linearly with the input: each case runs at n and 4n in one process.

Two measures, neither an absolute time: the function calls the run makes
(counted with ``sys.setprofile``: deterministic, so a quadratic loop in Python
cannot hide), and the best of five interleaved timings (which also catches a
quadratic loop inside C, such as ``list.index`` in a loop). Linear growth gives
a ratio of 4; each must stay under `RATIO` (quadratic growth gives 16).
"""

from __future__ import annotations

import gc
import math
import sys
import time
from collections.abc import Callable
from types import FrameType
from typing import Any, Final, TypeVar

import pytest
from fuzz import reproducers as r

import povmodel as pm
from tests.conftest import EN, SOURCE, make_forum

RATIO: Final = 8
"""The largest ratio of cost between n and 4n: twice what linear growth gives."""

_T = TypeVar("_T")


def _calls(run: Callable[[], object]) -> int:
    count = 0

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


def _best_times(small: Callable[[], object], large: Callable[[], object], repeat: int = 5) -> tuple[float, float]:
    """The best time of each, interleaved (a slow moment of the machine slows both), without the garbage collector.

    Each is run enough times in a row that the small one takes at least 20 ms.
    """
    start = time.perf_counter()
    small()
    loops = max(1, math.ceil(0.02 / max(time.perf_counter() - start, 1e-6)))
    best = [float("inf"), float("inf")]
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            for index, run in enumerate((small, large)):
                start = time.perf_counter()
                for _ in range(loops):
                    run()
                best[index] = min(best[index], time.perf_counter() - start)
    finally:
        gc.enable()
    return best[0], best[1]


def assert_linear(build: Callable[[int], _T], run: Callable[[_T], object], n: int) -> None:
    """``run`` on ``build(4 * n)`` costs at most `RATIO` times what it costs on ``build(n)``."""
    small, large = build(n), build(4 * n)
    run(small), run(large)  # caches warm
    calls = _calls(lambda: run(small)), _calls(lambda: run(large))
    assert calls[1] <= RATIO * calls[0], f"calls: {calls[0]:,} at n, {calls[1]:,} at 4n"
    # A busy machine can stall one side of a measurement: up to three measurements, the
    # best ratio counts. Quadratic work is 16 times longer at 4n in every one of them.
    ratios = []
    for _ in range(3):
        times = _best_times(lambda: run(small), lambda: run(large))
        ratios.append(times[1] / times[0])
        if ratios[-1] <= RATIO:
            break
    assert min(ratios) <= RATIO, f"time: {', '.join(f'{r:.1f}' for r in ratios)} times longer at 4n"


def _refused(payload: bytes, format: pm.FileFormat = "json") -> None:
    with pytest.raises(pm.ValidationError):
        pm.loads(payload, format=format)


def test_yaml_aliases_are_refused_at_the_first_anchor() -> None:
    assert_linear(lambda n: r.alias_bomb(levels=n, width=9), lambda text: _refused(text, "yaml"), 8)


def test_deep_yaml_is_refused_in_linear_time() -> None:
    deep = "format_version: 3\nid: {}\n"
    assert_linear(lambda n: deep.format("[" * n + "]" * n).encode(), lambda text: _refused(text, "yaml"), 200)


def test_deep_json_is_refused_in_linear_time() -> None:
    assert_linear(lambda n: b'{"id": ' + b"[" * n + b"]" * n + b"}", _refused, 2_000)


def test_empty_metrics_are_reported_in_linear_time() -> None:
    assert_linear(r.empty_metrics, _refused, 1_000)


def test_too_many_items_are_refused_in_linear_time() -> None:
    assert_linear(r.empty_metrics, _refused, 20_000)


def test_a_chain_of_categories_loads_in_linear_time() -> None:
    assert_linear(r.category_chain, pm.loads, 1_000)


def test_a_cycle_of_categories_is_found_in_linear_time() -> None:
    assert_linear(lambda n: r.category_chain(n, cycle=True), _refused, 1_000)


def test_totals_of_flat_categories_take_linear_time() -> None:
    assert_linear(lambda n: pm.loads(r.flat_categories(n)), lambda forum: pm.totals_by(forum, "category"), 1_000)


def _many_ids(count: int) -> pm.Forum:
    organizations = tuple(
        pm.Organization(id=f"o{i}", name=EN, kind=pm.OrganizationKind.ENTERPRISE, parent=f"o{i - 1}" if i else None)
        for i in range(count)
    )
    people = tuple(
        pm.Person(id=f"p{i}", name=EN, positions=(pm.Position(title=EN, organization=f"o{i}"),)) for i in range(count)
    )
    return make_forum(organizations=(*make_forum().organizations, *organizations), people=people)


def test_many_ids_load_and_are_looked_up_in_linear_time() -> None:
    assert_linear(lambda n: pm.dumps(_many_ids(n)).encode(), pm.loads, 500)

    def lookups(forum: pm.Forum) -> None:
        for person in forum.people:
            forum.organization(forum.person(person.id).positions[0].organization)

    assert_linear(lambda n: pm.loads(pm.dumps(_many_ids(n))), lookups, 500)


def _long_texts(length: int) -> bytes:
    data = r.base()
    for metric in data["metrics"]:
        metric["source"] = {"quote": "x" * length}
    return r.text(data)


def test_long_texts_take_linear_time() -> None:
    assert_linear(_long_texts, pm.loads, 1_000)  # up to 4,000 characters: accepted
    assert_linear(lambda n: _long_texts(n) + b"\x00", _refused, 100_000)  # refused: too long, and not JSON


def _speaker_of_everything(items: int) -> pm.Forum:
    person = pm.Person(id="p", name=pm.LocalizedText({"en": "x" * 300}))
    programme = tuple(
        pm.ProgrammeItem(id=f"i{j}", kind=pm.ProgrammeKind.SPEECH, title=EN, speakers=("p",), source=SOURCE)
        for j in range(items)
    )
    return make_forum(people=(person,), programme=programme)


@pytest.mark.parametrize("markup", ["text", "markdown", "html"])
def test_summaries_of_one_long_name_said_many_times_take_linear_time(markup: pm.Markup) -> None:
    assert_linear(_speaker_of_everything, lambda forum: pm.summarize(forum, style="full", markup=markup), 100)
    small, large = (len(pm.summarize(_speaker_of_everything(n), style="full", markup=markup)) for n in (100, 400))
    assert large <= RATIO * small

"""Mutation fuzzing of the reader, starting from the bundled file.

Every mutated input must either load (and then round-trip) or raise
``povmodel.ValidationError`` whose messages say what is wrong in words: no other
exception, no message that names a Python exception (a bug dressed as a
validation error: ``fuzz/oracle.py`` decides), and no input may take longer than
a generous bound. The seed is fixed so that CI is repeatable; set
``POVMODEL_FUZZ_SEED=random`` (or a number) and ``POVMODEL_FUZZ_COUNT`` to explore.
Coverage-guided fuzzing with atheris is in ``fuzz/`` (see fuzz/README.md).
"""

from __future__ import annotations

import copy
import json
import os
import random
import signal
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fuzz import oracle
from fuzz import reproducers as r

import povmodel as pm
from povmodel.io import converter, serialize

COUNT = int(os.environ.get("POVMODEL_FUZZ_COUNT", "10000"))
_SEED = os.environ.get("POVMODEL_FUZZ_SEED", "20201016")
SEED = random.SystemRandom().randrange(2**32) if _SEED == "random" else int(_SEED)
SECONDS_PER_INPUT = 5  # a hang detector, not a speed test: inputs take milliseconds

BASE = pm.to_dict(pm.load_forum())
TEXT = pm.dumps(pm.load_forum())

HOSTILE_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1.5,
    10**400,
    -(10**30),
    "",
    " ",
    "x",
    [],
    {},
    [1],
    {"a": 1},
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999999",
    "-5",
    "12,5",
    "0x10",
    "1" * 5000,
    "9" * 40 + ".5",
    "2020-02-30",
    "2020-10-16T00:00:00",
    "\x00",
    "é" * 3,
    "zh-Hans",
    "exact",
    "more_than",
    "x" * 100_000,
]


def _containers(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _containers(value, (*path, key))
    elif isinstance(node, list):
        yield path, node
        for index, value in enumerate(node):
            yield from _containers(value, (*path, index))


CONTAINERS = list(_containers(BASE))


def _pick(data: Any, rng: random.Random) -> tuple[Any, Any]:
    """A random (container, key) in a copy of the data."""
    path, _ = rng.choice(CONTAINERS)
    node = data
    for key in path:
        node = node[key]
    if not node:
        return None, None
    key = rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))
    return node, key


def _data_mutation(rng: random.Random) -> tuple[str, bytes]:
    data = copy.deepcopy(BASE)
    kind = rng.choice(["drop", "type", "hostile", "enum", "dangling", "duplicate-id", "deep", "grow", "extra-key"])
    node, key = _pick(data, rng)
    if node is None:
        return "noop", json.dumps(data).encode()
    if kind == "drop":
        del node[key]
    elif kind in ("type", "hostile"):
        node[key] = rng.choice(HOSTILE_VALUES)
    elif kind == "enum":
        node[key] = rng.choice(["bogus", "MORE_THAN", "Exact", "more than", 1])
    elif kind == "dangling":
        node[key] = "no-such-id"
    elif kind == "duplicate-id":
        metrics = data["metrics"]
        metrics[rng.randrange(len(metrics))]["id"] = metrics[rng.randrange(len(metrics))]["id"]
    elif kind == "deep":
        depth = rng.choice([5, 31, 33, 200, 5000, 100_000])
        node[key] = "__DEEP__"
        text = json.dumps(data).replace('"__DEEP__"', "[" * depth + "0" + "]" * depth, 1)
        return kind, text.encode()
    elif kind == "grow" and isinstance(node, list):
        node.extend([copy.deepcopy(node[key])] * rng.randrange(1, 50))
    else:
        if isinstance(node, dict):
            node[f"unknown-{rng.randrange(100)}"] = 1
    return kind, json.dumps(data, ensure_ascii=rng.random() < 0.5).encode()


def _text_mutation(rng: random.Random) -> tuple[str, bytes]:
    raw = TEXT.encode()
    kind = rng.choice(["truncate", "flip", "invalid-utf8", "duplicate-key", "splice"])
    position = rng.randrange(len(raw))
    if kind == "truncate":
        return kind, raw[:position]
    if kind == "flip":
        return kind, raw[:position] + bytes([rng.randrange(256)]) + raw[position + 1 :]
    if kind == "invalid-utf8":
        return kind, raw[:position] + rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf8\x88"]) + raw[position:]
    if kind == "duplicate-key":
        start = raw.find(b"{\n", position)
        if start < 0:
            return kind, raw
        end = raw.find(b"\n", start + 2)
        line = raw[start + 2 : end].rstrip(b",")
        return kind, raw[: start + 2] + line + b",\n" + raw[start + 2 :]
    other = rng.randrange(len(raw))
    return kind, raw[:position] + raw[other : other + rng.randrange(1, 200)] + raw[position:]


MUTATIONS: list[Callable[[random.Random], tuple[str, bytes]]] = [_data_mutation, _text_mutation]


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


def _outcome(payload: bytes) -> str:
    """``"loaded"`` (and round-tripped) or ``"rejected"`` (with JSON paths); anything else raises."""
    forum = oracle.load(payload)  # a refusal whose message names an exception is a finding, raised
    if forum is None:
        return "rejected"
    if pm.from_dict(pm.to_dict(forum)) != forum:
        raise AssertionError("loaded but did not round-trip")
    return "loaded"


def _run(count: int, seed: int) -> tuple[dict[str, int], list[str]]:
    """Outcomes of ``count`` mutated inputs, and the failures: ``#number kind: Exception: message``."""
    rng = random.Random(seed)
    outcomes = {"loaded": 0, "rejected": 0}
    failures: list[str] = []
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for number in range(count):
            kind, payload = rng.choice(MUTATIONS)(rng)
            signal.setitimer(signal.ITIMER_REAL, SECONDS_PER_INPUT)
            try:
                outcomes[_outcome(payload)] += 1
            except _Timeout:
                failures.append(f"#{number} {kind}: over {SECONDS_PER_INPUT}s")
            except Exception as error:  # noqa: BLE001 - any other exception is the finding
                failures.append(f"#{number} {kind}: {type(error).__name__}: {error}"[:300])
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)
    return outcomes, failures


def test_mutated_inputs_load_or_raise_validation_error() -> None:
    outcomes, failures = _run(COUNT, SEED)
    assert failures == [], f"seed {SEED}: {len(failures)} failures: {failures[:5]}"
    assert sum(outcomes.values()) == COUNT >= 10_000 or _SEED != "20201016"
    # Both outcomes occur: the mutations are neither all fatal nor all harmless.
    assert outcomes["loaded"] > 0 and outcomes["rejected"] > COUNT // 2, outcomes


@pytest.mark.parametrize("value", ["9" * 24, "0." + "0" * 11 + "1", "9" * 24 + "." + "9" * 12])
def test_decimals_at_the_budget_load_exactly_and_format_briefly(value: str) -> None:
    data = copy.deepcopy(BASE)
    data["metrics"][0]["quantity"]["value"] = value
    forum = pm.from_dict(data)
    assert forum.metrics[0].quantity.value == Decimal(value)
    assert pm.loads(pm.dumps(forum)) == forum
    normal = pm.summarize(pm.load_forum(), style="full")
    assert len(pm.summarize(forum, style="full")) < len(normal) + 100


@pytest.mark.parametrize("value", ["1" * 400, "0." + "0" * 300 + "1", "9" * 25, "1." + "0" * 13])
def test_decimals_beyond_the_budget_are_refused_with_the_budget(value: str) -> None:
    data = copy.deepcopy(BASE)
    data["metrics"][0]["quantity"]["value"] = value
    with pytest.raises(pm.ValidationError) as info:
        pm.from_dict(data)
    assert info.value.errors == (
        ("$.metrics[0].quantity.value", "too many digits: at most 24 before the decimal point and 12 after it"),
    )


# -- the oracle can fail ------------------------------------------------------------------


@pytest.fixture
def broken_hook(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """povmodel with a bug: the hook that reads every string raises ``TypeError``, and so does the fast reader."""

    def broken(value: object, _: object = None) -> str:
        raise TypeError("boom")

    monkeypatch.setattr(converter, "_structure_str", broken)
    monkeypatch.setattr(serialize, "_readers", lambda: (broken, broken))
    serialize._converters.cache_clear()  # the converters are rebuilt with the broken hook
    yield
    monkeypatch.undo()
    serialize._converters.cache_clear()


@pytest.mark.usefixtures("broken_hook")
def test_a_bug_in_a_hook_is_a_failure_not_a_validation_error() -> None:
    with pytest.raises(TypeError, match="boom"):
        pm.loads(TEXT)
    outcomes, failures = _run(200, SEED)
    # Inputs that are not JSON, or break a budget, are refused before any string is read.
    assert outcomes["loaded"] == 0 and len(failures) > 50, (outcomes, failures[:3])
    assert all(failure.split(": ", 1)[1] == "TypeError: boom" for failure in failures), failures[:3]


@pytest.mark.parametrize(
    "message",
    [
        "TypeError: 'NoneType' object is not subscriptable",  # what povmodel 0.1 reported for any bug
        "[<class 'decimal.InvalidOperation'>]",
        "Exceeds the limit (4300 digits) for integer string conversion: ValueError",
        "unexpected KeyError",
    ],
)
def test_the_oracle_refuses_a_message_that_names_an_exception(message: str) -> None:
    with pytest.raises(oracle.Finding, match="a bug reported as a validation error"):
        oracle.check_refusal(pm.ValidationError([("$.metrics[0].id", message)]))


@pytest.mark.parametrize(
    "message",
    [
        "not one of 'exact', 'more_than': 'TypeError'",  # the user's own value, quoted
        "invalid JSON: Expecting value: line 1 column 1 (char 0)",
        "too many digits: 5,000 (at most 15)",
    ],
)
def test_the_oracle_accepts_messages_in_words(message: str) -> None:
    oracle.check_refusal(pm.ValidationError([("$.metrics[0].id", message)]))


# -- the seed corpus of the coverage-guided fuzzers (fuzz/) ---------------------------------

CORPUS = sorted(path for path in r.CORPUS.glob("*/*") if path.is_file())


def test_the_corpus_holds_every_reproducer() -> None:
    assert {(path.parent.name, path.name) for path in CORPUS} >= set(r.seeds())


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_corpus_file_passes_the_oracle(path: Path) -> None:
    target = path.parent.name
    forum = oracle.load(path.read_bytes(), "json" if target == "pipeline" else target)  # type: ignore[arg-type]
    if forum is not None and target == "pipeline":
        locale, style, markup = oracle.choose(path.read_bytes())
        oracle.pipeline(forum, [locale], [style], [markup])

"""Mutation fuzzing of the reader, starting from the bundled file.

Every mutated input must either load (and then round-trip) or raise
``povmodel.ValidationError``: no other exception, and no input may take longer
than a generous bound. The seed is fixed so that CI is repeatable; set
``POVMODEL_FUZZ_SEED=random`` (or a number) and ``POVMODEL_FUZZ_COUNT`` to explore.
"""

from __future__ import annotations

import copy
import json
import os
import random
import signal
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest

import povmodel as pm

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
    try:
        forum = pm.loads(payload)
    except pm.ValidationError as error:
        errors = error.errors
    else:
        if pm.loads(pm.dumps(forum)) != forum or pm.from_dict(pm.to_dict(forum)) != forum:
            raise AssertionError("loaded but did not round-trip")
        return "loaded"
    if not errors or not all(path.startswith("$") for path, _ in errors):
        raise AssertionError(f"errors without JSON paths: {errors!r}")
    return "rejected"


def test_mutated_inputs_load_or_raise_validation_error() -> None:
    rng = random.Random(SEED)
    outcomes = {"loaded": 0, "rejected": 0}
    failures: list[str] = []
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for number in range(COUNT):
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
    assert failures == [], f"seed {SEED}: {len(failures)} failures"
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

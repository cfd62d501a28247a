"""The hostile inputs of issue "every input in bounded time and memory", as files.

Each builder makes one reproducer at a size given as an argument, from the
bundled forum or from the plain data of another forum: the tests
(tests/test_hostile.py) use the bundled forum and the issue's sizes; the fuzzers'
seed corpus (``python fuzz/reproducers.py`` writes ``fuzz/corpus/``) uses a small
forum and sizes just past each budget, so that the seeds stay small and the
fuzzers fast. Every crash a fuzzer finds is added here, and as a regression test.
"""

from __future__ import annotations

import contextlib
import copy
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import povmodel as pm

CORPUS = Path(__file__).resolve().parent / "corpus"
TARGETS = ("json", "yaml", "toml", "pipeline")


Data = dict[str, Any]
_forum: Data | None = None  # the forum the builders start from; None: the bundled one


def base() -> Data:
    """The forum the reproducers start from, as plain data (a new copy): the bundled one unless `using` says."""
    return copy.deepcopy(_forum) if _forum is not None else pm.to_dict(pm.load_forum())


@contextlib.contextmanager
def using(data: Data) -> Iterator[None]:
    """Build the reproducers from ``data`` (a valid forum's plain data) inside the ``with`` block."""
    global _forum
    previous, _forum = _forum, data
    try:
        yield
    finally:
        _forum = previous


def small() -> Data:
    """A small valid forum: the bundled one's first organisation, person, programme item, category, measure, metric."""
    data = base()
    metric = data["metrics"][0]
    category = next(c for c in data["categories"] if c["id"] == metric["category"])
    person = dict(data["people"][0], positions=[])
    item = dict(data["programme"][0], speakers=[person["id"]])
    actor = next(o for o in data["organizations"] if o["id"] == metric["actor"])
    measure = next(m for m in data["measures"] if m["id"] == metric["measure"])
    attendance = dict(data["attendance"], organizations=[], groups=[])
    keep = ("format_version", "id", "name", "date", "date_source", "city")
    return {
        **{key: data[key] for key in keep},
        "attendance": attendance,
        "organizations": [{**actor, "parent": None}],
        "people": [person],
        "programme": [item],
        "categories": [{**category, "parent": None}],
        "measures": [measure],
        "metrics": [dict(metric, period=None)],
    }


def text(data: Data) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def replaced(old: str, new: str, format: pm.FileFormat = "json") -> bytes:
    """The forum in ``format`` with the first ``old`` replaced by ``new``."""
    written = pm.dumps(pm.from_dict(base()), format=format)
    assert old in written, old
    return written.replace(old, new, 1).encode("utf-8")


# -- 1. inputs that took unbounded time or memory -------------------------------------


def alias_bomb(levels: int = 9, width: int = 9) -> bytes:
    """#1: YAML anchors, each level ``width`` aliases of the one below, in an unknown key."""
    lines = [f"format_version: {pm.FORMAT_VERSION}", "x:", f"  a0: &a0 [{','.join(['x'] * width)}]"]
    lines += [f"  a{i}: &a{i} [{','.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels)]
    return ("\n".join(lines) + "\n").encode()


def empty_metrics(count: int) -> bytes:
    """#3: ``count`` empty objects in ``metrics``."""
    data = base()
    data["metrics"] = [{}] * count
    return text(data)


def _categories(count: int, chained: bool) -> list[dict[str, Any]]:
    return [
        {"id": f"c{i}", "name": {"en": f"c{i}"}, **({"parent": f"c{i - 1}"} if chained and i else {})}
        for i in range(count)
    ]


def category_chain(count: int, *, cycle: bool = False) -> bytes:
    """#4: categories each the child of the one before (the first the child of the last, for a cycle)."""
    data = base()
    data["categories"] = _categories(count, chained=True)
    if cycle:
        data["categories"][0]["parent"] = f"c{count - 1}"
    data.update(metrics=[], headline=[], relations=[])
    return text(data)


def flat_categories(count: int) -> bytes:
    """#5: ``count`` categories side by side, each with one metric."""
    data = base()
    metric = dict(data["metrics"][0], label={"en": "m"}, source={"quote": "q"})
    metric.pop("statement", None)
    data["categories"] = _categories(count, chained=False)
    data["metrics"] = [dict(metric, id=f"m{i}", category=f"c{i}") for i in range(count)]
    data.update(headline=[], relations=[])
    return text(data)


def repeated_speaker(name_length: int, references: int) -> bytes:
    """#6: a long name, referred to ``references`` times as a speaker of one item."""
    data = base()
    data["people"].append({"id": "long", "name": {"en": "x" * name_length}})
    data["programme"][0]["speakers"] = ["long"] * references
    return text(data)


# -- 2. exceptions that escaped -------------------------------------------------------


def long_integer(digits: int, format: pm.FileFormat = "json") -> bytes:
    """#7: ``participants`` with ``digits`` digits."""
    old = {"json": '"participants": 300', "yaml": "participants: 300", "toml": "participants = 300"}[format]
    return replaced(old, old.replace("300", "1" * digits), format)


def long_decimal(digits: int) -> bytes:
    """#8: a metric's value of 1 followed by ``digits`` zeros."""
    data = base()
    data["metrics"][0]["quantity"]["value"] = "1" + "0" * digits
    return text(data)


def lone_surrogate() -> bytes:
    """#9: a JSON escape of a lone surrogate in a text."""
    return replaced('"en": "Beijing"', '"en": "Bei\\ud800jing"')


def invalid_utf8() -> bytes:
    """#9: the UTF-8 encoding of a surrogate (ED A0 80), which is not UTF-8."""
    return replaced('"en": "Beijing"', '"en": "Bei@jing"').replace(b"Bei@jing", b"Bei\xed\xa0\x80jing", 1)


# -- 3. silent wrong output -----------------------------------------------------------


def escape_sequence(name: str = "\x1b]0;pwned\x07\x1b[2J") -> bytes:
    """#12: terminal escape sequences (or NUL, or U+202E) in the forum's name."""
    data = base()
    data["name"]["en"] = name
    return text(data)


def metric_value(value: str) -> bytes:
    """#16, #17, #27: a metric's value as given."""
    data = base()
    data["metrics"][0]["quantity"]["value"] = value
    return text(data)


def yaml_duplicate_key() -> bytes:
    """#19: a YAML mapping with the same key twice."""
    return replaced("\nid: ", "\nid: other\nid: ", "yaml")


def yaml_number(spelling: str) -> bytes:
    """#20: ``participants`` spelled as YAML 1.1 reads a number (``010``, ``0b101``, ``5:00``, ``0x12C``)."""
    return replaced("participants: 300", f"participants: {spelling}", "yaml")


def utf16() -> bytes:
    """#26: the bundled forum in UTF-16."""
    return pm.dumps(pm.from_dict(base())).encode("utf-16")


def toml_bom() -> bytes:
    """#26: TOML with a byte order mark."""
    return "\ufeff".encode() + pm.dumps(pm.from_dict(base()), format="toml").encode()


def json_duplicate_key() -> bytes:
    """#33: a JSON object with the same key twice."""
    return replaced('"participants": 300', '"participants": 300, "participants": 301')


def deep(levels: int, format: pm.FileFormat = "json") -> bytes:
    """#33: arrays nested ``levels`` deep."""
    old = {"json": '"participants": 300', "yaml": "participants: 300", "toml": "participants = 300"}[format]
    return replaced(old, old.replace("300", "[" * levels + "]" * levels), format)


# -- found while fuzzing ---------------------------------------------------------------


def long_duplicate_key(format: pm.FileFormat, length: int = 1_000) -> bytes:
    """A key of ``length`` characters, twice: each parser's message quoted it whole."""
    key = "k" * length
    return {"json": f'{{"{key}": 1, "{key}": 2}}', "yaml": f"{key}: 1\n{key}: 2\n", "toml": f"{key} = 1\n{key} = 2\n"}[
        format
    ].encode()


def long_invalid_key(length: int = 1_000) -> bytes:
    """A TOML key of ``length`` digits and a space (found by fuzz_toml.py): tomlkit's message quoted it whole."""
    return b"1" * length + b" es = 1\n"


def yaml_date(value: str = "2020-02-30") -> bytes:
    """The forum's date unquoted in YAML, a day that does not exist (found by fuzz_yaml.py): PyYAML raised."""
    return replaced("date: '2020-10-16'", f"date: {value}", "yaml")


# -- the seed corpus ------------------------------------------------------------------

SEEDS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "01-alias-bomb.yaml": ("yaml", alias_bomb),
    "03-empty-metrics.json": ("json", lambda: empty_metrics(10_001)),
    "04-category-chain.json": ("json", lambda: category_chain(300)),
    "04-category-cycle.json": ("json", lambda: category_chain(300, cycle=True)),
    "05-flat-categories.json": ("json", lambda: flat_categories(100)),
    "06-repeated-speaker.json": ("json", lambda: repeated_speaker(5_001, 20)),
    "07-long-integer.json": ("json", lambda: long_integer(5_000)),
    "07-long-integer.yaml": ("yaml", lambda: long_integer(5_000, "yaml")),
    "07-long-integer.toml": ("toml", lambda: long_integer(5_000, "toml")),
    "08-long-decimal.json": ("json", lambda: long_decimal(10_000)),
    "09-lone-surrogate.json": ("json", lone_surrogate),
    "09-invalid-utf8.json": ("json", invalid_utf8),
    "12-escape-sequence.json": ("json", escape_sequence),
    "12-nul.json": ("json", lambda: escape_sequence("Bei\x00jing")),
    "12-bidi-override.json": ("json", lambda: escape_sequence("Bei\u202ejing")),
    "16-long-fraction.json": ("json", lambda: metric_value("12345.678901234567890123456789012345")),
    "17-two-hundred-digits.json": ("json", lambda: metric_value("1" + "9" * 199)),
    "19-duplicate-key.yaml": ("yaml", yaml_duplicate_key),
    "20-octal.yaml": ("yaml", lambda: yaml_number("010")),
    "20-binary.yaml": ("yaml", lambda: yaml_number("0b101")),
    "20-sexagesimal.yaml": ("yaml", lambda: yaml_number("5:00")),
    "20-hexadecimal.yaml": ("yaml", lambda: yaml_number("0x12C")),
    "26-utf16.json": ("json", utf16),
    "26-bom.toml": ("toml", toml_bom),
    "27-negative-zero.json": ("json", lambda: metric_value("-0")),
    "33-duplicate-key.json": ("json", json_duplicate_key),
    "33-deep.json": ("json", lambda: deep(40)),
    "33-very-deep.json": ("json", lambda: deep(5_000)),
    "33-deep.yaml": ("yaml", lambda: deep(40, "yaml")),
    "33-deep.toml": ("toml", lambda: deep(40, "toml")),
    # Found while fuzzing (tests/test_hostile.py::test_findings).
    "found-mixed-keys.yaml": ("yaml", lambda: b"format_version: 3\n1: a\nnull: b\n"),
    "found-long-integer-for-a-string.json": ("json", lambda: b'{"format_version": 3, "id": 1' + b"0" * 30 + b"}"),
    "found-long-duplicate-key.json": ("json", lambda: long_duplicate_key("json")),
    "found-long-duplicate-key.yaml": ("yaml", lambda: long_duplicate_key("yaml")),
    "found-long-duplicate-key.toml": ("toml", lambda: long_duplicate_key("toml")),
    "found-long-invalid-key.toml": ("toml", long_invalid_key),
    "found-impossible-date.yaml": ("yaml", yaml_date),
    "found-bare-date.yaml": ("yaml", lambda: b"2020-02-30"),
}
"""The reproducers as seed files: file name -> (fuzz target, builder)."""


def seeds() -> dict[tuple[str, str], bytes]:
    """Every seed by (target, file name): the bundled and a small forum in each format, and the reproducers.

    The reproducers start from the small forum. The pipeline target reads JSON:
    its seeds are the forums and the JSON reproducers.
    """
    found: dict[tuple[str, str], bytes] = {}
    formats: tuple[pm.FileFormat, ...] = ("json", "yaml", "toml")
    for forum, name in ((pm.load_forum(), "00-bundled"), (pm.from_dict(small()), "00-small")):
        for format in formats:
            found[format, f"{name}.{format}"] = pm.dumps(forum, format=format).encode()
        found["pipeline", f"{name}.json"] = found["json", f"{name}.json"]
    with using(small()):
        for name, (target, build) in SEEDS.items():
            found[target, name] = build()
            if target == "json":
                found["pipeline", name] = found[target, name]
    return found


def write_corpus(root: Path = CORPUS) -> None:
    """Write the seed corpus (the fuzzers add their own finds beside it)."""
    for (target, name), content in seeds().items():
        folder = root / target
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)


if __name__ == "__main__":
    write_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)

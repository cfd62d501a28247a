"""Every reproducer of the issue "every input in bounded time and memory, every failure a clear error".

Numbered as in the issue; the inputs come from ``fuzz/reproducers.py`` (the fuzzers' seed corpus too).
"""

from __future__ import annotations

import contextlib
import decimal
import io
import os
import subprocess
import sys
import threading
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from fuzz import oracle
from fuzz import reproducers as r

import povmodel as pm
from povmodel.io import limits
from tests.conftest import LOCALES, make_forum, make_metric

Errors = tuple[tuple[str, str], ...]
LIMIT = f"{pm.MAX_INPUT_BYTES:,}"
TOO_LARGE = f"input too large: more than {LIMIT} bytes (the limit is {LIMIT})"
DIGITS = "too many digits: at most 24 before the decimal point and 12 after it"


def refusal(payload: str | bytes, format: pm.FileFormat = "json") -> Errors:
    with pytest.raises(pm.ValidationError) as info:
        pm.loads(payload, format=format)
    oracle.check_refusal(info.value)
    return info.value.errors


def errors(call: Callable[[], object]) -> pm.ValidationError:
    with pytest.raises(pm.ValidationError) as info:
        call()
    return info.value


def povmodel(*args: str, stdin: Any = None, input: str | None = None, timeout: float = 60) -> Any:
    run = [sys.executable, "-m", "povmodel", *args]
    return subprocess.run(run, capture_output=True, text=True, stdin=stdin, input=input, timeout=timeout, check=False)


# -- 1. time and memory -----------------------------------------------------------------


def test_01_yaml_alias_bomb_is_refused_before_it_expands() -> None:
    assert len(r.alias_bomb(9, 9)) < 500
    message = "invalid YAML: anchors and aliases are not allowed (line 3, column 7)"
    assert refusal(r.alias_bomb(9, 9), "yaml") == (("$", message),)


@pytest.mark.parametrize("line", ["id: *a", "id: !!int 010", "id: !!python/object:os.system x"])
def test_01_yaml_aliases_and_tags_are_refused(line: str) -> None:
    what, hint = ("anchors and aliases are", "") if "*" in line else ("tags are", "; quote a string instead")
    message = f"invalid YAML: {what} not allowed (line 2, column 5){hint}"
    assert refusal(f"format_version: 3\n{line}\n", "yaml") == (("$", message),)


def test_02_dev_zero_is_too_large(tmp_path: Path) -> None:
    link = tmp_path / "z.json"
    link.symlink_to("/dev/zero")
    assert errors(lambda: pm.load(link)).errors == (("$", TOO_LARGE),)
    result = povmodel("validate", str(link))
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"{link}: $: {TOO_LARGE}\n")


def test_02_stdin_and_streams_have_the_same_limit() -> None:
    with open("/dev/zero", "rb") as zero:
        result = povmodel("summary", "-", stdin=zero)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"povmodel: $: {TOO_LARGE}\n")
    stream = io.BytesIO(b"x" * 100_000)
    with pytest.raises(pm.ValidationError):
        limits.read_stream(stream, 1_000)
    assert stream.tell() == 1_001


def test_02_fifo_without_a_writer_reads_as_empty(tmp_path: Path) -> None:
    fifo = tmp_path / "f.json"
    os.mkfifo(fifo)
    result = povmodel("validate", str(fifo), timeout=30)  # a hang fails here
    empty = "invalid JSON: Expecting value: line 1 column 1 (char 0)"
    assert (result.returncode, result.stderr) == (1, f"{fifo}: $: {empty}\n")


def test_02_endless_fifo_is_refused_after_the_limit(tmp_path: Path) -> None:
    fifo, written = tmp_path / "f.json", [0]
    os.mkfifo(fifo)

    def write() -> None:  # 1 MiB at a time, up to 200 MiB, until the reader goes away
        with contextlib.suppress(BrokenPipeError), open(fifo, "wb", buffering=0) as pipe:
            while written[0] < 200 << 20:
                written[0] += pipe.write(b" " * (1 << 20)) or 0

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    result = povmodel("validate", str(fifo), timeout=60)
    if writer.is_alive():  # the reader never opened it: let the writer's open return
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
    writer.join(10)
    assert (result.returncode, result.stderr) == (1, f"{fifo}: $: {TOO_LARGE}\n")
    assert written[0] <= pm.MAX_INPUT_BYTES + 1 + (1 << 20)  # limit + 1 read; the pipe held the rest


def test_03_a_quarter_million_empty_metrics_is_one_error() -> None:
    assert refusal(r.empty_metrics(250_000)) == (("$.metrics", "too many items: 250,000 (at most 10,000)"),)


def test_03_errors_past_a_hundred_are_counted() -> None:
    error = errors(lambda: pm.loads(r.empty_metrics(10_000)))
    assert error.errors[:2] == (
        ("$.metrics[0].id", "required field missing"),
        ("$.metrics[0].label", "required field missing"),
    )
    assert (len(error.errors), error.more) == (100, 69_900)
    assert str(error).endswith("\n…and 69,900 more") and len(str(error)) < 5_000


def test_04_a_long_chain_of_categories() -> None:
    assert refusal(r.category_chain(20_000)) == (("$.categories", "too many items: 20,000 (at most 10,000)"),)
    assert len(pm.loads(r.category_chain(9_000)).categories) == 9_000
    cycle = errors(lambda: pm.loads(r.category_chain(9_000, cycle=True)))
    assert cycle.errors[0] == ("$.categories[0].parent", "parents form a cycle through 'c0'")
    assert (len(cycle.errors), cycle.more) == (100, 8_900)


def test_05_many_flat_categories() -> None:
    items = "too many items: 20,000 (at most 10,000)"
    assert refusal(r.flat_categories(20_000)) == (("$.categories", items), ("$.metrics", items))
    kept = ("organizations", "people", "programme", "measures", "projects")
    total = 10_000 + sum(len(getattr(pm.load_forum(), collection)) for collection in kept)
    objects = f"too many objects with ids: {total:,} (at most 10,000 in one forum)"
    assert refusal(r.flat_categories(5_000)) == (("$", objects),)
    totals = pm.totals_by(pm.loads(r.flat_categories(3_000)), "category")
    assert totals.keys() == tuple(f"c{i}" for i in range(3_000))
    assert all(len(group.totals) == 1 and len(group.totals[0].metrics) == 1 for group in totals.groups)


def test_06_long_names_and_repeated_references_are_refused() -> None:
    error = errors(lambda: pm.loads(r.repeated_speaker(100_000, 1_000)))
    person = len(r.base()["people"])
    assert error.errors[:2] == (
        (f"$.people[{person}].name['en']", "too long: 100,000 characters (at most 5,000)"),
        ("$.programme[0].speakers[1]", "refers to 'long' again (first at [0])"),
    )
    assert (len(error.errors), error.more) == (100, 900)
    name = f"$.people[{person}].name['en']", "too long: 301 characters (at most 300)"
    assert refusal(r.repeated_speaker(301, 1)) == (name,)


# -- 2. exceptions that escaped -----------------------------------------------------------

LONG = ("$.attendance.participants", "too many digits: 5,000 (at most 15)")


def test_07_a_five_thousand_digit_integer(tmp_path: Path) -> None:
    assert refusal(r.long_integer(5_000)) == (LONG,)
    assert refusal(r.long_integer(5_000, "yaml"), "yaml") == (LONG,)
    ((path, message),) = refusal(r.long_integer(5_000, "toml"), "toml")
    assert (path, message.split(" at ")[0]) == ("$", "invalid TOML: Invalid number")
    error = errors(lambda: pm.loads_many(b"[" + r.long_integer(5_000) + b"]"))
    assert error.errors == (("$[0].attendance.participants", LONG[1]),)
    file = tmp_path / "f.json"
    file.write_bytes(r.long_integer(5_000))
    assert povmodel("validate", str(file)).stderr == f"{file}: {LONG[0]}: {LONG[1]}\n"


def test_08_a_million_digits_are_refused_while_reading() -> None:
    assert refusal(r.long_decimal(1_000_000)) == (("$.metrics[0].quantity.value", DIGITS),)


def test_09_lone_surrogates_and_invalid_utf8() -> None:
    assert refusal(r.lone_surrogate()) == (("$.city['en']", "contains a control character (U+D800) at 3"),)
    payload = r.invalid_utf8()
    at = payload.index(b"\xed\xa0\x80")
    assert refusal(payload) == (("$", f"invalid JSON: not UTF-8 (invalid continuation byte at byte {at})"),)
    surrogate = "['en']", "contains a control character (U+D800) at 3"
    assert errors(lambda: pm.LocalizedText({"en": "Bei\ud800jing"})).errors == (surrogate,)


def test_11_summaries_keep_nothing_of_huge_values() -> None:
    forum = pm.load_forum()
    pm.summarize(forum, style="full")
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(20):
            metric = make_metric(str(i + 1) + "1" * 400_000, unit="person")
            pm.summarize(make_forum(metrics=(metric,)), style="full")
        del metric
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < 400_000  # not one of the 400,000-digit values (or its text) is kept


# -- 3. silent wrong output -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code", "at"),
    [("\x1b]0;pwned\x07\x1b[2J", "001B", 0), ("Bei\x00jing", "0000", 3), ("Bei\u202ejing", "202E", 3)],
)
def test_12_control_characters_never_reach_the_terminal(tmp_path: Path, name: str, code: str, at: int) -> None:
    path = tmp_path / "f.json"
    path.write_bytes(r.escape_sequence(name))
    result = povmodel("summary", str(path))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"povmodel: $.name['en']: contains a control character (U+{code}) at {at}\n"


def test_16_and_17_digits_are_exact_or_said_to_be_about() -> None:
    assert refusal(r.metric_value("12345.678901234567890123456789012345")) == (("$.metrics[0].quantity.value", DIGITS),)
    assert refusal(r.metric_value("1" + "9" * 199)) == (("$.metrics[0].quantity.value", DIGITS),)
    full = make_metric("123456789012345678901234.567890123456", unit="person")
    assert pm.format_metric(full, locale="en", compact=False) == "123,456,789,012,345,678,901,234.567890123456 people"
    assert pm.format_metric(full, locale="en").startswith("about ")
    assert pm.format_metric(make_metric("1" + "9" * 199, unit="person"), locale="en") == "about 2E199 people"


def test_18_the_callers_decimal_context_changes_nothing() -> None:
    forum = pm.load_forum()
    expected = [pm.summarize(forum, locale=locale, style="full") for locale in LOCALES]
    total = pm.totals_by(forum)["livelihood"].total("CNY", "funds-invested")
    with decimal.localcontext() as context:
        context.prec = 6
        assert [pm.summarize(forum, locale=locale, style="full") for locale in LOCALES] == expected
        assert pm.format_money(Decimal("2658000000.55"), locale="en") == "CN¥2,658,000,000.55"
        assert pm.total(total.metrics).quantity.value == Decimal("4578000000")


def test_19_yaml_duplicate_keys() -> None:
    assert refusal(r.yaml_duplicate_key(), "yaml") == (("$", "invalid YAML: duplicate key 'id' at line 3, column 1"),)


@pytest.mark.parametrize("spelling", ["010", "0b101", "5:00", "0x12C"])
def test_20_yaml_numbers_are_read_as_json_reads_them(spelling: str) -> None:
    expected = "$.attendance.participants", "expected an integer, got string"
    assert refusal(r.yaml_number(spelling), "yaml") == (expected,)


@pytest.mark.parametrize("locale", ["zh_CN.UTF-8", "en_US.ISO8859-1"])
def test_21_posix_locale_names(locale: str) -> None:
    result = povmodel("summary", "--locale", locale)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == pm.summarize(pm.load_forum(), locale=locale.split(".")[0])


def test_23_texts_cannot_change_the_structure_of_markdown() -> None:
    from markdown_it import MarkdownIt

    def blocks(forum: pm.Forum) -> list[str]:
        tokens = MarkdownIt("commonmark").parse(pm.summarize(forum, style="full", markup="markdown"))
        return [t.type for t in tokens if t.block and t.type not in ("paragraph_open", "paragraph_close", "inline")]

    evil = "A\n\n~~~\n\n===\n\n1. x\n\n    code\n\n# h\n\n> q\n\n- b\n\n<div>\n\n---"
    data = r.base()
    for item in _texts(data):
        changed = f"{evil} {item['en']}"
        item["en"] = changed if len(changed) <= 300 or len(item["en"]) > 300 else item["en"]
    assert blocks(pm.from_dict(data)) == blocks(pm.load_forum())


def _texts(node: Any) -> list[dict[str, str]]:
    """Every `LocalizedText` with English text in plain data."""
    if not isinstance(node, (dict, list)):
        return []
    own = [node] if isinstance(node, dict) and isinstance(node.get("en"), str) else []
    return own + [found for value in (node.values() if isinstance(node, dict) else node) for found in _texts(value)]


EN: Any = {"locale": "en"}
FINITE = "amount must be a finite number, not "
FORMATS = "use 'json', 'yaml' or 'toml'"
YEAR = "start_year: not a year from 1 to 9999: <an integer of about 5,001 digits>"
LENGTH = "length must be one of 'full', 'long', 'medium', 'short', not 'bogus'"


def bad(value: object) -> Any:
    """An argument of the wrong type, on purpose."""
    return value


@pytest.mark.parametrize(
    ("call", "kind", "message"),
    [
        (
            lambda f: pm.loads(pm.dumps(f), format=bad("xml")),
            pm.FormatError,
            "cannot use file format 'xml': " + FORMATS,
        ),
        (lambda f: pm.format_money(Decimal("NaN"), compact=True, **EN), ValueError, FINITE + "NaN"),
        (lambda f: pm.format_money(Decimal("-Infinity"), compact=True, **EN), ValueError, FINITE + "-Infinity"),
        (
            lambda f: pm.format_money(bad(float("nan")), **EN),
            TypeError,
            "amount must be a Decimal or an int, not float",
        ),
        (lambda f: pm.format_period(pm.Period(start_year=10**5000), **EN), pm.ValidationError, YEAR),
        (lambda f: pm.format_date(f.date, length=bad("bogus"), **EN), ValueError, LENGTH),
        (lambda f: pm.format_date(bad(None), **EN), TypeError, "date must be date, not NoneType"),
        (lambda f: pm.dumps(bad(None)), TypeError, "forum must be Forum, not NoneType"),
        (lambda f: pm.loads_many(bad(5)), TypeError, "text must be str or bytes, not int"),
        (lambda f: pm.load(bad(5)), TypeError, "path must be str or PathLike, not int"),
    ],
)
def test_24_bad_arguments_say_what_is_allowed(call: Callable[[pm.Forum], object], kind: type, message: str) -> None:
    with pytest.raises(kind) as info:
        call(pm.load_forum())
    assert str(info.value) == message


def test_25_the_limit_counts_bytes_of_utf8() -> None:
    data = r.base()
    data["metrics"][0]["source"]["quote"] = "中" * 16_000_000
    text = r.text(data).decode()
    assert len(text) < pm.MAX_INPUT_BYTES < len(text.encode())
    assert refusal(text) == (("$", f"input too large: {len(text.encode()):,} bytes (the limit is {LIMIT})"),)


def test_26_utf8_only_and_a_bom_is_skipped() -> None:
    expected = (("$", "invalid JSON: not UTF-8 (invalid start byte at byte 0)"),)
    assert refusal(r.utf16()) == refusal(pm.dumps(pm.load_forum()).encode("utf-32")) == expected
    assert pm.loads(r.toml_bom(), format="toml") == pm.load_forum()


def test_27_negative_zero() -> None:
    assert refusal(r.metric_value("-0")) == (("$.metrics[0].quantity.value", "must not be negative: '-0'"),)
    assert pm.format_number(Decimal("-0"), locale="en") == "0"
    assert pm.format_money(Decimal("-0.00"), locale="en") == "CN¥0.00"


def test_33_duplicate_keys_and_depth_have_a_place() -> None:
    assert refusal(r.json_duplicate_key()) == (("$.attendance", "duplicate key 'participants'"),)
    ((path, message),) = refusal(r.deep(40))
    assert (path, message) == ("$.attendance.participants" + "[0]" * 30, "nested deeper than 32 levels")
    line = r.replaced('"participants": 300', "@").decode().partition("@")[0].count("\n") + 1
    # Before Python 3.13, the parser stops short of 5,000 levels, and the place is its line and
    # column; 3.13's parser reads them all, and the place is the path in the parsed data.
    if sys.version_info >= (3, 13):
        expected = ("$.attendance.participants" + "[0]" * 30, "nested deeper than 32 levels")
    else:
        expected = ("$", f"invalid JSON: nested deeper than 32 levels (line {line}, column 51)")
    assert refusal(r.deep(5_000)) == (expected,)


# -- found by the fuzzers ---------------------------------------------------------------------

KEY = f"{'k' * 49}…(1,002 characters)"  # a key of 1,000 characters, quoted, as messages show it
INVALID = f'invalid TOML: Invalid key "{"1" * 49}…(1,005 characters) at line 1 col 1004'


@pytest.mark.parametrize(
    ("payload", "format", "expected"),
    [
        (b"format_version: 3\n1: a\nnull: b\n", "yaml", {("$.1", "unknown field"), ("$.None", "unknown field")}),
        (b'{"format_version": 3, "id": 1' + b"0" * 30 + b"}", "json", {("$.id", "expected a string, got number")}),
        (r.long_duplicate_key("json"), "json", {("$", f"duplicate key '{KEY}")}),
        (r.long_duplicate_key("yaml"), "yaml", {("$", f"invalid YAML: duplicate key '{KEY} at line 2, column 1")}),
        (r.long_duplicate_key("toml"), "toml", {("$", f'invalid TOML: Key "{KEY} already exists. at line 2 col 0')}),
        (r.long_invalid_key(), "toml", {("$", INVALID)}),
        (r.yaml_date(), "yaml", {("$.date", "not an ISO 8601 date (YYYY-MM-DD): '2020-02-30'")}),
        (b"2020-02-30", "yaml", {("$", "expected an object (Forum), got string")}),
    ],
)
def test_findings(payload: bytes, format: pm.FileFormat, expected: set[tuple[str, str]]) -> None:
    assert expected <= set(refusal(payload, format))


# -- a long array in an unknown key, all under the size limit (found after the issue) --------


def _long_array(format: pm.FileFormat, items: int) -> bytes:
    body = ",".join(["1"] * items)
    return {
        "json": f'{{"format_version": 3, "x": [{body}]}}',
        "yaml": f"format_version: 3\nx: [{body}]\n",
        "toml": f"format_version = 3\nx = [{body}]\n",
    }[format].encode()


def test_a_long_json_array_costs_no_path_per_item() -> None:
    # The budgets were checked after a path string had been made for each item: 8 million
    # items under 16 MiB took 1.2 GB. Now the count comes first.
    payload = _long_array("json", 1_000_000)
    tracemalloc.start()
    try:
        assert refusal(payload) == (("$.x", "too many items: 1,000,000 (at most 10,000)"),)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 40 * 2**20, f"{peak / 2**20:.0f} MiB"  # the parsed array is 8 MB; its paths were 70 MB more


def test_a_long_yaml_collection_is_refused_while_scanning() -> None:
    # PyYAML builds a node per value before povmodel sees any: 16 MiB took 40 s and 3 GB.
    ((path, message),) = refusal(_long_array("yaml", 20_000), "yaml")
    assert (path, message) == ("$", "invalid YAML: a collection of more than 10,000 items (line 2, column 20008)")
    # block sequences, indented or not, and mappings: refused at their 10,002nd entry, on line 10,004
    for entries in ("- 1\n" * 20_000, "  - 1\n" * 20_000, "".join(f"  k{i}: 1\n" for i in range(20_000))):
        ((_, message),) = refusal("format_version: 3\nx:\n" + entries, "yaml")
        assert message.startswith("invalid YAML: a collection of more than 10,000 items (line 10004, column ")
    # the exact budget, with its path, is still the parsed data's
    assert refusal(_long_array("yaml", 10_001), "yaml") == (("$.x", "too many items: 10,001 (at most 10,000)"),)


def test_the_yaml_scan_stops_at_the_budget() -> None:
    from tests.test_complexity import assert_linear

    assert_linear(lambda n: _long_array("yaml", n), lambda text: refusal(text, "yaml"), 50_000)


def test_toml_is_read_up_to_a_mebibyte_unless_told_otherwise(tmp_path: Path) -> None:
    # tomlkit keeps a few hundred bytes per value: a 16 MiB array ran out of 4 GB after 90 s.
    assert refusal(_long_array("toml", 600_000), "toml") == (
        ("$", f"input too large: {len(_long_array('toml', 600_000)):,} bytes (the limit is 1,048,576)"),
    )
    padded = pm.dumps(pm.load_forum(), format="toml") + "# " + "x" * limits.MAX_TOML_BYTES + "\n"
    assert pm.loads(padded, format="toml", limit=None) == pm.load_forum()
    path = tmp_path / "forum.toml"
    path.write_text(padded, encoding="utf-8")
    with pytest.raises(pm.ValidationError, match="the limit is 1,048,576"):
        pm.load(path)
    assert pm.load(path, limit=2 * limits.MAX_TOML_BYTES) == pm.load_forum()
    result = subprocess.run(
        [sys.executable, "-m", "povmodel", "validate", str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1 and "the limit is 1,048,576" in result.stderr


# -- found by a hostile review of the fast reader ----------------------------------------------


@pytest.mark.parametrize(("version", "kind"), [("3.0", "number"), ("3e0", "number"), ("true", "boolean")])
def test_the_format_version_is_an_integer(version: str, kind: str) -> None:
    """``3.0 == 3`` in Python: the version was taken as current without its type being checked."""
    text = pm.dumps(pm.load_forum()).replace('"format_version": 3', f'"format_version": {version}', 1)
    for read in (pm.loads, lambda text: pm.loads_many(f"[{text}]")):
        with pytest.raises(pm.ValidationError) as info:
            read(text)
        assert info.value.errors[0][1] == f"expected an integer, got {kind}"


def test_a_huge_negative_count_is_refused_with_a_short_message() -> None:
    """The message printed the number itself: beyond 4,300 digits Python refuses to, with a ValueError."""
    with pytest.raises(pm.ValidationError, match=r"must not be negative: <an integer of about 5,001 digits>"):
        pm.Attendance(participants=-(10**5000), source=pm.Source(quote="q"))
    data = pm.to_dict(pm.load_forum())
    data["attendance"]["participants"] = -(10**5000)
    with pytest.raises(pm.ValidationError, match=r"\$\.attendance\.participants"):
        pm.from_dict(data)


def test_a_str_subclass_never_stands_in_the_remembered_values_for_others() -> None:
    """Ids and tags seen valid are remembered; a subclass with its own equality must not be."""

    class Impostor(str):
        __class__ = property(lambda self: str)

        def __hash__(self) -> int:
            return hash("NOT VALID")

        def __eq__(self, other: object) -> bool:
            return True

    pm.Measure(id=Impostor("ok"), name=pm.LocalizedText({Impostor("en"): "x"}))  # type: ignore[arg-type]
    with pytest.raises(pm.ValidationError, match="not an id"):
        pm.Measure(id="NOT VALID", name=pm.LocalizedText({"en": "x"}))
    with pytest.raises(pm.ValidationError, match="not a language tag"):
        pm.LocalizedText({"NOT VALID": "x"})
    text = pm.dumps(pm.load_forum()).replace('"central-soe-forum-2020"', '"NOT VALID"', 1)
    with pytest.raises(pm.ValidationError, match="not an id"):
        pm.loads(text)


def test_a_str_subclass_is_named_where_a_string_belongs() -> None:
    class Name(str):
        pass

    data = pm.to_dict(pm.load_forum())
    data["id"] = Name("central-soe-forum-2020")
    with pytest.raises(pm.ValidationError) as info:
        pm.from_dict(data)
    assert info.value.errors == (("$.id", "expected a string, got Name (a str subclass)"),)


# -- 4. the command line ---------------------------------------------------------------------


def test_cli_validates_every_file(tmp_path: Path) -> None:
    text, good = tmp_path / "a.txt", tmp_path / "good.json"
    text.write_text("{}", encoding="utf-8")
    pm.dump(pm.load_forum(), good)
    result = povmodel("validate", str(text), str(good))
    assert (result.returncode, result.stdout) == (1, f"{good}: ok\n")
    assert result.stderr == f"{text}: cannot use file format '.txt': use .json, .yaml, .yml or .toml\n"


def test_cli_reads_stdin() -> None:
    result = povmodel("summary", "-", input=pm.dumps(pm.load_forum()))
    assert (result.returncode, result.stdout) == (0, pm.summarize(pm.load_forum()))


@pytest.mark.parametrize("command", ["show", "summary", "totals"])
def test_cli_unknown_locale_exits_1(command: str) -> None:
    result = povmodel(command, "--locale", "xx")
    assert (result.returncode, result.stdout, result.stderr) == (1, "", "povmodel: unknown locale: 'xx'\n")


def test_cli_full_disk() -> None:
    command = [sys.executable, "-m", "povmodel", "summary"]
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True, timeout=60, check=False)
    assert (result.returncode, result.stderr) == (1, "povmodel: stdout: No space left on device\n")

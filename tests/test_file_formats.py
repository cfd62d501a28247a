"""YAML and TOML, format versions and migrations, and the large-input guard."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import povmodel as pm
from povmodel.io import limits
from tests.strategies import forums

FORUM = pm.load_forum()
V1 = Path(__file__).parent / "data" / "central-soe-forum-2020-v1.json"


@pytest.mark.parametrize("fmt", ["json", "yaml", "toml"])
def test_round_trip_bundled_forum(fmt: pm.FileFormat, tmp_path: Path) -> None:
    assert pm.loads(pm.dumps(FORUM, format=fmt), format=fmt) == FORUM
    path = tmp_path / f"forum.{fmt}"
    pm.dump(FORUM, path)
    assert pm.load(path) == FORUM


@settings(max_examples=200)
@given(forums(), st.sampled_from(["yaml", "toml"]))
def test_round_trip_generated_forums(forum: pm.Forum, fmt: pm.FileFormat) -> None:
    assert pm.loads(pm.dumps(forum, format=fmt), format=fmt) == forum


def test_extension_picks_the_format(tmp_path: Path) -> None:
    path = tmp_path / "forum.yml"
    pm.dump(FORUM, path)
    assert path.read_text(encoding="utf-8").startswith("format_version: 3\nid: central-soe-forum-2020\n")
    toml = tmp_path / "forum.toml"
    pm.dump(FORUM, toml)
    assert toml.read_text(encoding="utf-8").startswith('format_version = 3\nid = "central-soe-forum-2020"\n')
    assert pm.format_of("A.JSON") == "json"
    with pytest.raises(pm.FormatError, match=r"'\.csv'"):
        pm.dump(FORUM, tmp_path / "forum.csv")
    with pytest.raises(pm.FormatError, match="no extension"):
        pm.load(tmp_path / "forum")


def test_format_given_explicitly_wins_over_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "forum.txt"
    pm.dump(FORUM, path, format="yaml")
    assert pm.load(path, format="yaml") == FORUM


def test_yaml_errors_have_paths() -> None:
    text = pm.dumps(FORUM, format="yaml").replace("qualifier: more_than", "qualifier: lots", 1)
    with pytest.raises(pm.ValidationError) as info:
        pm.loads(text, format="yaml")
    assert info.value.errors == (
        ("$.attendance.qualifier", "not one of 'exact', 'more_than', 'at_least', 'nearly', 'about': 'lots'"),
    )


def test_yaml_native_dates_are_accepted() -> None:
    text = pm.dumps(FORUM, format="yaml").replace("date: '2020-10-16'", "date: 2020-10-16")
    assert "date: 2020-10-16\n" in text
    assert pm.loads(text, format="yaml") == FORUM


def test_an_unquoted_yaml_date_is_a_string_as_in_json() -> None:
    """Where a string belongs, ``2020-10-16`` is a string; where a date belongs, one that does not exist is refused."""
    text = pm.dumps(FORUM, format="yaml")
    assert pm.loads(text.replace(f"\nid: {FORUM.id}\n", "\nid: 2020-10-16\n", 1), format="yaml").id == "2020-10-16"
    with pytest.raises(pm.ValidationError) as info:
        pm.loads(text.replace("date: '2020-10-16'", "date: 2021-02-29"), format="yaml")
    assert info.value.errors == (("$.date", "not an ISO 8601 date (YYYY-MM-DD): '2021-02-29'"),)


def test_yaml_numbers_are_not_decimals() -> None:
    text = pm.dumps(FORUM, format="yaml").replace("value: '221'", "value: 221", 1)
    with pytest.raises(pm.ValidationError) as info:
        pm.loads(text, format="yaml")
    assert info.value.errors == (("$.metrics[0].quantity.value", "expected a decimal number as a string, got number"),)


@pytest.mark.parametrize(
    ("fmt", "text", "start"),
    [
        ("yaml", "a: [1, 2", "invalid YAML: "),
        ("yaml", "- 1\n- 2\n", "expected an object (Forum), got array"),
        ("toml", "a = ", "invalid TOML: "),
        ("toml", b"\xff\xfe", "invalid TOML: not UTF-8"),
    ],
)
def test_invalid_yaml_and_toml(fmt: pm.FileFormat, text: str | bytes, start: str) -> None:
    with pytest.raises(pm.ValidationError) as info:
        pm.loads(text, format=fmt)
    ((path, message),) = info.value.errors
    assert path == "$" and message.startswith(start)


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "yaml", None)  # as if PyYAML were not installed
    with pytest.raises(pm.FormatError) as info:
        pm.dumps(FORUM, format="yaml")
    assert "pip install 'povmodel[yaml]'" in str(info.value)
    assert info.value.format == "yaml"


# -- versions ------------------------------------------------------------------------------


def test_version_1_file_is_migrated() -> None:
    data = json.loads(V1.read_text(encoding="utf-8"))
    assert data["format_version"] == 1 and "participants_qualifier" in data["attendance"]
    forum = pm.load(V1)
    assert forum.attendance is not None and forum.attendance.qualifier is pm.Qualifier.MORE_THAN
    # nothing else changes: what the file says is what the forum holds
    written = pm.to_dict(forum)
    assert written["format_version"] == pm.FORMAT_VERSION
    assert written["metrics"] == data["metrics"] and written["people"] == data["people"]


def test_migrate_does_not_change_its_input() -> None:
    data = json.loads(V1.read_text(encoding="utf-8"))
    before = copy.deepcopy(data)
    migrated = pm.migrate(data)
    assert data == before
    assert migrated["format_version"] == pm.FORMAT_VERSION
    assert migrated["attendance"]["qualifier"] == "more_than"
    assert "participants_qualifier" not in migrated["attendance"]
    assert pm.migrate(migrated) == migrated  # current data passes unchanged


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (4, "format version 4 is newer than this povmodel reads (3): upgrade povmodel"),
        (0, "unknown format version 0"),
        ("2", "expected an integer, got string"),
        (True, "expected an integer, got boolean"),
    ],
)
def test_unknown_versions(version: object, message: str) -> None:
    data = {**pm.to_dict(FORUM), "format_version": version}
    with pytest.raises(pm.ValidationError) as info:
        pm.from_dict(data)
    assert info.value.errors == (("$.format_version", message),)


# -- the large-input guard ---------------------------------------------------------------------


def test_input_over_the_size_limit_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 1000)
    text = pm.dumps(FORUM)
    with pytest.raises(pm.ValidationError) as info:
        pm.loads(text)
    assert info.value.errors == (("$", f"input too large: {len(text):,} bytes (the limit is 1,000)"),)
    path = tmp_path / "big.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(pm.ValidationError, match="input too large"):
        pm.load(path)


def test_limit_can_be_raised_or_lifted_per_call() -> None:
    text = pm.dumps(FORUM)
    with pytest.raises(pm.ValidationError, match="the limit is 100"):
        pm.loads(text, limit=100)
    assert pm.loads(text, limit=None) == FORUM
    size = len(text.encode("utf-8"))  # a limit counts bytes of UTF-8, whether text comes as str or bytes
    assert pm.loads_many(f"[{text}]", limit=size + 2) == (FORUM,)
    with pytest.raises(pm.ValidationError, match="input too large"):
        pm.loads_many(f"[{text}]", limit=size + 1)


def test_default_limits_are_documented_values() -> None:
    assert pm.MAX_INPUT_BYTES == 16 * 1024 * 1024
    assert pm.MAX_DEPTH == 32


def test_nesting_deeper_than_the_limit_is_refused() -> None:
    data = pm.to_dict(FORUM)
    deep: object = "x"
    for _ in range(40):
        deep = [deep]
    data["metrics"][0]["label"] = deep
    with pytest.raises(pm.ValidationError) as info:
        pm.from_dict(data)
    assert info.value.errors == (("$.metrics[0].label" + "[0]" * 29, "nested deeper than 32 levels"),)


def test_nesting_within_the_limit_gets_precise_errors() -> None:
    data = pm.to_dict(FORUM)
    data["metrics"][0]["label"] = [[["x"]]]
    with pytest.raises(pm.ValidationError) as info:
        pm.from_dict(data)
    assert info.value.errors == (("$.metrics[0].label", "expected an object of language tag to text, got array"),)

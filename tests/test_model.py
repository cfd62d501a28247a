from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import attrs
import pytest

import povmodel as pm
from povmodel.core import _integrity
from tests.conftest import make_forum, make_metric
from tests.mutations import set_at

EN = pm.LocalizedText({"en": "x"})


def errors_of(build: Any) -> tuple[tuple[str, str], ...]:
    with pytest.raises(pm.ValidationError) as info:
        build()
    return info.value.errors


def test_classes_are_frozen_slotted_and_keyword_only() -> None:
    for cls in (pm.Forum, pm.Metric, pm.Organization, pm.Person, pm.Position, pm.Quantity, pm.Category):
        assert attrs.has(cls)
        assert "__slots__" in cls.__dict__
        assert all(field.kw_only for field in attrs.fields(cls))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        make_metric().id = "other"  # type: ignore[misc]


def test_a_valid_forum_builds() -> None:
    built = make_forum()
    assert built.metric("m").quantity.value == Decimal(1)
    assert built.organization("org").kind is pm.OrganizationKind.ENTERPRISE
    with pytest.raises(KeyError):
        built.metric("nope")


def test_a_wrong_type_is_a_type_error_naming_the_field() -> None:
    with pytest.raises(TypeError, match="'label' must be"):
        make_metric(label="x")
    with pytest.raises(TypeError, match="'qualifier' must be"):
        make_metric(qualifier="exact")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'start_year' must be an integer, not a boolean"):
        pm.Period(start_year=True)


def test_bad_id() -> None:
    assert errors_of(lambda: make_metric(id="Not An Id")) == (
        ("id", "not an id (lower-case letters, digits and hyphens, at most 64): 'Not An Id'"),
    )


def test_duplicate_ids_within_a_collection() -> None:
    assert errors_of(lambda: make_forum(metrics=(make_metric(), make_metric()))) == (
        ("metrics[1].id", "duplicate id: 'm' (first used at $.metrics[0].id)"),
    )


def test_same_id_in_two_collections_is_fine() -> None:
    assert make_forum(metrics=(make_metric(id="funds"),)).metric("funds").measure == "funds"


def test_dangling_references_are_all_reported() -> None:
    errors = errors_of(
        lambda: make_forum(metrics=(make_metric(category="nope", actor="who", measure="what"),), sponsor="x")
    )
    assert errors == (
        ("sponsor", "unknown organization id: 'x'"),
        ("metrics[0].category", "unknown category id: 'nope'"),
        ("metrics[0].actor", "unknown organization id: 'who'"),
        ("metrics[0].measure", "unknown measure id: 'what'"),
    )


def _reference_paths() -> list[str]:
    """A path to each kind of reference the bundled forum has (``metrics[0].actor``, ``relations[0].whole``…)."""
    forum = pm.load_forum()
    nowhere: dict[str, dict[str, int]] = {collection: {} for collection in _integrity.COLLECTIONS}  # no known id
    kinds = {re.sub(r"\[\d+\]", "[]", path): path for path, _ in _integrity._references(forum, nowhere)}
    return sorted(kinds.values())


@pytest.mark.parametrize("path", _reference_paths())
def test_each_kind_of_reference_is_checked(path: str) -> None:
    """The quick check of the common case (every reference known) misses none that the detailed one reports."""
    data = pm.to_dict(pm.load_forum())
    set_at(tuple(int(key) if key.isdigit() else key for key in re.findall(r"[^.\[\]]+", path)), "nowhere")(data)
    with pytest.raises(pm.ValidationError) as info:
        pm.from_dict(data)
    ((where, message),) = info.value.errors
    assert where == f"$.{path}" and re.fullmatch(r"unknown \w+ id: 'nowhere'", message)


def test_category_cycle() -> None:
    categories = (pm.Category(id="cat", name=EN, parent="b"), pm.Category(id="b", name=EN, parent="cat"))
    assert errors_of(lambda: make_forum(categories=categories)) == (
        ("categories[0].parent", "parents form a cycle through 'cat'"),
        ("categories[1].parent", "parents form a cycle through 'b'"),
    )


def test_subcategories_walk_the_tree() -> None:
    categories = (
        pm.Category(id="cat", name=EN),
        pm.Category(id="a", name=EN, parent="cat"),
        pm.Category(id="b", name=EN, parent="a"),
        pm.Category(id="c", name=EN),
    )
    assert make_forum(categories=categories).subcategories("cat") == ("cat", "a", "b")


def test_source_needs_quote_or_reasoned_inference() -> None:
    assert errors_of(pm.Source) == (("quote", "a stated fact needs the quote that states it"),)
    assert errors_of(lambda: pm.Source(inferred=True)) == (("note", "an inferred fact needs a note saying why"),)
    assert pm.Source(inferred=True, note="why").quote is None


def test_period() -> None:
    assert pm.Period(start_year=2016).end_year is None
    assert errors_of(pm.Period) == (("", "a period needs a start year, an end year or both"),)
    assert errors_of(lambda: pm.Period(start_year=2020, end_year=2016)) == (
        ("end_year", "ends before it starts: 2020 > 2016"),
    )
    assert errors_of(lambda: pm.Period(start_year=10**5000)) == (
        ("start_year", "not a year from 1 to 9999: <an integer of about 5,001 digits>"),
    )


def test_relation_needs_parts_and_resolving_ids() -> None:
    assert errors_of(lambda: pm.Relation(id="r", kind=pm.RelationKind.PART_OF, parts=(), whole="m", note="n")) == (
        ("parts", "a relation needs at least one part"),
    )
    relation = pm.Relation(id="r", kind=pm.RelationKind.PART_OF, parts=("nope",), whole="m", note="n")
    assert errors_of(lambda: make_forum(relations=(relation,))) == (
        ("relations[0].parts[0]", "unknown metric id: 'nope'"),
    )


def test_references_must_not_repeat() -> None:
    person = pm.Person(id="p", name=EN)
    item = pm.ProgrammeItem(
        id="i", kind=pm.ProgrammeKind.SPEECH, title=EN, speakers=("p",), source=make_metric().source
    )
    assert make_forum(people=(person,), programme=(item,)).programme[0].speakers == ("p",)
    assert errors_of(lambda: attrs.evolve(item, speakers=("p", "q", "p"))) == (
        ("speakers[2]", "refers to 'p' again (first at [0])"),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Bei\x1b]0;pwned\x07jing", "contains a control character (U+001B) at 3"),
        ("Bei\x00jing", "contains a control character (U+0000) at 3"),
        ("Bei\u202ejing", "contains a control character (U+202E) at 3"),
        ("Bei\ud800jing", "contains a control character (U+D800) at 3"),
        ("x" * 5001, "too long: 5,001 characters (at most 5,000)"),
    ],
)
def test_texts_refuse_control_characters_and_excess(text: str, message: str) -> None:
    assert errors_of(lambda: pm.LocalizedText({"en": text})) == (("['en']", message),)
    assert errors_of(lambda: pm.Source(quote=text)) == (("quote", message),)


def test_names_have_a_smaller_budget_than_other_texts() -> None:
    long = pm.LocalizedText({"en": "x" * 301})
    assert errors_of(lambda: pm.Person(id="p", name=long)) == (
        ("name['en']", "too long: 301 characters (at most 300)"),
    )
    assert pm.Project(id="p", name=long, actor="a", source=make_metric().source).name == long


def test_lookups_use_an_index_built_once(forum: pm.Forum) -> None:
    assert forum.metric("education-funds") is forum.metrics[[m.id for m in forum.metrics].index("education-funds")]
    assert forum.category("education").parent == "livelihood"

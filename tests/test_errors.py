"""Every povmodel exception is a PovmodelError of the right builtin kind, and survives pickle with its attributes."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

import povmodel as pm

CASES: list[tuple[Exception, type, dict[str, Any]]] = [
    (
        pm.ValidationError([("$.a", "bad"), ("$.b", "worse")], 3),
        ValueError,
        {"errors": (("$.a", "bad"), ("$.b", "worse")), "more": 3},
    ),
    (
        pm.UnitMismatchError(("CNY", "funds"), [("m", "person", "funds")]),
        ValueError,
        {"expected": ("CNY", "funds"), "offenders": ("m",)},
    ),
    (pm.FormatError("xml", "use json"), ValueError, {"format": "xml"}),
    (pm.UnknownLocaleError("xx"), ValueError, {"locale": "xx"}),
    (pm.CatalogueError("fr", "gone"), LookupError, {"language": "fr"}),
    (pm.MissingExtraError("zh", "opencc"), ImportError, {"extra": "zh", "module": "opencc"}),
    (pm.MissingFontError("中文"), LookupError, {"characters": "中文"}),
]


@pytest.mark.parametrize(("error", "builtin", "attributes"), CASES, ids=lambda case: type(case).__name__)
def test_every_error_pickles_with_its_attributes(error: Exception, builtin: type, attributes: dict[str, Any]) -> None:
    assert isinstance(error, pm.PovmodelError) and isinstance(error, builtin)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    for name, value in attributes.items():
        assert getattr(copy, name) == getattr(error, name) == value


def test_the_fallback_warning_pickles_with_its_attributes() -> None:
    warning = pm.LocaleFallbackWarning("de", "en", "writing English")
    copy = pickle.loads(pickle.dumps(warning))
    assert (copy.locale, copy.language, str(copy)) == ("de", "en", "writing English")
    assert issubclass(pm.LocaleFallbackWarning, UserWarning)


def test_a_validation_error_keeps_at_most_a_hundred_problems_and_counts_the_rest() -> None:
    error = pm.ValidationError((f"$[{i}]", "bad") for i in range(250))
    assert len(error.errors) == 100 and error.more == 150
    assert str(error).endswith("$[99]: bad\n…and 150 more")
    with pytest.raises(ValueError, match="at least one"):
        pm.ValidationError([])


def test_a_base_error_raised_directly_still_pickles() -> None:
    copy = pickle.loads(pickle.dumps(pm.PovmodelError("plain")))
    assert str(copy) == "plain"

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

import povmodel as pm


def test_every_public_name_resolves_and_is_documented() -> None:
    for name in pm.__all__:
        value = getattr(pm, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert value.__doc__, f"{name} has no docstring"
    assert set(dir(pm)) == set(pm.__all__)


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        getattr(pm, "nope")  # noqa: B009 - the name must not be known statically


def test_import_loads_neither_babel_nor_cattrs_until_needed() -> None:
    code = (
        "import sys, povmodel; print('babel.numbers' in sys.modules, 'cattrs' in sys.modules); "
        "povmodel.load_forum(); print('babel.numbers' in sys.modules, 'cattrs' in sys.modules); "
        "povmodel.format_money(1, locale='en'); print('babel.numbers' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False", "False", "True", "True"]  # data needs cattrs, not babel.numbers


def test_py_typed_is_shipped() -> None:
    from importlib import resources

    assert (resources.files("povmodel") / "py.typed").is_file()

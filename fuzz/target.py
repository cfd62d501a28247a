"""What every fuzz target shares: povmodel imported under atheris' coverage instrumentation, then libFuzzer.

A target is a script (``python fuzz/fuzz_json.py CORPUS... -max_total_time=60``)
that passes a check of one input to `run`; libFuzzer's own flags follow the
corpus directories. Any exception a check raises is a crash: libFuzzer writes the
input to ``crash-<sha1>`` and stops.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable

import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]

# povmodel loads its parts (and the TOML parser) on first use: import every module
# a target reaches here, so that all of them are instrumented.
_MODULES = (
    "tomlkit",
    "povmodel",
    "povmodel.io.serialize",
    "povmodel.io.converter",
    "povmodel.io.json",
    "povmodel.io.yaml",
    "povmodel.io.toml",
    "povmodel.io.limits",
    "povmodel.io.migrations",
    "povmodel.io._errors",
    "povmodel.core.totals",
    "povmodel.core.audit",
    "povmodel.presentation.format",
    "povmodel.presentation.formatter",
)

with atheris.instrument_imports(include=["povmodel", "tomlkit"]):
    for _name in _MODULES:
        importlib.import_module(_name)

from fuzz import oracle  # noqa: E402 - after the instrumented imports

__all__ = ["oracle", "run"]


def run(check: Callable[[bytes], None]) -> None:
    """Fuzz ``check`` with the command line's corpus directories and libFuzzer flags."""
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()

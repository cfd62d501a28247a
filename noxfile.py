"""The test suite on every Python povmodel supports, as attrs and cattrs run theirs.

    nox                        # every Python found (3.10 to 3.13)
    nox -s tests-3.10 tests-3.13
    nox -s oldest newest       # what CI runs: the first and the last of PYTHONS

Each session installs povmodel with its ``test`` extra into a fresh virtual
environment and runs the suite; the interpreters come from PATH (pyenv's shims).
"""

from __future__ import annotations

import os

import nox

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
"""The Pythons povmodel supports: the classifiers of pyproject.toml list the same."""

nox.options.sessions = ["tests"]
nox.options.error_on_missing_interpreters = True


def _suite(session: nox.Session) -> None:
    session.install("-e", ".[test]")
    # Coverage, and the "ci" profile's 1,000 examples per property, run once, in the main CI
    # run; here the suite on each Python is what counts, with 100 examples per property.
    profile = os.environ.get("HYPOTHESIS_PROFILE", "default")
    session.run("python", "-m", "pytest", "--no-cov", "-q", *session.posargs, env={"HYPOTHESIS_PROFILE": profile})


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The suite on one Python."""
    _suite(session)


@nox.session(python=PYTHONS[0])
def oldest(session: nox.Session) -> None:
    """The suite on the oldest Python povmodel supports."""
    _suite(session)


@nox.session(python=PYTHONS[-1])
def newest(session: nox.Session) -> None:
    """The suite on the newest Python povmodel supports."""
    _suite(session)

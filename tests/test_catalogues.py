"""Catalogue hygiene: the template matches the code, every catalogue is complete and compiled."""

from __future__ import annotations

import io
import re
from importlib import resources
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from povmodel.presentation import i18n, summary

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "src" / "povmodel" / "locales"
# The keywords babel.cfg's extraction uses; see docs/formatting.md.
KEYWORDS = {"_m": None, "_mp": ((1, "c"), 2), "_mn": (1, 2), "_mnp": ((1, "c"), 2, 3)}
FOLDERS = [tag.replace("-", "_") for tag in i18n.LANGUAGES]


def _allowed(message: Message, error: str) -> bool:
    """Whether babel's "unknown named placeholder" error names a form the code provides for the message."""
    found = re.fullmatch(r"unknown named placeholder '(\w+)'", error)
    if found is None:
        return False
    name = found[1]
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    given = set(re.findall(r"%\((\w+)\)s", msgid))
    if name in summary.PREDICATE_PARTS and "predicates" in given:
        return True
    if name == summary.SPEAKERS_LISTED and "speakers" in given:
        return True
    return any(name == base + suffix for base in given for suffix in summary.FORM_SUFFIXES)


def _key(context: str | None, msgid: str | tuple[str, ...] | list[str]) -> tuple[str | None, str]:
    return context, msgid if isinstance(msgid, str) else msgid[0]


def _read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def _extracted() -> set[tuple[str | None, str]]:
    found = set()
    for _, _, message, _, context in extract_from_dir(
        str(ROOT / "src" / "povmodel"), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found.add(_key(context, message))
    return found


def test_template_is_up_to_date_with_the_code() -> None:
    template = {_key(m.context, m.id) for m in _read(LOCALES / "povmodel.pot") if m.id}
    assert template == _extracted()


@pytest.mark.parametrize("folder", FOLDERS)
def test_catalogue_is_complete_clean_and_consistent(folder: str) -> None:
    catalogue = _read(LOCALES / folder / "LC_MESSAGES" / "povmodel.po")
    template = {_key(m.context, m.id) for m in _read(LOCALES / "povmodel.pot") if m.id}
    messages = [m for m in catalogue if m.id]
    assert {_key(m.context, m.id) for m in messages} == template
    assert not catalogue.fuzzy
    for message in messages:
        assert "fuzzy" not in message.flags, message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"untranslated: {message.id!r}"
        if isinstance(message.id, tuple):
            assert len(strings) == catalogue.num_plurals, message.id
    # babel's checkers: placeholders match the msgid, plural counts right. A translator may
    # ask for a grammatical form of a text placeholder (%(city_loc)s for %(city)s), and a
    # run's frame for its verb and the rest (%(verb)s, %(rest)s): those are not unknown.
    problems = [
        (m.id, unknown)
        for m, errors in catalogue.check()
        if (unknown := [str(e) for e in errors if not _allowed(m, str(e))])
    ]
    assert problems == []


@pytest.mark.parametrize("folder", FOLDERS)
def test_compiled_catalogue_matches_its_source(folder: str) -> None:
    catalogue = _read(LOCALES / folder / "LC_MESSAGES" / "povmodel.po")
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)
    shipped = (resources.files("povmodel") / "locales" / folder / "LC_MESSAGES" / "povmodel.mo").read_bytes()
    assert shipped == compiled.getvalue(), "run: pybabel compile -d src/povmodel/locales -D povmodel"


@pytest.mark.parametrize(("folder", "plurals"), [("ru", 3), ("ar", 6), ("en", 2), ("zh_Hans", 1)])
def test_plural_forms(folder: str, plurals: int) -> None:
    assert _read(LOCALES / folder / "LC_MESSAGES" / "povmodel.po").num_plurals == plurals

"""Maintain povmodel's gettext catalogues: the translator's workflow in three commands.

    python tools/catalogues.py extract   # the template from the code, and every .po updated to it
    python tools/catalogues.py derive    # zh_Hant/…/povmodel.po from zh_Hans through OpenCC (s2twp)
    python tools/catalogues.py compile   # every .po compiled to its .mo

Between ``extract`` and ``compile``, translate the new entries of each .po file
(docs/translating.md). Needs the ``test`` extra (babel's command line, OpenCC).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "src" / "povmodel" / "locales"
KEYWORDS = ["-k", "_m", "-k", "_mp:1c,2", "-k", "_mn:1,2", "-k", "_mnp:1c,2,3"]


def extract() -> None:
    template = LOCALES / "povmodel.pot"
    subprocess.run(
        ["pybabel", "extract", "-F", "babel.cfg", *KEYWORDS, "--no-location", "--sort-output",
         "--project=povmodel", '--copyright-holder=povmodel developers', "-o", str(template), "."],
        check=True, cwd=ROOT,
    )  # fmt: skip
    subprocess.run(
        ["pybabel", "update", "-i", str(template), "-d", str(LOCALES), "-D", "povmodel",
         "--no-fuzzy-matching", "--ignore-obsolete", "-w", "120"],
        check=True, cwd=ROOT,
    )  # fmt: skip


def derive() -> None:
    """Write every zh-Hant translation as the OpenCC conversion (s2twp) of the zh-Hans one."""
    from babel.messages.pofile import read_po, write_po

    from povmodel.presentation import _chinese

    with (LOCALES / "zh_Hans" / "LC_MESSAGES" / "povmodel.po").open("rb") as file:
        simplified = read_po(file)
    target = LOCALES / "zh_Hant" / "LC_MESSAGES" / "povmodel.po"
    with target.open("rb") as file:
        traditional = read_po(file)
    for message in simplified:
        if not message.id:
            continue
        strings = tuple(message.string) if isinstance(message.string, (tuple, list)) else (str(message.string),)
        converted = tuple(_chinese.convert(s, "s2twp") for s in strings)
        entry = traditional.get(message.id, context=message.context)
        if entry is not None:
            entry.string = converted if isinstance(message.string, tuple) else converted[0]
    with target.open("wb") as file:
        write_po(file, traditional, width=120, sort_output=True, no_location=True)


def compile() -> None:
    subprocess.run(["pybabel", "compile", "-d", str(LOCALES), "-D", "povmodel", "--statistics"], check=True, cwd=ROOT)


if __name__ == "__main__":
    commands = {"extract": extract, "derive": derive, "compile": compile}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]]()

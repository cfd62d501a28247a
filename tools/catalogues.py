"""Maintain povmodel's gettext catalogues: the translator's workflow in three commands.

    python tools/catalogues.py extract   # the template from the code, and every .po updated to it
    python tools/catalogues.py derive    # zh_Hant/…/povmodel.po from zh_Hans through OpenCC (s2tw)
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
PYBABEL = str(Path(sys.executable).with_name("pybabel"))
KEYWORDS = ["-k", "_m", "-k", "_mp:1c,2", "-k", "_mn:1,2", "-k", "_mnp:1c,2,3"]


def extract() -> None:
    template = LOCALES / "povmodel.pot"
    subprocess.run(
        [PYBABEL, "extract", "-F", "babel.cfg", *KEYWORDS, "--no-location", "--sort-output",
         "--project=povmodel", '--copyright-holder=povmodel developers', "-o", str(template), "."],
        check=True, cwd=ROOT,
    )  # fmt: skip
    subprocess.run(
        [PYBABEL, "update", "-i", str(template), "-d", str(LOCALES), "-D", "povmodel",
         "--no-fuzzy-matching", "--ignore-obsolete", "-w", "120"],
        check=True, cwd=ROOT,
    )  # fmt: skip


KEEP = "keep"
"""A translator comment (``# keep``) that marks a zh-Hant entry written by hand: ``derive`` leaves it."""


def derive() -> None:
    """Write every zh-Hant translation as the OpenCC conversion (s2tw) of the zh-Hans one.

    An entry whose translator comment is ``# keep`` is Traditional Chinese written
    for its readers (人民幣, not 元 alone, for Taiwan and Hong Kong): it stays.
    """
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
        converted = tuple(_chinese.convert(s, "s2tw") for s in strings)
        entry = traditional.get(message.id, context=message.context)
        if entry is not None and KEEP not in entry.user_comments:
            entry.string = converted if isinstance(message.string, tuple) else converted[0]
    with target.open("wb") as file:
        write_po(file, traditional, width=120, sort_output=True, no_location=True)


def compile() -> None:
    """Compile every .po to its .mo.

    babel's own checker does not know the suffixed placeholders a translator may
    use (``%(sponsor_short)s``, see ``povmodel.presentation.summary``);
    tests/test_catalogues.py checks every translation's placeholders instead.
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in sorted(LOCALES.glob("*/LC_MESSAGES/povmodel.po")):
        with po.open("rb") as file:
            catalogue = read_po(file)
        untranslated = sum(
            1 for m in catalogue if m.id and not all(m.string if isinstance(m.string, tuple) else (m.string,))
        )
        with po.with_suffix(".mo").open("wb") as file:
            write_mo(file, catalogue)
        print(f"{po.parent.parent.name}: {len(catalogue)} messages, {untranslated} untranslated")


if __name__ == "__main__":
    commands = {"extract": extract, "derive": derive, "compile": compile}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]]()

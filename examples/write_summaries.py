"""Write the bundled forum's summary in every supported language, as HTML pages.

Run: python examples/write_summaries.py OUTPUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

import povmodel as pm


def main(output: str) -> None:
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    forum = pm.load_forum()
    for language in pm.LANGUAGES:
        page = folder / f"forum-{language}.html"
        page.write_text(pm.summarize(forum, locale=language, style="full", markup="html"), encoding="utf-8")
        print(page)


if __name__ == "__main__":
    main(sys.argv[1])

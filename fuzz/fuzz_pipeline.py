"""Fuzz target: a JSON forum through the whole pipeline, as a service would use it.

Load; then every file format and back, totals by every grouping, the audit, every
figure, and a summary in a locale, style and markup chosen by the input's
checksum (so that a crash reproduces from its file).

Run: ``python fuzz/fuzz_pipeline.py NEW_CORPUS fuzz/corpus/pipeline -max_total_time=60`` (see fuzz/README.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository, for ``fuzz.target``

from fuzz.target import oracle, run  # once the repository is on the path


def check(data: bytes) -> None:
    forum = oracle.load(data, "json")
    if forum is not None:
        locale, style, markup = oracle.choose(data)
        oracle.pipeline(forum, [locale], [style], [markup])


if __name__ == "__main__":
    run(check)

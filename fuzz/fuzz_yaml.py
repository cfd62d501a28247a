"""Fuzz target: `povmodel.loads(data, format="yaml")`; an accepted forum must round-trip.

Run: ``python fuzz/fuzz_yaml.py NEW_CORPUS fuzz/corpus/yaml -max_total_time=60`` (see fuzz/README.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository, for ``fuzz.target``

from fuzz.target import oracle, run  # once the repository is on the path


def check(data: bytes) -> None:
    oracle.load(data, "yaml")


if __name__ == "__main__":
    run(check)

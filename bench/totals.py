"""Time povmodel.total() over growing numbers of metrics and show it stays linear.

Run: python bench/totals.py [--max 1000000]

Prints, for each size, the best of three runs and the time per metric; a linear
algorithm keeps the time per metric flat as the size grows tenfold.
"""

from __future__ import annotations

import argparse
import random
import time
from decimal import Decimal

import povmodel as pm

LABEL = pm.LocalizedText({"en": "figure"})
SOURCE = pm.Source(quote="A sentence.")


def metrics(count: int, seed: int = 2020) -> list[pm.Metric]:
    rng = random.Random(seed)
    qualifiers = [pm.Qualifier.EXACT] * 6 + [pm.Qualifier.MORE_THAN, pm.Qualifier.AT_LEAST, pm.Qualifier.NEARLY]
    return [
        pm.Metric(
            id=f"m{i}",
            label=LABEL,
            category="c",
            actor="a",
            measure="funds-invested",
            quantity=pm.Quantity(value=Decimal(rng.randrange(1, 10**12)) / 1000, unit="CNY"),
            qualifier=rng.choice(qualifiers),
            source=SOURCE,
        )
        for i in range(count)
    ]


def best_of(runs: int, func: object) -> float:
    assert callable(func)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max", type=int, default=1_000_000, help="largest number of metrics (default 1,000,000)")
    args = parser.parse_args()
    sizes = [n for n in (1_000, 10_000, 100_000, 1_000_000, 10_000_000) if n <= args.max]
    print(f"{'metrics':>10}  {'total() s':>10}  {'ns/metric':>10}  qualifier")
    for size in sizes:
        items = metrics(size)
        result = pm.total(items)
        seconds = best_of(3, lambda items=items: pm.total(items))
        print(f"{size:>10,}  {seconds:>10.4f}  {seconds / size * 1e9:>10.0f}  {result.qualifier.value}")


if __name__ == "__main__":
    main()

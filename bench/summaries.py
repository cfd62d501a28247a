"""Summaries per second, per language and style, warm (catalogues and locales loaded).

Run: python bench/summaries.py [--seconds 1.0]
"""

from __future__ import annotations

import argparse
import time

import povmodel as pm

LANGS = ("en", "zh_CN", "zh_TW", "fr", "es", "ru", "ar")


def rate(func: object, seconds: float) -> float:
    assert callable(func)
    func()  # warm
    count, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        func()
        count += 1
    return count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=1.0, help="time per measurement (default 1.0)")
    args = parser.parse_args()
    forum = pm.load_forum()
    print(f"{'locale':8} {'short/s':>9} {'full/s':>9} {'full html/s':>12}")
    for locale in LANGS:
        short = rate(lambda locale=locale: pm.summarize(forum, locale=locale), args.seconds)
        full = rate(lambda locale=locale: pm.summarize(forum, locale=locale, style="full"), args.seconds)
        page = rate(lambda locale=locale: pm.summarize(forum, locale=locale, style="full", fmt="html"), args.seconds)
        print(f"{locale:8} {short:>9,.0f} {full:>9,.0f} {page:>12,.0f}")


if __name__ == "__main__":
    main()

"""Threads share povmodel's caches and catalogues: outputs must not depend on who runs when."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import povmodel as pm
from povmodel.presentation import _locales, _numbers, i18n

FORUM = pm.load_forum()
LANGS = ("en", "zh_CN", "zh_TW", "fr", "es", "ru", "ar")
JOBS = [(locale, style, fmt) for locale in LANGS for style in ("short", "full") for fmt in ("text", "html")]


def render(job: tuple[str, str, str]) -> str:
    locale, style, fmt = job
    return pm.summarize(FORUM, locale=locale, style=style, markup=fmt)  # type: ignore[arg-type]


def clear_caches() -> None:
    i18n._load.cache_clear()
    _locales._parse.cache_clear()
    _locales._resolve_locale.cache_clear()
    _numbers._FIGURES.clear()


def test_eight_threads_give_the_single_threaded_output() -> None:
    expected = {job: render(job) for job in JOBS}
    for _ in range(3):
        clear_caches()  # the threads race to load catalogues and fill the caches
        barrier = threading.Barrier(8)

        def work(offset: int, barrier: threading.Barrier = barrier) -> dict[tuple[str, str, str], str]:
            barrier.wait()
            order = JOBS[offset:] + JOBS[:offset]  # each thread starts with a different language
            return {job: render(job) for job in order}

        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(work, [i * 3 for i in range(8)]))
        assert len(results) == 8
        for result in results:
            assert result == expected

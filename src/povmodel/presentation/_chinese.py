"""Chinese in the reader's script: Traditional from Simplified (and back) through OpenCC.

OpenCC (``pip install 'povmodel[zh]'``) converts characters, with the variants
Taiwan (``s2tw``) or Hong Kong (``s2hk``) writes; quotation marks become corner
brackets (“” → 「」), as Traditional Chinese writes them. The zh-Hant catalogue is
derived the same way (``tools/catalogues.py``).

Taiwan gets ``s2tw``, not ``s2twp``: ``s2twp`` also swaps mainland words for
Taiwan's (项目 → 專案, 发布 → 釋出, 信息 → 資訊), and a report on mainland
institutions keeps their own terms, as Taiwan's press quotes them; its phrase
table turned 完成项目投资决策 into 完成專案投資決策 and 发布《案例》 into 釋出《案例》.
No configuration knows a person's name: 杨杰 becomes 楊傑, so a forum gives a
person's Traditional name (``zh-Hant``) where it differs.
Conversions are cached, within a bound in bytes.
"""

from __future__ import annotations

import functools
import threading
from typing import Any, Final

from povmodel.presentation._cache import BoundedCache

__all__ = ["available", "convert", "converter_for"]

_LOCK: Final = threading.Lock()


@functools.cache
def _opencc() -> Any:
    try:
        import opencc
    except ImportError:
        return None
    return opencc


def available() -> bool:
    """True when OpenCC is installed."""
    return _opencc() is not None


def converter_for(script: str, territory: str | None) -> str:
    """The OpenCC configuration that writes ``script`` for a reader in ``territory``.

    Examples:
        >>> converter_for("Hant", "TW"), converter_for("Hant", "HK"), converter_for("Hant", None)
        ('s2tw', 's2hk', 's2t')
        >>> converter_for("Hans", "CN")
        't2s'
    """
    if script == "Hans":
        return "t2s"
    return {"TW": "s2tw", "HK": "s2hk", "MO": "s2hk"}.get(territory or "", "s2t")


@functools.cache
def _converter(config: str) -> Any:
    return _opencc().OpenCC(config)


# OpenCC leaves punctuation alone; Taiwan and Hong Kong write corner brackets for quotes.
_HANT_QUOTES: Final = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})
_HANS_QUOTES: Final = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})


def _convert(key: tuple[str, str]) -> str:
    config, text = key
    with _LOCK:  # one converter per configuration, shared by every thread
        converted = str(_converter(config).convert(text))
    return converted.translate(_HANS_QUOTES if config == "t2s" else _HANT_QUOTES)


_CACHE: Final = BoundedCache(_convert, max_bytes=4 * 1024 * 1024)


def convert(text: str, config: str) -> str:
    """``text`` converted by the OpenCC configuration ``config``; OpenCC must be installed."""
    return _CACHE((config, text))

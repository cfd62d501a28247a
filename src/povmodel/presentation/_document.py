"""A small document model (headings, paragraphs, lists), rendered as text, Markdown or HTML.

Every text from the data is made safe for its markup here, in one place: plain
text never carries a control character; Markdown escapes inline and block syntax
(a line that would start a heading, a list, a quote, a code fence or a rule);
HTML is escaped, and the bidi isolates povmodel puts around names become ``<bdi>``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Final, TypeAlias

import attrs

__all__ = ["Block", "Heading", "List", "Paragraph", "render"]


@attrs.frozen
class Heading:
    level: int
    text: str


@attrs.frozen
class Paragraph:
    text: str


@attrs.frozen
class List:
    items: tuple[str, ...]


Block: TypeAlias = "Heading | Paragraph | List"

# Characters no output may carry: control characters but newline, explicit bidi
# embeddings and overrides (povmodel writes only isolates, FSI and PDI, in pairs), and
# Unicode's noncharacters (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF), which HTML forbids.
_NONCHARACTERS: Final = "\ufdd0-\ufdef" + "".join(
    chr(plane + end) for plane in range(0, 0x110000, 0x10000) for end in (0xFFFE, 0xFFFF)
)
_UNSAFE: Final = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066\u2067{_NONCHARACTERS}]")
_INLINE: Final = re.compile(r"([\\`*_\[\]<>#|~!])")
# Text that would open a block at its start, once inline syntax is escaped: a list or
# rule marker (-, +), a setext underline (=), or an ordered list marker ("1." or "1)").
_BLOCK_START: Final = re.compile(r"^([-+=])|^(\d+)([.)])")
_ISOLATED: Final = re.compile("\u2068(.*?)\u2069", re.DOTALL)


def _safe(text: str) -> str:
    return _UNSAFE.sub("", text)


def _markdown(text: str) -> str:
    line = " ".join(_safe(text).split())  # no line breaks: a Markdown block stays one block
    escaped = _INLINE.sub(r"\\\1", line)
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)


def _html(text: str) -> str:
    return _ISOLATED.sub(r"<bdi>\1</bdi>", html.escape(_safe(text)))


def _render_text(blocks: Sequence[Block]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, (Heading, Paragraph)):
            parts.append(_safe(block.text))
        else:
            parts.append("\n".join(f"- {_safe(item)}" for item in block.items))
    return "\n\n".join(parts) + "\n"


def _render_markdown(blocks: Sequence[Block]) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, Heading):
            parts.append(f"{'#' * block.level} {_markdown(block.text)}")
        elif isinstance(block, Paragraph):
            parts.append(_markdown(block.text))
        else:
            parts.append("\n".join(f"- {_markdown(item)}" for item in block.items))
    return "\n\n".join(parts) + "\n"


def _render_html(blocks: Sequence[Block], *, title: str, language: str, direction: str) -> str:
    body = []
    for block in blocks:
        if isinstance(block, Heading):
            body.append(f"<h{block.level}>{_html(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            body.append(f"<p>{_html(block.text)}</p>")
        else:
            items = "".join(f"\n<li>{_html(item)}</li>" for item in block.items)
            body.append(f"<ul>{items}\n</ul>")
    plain_title = html.escape(_ISOLATED.sub(r"\1", _safe(title)))
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(language)}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{plain_title}</title>\n</head>\n<body>\n<article>\n"
        + "\n".join(body)
        + "\n</article>\n</body>\n</html>\n"
    )


def render(blocks: Sequence[Block], markup: str, *, title: str, language: str, direction: str) -> str:
    """The blocks as ``"text"``, ``"markdown"`` or ``"html"`` (a whole document with ``lang`` and ``dir``)."""
    if markup == "text":
        return _render_text(blocks)
    if markup == "markdown":
        return _render_markdown(blocks)
    return _render_html(blocks, title=title, language=language, direction=direction)

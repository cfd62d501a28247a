"""The ``povmodel`` command (also ``python -m povmodel``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from povmodel.datasets import load_forum
from povmodel.errors import PovmodelError, ValidationError
from povmodel.model import Forum
from povmodel.serialize import load

__all__ = ["main"]


def _forum(path: str | None) -> Forum:
    return load_forum() if path is None else load(path)


def _show(args: argparse.Namespace) -> int:
    forum = _forum(args.file)
    locale = args.locale
    lines = [
        forum.name.for_locale(locale),
        f"{forum.date.isoformat()}{' (year inferred)' if forum.date_source.inferred else ''}, "
        f"{forum.city.for_locale(locale)}",
    ]
    if forum.theme is not None:
        lines.append(forum.theme.for_locale(locale))
    lines.append("")
    lines.append(
        f"{len(forum.organizations)} organisations, {len(forum.people)} people, "
        f"{len(forum.programme)} programme items, {len(forum.metrics)} metrics"
    )
    lines.append("")
    for person in forum.people:
        posts = "; ".join(
            f"{p.title.for_locale(locale)}, {forum.organization(p.organization).name.for_locale(locale)}"
            for p in person.positions
        )
        lines.append(f"  {person.name.for_locale(locale)} — {posts}")
    lines.append("")
    width = max((len(m.id) for m in forum.metrics), default=0)
    for metric in forum.metrics:
        quantity = metric.quantity
        lines.append(
            f"  {metric.id:<{width}}  {metric.qualifier.value:<9}  {quantity.value:>15,f} {quantity.unit:<8}  "
            f"{metric.label.for_locale(locale)}"
        )
    print("\n".join(lines))
    return 0


def _summary(args: argparse.Namespace) -> int:
    from povmodel.summary import summarize

    forum = _forum(args.file)
    sys.stdout.write(summarize(forum, locale=args.locale, style=args.style, fmt=args.format))
    return 0


_Handler = Callable[[argparse.Namespace], int]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="povmodel", description="Typed forum reports on poverty alleviation.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    show = commands.add_parser("show", help="print a forum: people, posts and every figure")
    show.add_argument("file", nargs="?", metavar="FILE", help="a forum file (default: the bundled 2020 forum)")
    show.add_argument("--locale", default="en", help="language of names and labels (default: en)")
    show.set_defaults(handler=_show)

    summary = commands.add_parser("summary", help="summarise a forum in a language")
    summary.add_argument("file", nargs="?", metavar="FILE", help="a forum file (default: the bundled 2020 forum)")
    summary.add_argument("--locale", default="en", help="the reader's locale: en, zh_CN, zh_TW, fr, es, ru, ar...")
    summary.add_argument("--style", choices=("short", "full"), default="short", help="one paragraph, or sections")
    summary.add_argument("--format", choices=("text", "markdown", "html"), default="text", help="output markup")
    summary.set_defaults(handler=_summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 error, 2 usage)."""
    args = _parser().parse_args(argv)
    handler: _Handler = args.handler
    try:
        return handler(args)
    except ValidationError as exc:
        for path, message in exc.errors:
            print(f"povmodel: {path}: {message}", file=sys.stderr)
        return 1
    except PovmodelError as exc:
        print(f"povmodel: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"povmodel: {exc.filename or ''}: {exc.strerror}", file=sys.stderr)
        return 1

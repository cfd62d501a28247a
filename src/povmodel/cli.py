"""The ``povmodel`` command (also ``python -m povmodel``).

Exit status: 0 on success, 1 when povmodel reports a problem (an invalid file, an
unknown locale; the message is on stderr), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence

from povmodel.core.errors import PovmodelError, ValidationError
from povmodel.core.model import Forum
from povmodel.io.datasets import load_forum
from povmodel.io.serialize import FileFormat, dumps, load

__all__ = ["main"]

_FILE_HELP = "a forum file, .json, .yaml or .toml (default: the bundled 2020 forum)"


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
    lines += [
        "",
        f"{len(forum.organizations)} organisations, {len(forum.people)} people, "
        f"{len(forum.programme)} programme items, {len(forum.metrics)} metrics",
        "",
    ]
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
    from povmodel.presentation.summary import summarize

    forum = _forum(args.file)
    sys.stdout.write(summarize(forum, locale=args.locale, style=args.style, fmt=args.format))
    return 0


def _validate(args: argparse.Namespace) -> int:
    failed = False
    for path in args.files:
        try:
            load(path)
        except ValidationError as exc:
            failed = True
            for where, message in exc.errors:
                print(f"{path}: {where}: {message}", file=sys.stderr)
        except OSError as exc:
            failed = True
            print(f"{path}: {exc.strerror}", file=sys.stderr)
        else:
            if not args.quiet:
                print(f"{path}: ok")
    return 1 if failed else 0


def _schema(args: argparse.Namespace) -> int:
    from povmodel.io.schema import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0


def _convert(args: argparse.Namespace) -> int:
    target: FileFormat = args.to
    sys.stdout.write(dumps(load(args.file), format=target))
    if target == "json":
        sys.stdout.write("\n")
    return 0


def _totals(args: argparse.Namespace) -> int:
    from povmodel.core.totals import totals_by
    from povmodel.presentation.format import format_total

    forum = _forum(args.file)
    locale = args.locale
    names: dict[str, Callable[[str], str]] = {
        "category": lambda key: forum.category(key).name.for_locale(locale),
        "actor": lambda key: forum.organization(key).name.for_locale(locale),
        "measure": lambda key: forum.measure(key).name.for_locale(locale),
        "unit": lambda key: key,
    }
    for group in totals_by(forum, args.by).groups:
        print(names[args.by](group.key))
        for total in group.totals:
            measure = forum.measure(total.measure).name.for_locale(locale)
            figure = format_total(total, locale=locale)
            print(f"  {measure}: {figure} ({len(total.metrics)} {'metric' if len(total.metrics) == 1 else 'metrics'})")
    return 0


_Handler = Callable[[argparse.Namespace], int]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="povmodel",
        description="Typed forum reports on poverty alleviation: validate, convert, total and summarise them.",
        epilog="Exit status: 0 ok, 1 a problem reported on stderr, 2 a usage error.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    summary = commands.add_parser("summary", help="summarise a forum in a language")
    summary.add_argument("file", nargs="?", metavar="FILE", help=_FILE_HELP)
    summary.add_argument("--locale", default="en", help="the reader's locale: en, zh_CN, zh_TW, fr, es, ru, ar...")
    summary.add_argument("--style", choices=("short", "full"), default="short", help="one paragraph, or sections")
    summary.add_argument("--format", choices=("text", "markdown", "html"), default="text", help="output markup")
    summary.set_defaults(handler=_summary)

    validate = commands.add_parser("validate", help="check forum files; one line per problem, with its path")
    validate.add_argument("files", nargs="+", metavar="FILE", help="forum files (.json, .yaml, .toml)")
    validate.add_argument("-q", "--quiet", action="store_true", help="print nothing for valid files")
    validate.set_defaults(handler=_validate)

    schema = commands.add_parser("schema", help="print the JSON Schema of the file format")
    schema.set_defaults(handler=_schema)

    convert = commands.add_parser("convert", help="convert a forum file to another format, on stdout")
    convert.add_argument("file", metavar="FILE", help="a forum file (.json, .yaml, .toml)")
    convert.add_argument("--to", choices=("json", "yaml", "toml"), required=True, help="the output format")
    convert.set_defaults(handler=_convert)

    totals = commands.add_parser("totals", help="add a forum's figures by group, never mixing units or measures")
    totals.add_argument("file", nargs="?", metavar="FILE", help=_FILE_HELP)
    totals.add_argument("--by", choices=("category", "unit", "actor", "measure"), default="category")
    totals.add_argument("--locale", default="en", help="language of names and figures (default: en)")
    totals.set_defaults(handler=_totals)

    show = commands.add_parser("show", help="print a forum: people, posts and every figure")
    show.add_argument("file", nargs="?", metavar="FILE", help=_FILE_HELP)
    show.add_argument("--locale", default="en", help="language of names and labels (default: en)")
    show.set_defaults(handler=_show)
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
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as command-line tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as exc:
        print(f"povmodel: {exc.filename or ''}: {exc.strerror}", file=sys.stderr)
        return 1

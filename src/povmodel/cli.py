"""The ``povmodel`` command (also ``python -m povmodel``).

Exit status: 0 on success, 1 when povmodel reports a problem (an invalid file, an
unknown locale; the message is on stderr), 2 for a usage error. Whatever a forum
holds, nothing it says reaches the terminal as a control character.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import Final, get_args

from povmodel.core.errors import LocaleFallbackWarning, PovmodelError, ValidationError
from povmodel.core.model import Forum
from povmodel.core.totals import GroupBy
from povmodel.io import limits
from povmodel.io.datasets import load_forum
from povmodel.io.serialize import FileFormat, dumps, format_of, load, loads
from povmodel.presentation.formatter import Formatter, Markup, Style

__all__ = ["main"]

_FILE_HELP: Final = "a forum file, .json, .yaml or .toml, or - for stdin (default: the bundled 2020 forum)"
_LOCALE_HELP: Final = "the reader's locale: en, zh_CN, zh_TW, fr, es, ru, ar... (default: en)"
_STDIN: Final = "-"
# Control characters but newline and tab, and explicit bidi embeddings and overrides.
_UNSAFE: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")


def _safe(text: str) -> str:
    return _UNSAFE.sub("", text)


def _out(text: str) -> None:
    sys.stdout.write(_safe(text))


def _err(text: str) -> None:
    print(_safe(text), file=sys.stderr)


def _forum(path: str | None, format: FileFormat | None = None) -> Forum:
    if path is None:
        return load_forum()
    if path == _STDIN:
        chosen = format or "json"
        return loads(limits.read_stream(sys.stdin.buffer, limits.for_format(limits.DEFAULT, chosen)), format=chosen)
    return load(path, format=format)


def _formatter(locale: str) -> Formatter:
    """The reader's formatter; a fallback is said once on stderr, as a notice."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", LocaleFallbackWarning)
        fmt = Formatter(locale)
    for warning in caught:
        _err(f"povmodel: note: {warning.message}")
    return fmt


def _columns(rows: Sequence[Sequence[str]], right: frozenset[int] = frozenset()) -> Iterator[str]:
    """Rows as aligned columns: each as wide as its widest cell (East Asian wide characters count twice)."""
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))] if rows else []
    for row in rows:
        cells = [
            (" " * (widths[i] - _width(cell)) + cell) if i in right else cell + " " * (widths[i] - _width(cell))
            for i, cell in enumerate(row)
        ]
        yield "  " + "  ".join(cells).rstrip()


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _m(message: str) -> str:
    return message


def _mn(singular: str, plural: str) -> tuple[str, str]:
    return singular, plural


_SHOW_HEADER: Final = (_m("id"), _m("qualifier"), _m("value"), _m("unit"), _m("label"))
_SHOW_COUNTS: Final = _m(
    "%(organizations)s organizations, %(people)s people, %(items)s program items, %(metrics)s metrics"
)
_YEAR_INFERRED: Final = _m("(year inferred)")


def _show(args: argparse.Namespace) -> int:
    forum = _forum(args.file)
    fmt = _formatter(args.locale)
    inferred = f" {fmt._say(_YEAR_INFERRED)}" if forum.date_source.inferred else ""
    lines = [fmt.text(forum.name), f"{fmt.date(forum.date)}{inferred}, {fmt.text(forum.city)}"]
    if forum.theme is not None:
        lines.append(fmt.text(forum.theme))
    counts = {
        "organizations": len(forum.organizations),
        "people": len(forum.people),
        "items": len(forum.programme),
        "metrics": len(forum.metrics),
    }
    lines += ["", fmt._say(_SHOW_COUNTS, **{k: fmt.number(v) for k, v in counts.items()}), ""]
    for person in forum.people:
        posts = "; ".join(
            f"{fmt.text(p.title)}, {fmt.text(forum.organization(p.organization).name)}" for p in person.positions
        )
        lines.append(f"  {fmt.name(person.name)} — {posts}")
    lines.append("")
    rows = [tuple(fmt._say(title) for title in _SHOW_HEADER)]
    rows += [
        (m.id, m.qualifier.value, fmt.number(m.quantity.value), m.quantity.unit, fmt.text(m.label))
        for m in forum.metrics
    ]
    lines += _columns(rows, right=frozenset({2}))
    _out("\n".join(lines) + "\n")
    return 0


def _summary(args: argparse.Namespace) -> int:
    forum = _forum(args.file)
    _out(_formatter(args.locale).summarize(forum, style=args.style, markup=args.markup))
    return 0


def _validate(args: argparse.Namespace) -> int:
    failed = False
    for path in args.files:
        try:
            _forum(path, format_of(path) if path != _STDIN else None)
        except ValidationError as exc:
            failed = True
            for where, message in exc.errors:
                _err(f"{path}: {where}: {message}")
            if exc.more:
                _err(f"{path}: …and {exc.more:,} more")
        except PovmodelError as exc:
            failed = True
            _err(f"{path}: {exc}")
        except OSError as exc:
            failed = True
            _err(f"{path}: {exc.strerror}")
        else:
            if not args.quiet:
                _out(f"{path}: ok\n")
    return 1 if failed else 0


def _schema(args: argparse.Namespace) -> int:
    from povmodel.io.schema import json_schema

    _out(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return 0


def _convert(args: argparse.Namespace) -> int:
    text = dumps(_forum(args.file), format=args.to)
    _out(text if text.endswith("\n") else text + "\n")
    return 0


def _totals(args: argparse.Namespace) -> int:
    from povmodel.core.totals import totals_by

    forum = _forum(args.file)
    fmt = _formatter(args.locale)
    names: dict[str, Callable[[str], str]] = {
        "category": lambda key: fmt.text(forum.category(key).name),
        "actor": lambda key: fmt.text(forum.organization(key).name),
        "measure": lambda key: fmt.text(forum.measure(key).name),
        "unit": lambda key: key,
    }
    lines = []
    for group in totals_by(forum, args.by).groups:
        lines.append(names[args.by](group.key))
        for total in group.totals:
            measure = fmt.text(forum.measure(total.measure).name)
            count = fmt._say_plural(_METRICS, len(total.metrics), count=fmt.number(len(total.metrics)))
            lines.append(f"  {measure}: {fmt.total(total)} ({count})")
    _out("\n".join(lines) + "\n")
    return 0


_METRICS: Final = _mn("%(count)s metric", "%(count)s metrics")


def _text(path: str) -> str:
    """A report's text: a UTF-8 file (``-``: stdin), read within the same size limit as a forum."""
    data = limits.read_stream(sys.stdin.buffer) if path == _STDIN else limits.read_file(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError.at(path, f"not UTF-8 text (byte 0x{data[error.start]:02x} at {error.start:,})") from None


_FIGURE_COLUMNS: Final = ("#", "qualifier", "value", "unit", "role", "period", "figure", "noun")


def _extract(args: argparse.Namespace) -> int:
    from povmodel.extraction import extract
    from povmodel.extraction._commands import figure_records

    figures = extract(_text(args.file), args.language)
    if args.format == "table":
        rows = [_FIGURE_COLUMNS] + [
            (str(n), f.qualifier.value, f"{f.quantity.value:,f}", f.quantity.unit, f.role.value,
             f.period_text or "", f.text, f.noun or "")
            for n, f in enumerate(figures, 1)
        ]  # fmt: skip
        _out("\n".join(line[2:] for line in _columns(rows, right=frozenset({0, 2}))) + "\n")
    elif args.format == "json":
        from povmodel.io import json as json_format

        _out(json_format.dumps(figure_records(figures)) + "\n")
    else:
        from povmodel.io import yaml

        _out(yaml.dumps(figure_records(figures)))
    return 0


def _check(args: argparse.Namespace) -> int:
    from povmodel.extraction._commands import check_report

    report, status = check_report(_forum(args.file), _text(args.source))
    _out(report + "\n")
    return status


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
    summary.add_argument("--locale", default="en", help=_LOCALE_HELP)
    summary.add_argument("--style", choices=get_args(Style), default="short", help="a news lede, or a full report")
    summary.add_argument(
        "--markup", "--format", dest="markup", choices=get_args(Markup), default="text", help="the output's markup"
    )
    summary.set_defaults(handler=_summary)

    validate = commands.add_parser("validate", help="check forum files; one line per problem, with its path")
    validate.add_argument("files", nargs="+", metavar="FILE", help="forum files (.json, .yaml, .toml), or - for stdin")
    validate.add_argument("-q", "--quiet", action="store_true", help="print nothing for valid files")
    validate.set_defaults(handler=_validate)

    schema = commands.add_parser("schema", help="print the JSON Schema of the file format")
    schema.set_defaults(handler=_schema)

    convert = commands.add_parser("convert", help="convert a forum file to another format, on stdout")
    convert.add_argument("file", metavar="FILE", help="a forum file (.json, .yaml, .toml), or - for stdin")
    convert.add_argument("--to", choices=get_args(FileFormat), required=True, help="the output format")
    convert.set_defaults(handler=_convert)

    totals = commands.add_parser("totals", help="add a forum's figures by group, never mixing units or measures")
    totals.add_argument("file", nargs="?", metavar="FILE", help=_FILE_HELP)
    totals.add_argument("--by", choices=get_args(GroupBy), default="category", help="what to group by")
    totals.add_argument("--locale", default="en", help=_LOCALE_HELP)
    totals.set_defaults(handler=_totals)

    extract = commands.add_parser("extract", help="list the figures of a report's text, in English or Chinese")
    extract.add_argument("file", metavar="TEXT", help="the report, a UTF-8 text file, or - for stdin")
    extract.add_argument("--language", choices=("en", "zh"), help="the text's language (default: detected)")
    extract.add_argument("--format", choices=("table", "json", "yaml"), default="table", help="the output")
    extract.set_defaults(handler=_extract)

    check = commands.add_parser("check", help="check a forum against the text of its report")
    check.add_argument("file", nargs="?", metavar="FILE", help=_FILE_HELP)
    check.add_argument("--source", metavar="TEXT", required=True, help="the report, a UTF-8 text file")
    check.set_defaults(handler=_check)

    show = commands.add_parser("show", help="print a forum: people, posts and every figure")
    show.add_argument("file", nargs="?", metavar="FILE", help=_FILE_HELP)
    show.add_argument("--locale", default="en", help=_LOCALE_HELP)
    show.set_defaults(handler=_show)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 error, 2 usage)."""
    args = _parser().parse_args(argv)
    handler: _Handler = args.handler
    try:
        status = handler(args)
        sys.stdout.flush()
        return status
    except ValidationError as exc:
        for path, message in exc.errors:
            _err(f"povmodel: {path}: {message}")
        if exc.more:
            _err(f"povmodel: …and {exc.more:,} more")
        return 1
    except PovmodelError as exc:
        _err(f"povmodel: {exc}")
        return 1
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as command-line tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as exc:
        _err(f"povmodel: {exc.filename or 'stdout'}: {exc.strerror or exc}")
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # what could not be written is dropped, not retried at exit
        return 1

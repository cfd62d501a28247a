"""An HTTP service around povmodel: an ASGI app on Litestar, served by uvicorn.

Needs the service extra (``pip install 'povmodel[service]'``). Run it with

    python examples/service.py [--port 8000]     (then open http://127.0.0.1:8000/summary)

which runs uvicorn with the limits below, or serve the app with uvicorn yourself:

    uvicorn --app-dir examples service:app --http service:HttpProtocol --limit-concurrency 256

    GET  /forum                  the bundled forum as JSON
    POST /forums/validate        a forum as JSON: 200 {"valid": true, "id": ..., "metrics": n}, or a problem
    GET  /summary                a summary of the bundled forum in the language of the Accept-Language
                                 header (Content-Language says which was written);
                                 ?style=short|full&format=text|markdown|html (markup= is format=)
    POST /summary                the same for the forum in the request body
    GET  /healthz                {"status": "ok"}
    GET  /openapi.json           the OpenAPI document; the request bodies' schema is povmodel's JSON Schema

Errors are RFC 9457 problem details (``application/problem+json``). Those of an invalid
forum or query carry their problems as ``errors`` (``[{"path": "$.city", "message":
"required field missing"}]``) and ``more`` (how many beyond those). A request body is
read by povmodel itself (``pm.loads`` on the raw bytes), not decoded by Litestar into
attrs classes, so that duplicate keys, budgets and error paths are povmodel's own.

Limits (options of this script; see ``--help``): a body over ``--max-body`` bytes (16 MiB)
is refused with 413 before it is read, whether its length is declared or it is chunked;
a request's headers, and then its body, must arrive within ``--request-timeout`` seconds
each (else 408), and its request line and headers may not exceed 64 KiB (else 431),
and the connection is closed; an idle keep-alive connection is closed after
``--keep-alive`` seconds; at most ``--max-requests`` requests are handled at once (503
with Retry-After beyond, as problem details), and at most ``--max-connections``
connections are open at once (uvicorn's own plain-text 503 beyond). uvicorn answers a
request it cannot parse (``Content-Length: -1`` or ``abc``) with a plain-text 400 and
closes the connection, before the app sees it.

Answers that depend only on the request (summaries of the bundled forum, and the
answers to a posted forum, keyed by its SHA-256) are kept in a cache bounded in bytes.

It listens on 127.0.0.1 unless told otherwise, and prints the address it listens on.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import hashlib
import json
import logging
import os
import re
import socket
import sys
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from http import HTTPStatus
from typing import Annotated, Any, Final, Literal

import anyio
import anyio.to_thread
import attrs
import uvicorn
from babel.core import negotiate_locale
from litestar import Litestar, Request, Response, get, post
from litestar.exceptions import HTTPException, ServiceUnavailableException, ValidationException
from litestar.openapi import OpenAPIConfig
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.plugins import JsonRenderPlugin
from litestar.params import Parameter
from litestar.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

import povmodel as pm

__all__ = ["AVAILABLE", "HttpProtocol", "Limits", "app", "create_app", "main", "negotiate", "preferred_languages"]

log = logging.getLogger("povmodel.service")

# What a browser may ask for, mapped by povmodel to its seven catalogues. Script
# variants are listed in full: babel's fallback to the bare language would give a
# zh-Hant-TW reader Simplified Chinese.
AVAILABLE: Final = [
    "en", "fr", "es", "ru", "ar",
    "zh", "zh-CN", "zh-SG", "zh-Hans", "zh-Hans-CN",
    "zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK",
]  # fmt: skip
CONTENT_TYPES: Final = {"text": "text/plain", "markdown": "text/markdown", "html": "text/html"}
PROBLEM: Final = "application/problem+json"
PROBLEMS: Final = "https://povmodel.invalid/problems/"  # names, like the JSON Schema's $id, not pages
LARGE: Final = 1024 * 1024  # bodies from this size are not cached, and are read in a lane of their own
CACHE_BYTES: Final = 8 * 1024 * 1024

Style = Literal["short", "full"]
Markup = Literal["text", "markdown", "html"]
StyleQuery = Annotated[Style, Parameter(description="short: a news lede; full: a report with sections")]
FormatQuery = Annotated["Markup | None", Parameter(description="text (the default), markdown or html")]
MarkupQuery = Annotated["Markup | None", Parameter(description="the same as format")]


@attrs.frozen(kw_only=True)
class Limits:
    """What the service lets one client take.

    Attributes:
        max_body: the largest request body, in bytes (more: 413, decided before it is read).
        request_timeout: seconds a request's headers may take to arrive, and then its body (408).
        keep_alive: seconds an idle keep-alive connection is kept open.
        max_requests: requests handled at once (more: 503 with Retry-After).
        max_connections: connections open at once (uvicorn's ``limit_concurrency``; more: 503).
        backlog: connections the kernel queues before they are accepted.
    """

    max_body: int = pm.MAX_INPUT_BYTES
    request_timeout: float = 30.0
    keep_alive: int = 5
    max_requests: int = 64
    max_connections: int = 256
    backlog: int = 2048


# -- bodies: attrs classes, from which Litestar writes the OpenAPI document ---------------


@attrs.frozen(kw_only=True)
class FieldError:
    """One problem of a request: where (a JSON path, or ``query.style``) and what."""

    path: str
    message: str


@attrs.frozen(kw_only=True)
class Problem:
    """An RFC 9457 problem; ``errors`` and ``more`` only for an invalid forum or query."""

    type: str
    title: str
    status: int
    detail: str
    errors: tuple[FieldError, ...] = ()
    more: int = 0


@attrs.frozen(kw_only=True)
class Validated:
    """The answer to a valid forum."""

    valid: bool
    id: str
    metrics: int


@attrs.frozen(kw_only=True)
class Health:
    """The answer of ``/healthz``."""

    status: str


@attrs.frozen
class Answer:
    """A response, kept whole so that it can be cached."""

    status: int
    media_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()

    def response(self) -> Response[bytes]:
        return Response(self.body, status_code=self.status, media_type=self.media_type, headers=dict(self.headers))


def problem(problem: Problem, headers: tuple[tuple[str, str], ...] = ()) -> Answer:
    body: dict[str, object] = {"type": problem.type, "title": problem.title, "status": problem.status}
    body["detail"] = problem.detail
    if problem.errors:
        body["errors"] = [{"path": error.path, "message": error.message} for error in problem.errors]
        body["more"] = problem.more
    return Answer(problem.status, PROBLEM, json.dumps(body, ensure_ascii=False).encode(), headers)


def plain_problem(status: int, detail: str) -> Problem:
    return Problem(type="about:blank", title=HTTPStatus(status).phrase, status=status, detail=detail)


def invalid_forum(error: pm.ValidationError) -> Answer:
    count = len(error.errors) + error.more
    return problem(
        Problem(
            type=PROBLEMS + "invalid-forum",
            title="Invalid forum",
            status=400,
            detail=f"the forum is not valid: {count:,} problem{'s' if count > 1 else ''}",
            errors=tuple(FieldError(path=path, message=message) for path, message in error.errors),
            more=error.more,
        )
    )


def _on_invalid_forum(request: Request[Any, Any, Any], error: pm.ValidationError) -> Response[bytes]:
    return invalid_forum(error).response()


def _on_invalid_query(request: Request[Any, Any, Any], error: ValidationException) -> Response[bytes]:
    errors = []
    for item in error.extra if isinstance(error.extra, list) else []:
        if isinstance(item, dict):
            source = item.get("source", "query")
            path = f"{getattr(source, 'value', source)}.{item.get('key')}"
            errors.append(FieldError(path=path, message=str(item.get("message"))))
    found = Problem(
        type=PROBLEMS + "invalid-query",
        title="Invalid query",
        status=400,
        detail="invalid query parameters",
        errors=tuple(errors) or (FieldError(path="query", message=str(error.detail)),),
    )
    return problem(found).response()


def _on_http_error(request: Request[Any, Any, Any], error: HTTPException) -> Response[bytes]:
    headers = dict(error.headers or {})
    if error.status_code in (400, 408, 413):  # the body may be left unread: close rather than read it
        headers["Connection"] = "close"
    return problem(plain_problem(error.status_code, str(error.detail)), tuple(headers.items())).response()


def _on_bug(request: Request[Any, Any, Any], error: Exception) -> Response[bytes]:
    log.error("%s %s", request.method, request.url.path, exc_info=error)
    return problem(plain_problem(500, "an internal error; it has been logged")).response()


# -- Accept-Language ------------------------------------------------------------------------


def preferred_languages(header: str | None) -> list[str]:
    """The tags of an Accept-Language header, most wanted first (q-values honoured; 16 at most).

    >>> preferred_languages("de-DE,de;q=0.9, fr;q=0.7, *;q=0.1, en;q=0")
    ['de-DE', 'de', 'fr']
    """
    weighted = []
    for position, part in enumerate((header or "").split(",")[:32]):
        tag, _, params = part.partition(";")
        tag, params = tag.strip(), params.replace(" ", "")
        quality = 1.0
        if params.startswith("q="):
            try:
                quality = float(params[2:7])
            except ValueError:
                quality = 0.0
        if tag and tag != "*" and len(tag) <= 35 and 0 < quality <= 1:
            weighted.append((-quality, position, tag))
    return [tag for _, _, tag in sorted(weighted)[:16]]


def negotiate(header: str | None) -> pm.Formatter:
    """The Formatter for the first language of an Accept-Language header that povmodel writes; else English.

    babel matches each tag against what povmodel writes natively; the reader's own tag is
    then kept, so that its script and region count: ``zh-Hant-SG`` is Traditional
    Chinese, ``fr-CA`` writes numbers as in Canada. No Formatter is made for a language
    povmodel does not write, so there is no fallback warning.

    >>> [negotiate(header).tag for header in ("zh-TW", "zh", "de, fr-CA;q=0.8", "de")]
    ['zh-Hant-TW', 'zh-Hans', 'fr-CA', 'en']
    """
    return _negotiate(header) if header is None or len(header) <= 200 else _negotiate.__wrapped__(header)


@functools.lru_cache(maxsize=512)  # keyed by whole headers: short ones only
def _negotiate(header: str | None) -> pm.Formatter:
    for tag in preferred_languages(header):
        matched = negotiate_locale([tag], AVAILABLE, sep="-")
        if matched is not None:
            try:
                return _formatter(tag)
            except pm.UnknownLocaleError:
                return _formatter(matched)
    return _formatter("en")


@functools.lru_cache(maxsize=512)
def _formatter(locale: str) -> pm.Formatter:
    return pm.Formatter(locale)


def validated(forum: pm.Forum) -> Answer:
    body = {"valid": True, "id": forum.id, "metrics": len(forum.metrics)}
    return Answer(200, "application/json", json.dumps(body).encode())


def choose_markup(format_: Markup | None, markup: Markup | None) -> Markup:
    if format_ and markup and format_ != markup:
        raise ValidationException(extra=[{"source": "query", "key": "markup", "message": "differs from format"}])
    return format_ or markup or "text"


def summary(fmt: pm.Formatter, forum: pm.Forum, *, style: Style, markup: Markup) -> Answer:
    text = fmt.summarize(forum, style=style, markup=markup).encode()
    return Answer(200, CONTENT_TYPES[markup], text, (("Content-Language", fmt.tag), ("Vary", "Accept-Language")))


class Answers:
    """Answers by key, the least recently used dropped first; bounded in bytes. Only the event loop uses it."""

    def __init__(self, budget: int) -> None:
        self._items: OrderedDict[Hashable, Answer] = OrderedDict()
        self._size = 0
        self._budget = budget

    def get(self, key: Hashable) -> Answer | None:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
        return found

    def put(self, key: Hashable, answer: Answer) -> Answer:
        size = len(answer.body) + 200
        if size <= self._budget // 8 and key not in self._items:
            self._items[key] = answer
            self._size += size
            while self._size > self._budget:
                self._size -= len(self._items.popitem(last=False)[1].body) + 200
        return answer


# -- reading a body -------------------------------------------------------------------------

_DIGITS: Final = re.compile(r"[0-9]{1,19}")


async def read_body(request: Request[Any, Any, Any], limits: Limits) -> bytes:
    """The body, refused before it is read when it is declared too large, and once it grows too large.

    Raises:
        HTTPException: 400 for a Content-Length that is not a number of bytes, 413 for a body
            over ``limits.max_body``, 408 for a body that takes over ``limits.request_timeout``.
    """
    declared = request.headers.get("content-length")
    if declared is not None and not _DIGITS.fullmatch(declared):
        raise HTTPException(status_code=400, detail=f"Content-Length is not a number of bytes: {declared[:40]!r}")
    too_large = HTTPException(status_code=413, detail=f"the body is larger than {limits.max_body:,} bytes")
    if declared is not None and int(declared) > limits.max_body:
        raise too_large
    chunks, size = [], 0
    try:
        with anyio.fail_after(limits.request_timeout):
            while True:
                message = await request.receive()
                if message["type"] != "http.request":
                    raise HTTPException(status_code=400, detail="the client left before sending its body")
                size += len(message["body"])
                if size > limits.max_body:
                    raise too_large
                chunks.append(message["body"])
                if not message.get("more_body", False):
                    return b"".join(chunks)
    except TimeoutError:
        detail = f"the body did not arrive within {limits.request_timeout:g} seconds"
        raise HTTPException(status_code=408, detail=detail) from None


class Worker:
    """CPU-bound work (reading a forum, writing its summary) off the event loop, in arrival order.

    One job at a time runs in a thread, so that the event loop goes on reading bodies and
    answering from the cache; a large body has a lane of its own, so that it does not
    hold up small ones. Measured with 32 clients posting forums of 100 KB: p99 2.2 s
    inline on the event loop, 0.30 s in Litestar's thread pool, 0.23 s in one lane.
    """

    def __init__(self) -> None:
        self._lanes: dict[bool, anyio.CapacityLimiter] = {}

    async def run(self, size: int, func: Callable[[], Answer]) -> Answer:
        large = size >= LARGE
        if large not in self._lanes:
            self._lanes[large] = anyio.CapacityLimiter(1)  # made here: anyio needs a running event loop
        return await anyio.to_thread.run_sync(func, limiter=self._lanes[large])


def _limit_requests(limits: Limits) -> Callable[[ASGIApp], ASGIApp]:
    """Middleware: at most ``limits.max_requests`` requests at once; more get 503 and Retry-After."""
    active = 0

    def middleware(app: ASGIApp) -> ASGIApp:
        async def limited(scope: Scope, receive: Receive, send: Send) -> None:
            nonlocal active
            if active >= limits.max_requests:
                raise ServiceUnavailableException(detail="too many requests at once", headers={"Retry-After": "1"})
            active += 1
            try:
                await app(scope, receive, send)
            finally:
                active -= 1

        return limited

    return middleware


# -- the OpenAPI document -------------------------------------------------------------------

_FORUM: Final = {"$ref": "#/components/schemas/Forum"}
_ACCEPT_LANGUAGE: Final = {
    "name": "Accept-Language",
    "in": "header",
    "required": False,
    "description": "the reader's languages (q-values honoured); English where povmodel writes none of them",
    "schema": {"type": "string"},
}
_CONTENT_LANGUAGE: Final = {
    "description": "the BCP 47 tag of the language written, such as zh-Hant-TW, or en for an unmatched header",
    "schema": {"type": "string"},
}


def with_forum_schema(document: dict[str, Any]) -> dict[str, Any]:
    """Litestar's OpenAPI document, with povmodel's JSON Schema for the forums in bodies."""
    document = json.loads(json.dumps(document))
    forum = pm.json_schema()
    definitions = forum.pop("$defs")
    forum = {key: value for key, value in forum.items() if key not in ("$schema", "$id")}
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    assert not set(schemas) & {*definitions, "Forum"}, "a name of povmodel's schema is taken"
    schemas.update(_rebase({**definitions, "Forum": forum}))
    paths = document["paths"]
    for operation in (paths["/forums/validate"]["post"], paths["/summary"]["post"]):
        operation["requestBody"] = {
            "description": "a forum in povmodel's file format",
            "required": True,
            "content": {"application/json": {"schema": _FORUM}},
        }
    paths["/forum"]["get"]["responses"]["200"]["content"] = {"application/json": {"schema": _FORUM}}
    for operation in paths["/summary"].values():
        content = {media: {"schema": {"type": "string"}} for media in CONTENT_TYPES.values()}
        operation["responses"]["200"]["content"] = content
        operation["responses"]["200"]["headers"] = {"Content-Language": _CONTENT_LANGUAGE}
        operation["parameters"].append(_ACCEPT_LANGUAGE)
        for parameter in operation["parameters"]:  # optional, not nullable: a query has no null
            schema = parameter["schema"]
            if isinstance(schema.get("type"), list):
                schema["type"] = "string"
                schema["enum"] = [value for value in schema["enum"] if value is not None]
    return document


def _rebase(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: value.replace("#/$defs/", "#/components/schemas/") if key == "$ref" else _rebase(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_rebase(item) for item in node]
    return node


class _OpenAPIJson(JsonRenderPlugin):
    """Litestar's OpenAPI document at /openapi.json, with povmodel's JSON Schema in it."""

    def __init__(self) -> None:
        super().__init__(path=["/", "/openapi.json"])
        self._rendered: bytes | None = None

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        if self._rendered is None:
            self._rendered = json.dumps(with_forum_schema(openapi_schema), ensure_ascii=False).encode()
        return self._rendered


# -- the app --------------------------------------------------------------------------------


def _problems(*statuses: int) -> dict[int, ResponseSpec]:
    return {
        status: ResponseSpec(
            Problem, generate_examples=False, media_type=PROBLEM, description=HTTPStatus(status).phrase
        )
        for status in (*statuses, 503)
    }


def create_app(limits: Limits | None = None) -> Litestar:
    """The ASGI app, with its limits (by default `Limits()`)."""
    limits = limits or Limits()
    bundled = pm.load_forum()
    bundled_json = pm.dumps(bundled).encode()
    answers = Answers(CACHE_BYTES)
    worker = Worker()

    async def answer(key: tuple[object, ...], body: bytes, make: Callable[[pm.Forum], Answer]) -> Answer:
        """The answer to a forum posted in ``body``: cached by ``key`` and the body's SHA-256, if it is small."""
        if len(body) >= LARGE:
            return await worker.run(len(body), functools.partial(read_forum, body, make))
        key = (*key, hashlib.sha256(body).digest())
        found = answers.get(key)
        if found is None:
            found = answers.put(key, await worker.run(len(body), functools.partial(read_forum, body, make)))
        return found

    def read_forum(body: bytes, make: Callable[[pm.Forum], Answer]) -> Answer:
        try:
            forum = pm.loads(body, limit=limits.max_body)
        except pm.ValidationError as error:
            return invalid_forum(error)
        return make(forum)

    @get("/forum", operation_id="getForum", media_type="application/json", responses=_problems(), sync_to_thread=False)
    def get_forum() -> Response[bytes]:
        """The bundled forum, in povmodel's file format."""
        return Response(bundled_json, media_type="application/json")

    @post(
        "/forums/validate",
        operation_id="validateForum",
        status_code=200,
        responses={200: ResponseSpec(Validated, generate_examples=False, description="a valid forum")}
        | _problems(400, 408, 413),
    )
    async def validate(request: Request[Any, Any, Any]) -> Response[bytes]:
        """Validate a forum: 200 if it is valid, else a problem with the path of each error."""
        body = await read_body(request, limits)
        found = await answer(("validate",), body, validated)
        return found.response()

    @get(
        "/summary",
        operation_id="getSummary",
        media_type="text/plain",
        responses=_problems(400),
        sync_to_thread=False,
    )
    def get_summary(
        request: Request[Any, Any, Any],
        style: StyleQuery = "short",
        format: FormatQuery = None,
        markup: MarkupQuery = None,
    ) -> Response[bytes]:
        """A summary of the bundled forum, in the language of Accept-Language (Content-Language says which)."""
        chosen = choose_markup(format, markup)
        fmt = negotiate(request.headers.get("accept-language"))
        key = ("summary", "bundled", fmt.tag, str(fmt.locale), style, chosen)
        found = answers.get(key) or answers.put(key, summary(fmt, bundled, style=style, markup=chosen))
        return found.response()

    @post(
        "/summary",
        operation_id="postSummary",
        status_code=200,
        media_type="text/plain",
        responses=_problems(400, 408, 413),
    )
    async def post_summary(
        request: Request[Any, Any, Any],
        style: StyleQuery = "short",
        format: FormatQuery = None,
        markup: MarkupQuery = None,
    ) -> Response[bytes]:
        """A summary of the forum in the body, in the language of Accept-Language (Content-Language says which)."""
        chosen = choose_markup(format, markup)
        fmt = negotiate(request.headers.get("accept-language"))
        make = functools.partial(summary, fmt, style=style, markup=chosen)
        body = await read_body(request, limits)
        found = await answer(("summary", fmt.tag, str(fmt.locale), style, chosen), body, make)
        return found.response()

    @get("/healthz", operation_id="healthz", responses=_problems(), sync_to_thread=False)
    def healthz() -> Health:
        """Whether the service is up."""
        return Health(status="ok")

    return Litestar(
        [get_forum, validate, get_summary, post_summary, healthz],
        middleware=[_limit_requests(limits)],
        exception_handlers={
            pm.ValidationError: _on_invalid_forum,
            ValidationException: _on_invalid_query,
            HTTPException: _on_http_error,
            Exception: _on_bug,
        },
        openapi_config=OpenAPIConfig(
            title="povmodel",
            version=pm.__version__,
            description="Validate forums, and summarise them in the reader's language.",
            path="/openapi.json",
            render_plugins=[_OpenAPIJson()],
        ),
    )


# -- serving it -----------------------------------------------------------------------------


class HttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, with a deadline on each request's headers and a cap on their size.

    uvicorn closes idle keep-alive connections, but waits for ever on a client that
    sends its headers a byte at a time, and takes headers of any size (a 100 MB
    Accept-Language). Here each request's headers (and a new connection's first
    request) must arrive within `header_timeout` seconds, else 408; and the request
    line and headers may take `max_header_bytes`, else 431. Either way the
    connection is closed.
    """

    header_timeout: float = Limits().request_timeout
    max_header_bytes: int = 64 * 1024
    _deadline: asyncio.TimerHandle | None = None
    _awaiting_headers: bool = True
    _header_bytes: int = 0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self._awaiting_headers:
            self._header_bytes += len(data)
        super().data_received(data)
        if self._awaiting_headers and self._header_bytes > self.max_header_bytes:  # all of it parsed, no end yet
            self._refuse(431, f"the request line and headers are longer than {self.max_header_bytes:,} bytes")

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._deadline is None:
            self._arm()

    def on_headers_complete(self) -> None:
        self._awaiting_headers, self._header_bytes = False, 0
        self._disarm()
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._awaiting_headers = True  # what comes next is the next request's

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._deadline = self.loop.call_later(self.header_timeout, self._refuse, 408, "the headers came too slowly")

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _refuse(self, status: int, detail: str) -> None:
        self._disarm()
        if not self.transport.is_closing():
            body = problem(plain_problem(status, detail)).body
            head = f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\ncontent-type: {PROBLEM}\r\n"
            self.transport.write(f"{head}content-length: {len(body)}\r\nconnection: close\r\n\r\n".encode() + body)
            self.transport.close()


app = create_app()
"""The app with the default limits: ``uvicorn --app-dir examples service:app``."""


def main(argv: Sequence[str] | None = None) -> None:
    defaults = Limits()
    parser = argparse.ArgumentParser(description="povmodel's HTTP service: Litestar, served by uvicorn")
    parser.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="the port (0: any free port)")
    parser.add_argument("--max-body", type=int, default=defaults.max_body, help="the largest body, in bytes")
    parser.add_argument("--request-timeout", type=float, default=defaults.request_timeout, help="seconds (30)")
    parser.add_argument("--keep-alive", type=int, default=defaults.keep_alive, help="idle seconds (5)")
    parser.add_argument("--max-requests", type=int, default=defaults.max_requests, help="at once (64)")
    parser.add_argument("--max-connections", type=int, default=defaults.max_connections, help="at once (256)")
    parser.add_argument("--backlog", type=int, default=defaults.backlog, help="the listen backlog (2048)")
    args = parser.parse_args(argv)
    limits = Limits(
        max_body=args.max_body,
        request_timeout=args.request_timeout,
        keep_alive=args.keep_alive,
        max_requests=args.max_requests,
        max_connections=args.max_connections,
        backlog=args.backlog,
    )
    protocol = type("HttpProtocol", (HttpProtocol,), {"header_timeout": limits.request_timeout})
    config = uvicorn.Config(
        create_app(limits),
        host=args.host,
        port=args.port,
        http=protocol,
        timeout_keep_alive=limits.keep_alive,
        limit_concurrency=limits.max_connections,
        backlog=limits.backlog,
        timeout_graceful_shutdown=5,
        access_log=False,
        log_level="warning",
    )
    sock = listen(args.host, args.port, limits.backlog)
    print(f"listening on http://{args.host}:{sock.getsockname()[1]}", flush=True)
    uvicorn.Server(config).run(sockets=[sock])


def listen(host: str, port: int, backlog: int) -> socket.socket:
    """A listening TCP socket; connections queue from now on, before uvicorn accepts them.

    Made with ``IPPROTO_TCP`` rather than 0 (as ``socket.create_server`` and uvicorn make
    theirs), because asyncio sets ``TCP_NODELAY`` only on connections of such a socket:
    without it, on asyncio's own loop (uvloop sets it anyway), every response waits
    40 ms for a delayed ACK.
    """
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    if os.name != "nt":
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(address)
    sock.listen(backlog)
    return sock


if __name__ == "__main__":
    main(sys.argv[1:])

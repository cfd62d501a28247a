"""A small HTTP service around povmodel, on the standard library's http.server.

The old version of examples/service.py, kept for comparison: bench/service.py load-tests it
side by side with the ASGI service that replaced it.

Run: python bench/service_stdlib.py [--port 8000]    (then open http://127.0.0.1:8000/summary)

    GET  /forum                  the bundled forum as JSON
    POST /forums/validate        a forum as JSON: 200 {"valid": true, ...} or 400 {"errors": [...]}
    GET  /summary                a summary of the bundled forum in the language of the
                                 Accept-Language header (negotiated with babel);
                                 ?style=short|full&format=text|markdown|html
    POST /summary                the same for the forum in the request body

It listens on 127.0.0.1 only and prints the address it listens on.
"""

from __future__ import annotations

import argparse
import json
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from babel.core import negotiate_locale

import povmodel as pm

# What a browser may ask for, mapped by povmodel to its seven catalogues. Script
# variants are listed in full: babel's fallback to the bare language would give a
# zh-Hant-TW reader Simplified Chinese.
AVAILABLE = [
    "en", "fr", "es", "ru", "ar",
    "zh", "zh-CN", "zh-SG", "zh-Hans", "zh-Hans-CN",
    "zh-TW", "zh-HK", "zh-MO", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK",
]  # fmt: skip
MAX_BODY = pm.MAX_INPUT_BYTES
CONTENT_TYPES = {"text": "text/plain", "markdown": "text/markdown", "html": "text/html"}


def preferred_languages(header: str | None) -> list[str]:
    """The tags of an Accept-Language header, most wanted first (q-values honoured)."""
    weighted = []
    for position, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and tag != "*" and quality > 0:
            weighted.append((-quality, position, tag))
    return [tag for _, _, tag in sorted(weighted)]


def negotiate(header: str | None) -> str:
    return negotiate_locale(preferred_languages(header), AVAILABLE, sep="-") or "en"


class Handler(BaseHTTPRequestHandler):
    server_version = "povmodel-example/1"

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: the tests read stdout

    def send(self, status: HTTPStatus, body: str, content_type: str, language: str | None = None) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if language:
            self.send_header("Content-Language", language)
        self.end_headers()
        self.wfile.write(data)

    def send_json(self, status: HTTPStatus, payload: object) -> None:
        self.send(status, json.dumps(payload, ensure_ascii=False), "application/json")

    def read_forum(self) -> pm.Forum | None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.send_json(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"errors": [{"path": "$", "message": "too large"}]})
            return None
        try:
            return pm.loads(self.rfile.read(length))
        except pm.ValidationError as error:
            errors = [{"path": path, "message": message} for path, message in error.errors]
            self.send_json(HTTPStatus.BAD_REQUEST, {"errors": errors})
            return None

    def summary(self, forum: pm.Forum) -> None:
        query = parse_qs(urlsplit(self.path).query)
        style = query.get("style", ["short"])[0]
        fmt = query.get("format", ["text"])[0]
        if style not in ("short", "full") or fmt not in CONTENT_TYPES:
            self.send_json(HTTPStatus.BAD_REQUEST, {"errors": [{"path": "query", "message": "bad style or format"}]})
            return
        locale = negotiate(self.headers.get("Accept-Language"))
        text = pm.summarize(forum, locale=locale, style=style, markup=fmt)  # type: ignore[arg-type]
        self.send(HTTPStatus.OK, text, CONTENT_TYPES[fmt], language=locale)

    def do_GET(self) -> None:
        route = urlsplit(self.path).path
        if route == "/forum":
            self.send(HTTPStatus.OK, pm.dumps(pm.load_forum()), "application/json")
        elif route == "/summary":
            self.summary(pm.load_forum())
        else:
            self.send_json(HTTPStatus.NOT_FOUND, {"errors": [{"path": route, "message": "not found"}]})

    def do_POST(self) -> None:
        route = urlsplit(self.path).path
        if route not in ("/forums/validate", "/summary"):
            self.send_json(HTTPStatus.NOT_FOUND, {"errors": [{"path": route, "message": "not found"}]})
            return
        forum = self.read_forum()
        if forum is None:
            return
        if route == "/summary":
            self.summary(forum)
        else:
            self.send_json(HTTPStatus.OK, {"valid": True, "id": forum.id, "metrics": len(forum.metrics)})


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="povmodel's example HTTP service")
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (0: any free port)")
    args = parser.parse_args(argv)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main(sys.argv[1:])

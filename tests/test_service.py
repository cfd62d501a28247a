"""examples/service.py: the ASGI app in process (httpx, schemathesis), and served by uvicorn to hostile clients."""

from __future__ import annotations

import contextlib
import copy
import doctest
import importlib.util
import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import anyio
import httpx
import pytest
import schemathesis
from litestar import Litestar
from litestar.testing import TestClient
from schemathesis.config import SchemathesisConfig

import povmodel as pm

SERVICE = Path(__file__).resolve().parent.parent / "examples" / "service.py"
PROBLEM = "application/problem+json"


def _load_service() -> ModuleType:
    spec = importlib.util.spec_from_file_location("service", SERVICE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["service"] = module  # Litestar resolves the handlers' annotations in their module
    spec.loader.exec_module(module)
    return module


service = _load_service()


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient[Litestar]]:
    with TestClient(service.app) as test_client:
        yield test_client


def forum_bytes() -> bytes:
    return pm.dumps(pm.load_forum()).encode()


def problem_of(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    problem: dict[str, Any] = response.json()
    assert problem["status"] == status and problem["title"] and problem["detail"] and problem["type"]
    return problem


# -- the endpoints ----------------------------------------------------------------------------


def test_get_forum_returns_the_file_format(client: TestClient[Litestar]) -> None:
    response = client.get("/forum")
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    assert pm.loads(response.content) == pm.load_forum()


def test_valid_forum_is_accepted(client: TestClient[Litestar]) -> None:
    response = client.post("/forums/validate", content=forum_bytes())
    forum = pm.load_forum()
    assert response.status_code == 200
    assert response.json() == {"valid": True, "id": forum.id, "metrics": len(forum.metrics)}


def test_invalid_forum_is_a_problem_with_the_paths(client: TestClient[Litestar]) -> None:
    data = pm.to_dict(pm.load_forum())
    data["metrics"][4]["quantity"]["unit"] = "XYZ"
    del data["city"]
    with pytest.raises(pm.ValidationError) as raised:
        pm.from_dict(copy.deepcopy(data))
    problem = problem_of(client.post("/forums/validate", content=json.dumps(data)), 400)
    assert problem == {
        "type": "https://povmodel.invalid/problems/invalid-forum",
        "title": "Invalid forum",
        "status": 400,
        "detail": "the forum is not valid: 2 problems",
        "errors": [{"path": path, "message": message} for path, message in raised.value.errors],
        "more": 0,
    }
    assert [error["path"] for error in problem["errors"]] == ["$.city", "$.metrics[4].quantity.unit"]
    problem = problem_of(client.post("/forums/validate", content=b"{not json"), 400)
    assert problem["errors"][0]["path"] == "$" and problem["errors"][0]["message"].startswith("invalid JSON")


def test_more_counts_the_problems_beyond_the_first_hundred(client: TestClient[Litestar]) -> None:
    data = pm.to_dict(pm.load_forum())
    metric = data["metrics"][0]
    data["metrics"] = [{**metric, "id": f"m{n}", "quantity": {"value": "1", "unit": "XYZ"}} for n in range(150)]
    with pytest.raises(pm.ValidationError) as raised:
        pm.from_dict(copy.deepcopy(data))
    problem = problem_of(client.post("/forums/validate", content=json.dumps(data)), 400)
    assert len(problem["errors"]) == len(raised.value.errors) == 100
    assert problem["more"] == raised.value.more > 0


def test_duplicate_keys_and_budgets_are_povmodels(client: TestClient[Litestar]) -> None:
    text = pm.dumps(pm.load_forum())
    duplicated = text.replace('"id": ', '"id": "x", "id": ', 1)
    problem = problem_of(client.post("/forums/validate", content=duplicated), 400)
    assert "duplicate key" in problem["errors"][0]["message"]
    data = pm.to_dict(pm.load_forum())
    data["metrics"][0]["quantity"]["value"] = "9" * 400_000
    problem = problem_of(client.post("/summary", content=json.dumps(data)), 400)
    assert problem["errors"][0]["path"] == "$.metrics[0].quantity.value"


@pytest.mark.parametrize(
    ("header", "locale", "language"),
    [
        ("zh-TW", "zh-TW", "zh-Hant-TW"),
        ("zh-Hant", "zh-Hant", "zh-Hant"),
        ("zh-HK,en;q=0.5", "zh-HK", "zh-Hant-HK"),
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN", "zh-Hans-CN"),
        ("zh", "zh", "zh-Hans"),
        ("de-DE,de;q=0.9,fr;q=0.7", "fr", "fr"),
        ("fr-CA", "fr-CA", "fr-CA"),
        ("en;q=0.1, ar;q=0.9", "ar", "ar"),
        ("fr;q=0.5, es;q=0.8, ru;q=0.7", "es", "es"),
        ("de", "en", "en"),
        ("*", "en", "en"),
        ("x-klingon;q=1, ;;;, en-US;q=abc", "en", "en"),
        (None, "en", "en"),
    ],
)
def test_summary_in_the_negotiated_language(
    client: TestClient[Litestar], header: str | None, locale: str, language: str
) -> None:
    headers = {"Accept-Language": header} if header is not None else {}
    response = client.get("/summary", headers=headers)  # a fallback warning would be an error, and a 500
    assert response.status_code == 200, response.text
    assert response.headers["content-language"] == language
    assert response.headers["vary"] == "Accept-Language"
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.text == pm.Formatter(locale).summarize(pm.load_forum())


def test_traditional_chinese_for_taiwan(client: TestClient[Litestar]) -> None:
    forum = pm.load_forum()
    traditional = pm.Formatter("zh-TW").text(forum.name)
    assert traditional != forum.name.for_locale("zh-Hans")
    assert traditional in client.get("/summary", headers={"Accept-Language": "zh-TW"}).text


def test_summary_of_a_posted_forum_as_html(client: TestClient[Litestar]) -> None:
    url = "/summary?style=full&format=html"
    response = client.post(url, content=forum_bytes(), headers={"Accept-Language": "ar"})
    assert response.status_code == 200 and response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["content-language"] == "ar"
    assert '<html lang="ar" dir="rtl">' in response.text
    assert response.text == client.get(url, headers={"Accept-Language": "ar"}).text
    assert client.get("/summary?markup=markdown").text == client.get("/summary?format=markdown").text
    problem_of(client.post("/summary", content=b"[]"), 400)


def test_bad_query_is_a_problem(client: TestClient[Litestar]) -> None:
    problem = problem_of(client.get("/summary?style=long"), 400)
    assert problem["type"] == "https://povmodel.invalid/problems/invalid-query"
    assert [error["path"] for error in problem["errors"]] == ["query.style"]
    problem = problem_of(client.get("/summary?format=html&markup=text"), 400)
    assert [error["path"] for error in problem["errors"]] == ["query.markup"]


def test_unknown_route_and_method_are_problems(client: TestClient[Litestar]) -> None:
    assert problem_of(client.get("/nope"), 404)["type"] == "about:blank"
    assert problem_of(client.delete("/forum"), 405)["title"] == "Method Not Allowed"


def test_healthz(client: TestClient[Litestar]) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_openapi_document_uses_povmodels_json_schema(client: TestClient[Litestar]) -> None:
    document = client.get("/openapi.json").json()
    assert set(document["paths"]) == {"/forum", "/forums/validate", "/summary", "/healthz"}
    forum = {"$ref": "#/components/schemas/Forum"}
    for path in ("/forums/validate", "/summary"):
        assert document["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"] == forum
    schema = pm.json_schema()
    schemas = document["components"]["schemas"]
    rebased = json.loads(json.dumps(schema).replace('"#/$defs/', '"#/components/schemas/'))
    assert schemas["Forum"] == {key: value for key, value in rebased.items() if key not in ("$schema", "$id", "$defs")}
    assert all(schemas[name] == definition for name, definition in rebased["$defs"].items())
    problem = document["paths"]["/forums/validate"]["post"]["responses"]["413"]["content"][PROBLEM]["schema"]
    assert schemas[problem["$ref"].rsplit("/", 1)[1]]["required"] == ["detail", "status", "title", "type"]


def test_docstring_examples() -> None:
    assert doctest.testmod(service).failed == 0


# -- limits, in process -----------------------------------------------------------------------


async def asgi(
    app: Litestar, headers: list[tuple[bytes, bytes]], body: bytes | None
) -> tuple[int, dict[str, str], bytes]:
    """Call the app as a server would, with headers no HTTP client sends; ``body=None``: reading it fails."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": "/forums/validate", "raw_path": b"/forums/validate", "query_string": b"", "root_path": "",
        "headers": headers, "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
    }  # fmt: skip
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        assert body is not None, "the body was read"
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)  # type: ignore[arg-type]
    head = {name.decode(): value.decode() for name, value in sent[0]["headers"]}
    return sent[0]["status"], head, b"".join(message.get("body", b"") for message in sent[1:])


@pytest.mark.parametrize("length", [b"-1", b"abc", b"1e3", b" 12", "١٢".encode()])
def test_a_content_length_that_is_not_a_number_is_refused_by_the_app_too(length: bytes) -> None:
    status, headers, body = anyio.run(asgi, service.app, [(b"content-length", length)], b"{}")
    assert (status, headers["content-type"], headers["connection"]) == (400, PROBLEM, "close")
    assert "Content-Length" in json.loads(body)["detail"]


def test_a_body_declared_too_large_is_refused_before_it_is_read() -> None:
    declared = str(pm.MAX_INPUT_BYTES + 1).encode()
    status, headers, body = anyio.run(asgi, service.app, [(b"content-length", declared)], None)
    assert (status, headers["content-type"], headers["connection"]) == (413, PROBLEM, "close")
    assert json.loads(body)["detail"] == f"the body is larger than {pm.MAX_INPUT_BYTES:,} bytes"


def test_a_chunked_body_is_counted_as_it_comes() -> None:
    small = service.create_app(service.Limits(max_body=1000))
    with TestClient(small) as test_client:
        over = test_client.post("/forums/validate", content=iter([b" " * 600, b" " * 401]))
        assert problem_of(over, 413)["detail"] == "the body is larger than 1,000 bytes"
        at_the_limit = test_client.post("/forums/validate", content=iter([b" " * 600, b" " * 400]))
        assert problem_of(at_the_limit, 400)["errors"][0]["path"] == "$"


def test_requests_over_the_cap_get_503() -> None:
    capped = service.create_app(service.Limits(max_requests=1))
    arrived = anyio.Event()
    release = anyio.Event()

    async def slow_body() -> AsyncIterator[bytes]:
        arrived.set()
        await release.wait()
        yield forum_bytes()

    async def main() -> tuple[httpx.Response, httpx.Response]:
        transport = httpx.ASGITransport(app=capped)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            first: list[httpx.Response] = []

            async def post_slowly() -> None:
                first.append(await http.post("/forums/validate", content=slow_body()))

            async with anyio.create_task_group() as group:
                group.start_soon(post_slowly)
                await arrived.wait()
                second = await http.get("/healthz")
                release.set()
        return first[0], second

    first, second = anyio.run(main)
    assert first.status_code == 200
    assert problem_of(second, 503)["detail"] == "too many requests at once"
    assert second.headers["retry-after"] == "1"


# -- schemathesis against the OpenAPI document -----------------------------------------------

# The JSON Schema describes a forum's shape; whether its references resolve it cannot say,
# so a body that fits the schema may still be an invalid forum (400). A body over the
# limit is refused with 413. The coverage phase is off: it builds arrays of 10,001 items.
# The health checks are those of generating data: forums are large, and their ids patterned.
_SCHEMATHESIS = SchemathesisConfig.from_dict(
    {
        "suppress-health-check": ["too_slow", "data_too_large", "filter_too_much", "large_base_example"],
        "generation": {"mode": "all", "max-examples": 25},
        "phases": {"coverage": {"enabled": False}},
        "checks": {
            "positive_data_acceptance": {"expected-statuses": [200, 400]},
            "negative_data_rejection": {"expected-statuses": [400, 413]},
        },
    }
)
# An app of its own: schemathesis keeps the lifespan of the apps it tests running until exit.
schema = schemathesis.openapi.from_asgi("/openapi.json", service.create_app(), config=_SCHEMATHESIS)


@schema.parametrize()
def test_the_openapi_document_holds(case: schemathesis.Case[Any]) -> None:
    case.call_and_validate()


# -- served by uvicorn, to hostile clients ----------------------------------------------------


def start(*options: str, log: Path) -> tuple[subprocess.Popen[str], int]:
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, str(SERVICE), "--port", "0", *options], stdout=subprocess.PIPE, stderr=stderr, text=True
        )
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("listening on http://127.0.0.1:"), line + log.read_text()
    return process, int(line.rsplit(":", 1)[1])


def stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    process.communicate(timeout=30)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """The service on uvicorn, with short timeouts: 2 s for a request's headers or body, 1 s idle."""
    process, port = start("--request-timeout", "2", "--keep-alive", "1", log=tmp_path_factory.mktemp("log") / "err")
    try:
        yield process, port
    finally:
        stop(process)


@pytest.fixture
def port(served: tuple[subprocess.Popen[str], int]) -> Iterator[int]:
    yield served[1]
    response = httpx.get(f"http://127.0.0.1:{served[1]}/healthz", timeout=30)  # the server survived
    assert response.status_code == 200 and served[0].poll() is None


def exchange(port: int, *parts: bytes, pause: float = 0.0) -> bytes:
    """Send ``parts`` on one connection (``pause`` seconds apart), then read until the server closes it."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        try:
            for part in parts:
                sock.sendall(part)
                time.sleep(pause)
        except OSError:  # the server answered and closed while we were still sending
            pass
        return read_all(sock)


def read_all(sock: socket.socket) -> bytes:
    received = b""
    try:
        while chunk := sock.recv(65536):
            received += chunk
    except ConnectionResetError:  # closed with our body unread: what was sent before still counts
        pass
    return received


def head_and_body(response: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = response.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.lower().split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), headers, body


def test_served_by_uvicorn(port: int) -> None:
    response = httpx.post(f"http://127.0.0.1:{port}/forums/validate", content=forum_bytes(), timeout=30)
    assert response.status_code == 200 and response.headers["server"] == "uvicorn"
    assert response.json()["valid"] is True


@pytest.mark.parametrize("length", [b"-1", b"abc"])
def test_a_content_length_that_is_not_a_number_gets_a_clean_400(port: int, length: bytes) -> None:
    head = b"POST /forums/validate HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + b"\r\n\r\n"
    status, headers, body = head_and_body(exchange(port, head, b"x" * 1_000_000))  # the rest is never read
    assert (status, headers["connection"]) == (400, "close")  # uvicorn's own answer, before the app
    assert body == b"Invalid HTTP request received."


def test_a_50_mb_body_is_refused_before_it_is_read(port: int) -> None:
    head = b"POST /forums/validate HTTP/1.1\r\nHost: x\r\nContent-Length: 52428800\r\n\r\n"
    status, headers, body = head_and_body(exchange(port, head, b"{" + b" " * 65535))  # 64 KB of 50 MB
    assert (status, headers["content-type"], headers["connection"]) == (413, PROBLEM, "close")
    assert json.loads(body)["detail"] == f"the body is larger than {pm.MAX_INPUT_BYTES:,} bytes"


def test_a_chunked_body_over_the_limit_is_cut_at_the_limit(port: int) -> None:
    head = b"POST /forums/validate HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunk = b"100000\r\n" + b" " * 0x100000 + b"\r\n"  # 1 MiB
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:

        def send() -> None:
            try:
                sock.sendall(head)
                for _ in range(20):  # 20 MiB, never all read
                    sock.sendall(chunk)
                sock.sendall(b"0\r\n\r\n")
            except OSError:
                pass

        sender = threading.Thread(target=send)
        sender.start()
        response = read_all(sock)
        with contextlib.suppress(OSError):  # unblocks the sender, if it still sends
            sock.shutdown(socket.SHUT_RDWR)
        sender.join()
    status, headers, body = head_and_body(response)
    assert (status, headers["content-type"], headers["connection"]) == (413, PROBLEM, "close")
    assert json.loads(body)["detail"] == f"the body is larger than {pm.MAX_INPUT_BYTES:,} bytes"


def test_a_lying_content_length_times_out(port: int) -> None:
    head = b"POST /forums/validate HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n"
    status, headers, body = head_and_body(exchange(port, head, b'{"id": "'))  # and then nothing
    assert (status, headers["content-type"], headers["connection"]) == (408, PROBLEM, "close")
    assert json.loads(body)["detail"] == "the body did not arrive within 2 seconds"


def test_a_slow_client_is_cut_off(port: int) -> None:
    request = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100 + b"\r\n\r\n"
    response = exchange(port, *(request[i : i + 1] for i in range(len(request))), pause=0.2)  # 5 bytes a second
    status, headers, body = head_and_body(response)
    assert (status, headers["content-type"], headers["connection"]) == (408, PROBLEM, "close")
    assert json.loads(body)["detail"] == "the headers came too slowly"


def test_headers_over_64_kib_are_refused(port: int) -> None:
    request = b"GET /summary HTTP/1.1\r\nHost: x\r\nAccept-Language: " + b"en;q=0.5," * 8000  # 72 KB, no end
    status, headers, body = head_and_body(exchange(port, request, b"en" * 1_000_000))
    assert (status, headers["content-type"], headers["connection"]) == (431, PROBLEM, "close")
    assert json.loads(body)["detail"] == "the request line and headers are longer than 65,536 bytes"


def test_an_idle_keep_alive_connection_is_closed(port: int) -> None:
    response = exchange(port, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")  # returns when the server closes
    assert head_and_body(response)[0] == 200


def test_values_over_the_digit_budget_are_refused_and_memory_stays(served: tuple[subprocess.Popen[str], int]) -> None:
    process, port = served
    data = pm.to_dict(pm.load_forum())
    rss = Path(f"/proc/{process.pid}/status")

    def resident() -> int:
        line = next(line for line in rss.read_text().splitlines() if line.startswith("VmRSS:"))
        return int(line.split()[1]) * 1024

    before = resident() if rss.exists() else 0
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
        for n in range(20):
            data["metrics"][0]["quantity"]["value"] = str(n) + "9" * 400_000  # each body new: none is cached
            problem = problem_of(http.post("/summary", content=json.dumps(data)), 400)
            assert problem["errors"][0]["path"] == "$.metrics[0].quantity.value"
    if rss.exists():
        assert resident() - before < 64 * 1024 * 1024


def test_connections_over_the_cap_get_503(tmp_path: Path) -> None:
    process, port = start("--max-connections", "3", log=tmp_path / "err")
    request = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
    with contextlib.ExitStack() as stack:
        stack.callback(stop, process)
        for _ in range(2):  # two connections, each answered and kept open
            sock = stack.enter_context(socket.create_connection(("127.0.0.1", port), timeout=30))
            sock.sendall(request)
            assert sock.recv(65536).startswith(b"HTTP/1.1 200 OK")
        status, _, body = head_and_body(exchange(port, request))  # the third makes three: uvicorn's own 503
        assert (status, body) == (503, b"Service Unavailable")

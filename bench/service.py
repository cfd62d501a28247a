"""The HTTP service under load: the ASGI service (Litestar on uvicorn) beside the old http.server one.

Run (needs the service extra): python bench/service.py [--requests 2000] [--seconds 20] [--quick]

Starts examples/service.py and bench/service_stdlib.py on free ports of 127.0.0.1 and
load-tests ``GET /summary`` and ``POST /forums/validate`` (the bundled forum, 65 KB) at
1, 8 and 32 concurrent clients, each cell bounded by a count of requests and a time.
The load generator is a small asyncio HTTP/1.1 client in this file, with keep-alive
where the server allows it (the old server speaks HTTP/1.0 and closes every
connection), so that it needs nothing a CI machine lacks. With two CPUs or more the
servers run on the first and the client on the others, so that the client does not
take the server's CPU; ``--same-cpu`` puts both on one, as the issue measured.

Prints a Markdown table per endpoint (requests per second, p50 and p99 latency,
errors: a status other than 200, or a connection refused or reset), the ratios, and
whether the targets at 32 clients are met: at least 3 × the old throughput, p99 at
most 50 ms, no errors.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import platform
import random
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import attrs

import povmodel as pm

ROOT = Path(__file__).resolve().parent.parent
SERVERS = {"asgi": ROOT / "examples" / "service.py", "stdlib": ROOT / "bench" / "service_stdlib.py"}
CLIENTS = (1, 8, 32)


@attrs.frozen(kw_only=True)
class Cell:
    """What one server did at one concurrency.

    Attributes:
        requests: requests answered with 200.
        errors: requests that failed (another status, or the connection refused or reset).
        seconds: wall time of the cell.
        latencies: seconds per request answered with 200, sorted.
    """

    requests: int
    errors: int
    seconds: float
    latencies: tuple[float, ...]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def percentile(self, fraction: float) -> float:
        if not self.latencies:
            return float("nan")
        return self.latencies[min(len(self.latencies) - 1, int(fraction * len(self.latencies)))]


@attrs.frozen(kw_only=True)
class Endpoint:
    """A request to send again and again."""

    name: str
    method: str
    path: str
    body: bytes = b""
    distinct: bool = False

    def requests(self, port: int) -> Iterator[bytes]:
        """The request, again and again; if ``distinct``, each body differs from all others (in white space)."""
        head = [f"{self.method} {self.path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Accept-Language: en"]
        if not self.distinct:
            if self.method == "POST":
                head += ["Content-Type: application/json", f"Content-Length: {len(self.body)}"]
            request = ("\r\n".join(head) + "\r\n\r\n").encode() + self.body
            yield from itertools.repeat(request)
        seed = random.getrandbits(64)  # bodies differ from those of other runs too
        for number in itertools.count():
            body = self.body + f"{seed:064b}{number:b}".replace("0", " ").replace("1", "\n").encode()
            lines = [*head, "Content-Type: application/json", f"Content-Length: {len(body)}"]
            yield ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> tuple[int, bool]:  # fmt: skip
    """Send a request and read its response: the status, and whether the connection stays open."""
    writer.write(request)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    version, status = lines[0].split(" ", 2)[:2]
    headers = dict(line.split(":", 1) for line in lines[1:] if ":" in line)
    fields = {name.strip().lower(): value.strip().lower() for name, value in headers.items()}
    if "content-length" in fields:
        await reader.readexactly(int(fields["content-length"]))
    else:
        await reader.read()  # an HTTP/1.0 response without a length ends with the connection
        return int(status), False
    keep = version == "HTTP/1.1" and fields.get("connection") != "close"
    return int(status), keep


async def client(
    port: int, requests: Iterator[bytes], until: float, left: list[int], cell: list[float], errors: list[int]
) -> None:
    """One client: requests one after the other until the count or the time runs out."""
    connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    while left[0] > 0 and time.perf_counter() < until:
        left[0] -= 1
        start = time.perf_counter()
        try:
            if connection is None:
                connection = await asyncio.open_connection("127.0.0.1", port)
            status, keep = await exchange(*connection, next(requests))
        except (OSError, asyncio.IncompleteReadError, ValueError):
            errors[0] += 1
            keep, status = False, 0
        else:
            if status == 200:
                cell.append(time.perf_counter() - start)
            else:
                errors[0] += 1
        if not keep and connection is not None:
            connection[1].close()
            connection = None
    if connection is not None:
        connection[1].close()


async def load(port: int, endpoint: Endpoint, clients: int, count: int, seconds: float) -> Cell:
    requests = endpoint.requests(port)
    await client(port, requests, time.perf_counter() + 5, [20], [], [0])  # warm
    latencies: list[float] = []
    errors, left = [0], [count]
    start = time.perf_counter()
    until = start + seconds
    await asyncio.gather(*(client(port, requests, until, left, latencies, errors) for _ in range(clients)))
    elapsed = time.perf_counter() - start
    return Cell(requests=len(latencies), errors=errors[0], seconds=elapsed, latencies=tuple(sorted(latencies)))


@contextmanager
def server(script: Path, cpus: set[int] | None) -> Iterator[int]:
    """Start a server on a free port of 127.0.0.1 (pinned to ``cpus``); yield its port."""
    process = subprocess.Popen(
        [sys.executable, str(script), "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        if cpus and hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(process.pid, cpus)
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.startswith("listening on http://127.0.0.1:"):
            raise SystemExit(f"{script.name} did not start: {line!r}")
        yield int(line.rsplit(":", 1)[1])
    finally:
        process.terminate()
        process.communicate(timeout=30)


def endpoints() -> tuple[Endpoint, ...]:
    body = pm.dumps(pm.load_forum()).encode()
    return (
        Endpoint(name="GET /summary", method="GET", path="/summary"),
        Endpoint(name="POST /forums/validate", method="POST", path="/forums/validate", body=body),
        Endpoint(name="POST /forums/validate, each body new", method="POST", path="/forums/validate", body=body,
                 distinct=True),
    )  # fmt: skip


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f}"


def report(results: dict[tuple[str, str, int], Cell], clients: Sequence[int]) -> bool:
    """Print the tables; return whether every target is met."""
    met = True
    for endpoint in endpoints():
        print(f"\n### {endpoint.name}\n")
        print("| clients | server | req/s | p50 ms | p99 ms | errors | × stdlib req/s |")
        print("|---|---|---|---|---|---|---|")
        for count in clients:
            old = results[endpoint.name, "stdlib", count]
            for name in SERVERS:
                cell = results[endpoint.name, name, count]
                ratio = f"{cell.rate / old.rate:.1f}" if old.rate else "–"
                row = (str(count), name, f"{cell.rate:,.0f}", ms(cell.percentile(0.5)), ms(cell.percentile(0.99)))
                print("| " + " | ".join((*row, str(cell.errors), ratio)) + " |")
        if 32 in clients:
            new, old = results[endpoint.name, "asgi", 32], results[endpoint.name, "stdlib", 32]
            checks = {
                f"≥ 3 × the old throughput ({new.rate / old.rate:.1f} ×)": new.rate >= 3 * old.rate,
                f"p99 ≤ 50 ms ({ms(new.percentile(0.99))} ms)": new.percentile(0.99) <= 0.050,
                f"no errors ({new.errors})": new.errors == 0,
            }
            print(
                "\nTargets at 32 clients: " + "; ".join(f"{k}: {'yes' if v else '**no**'}" for k, v in checks.items())
            )
            met = met and all(checks.values())
    return met


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000, help="requests per cell at most (default 2000)")
    parser.add_argument("--seconds", type=float, default=20.0, help="seconds per cell at most (default 20)")
    parser.add_argument("--clients", type=int, nargs="+", default=list(CLIENTS), help="concurrencies (1 8 32)")
    parser.add_argument("--same-cpu", action="store_true", help="servers and client on one CPU")
    parser.add_argument("--quick", action="store_true", help="200 requests or 5 seconds per cell")
    args = parser.parse_args(argv)
    count, seconds = (200, 5.0) if args.quick else (args.requests, args.seconds)
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    server_cpus = {cpus[0]} if cpus else None
    client_cpus = {cpus[0]} if args.same_cpu or len(cpus) < 2 else set(cpus[1:])
    if cpus:
        os.sched_setaffinity(0, client_cpus)
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"{len(cpus) or os.cpu_count()} CPUs (servers on {sorted(server_cpus or [])}, client on {sorted(client_cpus)}),"
        f" Python {platform.python_version()}, load average {load_before:.2f} before the run;"
        f" at most {count:,} requests or {seconds:g} s per cell"
    )
    results: dict[tuple[str, str, int], Cell] = {}
    for name, script in SERVERS.items():
        with server(script, server_cpus) as port:
            for endpoint in endpoints():
                for clients in args.clients:
                    cell = asyncio.run(load(port, endpoint, clients, count, seconds))
                    results[endpoint.name, name, clients] = cell
    met = report(results, args.clients)
    if hasattr(os, "getloadavg"):
        print(f"\nLoad average after the run: {os.getloadavg()[0]:.2f}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

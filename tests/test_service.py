"""examples/service.py, started on 127.0.0.1 and spoken to over real HTTP."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import povmodel as pm

SERVICE = Path(__file__).resolve().parent.parent / "examples" / "service.py"


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    process = subprocess.Popen(
        [sys.executable, str(SERVICE), "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("listening on http://127.0.0.1:"), line + (
            process.stderr.read() if process.stderr else ""
        )
        yield line.split()[-1]
    finally:
        process.terminate()
        process.communicate(timeout=10)  # waits, and closes the pipes


def request(url: str, *, data: bytes | None = None, language: str | None = None) -> tuple[int, dict[str, str], str]:
    headers = {"Content-Type": "application/json"} if data is not None else {}
    if language:
        headers["Accept-Language"] = language
    req = urllib.request.Request(url, data=data, headers=headers, method="POST" if data is not None else "GET")
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8")


def test_get_forum_returns_the_file_format(base_url: str) -> None:
    status, headers, body = request(f"{base_url}/forum")
    assert status == 200 and headers["Content-Type"] == "application/json; charset=utf-8"
    assert pm.loads(body) == pm.load_forum()


def test_valid_forum_is_accepted(base_url: str) -> None:
    status, _, body = request(f"{base_url}/forums/validate", data=pm.dumps(pm.load_forum()).encode())
    assert status == 200
    assert json.loads(body) == {"valid": True, "id": "central-soe-forum-2020", "metrics": 29}


def test_invalid_forum_gets_400_with_paths(base_url: str) -> None:
    data = pm.to_dict(pm.load_forum())
    data["metrics"][4]["quantity"]["unit"] = "XYZ"
    del data["city"]
    status, _, body = request(f"{base_url}/forums/validate", data=json.dumps(data).encode())
    assert status == 400
    assert json.loads(body) == {
        "errors": [
            {"path": "$.city", "message": "required field missing"},
            {"path": "$.metrics[4].quantity.unit", "message": "not an ISO 4217 currency code: 'XYZ'"},
        ]
    }
    status, _, body = request(f"{base_url}/forums/validate", data=b"{not json")
    assert status == 400 and json.loads(body)["errors"][0]["message"].startswith("invalid JSON")


@pytest.mark.parametrize(
    ("header", "language", "fragment"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN", "近1000亿元"),
        ("zh-TW", "zh-TW", "近1000億元"),
        ("de-DE,de;q=0.9,fr;q=0.7", "fr", "près de 100 milliards de yuans"),
        ("en;q=0.1, ar;q=0.9", "ar", "قرابة 100 مليار يوان"),
        ("de", "en", "nearly 100 billion yuan"),
        (None, "en", "nearly 100 billion yuan"),
    ],
)
def test_summary_in_the_negotiated_language(base_url: str, header: str | None, language: str, fragment: str) -> None:
    status, headers, body = request(f"{base_url}/summary", language=header)
    assert status == 200
    assert headers["Content-Language"] == language
    assert fragment in body


def test_summary_of_a_posted_forum_as_html(base_url: str) -> None:
    status, headers, body = request(
        f"{base_url}/summary?style=full&format=html", data=pm.dumps(pm.load_forum()).encode(), language="ar"
    )
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert '<html lang="ar" dir="rtl">' in body


def test_bad_query_and_unknown_route(base_url: str) -> None:
    assert request(f"{base_url}/summary?style=long")[0] == 400
    assert request(f"{base_url}/nope")[0] == 404

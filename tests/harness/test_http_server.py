"""The scripted HTTP server itself: other tests rely on its faults being real."""

import httpx
import pytest

from tests.fixtures.http_server import LocalHTTPServer, Reply


def test_json_reply_and_request_log(http_server: LocalHTTPServer) -> None:
    http_server.route("/summary.json", Reply(json={"page": {"status": "UP"}}))
    response = httpx.get(http_server.url + "/summary.json?x=1")
    assert response.json() == {"page": {"status": "UP"}}
    assert response.headers["content-type"] == "application/json"
    assert http_server.requests[0].path == "/summary.json?x=1"


def test_unknown_path_is_404(http_server: LocalHTTPServer) -> None:
    assert httpx.get(http_server.url + "/nope").status_code == 404


def test_reset_mid_body_is_a_transport_error(http_server: LocalHTTPServer) -> None:
    http_server.route("/r", Reply(body=b"x" * 10000, reset_after=100))
    with pytest.raises(httpx.TransportError):
        httpx.get(http_server.url + "/r")


def test_short_body_is_a_transport_error(http_server: LocalHTTPServer) -> None:
    http_server.route("/s", Reply(body=b"{}", declared_length=1000))
    with pytest.raises(httpx.TransportError):
        httpx.get(http_server.url + "/s")


def test_hang_times_out(http_server: LocalHTTPServer) -> None:
    http_server.hang("/h")
    with pytest.raises(httpx.TimeoutException):
        httpx.get(http_server.url + "/h", timeout=0.2)


def test_refused(refused_url: str) -> None:
    with pytest.raises(httpx.ConnectError):
        httpx.get(refused_url)


def test_chunked_reply_has_no_length(http_server: LocalHTTPServer) -> None:
    http_server.route("/c", Reply(body=b"y" * 200_000, chunked=True))
    response = httpx.get(http_server.url + "/c")
    assert "content-length" not in response.headers
    assert response.headers["transfer-encoding"] == "chunked"
    assert response.content == b"y" * 200_000

"""One HTTP GET with the engine's rules: a timeout on the whole exchange, a cap on the body,
no redirects followed, and every failure turned into one plain sentence (never raised)."""

import asyncio
import socket
import time
from dataclasses import dataclass

import httpx

__all__ = ["MAX_BODY_BYTES", "Fetched", "fetch", "new_client"]

MAX_BODY_BYTES = 1024 * 1024  # real summaries are a few KB; this bounds a runaway answer
USER_AGENT = "downtime-kiosk (ICANotes status light)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """What one GET produced. `status` is set when any HTTP answer arrived; `body` only when read whole."""

    url: str
    status: int | None
    body: bytes | None
    error: str | None
    elapsed_ms: int
    content_type: str = ""
    retry_after: float | None = None
    location: str | None = None


def new_client(timeout: float) -> httpx.AsyncClient:
    """The engine's client: no redirects, no proxy or netrc from the environment, short pool."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(timeout), follow_redirects=False, trust_env=False,
        headers={"User-Agent": USER_AGENT, "Accept": "application/json, */*;q=0.5"},
        limits=httpx.Limits(max_connections=20, max_keepalive_connections=8, keepalive_expiry=30),
    )


async def fetch(client: httpx.AsyncClient, url: str, *, timeout: float, read_body: bool,
                max_bytes: int = MAX_BODY_BYTES) -> Fetched:
    """GET `url`; the whole exchange (connect, headers, body) must end within `timeout` seconds."""
    started = time.monotonic()
    answer: dict[str, object] = {}
    try:
        async with asyncio.timeout(timeout):
            return await _exchange(client, url, read_body=read_body, max_bytes=max_bytes, started=started,
                                     answer=answer)
    except TimeoutError:
        error = f"no complete answer within {timeout:g} s" if answer else f"no answer within {timeout:g} s"
    except httpx.TimeoutException:
        error = f"no answer within {timeout:g} s"
    except httpx.HTTPError as exc:
        error = _describe(exc, answered=bool(answer))
    except OSError as exc:
        error = f"network error: {exc.strerror or exc}"
    status = answer.get("status")
    return Fetched(url, status if isinstance(status, int) else None, None, error, _ms(started),
                   str(answer.get("content_type", "")))


async def _exchange(client: httpx.AsyncClient, url: str, *, read_body: bool, max_bytes: int,
                    started: float, answer: dict[str, object]) -> Fetched:
    async with client.stream("GET", url) as response:
        answer["status"] = response.status_code
        answer["content_type"] = response.headers.get("content-type", "")
        body: bytes | None = None
        error: str | None = None
        if read_body:
            body, error = await _read_capped(response, max_bytes)
        return Fetched(url, response.status_code, body, error, _ms(started), str(answer["content_type"]),
                       _retry_after(response), response.headers.get("location"))


async def _read_capped(response: httpx.Response, max_bytes: int) -> tuple[bytes | None, str | None]:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        return None, f"answer too large ({int(declared):,} bytes; at most {max_bytes:,} are read)"
    chunks = bytearray()
    async for chunk in response.aiter_bytes():
        chunks += chunk
        if len(chunks) > max_bytes:
            return None, f"answer too large (more than {max_bytes:,} bytes; reading stopped)"
    return bytes(chunks), None


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "").strip()
    return float(value) if value.isdigit() else None


def _describe(exc: httpx.HTTPError, *, answered: bool) -> str:
    detail = str(exc).lower()
    if isinstance(exc, httpx.ConnectError):
        return _connect_error(exc, detail)
    if isinstance(exc, httpx.ReadError | httpx.RemoteProtocolError | httpx.WriteError):
        return "connection broken while reading the answer" if answered else "connection closed without an answer"
    if isinstance(exc, httpx.DecodingError):
        return "answer could not be decoded (bad compression)"
    return f"{type(exc).__name__}: {exc}"


def _connect_error(exc: httpx.ConnectError, detail: str) -> str:
    causes = _causes(exc)
    if any(isinstance(c, ConnectionRefusedError) for c in causes) or "refused" in detail:
        return "connection refused"
    if any(isinstance(c, socket.gaierror) for c in causes) or "name or service" in detail:
        return "host name could not be resolved (DNS)"
    if "ssl" in detail or "certificate" in detail:
        return f"secure connection failed ({exc})"
    return f"could not connect ({exc or type(exc).__name__})"


def _causes(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _ms(started: float) -> int:
    return round((time.monotonic() - started) * 1000)

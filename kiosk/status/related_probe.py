"""Probing the related services with the poll: concurrently, each like the EHR (any answer below 500 is up),
and its own status page when `page_url` is set (what it says is shown; it never decides up or down)."""

import asyncio
from collections.abc import Awaitable, Callable, Sequence

import httpx

from kiosk.status.fetch import fetch
from kiosk.status.related_service import RelatedResult, RelatedService

__all__ = ["PageStatus", "probe_related"]

PageStatus = Callable[[RelatedService], Awaitable[str | None]]
"""Reads a service's status page and returns its overall status word (None when it cannot be read)."""


async def _no_page(_service: RelatedService) -> str | None:
    return None


async def probe_related(client: httpx.AsyncClient, services: Sequence[RelatedService], timeout: float,
                        page_status: PageStatus = _no_page) -> tuple[RelatedResult, ...]:
    """One result per service, in the configured order."""
    return tuple(await asyncio.gather(*(_one(client, service, timeout, page_status) for service in services)))


async def _one(client: httpx.AsyncClient, service: RelatedService, timeout: float,
               page_status: PageStatus) -> RelatedResult:
    got, page = await asyncio.gather(fetch(client, service.url, timeout=timeout, read_body=False),
                                     page_status(service) if service.page_url else _no_page(service))
    up = got.status is not None and got.status < 500
    error = None if up else f"{service.url}: {got.error or f'HTTP {got.status}'}"
    return RelatedResult(service.name, up, got.status, error, got.elapsed_ms, service.page_url, page)

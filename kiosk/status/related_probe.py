"""Probing the related services with the poll: concurrently, each like the EHR (any answer below 500 is up)."""

import asyncio
from collections.abc import Sequence

import httpx

from kiosk.status.fetch import fetch
from kiosk.status.related_service import RelatedResult, RelatedService

__all__ = ["probe_related"]


async def probe_related(client: httpx.AsyncClient, services: Sequence[RelatedService],
                        timeout: float) -> tuple[RelatedResult, ...]:
    """One result per service, in the configured order."""
    return tuple(await asyncio.gather(*(_one(client, service, timeout) for service in services)))


async def _one(client: httpx.AsyncClient, service: RelatedService, timeout: float) -> RelatedResult:
    got = await fetch(client, service.url, timeout=timeout, read_body=False)
    up = got.status is not None and got.status < 500
    error = None if up else f"{service.url}: {got.error or f'HTTP {got.status}'}"
    return RelatedResult(service.name, up, got.status, error, got.elapsed_ms, service.page_url)

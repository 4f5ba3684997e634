"""One poll: probe the status page, the EHR, the upload site and the canaries concurrently,
then decide. `probe_once` is what `downtime-kiosk status` runs; the monitor runs
`run_probes` + `build_snapshot` so it can keep the last good status-page data.
"""

import asyncio
import logging
from dataclasses import dataclass

import httpx

from kiosk.status.fetch import Fetched, fetch, new_client
from kiosk.status.observe import Clock, PollOutcome, build_snapshot, local_now
from kiosk.status.providers import PayloadError, decode_json
from kiosk.status.providers.provider import Provider
from kiosk.status.providers.registry import PROVIDERS
from kiosk.status.related_probe import PageStatus, probe_related
from kiosk.status.related_service import RelatedService
from kiosk.status.report import PageReport
from kiosk.status.settings import StatusSettings
from kiosk.status.snapshot import ProbeResult, Probes, StatusSnapshot

__all__ = ["Clock", "PollOutcome", "build_snapshot", "local_now", "probe_once", "run_probes"]  # observe's re-exported

log = logging.getLogger(__name__)
_SWITCHED_OFF = "not checked (switched off in the configuration)"


async def probe_once(settings: StatusSettings, *, client: httpx.AsyncClient | None = None,
                     clock: Clock = local_now, providers: tuple[Provider, ...] = PROVIDERS) -> StatusSnapshot:
    """Probe everything once and decide (no debounce, no memory)."""
    if client is None:
        async with new_client(settings.timeout_seconds) as own:
            outcome = await run_probes(settings, own, providers=providers)
    else:
        outcome = await run_probes(settings, client, providers=providers)
    return build_snapshot(outcome.probes, outcome.page, settings, clock(), related=outcome.related)


async def run_probes(settings: StatusSettings, client: httpx.AsyncClient, *, skip_page: str | None = None,
                     providers: tuple[Provider, ...] = PROVIDERS) -> PollOutcome:
    """All probes at once; `skip_page` (a reason) leaves the status page out, e.g. while backing off.

    `providers` is the registry to read the status page with (tests add a toy one).
    """
    page_task = _skipped_page(skip_page) if skip_page else _status_page(settings, client, providers)
    page, ehr, upload, internet, related = await asyncio.gather(
        page_task,
        _site(client, settings.ehr_url, settings.timeout_seconds),
        _site(client, settings.upload_url, settings.timeout_seconds),
        _internet(client, settings.internet_urls, settings.timeout_seconds),
        probe_related(client, settings.related, settings.timeout_seconds,
                      _related_page(settings, client, providers)),
    )
    return PollOutcome(Probes(page.result, ehr, upload, internet), page.report, page.throttled, page.retry_after,
                       related)


# -- the three kinds of probe -----------------------------------------------------------------

def _related_page(settings: StatusSettings, client: httpx.AsyncClient,
                  registry: tuple[Provider, ...] = PROVIDERS) -> PageStatus:
    """How a related service's own status page is read: like ICANotes' page, its overall status only."""
    async def read(service: RelatedService) -> str | None:
        page = StatusSettings(page_url=service.page_url, provider=service.provider or "auto",
                              timeout_seconds=settings.timeout_seconds)
        probed = await _status_page(page, client, registry)
        return probed.report.status if probed.report is not None else None

    return read


async def _site(client: httpx.AsyncClient, url: str, timeout: float) -> ProbeResult:
    if not url:
        return ProbeResult(error=_SWITCHED_OFF)
    got = await fetch(client, url, timeout=timeout, read_body=False)
    up = got.status is not None and got.status < 500
    error = got.error or (None if up else f"HTTP {got.status}")
    return ProbeResult(ok=up, http_status=got.status, error=error and f"{url}: {error}", elapsed_ms=got.elapsed_ms)


async def _internet(client: httpx.AsyncClient, urls: tuple[str, ...], timeout: float) -> ProbeResult:
    if not urls:
        return ProbeResult(error=_SWITCHED_OFF)
    results = await asyncio.gather(*(fetch(client, url, timeout=timeout, read_body=False) for url in urls))
    answered = [r for r in results if r.status is not None]
    if answered:
        return ProbeResult(ok=True, http_status=answered[0].status, elapsed_ms=min(r.elapsed_ms for r in answered))
    error = "; ".join(f"{r.url}: {r.error}" for r in results)
    return ProbeResult(ok=False, error=error, elapsed_ms=max(r.elapsed_ms for r in results))


@dataclass(frozen=True)
class _PageProbe:
    result: ProbeResult
    report: PageReport | None = None
    throttled: bool = False
    retry_after: float | None = None


async def _skipped_page(reason: str) -> _PageProbe:
    return _PageProbe(ProbeResult(ok=False, error=reason))


def _chosen(settings: StatusSettings, registry: tuple[Provider, ...]) -> tuple[Provider, ...]:
    if settings.provider == "auto":
        return registry
    return tuple(provider for provider in registry if provider.name == settings.provider)


async def _status_page(settings: StatusSettings, client: httpx.AsyncClient,
                       registry: tuple[Provider, ...] = PROVIDERS) -> _PageProbe:
    """Fetch every document of the chosen providers at once, then read them in registry order."""
    base = settings.page_url.rstrip("/")
    providers = _chosen(settings, registry)
    paths = list(dict.fromkeys(path for provider in providers for path in provider.paths))
    answers = await asyncio.gather(*(
        fetch(client, f"{base}/{path}", timeout=settings.timeout_seconds, read_body=True) for path in paths))
    fetched = dict(zip(paths, answers, strict=True))
    errors: list[str] = []
    for provider in providers:
        try:
            report = provider.read(lambda path: _document(fetched[path]))
        except PayloadError as exc:
            errors.append(f"{fetched[provider.paths[0]].url}: {exc}")
            continue
        notes = "; ".join(report.notes) or None
        main = fetched[provider.paths[0]]
        return _PageProbe(ProbeResult(True, main.status, notes, max(f.elapsed_ms for f in fetched.values())),
                          report)
    return _unread_page(base, [fetched[provider.paths[0]] for provider in providers], errors,
                        max((f.elapsed_ms for f in fetched.values()), default=0))


def _unread_page(base: str, primary: list[Fetched], errors: list[str], elapsed: int) -> _PageProbe:
    unanswered = {f.error for f in primary if f.status is None}
    if len(unanswered) == 1 and all(f.status is None for f in primary):
        errors = [f"{base}: {unanswered.pop()}"]  # the same failure for every path: say it once
    return _PageProbe(
        ProbeResult(False, next((f.status for f in primary if f.status is not None), None), "; ".join(errors),
                    elapsed),
        throttled=any(f.status is not None and (f.status == 429 or f.status >= 500) for f in primary),
        retry_after=max((f.retry_after for f in primary if f.retry_after is not None), default=None),
    )


def _document(got: Fetched) -> object:
    """The JSON document of a 200 answer, or PayloadError saying plainly what came instead."""
    if got.error and got.status is None:
        raise PayloadError(got.error)
    if got.status is not None and 300 <= got.status < 400:
        raise PayloadError(f"HTTP {got.status}, redirected to {got.location or '?'} (redirects are not followed)")
    if got.status != 200:
        raise PayloadError(f"HTTP {got.status}")
    if got.body is None:
        raise PayloadError(got.error or "no body")
    return decode_json(got.body, got.content_type)

"""One poll: probe the status page, the EHR, the upload site and the canaries concurrently,
then decide. `probe_once` is what `downtime-kiosk status` runs; the monitor runs
`run_probes` + `build_snapshot` so it can keep the last good status-page data.
"""

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import httpx

from kiosk.status.current_page import current_page
from kiosk.status.decide import decide
from kiosk.status.fetch import Fetched, fetch, new_client
from kiosk.status.guidance import guidance_for
from kiosk.status.providers import PayloadError, decode_json, parse_instatus, parse_statuspage
from kiosk.status.related_guidance import fold_related
from kiosk.status.related_probe import PageStatus, probe_related
from kiosk.status.related_service import RelatedResult, RelatedService
from kiosk.status.report import PageReport
from kiosk.status.settings import StatusSettings
from kiosk.status.snapshot import PageSummary, ProbeResult, Probes, StatusSnapshot

__all__ = ["Clock", "PollOutcome", "build_snapshot", "local_now", "probe_once", "run_probes"]

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
_SWITCHED_OFF = "not checked (switched off in the configuration)"


def local_now() -> datetime:
    """Now, with the local offset (what `checked_at` and the downtime log show)."""
    return datetime.now().astimezone()


@dataclass(frozen=True)
class PollOutcome:
    """The raw result of one poll: the four probes and the status page as read (None if not)."""

    probes: Probes
    page: PageReport | None
    page_throttled: bool = False      # the status page answered 429 or 5xx: back off
    retry_after: float | None = None  # seconds, from its Retry-After header
    related: tuple[RelatedResult, ...] = ()  # [[status.related]]: shown and folded into guidance, never decide


async def probe_once(settings: StatusSettings, *, client: httpx.AsyncClient | None = None,
                     clock: Clock = local_now) -> StatusSnapshot:
    """Probe everything once and decide (no debounce, no memory)."""
    if client is None:
        async with new_client(settings.timeout_seconds) as own:
            outcome = await run_probes(settings, own)
    else:
        outcome = await run_probes(settings, client)
    return build_snapshot(outcome.probes, outcome.page, settings, clock(), related=outcome.related)


async def run_probes(settings: StatusSettings, client: httpx.AsyncClient, *,
                     skip_page: str | None = None) -> PollOutcome:
    """All probes at once; `skip_page` (a reason) leaves the status page out, e.g. while backing off."""
    page_task = _skipped_page(skip_page) if skip_page else _status_page(settings, client)
    page, ehr, upload, internet, related = await asyncio.gather(
        page_task,
        _site(client, settings.ehr_url, settings.timeout_seconds),
        _site(client, settings.upload_url, settings.timeout_seconds),
        _internet(client, settings.internet_urls, settings.timeout_seconds),
        probe_related(client, settings.related, settings.timeout_seconds, _related_page(settings, client)),
    )
    return PollOutcome(Probes(page.result, ehr, upload, internet), page.report, page.throttled, page.retry_after,
                       related)


def build_snapshot(probes: Probes, page: PageReport | None, settings: StatusSettings, now: datetime, *,
                   stale: bool = False, shown_page: PageReport | None = None,
                   related: tuple[RelatedResult, ...] = ()) -> StatusSnapshot:
    """Decide the level for what was seen and dress it for people: headline, lists, guidance.

    The level is decided with `page`; `shown_page` (default `page`) is what the lists show,
    e.g. the last good status-page data once it is too old to decide with.
    """
    page, shown_page = _current(page, now, settings), _current(shown_page, now, settings)
    verdict = decide(probes, page, ehr_on=bool(settings.ehr_url), upload_on=bool(settings.upload_url),
                     watch=settings.watch_components)
    _log_unknown_once(verdict.unknown_values)
    page = shown_page or page
    in_progress = tuple(m for m in page.maintenances if m not in verdict.upcoming) if page else ()
    return StatusSnapshot(
        level=verdict.level,
        headline=verdict.headline,
        checked_at=now.replace(microsecond=0),
        stale=stale,
        page=PageSummary(page.name, page.status) if page else PageSummary(),
        components=page.components if page else (),
        incidents=page.incidents if page else (),
        maintenances=in_progress + verdict.upcoming,
        probes=probes,
        guidance=fold_related(verdict.level, guidance_for(verdict.level, settings.upload_url), related,
                              tuple(s.name for s in settings.related if s.is_prescribing)),
        related=related,
    )


_logged_unknown: set[str] = set()
_logged_stale: set[tuple[str, str]] = set()


def _current(page: PageReport | None, now: datetime, settings: StatusSettings) -> PageReport | None:
    """The page without past "scheduled" maintenances (logged once each) and unwatched ones."""
    if page is None:
        return None
    current = current_page(page, now, settings.watch_components)
    for maintenance in current.stale:
        key = (maintenance.name, str(maintenance.start))
        if key not in _logged_stale and len(_logged_stale) < 200:
            _logged_stale.add(key)
            log.warning("status page: maintenance %r is still marked %s but its window ended (%s): stale vendor "
                        "data, not shown", maintenance.name, maintenance.status, maintenance.end or maintenance.start)
    return current.page


def _log_unknown_once(values: tuple[str, ...]) -> None:
    for value in values:
        if value not in _logged_unknown and len(_logged_unknown) < 200:
            _logged_unknown.add(value)
            log.warning("status page: unknown %s, counted as degraded", value)


# -- the three kinds of probe -----------------------------------------------------------------

def _related_page(settings: StatusSettings, client: httpx.AsyncClient) -> PageStatus:
    """How a related service's own status page is read: like ICANotes' page, its overall status only."""
    async def read(service: RelatedService) -> str | None:
        page = StatusSettings(page_url=service.page_url, provider=service.provider or "auto",
                              timeout_seconds=settings.timeout_seconds)
        probed = await _status_page(page, client)
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


_PATHS = {"statuspage": "api/v2/summary.json", "instatus": "summary.json", "components": "v2/components.json"}
_DOCUMENTS = {"auto": ("statuspage", "instatus", "components"), "instatus": ("instatus", "components"),
              "statuspage": ("statuspage",)}


async def _skipped_page(reason: str) -> _PageProbe:
    return _PageProbe(ProbeResult(ok=False, error=reason))


async def _status_page(settings: StatusSettings, client: httpx.AsyncClient) -> _PageProbe:
    """Fetch the provider's documents at once; Statuspage's shape is tried first, then Instatus'."""
    base = settings.page_url.rstrip("/")
    keys = _DOCUMENTS[settings.provider]
    answers = await asyncio.gather(*(
        fetch(client, f"{base}/{_PATHS[key]}", timeout=settings.timeout_seconds, read_body=True) for key in keys))
    fetched = dict(zip(keys, answers, strict=True))
    errors: list[str] = []
    report = _read_statuspage(fetched, errors) if "statuspage" in fetched else None
    if report is None and "instatus" in fetched:
        report = _read_instatus(fetched, errors)
    primary = [fetched[key] for key in ("instatus", "statuspage") if key in fetched]
    elapsed = max(f.elapsed_ms for f in fetched.values())
    if report is not None:
        notes = "; ".join(report.notes) or None
        return _PageProbe(ProbeResult(True, fetched[report.provider].status, notes, elapsed), report)
    unanswered = {f.error for f in primary if f.status is None}
    if len(unanswered) == 1 and all(f.status is None for f in primary):
        errors = [f"{base}: {unanswered.pop()}"]  # the same failure for every path: say it once
    return _PageProbe(
        ProbeResult(False, next((f.status for f in primary if f.status is not None), None), "; ".join(errors),
                    elapsed),
        throttled=any(f.status is not None and (f.status == 429 or f.status >= 500) for f in primary),
        retry_after=max((f.retry_after for f in primary if f.retry_after is not None), default=None),
    )


def _read_statuspage(fetched: dict[str, Fetched], errors: list[str]) -> PageReport | None:
    try:
        return parse_statuspage(_document(fetched["statuspage"]))
    except PayloadError as exc:
        errors.append(f"{fetched['statuspage'].url}: {exc}")
        return None


def _read_instatus(fetched: dict[str, Fetched], errors: list[str]) -> PageReport | None:
    try:
        summary = _document(fetched["instatus"])
    except PayloadError as exc:
        errors.append(f"{fetched['instatus'].url}: {exc}")
        return None
    components: object | None = None
    components_error: str | None = None
    try:
        components = _document(fetched["components"])
    except PayloadError as exc:
        components_error = str(exc)
    try:
        return parse_instatus(summary, components, components_error=components_error)
    except PayloadError as exc:
        errors.append(f"{fetched['instatus'].url}: {exc}")
        return None


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

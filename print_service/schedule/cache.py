"""The encrypted local copy of the schedule: refreshed from the source, never worse than before.

Files under `paths.state_dir/schedule/`:
- `cache.bin`: the schedule, sealed with AES-256-GCM (`sealed.py`), written atomically, so a
  power cut leaves the old file or the new one;
- `status.json`: when the last attempt was and why it failed, with no PHI (the source is
  scheme + host only, the error went through `messages.safe_message`), mode 0600 like the
  rest, so freshness is known without the key.

- `generation.json`: the generation and fetch time of the last write, also bound into the
  cache's authenticated header, so an older `cache.bin` copied back is refused.

A refresh that fails, brings garbage, or brings an empty window where the cache still has
upcoming appointments keeps the cache as it is and says why (`RefreshResult.error`). A cache
that cannot be used (key missing, other key, rolled back) is replaced by the next fetch, and
that reset stands as the `schedule_reset` alert, never silently.
Appointments that ended more than `retention_days` ago are dropped on every write.
"""

import contextlib
import fcntl
import json
import logging
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from print_service.alerts import AlertStore
from print_service.errors import PrintServiceError, ScheduleError
from print_service.exit_codes import ExitCode
from print_service.paths import AppPaths
from print_service.schedule import model
from print_service.schedule.generation import GenerationRecord, rollback_reason
from print_service.schedule.keys import load_key, load_or_create_key
from print_service.schedule.messages import safe_message
from print_service.schedule.parse import parse_document
from print_service.schedule.redact import display_source
from print_service.schedule.sealed import SealedError, SealInfo, open_sealed, seal
from print_service.schedule.settings import ScheduleSettings
from print_service.schedule.snapshot import CachedSchedule
from print_service.schedule.sources import fetch_document
from print_service.storage import write_atomic

__all__ = ["RESET_ALERT", "Freshness", "RefreshResult", "ScheduleCache"]

_log = logging.getLogger(__name__)
_STATUS_MAX_BYTES = 64 * 1024
RESET_ALERT = "schedule_reset"
RESET_ALERT_STANDS = timedelta(days=1)


def _epoch_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


@dataclass(frozen=True, slots=True)
class Freshness:
    """How current the cache is, without PHI: what the screen and the watch state show."""

    source: str | None
    fetched_at: datetime | None
    count: int
    stale: bool
    error: str | None
    format: str | None = None

    def to_json(self) -> dict[str, object]:
        """The watch state's `schedule` object."""
        return {
            "source": self.source,
            "fetched_at": self.fetched_at.isoformat() if self.fetched_at else None,
            "count": self.count,
            "stale": self.stale,
            "error": self.error,
        }


@dataclass(frozen=True, slots=True)
class RefreshResult:
    """What one refresh did: `ok` with the new count, or the error and whether an older cache was kept."""

    ok: bool
    count: int
    fetched_at: datetime | None
    error: str | None = None
    kept_previous: bool = False
    exit_code: int = ExitCode.OK


class ScheduleCache:
    """The schedule's encrypted copy in `paths.state_dir`, keyed from a credential or `paths.key_file`.

    >>> cache = ScheduleCache(settings, paths)
    >>> cache.refresh().ok
    True
    >>> cache.day(date(2026, 11, 30))
    [Appointment(...), ...]
    """

    def __init__(self, settings: ScheduleSettings, paths: AppPaths, *,
                 now: Callable[[], datetime] | None = None, env: Mapping[str, str] | None = None) -> None:
        self.settings = settings
        self.paths = paths
        self.folder = paths.state_dir / "schedule"
        self.cache_file = self.folder / "cache.bin"
        self.status_file = self.folder / "status.json"
        self._now = now or (lambda: datetime.now(UTC))
        self._env = env
        self._memo: tuple[tuple[int, int, int], CachedSchedule] | None = None
        self.generations = GenerationRecord(self.folder / "generation.json")
        self.alerts = AlertStore(paths.alerts_dir, now=self._now)

    # -- reading ------------------------------------------------------------------------------
    def load(self) -> CachedSchedule | None:
        """The cached schedule, None when there is none yet; ScheduleError when it cannot be opened."""
        try:
            with self.cache_file.open("rb") as handle:
                info = os.fstat(handle.fileno())
                identity = (info.st_ino, info.st_mtime_ns, info.st_size)
                if self._memo is not None and self._memo[0] == identity:
                    return self._memo[1]  # unchanged since the last read (the watch daemon asks often)
                blob = handle.read()
        except FileNotFoundError:
            return None
        key = load_key(self.paths.key_file, self._env)
        if key is None:
            raise ScheduleError(f"schedule cache {self.cache_file}: no key to open it "
                                f"(expected {self.paths.key_file} or the schedule.key credential)")
        try:
            plaintext, sealed_info = open_sealed(key, blob)
            cached = CachedSchedule.from_bytes(plaintext)
        except SealedError as exc:
            raise ScheduleError(f"schedule cache {self.cache_file}: {exc}") from None
        except (ValueError, KeyError, TypeError, RecursionError):
            raise ScheduleError(f"schedule cache {self.cache_file}: unreadable contents") from None
        self._refuse_rollback(sealed_info, cached)
        cached = cached.in_zone(self.settings.timezone)
        self._memo = (identity, cached)
        return cached

    def _refuse_rollback(self, found: SealInfo | None, cached: CachedSchedule) -> None:
        if found is not None and found.fetched_at_ms != _epoch_ms(cached.fetched_at):
            raise ScheduleError(f"schedule cache {self.cache_file}: its header and contents disagree")
        reason = rollback_reason(found, self.generations.last())
        if reason is not None:
            raise ScheduleError(f"schedule cache {self.cache_file}: refused, {reason} (was an older cache.bin "
                                "copied back?)")

    def freshness(self) -> Freshness:
        """Source, fetched_at, count, stale and the last error; never raises for a bad cache."""
        status = self._read_status()
        error = status.get("error")
        try:
            cached = self.load()
        except ScheduleError as exc:
            cached, error = None, str(exc)
        if cached is None:
            source = display_source(self.settings.source) if self.settings.source else None
            return Freshness(source, None, 0, True, error or (None if not self.settings.source else
                                                               "no schedule fetched yet"))
        return Freshness(cached.source, cached.fetched_at, cached.count,
                         cached.is_stale(self._now(), self.settings.refresh_minutes), error, cached.format)

    def day(self, day: date) -> list[model.Appointment]:
        """The cached appointments of `day` in the practice's zone (all-day entries first)."""
        cached = self.load()
        return model.appointments_on(cached.appointments, day, self.settings.timezone) if cached else []

    def next_clinic_day(self, today: date) -> date | None:
        """The next day after `today` with timed appointments, within `lookahead_days`."""
        cached = self.load()
        if cached is None:
            return None
        return model.next_clinic_day(cached.appointments, today, self.settings.timezone,
                                     self.settings.lookahead_days)

    def today(self) -> date:
        """Today's date in the practice's zone, by this cache's clock."""
        return self._now().astimezone(self.settings.timezone).date()

    # -- writing ------------------------------------------------------------------------------
    def note_failure(self, message: str) -> None:
        """Record a refresh that failed outside `refresh()` (a fetch process that crashed or hung), so the
        freshness shows it; the cache itself is kept. `message` must hold no PHI."""
        with self._locked():
            self._write_status(self._now(), message)

    def refresh(self) -> RefreshResult:
        """Fetch, check and store the schedule; on any failure keep the cache and say why."""
        now = self._now()
        with self._locked():
            try:
                previous = self._load_for_update()
                cached = self._fetch(now, previous)
                self._write(cached, now)
            except PrintServiceError as exc:
                return self._failed(exc, now)
        self._write_status(now, None)
        self._clear_old_reset_alert(now)
        _log.info("schedule refreshed from %s: %d appointments", cached.source, cached.count)
        return RefreshResult(True, cached.count, cached.fetched_at)

    def purge(self) -> int:
        """Apply the retention rule now (also done on every write); the number of appointments dropped."""
        with self._locked():
            cached = self.load()
            if cached is None:
                return 0
            now = self._now()
            kept = cached.without_ended_before(self._retention_cutoff(now))
            if kept.count != cached.count:
                self._write(kept, now)
            return cached.count - kept.count

    def _fetch(self, now: datetime, previous: CachedSchedule | None) -> CachedSchedule:
        window = (self._retention_cutoff(now), now + timedelta(days=self.settings.horizon_days))
        parsed = parse_document(fetch_document(self.settings, self._env), self.settings, window)
        if parsed.format != "pdf":
            self._refuse_suspicious_empty(parsed.appointments, previous, now)
        return CachedSchedule(now, display_source(self.settings.source), parsed.format,
                              parsed.appointments, parsed.pdf)

    def _refuse_suspicious_empty(self, fresh: tuple[model.Appointment, ...], previous: CachedSchedule | None,
                                 now: datetime) -> None:
        if self.settings.allow_empty or previous is None or any(a.end > now for a in fresh):
            return
        upcoming = sum(1 for a in previous.appointments if a.end > now)
        if upcoming:
            raise ScheduleError(
                f"schedule source {display_source(self.settings.source)}: the new schedule has no appointments "
                f"in the next {self.settings.horizon_days} days while the cache has {upcoming} upcoming "
                "(set schedule.allow_empty = true if the calendar really is empty)")

    def _write(self, cached: CachedSchedule, now: datetime) -> None:
        kept = cached.without_ended_before(self._retention_cutoff(now))
        key = load_or_create_key(self.paths.key_file, self._env)
        info = SealInfo(self.generations.next_generation(), _epoch_ms(kept.fetched_at))
        write_atomic(self.cache_file, seal(key, kept.to_bytes(), info))
        self.generations.save(info)
        self._remove_leftovers()

    def _clear_old_reset_alert(self, now: datetime) -> None:
        for alert in self.alerts.active():
            if alert.kind == RESET_ALERT and now - alert.since >= RESET_ALERT_STANDS:
                self.alerts.clear(RESET_ALERT)

    def _retention_cutoff(self, now: datetime) -> datetime:
        return now - timedelta(days=self.settings.retention_days)

    def _load_for_update(self) -> CachedSchedule | None:
        if self.cache_file.exists() and load_key(self.paths.key_file, self._env) is None:
            self._alert_reset("the schedule key is missing; the cache was reset")
            return None
        try:
            return self.load()
        except ScheduleError as exc:
            self._alert_reset(f"the schedule copy could not be used and was reset ({exc})")
            return None

    def _alert_reset(self, message: str) -> None:
        """Never a silent reset: the screen and the LED show it until a day of good refreshes has passed."""
        _log.warning("%s", message, extra={"EVENT": "alert", "KIND": RESET_ALERT})
        self.alerts.raise_alert(RESET_ALERT, safe_message(f"{message[0].upper()}{message[1:]}. Call IT."))

    def _failed(self, exc: PrintServiceError, now: datetime) -> RefreshResult:
        message = safe_message(str(exc))
        try:
            previous = self.load()
        except ScheduleError:
            previous = None
        if previous is not None:
            message += f" (kept the schedule fetched {previous.fetched_at.isoformat(timespec='minutes')})"
        message = safe_message(message)
        self._write_status(now, message)
        _log.info("schedule refresh failed: %s", message)  # the caller reports it (CLI line, watch state)
        return RefreshResult(False, previous.count if previous else 0, previous.fetched_at if previous else None,
                             message, previous is not None, int(exc.exit_code))

    def _remove_leftovers(self) -> None:
        # write_atomic's temporary files from a write that power loss interrupted (ciphertext only)
        for leftover in self.folder.glob(f".{self.cache_file.name}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()

    # -- status ---------------------------------------------------------------------------------
    def _read_status(self) -> dict[str, str | None]:
        try:
            with self.status_file.open("rb") as handle:
                data = json.loads(handle.read(_STATUS_MAX_BYTES))
        except (OSError, ValueError, RecursionError):
            return {}
        if not isinstance(data, dict):
            return {}
        error = data.get("error")  # a file an older version wrote may hold anything: it goes through the path too
        return {"error": safe_message(error) if isinstance(error, str) else None}

    def _write_status(self, now: datetime, error: str | None) -> None:
        status = {"last_attempt_at": now.isoformat(), "error": safe_message(error) if error is not None else None,
                  "source": display_source(self.settings.source)}
        write_atomic(self.status_file, json.dumps(status).encode(), mode=0o600)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with (self.folder / ".lock").open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)



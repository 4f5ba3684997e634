"""The unattended evening print of the next clinic day's schedule (`downtime-kiosk nightly`).

Order: wait for a trustworthy clock, refresh (falling back to the cache), pick the next
clinic day, print it once per target date, and leave an alert the screen and LED show while
it fails. Failures are sorted: a *transient* one (cupsd down, a printer out of paper or
paused, the clock not yet synchronised) is retried every `retry_minutes` until
`print_deadline`, saying on stderr what it waits for and until when; a *permanent* one (no
such queue, no printer, the output folder for patient data, no `schedule.source`, a
document that cannot be drawn) gives up at once with the cause and the key to fix, since
waiting cannot mend it. Every dependency (clock, printer, clock-sync check) is passed in,
so tests drive a whole evening without waiting and the CLI wires the real ones.
"""

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from print_service.alerts import AlertStore
from print_service.errors import PrintServiceError, ScheduleError
from print_service.schedule.cache import ScheduleCache
from print_service.schedule.clock import Clock
from print_service.schedule.documents import day_document
from print_service.schedule.records import NightlyRecord, NightlyStore
from print_service.schedule.settings import ScheduleSettings

__all__ = ["ALERT_KIND", "CLOCK_POLL_SECONDS", "SCHEDULE_KIND", "NightlyPrint", "PrintDocument"]

_log = logging.getLogger(__name__)

ALERT_KIND = "nightly_print"
CLOCK_POLL_SECONDS = 30.0
PrintDocument = Callable[[bytes, str], bool]
"""Prints PDF bytes as a job of a kind ("schedule", or a form id for the packet), which is all
the job name may say besides the time. True when it printed, False when the printer accepted
it but was still printing when the wait ran out; raises PrintServiceError when it did not print
(`transient` on the error says whether waiting may help)."""
SCHEDULE_KIND = "schedule"


def _day_words(day: date) -> str:
    return f"{day:%A, %B} {day.day}"


@dataclass
class NightlyPrint:
    """One evening's run; `run()` returns the final record (also saved to `nightly.json`)."""

    cache: ScheduleCache
    print_document: PrintDocument
    alerts: AlertStore
    store: NightlyStore
    clock: Clock
    clock_synchronised: Callable[[], bool]
    force: bool = False

    paper: str = "letter"

    @property
    def settings(self) -> ScheduleSettings:
        """The cache's `[schedule]` settings."""
        return self.cache.settings

    def run(self) -> NightlyRecord:
        """Wait for the clock, refresh, print the next clinic day once; the outcome record."""
        if self.settings.require_clock_sync and not self._wait_for_clock():
            return self._give_up(self._today() + timedelta(days=1),
                                 "the clock was never synchronised (no network time?), so the schedule was not "
                                 "printed rather than print the wrong day")
        refreshed = self.cache.refresh()
        if not refreshed.ok:
            _log.warning("nightly: refresh failed, printing from the cache: %s", refreshed.error)
        with contextlib.suppress(ScheduleError):  # an unreadable cache is reported just below
            self.cache.purge()
        return self._print_next_clinic_day(refreshed.error)

    # -- steps ------------------------------------------------------------------------------------
    def _wait_for_clock(self) -> bool:
        waited = False
        while not self.clock_synchronised():
            now = self.clock.now()
            deadline = self._deadline(now)
            if now >= deadline:
                return False
            if not waited:
                message = f"waiting for the clock to be synchronised (network time) until {deadline:%H:%M} " \
                          "before printing"
                _log.warning("nightly: %s", message)
                self._save(self._today() + timedelta(days=1), "waiting", message)
                waited = True
            self.clock.sleep(min(CLOCK_POLL_SECONDS, (deadline - now).total_seconds()))
        if waited:
            _log.warning("nightly: the clock is synchronised; printing")
        return True

    def _print_next_clinic_day(self, refresh_error: str | None) -> NightlyRecord:
        today = self._today()
        try:
            cached = self.cache.load()
        except ScheduleError as exc:
            cached, refresh_error = None, str(exc)
        if cached is None:
            return self._give_up(today + timedelta(days=1),
                                 f"no schedule is available to print ({refresh_error or 'never fetched'})")
        target = today + timedelta(days=1) if cached.format == "pdf" else self.cache.next_clinic_day(today)
        if target is None:
            self.alerts.clear(ALERT_KIND)
            return self._save(today + timedelta(days=1), "nothing",
                              f"no clinic day in the next {self.settings.lookahead_days} days; nothing to print")
        done = self.store.printed().get(target)
        if done is not None and not self.force:
            _log.info("nightly: the schedule for %s was already printed at %s", target, done.isoformat())
            return NightlyRecord(target, "printed", done,
                                 f"the schedule for {_day_words(target)} was already printed")
        note = "" if refresh_error is None else \
            f" from the copy fetched {cached.fetched_at.astimezone(self.settings.timezone):%a %b %d %H:%M} " \
            "(the refresh failed)"
        return self._print_with_retries(target, note)

    def _print_with_retries(self, target: date, note: str) -> NightlyRecord:
        attempt = 1
        while True:
            try:
                confirmed = self._print_once(target)
            except PrintServiceError as exc:
                if not exc.transient:
                    return self._give_up(target, f"cannot print: {exc}")
                if not self._wait_to_retry(target, exc, attempt):
                    return self._give_up(target, f"printing failed until {self.settings.print_deadline:%H:%M}: "
                                                 f"{exc.user_message.rstrip('.')}")
                attempt += 1
                continue
            self.store.mark_printed(target, self.clock.now())  # never printed twice, even if still printing
            self.alerts.clear(ALERT_KIND)
            if not confirmed:
                return self._save(target, "printing", f"sent the schedule for {_day_words(target)} to the printer; "
                                  "it was still printing when the wait ended — check the printer")
            return self._save(target, "printed", f"printed the schedule for {_day_words(target)}{note}")

    def _print_once(self, target: date) -> bool:
        now = self.clock.now()
        document = day_document(self.cache, target, now, paper=self.paper)
        return self.print_document(document, SCHEDULE_KIND)

    def _wait_to_retry(self, target: date, error: PrintServiceError, attempt: int) -> bool:
        """Sleep until the next attempt; False when the deadline comes first."""
        now = self.clock.now()
        retry = timedelta(minutes=self.settings.retry_minutes)
        if now + retry > self._deadline(now):
            return False
        reason = error.user_message.rstrip(".")
        until = f"{self.settings.print_deadline:%H:%M}"
        next_try = (now + retry).astimezone(self.settings.timezone)
        _log.warning("nightly: attempt %d did not print (%s); waiting for the printer, next try at %s, "
                     "retrying every %d minutes until %s", attempt, error, f"{next_try:%H:%M}",
                     self.settings.retry_minutes, until)
        self.alerts.raise_alert(ALERT_KIND, f"The schedule for {_day_words(target)} has not printed yet "
                                f"({reason}). Retrying every {self.settings.retry_minutes} minutes until {until}.")
        self._save(target, "waiting", f"printing failed ({reason}); retrying in "
                                      f"{self.settings.retry_minutes} minutes")
        self.clock.sleep(retry.total_seconds())
        return True

    # -- helpers ----------------------------------------------------------------------------------
    def _today(self) -> date:
        return self.clock.now().astimezone(self.settings.timezone).date()

    def _deadline(self, now: datetime) -> datetime:
        local = now.astimezone(self.settings.timezone)
        return datetime.combine(local.date(), self.settings.print_deadline, self.settings.timezone)

    def _give_up(self, target: date, reason: str) -> NightlyRecord:
        self.alerts.raise_alert(ALERT_KIND, f"The schedule for {_day_words(target)} was not printed: {reason}. "
                                "Print it from the screen or with `downtime-kiosk schedule print` when fixed.")
        _log.error("nightly: %s", reason)
        return self._save(target, "failed", reason)

    def _save(self, target: date, outcome: str, message: str) -> NightlyRecord:
        record = NightlyRecord(target, outcome, self.clock.now(), message)
        self.store.save(record)
        return record

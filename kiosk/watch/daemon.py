"""The watch daemon: one asyncio loop that keeps the LED, the button and state.json in step with the world.

It runs the status monitor and every `Part` (printer, schedule, nightly outcome, alerts,
downtime log, configuration) on their intervals, drives the LED from the level and the
overlays, turns button gestures into prints, and republishes state.json on every change
and on the heartbeat. Under systemd it says READY=1 once the last known state is
restored and published, pings the watchdog from this loop while every task is alive,
and keeps STATUS= on the current level.
"""

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol

from kiosk.button.controller import ButtonController, PrintActions
from kiosk.button.recogniser import Gesture
from kiosk.button.settings import ButtonSettings
from kiosk.config import Config
from kiosk.drill.shown import shown_level
from kiosk.gpio.factory import FactoryResult, open_pin_factory
from kiosk.led.driver import LedDriver
from kiosk.led.scene import LedScene
from kiosk.led.settings import LedSettings
from kiosk.led.table import overlay_pattern
from kiosk.status.snapshot import StatusSnapshot
from kiosk.watch.config_watch import set_config_error
from kiosk.watch.hardware import Hardware, open_hardware
from kiosk.watch.notify import Notifier
from kiosk.watch.part import Part
from kiosk.watch.publisher import HEARTBEAT_SECONDS, StatePublisher, read_state
from kiosk.watch.state import WatchState
from print_service.paths import AppPaths

__all__ = ["MonitorLike", "WatchDaemon", "WatchServices"]

log = logging.getLogger(__name__)

STARTUP_PARTS_SECONDS = 1.5  # local reads before READY=1; slower parts finish in the background
SHUTDOWN_SECONDS = 1.0


class MonitorLike(Protocol):
    """What the daemon needs of the status engine's monitor."""

    @property
    def current(self) -> StatusSnapshot | None:
        """The latest snapshot (restored at start, marked stale), or None."""

    def add_listener(self, callback: Callable[[StatusSnapshot], None]) -> Callable[[], None]:
        """Call `callback(snapshot)` after every poll; returns the unsubscribe function."""

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until `stop` is set."""


@dataclass
class WatchServices:
    """The real components the daemon runs, built from the configuration by `kiosk.watch.wiring`."""

    monitor: MonitorLike
    parts: list[Part] = field(default_factory=list)
    actions: PrintActions | None = None


def _utc_now() -> datetime:
    return datetime.now(UTC)


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


class WatchDaemon:
    """Runs until `stop` is set; see the module docstring for what it does."""

    def __init__(self, config: Config, services: WatchServices, *, config_error: str | None = None,
                 open_factory: Callable[[], FactoryResult] = open_pin_factory,
                 notifier: Notifier | None = None, clock: Callable[[], float] = time.monotonic,
                 now: Callable[[], datetime] = _utc_now, heartbeat_seconds: float = HEARTBEAT_SECONDS) -> None:
        self.config = config
        self.services = services
        self.paths = config.get(AppPaths)
        self.clock = clock
        self.now = now
        self.notifier = notifier or Notifier()
        self.heartbeat_seconds = heartbeat_seconds
        self.state = WatchState(config_source=config.source)
        if config_error is not None:
            set_config_error(self.state, config_error, now())
        self.scene = LedScene(config.get(LedSettings), "unknown", at=clock())
        self.driver = LedDriver(self.scene, None, clock=clock)
        self.publisher = StatePublisher(self.paths.state_file, heartbeat_seconds=heartbeat_seconds,
                                        monotonic=clock, now=now)
        self._open_factory = open_factory
        self.hardware = Hardware()
        self.controller: ButtonController | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._background: set[asyncio.Task[None]] = set()
        self._part_errors: dict[str, str] = {}
        self._publish_failed = False

    # -- life cycle ---------------------------------------------------------------------------
    async def run(self, stop: asyncio.Event) -> None:
        """Start, announce READY=1, run until `stop`, then shut down cleanly (LED off, pins freed)."""
        loop = asyncio.get_running_loop()
        unsubscribe = self.services.monitor.add_listener(self._on_snapshot)
        try:
            self.hardware = open_hardware(self.config.get(LedSettings), self.config.get(ButtonSettings),
                                          self._open_factory, loop, self._on_gesture)
            self.driver.device = self.hardware.led
            if self.services.actions is not None:
                self.controller = ButtonController(self.services.actions, self.flash, self._after_print)
            self._restore()
            await self._startup_parts()
            self._publish(force=True)
            self.notifier.ready(self._status_line())
            log.info("watching ICANotes: %s", self._status_line(),
                     extra={"EVENT": "started", "LEVEL": self.state.level})
            self._start_tasks(stop)
            await stop.wait()
        finally:
            unsubscribe()
            await self._shutdown()

    def _start_tasks(self, stop: asyncio.Event) -> None:
        spawn = asyncio.get_running_loop().create_task
        self._tasks = [
            spawn(self.services.monitor.run(stop), name="monitor"),
            spawn(self.driver.run(stop), name="led"),
            spawn(self._heartbeat(stop), name="heartbeat"),
            *(spawn(self._run_part(part, stop), name=f"part:{part.name}") for part in self.services.parts),
        ]

    async def _shutdown(self) -> None:
        self.notifier.stopping()
        for task in self._tasks:
            task.cancel()
        if self._tasks:
            await asyncio.wait(self._tasks, timeout=SHUTDOWN_SECONDS)
        if self.controller is not None:
            self.controller.cancel()
        self.driver.off()
        self.hardware.close()
        log.info("stopped", extra={"EVENT": "stopped"})

    def healthy(self) -> bool:
        """Every task still running and state.json writable: the condition for WATCHDOG=1."""
        return bool(self._tasks) and not any(task.done() for task in self._tasks) and not self._publish_failed

    # -- state -----------------------------------------------------------------------------------
    def _restore(self) -> None:
        """The last known state: the monitor's restored snapshot, else the last state.json of this boot."""
        previous = read_state(self.paths.state_file)
        snapshot = self.services.monitor.current
        if snapshot is not None:
            self.state.status = snapshot
        elif previous is not None:
            self.state.status = previous.status.as_stale()
        if previous is not None and previous.level == self.state.status.level:
            self.state.level_since = previous.level_since
        self.scene.set_level(self.state.level, self.clock())

    async def _startup_parts(self) -> None:
        if not self.services.parts:
            return
        tasks = [asyncio.ensure_future(self._update_part(part)) for part in self.services.parts]
        _, pending = await asyncio.wait(tasks, timeout=STARTUP_PARTS_SECONDS)
        for task in pending:
            task.cancel()

    def _on_snapshot(self, snapshot: StatusSnapshot) -> None:
        level = snapshot.level.value
        previous = self.state.level
        self.state.status = snapshot
        if level != previous or self.state.level_since is None:
            checked_at = snapshot.to_json()["checked_at"]
            self.state.level_since = str(checked_at) if checked_at else self.now().isoformat(timespec="seconds")
        if level != previous:
            log.warning("level %s → %s: %s", previous, level, snapshot.headline,
                        extra={"EVENT": "level_change", "LEVEL": level, "PREVIOUS": previous})
            self.scene.set_level(shown_level(level, self.state.drill), self.clock())
            self.driver.wake()
        self.notifier.status(self._status_line())
        self._publish()

    def _status_line(self) -> str:
        stale = " (last known, not confirmed yet)" if self.state.status.stale else ""
        return f"{self.state.level}: {self.state.status.headline}{stale}"

    def _publish(self, *, force: bool = False) -> None:
        """Bring the LED view and the alert reminder up to date and write state.json if anything changed."""
        now = self.clock()
        if self.scene.set_level(shown_level(self.state.level, self.state.drill), now):
            self.driver.wake()  # a drill began or ended
        self.scene.set_alert(bool(self.state.alerts()), now)
        self.state.led = self.scene.view(now)
        try:
            self.publisher.publish(self.state.document(), force=force)
        except OSError as exc:
            if not self._publish_failed:
                log.error("cannot write %s: %s", self.publisher.path, exc, extra={"EVENT": "publish_failed"})
            self._publish_failed = True
        else:
            self._publish_failed = False

    # -- LED and button ------------------------------------------------------------------------
    def flash(self, overlay: str) -> None:
        """Play a one-shot overlay on the LED and show it in state.json until it ends."""
        self.scene.flash(overlay, self.clock())
        self.driver.wake()
        self._publish()
        period = overlay_pattern(self.scene.kind, overlay).period
        asyncio.get_running_loop().call_later(period + 0.05, self._publish)

    def _on_gesture(self, gesture: Gesture) -> None:
        if self.controller is None:
            self.flash("failed")
            log.warning("button %s: printing is not available on this box", gesture,
                        extra={"EVENT": "print_failed", "GESTURE": str(gesture)})
            return
        self.controller.gesture(gesture)

    def _after_print(self) -> None:
        for part in self.services.parts:
            if part.name == "printer":
                task = asyncio.get_running_loop().create_task(self._refresh_now(part))
                self._background.add(task)  # the loop keeps only a weak reference
                task.add_done_callback(self._background.discard)
        self._publish()

    async def _refresh_now(self, part: Part) -> None:
        if await self._update_part(part):
            self._publish()

    # -- loops -------------------------------------------------------------------------------------
    async def _heartbeat(self, stop: asyncio.Event) -> None:
        interval = min(self.heartbeat_seconds, self.notifier.watchdog_seconds or self.heartbeat_seconds)
        while not stop.is_set():
            self._publish()
            if self.healthy():
                self.notifier.watchdog()
            await _sleep_or_stop(stop, interval)

    async def _run_part(self, part: Part, stop: asyncio.Event) -> None:
        while not stop.is_set():
            if await self._update_part(part):
                self._publish()
            await _sleep_or_stop(stop, part.interval)

    async def _update_part(self, part: Part) -> bool:
        try:
            changed = await part.update(self.state, self.now())
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # one part failing must not stop the others
            message = f"{type(exc).__name__}: {exc}"
            if self._part_errors.get(part.name) != message:
                log.error("%s could not be updated: %s", part.name, message, extra={"EVENT": "part_failed"})
            self._part_errors[part.name] = message
            return False
        self._part_errors.pop(part.name, None)
        return changed

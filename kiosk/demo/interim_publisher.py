"""INTERIM, for a tree without the watch daemon (`kiosk.watch`): publish state.json from the status
monitor alone, so the demo's screen has something live to show. The demo uses `downtime-kiosk watch`
whenever it exists; delete this module once the watch daemon has landed everywhere.
"""

import asyncio
import contextlib
import json
import threading
from datetime import UTC, datetime

from kiosk.status import StatusMonitor, StatusSettings, StatusSnapshot
from kiosk.ui.levels import look_for
from print_service.paths import AppPaths
from print_service.storage.atomic import write_atomic

__all__ = ["InterimPublisher"]

_HEARTBEAT_SECONDS = 2.0


class InterimPublisher:
    """Runs the status monitor on a thread and rewrites state.json on each change and every 2 s."""

    def __init__(self, settings: StatusSettings, paths: AppPaths) -> None:
        self.paths = paths
        self.monitor = StatusMonitor(settings, paths)
        self._loop = asyncio.new_event_loop()
        self._stop = asyncio.Event()
        self._thread = threading.Thread(target=self._run, name="demo-interim-publisher", daemon=True)

    def start(self) -> None:
        """Start polling and publishing."""
        self._thread.start()

    def stop(self) -> None:
        """Stop and wait (at most a few seconds)."""
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout=5)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._main())

    async def _main(self) -> None:
        self.monitor.add_listener(self._write)
        beats = asyncio.ensure_future(self._heartbeat())
        try:
            await self.monitor.run(self._stop)
        finally:
            beats.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await beats

    async def _heartbeat(self) -> None:
        while True:
            self._write(self.monitor.current)
            await asyncio.sleep(_HEARTBEAT_SECONDS)

    def _write(self, snapshot: StatusSnapshot) -> None:
        state = snapshot.to_json()
        level = str(state.get("level", "unknown"))
        red, green, blue = (round(c * 255) for c in look_for(level).colour)
        state.update({
            "schema": 1, "heartbeat_at": datetime.now(UTC).isoformat(),
            "led": {"pattern": level, "overlay": None, "color": [red, green, blue]},
            "downtime_log": [w.to_json() for w in self.monitor.downtime_log.recent()],
            "alerts": [], "printer": None, "schedule": None, "nightly": None,
            "config": {"source": "demo", "error": None},
        })
        write_atomic(self.paths.state_file, json.dumps(state).encode())

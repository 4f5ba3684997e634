"""Running the real watch daemon in-process, on its own loop in a thread, for tests that need to reach inside.

>>> with DaemonThread(config, build_services(config)) as running:
...     running.call(lambda: running.daemon.flash("ack"))
"""

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from kiosk.config import Config, parse_config
from kiosk.watch.daemon import WatchDaemon, WatchServices

T = TypeVar("T")


def daemon_config(tmp_path: Path, status: dict[str, Any], **sections: dict[str, Any]) -> Config:
    """A validated configuration writing into `tmp_path`, printing into a folder unless told otherwise."""
    document: dict[str, Any] = {
        "paths": {"state_dir": str(tmp_path / "state"), "runtime_dir": str(tmp_path / "run"),
                  "key_file": str(tmp_path / "keys" / "schedule.key")},
        "status": status,
        "printing": {"output_dir": str(tmp_path / "printed")},
    }
    document.update(sections)
    return parse_config(document, str(tmp_path / "config.toml"))


class DaemonThread:
    """A WatchDaemon running on a fresh event loop in a background thread."""

    def __init__(self, config: Config, services: WatchServices, **options: Any) -> None:
        self.config = config
        self.services = services
        self.options = options
        self.daemon: WatchDaemon
        self.loop: asyncio.AbstractEventLoop
        self._stop: asyncio.Event
        self._started = threading.Event()
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._main, name="watch-daemon", daemon=True)

    def __enter__(self) -> "DaemonThread":
        self._thread.start()
        assert self._started.wait(10), "the daemon's loop did not start"
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _main(self) -> None:
        async def main() -> None:
            self.loop = asyncio.get_running_loop()
            self._stop = asyncio.Event()
            self.daemon = WatchDaemon(self.config, self.services, **self.options)
            self._started.set()
            await self.daemon.run(self._stop)

        try:
            asyncio.run(main())
        except BaseException as exc:  # reported to the test by stop()
            self.error = exc
            self._started.set()

    def call(self, function: Callable[[], T], timeout: float = 10.0) -> T:
        """Run `function` on the daemon's loop thread and return its result."""
        async def run() -> T:
            return function()
        return asyncio.run_coroutine_threadsafe(run(), self.loop).result(timeout)

    def stop(self, timeout: float = 5.0) -> None:
        """Set the stop event and wait for a clean shutdown."""
        if self._thread.is_alive():
            self.loop.call_soon_threadsafe(self._stop.set)
            self._thread.join(timeout)
        assert not self._thread.is_alive(), "the daemon did not stop"
        if self.error is not None:
            raise self.error

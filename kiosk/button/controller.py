"""What a press or a hold does: start one print, confirm it on the LED, refuse a second meanwhile.

A press prints the downtime packet; a hold prints the next clinic day's schedule. While
either print runs (until its jobs finish or fail), further presses are ignored and the
LED says so with its "busy" flash. Each action is logged by form or document name and
outcome only: no PHI ever reaches the log.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol

from kiosk.button.recogniser import Gesture

__all__ = ["ButtonController", "PrintActions"]

log = logging.getLogger(__name__)


class PrintActions(Protocol):
    """The prints the button can start; each returns once its jobs are done and raises when they failed."""

    async def print_packet(self) -> str:
        """Print `printing.packet`; returns a short summary without PHI ("3 forms")."""

    async def print_next_schedule(self) -> str:
        """Print the next clinic day's schedule; returns a short summary without PHI."""


Feedback = Callable[[str], None]
"""Shows an LED overlay: "ack", "busy" or "failed"."""


class ButtonController:
    """Runs at most one button-started print at a time and tells the LED and the log what happened."""

    def __init__(self, actions: PrintActions, feedback: Feedback,
                 on_done: Callable[[], None] = lambda: None) -> None:
        self._actions = actions
        self._feedback = feedback
        self._on_done = on_done
        self._running: asyncio.Task[None] | None = None
        self.ignored = 0

    @property
    def busy(self) -> bool:
        """Whether a button-started print is still running."""
        return self._running is not None and not self._running.done()

    def gesture(self, gesture: Gesture) -> None:
        """Handle one press or hold (called on the loop's thread)."""
        describe = getattr(self._actions, "describe", None)  # actions may say what a hold prints now
        what = describe(gesture) if describe is not None else \
            "the downtime packet" if gesture is Gesture.PRESS else "the next clinic day's schedule"
        if self.busy:
            self.ignored += 1
            self._feedback("busy")
            log.info("button %s ignored: a print is already running", gesture,
                     extra={"EVENT": "button_ignored", "GESTURE": str(gesture)})
            return
        self._feedback("ack")
        log.info("button %s: printing %s", gesture, what, extra={"EVENT": "button", "GESTURE": str(gesture)})
        action = self._actions.print_packet if gesture is Gesture.PRESS else self._actions.print_next_schedule
        self._running = asyncio.get_running_loop().create_task(self._run(gesture, what, action))

    async def _run(self, gesture: Gesture, what: str, action: Callable[[], Awaitable[str]]) -> None:
        try:
            summary = await action()
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # any failure of the print: the LED and the log must say so
            self._feedback("failed")
            log.warning("button %s: printing %s failed: %s", gesture, what, exc,
                        extra={"EVENT": "print_failed", "GESTURE": str(gesture)})
        else:
            log.info("button %s: printed %s (%s)", gesture, what, summary,
                     extra={"EVENT": "printed", "GESTURE": str(gesture)})
        finally:
            self._on_done()

    async def wait_idle(self) -> None:
        """Wait for a running print to end (tests, shutdown)."""
        if self._running is not None:
            await asyncio.gather(self._running, return_exceptions=True)

    def cancel(self) -> None:
        """Abandon waiting for a running print (the jobs stay queued in CUPS)."""
        if self._running is not None:
            self._running.cancel()

"""Running a blocking call (pycups, file parsing) off the loop in a daemon thread.

asyncio's default executor joins its threads at exit, so one cupsd call stuck in a
timeout could hold up SIGTERM past its 2 seconds. A daemon thread cannot: the process
exits and the call dies with it.
"""

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TypeVar

__all__ = ["in_thread"]

T = TypeVar("T")


async def in_thread(function: Callable[[], T], name: str = "kiosk-blocking") -> T:
    """Await `function()` run in a fresh daemon thread."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(outcome: Callable[[], None]) -> None:
        if not future.done():
            outcome()

    def hand_back(outcome: Callable[[], None]) -> None:
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: nobody waits any more
            loop.call_soon_threadsafe(settle, outcome)

    def work() -> None:
        try:
            result = function()
        except BaseException as exc:  # handed to the awaiting task, whatever it is
            error = exc
            hand_back(lambda: future.set_exception(error))
        else:
            hand_back(lambda: future.set_result(result))

    threading.Thread(target=work, name=name, daemon=True).start()
    return await future

"""Runs slow work (printing, CUPS, decrypting the schedule) off the UI thread and hands results back to it."""

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from kivy.clock import Clock

__all__ = ["Worker", "on_ui_thread"]

T = TypeVar("T")


def on_ui_thread(callback: Callable[[], None]) -> None:
    """Run `callback` on the Kivy thread at the next frame (safe to call from any thread)."""
    Clock.schedule_once(lambda _dt: callback(), 0)


class Worker:
    """A small thread pool whose results arrive on the UI thread as a value or the exception raised."""

    def __init__(self, threads: int = 2) -> None:
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="ui-worker")

    def run(self, work: Callable[[], T], done: Callable[[T | BaseException], None]) -> None:
        """Run `work` in the pool; call `done` with its result (or exception) on the UI thread."""
        future = self._pool.submit(work)

        def finished(fut: Future[T]) -> None:
            error = fut.exception()
            result: T | BaseException = error if error is not None else fut.result()
            on_ui_thread(lambda: done(result))

        future.add_done_callback(finished)

    def shutdown(self) -> None:
        """Stop taking work; running jobs finish in the background."""
        self._pool.shutdown(wait=False, cancel_futures=True)

"""The `[ui]` settings: how the wall screen locks, sleeps and draws."""

from dataclasses import dataclass
from datetime import time

__all__ = ["UiSettings"]


@dataclass(frozen=True, slots=True)
class UiSettings:
    """How the screen behaves.

    `pin_hash` is the salted hash `downtime-kiosk ui --set-pin` prints (empty: the schedule stays
    locked); `night` a daily window in which the screen is drawn dark; `fullscreen` false gives a
    window with a mouse cursor (the demo on a desktop). The screen draws at most `max_fps` frames a
    second for a few seconds after a touch and `idle_fps` otherwise (it idles for weeks).
    """

    lock_seconds: float = 60.0
    pin_hash: str = ""
    night: tuple[time, time] | None = None
    wake_seconds: float = 120.0
    monitor_timeout_seconds: float = 30.0
    fullscreen: bool = True
    max_fps: int = 30
    idle_fps: int = 3

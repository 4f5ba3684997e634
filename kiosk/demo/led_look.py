"""How bright the demo's drawn LED is at a moment, for each level's rhythm (pure)."""

import math

__all__ = ["led_brightness"]


def _blink(hertz: float, elapsed: float) -> float:
    return 1.0 if (elapsed * hertz) % 1.0 < 0.5 else 0.08


def led_brightness(pattern: str, elapsed: float) -> float:
    """0..1 for `pattern` (a level name) `elapsed` seconds after it started."""
    if pattern == "maintenance":
        return 0.2 + 0.8 * (0.5 - 0.5 * math.cos(2 * math.pi * elapsed / 3.0))
    if pattern == "degraded":
        return 0.08 if elapsed % 3.0 > 2.8 else 1.0
    if pattern == "outage":
        return _blink(1.0, elapsed)
    if pattern == "regional_outage":
        return _blink(3.0, elapsed)
    if pattern == "offline":
        phase = elapsed % 1.2
        return 1.0 if phase < 0.15 or 0.3 <= phase < 0.45 else 0.08
    return 1.0

"""The `[button]` settings: the pin of the print button and how presses are read."""

from dataclasses import dataclass

__all__ = ["ButtonSettings"]


@dataclass(frozen=True, slots=True)
class ButtonSettings:
    """What `[button]` says. An empty `pin` means no button is fitted.

    `pull_up` true: the button connects the pin to ground. `bounce_ms` 0 switches
    debouncing off; `hold_seconds` is how long a hold must last to print the schedule.
    """

    pin: str = ""
    pull_up: bool = True
    bounce_ms: int = 50
    hold_seconds: float = 3.0

    @property
    def fitted(self) -> bool:
        """Whether a button is configured at all."""
        return bool(self.pin)

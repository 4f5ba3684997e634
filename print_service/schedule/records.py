"""What the nightly print remembers across reboots (in `paths.state_dir`, no PHI).

- `nightly.json`: the last outcome, `{"date", "outcome", "at", "message"}`, which the
  watch daemon publishes and the screen shows;
- `schedule/printed.json`: the target dates already printed, so each is printed once.
"""

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from print_service.storage import write_atomic

__all__ = ["OUTCOMES", "NightlyRecord", "NightlyStore"]

OUTCOMES = ("printed", "printing", "nothing", "failed", "waiting")
_KEEP_DATES = 60


@dataclass(frozen=True, slots=True)
class NightlyRecord:
    """One outcome of the nightly print: for which date, what happened, when, in plain words."""

    date: date
    outcome: str
    at: datetime
    message: str

    def to_json(self) -> dict[str, str]:
        """The `nightly.json` (and watch state `nightly`) object."""
        return {"date": self.date.isoformat(), "outcome": self.outcome, "at": self.at.isoformat(),
                "message": self.message}

    @classmethod
    def from_json(cls, data: dict[str, str]) -> "NightlyRecord":
        """The inverse of `to_json`."""
        return cls(date.fromisoformat(data["date"]), data["outcome"], datetime.fromisoformat(data["at"]),
                   data["message"])


class NightlyStore:
    """The two record files, written atomically so a power cut cannot lose or double a print."""

    def __init__(self, state_dir: Path) -> None:
        self.outcome_file = state_dir / "nightly.json"
        self.printed_file = state_dir / "schedule" / "printed.json"

    def last(self) -> NightlyRecord | None:
        """The last recorded outcome, or None."""
        try:
            return NightlyRecord.from_json(json.loads(self.outcome_file.read_bytes()))
        except (FileNotFoundError, ValueError, KeyError, TypeError):
            return None

    def save(self, record: NightlyRecord) -> None:
        """Record `record` as the last outcome."""
        write_atomic(self.outcome_file, json.dumps(record.to_json()).encode(), mode=0o644)

    def printed(self) -> dict[date, datetime]:
        """Target date -> when it was printed."""
        try:
            raw = json.loads(self.printed_file.read_bytes())
            return {date.fromisoformat(d): datetime.fromisoformat(at) for d, at in raw["printed"].items()}
        except (FileNotFoundError, ValueError, KeyError, TypeError, AttributeError):
            return {}

    def mark_printed(self, day: date, at: datetime) -> None:
        """Remember that `day` was printed (keeping the most recent dates only)."""
        printed = self.printed()
        printed[day] = at
        recent = sorted(printed.items())[-_KEEP_DATES:]
        body = {"printed": {d.isoformat(): when.isoformat() for d, when in recent}}
        write_atomic(self.printed_file, json.dumps(body).encode(), mode=0o644)

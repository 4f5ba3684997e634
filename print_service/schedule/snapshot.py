"""What the cache holds: one fetched schedule (appointments, or a PDF snapshot) and when it came.

Pure data and its (plaintext) serialisation; the cache encrypts the bytes before they
touch the disk.
"""

import base64
import json
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, tzinfo

from print_service.schedule.model import Appointment

__all__ = ["SCHEMA", "CachedSchedule"]

SCHEMA = 1


@dataclass(frozen=True, slots=True)
class CachedSchedule:
    """A schedule as last fetched: `source` is already the display form (scheme + host, or a path)."""

    fetched_at: datetime
    source: str
    format: str
    appointments: tuple[Appointment, ...] = ()
    pdf: bytes | None = field(default=None, repr=False)

    @property
    def count(self) -> int:
        """How many appointments it holds (a PDF snapshot counts none)."""
        return len(self.appointments)

    def without_ended_before(self, cutoff: datetime) -> "CachedSchedule":
        """The retention rule: drop appointments that ended before `cutoff`."""
        kept = tuple(a for a in self.appointments if a.end >= cutoff)
        return self if len(kept) == len(self.appointments) else \
            CachedSchedule(self.fetched_at, self.source, self.format, kept, self.pdf)

    def to_bytes(self) -> bytes:
        """Plaintext serialisation (JSON); only ever handed to the sealer."""
        return json.dumps({
            "schema": SCHEMA,
            "fetched_at": self.fetched_at.isoformat(),
            "source": self.source,
            "format": self.format,
            "appointments": [a.to_json() for a in self.appointments],
            "pdf": base64.b64encode(self.pdf).decode() if self.pdf is not None else None,
        }, separators=(",", ":")).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> "CachedSchedule":
        """The inverse of `to_bytes`; ValueError/KeyError/TypeError on a foreign payload."""
        doc = json.loads(data)
        if doc.get("schema") != SCHEMA:
            raise ValueError(f"cache schema {doc.get('schema')!r} is not {SCHEMA}")
        return cls(
            fetched_at=datetime.fromisoformat(doc["fetched_at"]),
            source=str(doc["source"]),
            format=str(doc["format"]),
            appointments=tuple(Appointment.from_json(a) for a in doc["appointments"]),
            pdf=base64.b64decode(doc["pdf"]) if doc.get("pdf") is not None else None,
        )

    def in_zone(self, zone: tzinfo) -> "CachedSchedule":
        """The same schedule with every time shown in `zone` (the file keeps only UTC offsets)."""
        moved = tuple(replace(a, start=a.start.astimezone(zone), end=a.end.astimezone(zone))
                      for a in self.appointments)
        return CachedSchedule(self.fetched_at, self.source, self.format, moved, self.pdf)

    def is_stale(self, now: datetime, refresh_minutes: int) -> bool:
        """Stale after two missed refreshes."""
        return now - self.fetched_at > timedelta(minutes=2 * refresh_minutes)

"""What this kiosk last wrote to the cache: its generation and fetch time (`schedule/generation.json`, 0600).

The sealed cache carries both in its authenticated header. A `cache.bin` copied back from
an older card or backup opens with the key but has a lower generation (or an earlier fetch
time) than this record, so it is refused instead of being shown as the current schedule.
No PHI: two numbers.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from print_service.schedule.sealed import SealInfo
from print_service.storage import write_atomic

__all__ = ["GenerationRecord", "rollback_reason"]


@dataclass(frozen=True, slots=True)
class GenerationRecord:
    """The file holding the last `SealInfo` this kiosk wrote."""

    path: Path

    def last(self) -> SealInfo | None:
        """The last write's info, None before the first write of this layout (or when the file is unreadable)."""
        try:
            with self.path.open("rb") as handle:
                data = json.loads(handle.read(4096))
            return SealInfo(int(data["generation"]), int(data["fetched_at_ms"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def next_generation(self) -> int:
        """The generation the next write gets."""
        last = self.last()
        return 1 if last is None else last.generation + 1

    def save(self, info: SealInfo) -> None:
        """Remember `info` as the last write (after the cache file itself is in place)."""
        body = {"generation": info.generation, "fetched_at_ms": info.fetched_at_ms}
        write_atomic(self.path, json.dumps(body).encode(), mode=0o600)


def rollback_reason(found: SealInfo | None, last: SealInfo | None) -> str | None:
    """Why a cache with `found` is older than what this kiosk wrote (`last`), or None when it is not."""
    if last is None:
        return None
    if found is None:
        return "it is of the first layout, older than the copies this kiosk writes now"
    if found.generation < last.generation:
        return f"its generation {found.generation} is older than the last one this kiosk wrote ({last.generation})"
    if found.fetched_at_ms < last.fetched_at_ms:
        return "its fetch time is earlier than that of the last copy this kiosk wrote"
    return None

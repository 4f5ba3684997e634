"""A service the practice falls back on when ICANotes is down (`[[status.related]]`): DrFirst's web
login, the phone system, the clearinghouse. Probed like the EHR, shown beside the level, folded into
the guidance; it never changes the ICANotes level or the LED."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["RelatedResult", "RelatedService"]


@dataclass(frozen=True, slots=True)
class RelatedService:
    """One `[[status.related]]` entry: what to call it, what to probe, and its own status page if any."""

    name: str
    url: str
    page_url: str = ""
    provider: str = ""

    @property
    def is_prescribing(self) -> bool:
        """Whether this is DrFirst, the prescribing fallback the vendor's procedure names."""
        return "drfirst" in self.name.replace(" ", "").lower()


@dataclass(frozen=True, slots=True)
class RelatedResult:
    """What one poll saw of a related service: `up` is any HTTP answer below 500."""

    name: str
    up: bool
    http_status: int | None = None
    error: str | None = None
    elapsed_ms: int | None = None
    page_url: str = ""

    @property
    def words(self) -> str:
        """The side panel's line: "DrFirst: answering" or "DrFirst: not answering"."""
        return f"{self.name}: {'answering' if self.up else 'not answering'}"

    def to_json(self) -> dict[str, Any]:
        """`{name, up, http_status, error, elapsed_ms, page_url}` as state.json and `status --json` carry it."""
        return {"name": self.name, "up": self.up, "http_status": self.http_status, "error": self.error,
                "elapsed_ms": self.elapsed_ms, "page_url": self.page_url or None}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "RelatedResult":
        """Read back `to_json()` (ValueError when it is not one)."""
        name, up = data.get("name"), data.get("up")
        if not isinstance(name, str) or not isinstance(up, bool):
            raise ValueError(f"not a related-service result: {dict(data)!r}")
        status, elapsed = data.get("http_status"), data.get("elapsed_ms")
        return cls(name, up, status if isinstance(status, int) else None,
                   str(data["error"]) if data.get("error") else None,
                   elapsed if isinstance(elapsed, int) else None, str(data.get("page_url") or ""))

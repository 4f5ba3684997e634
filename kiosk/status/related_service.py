"""A service the practice falls back on when ICANotes is down (`[[status.related]]`): DrFirst's web
login, the phone system, the clearinghouse. Probed like the EHR, shown beside the level, folded into
the guidance; it never changes the ICANotes level or the LED."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["HEALTHY_PAGE", "RelatedResult", "RelatedService"]

HEALTHY_PAGE = ("UP", "none", "operational")


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
    page_status: str | None = None  # what its own status page says (UP, HASISSUES, minor …), when configured

    @property
    def words(self) -> str:
        """The side panel's line: "DrFirst: answering", "DrFirst: not answering", plus a troubled status page."""
        page = f" (its status page: {self.page_status})" if self.page_status not in (None, *HEALTHY_PAGE) else ""
        return f"{self.name}: {'answering' if self.up else 'not answering'}{page}"

    def to_json(self) -> dict[str, Any]:
        """`{name, up, http_status, error, elapsed_ms, page_url, page_status}` (state.json, `status --json`)."""
        return {"name": self.name, "up": self.up, "http_status": self.http_status, "error": self.error,
                "elapsed_ms": self.elapsed_ms, "page_url": self.page_url or None, "page_status": self.page_status}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "RelatedResult":
        """Read back `to_json()` (ValueError when it is not one)."""
        name, up = data.get("name"), data.get("up")
        if not isinstance(name, str) or not isinstance(up, bool):
            raise ValueError(f"not a related-service result: {dict(data)!r}")
        status, elapsed = data.get("http_status"), data.get("elapsed_ms")
        page_status = data.get("page_status")
        return cls(name, up, status if isinstance(status, int) else None,
                   str(data["error"]) if data.get("error") else None,
                   elapsed if isinstance(elapsed, int) else None, str(data.get("page_url") or ""),
                   page_status if isinstance(page_status, str) else None)

"""The `[status]` settings: what to probe, how often, and how sure to be before changing level."""

from dataclasses import dataclass

from kiosk.status.related_service import RelatedService

__all__ = [
    "DEFAULT_EHR_URL",
    "DEFAULT_INTERNET_URLS",
    "DEFAULT_PAGE_URL",
    "DEFAULT_UPLOAD_URL",
    "PROVIDERS",
    "StatusSettings",
]

DEFAULT_PAGE_URL = "https://icanotes.instatus.com"
DEFAULT_EHR_URL = "https://ehr.icanotes.com"
DEFAULT_UPLOAD_URL = "https://upload.icanotes.com"
DEFAULT_INTERNET_URLS = (
    "https://connectivitycheck.gstatic.com/generate_204",
    "https://www.cloudflare.com/cdn-cgi/trace",
)
PROVIDERS = ("auto", "instatus", "statuspage")


@dataclass(frozen=True, slots=True)
class StatusSettings:
    """How the engine watches ICANotes. Empty `ehr_url`/`upload_url` switch that probe off."""

    page_url: str = DEFAULT_PAGE_URL
    provider: str = "auto"
    ehr_url: str = DEFAULT_EHR_URL
    upload_url: str = DEFAULT_UPLOAD_URL
    internet_urls: tuple[str, ...] = DEFAULT_INTERNET_URLS
    timeout_seconds: float = 10.0
    poll_seconds: float = 60.0
    confirm_polls: int = 2
    confirm_seconds: float = 10.0
    watch_components: tuple[str, ...] = ()
    related: tuple[RelatedService, ...] = ()

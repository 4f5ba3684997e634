"""Every status-page provider the engine understands, in the order `provider = "auto"` tries them.

Adding a provider is one module defining `PROVIDER` and one line here.
"""

from kiosk.status.providers import instatus, statuspage
from kiosk.status.providers.provider import Provider

__all__ = ["PROVIDERS", "provider_names"]

PROVIDERS: tuple[Provider, ...] = (
    statuspage.PROVIDER,
    instatus.PROVIDER,
)


def provider_names(providers: tuple[Provider, ...] = PROVIDERS) -> tuple[str, ...]:
    """The `status.provider` values: "auto", then each provider's name in alphabetical order."""
    return ("auto", *sorted(provider.name for provider in providers))

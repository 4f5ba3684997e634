"""What a status-page provider is to the engine: the documents to fetch and how to read them into a PageReport."""

from collections.abc import Callable
from dataclasses import dataclass

from kiosk.status.report import PageReport

__all__ = ["DocumentSource", "Provider"]

DocumentSource = Callable[[str], object]
"""The decoded JSON document fetched from one of a provider's paths; raises PayloadError for a bad answer."""


@dataclass(frozen=True)
class Provider:
    """One provider: its `name` (the `status.provider` value), the `paths` fetched under `page_url`
    (the first is its main document), and `read`, which raises PayloadError when the page is not one of its.

    >>> PROVIDER = Provider("statuspage", ("api/v2/summary.json",), lambda get: parse_statuspage(get(...)))
    """

    name: str
    paths: tuple[str, ...]
    read: Callable[[DocumentSource], PageReport]

"""How a schedule source may be shown: a URL is a secret ("secret iCal address"), so only
its scheme and host ever reach output, logs or the watch state."""

from urllib.parse import urlsplit

__all__ = ["display_source"]


def display_source(source: str) -> str:
    """`https://calendar.example.org/private-abc/basic.ics` -> `https://calendar.example.org`; paths unchanged.

    >>> display_source("https://user:pw@cal.example.org:8443/x.ics?token=1")
    'https://cal.example.org:8443'
    """
    if "://" not in source:
        return source
    try:
        parts = urlsplit(source)
        host = parts.hostname or "?"
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "(unreadable URL)"
    if ":" in host:
        host = f"[{host}]"
    return f"{parts.scheme}://{host}{port}"

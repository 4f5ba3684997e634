"""Connecting to cupsd with pycups, and turning its failures into our errors.

libcups keeps the server in per-thread globals, so the server is set right before each
connection is opened, in the thread that uses it. Where: an explicit value, else the
standard `CUPS_SERVER` variable (host:port or a socket path), else the system default.
"""

import contextlib
import os
from collections.abc import Iterator

import cups

from print_service.errors import PrintServiceError, ServiceUnavailableError
from print_service.printing.words import CUPSD_DOWN

__all__ = ["connect", "cups_server", "translate_ipp_error"]

# IPP status codes that mean "the server went away or is overloaded".
_UNAVAILABLE = {0x0502, 0x0503}  # service-unavailable, internal device-unavailable
# forbidden, not-authenticated, not-authorized: the kiosk's user may not administer CUPS.
_NOT_ALLOWED = {0x0401, 0x0402, 0x0403}
NOT_ALLOWED = "The kiosk is not allowed to do this on the printer — call IT"


def cups_server(explicit: str | None) -> str | None:
    """The cupsd to use: `explicit`, else $CUPS_SERVER, else None (the system default)."""
    return explicit or os.environ.get("CUPS_SERVER") or None


def _split(server: str) -> tuple[str, int | None]:
    if server.startswith("/"):
        return server, None
    host, sep, port = server.rpartition(":")
    if sep and port.isdigit() and not host.endswith(":"):
        return host.strip("[]"), int(port)
    return server, None


def _no_password(_prompt: str) -> str:
    return ""  # never prompt on a terminal: the kiosk has no one to type a password


@contextlib.contextmanager
def connect(server: str | None) -> Iterator["cups.Connection"]:
    """A pycups connection to `server`; ServiceUnavailableError when cupsd cannot be reached."""
    cups.setPasswordCB(_no_password)
    if server:
        host, port = _split(server)
        cups.setServer(host)
        if port is not None:
            cups.setPort(port)
    where = server or "the system's cupsd"
    try:
        connection = cups.Connection()
    except RuntimeError:
        raise ServiceUnavailableError(f"cannot reach cupsd at {where} (is CUPS running?)",
                                      user_message=CUPSD_DOWN) from None
    try:
        yield connection
    except cups.HTTPError as exc:
        raise ServiceUnavailableError(f"cupsd at {where} stopped answering (HTTP {exc.args[0]})",
                                      user_message=CUPSD_DOWN) from None
    except cups.IPPError as exc:  # any request not translated where it was made
        raise translate_ipp_error(exc, f"answer a request at {where}") from None


def translate_ipp_error(exc: "cups.IPPError", doing: str) -> PrintServiceError:
    """Our error for a pycups IPPError raised while `doing` something."""
    status, text = (*exc.args, None, "")[:2]
    if status in _UNAVAILABLE:
        return ServiceUnavailableError(f"cupsd could not {doing}: {text}", user_message=CUPSD_DOWN)
    if status in _NOT_ALLOWED:
        return PrintServiceError(f"cupsd does not allow this user to {doing}: {text} (add the user to the "
                                 "lpadmin group)", user_message=NOT_ALLOWED)
    return PrintServiceError(f"cupsd refused to {doing}: {text} (IPP status {status:#06x})"
                             if isinstance(status, int) else f"cupsd refused to {doing}: {text}")

"""What staff must do at each level, in plain words, drawn from ICANotes' downtime procedure.

The procedure (ICANotes Servers Downtime Procedure): read-only documents and calendar
snapshots on the upload site; the schedule printed each evening; paper forms; a paper
prescription pad; DrFirst directly, whose changes do not sync and whose credentials come
only by phone from ICANotes Support.
"""

from urllib.parse import urlsplit

from kiosk.status.level import Level
from kiosk.status.settings import DEFAULT_UPLOAD_URL

__all__ = ["SUPPORT_PHONE", "guidance_for"]

SUPPORT_PHONE = "443-569-8778"

_PAPER = "Switch to paper: use the printed schedule and the paper downtime forms (press the button to print)."
_RX = ("Prescriptions: use the paper prescription pad, or log in to DrFirst directly. DrFirst changes do not sync: "
       "enter each medication change in ICANotes afterwards.")
_DRFIRST = f"DrFirst login details are given only by phone: ICANotes Support {SUPPORT_PHONE}."
_LATER = "Write down every visit, to enter in ICANotes afterwards."


def guidance_for(level: Level, upload_url: str = DEFAULT_UPLOAD_URL) -> tuple[str, ...]:
    """The checklist for `level`, most urgent first. `upload_url` names the read-only upload site."""
    upload = f"Read-only notes, reports and calendar snapshots: the upload site, {_host(upload_url)}."
    texts: dict[Level, tuple[str, ...]] = {
        Level.OPERATIONAL: (
            "ICANotes can be used as usual.",
            "Keep the printed schedule, paper forms and prescription pads where everyone can find them.",
        ),
        Level.MAINTENANCE: (
            "ICANotes may be read-only: you can open charts and notes but may not be able to save.",
            "Write new notes on the paper downtime forms and enter them in ICANotes afterwards.",
            upload,
            "Use the printed schedule for today's visits.",
        ),
        Level.DEGRADED: (
            "ICANotes is having problems: it may be slow, or some parts may not work. Save often.",
            "If something will not load or save, use the paper downtime forms and enter them later.",
            upload,
        ),
        Level.OUTAGE: (f"ICANotes is down. {_PAPER}", upload, _RX, _DRFIRST, _LATER),
        Level.REGIONAL_OUTAGE: (
            "ICANotes and its upload site are both down: plan for hours, not minutes.",
            _PAPER, _RX, _DRFIRST,
            f"For updates call ICANotes Support at {SUPPORT_PHONE}.",
            _LATER,
        ),
        Level.OFFLINE: (
            "This office's internet is down; ICANotes itself may be fine.",
            "Check the router and the modem: are their lights on? Switch them off for 30 seconds, then on.",
            "To keep working, connect one computer to a phone's hotspot.",
            f"Meanwhile: {_PAPER[0].lower()}{_PAPER[1:]}",
            "Prescriptions: use the paper prescription pad.",
            f"Call the internet provider. ICANotes Support: {SUPPORT_PHONE}.",
        ),
        Level.UNKNOWN: (
            "Checking whether ICANotes can be used…",
            "If in doubt, try to log in to ICANotes; if it fails, use the paper downtime forms.",
        ),
    }
    return texts[level]


def _host(url: str) -> str:
    return urlsplit(url or DEFAULT_UPLOAD_URL).netloc or url

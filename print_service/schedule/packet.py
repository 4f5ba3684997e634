"""The pre-filled packet: for each appointment of a day, a progress note with the visit written in.

The kind of note follows the provider's role (`[schedule.provider_roles]`): therapist,
prescriber or nurse; a provider with no role gets the therapist note, the most common
visit. The documents are made in memory and go straight to the printer (they hold PHI).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from typing import Protocol

from print_service.forms import Prefill
from print_service.schedule.model import Appointment

__all__ = ["DEFAULT_ROLE", "ROLE_FORMS", "PacketPage", "PrefillSource", "packet_pages"]

ROLE_FORMS = {"therapist": "therapist-note", "prescriber": "prescriber-note", "nurse": "nursing-note"}
DEFAULT_ROLE = "therapist"


class PrefillSource(Protocol):
    """What the packet needs from the form catalogue."""

    def render_prefilled(self, form_id: str, prefill: Prefill) -> bytes:
        """A progress note with the visit written in (PHI, in memory)."""
        ...


@dataclass(frozen=True, slots=True)
class PacketPage:
    """One pre-filled note: which form (the print job's kind) and its PDF bytes."""

    form_id: str
    document: bytes

    def __repr__(self) -> str:  # the bytes hold a patient's name
        return f"PacketPage({self.form_id!r}, <{len(self.document)} bytes>)"


def form_for(provider: str, roles: Mapping[str, str]) -> str:
    """The note for `provider`'s role (case and spacing of the name do not matter)."""
    wanted = " ".join(provider.split()).lower()
    for name, role in roles.items():
        if " ".join(name.split()).lower() == wanted:
            return ROLE_FORMS[role]
    return ROLE_FORMS[DEFAULT_ROLE]


def packet_pages(appointments: Sequence[Appointment], roles: Mapping[str, str], catalogue: PrefillSource,
                 zone: tzinfo) -> list[PacketPage]:
    """One pre-filled note per timed appointment, in order of start (all-day entries get none)."""
    pages = []
    for appointment in sorted((a for a in appointments if not a.all_day), key=lambda a: a.start):
        local = appointment.start.astimezone(zone)
        prefill = Prefill(patient=appointment.patient or appointment.title, date_of_service=local.date(),
                          time=local.time().replace(second=0, microsecond=0), provider=appointment.provider)
        form_id = form_for(appointment.provider, roles)
        pages.append(PacketPage(form_id, catalogue.render_prefilled(form_id, prefill)))
    return pages

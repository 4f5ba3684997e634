"""What the catalogue hands out: one entry per form, and the values a pre-filled note carries."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from print_service.forms.blocks import Block

__all__ = ["FormDefinition", "FormEntry", "FormKind", "Prefill"]

FormKind = Literal["note", "log", "card"]


@dataclass(frozen=True, slots=True)
class FormEntry:
    """One line of `forms list`: id, title, page count, and whether the practice supplied it."""

    id: str
    title: str
    pages: int
    source: Literal["builtin", "custom"]

    def to_json(self) -> dict[str, object]:
        """The `forms list --json` object."""
        return {"id": self.id, "title": self.title, "pages": self.pages, "source": self.source}


@dataclass(frozen=True, slots=True)
class Prefill:
    """What the schedule knows about one visit, written onto a progress note in memory only (PHI)."""

    patient: str
    date_of_service: dt.date
    time: dt.time | None = None
    provider: str = ""
    date_of_birth: dt.date | None = None

    def values(self) -> dict[str, str]:
        """Field key -> text to write; the keys match `Field.key` in the form definitions."""
        out = {"patient": self.patient, "date_of_service": self.date_of_service.strftime("%m/%d/%Y")}
        if self.time is not None:
            out["time"] = self.time.strftime("%I:%M %p").lstrip("0")
        if self.provider:
            out["provider"] = self.provider
        if self.date_of_birth is not None:
            out["dob"] = self.date_of_birth.strftime("%m/%d/%Y")
        return out

    def __repr__(self) -> str:  # keep names out of logs and tracebacks
        return "Prefill(<PHI hidden>)"


@dataclass(frozen=True, slots=True)
class FormDefinition:
    """A built-in form as pure data: what the renderer draws, page by page.

    `kind` decides the page furniture: notes and logs carry the downtime banner, the card
    does not. `every_page` is repeated at the top of each page (a note's two identifiers);
    `sign_off` sits at the foot of the last page.
    """

    id: str
    title: str
    kind: FormKind
    blocks: tuple[Block, ...]
    practice_name: str
    landscape: bool = False
    version: str = "1"
    every_page: tuple[Block, ...] = field(default=())
    sign_off: tuple[Block, ...] = field(default=())

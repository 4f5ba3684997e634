"""The settings the forms depend on: the practice, the paper, the addresses the card prints, custom PDFs.

`kiosk` builds these from `[practice]`, `[forms]`, `[printing].paper` and `[status]`;
`print_service` only reads them.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = [
    "DEFAULT_VENDOR_SUPPORT_PHONE",
    "PAPERS",
    "CustomForm",
    "FormsSettings",
    "Paper",
    "PracticeSettings",
    "ProcedureLinks",
]

Paper = Literal["letter", "a4"]
PAPERS: tuple[Paper, ...] = ("letter", "a4")
DEFAULT_VENDOR_SUPPORT_PHONE = "443-569-8778"  # ICANotes Support, from the vendor's downtime procedure


@dataclass(frozen=True, slots=True)
class PracticeSettings:
    """Who the forms belong to and whom to call; `name` = "" leaves a line to write the name on."""

    name: str = ""
    vendor_support_phone: str = DEFAULT_VENDOR_SUPPORT_PHONE
    it_contact: str = ""


@dataclass(frozen=True, slots=True)
class ProcedureLinks:
    """The addresses the procedure card prints (from `[status]`); "" means not watched."""

    status_page_url: str = "https://icanotes.instatus.com"
    ehr_url: str = "https://ehr.icanotes.com"
    upload_url: str = "https://upload.icanotes.com"


@dataclass(frozen=True, slots=True)
class CustomForm:
    """A practice's own PDF that replaces a built-in form or adds a new id.

    Checked when the config loads as a readable regular file with a PDF header; opened (pages, its
    own title) only when first listed or printed. `title` = "" means the PDF's own title, else one
    made from the id.
    """

    id: str
    path: Path
    title: str = ""


@dataclass(frozen=True, slots=True)
class FormsSettings:
    """`[forms]`: the practice's own PDFs, by form id."""

    custom: tuple[CustomForm, ...] = ()

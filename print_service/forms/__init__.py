"""Downtime forms: the built-in progress notes, logs and procedure card, the practice's own PDFs,
and a render cache so a press prints at once.

`print_service.forms` is pure data plus reportlab drawing; it never prints (see
`print_service.printing`) and never writes a pre-filled (PHI) form to disk. The package exports
only the pure names; the catalogue (reportlab) and custom PDFs (pypdf) are imported from their modules.
"""

from typing import TYPE_CHECKING

from print_service.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from print_service.forms.model import FormDefinition, FormEntry, Prefill
    from print_service.forms.settings import (
        DEFAULT_VENDOR_SUPPORT_PHONE,
        PAPERS,
        CustomForm,
        FormsSettings,
        Paper,
        PracticeSettings,
        ProcedureLinks,
    )

__all__ = [
    "DEFAULT_VENDOR_SUPPORT_PHONE",
    "PAPERS",
    "CustomForm",
    "FormDefinition",
    "FormEntry",
    "FormsSettings",
    "Paper",
    "PracticeSettings",
    "Prefill",
    "ProcedureLinks",
]

__getattr__ = lazy_exports(__name__, {
    "FormDefinition": "print_service.forms.model",
    "FormEntry": "print_service.forms.model",
    "Prefill": "print_service.forms.model",
    **dict.fromkeys(("DEFAULT_VENDOR_SUPPORT_PHONE", "PAPERS", "CustomForm", "FormsSettings", "Paper",
                     "PracticeSettings", "ProcedureLinks"), "print_service.forms.settings"),
})

"""Downtime forms: the built-in progress notes, logs and procedure card, the practice's own PDFs,
and a render cache so a press prints at once.

`print_service.forms` is pure data plus reportlab drawing; it never prints (see
`print_service.printing`) and never writes a pre-filled (PHI) form to disk.
"""

from print_service.forms.catalogue import FormCatalogue
from print_service.forms.custom import CustomFormError, inspect_custom_pdf
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
    "CustomFormError",
    "FormCatalogue",
    "FormDefinition",
    "FormEntry",
    "FormsSettings",
    "Paper",
    "PracticeSettings",
    "Prefill",
    "ProcedureLinks",
    "inspect_custom_pdf",
]

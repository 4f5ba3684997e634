"""Opening a practice's own PDF with pypdf: its pages and its own title, the first time it is listed or printed."""

import io
import logging
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from print_service.forms.custom import PDF_MAGIC, CustomFormError, read_capped, title_from_id
from print_service.forms.settings import CustomForm

__all__ = ["CustomPdf", "read_custom_pdf"]


@dataclass(frozen=True, slots=True)
class CustomPdf:
    """What the catalogue lists for a custom form: its title and how many pages it has."""

    title: str
    pages: int


def read_custom_pdf(form: CustomForm) -> CustomPdf:
    """Open `form`'s file; CustomFormError when it is gone, broken, password-protected or has no pages."""
    data = read_capped(form.path)
    if not data[:1024].lstrip().startswith(PDF_MAGIC):
        raise CustomFormError("not a PDF file (it does not start with %PDF-)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        locked = reader.is_encrypted and not reader.decrypt("")
        pages = 0 if locked else len(reader.pages)
        metadata = None if locked else reader.metadata
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise CustomFormError(f"not a readable PDF ({exc.__class__.__name__})") from None
    if locked:
        raise CustomFormError("the PDF is password-protected")
    if pages < 1:
        raise CustomFormError("the PDF has no pages")
    pdf_title = str(metadata.title).strip() if metadata is not None and metadata.title else ""
    return CustomPdf(form.title or pdf_title or title_from_id(form.id), pages)


logging.getLogger("pypdf").setLevel(logging.ERROR)  # a sloppy but usable PDF is not worth a warning per use

"""A practice's own PDF forms: checked once when the configuration loads, so a press never finds
a missing or broken file."""

import io
import logging
import os
import re
import stat
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from print_service.forms.settings import CustomForm

__all__ = ["FORM_ID_RE", "MAX_FORM_BYTES", "CustomFormError", "inspect_custom_pdf", "title_from_id"]

FORM_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,47}$")
PDF_MAGIC = b"%PDF-"
MAX_FORM_BYTES = 20 * 1024 * 1024


class CustomFormError(ValueError):
    """The file cannot serve as a form; the message says why in a few words (no path: the caller has it)."""


def title_from_id(form_id: str) -> str:
    """"intake-form" -> "Intake form", for a new id whose PDF has no title of its own."""
    return form_id.replace("-", " ").capitalize()


def inspect_custom_pdf(form_id: str, path: Path, fallback_title: str | None = None) -> CustomForm:
    """Check that `path` exists, can be read and really is a PDF with pages; raise CustomFormError if not."""
    data = _read_capped(path)
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
    title = fallback_title or pdf_title or title_from_id(form_id)
    return CustomForm(id=form_id, path=path, title=title, pages=pages)


def _read_capped(path: Path) -> bytes:
    """The whole file, if it is a regular file of at most MAX_FORM_BYTES (a FIFO or device would hang)."""
    try:
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC), "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise CustomFormError("is a folder, not a PDF file")
            if not stat.S_ISREG(info.st_mode):
                raise CustomFormError("is not a regular file (a device, FIFO or socket)")
            data = handle.read(MAX_FORM_BYTES + 1)
    except FileNotFoundError:
        raise CustomFormError("file not found") from None
    except PermissionError:
        raise CustomFormError("cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise CustomFormError("is a folder, not a PDF file") from None
    except OSError as exc:
        raise CustomFormError(f"cannot be read ({exc.strerror or exc.__class__.__name__})") from None
    if len(data) > MAX_FORM_BYTES:
        raise CustomFormError(f"larger than {MAX_FORM_BYTES // (1024 * 1024)} MB")
    return data


logging.getLogger("pypdf").setLevel(logging.ERROR)  # a sloppy but usable PDF is not worth a warning per load

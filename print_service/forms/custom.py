"""A practice's own PDF forms: checked cheaply when the configuration loads (a readable regular file of
at most MAX_FORM_BYTES that starts like a PDF), so a press never finds a missing file; opened with pypdf
only when first used (`custom_pdf`)."""

import os
import re
import stat
from pathlib import Path

from print_service.forms.settings import CustomForm

__all__ = ["FORM_ID_RE", "MAX_FORM_BYTES", "PDF_MAGIC", "CustomFormError", "check_custom_pdf", "read_capped",
           "title_from_id"]

FORM_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,47}$")
PDF_MAGIC = b"%PDF-"
MAX_FORM_BYTES = 20 * 1024 * 1024
MIN_PDF_BYTES = 64  # a header, one page object and a trailer cannot be shorter


class CustomFormError(ValueError):
    """The file cannot serve as a form; the message says why in a few words (no path: the caller has it)."""


def title_from_id(form_id: str) -> str:
    """"intake-form" -> "Intake form", for a new id whose PDF has no title of its own."""
    return form_id.replace("-", " ").capitalize()


def check_custom_pdf(form_id: str, path: Path, title: str | None = None) -> CustomForm:
    """Check that `path` is a readable regular file of a form's size that starts like a PDF.

    Raises CustomFormError; does not parse the PDF (pypdf would cost every process at load).
    """
    head, size = _open_checked(path, read=1024)
    if not head.lstrip().startswith(PDF_MAGIC):
        raise CustomFormError("not a PDF file (it does not start with %PDF-)")
    if size < MIN_PDF_BYTES:
        raise CustomFormError(f"not a readable PDF (only {size} bytes)")
    if size > MAX_FORM_BYTES:
        raise CustomFormError(f"larger than {MAX_FORM_BYTES // (1024 * 1024)} MB")
    return CustomForm(id=form_id, path=path, title=title or "")


def read_capped(path: Path) -> bytes:
    """The whole file, if it is a regular file of at most MAX_FORM_BYTES (a FIFO or device would hang)."""
    data, _ = _open_checked(path, read=MAX_FORM_BYTES + 1)
    if len(data) > MAX_FORM_BYTES:
        raise CustomFormError(f"larger than {MAX_FORM_BYTES // (1024 * 1024)} MB")
    return data


def _open_checked(path: Path, *, read: int) -> tuple[bytes, int]:
    try:
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC), "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise CustomFormError("is a folder, not a PDF file")
            if not stat.S_ISREG(info.st_mode):
                raise CustomFormError("is not a regular file (a device, FIFO or socket)")
            return handle.read(read), info.st_size
    except FileNotFoundError:
        raise CustomFormError("file not found") from None
    except PermissionError:
        raise CustomFormError("cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise CustomFormError("is a folder, not a PDF file") from None
    except OSError as exc:
        raise CustomFormError(f"cannot be read ({exc.strerror or exc.__class__.__name__})") from None

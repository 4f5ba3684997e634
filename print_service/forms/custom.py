"""A practice's own PDF forms: checked cheaply when the configuration loads (a readable regular file that
starts like a PDF and has a sane size), so a press never finds a missing file; opened with pypdf only
when first used (`custom_pdf`)."""

import os
import re
import stat
from pathlib import Path

from print_service.forms.settings import CustomForm

__all__ = ["FORM_ID_RE", "MAX_CUSTOM_PDF_BYTES", "PDF_MAGIC", "CustomFormError", "check_custom_pdf",
           "title_from_id"]

FORM_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,47}$")
PDF_MAGIC = b"%PDF-"
MIN_PDF_BYTES = 64  # a header, one page object and a trailer cannot be shorter
MAX_CUSTOM_PDF_BYTES = 64 * 1024 * 1024  # a blank form; anything bigger is the wrong file


class CustomFormError(ValueError):
    """The file cannot serve as a form; the message says why in a few words (no path: the caller has it)."""


def title_from_id(form_id: str) -> str:
    """"intake-form" -> "Intake form", for a new id whose PDF has no title of its own."""
    return form_id.replace("-", " ").capitalize()


def check_custom_pdf(form_id: str, path: Path, title: str | None = None) -> CustomForm:
    """Check that `path` is a readable regular file that starts like a PDF and is of a form's size.

    Raises CustomFormError; does not parse the PDF (pypdf would cost every process at load).
    """
    head, size = _read_head(path)
    if not head.lstrip().startswith(PDF_MAGIC):
        raise CustomFormError("not a PDF file (it does not start with %PDF-)")
    if size < MIN_PDF_BYTES:
        raise CustomFormError(f"not a readable PDF (only {size} bytes)")
    if size > MAX_CUSTOM_PDF_BYTES:
        raise CustomFormError(f"too large for a form ({size // (1024 * 1024)} MiB; at most "
                              f"{MAX_CUSTOM_PDF_BYTES // (1024 * 1024)} MiB)")
    return CustomForm(id=form_id, path=path, title=title or "")


def _read_head(path: Path) -> tuple[bytes, int]:
    try:
        mode = path.stat().st_mode  # before opening: opening a FIFO would wait for a writer
        if stat.S_ISDIR(mode):
            raise CustomFormError("is a folder, not a PDF file")
        if not stat.S_ISREG(mode):
            raise CustomFormError("not a regular file")
        with path.open("rb") as handle:
            return handle.read(1024), os.fstat(handle.fileno()).st_size
    except FileNotFoundError:
        raise CustomFormError("file not found") from None
    except PermissionError:
        raise CustomFormError("cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise CustomFormError("is a folder, not a PDF file") from None
    except OSError as exc:
        raise CustomFormError(f"cannot be read ({exc.strerror or exc.__class__.__name__})") from None

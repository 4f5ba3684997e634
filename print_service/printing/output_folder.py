"""Output-folder mode: "printing" writes the PDF to `printing.output_dir`; CUPS is not contacted.

That is how the demo prints on a machine without a printer. Documents with patient
details are refused: they may only go to a printer, never onto the disk.
"""

from pathlib import Path

from print_service.errors import PrintFailedError
from print_service.printing.model import SubmittedJob
from print_service.printing.titles import file_name_for
from print_service.storage import write_atomic

__all__ = ["write_to_folder"]


def write_to_folder(folder: Path, document: bytes | Path, *, title: str, copies: int,
                    contains_phi: bool) -> SubmittedJob:
    """Write one PDF named by the job title (form id and time) into `folder`."""
    if contains_phi:
        raise PrintFailedError(
            "documents with patient details are never written to printing.output_dir; set printing.printer",
            user_message="This document can only go to a printer — call IT")
    try:
        data = document if isinstance(document, bytes) else document.read_bytes()
        target = _free_name(folder, file_name_for(title))
        write_atomic(target, data, mode=0o644)
    except OSError as exc:
        raise PrintFailedError(f"cannot write to printing.output_dir {folder}: {exc.strerror or exc}",
                               user_message="The forms folder cannot be written — call IT") from None
    return SubmittedJob(id=target.name, title=title, queue=None, copies=copies, path=target)


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    number = 2
    while target.exists():
        target = folder / f"{Path(name).stem}-{number}.pdf"
        number += 1
    return target

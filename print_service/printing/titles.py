"""Print-job names: a form id and a time, nothing else, so no patient detail reaches CUPS.

Job names show up in `lpstat`, the CUPS web pages, the printer's own job log and our
file names. They are built from one fixed shape of `[A-Za-z0-9._-]` only: cupsd
2.4.2-3+deb12u10 (Debian 12's security update) crashes on a document name with a space,
and no printer, spool or file system has trouble with these characters.
"""

import re
from datetime import datetime

__all__ = ["check_title", "file_name_for", "job_title"]

_TITLE_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}_\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}$")
_SHAPE = "<form-id>_<YYYY-MM-DDTHH-MM-SS>"


def job_title(form_id: str, when: datetime) -> str:
    """The job and document name for printing `form_id` at `when`: "therapist-note_2026-11-25T20-31-05"."""
    return check_title(f"{form_id}_{when:%Y-%m-%dT%H-%M-%S}")


def check_title(title: str) -> str:
    """Refuse a name not of the shape `job_title` makes (a programming error, not user input)."""
    if not _TITLE_RE.match(title):
        raise ValueError(f"print-job names must be '{_SHAPE}', got {title!r}")
    return title


def file_name_for(title: str) -> str:
    """The output-folder file name for a job name: the same name plus ".pdf"."""
    return check_title(title) + ".pdf"

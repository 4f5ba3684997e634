"""Print-job titles: a form id and a time, nothing else, so no patient detail reaches CUPS.

Job titles show up in `lpstat`, the CUPS web pages, the printer's own job log and our
file names, so they are built from a fixed shape and checked before anything is sent.
"""

import re
from datetime import datetime

__all__ = ["check_title", "file_name_for", "job_title"]

_TITLE_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63} \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")


def job_title(form_id: str, when: datetime) -> str:
    """The title of a job printing `form_id` at `when`, e.g. "therapist-note 2026-11-25 20:31:05"."""
    return check_title(f"{form_id} {when:%Y-%m-%d %H:%M:%S}")


def check_title(title: str) -> str:
    """Refuse a title that is not "<id> <YYYY-MM-DD HH:MM:SS>" (a programming error, not user input)."""
    if not _TITLE_RE.match(title):
        raise ValueError(f"print-job titles must be '<form-id> <YYYY-MM-DD HH:MM:SS>', got {title!r}")
    return title


def file_name_for(title: str) -> str:
    """The PDF file name for a job title: "therapist-note_2026-11-25_20-31-05.pdf"."""
    return check_title(title).replace(" ", "_").replace(":", "-") + ".pdf"

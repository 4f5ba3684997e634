"""What printing hands back: a submitted job, how it ended, and how a queue is doing."""

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["JobOutcome", "QueueStatus", "SubmittedJob"]


@dataclass(frozen=True, slots=True)
class SubmittedJob:
    """A job cupsd accepted (`id` is the CUPS job id as text) or a PDF written to `path`.

    In output-folder mode `id` is the file name and `queue` is None.
    """

    id: str
    title: str
    queue: str | None
    copies: int = 1
    path: Path | None = None

    @property
    def cups_id(self) -> int | None:
        """The numeric CUPS job id, or None for a file."""
        return None if self.path is not None else int(self.id)

    @property
    def form_id(self) -> str:
        """The form id the title starts with (titles are "<form-id>_<time>", see `job_title`)."""
        return self.title.split("_", 1)[0]


@dataclass(frozen=True, slots=True)
class JobOutcome:
    """Where a job ended up, in plain words.

    `state` uses the screen's words: "completed", "failed", "cancelled", "queued" (cannot
    print now but stays in the queue and prints after Resume) or "printing" (still going
    when the wait ran out). `final` is False for a look at a job that is still going
    (`PrintService.job_status`): then "queued" means waiting its turn.
    """

    job: SubmittedJob
    state: str
    message: str
    final: bool = True

    @property
    def ok(self) -> bool:
        """Whether the job is on paper (or in the output folder)."""
        return self.state == "completed"

    @property
    def stays_queued(self) -> bool:
        """Whether the job is still in the queue and will print later."""
        return self.state in ("queued", "printing")


@dataclass(frozen=True, slots=True)
class QueueStatus:
    """One print queue as a receptionist should hear about it.

    `state` is "idle", "printing", "stopped", "unreachable" (cupsd is not running) or
    "file" (output-folder mode, no printer). `can_resume` says whether Resume would help.
    """

    name: str | None
    state: str
    message: str
    can_resume: bool = False
    accepting: bool = True
    reasons: tuple[str, ...] = field(default_factory=tuple)
    is_default: bool = False
    description: str = ""

    def to_json(self) -> dict[str, object]:
        """The `printers --json` object for this queue."""
        return {
            "queue": self.name,
            "state": self.state,
            "message": self.message,
            "can_resume": self.can_resume,
            "accepting": self.accepting,
            "reasons": list(self.reasons),
            "default": self.is_default,
            "description": self.description,
        }

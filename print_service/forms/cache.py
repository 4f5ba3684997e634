"""The render cache: one PDF per form and per everything it depends on, so a press prints at once.

The key hashes the form definition (which already holds the practice name, phone numbers and
addresses it prints), the paper, and the renderer's own source, so any change draws afresh and
no stale form is ever printed. Blank forms only: pre-filled notes never come here.
"""

import hashlib
import logging
import re
from functools import cache
from pathlib import Path

import reportlab

from print_service.storage import write_atomic

__all__ = ["RenderCache", "renderer_fingerprint"]

_log = logging.getLogger(__name__)
_KEY_RE = re.compile(r"[0-9a-f]{20}")


@cache
def renderer_fingerprint() -> str:
    """A hash of the form and renderer source files and reportlab's version."""
    digest = hashlib.sha256(reportlab.Version.encode())
    root = Path(__file__).parent
    for source in sorted(root.rglob("*.py")):
        digest.update(source.relative_to(root).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


class RenderCache:
    """PDF files in `folder`, named `<form id>-<key>.pdf`; older versions of a form are removed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def key(*parts: str) -> str:
        """A short, stable key for everything a rendered form depends on."""
        digest = hashlib.sha256(renderer_fingerprint().encode())
        for part in parts:
            digest.update(b"\0" + part.encode())
        return digest.hexdigest()[:20]

    def path(self, form_id: str, key: str) -> Path:
        """Where the form rendered under `key` lives (it may not exist yet)."""
        return self.folder / f"{form_id}-{key}.pdf"

    def get(self, form_id: str, key: str) -> Path | None:
        """The cached file, or None."""
        path = self.path(form_id, key)
        return path if path.is_file() else None

    def put(self, form_id: str, key: str, data: bytes) -> Path:
        """Store a rendered form atomically and drop its outdated versions."""
        path = self.path(form_id, key)
        write_atomic(path, data, mode=0o644)
        for old in self.folder.glob(f"{form_id}-*.pdf"):
            if old != path and _KEY_RE.fullmatch(old.stem[len(form_id) + 1:]):
                try:
                    old.unlink()
                except OSError as exc:
                    _log.warning("could not remove outdated cached form %s: %s", old.name, exc)
        return path

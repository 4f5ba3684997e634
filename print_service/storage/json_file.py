"""Reading one small JSON file that another process (or an earlier run) wrote: one object, or nothing."""

import json
from pathlib import Path
from typing import Any

__all__ = ["read_json_object"]


def read_json_object(path: Path) -> dict[str, Any] | None:
    """The JSON object in `path`; None when the file is absent, unreadable, not JSON or not an object.

    Callers that must tell "absent" from "damaged" (to log or set a file aside) check
    `path.exists()` themselves; none of them may crash on what they find.
    """
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None

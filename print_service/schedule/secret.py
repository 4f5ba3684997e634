"""The secret for a schedule URL: a systemd credential, else a file; never the TOML file.

Under systemd, `LoadCredential=schedule.secret:/etc/downtime-kiosk/schedule.secret` puts it
in `$CREDENTIALS_DIRECTORY`; outside systemd `schedule.secret_file` names the file.
"""

import os
from collections.abc import Mapping
from pathlib import Path

from print_service.errors import ScheduleError

__all__ = ["CREDENTIAL_NAME", "read_secret"]

CREDENTIAL_NAME = "schedule.secret"


def read_secret(secret_file: Path | None, env: Mapping[str, str] | None = None) -> str:
    """The secret text (stripped); ScheduleError naming where it was looked for when absent."""
    environ = os.environ if env is None else env
    places: list[Path] = []
    if environ.get("CREDENTIALS_DIRECTORY"):
        places.append(Path(environ["CREDENTIALS_DIRECTORY"]) / CREDENTIAL_NAME)
    if secret_file is not None:
        places.append(secret_file)
    for place in places:
        try:
            text = place.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            continue
        except (OSError, UnicodeDecodeError) as exc:
            raise ScheduleError(f"schedule secret {place}: cannot be read ({type(exc).__name__})") from None
        if text:
            return text
        raise ScheduleError(f"schedule secret {place}: the file is empty")
    where = " or ".join(str(p) for p in places) or "nowhere (set schedule.secret_file or the systemd credential)"
    raise ScheduleError(f"schedule.auth needs a secret: none found in {where}")

"""Getting the schedule's raw bytes: an http(s) URL, a local file, or the newest file in a folder.

This is the I/O edge of the schedule. It enforces the size cap while reading (a 50 MB file
never sits in memory whole) and turns every failure into one line that names the source
as scheme and host only (`redact.display_source`), never the secret path of the URL.
"""

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import httpx

from print_service.errors import ScheduleError, ServiceUnavailableError
from print_service.schedule.redact import display_source
from print_service.schedule.secret import read_secret
from print_service.schedule.settings import ScheduleSettings

__all__ = ["Document", "fetch_document"]

_log = logging.getLogger(__name__)


class _RedactUrls(logging.Filter):
    """httpx logs every request's full URL at INFO; a secret iCal address must not reach the journal."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(display_source(str(a)) if isinstance(a, httpx.URL) else a for a in record.args)
        return True


if not any(isinstance(f, _RedactUrls) for f in logging.getLogger("httpx").filters):
    logging.getLogger("httpx").addFilter(_RedactUrls())

_SKIPPED_SUFFIXES = (".tmp", ".part", ".partial", ".crdownload", "~")


@dataclass(frozen=True, slots=True)
class Document:
    """What a source delivered: the bytes, the content type if any, and the name's suffix (".ics")."""

    data: bytes
    origin: str
    content_type: str = ""
    suffix: str = ""


def fetch_document(settings: ScheduleSettings, env: Mapping[str, str] | None = None) -> Document:
    """Fetch the configured source; ScheduleError (or ServiceUnavailableError) on any failure."""
    if not settings.source:
        raise ScheduleError("no schedule source configured (set schedule.source)")
    if settings.is_url:
        return _fetch_url(settings, env)
    path = Path(settings.source)
    if path.is_dir():
        return _read_file(_newest_file(path), settings.max_bytes)
    return _read_file(path, settings.max_bytes)


# -- URLs ---------------------------------------------------------------------------------------
def _auth_headers(settings: ScheduleSettings,
                  env: Mapping[str, str] | None) -> tuple[httpx.BasicAuth | None, dict[str, str]]:
    if settings.auth == "none":
        return None, {}
    secret = read_secret(settings.secret_file, env)
    if settings.auth == "bearer":
        return None, {"Authorization": f"Bearer {secret}"}
    user, sep, password = secret.partition(":")
    if not sep:
        raise ScheduleError('schedule.auth = "basic" needs the secret as "user:password"')
    return httpx.BasicAuth(user, password), {}


def _fetch_url(settings: ScheduleSettings, env: Mapping[str, str] | None) -> Document:
    shown = display_source(settings.source)
    auth, headers = _auth_headers(settings, env)
    headers["Accept"] = "text/calendar, text/csv, application/pdf;q=0.9, */*;q=0.5"
    timeout = httpx.Timeout(settings.timeout_seconds)
    try:
        with httpx.Client(timeout=timeout, follow_redirects=True, auth=auth, headers=headers) as client, \
                client.stream("GET", settings.source) as response:
            _check_status(shown, response.status_code)
            _check_declared_length(shown, response, settings.max_bytes)
            data = _read_capped(shown, response, settings.max_bytes)
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    except httpx.TimeoutException:
        raise ServiceUnavailableError(
            f"schedule source {shown}: no answer within {settings.timeout_seconds:g} s",
            user_message="The schedule server did not answer in time.") from None
    except httpx.HTTPError as exc:
        raise ServiceUnavailableError(
            f"schedule source {shown}: cannot be reached ({type(exc).__name__})",
            user_message="The schedule server cannot be reached.") from None
    suffix = PurePosixPath(urlsplit(settings.source).path).suffix.lower()
    _log.info("fetched %d bytes from %s", len(data), shown)
    return Document(data, shown, content_type, suffix)


def _check_status(shown: str, status: int) -> None:
    if status in (401, 403):
        raise ScheduleError(f"schedule source {shown}: access refused (HTTP {status}); "
                            "check schedule.auth and the secret")
    if status == 404:
        raise ScheduleError(f"schedule source {shown}: not found (HTTP 404); the calendar address may have changed")
    if status >= 500:
        raise ServiceUnavailableError(f"schedule source {shown}: server error (HTTP {status})",
                                      user_message="The schedule server has a problem.")
    if not 200 <= status < 300:
        raise ScheduleError(f"schedule source {shown}: unexpected answer HTTP {status}")


def _check_declared_length(shown: str, response: httpx.Response, cap: int) -> None:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise ScheduleError(f"schedule source {shown}: {_megabytes(int(declared))} is larger than the "
                            f"limit of {_megabytes(cap)} (schedule.max_megabytes)")


def _read_capped(shown: str, response: httpx.Response, cap: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > cap:
            raise ScheduleError(f"schedule source {shown}: larger than the limit of {_megabytes(cap)} "
                                "(schedule.max_megabytes)")
        chunks.append(chunk)
    return b"".join(chunks)


# -- files and folders --------------------------------------------------------------------------
def _newest_file(folder: Path) -> Path:
    candidates = [
        entry for entry in folder.iterdir()
        if not entry.name.startswith(".") and not entry.name.endswith(_SKIPPED_SUFFIXES) and entry.is_file()
    ]
    if not candidates:
        raise ScheduleError(f"schedule source {folder}: the folder has no schedule file in it")
    return max(candidates, key=lambda entry: (entry.stat().st_mtime_ns, entry.name))


def _read_file(path: Path, cap: int) -> Document:
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > cap:
                raise ScheduleError(f"schedule source {path}: {_megabytes(size)} is larger than the limit of "
                                    f"{_megabytes(cap)} (schedule.max_megabytes)")
            data = handle.read(cap + 1)
    except FileNotFoundError:
        raise ScheduleError(f"schedule source {path}: not found (is the share mounted or the USB stick in?)") \
            from None
    except PermissionError:
        raise ScheduleError(f"schedule source {path}: cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise ScheduleError(f"schedule source {path}: is a folder") from None
    if len(data) > cap:
        raise ScheduleError(f"schedule source {path}: larger than the limit of {_megabytes(cap)}")
    return Document(data, str(path), "", path.suffix.lower())


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"

"""The schedule cache's key: a systemd credential, else a key file made on first use.

Safe harbour wants the key kept apart from the data: under systemd,
`LoadCredential=schedule.key:…` (or `LoadCredentialEncrypted=`) puts it in
`$CREDENTIALS_DIRECTORY`; otherwise `paths.key_file` (outside `paths.state_dir`) is created
with mode 0600 in a 0700 folder, atomically, the first time it is needed, and its modes are
checked on every load (fixed, or the key refused).
"""

import base64
import contextlib
import logging
import os
import secrets
import stat
from collections.abc import Mapping
from pathlib import Path

from print_service.errors import ScheduleError

__all__ = ["CREDENTIAL_NAME", "KEY_BYTES", "check_key_modes", "load_key", "load_or_create_key"]

_log = logging.getLogger(__name__)

CREDENTIAL_NAME = "schedule.key"
KEY_BYTES = 32


def load_key(key_file: Path, env: Mapping[str, str] | None = None) -> bytes | None:
    """The key if one exists (credential first, then the file), else None."""
    environ = os.environ if env is None else env
    if environ.get("CREDENTIALS_DIRECTORY"):
        credential = Path(environ["CREDENTIALS_DIRECTORY"]) / CREDENTIAL_NAME
        if credential.exists():
            return _decode(credential)
    if not key_file.exists() and not key_file.is_symlink():
        return None
    check_key_modes(key_file)
    return _decode(key_file)


def check_key_modes(key_file: Path) -> None:
    """The key file must be a regular file of mode 0600, its folder not writable by others.

    A looser mode is fixed when this user owns the file (or a folder that holds nothing but
    the key); otherwise the key is refused with one line saying what to fix.
    """
    try:
        info = os.lstat(key_file)
        folder = os.stat(key_file.parent)
    except OSError as exc:
        raise ScheduleError(f"schedule key {key_file}: cannot be checked ({type(exc).__name__})") from None
    if not stat.S_ISREG(info.st_mode):
        raise ScheduleError(f"schedule key {key_file}: expected a regular file (not a link or a device)")
    if folder.st_mode & 0o022:
        raise ScheduleError(f"schedule key {key_file}: its folder may be written by others "
                            f"(mode {stat.S_IMODE(folder.st_mode):04o}); expected 0700")
    if folder.st_mode & 0o077 and folder.st_uid == os.geteuid() and _holds_only_keys(key_file.parent, key_file):
        _fix(key_file.parent, 0o700, "its folder")
    if info.st_mode & 0o077:
        if info.st_uid != os.geteuid():
            raise ScheduleError(f"schedule key {key_file}: readable by others (mode "
                                f"{stat.S_IMODE(info.st_mode):04o}); expected 0600")
        _fix(key_file, 0o600, "the file")


def _holds_only_keys(folder: Path, key_file: Path) -> bool:
    try:
        return all(entry.name == key_file.name or entry.name.startswith(f".{key_file.name}.")
                   for entry in folder.iterdir())
    except OSError:
        return False


def _fix(path: Path, mode: int, what: str) -> None:
    try:
        os.chmod(path, mode)
    except OSError:
        raise ScheduleError(f"schedule key {path}: {what} has a loose mode and cannot be set to "
                            f"{mode:04o}") from None
    _log.warning("schedule key: set %s %s to %04o", what, path, mode)


def load_or_create_key(key_file: Path, env: Mapping[str, str] | None = None) -> bytes:
    """The key, creating `key_file` (0600, folder 0700) when there is none yet."""
    key = load_key(key_file, env)
    if key is not None:
        return key
    _create(key_file)
    return _decode(key_file)


def _decode(path: Path) -> bytes:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ScheduleError(f"schedule key {path}: cannot be read ({type(exc).__name__})") from None
    if len(raw) == KEY_BYTES:
        return raw
    with contextlib.suppress(ValueError):
        decoded = base64.b64decode(raw.strip(), validate=True)
        if len(decoded) == KEY_BYTES:
            return decoded
    raise ScheduleError(f"schedule key {path}: expected {KEY_BYTES} bytes, raw or base64 "
                        "(make one with: head -c 32 /dev/urandom | base64)")


def _create(key_file: Path) -> None:
    folder = key_file.parent
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = folder / f".{key_file.name}.{secrets.token_hex(4)}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, base64.b64encode(secrets.token_bytes(KEY_BYTES)) + b"\n")
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, key_file)  # never replaces a key another process made meanwhile
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
        dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError as exc:
        raise ScheduleError(f"schedule key {key_file}: cannot be created ({type(exc).__name__})") from None

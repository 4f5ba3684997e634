"""The PIN that guards the schedule: a salted scrypt hash, attempts, lock-out and auto-lock.

No Kivy; the clocks are injected. The PIN itself is never stored; `ui.pin_hash` (or the
credential `ui.pin_hash`, which the setup makes from it: /etc/downtime-kiosk/pin.hash)
holds `scrypt$<n>$<r>$<p>$<salt b64>$<hash b64>$v2`. `$v2` marks a hash made under the
rule of at least six digits; an older hash (no `$v2`, maybe of four digits) still works,
with a warning. The PIN guards the wall, not the card: whoever holds the card holds the
cache's key too. scrypt costs 16 MiB (n = 2^14, r = 8, about 0.1 s here); a hash asking for
more than 32 MiB is refused, so a hash on the card cannot make the 512 MB Pi swap (figures:
bench/pin_cost.py).

Five wrong PINs lock the pad for five minutes; every further wrong PIN before a right one
doubles the lock-out (up to a day). The count and the lock-out are kept in the state dir
(`PinLockoutStore`), so restarting the screen or pulling the plug does not reset them.
"""

import base64
import hashlib
import hmac
import json
import os
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from print_service.storage import write_atomic

__all__ = [
    "CREDENTIAL_NAME",
    "LOCKOUT_SECONDS",
    "MAX_ATTEMPTS",
    "MAX_LOCKOUT_SECONDS",
    "MAX_SCRYPT_BYTES",
    "MIN_DIGITS",
    "PinAnswer",
    "PinGate",
    "PinLockoutStore",
    "PinResult",
    "configured_pin_hash",
    "hash_pin",
    "is_pin_hash",
    "pin_warning",
    "valid_pin",
    "verify_pin",
]

MAX_ATTEMPTS = 5
LOCKOUT_SECONDS = 300.0
MAX_LOCKOUT_SECONDS = 86400.0
MIN_DIGITS = 6
CREDENTIAL_NAME = "ui.pin_hash"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # 128 * r * n = 16 MiB
MAX_SCRYPT_BYTES = 32 * 1024 * 1024  # the most a hash may ask for (128 * r * n)
_MAX_MEMORY = MAX_SCRYPT_BYTES + 1024 * 1024  # hashlib's maxmem: the work area plus a little
_HASH_RE = re.compile(r"^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)(\$v2)?$")
_PIN_RE = re.compile(rf"^\d{{{MIN_DIGITS},12}}$")


def valid_pin(pin: str) -> bool:
    """A new PIN is 6 to 12 digits (the pad has only digits)."""
    return bool(_PIN_RE.match(pin))


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """The `ui.pin_hash` value for `pin`, with a fresh random salt."""
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32,
                            maxmem=_MAX_MEMORY)
    return (f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${base64.b64encode(salt).decode()}$"
            f"{base64.b64encode(digest).decode()}$v2")


def pin_warning(encoded: str) -> str | None:
    """What `config check` and the Info screen say about a hash made before PINs needed six digits."""
    match = _HASH_RE.match(encoded)
    if match is None or match.group(6):
        return None
    return (f"ui.pin_hash was made before PINs needed {MIN_DIGITS} digits and may be shorter: "
            "set a new PIN with `downtime-kiosk ui --set-pin`")


def configured_pin_hash(configured: str, env: Mapping[str, str] | None = None) -> str:
    """The hash the screen checks: the `ui.pin_hash` credential (the setup's pin.hash) first, else the config's."""
    environ = os.environ if env is None else env
    folder = environ.get("CREDENTIALS_DIRECTORY")
    if folder:
        try:
            found = (Path(folder) / CREDENTIAL_NAME).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            found = ""
        if found and is_pin_hash(found):
            return found
    return configured


def _decode(encoded: str) -> tuple[int, int, int, bytes, bytes] | None:
    match = _HASH_RE.match(encoded)
    if not match:
        return None
    n, r, p = (int(match.group(i)) for i in (1, 2, 3))
    try:
        salt = base64.b64decode(match.group(4), validate=True)
        expected = base64.b64decode(match.group(5), validate=True)
    except ValueError:
        return None
    sane = n > 1 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16 and 128 * r * n <= MAX_SCRYPT_BYTES
    return (n, r, p, salt, expected) if sane and len(salt) >= 8 and len(expected) >= 16 else None


def is_pin_hash(value: str) -> bool:
    """Whether `value` is a hash `hash_pin` could have produced."""
    return _decode(value) is not None


def verify_pin(pin: str, encoded: str) -> bool:
    """Whether `pin` matches `encoded` (constant-time; False for a malformed hash)."""
    decoded = _decode(encoded)
    if decoded is None:
        return False
    n, r, p, salt, expected = decoded
    try:
        digest = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=len(expected),
                                maxmem=_MAX_MEMORY)
    except ValueError:
        return False
    return hmac.compare_digest(digest, expected)


class PinAnswer(Enum):
    """What happened to one PIN entry."""

    UNLOCKED = "unlocked"
    WRONG = "wrong"
    LOCKED_OUT = "locked_out"
    NO_PIN_SET = "no_pin_set"


@dataclass(frozen=True)
class PinResult:
    """The answer, the tries left before lock-out, and the seconds of lock-out left."""

    answer: PinAnswer
    tries_left: int = MAX_ATTEMPTS
    wait_seconds: float = 0.0


class PinLockoutStore:
    """Wrong tries and the lock-out, kept across restarts and power cuts (`state_dir/pin-lockout.json`, 0600)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> dict[str, float]:
        """{"wrong", "lockouts", "until", "seconds"}; zeros when there is no readable record."""
        try:
            with self.path.open("rb") as handle:
                data = json.loads(handle.read(4096))
            return {key: float(data.get(key, 0)) for key in ("wrong", "lockouts", "until", "seconds")}
        except (OSError, ValueError, TypeError, AttributeError):
            return {"wrong": 0.0, "lockouts": 0.0, "until": 0.0, "seconds": 0.0}

    def save(self, record: Mapping[str, float]) -> None:
        """Write the record atomically."""
        write_atomic(self.path, json.dumps(dict(record)).encode(), mode=0o600)


class PinGate:
    """Unlocks the schedule for `lock_seconds` after the last touch; five wrong PINs lock it out.

    `clock` (monotonic) times the unlocked spell; `wall` (epoch seconds, default `clock`) the
    lock-out, which `store` keeps across restarts. A wall clock set back (the Pi has no real-time clock) never
    makes a lock-out longer than it was given.

    >>> gate = PinGate(hash_pin("246810"), lock_seconds=60, clock=fake.monotonic)
    >>> gate.enter("246810").answer
    <PinAnswer.UNLOCKED: 'unlocked'>
    """

    def __init__(self, pin_hash: str, *, lock_seconds: float, clock: Callable[[], float] = time.monotonic,
                 max_attempts: int = MAX_ATTEMPTS, lockout_seconds: float = LOCKOUT_SECONDS,
                 store: PinLockoutStore | None = None, wall: Callable[[], float] | None = None) -> None:
        self._hash = pin_hash
        self._lock_seconds = lock_seconds
        self._clock = clock
        self._wall = wall or clock
        self._max = max_attempts
        self._lockout = lockout_seconds
        self._store = store
        record = store.load() if store is not None else {}
        self._wrong = int(record.get("wrong", 0))
        self._lockouts = int(record.get("lockouts", 0))
        self._locked_out_until = record.get("until", 0.0)
        self._locked_out_for = record.get("seconds", 0.0)
        self._unlocked_until = 0.0

    @property
    def has_pin(self) -> bool:
        """Whether a PIN is configured at all."""
        return is_pin_hash(self._hash)

    @property
    def unlocked(self) -> bool:
        """True until `lock_seconds` pass without a `touch()`."""
        return self._clock() < self._unlocked_until

    def lockout_left(self) -> float:
        """Seconds until PINs are accepted again (0 when they are)."""
        return min(self._locked_out_for, max(0.0, self._locked_out_until - self._wall()))

    def enter(self, pin: str) -> PinResult:
        """Check one PIN entry."""
        if not self.has_pin:
            return PinResult(PinAnswer.NO_PIN_SET)
        wait = self.lockout_left()
        if wait > 0:
            return PinResult(PinAnswer.LOCKED_OUT, 0, wait)
        if verify_pin(pin, self._hash):
            self._wrong = self._lockouts = 0
            self._locked_out_until = self._locked_out_for = 0.0
            self._save()
            self._unlocked_until = self._clock() + self._lock_seconds
            return PinResult(PinAnswer.UNLOCKED)
        self._wrong += 1
        if self._wrong >= self._max or self._lockouts > 0:  # after one lock-out, each wrong PIN locks again
            seconds = min(MAX_LOCKOUT_SECONDS, self._lockout * 2 ** self._lockouts)
            self._wrong = 0
            self._lockouts += 1
            self._locked_out_for = seconds
            self._locked_out_until = self._wall() + seconds
            self._save()
            return PinResult(PinAnswer.LOCKED_OUT, 0, seconds)
        self._save()
        return PinResult(PinAnswer.WRONG, self._max - self._wrong)

    def touch(self) -> None:
        """Someone used the unlocked screen: keep it open another `lock_seconds`."""
        if self.unlocked:
            self._unlocked_until = self._clock() + self._lock_seconds

    def lock(self) -> None:
        """Lock now (the Lock button, leaving the screen)."""
        self._unlocked_until = 0.0

    def _save(self) -> None:
        if self._store is not None:
            self._store.save({"wrong": self._wrong, "lockouts": self._lockouts, "until": self._locked_out_until,
                              "seconds": self._locked_out_for})

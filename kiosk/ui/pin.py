"""The PIN that guards the schedule: a salted scrypt hash, attempts, lock-out and auto-lock.

Pure: no Kivy, the clock is injected. The PIN itself is never stored; `ui.pin_hash` holds
`scrypt$<n>$<r>$<p>$<salt b64>$<hash b64>`.
"""

import base64
import hashlib
import hmac
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

__all__ = [
    "LOCKOUT_SECONDS",
    "MAX_ATTEMPTS",
    "PinAnswer",
    "PinGate",
    "PinResult",
    "hash_pin",
    "is_pin_hash",
    "valid_pin",
    "verify_pin",
]

MAX_ATTEMPTS = 5
LOCKOUT_SECONDS = 300.0
_N, _R, _P = 2**14, 8, 1
_HASH_RE = re.compile(r"^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$")
_PIN_RE = re.compile(r"^\d{4,12}$")


def valid_pin(pin: str) -> bool:
    """A PIN is 4 to 12 digits (the pad has only digits)."""
    return bool(_PIN_RE.match(pin))


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """The `ui.pin_hash` value for `pin`, with a fresh random salt."""
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


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
    sane = n > 1 and n & (n - 1) == 0 and n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16
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
                                maxmem=256 * 1024 * 1024)
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


class PinGate:
    """Unlocks the schedule for `lock_seconds` after the last touch; five wrong PINs lock it out.

    >>> gate = PinGate(hash_pin("2468"), lock_seconds=60, clock=fake.monotonic)
    >>> gate.enter("2468").answer
    <PinAnswer.UNLOCKED: 'unlocked'>
    """

    def __init__(self, pin_hash: str, *, lock_seconds: float, clock: Callable[[], float] = time.monotonic,
                 max_attempts: int = MAX_ATTEMPTS, lockout_seconds: float = LOCKOUT_SECONDS) -> None:
        self._hash = pin_hash
        self._lock_seconds = lock_seconds
        self._clock = clock
        self._max = max_attempts
        self._lockout = lockout_seconds
        self._wrong = 0
        self._locked_out_until = 0.0
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
        return max(0.0, self._locked_out_until - self._clock())

    def enter(self, pin: str) -> PinResult:
        """Check one PIN entry."""
        if not self.has_pin:
            return PinResult(PinAnswer.NO_PIN_SET)
        wait = self.lockout_left()
        if wait > 0:
            return PinResult(PinAnswer.LOCKED_OUT, 0, wait)
        if verify_pin(pin, self._hash):
            self._wrong = 0
            self._unlocked_until = self._clock() + self._lock_seconds
            return PinResult(PinAnswer.UNLOCKED)
        self._wrong += 1
        if self._wrong >= self._max:
            self._wrong = 0
            self._locked_out_until = self._clock() + self._lockout
            return PinResult(PinAnswer.LOCKED_OUT, 0, self._lockout)
        return PinResult(PinAnswer.WRONG, self._max - self._wrong)

    def touch(self) -> None:
        """Someone used the unlocked screen: keep it open another `lock_seconds`."""
        if self.unlocked:
            self._unlocked_until = self._clock() + self._lock_seconds

    def lock(self) -> None:
        """Lock now (the Lock button, leaving the screen)."""
        self._unlocked_until = 0.0

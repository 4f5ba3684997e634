"""The PIN: a salted scrypt hash (never the PIN), auto-lock, and five wrong tries locking for five minutes,
doubling after each further wrong try, kept across restarts; six digits for new PINs."""

import base64
import hashlib
from pathlib import Path

from kiosk.ui.pin import (
    LOCKOUT_SECONDS,
    MAX_SCRYPT_BYTES,
    SCRYPT_N,
    SCRYPT_R,
    PinAnswer,
    PinGate,
    PinLockoutStore,
    configured_pin_hash,
    hash_pin,
    is_pin_hash,
    pin_warning,
    valid_pin,
    verify_pin,
)
from tests.ui.states import FakeClock

HASH = hash_pin("2468")


def test_hash_is_salted_and_verifies() -> None:
    other = hash_pin("2468")
    assert other != HASH and is_pin_hash(HASH)
    assert "2468" not in HASH
    assert verify_pin("2468", HASH) and verify_pin("2468", other)
    assert not verify_pin("2469", HASH)
    assert not verify_pin("2468", "scrypt$1$2$3$bad$bad")


def test_new_pins_are_six_to_twelve_digits() -> None:
    assert valid_pin("000000") and valid_pin("123456789012")
    assert not valid_pin("2468") and not valid_pin("12345") and not valid_pin("12a456")
    assert not valid_pin("1234567890123")


def _old_hash(pin: str) -> str:
    """A hash as the first version made it (n = 2^14, no $v2): a four-digit PIN was allowed then."""
    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt${2**14}$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def test_an_old_short_pin_still_works_with_a_warning() -> None:
    old = _old_hash("2468")
    assert is_pin_hash(old) and verify_pin("2468", old)
    warning = pin_warning(old)
    assert warning is not None and "before PINs needed 6 digits" in warning and "--set-pin" in warning
    assert pin_warning(HASH) is None


def test_the_scrypt_cost_fits_a_512_mb_pi() -> None:
    assert 128 * SCRYPT_R * SCRYPT_N <= MAX_SCRYPT_BYTES == 32 * 1024 * 1024
    assert HASH.startswith(f"scrypt${SCRYPT_N}${SCRYPT_R}$1$") and HASH.endswith("$v2")
    at_cap = HASH.replace(f"scrypt${SCRYPT_N}$", f"scrypt${SCRYPT_N * 2}$")
    assert is_pin_hash(at_cap)
    dearer = HASH.replace(f"scrypt${SCRYPT_N}$", f"scrypt${SCRYPT_N * 4}$")
    assert not is_pin_hash(dearer) and not verify_pin("2468", dearer)  # a hash may not ask for 64 MiB


def test_lockout_doubles_after_each_further_wrong_pin() -> None:
    clock = FakeClock()
    gate = PinGate(HASH, lock_seconds=60, clock=clock.mono)
    for _ in range(5):
        gate.enter("1111")
    waits = []
    for _ in range(3):
        clock.mono_seconds += gate.lockout_left()
        result = gate.enter("1111")
        assert result.answer is PinAnswer.LOCKED_OUT
        waits.append(result.wait_seconds)
    assert waits == [2 * LOCKOUT_SECONDS, 4 * LOCKOUT_SECONDS, 8 * LOCKOUT_SECONDS]
    clock.mono_seconds += gate.lockout_left()
    assert gate.enter("2468").answer is PinAnswer.UNLOCKED
    assert [gate.enter("1111").answer for _ in range(5)][-1] is PinAnswer.LOCKED_OUT  # back to five tries


def test_lockout_survives_a_restart_and_a_clock_set_back(tmp_path: Path) -> None:
    wall = [1_800_000_000.0]
    store = PinLockoutStore(tmp_path / "state" / "pin-lockout.json")
    gate = PinGate(HASH, lock_seconds=60, store=store, wall=lambda: wall[0])
    for _ in range(4):
        gate.enter("1111")
    restarted = PinGate(HASH, lock_seconds=60, store=store, wall=lambda: wall[0])  # power cut: 4 tries remain
    assert restarted.enter("1111").answer is PinAnswer.LOCKED_OUT
    assert store.path.stat().st_mode & 0o777 == 0o600
    again = PinGate(HASH, lock_seconds=60, store=store, wall=lambda: wall[0])
    assert again.enter("2468").answer is PinAnswer.LOCKED_OUT
    wall[0] -= 86400 * 365  # the clock came up a year behind: still no longer than the five minutes given
    assert again.lockout_left() == LOCKOUT_SECONDS
    wall[0] += 86400 * 365 + LOCKOUT_SECONDS
    assert PinGate(HASH, lock_seconds=60, store=store, wall=lambda: wall[0]).enter("2468").answer \
        is PinAnswer.UNLOCKED


def test_the_credential_wins_over_the_config(tmp_path: Path) -> None:
    (tmp_path / "ui.pin_hash").write_text(HASH + "\n")
    assert configured_pin_hash("", {"CREDENTIALS_DIRECTORY": str(tmp_path)}) == HASH
    assert configured_pin_hash("old", {}) == "old"
    (tmp_path / "ui.pin_hash").write_text("garbage")
    assert configured_pin_hash("old", {"CREDENTIALS_DIRECTORY": str(tmp_path)}) == "old"


def test_unlock_then_auto_lock_after_idle() -> None:
    clock = FakeClock()
    gate = PinGate(HASH, lock_seconds=60, clock=clock.mono)
    assert not gate.unlocked
    assert gate.enter("2468").answer is PinAnswer.UNLOCKED
    clock.advance(50)
    gate.touch()
    clock.advance(59)
    assert gate.unlocked
    clock.advance(2)
    assert not gate.unlocked
    gate.touch()  # a touch after it locked does not reopen it
    assert not gate.unlocked


def test_five_wrong_pins_lock_out_for_five_minutes() -> None:
    clock = FakeClock()
    gate = PinGate(HASH, lock_seconds=60, clock=clock.mono)
    answers = [gate.enter("1111") for _ in range(5)]
    assert [a.answer for a in answers] == [PinAnswer.WRONG] * 4 + [PinAnswer.LOCKED_OUT]
    assert [a.tries_left for a in answers[:4]] == [4, 3, 2, 1]
    assert gate.enter("2468").answer is PinAnswer.LOCKED_OUT  # even the right PIN
    clock.advance(LOCKOUT_SECONDS - 1)
    assert gate.enter("2468").answer is PinAnswer.LOCKED_OUT
    clock.advance(1)
    assert gate.enter("2468").answer is PinAnswer.UNLOCKED


def test_no_pin_configured_never_unlocks() -> None:
    gate = PinGate("", lock_seconds=60)
    assert not gate.has_pin
    assert gate.enter("").answer is PinAnswer.NO_PIN_SET
    assert not gate.unlocked

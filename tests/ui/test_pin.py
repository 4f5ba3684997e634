"""The PIN: a salted scrypt hash (never the PIN), auto-lock, and five wrong tries locking for five minutes."""

from kiosk.ui.pin import LOCKOUT_SECONDS, PinAnswer, PinGate, hash_pin, is_pin_hash, valid_pin, verify_pin
from tests.ui.states import FakeClock

HASH = hash_pin("2468")


def test_hash_is_salted_and_verifies() -> None:
    other = hash_pin("2468")
    assert other != HASH and is_pin_hash(HASH)
    assert "2468" not in HASH
    assert verify_pin("2468", HASH) and verify_pin("2468", other)
    assert not verify_pin("2469", HASH)
    assert not verify_pin("2468", "scrypt$1$2$3$bad$bad")


def test_valid_pins_are_digits_only() -> None:
    assert valid_pin("0000") and valid_pin("123456789012")
    assert not valid_pin("123") and not valid_pin("12a4") and not valid_pin("1234567890123")


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

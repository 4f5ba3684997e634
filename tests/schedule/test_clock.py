"""Whether the clock can be trusted: timesyncd's flag file, else the kernel's adjtimex state."""

from datetime import UTC, datetime
from pathlib import Path

from print_service.schedule.clock import ClockSync, FixedStartClock, kernel_clock_synchronised


def test_flag_file_wins(tmp_path: Path) -> None:
    flag = tmp_path / "synchronized"
    sync = ClockSync(flag, kernel=lambda: False)
    assert not sync()
    flag.touch()
    assert sync()


def test_kernel_state_without_flag(tmp_path: Path) -> None:
    assert ClockSync(tmp_path / "absent", kernel=lambda: True)()
    assert isinstance(kernel_clock_synchronised(), bool)


def test_fixed_start_clock_runs_on_from_the_given_time() -> None:
    start = datetime(2026, 11, 27, 17, 30, tzinfo=UTC)
    clock = FixedStartClock(start)
    first = clock.now()
    clock.sleep(0.01)
    assert start <= first < clock.now()

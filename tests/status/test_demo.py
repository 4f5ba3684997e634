"""The built-in demo status page drives the real engine to every level, and `demo` shows them."""

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.demo.status_page import CYCLE, DemoStatusPage, scenario_for
from kiosk.status import Level
from kiosk.status.monitor import StatusMonitor
from kiosk.status.probe import probe_once
from print_service.paths import AppPaths
from tests.conftest import RunCli
from tests.fixtures.status_servers import FakeTime


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoStatusPage]:
    with DemoStatusPage() as page:
        yield page


@pytest.mark.parametrize("level", CYCLE)
def test_each_scenario_gives_its_level(demo: DemoStatusPage, level: Level) -> None:
    demo.set_scenario(level)
    snapshot = asyncio.run(probe_once(demo.settings()))
    assert snapshot.level is level
    if level is not Level.OFFLINE:
        assert snapshot.probes.status_page.ok


def test_cycle_moves_through_every_level() -> None:
    now = [0.0]
    with DemoStatusPage("cycle", cycle_seconds=20, clock=lambda: now[0]) as page:
        seen = []
        for step in range(len(CYCLE) + 1):
            now[0] = step * 20 + 1
            seen.append(page.scenario.level)
    assert seen == [*CYCLE, CYCLE[0]]


def test_the_monitor_follows_the_demo_through_offline(demo: DemoStatusPage, tmp_path: Path) -> None:
    fake = FakeTime()
    paths = AppPaths(state_dir=tmp_path / "state", runtime_dir=tmp_path / "run", key_file=tmp_path / "key")

    async def main() -> list[Level]:
        levels = []
        async with StatusMonitor(demo.settings(), paths, clock=fake.clock, sleep=fake.sleep) as monitor:
            for level in (Level.OPERATIONAL, Level.OFFLINE, Level.OFFLINE, Level.OPERATIONAL, Level.OPERATIONAL):
                demo.set_scenario(level)
                levels.append((await monitor.poll_once()).level)
        return levels

    assert asyncio.run(main()) == [Level.OPERATIONAL, Level.OPERATIONAL, Level.OFFLINE, Level.OFFLINE,
                                   Level.OPERATIONAL]


def test_unknown_has_no_scenario() -> None:
    with pytest.raises(ValueError, match="no demo scenario 'unknown'"):
        scenario_for("unknown")


def test_demo_command_prints_every_level(run_cli: RunCli) -> None:
    result = run_cli("demo", "--text")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    for level in CYCLE:
        assert f"=== scenario: {level.value} " in result.stdout
        assert f"\n{level.value.upper()}: " in result.stdout


def test_demo_command_one_scenario(run_cli: RunCli) -> None:
    result = run_cli("demo", "--text", "--scenario", "regional_outage")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("=== scenario:") == 1
    assert "REGIONAL_OUTAGE: ICANotes and its upload site are both down" in result.stdout
    assert run_cli("demo", "--text", "--scenario", "purple").returncode == 64

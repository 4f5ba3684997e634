"""The `downtime-kiosk` entry point: exit codes and one-line errors, in a real child process."""

from collections.abc import Callable
from pathlib import Path

from tests.conftest import RunCli


def test_config_check_ok_with_builtin_defaults(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("config", "check", env={"DOWNTIME_KIOSK_CONFIG": ""})
    # /etc/downtime-kiosk/config.toml is absent on a development machine and in CI
    assert result.returncode == 0, result.stderr
    assert "configuration OK" in result.stdout


def test_bad_config_exits_78_with_one_line(run_cli: RunCli, write_config: Callable[..., Path]) -> None:
    path = write_config("[status]\ntimeout_seconds = 0\n")
    result = run_cli("--config", path, "config", "check")
    assert result.returncode == 78
    lines = result.stderr.strip().splitlines()
    assert lines == [f"downtime-kiosk: {path}: status.timeout_seconds: expected a number greater than 0, got 0"]


def test_config_from_environment_variable(run_cli: RunCli, write_config: Callable[..., Path]) -> None:
    path = write_config("[status]\nbogus = 1\n")
    result = run_cli("config", "check", env={"DOWNTIME_KIOSK_CONFIG": str(path)})
    assert result.returncode == 78
    assert "status.bogus: unknown key" in result.stderr


def test_unknown_command_is_usage_error(run_cli: RunCli) -> None:
    result = run_cli("frobnicate")
    assert result.returncode == 64
    assert "invalid choice" in result.stderr


def test_help_works_with_broken_config(run_cli: RunCli, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("not toml at all [")
    result = run_cli("--config", broken, "--help")
    assert result.returncode == 0
    assert "COMMAND" in result.stdout


def test_module_and_console_script_agree(run_cli: RunCli) -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("downtime-kiosk ")

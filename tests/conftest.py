"""Shared test set-up. Every module in tests/fixtures/ is loaded as a pytest plugin,
so each area adds its fixtures (HTTP servers, cupsd, Xvfb …) in a file of its own."""

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytest_plugins = ["pytester", *sorted(
    f"tests.fixtures.{path.stem}"
    for path in (Path(__file__).parent / "fixtures").glob("*.py")
    if path.stem != "__init__"
)]


def cli_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for running `python -m kiosk` from this checkout, without the host's config."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DOWNTIME_KIOSK", "NOTIFY_SOCKET"))}
    env["PYTHONPATH"] = str(REPO)
    env.update(extra or {})
    return env


RunCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_cli() -> RunCli:
    """Run `downtime-kiosk ARGS…` in a child process and capture its output.

    >>> result = run_cli("--config", cfg, "status", "--json")
    """

    def run(*args: str | Path, env: dict[str, str] | None = None, timeout: float = 60,
            input: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kiosk", *map(str, args)],
            check=False, capture_output=True, text=True, env=cli_env(env), timeout=timeout, cwd=REPO, input=input,
        )

    return run


@pytest.fixture
def write_config(tmp_path: Path) -> Callable[[str], Path]:
    """Write a TOML config whose [paths] point into tmp_path, plus the given text."""

    def write(text: str = "", *, name: str = "config.toml", with_paths: bool = True) -> Path:
        paths = (
            f'[paths]\nstate_dir = "{tmp_path}/state"\nruntime_dir = "{tmp_path}/run"\n'
            f'key_file = "{tmp_path}/keys/schedule.key"\n\n'
        ) if with_paths else ""
        path = tmp_path / name
        path.write_text(paths + text)
        return path

    return write

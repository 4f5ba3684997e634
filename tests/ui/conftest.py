"""UI test set-up: a fake clock, a state file path and a UiContext builder."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.ui.context import UiContext
from kiosk.ui.settings import UiSettings
from tests.ui.states import FakeClock

MakeCtx = Callable[..., UiContext]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def state_path(tmp_path: Path) -> Path:
    return tmp_path / "run" / "state.json"


@pytest.fixture
def make_ctx(clock: FakeClock, state_path: Path) -> MakeCtx:
    """A UiContext on the test's state file and fake clock; keyword arguments go to UiSettings or UiContext."""

    def make(**kwargs: Any) -> UiContext:
        setting_names = set(UiSettings.__slots__)  # type: ignore[attr-defined]
        settings = UiSettings(**{"fullscreen": False, **{k: v for k, v in kwargs.items() if k in setting_names}})
        rest = {k: v for k, v in kwargs.items() if k not in setting_names}
        rest.setdefault("wall", clock.mono)  # the PIN lock-out runs on the wall clock; the test moves both
        return UiContext(settings=settings, state_file=state_path, now=clock.now, mono=clock.mono,
                         address=lambda: "192.0.2.10", **rest)

    return make

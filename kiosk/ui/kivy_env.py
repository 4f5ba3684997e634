"""Kivy's environment, set before Kivy is first imported (Kivy reads it at import time).

Appliance rules live here: Escape never quits, no mouse cursor and no on-screen keyboard on the
kiosk, no log files on the SD card, no command-line parsing by Kivy, and a low frame cap because
the screen idles for weeks.
"""

import os
import sys
from collections.abc import MutableMapping
from pathlib import Path

from kiosk.ui.settings import UiSettings

__all__ = ["FIRST_FRAME_MARK", "kivy_environment", "prepare"]

FIRST_FRAME_MARK = "kiosk-ui: first frame showing"
"""Start of the stderr line the screen prints once its first frame shows the last known level."""


def kivy_environment(settings: UiSettings, kivy_home: Path) -> dict[str, str]:
    """The variables Kivy must see for `settings`."""
    return {
        "KIVY_NO_ARGS": "1",
        "KIVY_NO_FILELOG": "1",
        "KIVY_NO_CONFIG": "1",
        "KIVY_HOME": str(kivy_home),
        "KIVY_LOG_MODE": "PYTHON",
        "KCFG_KIVY_EXIT_ON_ESCAPE": "0",
        "KCFG_KIVY_PAUSE_ON_MINIMIZE": "0",
        "KCFG_KIVY_KEYBOARD_MODE": "system",
        "KCFG_KIVY_LOG_LEVEL": "warning",
        "KCFG_GRAPHICS_MAXFPS": str(settings.idle_fps),
        "KCFG_GRAPHICS_SHOW_CURSOR": "0" if settings.fullscreen else "1",
        "KCFG_GRAPHICS_FULLSCREEN": "auto" if settings.fullscreen else "0",
        "KCFG_GRAPHICS_BORDERLESS": "1" if settings.fullscreen else "0",
        "KCFG_GRAPHICS_RESIZABLE": "0" if settings.fullscreen else "1",
        "KCFG_GRAPHICS_ALLOW_SCREENSAVER": "0",
        "KCFG_INPUT_MOUSE": "mouse,disable_multitouch",
        # SDL would turn SIGTERM into a window-close request, which the kiosk refuses; systemd must stop it
        "SDL_NO_SIGNAL_HANDLERS": "1",
    }


def prepare(settings: UiSettings, kivy_home: Path, environ: MutableMapping[str, str] | None = None) -> None:
    """Set Kivy's variables (keeping any the caller already set, e.g. a window size); refuse if too late."""
    if "kivy" in sys.modules and environ is None:
        raise RuntimeError("kiosk.ui.kivy_env.prepare() must run before Kivy is imported")
    target = os.environ if environ is None else environ
    kivy_home.mkdir(parents=True, exist_ok=True)
    for key, value in kivy_environment(settings, kivy_home).items():
        target.setdefault(key, value)

"""One module per `[section]` of the configuration file; each defines `SECTION`."""

import importlib
import pkgutil
from typing import Any

from kiosk.config.section import SectionSpec

__all__ = ["all_sections"]


def all_sections() -> list[SectionSpec[Any]]:
    """Every section spec in this package, in name order."""
    specs: list[SectionSpec[Any]] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        spec = getattr(module, "SECTION", None)
        if isinstance(spec, SectionSpec):
            specs.append(spec)
    return specs

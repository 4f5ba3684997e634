"""What a configuration section is: a name, the frozen settings it builds, and how.

Each `[section]` of the TOML file is one module in `kiosk/config/sections/` that defines
`SECTION = SectionSpec(...)`. The loader finds them all, so a new capability adds its
section without touching the loader.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from kiosk.config.reader import SectionReader

if TYPE_CHECKING:
    from kiosk.config.model import Config

__all__ = ["SectionSpec"]

T = TypeVar("T")


@dataclass(frozen=True)
class SectionSpec(Generic[T]):
    """One `[name]` table: `build` turns it into a `kind` value, `check` validates across sections.

    >>> SECTION = SectionSpec("paths", AppPaths, build_paths)
    """

    name: str
    kind: type[T]
    build: Callable[[SectionReader], T]
    check: "Callable[[Config], None] | None" = None

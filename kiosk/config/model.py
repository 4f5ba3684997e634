"""The loaded configuration: one frozen settings object per section, looked up by type."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar, cast

__all__ = ["Config"]

T = TypeVar("T")


@dataclass(frozen=True)
class Config:
    """Every section's settings, validated once at load.

    >>> cfg.get(StatusSettings).poll_seconds
    60.0

    `source` names where it came from (a path, or "built-in defaults") for messages.
    """

    source: str
    sections: Mapping[type, object] = field(default_factory=dict)

    def get(self, kind: type[T]) -> T:
        """The settings of the section that builds `kind`."""
        try:
            return cast(T, self.sections[kind])
        except KeyError:
            raise RuntimeError(f"no configuration section builds {kind.__name__}") from None

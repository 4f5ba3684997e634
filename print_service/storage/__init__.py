"""Small, power-loss-safe file helpers shared by everything that writes state."""

from print_service.storage.atomic import write_atomic

__all__ = ["write_atomic"]

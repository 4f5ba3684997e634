"""Small, power-loss-safe file helpers shared by everything that writes or reads state."""

from print_service.storage.atomic import write_atomic
from print_service.storage.json_file import read_json_object

__all__ = ["read_json_object", "write_atomic"]

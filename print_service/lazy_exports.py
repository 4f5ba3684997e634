"""Package `__init__`s that name their pure exports without importing them until first use.

`import print_service.forms.settings` runs `print_service/forms/__init__.py` first; if that imported the
form model, every process checking its configuration (the once-a-minute `status --json` included) would
pay for the model it never uses. A package lists `name -> module` and gets a module `__getattr__`
(PEP 562) that imports on first access and keeps the value; type checkers see `TYPE_CHECKING` imports.
"""

import importlib
import sys
from collections.abc import Callable, Mapping

__all__ = ["lazy_exports"]


def lazy_exports(package: str, table: Mapping[str, str]) -> Callable[[str], object]:
    """The `__getattr__` for `package`, resolving each name of `table` from its module on first access."""

    def attribute(name: str) -> object:
        module = table.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    return attribute

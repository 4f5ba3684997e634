"""Finding, reading and validating the one TOML configuration file.

Order: `--config PATH`, else `$DOWNTIME_KIOSK_CONFIG`, else `/etc/downtime-kiosk/config.toml`;
when that default file does not exist, built-in defaults (watching the real ICANotes
addresses) are used. A file named explicitly must exist.
"""

import os
import stat
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

from kiosk.config.model import Config
from kiosk.config.reader import SectionReader
from kiosk.config.sections import all_sections
from kiosk.errors import ConfigError

__all__ = ["BUILTIN_SOURCE", "DEFAULT_CONFIG_PATH", "ENV_VAR", "MAX_CONFIG_BYTES", "load_config", "parse_config"]

DEFAULT_CONFIG_PATH = Path("/etc/downtime-kiosk/config.toml")
ENV_VAR = "DOWNTIME_KIOSK_CONFIG"
MAX_CONFIG_BYTES = 1024 * 1024
BUILTIN_SOURCE = "built-in defaults"


def load_config(explicit: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Load and validate the configuration the way every command does."""
    environ = dict(os.environ) if env is None else env
    path = explicit or (Path(environ[ENV_VAR]) if environ.get(ENV_VAR) else None)
    if path is None:
        if not DEFAULT_CONFIG_PATH.exists():
            return parse_config({}, BUILTIN_SOURCE, environ)
        path = DEFAULT_CONFIG_PATH
    return parse_config(_read_toml(path), str(path), environ)


def parse_config(document: Mapping[str, object], source: str, env: Mapping[str, str] | None = None) -> Config:
    """Validate an already-parsed TOML document; every section is built, present or not."""
    environ = dict(os.environ) if env is None else env
    specs = {spec.name: spec for spec in all_sections()}
    for name, value in document.items():
        if name not in specs:
            known = ", ".join(f"[{n}]" for n in sorted(specs))
            raise ConfigError(f"{source}: [{name}]: unknown section (known sections: {known})")
        if not isinstance(value, dict):
            raise ConfigError(f"{source}: {name}: expected a [{name}] table, got {value!r}")
    sections: dict[type, object] = {}
    for name, spec in specs.items():
        reader = SectionReader(source, name, document.get(name, {}), environ)  # type: ignore[arg-type]
        sections[spec.kind] = spec.build(reader)
        reader.finish()
    config = Config(source=source, sections=sections)
    for spec in specs.values():
        if spec.check is not None:
            spec.check(config)
    return config


def _read_toml(path: Path) -> dict[str, object]:
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused just below)
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC), "rb") as handle:
            return tomllib.loads(_read_capped(path, handle).decode("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found (expected a TOML configuration file)") from None
    except PermissionError:
        raise ConfigError(f"{path}: cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder (expected a TOML configuration file)") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid TOML: expected UTF-8 text") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML: nested too deeply") from None


def _read_capped(path: Path, handle: BinaryIO) -> bytes:
    """At most MAX_CONFIG_BYTES from a regular file: a FIFO or a device would hang `config check` (and boot)."""
    if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        raise ConfigError(f"{path}: expected a regular file (a TOML configuration file)")
    data = handle.read(MAX_CONFIG_BYTES + 1)
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{path}: expected a configuration file of at most {MAX_CONFIG_BYTES // 1024} KB")
    return data

"""The appliance's configuration: one validated TOML file, one frozen settings object per section."""

from kiosk.config.loader import BUILTIN_SOURCE, DEFAULT_CONFIG_PATH, load_config, parse_config
from kiosk.config.model import Config
from kiosk.config.reader import SectionReader
from kiosk.config.section import SectionSpec

__all__ = [
    "BUILTIN_SOURCE",
    "DEFAULT_CONFIG_PATH",
    "Config",
    "SectionReader",
    "SectionSpec",
    "load_config",
    "parse_config",
]

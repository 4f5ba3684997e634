"""Payload parsers for the status-page providers we understand: pure functions, bytes in, PageReport out."""

from kiosk.status.providers.common import PayloadError, decode_json, parse_time
from kiosk.status.providers.instatus import parse_instatus
from kiosk.status.providers.statuspage import parse_statuspage

__all__ = ["PayloadError", "decode_json", "parse_instatus", "parse_statuspage", "parse_time"]

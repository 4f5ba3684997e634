"""`[reconcile]`: when ICANotes comes back, how long the downtime must have lasted to ask for the catch-up sheet."""

from kiosk.config.reader import SectionReader
from kiosk.config.section import SectionSpec
from kiosk.reconcile.settings import ReconcileSettings

_D = ReconcileSettings()


def build(reader: SectionReader) -> ReconcileSettings:
    """Read and validate `[reconcile]`."""
    return ReconcileSettings(min_minutes=reader.integer("min_minutes", _D.min_minutes, minimum=0, maximum=24 * 60))


SECTION = SectionSpec("reconcile", ReconcileSettings, build)

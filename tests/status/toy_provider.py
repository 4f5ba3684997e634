"""A third status-page provider, as a new one would be written: one module defining PROVIDER.

"Toy" pages answer `toy/health.json` with `{"title": …, "state": "ok" | "broken"}`.
"""

from collections.abc import Mapping

from kiosk.status.providers.common import PayloadError, text
from kiosk.status.providers.provider import DocumentSource, Provider
from kiosk.status.report import Component, PageReport

HEALTH_PATH = "toy/health.json"
_STATUS = {"ok": ("UP", "OPERATIONAL"), "broken": ("HASISSUES", "MAJOROUTAGE")}  # (page, component)


def _read(get: DocumentSource) -> PageReport:
    document = get(HEALTH_PATH)
    if not isinstance(document, Mapping) or document.get("state") not in _STATUS:
        raise PayloadError("toy/health.json has no state: not a toy status page")
    page, component = _STATUS[document["state"]]
    return PageReport(provider="toy", name=text(document, "title"), status=page,
                      components=(Component("toy-ehr", "EHR", component),))


PROVIDER = Provider("toy", (HEALTH_PATH,), _read)

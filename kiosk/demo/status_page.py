"""A demo status page on 127.0.0.1: Instatus-shaped JSON plus stand-ins for the EHR, the
upload site and an internet canary, all on one port, holding one scenario per level or
cycling through them.

Offline is simulated at the socket: every connection is reset before any answer, so the
engine sees exactly what it sees when the clinic's internet is down, without its settings
having to change.

>>> with DemoStatusPage("outage") as demo:
...     snapshot = asyncio.run(probe_once(demo.settings()))
"""

import json
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from kiosk.status.level import Level
from kiosk.status.settings import StatusSettings

__all__ = ["CYCLE", "DemoStatusPage", "Scenario", "scenario_for"]

CYCLE = (Level.OPERATIONAL, Level.MAINTENANCE, Level.DEGRADED, Level.OUTAGE, Level.REGIONAL_OUTAGE, Level.OFFLINE)


@dataclass(frozen=True)
class Scenario:
    """What every stand-in answers while one level is being shown."""

    level: Level
    page_status: str = "UP"
    incidents: tuple[tuple[str, str, str], ...] = ()       # (name, impact, status)
    maintenances: tuple[tuple[str, str, int], ...] = ()    # (name, status, minutes from now)
    components: tuple[tuple[str, str], ...] = (("EHR (ehr.icanotes.com)", "OPERATIONAL"),
                                               ("Upload site", "OPERATIONAL"),
                                               ("DrFirst e-prescribing", "OPERATIONAL"))
    ehr_status: int = 302
    upload_status: int = 200
    offline: bool = False


_SCENARIOS = {
    Level.OPERATIONAL: Scenario(Level.OPERATIONAL, maintenances=(("Nightly maintenance (demo)", "NOTSTARTEDYET",
                                                                  600),)),
    Level.MAINTENANCE: Scenario(Level.MAINTENANCE, "UNDERMAINTENANCE",
                                maintenances=(("Nightly maintenance (demo)", "INPROGRESS", -15),),
                                components=(("EHR (ehr.icanotes.com)", "UNDERMAINTENANCE"),
                                            ("Upload site", "OPERATIONAL"),
                                            ("DrFirst e-prescribing", "OPERATIONAL"))),
    Level.DEGRADED: Scenario(Level.DEGRADED, "HASISSUES",
                             incidents=(("Charting is slow (demo)", "DEGRADEDPERFORMANCE", "IDENTIFIED"),),
                             components=(("EHR (ehr.icanotes.com)", "DEGRADEDPERFORMANCE"),
                                         ("Upload site", "OPERATIONAL"),
                                         ("DrFirst e-prescribing", "OPERATIONAL"))),
    Level.OUTAGE: Scenario(Level.OUTAGE, "HASISSUES",
                           incidents=(("ICANotes cannot be reached (demo)", "MAJOROUTAGE", "INVESTIGATING"),),
                           components=(("EHR (ehr.icanotes.com)", "MAJOROUTAGE"),
                                       ("Upload site", "OPERATIONAL"),
                                       ("DrFirst e-prescribing", "OPERATIONAL")),
                           ehr_status=503),
    Level.REGIONAL_OUTAGE: Scenario(Level.REGIONAL_OUTAGE, "HASISSUES",
                                    incidents=(("Cloud region disruption (demo)", "MAJOROUTAGE", "INVESTIGATING"),),
                                    ehr_status=503, upload_status=503),
    Level.OFFLINE: Scenario(Level.OFFLINE, offline=True),
}


def scenario_for(level: Level | str) -> Scenario:
    """The scenario that makes the engine decide `level` (`unknown` has none: it is never decided)."""
    try:
        return _SCENARIOS[Level(level)]
    except (KeyError, ValueError):
        names = ", ".join(level.value for level in CYCLE)
        raise ValueError(f"no demo scenario {str(level)!r} (choose one of {names})") from None


class DemoStatusPage:
    """The demo server. `scenario` is one level, or "cycle" to move on every `cycle_seconds`."""

    def __init__(self, scenario: Level | str = Level.OPERATIONAL, *, cycle_seconds: float = 20.0,
                 port: int = 0, clock: Callable[[], float] = time.monotonic) -> None:
        self._lock = threading.Lock()
        self._clock, self._cycle_seconds, self._started = clock, cycle_seconds, clock()
        self._fixed: Scenario | None = None
        self.set_scenario(scenario)
        self._httpd = _QuietServer(("127.0.0.1", port), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.demo = self  # type: ignore[attr-defined]
        self.port: int = self._httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="demo-status-page", daemon=True)
        self._thread.start()

    def set_scenario(self, scenario: Level | str) -> None:
        """Hold one level from now on, or "cycle" through all of them (starting now)."""
        with self._lock:
            if scenario == "cycle":
                self._fixed, self._started = None, self._clock()
            else:
                self._fixed = scenario_for(scenario)

    @property
    def scenario(self) -> Scenario:
        """The scenario being served right now."""
        with self._lock:
            if self._fixed is not None:
                return self._fixed
            step = int((self._clock() - self._started) // self._cycle_seconds)
        return _SCENARIOS[CYCLE[step % len(CYCLE)]]

    def settings(self, base: StatusSettings | None = None) -> StatusSettings:
        """`base` (default settings) with every probe pointed at this server."""
        return replace(base or StatusSettings(), page_url=self.url + "/", provider="instatus",
                       ehr_url=self.url + "/ehr/", upload_url=self.url + "/upload/",
                       internet_urls=(self.url + "/generate_204",), watch_components=())

    def close(self) -> None:
        """Stop serving."""
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> "DemoStatusPage":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def summary_json(scenario: Scenario, now: datetime) -> dict[str, Any]:
    """Instatus `summary.json` for `scenario` (arrays left out when empty, like the live page)."""
    summary: dict[str, Any] = {"page": {"name": "ICANotes (demo)", "url": "http://127.0.0.1/",
                                        "status": scenario.page_status}}
    if scenario.incidents:
        summary["activeIncidents"] = [
            {"id": f"demoinc{n}", "name": name, "started": _iso(now - timedelta(minutes=20)), "status": status,
             "impact": impact, "url": "http://127.0.0.1/incident"}
            for n, (name, impact, status) in enumerate(scenario.incidents)]
    if scenario.maintenances:
        summary["activeMaintenances"] = [
            {"id": f"demomnt{n}", "name": name, "start": _iso(now + timedelta(minutes=offset)), "status": status,
             "duration": "60", "url": "http://127.0.0.1/maintenance"}
            for n, (name, status, offset) in enumerate(scenario.maintenances)]
    return summary


def components_json(scenario: Scenario) -> dict[str, Any]:
    """Instatus `v2/components.json` for `scenario`."""
    return {"components": [{"id": f"democmp{n}", "name": name, "description": "", "status": status, "group": None}
                           for n, (name, status) in enumerate(scenario.components)]}


def _iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.000Z")


class _QuietServer(ThreadingHTTPServer):
    """A client hanging up (or our own offline reset) is normal here, not worth a traceback."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        scenario: Scenario = self.server.demo.scenario  # type: ignore[attr-defined]
        if scenario.offline:
            self._reset()
            return
        path = self.path.split("?")[0]
        routes: dict[str, Callable[[], tuple[int, str, bytes]]] = {
            "/summary.json": lambda: (200, "application/json",
                                      json.dumps(summary_json(scenario, datetime.now(UTC))).encode()),
            "/v2/components.json": lambda: (200, "application/json", json.dumps(components_json(scenario)).encode()),
            "/ehr/": lambda: (scenario.ehr_status, "text/html", b"<html>ICANotes (demo)</html>"),
            "/upload/": lambda: (scenario.upload_status, "text/html", b"<html>Upload site (demo)</html>"),
            "/generate_204": lambda: (204, "text/plain", b""),
        }
        status, ctype, body = routes.get(path, lambda: (404, "text/plain", b"not found"))()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if status == 302:
            self.send_header("Location", "/ehr/login")
        self.end_headers()
        self.wfile.write(body)

    def _reset(self) -> None:
        # close with a zero linger sends RST: the client gets no HTTP answer at all
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

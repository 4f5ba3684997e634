"""The practice's world on the host's 127.0.0.1, as the booted box sees it through QEMU's user networking:
the status page, the EHR, the upload site, an internet canary, the schedule calendar and an AppSocket
(JetDirect, socket://) printer that keeps every job it receives.

The guest reaches them only at GUEST_HOST:<guest port>; QEMU (restrict=on) forwards each connection to a socat
that connects to 127.0.0.1:<host port>. There is no other route out of the guest."""

import socketserver
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tests.fixtures.http_server import LocalHTTPServer, Reply
from tests.fixtures.status_servers import StatusWorld

GUEST_HOST = "10.0.2.100"        # a free address in QEMU's user network (10.0.2.0/24); only guestfwd answers it
PAGE, EHR, UPLOAD, CANARY, CALENDAR, PRINTER = 80, 81, 82, 83, 84, 9100
# The schedule source must be https or loopback http: the guest's own relay listens here
# (guest/downtime-kiosk-boot-test-relay.socket, systemd's socket proxy).
GUEST_CALENDAR_RELAY = 8084


def _port(url: str) -> int:
    port = urlsplit(url).port
    assert port is not None
    return port


class _JobHandler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        data = self.rfile.read()
        owner: AppSocketPrinter = self.server.owner  # type: ignore[attr-defined]
        owner.save(data)


class AppSocketPrinter:
    """A raw-port printer (AppSocket/JetDirect): one TCP connection is one job; every job is saved to a file."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _JobHandler)
        self._server.daemon_threads = True
        self._server.owner = self  # type: ignore[attr-defined]
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def save(self, data: bytes) -> None:
        """Keep one received job (empty connections, e.g. a reachability check, are not jobs)."""
        if not data:
            return
        with self._lock:
            number = len(self.jobs()) + 1
            (self.folder / f"job-{number:03d}.bin").write_bytes(data)

    def jobs(self) -> list[Path]:
        """The jobs received so far, oldest first."""
        return sorted(self.folder.glob("job-*.bin"))

    def close(self) -> None:
        """Stop listening."""
        self._server.shutdown()
        self._server.server_close()


@dataclass
class HostWorld:
    """Everything the booted box talks to, all on 127.0.0.1."""

    status: StatusWorld
    calendar: LocalHTTPServer
    printer: AppSocketPrinter

    @classmethod
    def start(cls, folder: Path) -> "HostWorld":
        """Healthy status page, EHR, upload site and canary; an empty calendar; a printer with no jobs."""
        calendar = LocalHTTPServer()
        calendar.route("/clinic.ics", Reply(body="BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n",
                                            content_type="text/calendar"))
        return cls(StatusWorld(), calendar, AppSocketPrinter(folder / "printer"))

    def serve_calendar(self, ics: str) -> None:
        """What the calendar answers from now on."""
        self.calendar.route("/clinic.ics", Reply(body=ics, content_type="text/calendar"))

    def tell_probe(self, word: str) -> None:
        """Lets the guest's probe go on past `word` (it asks the calendar's address for /boot-test/WORD, which
        answers 404 until now): the host's only way to speak to a running guest."""
        self.calendar.route(f"/boot-test/{word}", Reply(body="go on\n", content_type="text/plain"))

    def forwards(self) -> dict[int, int]:
        """Guest port at GUEST_HOST -> host port on 127.0.0.1."""
        world = self.status
        return {PAGE: _port(world.page.url), EHR: _port(world.ehr.url), UPLOAD: _port(world.upload.url),
                CANARY: _port(world.canary.url), CALENDAR: _port(self.calendar.url), PRINTER: self.printer.port}

    def close(self) -> None:
        """Stop every server."""
        self.status.close()
        self.calendar.close()
        self.printer.close()


NO_HARDWARE = """[led]
kind = "none"

[button]
pin = ""
"""


def guest_config(print_at: str = "17:30", poll_seconds: int = 20, hardware: str = NO_HARDWARE) -> str:
    """downtime-kiosk.toml for the card: every address is the host world's, as the guest sees it; `hardware`
    is its [led] and [button] tables (none fitted unless given)."""
    base = f"http://{GUEST_HOST}"
    return f"""# Boot test configuration (tests/appliance/boot): every address is the host's world.
[practice]
name = "Boot Test Practice"

[status]
page_url = "{base}:{PAGE}"
provider = "instatus"
ehr_url = "{base}:{EHR}/"
upload_url = "{base}:{UPLOAD}/"
internet_urls = ["{base}:{CANARY}/generate_204"]
poll_seconds = {poll_seconds}
confirm_polls = 2
confirm_seconds = 10
timeout_seconds = 30

[schedule]
source = "http://127.0.0.1:{GUEST_CALENDAR_RELAY}/clinic.ics"
timezone = "America/New_York"
print_at = "{print_at}"
print_deadline = "21:00"
# No NTP in the emulated world (guestfwd forwards TCP only); the guest's clock is set with -rtc base instead.
require_clock_sync = false

{hardware}"""


# The Pi's LED and button on the pins docs/config.example.toml names; no night dimming (the clock is set on the
# kernel command line, and the test reads full on/off).
PI_PINS = {"red": "GPIO17", "green": "GPIO27", "blue": "GPIO22", "button": "GPIO23"}


def _hardware(pins: dict[str, str]) -> str:
    """[led] (RGB, no night dimming) and [button] on `pins` ({"red", "green", "blue", "button"} -> pin)."""
    return f"""[led]
kind = "rgb"
pins = {{ red = "{pins['red']}", green = "{pins['green']}", blue = "{pins['blue']}" }}
night = ""

[button]
pin = "{pins['button']}"
"""


def pi_config() -> str:
    """downtime-kiosk.toml for the emulated Pi: guest_config() with an RGB LED and the button wired."""
    return guest_config(hardware=_hardware(PI_PINS))


# The same box on QEMU's virt board, whose GPIO controller has 8 lines: the LED on GPIO5-7, the button on GPIO4
# (to ground, with the pull-up on: [button]'s defaults).
VIRT_PINS = {"red": "GPIO5", "green": "GPIO6", "blue": "GPIO7", "button": "GPIO4"}
VIRT_BUTTON_LINE = int(VIRT_PINS["button"].removeprefix("GPIO"))   # the PL061 line the host drives


def virt_config() -> str:
    """downtime-kiosk.toml for the Pi's image on the virt board (VIRT_PINS)."""
    return guest_config(hardware=_hardware(VIRT_PINS))


PRINTER_FILE = f"socket://{GUEST_HOST}:{PRINTER}\n"

"""Press-to-job-accepted latency through the in-process API, against a private cupsd.

One "press" = what the button does for one form: take the cached PDF from the form
catalogue and stream it to cupsd until cupsd has accepted the job (PrintService.submit
returns). 50 presses with a warm cache; median and p95. Target: median under 150 ms.
For scale, the same script times one bare IPP round trip (CUPS-Get-Printers) as a baseline,
a packet press (four forms), and a hold of the button for a 40-appointment schedule (drawn
from the model and streamed to cupsd, as the nightly print and the button do).

Run as root (it starts its own cupsd): `.venv/bin/python bench/print_latency.py`
"""

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from print_service.forms import PracticeSettings  # noqa: E402
from print_service.forms.catalogue import FormCatalogue  # noqa: E402
from print_service.printing import PrintingSettings  # noqa: E402
from print_service.printing.connection import connect  # noqa: E402
from print_service.printing.packet import print_form, print_packet  # noqa: E402
from print_service.printing.service import PrintService  # noqa: E402
from print_service.printing.titles import job_title  # noqa: E402
from print_service.schedule.model import Appointment  # noqa: E402
from print_service.schedule.render import DayPrintout, render_day  # noqa: E402
from tests.fixtures.cupsd import PrivateCupsd  # noqa: E402

PRESSES = 50
TARGET_MS = 150.0
ZONE = ZoneInfo("America/New_York")
DAY = date(2026, 11, 30)
PROVIDERS = ("Dr. Bench One", "Dr. Bench Two", "Nurse Bench Three", "Dr. Bench Four")


def forty_appointments() -> list[Appointment]:
    """A busy clinic day: four providers, ten visits each, fictional names."""
    start = datetime.combine(DAY, datetime.min.time(), ZONE).replace(hour=8)
    return [Appointment(start + timedelta(minutes=45 * slot), start + timedelta(minutes=45 * slot + 40),
                        patient=f"Fictional Patient {provider[-3:]}-{slot:02d}", provider=provider,
                        type="Follow-up", location="Room 2")
            for provider in PROVIDERS for slot in range(10)]


def schedule_press(service: PrintService, appointments: list[Appointment]) -> None:
    """What a hold of the button does: draw the day and hand it to cupsd."""
    now = datetime.now(ZONE)
    info = DayPrintout(day=DAY, zone=ZONE, fetched_at=now, printed_at=now, stale=False, source="bench")
    service.submit(render_day(appointments, info), title=job_title("schedule", now), contains_phi=True)


def timed(action: Callable[[], object], times: int) -> list[float]:
    """Milliseconds per call of `action`."""
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def report(name: str, samples: list[float]) -> float:
    median = statistics.median(samples)
    print(f"{name:<34} n={len(samples):<3} median {median:7.1f} ms   p95 {p95(samples):7.1f} ms   "
          f"max {max(samples):7.1f} ms")
    return median


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="print-bench-") as scratch:
        root = Path(scratch)
        cupsd = PrivateCupsd(root / "cupsd")
        cupsd.start()
        try:
            queue = cupsd.add_capture_queue()
            catalogue = FormCatalogue(PracticeSettings(name="Bench Practice"), cache_dir=root / "forms")
            service = PrintService(PrintingSettings(printer=queue.name), server=cupsd.server)

            cold = timed(lambda: print_form(service, catalogue, "therapist-note"), 1)[0]
            catalogue.warm()
            print_form(service, catalogue, "therapist-note")  # warm the connection path too

            def round_trip() -> None:
                with connect(cupsd.server) as connection:
                    connection.getPrinters()

            baseline = report("baseline: one IPP round trip", timed(round_trip, PRESSES))
            press = report("press: one form, warm cache", timed(
                lambda: print_form(service, catalogue, "therapist-note"), PRESSES))
            report("press: the packet (4 forms)", timed(lambda: print_packet(service, catalogue), 10))
            visits = forty_appointments()
            report("hold: schedule, 40 appointments", timed(lambda: schedule_press(service, visits), 10))
            print(f"first press, cold cache (renders): {cold:.1f} ms")
            print(f"press / baseline round trip: {press / baseline:.1f}x")
            verdict = "OK" if press < TARGET_MS else "OVER TARGET"
            print(f"target: median < {TARGET_MS:.0f} ms -> {verdict}")
            return 0 if press < TARGET_MS else 1
        finally:
            cupsd.stop()


if __name__ == "__main__":
    sys.exit(main())

"""Schedule memory bench: a feed with years of history, read whole by icalendar vs read by the kiosk.

Run: .venv/bin/python -m bench.schedule_memory [--megabytes 10]

Each reader runs in a child process of its own, so each peak RSS is its own. The feed is
`--megabytes` of single past events (the way a calendar's secret address serves years of
history) plus one week of current ones. Prints time and peak RSS of each and the ratios.
Goal: the kiosk's read stays well under 300 MB for a 10 MB feed (the size cap), on a 512 MB Pi.

Runs on the shared build machine, 2026-12-01: 10 MB (94,665 events) read by the kiosk before it
dropped the events plainly outside the window: 634 MB, 48 s; after: 123 MB, 3.4 s. 2 MB (17,662
events): icalendar alone 73 MB, 23 s; the kiosk 61 MB, 2.9 s.
"""

import argparse
import subprocess
import sys

CHILD = """
import resource, sys, time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo
zone = ZoneInfo("America/New_York")
now = datetime(2026, 10, 29, 17, 30, tzinfo=zone)
size = int(float(sys.argv[2]) * 1024 * 1024)
events, n = [], 0
while sum(map(len, events)) < size:
    events.append(f"BEGIN:VEVENT\\r\\nUID:e{n}\\r\\nDTSTART:2025{n % 12 + 1:02d}{n % 28 + 1:02d}T090000Z\\r\\n"
                  f"DTEND:2025{n % 12 + 1:02d}{n % 28 + 1:02d}T095000Z\\r\\nSUMMARY:Fictional Person {n}\\r\\n"
                  "END:VEVENT\\r\\n")
    n += 1
events += [f"BEGIN:VEVENT\\r\\nUID:w{d}\\r\\nDTSTART:202610{d:02d}T140000Z\\r\\nDTEND:202610{d:02d}T145000Z\\r\\n"
           f"SUMMARY:Current {d}\\r\\nEND:VEVENT\\r\\n" for d in range(28, 32)]
text = "BEGIN:VCALENDAR\\r\\nVERSION:2.0\\r\\n" + "".join(events) + "END:VCALENDAR\\r\\n"
started = time.perf_counter()
if sys.argv[1] == "icalendar":
    import icalendar
    icalendar.Calendar.from_ical(text)
else:
    from print_service.schedule import ScheduleSettings
    from print_service.schedule.parse import parse_document
    from print_service.schedule.sources import Document
    parse_document(Document(text.encode(), "bench", "text/calendar", ".ics"), ScheduleSettings(timezone=zone),
                   (now - timedelta(days=1), now + timedelta(days=31)))
seconds = time.perf_counter() - started
print(n, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _run(reader: str, megabytes: float) -> tuple[int, float, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, reader, str(megabytes)], capture_output=True, text=True,
                         check=True, timeout=600).stdout.split()
    return int(out[0]), float(out[1]), float(out[2])


def main() -> None:
    """Both readers on the same feed; one line each and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    args = parser.parse_args()
    events, base_s, base_mb = _run("icalendar", args.megabytes)
    _, ours_s, ours_mb = _run("kiosk", args.megabytes)
    print(f"feed: {args.megabytes:g} MB, {events} past events + 4 current")
    print(f"icalendar alone: {base_s:6.1f} s, peak RSS {base_mb:5.0f} MB (baseline)")
    print(f"the kiosk:       {ours_s:6.1f} s, peak RSS {ours_mb:5.0f} MB "
          f"({ours_s / base_s:.2f}x time, {ours_mb / base_mb:.2f}x memory; goal < 300 MB)")


if __name__ == "__main__":
    main()

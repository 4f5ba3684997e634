"""Reading a CSV schedule export into appointments (pure).

`[schedule.csv_columns]` maps our fields to the file's headers; `date` and `start` must be
present, the others are optional. Dates and times use the configured formats, or, when
none is set, the common ones (2026-11-27, 11/27/2026; 14:30, 2:30 PM). A row without a
start time is an all-day entry. Errors name the row and the column, never a cell's value
(a mis-mapped column could hold patient names).
"""

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from print_service.errors import ScheduleError
from print_service.schedule.model import Appointment
from print_service.schedule.settings import CsvSettings

__all__ = ["AUTO_DATE_FORMATS", "AUTO_TIME_FORMATS", "parse_csv"]

AUTO_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%d.%m.%Y")
AUTO_TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M%p", "%I:%M:%S %p")
_REQUIRED = ("date", "start")


def parse_csv(text: str, origin: str, settings: CsvSettings, zone: tzinfo) -> list[Appointment]:
    """Every row as an appointment in `zone`, sorted by start."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=settings.delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise ScheduleError(f"schedule source {origin}: the CSV file is empty") from None
    except csv.Error:
        raise ScheduleError(f"schedule source {origin}: not a readable CSV file") from None
    rows = _RowReader(_column_index(header, settings.columns, origin), origin, settings, zone)
    appointments: list[Appointment] = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                appointments.append(rows.read(row, reader.line_num))
    except csv.Error:
        raise ScheduleError(f"schedule source {origin}: CSV line {reader.line_num} cannot be read") from None
    return sorted(appointments, key=lambda a: (a.start, a.provider))


def _column_index(header: Sequence[str], columns: Mapping[str, str], origin: str) -> dict[str, int]:
    found = {name.strip().lower(): position for position, name in enumerate(header)}
    index: dict[str, int] = {}
    for ours, theirs in columns.items():
        if theirs and theirs.strip().lower() in found:
            index[ours] = found[theirs.strip().lower()]
    missing = [ours for ours in _REQUIRED if ours not in index]
    if missing:
        wanted = ", ".join(f'"{columns.get(m, m)}" ({m})' for m in missing)
        present = ", ".join(f'"{h.strip()}"' for h in header[:20])
        raise ScheduleError(f"schedule source {origin}: the CSV headers do not match [schedule.csv_columns]: "
                            f"missing {wanted}; the file has {present}")
    return index


@dataclass(frozen=True, slots=True)
class _RowReader:
    """Turns one CSV row into an appointment, knowing where each field's column is."""

    index: Mapping[str, int]
    origin: str
    settings: CsvSettings
    zone: tzinfo

    def read(self, row: Sequence[str], line: int) -> Appointment:
        def cell(field: str) -> str:
            position = self.index.get(field)
            return row[position].strip() if position is not None and position < len(row) else ""

        day = _parse(cell("date"), self.settings.date_format, AUTO_DATE_FORMATS, self._where(line, "date"),
                     "a date").date()
        start_text, end_text = cell("start"), cell("end")
        if not start_text:
            start = datetime.combine(day, time(0), self.zone)
            return Appointment(start=start, end=datetime.combine(day + timedelta(days=1), time(0), self.zone),
                               title=cell("type") or "All day", patient=cell("patient"), provider=cell("provider"),
                               type=cell("type"), location=cell("location"), all_day=True)
        start = self._at(day, start_text, self._where(line, "start"))
        end = self._at(day, end_text, self._where(line, "end")) if end_text else start
        return Appointment(start=start, end=end if end >= start else end + timedelta(days=1),
                           title=cell("type"), patient=cell("patient"), provider=cell("provider"),
                           type=cell("type"), location=cell("location"))

    def _where(self, line: int, field: str) -> str:
        header = self.settings.columns.get(field, field)
        return f'schedule source {self.origin}: CSV line {line}, column "{header}"'

    def _at(self, day: date, text: str, where: str) -> datetime:
        moment = _parse(text, self.settings.time_format, AUTO_TIME_FORMATS, where, "a time").time()
        return datetime.combine(day, moment, self.zone)


def _parse(text: str, configured: str, fallbacks: Sequence[str], where: str, noun: str) -> datetime:
    formats = (configured,) if configured else fallbacks
    for pattern in formats:
        try:
            return datetime.strptime(text.upper() if "%p" in pattern else text, pattern)
        except ValueError:
            continue
    shown = " or ".join(f'"{f}"' for f in formats[:3])
    raise ScheduleError(f"{where}: expected {noun} in the format {shown}")

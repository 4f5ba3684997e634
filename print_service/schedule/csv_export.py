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
from print_service.schedule.expansion import ExpansionLimits, OccurrenceCounter
from print_service.schedule.messages import content_error_text
from print_service.schedule.model import Appointment
from print_service.schedule.settings import CsvSettings

__all__ = ["AUTO_DATE_FORMATS", "AUTO_TIME_FORMATS", "parse_csv"]

AUTO_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%d.%m.%Y")
AUTO_TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M%p", "%I:%M:%S %p")
_REQUIRED = ("date", "start")


def parse_csv(text: str, origin: str, settings: CsvSettings, zone: tzinfo, *,
              window: tuple[datetime, datetime] | None = None, limits: ExpansionLimits | None = None
              ) -> list[Appointment]:
    """Every row (within `window`, if given) as an appointment in `zone`, sorted by start.

    More rows than `limits` allows in the window, or on one day, is refused naming the line.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=settings.delimiter, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise ScheduleError(f"schedule source {origin}: the CSV file is empty") from None
    except csv.Error:
        raise ScheduleError(content_error_text(origin, "a readable header row (a quote in it is not closed, or text "
                                                       "follows a closing quote)", line=1, fmt="CSV")) from None
    if reader.line_num > 1:  # a quote opened in the header and not closed on its line swallows what follows
        raise ScheduleError(content_error_text(origin, "a header row on one line (a quote in it is not closed)",
                                               line=1, fmt="CSV"))
    rows = _RowReader(_column_index(header, settings, origin), origin, settings, zone)
    counter = OccurrenceCounter(limits or ExpansionLimits(), zone)
    appointments: list[Appointment] = []
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            appointment = rows.read(row, reader.line_num)
            if window is not None and not (appointment.end > window[0] and appointment.start < window[1]):
                continue
            over = counter.add("", appointment.start)
            if over is not None:
                raise ScheduleError(content_error_text(origin, over[1], line=reader.line_num, fmt="CSV"))
            appointments.append(appointment)
    except csv.Error:
        raise ScheduleError(content_error_text(
            origin, "a readable row (a quote not closed, or text after a closing quote)", line=reader.line_num,
            fmt="CSV")) from None
    return sorted(appointments, key=lambda a: (a.start, a.provider))


def _column_index(header: Sequence[str], settings: CsvSettings, origin: str) -> dict[str, int]:
    columns = settings.columns
    found = {name.strip().lower(): position for position, name in enumerate(header)}
    index: dict[str, int] = {}
    for ours, theirs in columns.items():
        if theirs and theirs.strip().lower() in found:
            index[ours] = found[theirs.strip().lower()]
    missing = [ours for ours in _REQUIRED if ours not in index]
    if missing:
        # The cells of that row are not shown: without a header row they are the first appointment.
        wanted = " and ".join(f'"{columns.get(m, m)}" ({m})' for m in missing)
        hint = _delimiter_hint(header, settings.delimiter)
        raise ScheduleError(content_error_text(
            origin, f"a header row with the columns {wanted} named in [schedule.csv_columns]; line 1 has "
                    f"{len(header)} column{'s' if len(header) != 1 else ''} and no such name (no header row, "
                    f"or other names){hint}", line=1, fmt="CSV"))
    return index


def _delimiter_hint(header: Sequence[str], delimiter: str) -> str:
    if len(header) != 1:
        return ""
    for other in (";", "\t", ",", "|"):
        if other != delimiter and other in header[0]:
            shown = "tab" if other == "\t" else f'"{other}"'
            return f" (the columns seem to be separated by {shown}: set schedule.csv_delimiter)"
    return ""


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

    def _where(self, line: int, field: str) -> tuple[str, int, str]:
        return self.origin, line, self.settings.columns.get(field, field)

    def _at(self, day: date, text: str, where: tuple[str, int, str]) -> datetime:
        moment = _parse(text, self.settings.time_format, AUTO_TIME_FORMATS, where, "a time").time()
        return datetime.combine(day, moment, self.zone)


def _parse(text: str, configured: str, fallbacks: Sequence[str], where: tuple[str, int, str],
           noun: str) -> datetime:
    formats = (configured,) if configured else fallbacks
    for pattern in formats:
        try:
            return datetime.strptime(text.upper() if "%p" in pattern else text, pattern)
        except ValueError:
            continue
    shown = " or ".join(f'"{f}"' for f in formats[:3])
    origin, line, column = where
    raise ScheduleError(content_error_text(origin, f"{noun} in the format {shown}", line=line, column=column,
                                           fmt="CSV"))

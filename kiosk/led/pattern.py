"""A light pattern as data: a loop (or one run) of timed segments, each holding or fading a frame.

A *frame* is one value 0..1 per channel of the LED kind (red, green, blue; or green,
amber, red; or the one LED). A segment with frame None is transparent: whatever lies
beneath shows through, which is how an overlay leaves the level's pattern visible between
its flashes. Everything here is pure arithmetic on elapsed seconds, so tests can ask for
the frame at any instant without waiting.
"""

from dataclasses import dataclass

__all__ = ["FADE_STEP", "Frame", "Pattern", "Segment"]

Frame = tuple[float, ...]

FADE_STEP = 0.02
"""How often a fading segment is redrawn (50 per second: smooth to the eye, cheap for the CPU)."""


@dataclass(frozen=True, slots=True)
class Segment:
    """`duration` seconds going linearly from `start` to `end` (equal for a hold; None = transparent)."""

    duration: float
    start: Frame | None
    end: Frame | None = None

    @property
    def fades(self) -> bool:
        """Whether the frame changes during the segment."""
        return self.end is not None and self.end != self.start

    def frame_at(self, offset: float) -> Frame | None:
        """The frame `offset` seconds into the segment."""
        if self.start is None or self.end is None or not self.fades:
            return self.start
        share = min(max(offset / self.duration, 0.0), 1.0)
        return tuple(a + (b - a) * share for a, b in zip(self.start, self.end, strict=True))


def hold(duration: float, frame: Frame | None) -> Segment:
    """A segment showing `frame` unchanged (None: transparent)."""
    return Segment(duration, frame, frame)


def fade(duration: float, start: Frame, end: Frame) -> Segment:
    """A segment fading linearly from `start` to `end`."""
    return Segment(duration, start, end)


@dataclass(frozen=True, slots=True)
class Pattern:
    """A named rhythm: `segments` played in order, looped when `repeat`, else shown once."""

    name: str
    segments: tuple[Segment, ...]
    repeat: bool = True

    @property
    def period(self) -> float:
        """Seconds for one run through the segments."""
        return sum(segment.duration for segment in self.segments)

    def _locate(self, elapsed: float) -> tuple[Segment, float] | None:
        """The segment playing `elapsed` seconds after the start, and the offset into it."""
        if elapsed < 0 or (not self.repeat and elapsed >= self.period):
            return None
        offset = elapsed % self.period
        for segment in self.segments:
            if offset < segment.duration:
                return segment, offset
            offset -= segment.duration
        return self.segments[-1], self.segments[-1].duration  # rounding at the very end

    def frame_at(self, elapsed: float) -> Frame | None:
        """The frame `elapsed` seconds after the pattern started (None: transparent or over)."""
        found = self._locate(elapsed)
        return None if found is None else found[0].frame_at(found[1])

    def finished(self, elapsed: float) -> bool:
        """Whether a one-shot pattern has played out."""
        return not self.repeat and elapsed >= self.period

    def next_change(self, elapsed: float) -> float:
        """Seconds from `elapsed` until the frame may next change (a fade asks for FADE_STEP)."""
        found = self._locate(elapsed)
        if found is None:
            return float("inf") if elapsed >= 0 else -elapsed
        segment, offset = found
        if segment.fades:
            return FADE_STEP
        return max(segment.duration - offset, 1e-3)

# mypy: disallow-subclassing-any=False
"""The level's icon, drawn with Kivy graphics so the level is told by shape as well as by colour.

check (up), padlock (read-only), warning triangle (slow), stop sign with a cross (down), globe
struck through (regional outage), Wi-Fi struck through (no internet), question mark (unknown).
"""

import math
from collections.abc import Callable
from typing import Any

from kivy.graphics import Color, Ellipse, Line
from kivy.properties import ListProperty, StringProperty
from kivy.uix.widget import Widget

__all__ = ["ICONS", "LevelIcon"]

Drawer = Callable[[float, float, float, float], None]


def _dot(x: float, y: float, radius: float) -> None:
    Ellipse(pos=(x - radius, y - radius), size=(2 * radius, 2 * radius))


def _check(cx: float, cy: float, r: float, w: float) -> None:
    Line(circle=(cx, cy, r), width=w)
    Line(points=[cx - 0.48 * r, cy + 0.02 * r, cx - 0.12 * r, cy - 0.36 * r, cx + 0.5 * r, cy + 0.4 * r],
         width=w * 1.4, cap="round", joint="round")


def _lock(cx: float, cy: float, r: float, w: float) -> None:
    body_w, body_h = 1.3 * r, 1.0 * r
    bottom = cy - 0.85 * r
    Line(rounded_rectangle=(cx - body_w / 2, bottom, body_w, body_h, 0.12 * r), width=w)
    top = bottom + body_h
    Line(points=[cx - 0.4 * r, top, cx - 0.4 * r, top + 0.3 * r], width=w)
    Line(points=[cx + 0.4 * r, top, cx + 0.4 * r, top + 0.3 * r], width=w)
    Line(circle=(cx, top + 0.3 * r, 0.4 * r, -90, 90), width=w)
    _dot(cx, bottom + 0.55 * body_h, 0.14 * r)
    Line(points=[cx, bottom + 0.5 * body_h, cx, bottom + 0.22 * body_h], width=w * 0.8)


def _warning(cx: float, cy: float, r: float, w: float) -> None:
    Line(points=[cx, cy + r, cx - 1.0 * r, cy - 0.8 * r, cx + 1.0 * r, cy - 0.8 * r], close=True, width=w,
         joint="round")
    Line(points=[cx, cy + 0.45 * r, cx, cy - 0.28 * r], width=w * 1.2, cap="round")
    _dot(cx, cy - 0.55 * r, w * 1.3)


def _octagon(cx: float, cy: float, r: float) -> list[float]:
    points: list[float] = []
    for i in range(8):
        angle = math.pi / 8 + i * math.pi / 4
        points += [cx + r * math.cos(angle), cy + r * math.sin(angle)]
    return points


def _stop(cx: float, cy: float, r: float, w: float) -> None:
    Line(points=_octagon(cx, cy, r), close=True, width=w, joint="miter")
    d = 0.42 * r
    Line(points=[cx - d, cy - d, cx + d, cy + d], width=w * 1.4, cap="round")
    Line(points=[cx - d, cy + d, cx + d, cy - d], width=w * 1.4, cap="round")


def _globe(cx: float, cy: float, r: float, w: float) -> None:
    Line(circle=(cx, cy, r), width=w)
    Line(ellipse=(cx - 0.45 * r, cy - r, 0.9 * r, 2 * r), width=w * 0.7)
    Line(points=[cx - r, cy, cx + r, cy], width=w * 0.7)
    Line(points=[cx - 0.87 * r, cy + 0.5 * r, cx + 0.87 * r, cy + 0.5 * r], width=w * 0.5)
    Line(points=[cx - 0.87 * r, cy - 0.5 * r, cx + 0.87 * r, cy - 0.5 * r], width=w * 0.5)
    _strike(cx, cy, r, w)


def _strike(cx: float, cy: float, r: float, w: float) -> None:
    d = 0.95 * r
    Line(points=[cx - d, cy + d, cx + d, cy - d], width=w * 1.5, cap="round")


def _no_signal(cx: float, cy: float, r: float, w: float) -> None:
    base = cy - 0.7 * r
    for scale in (0.45, 0.9, 1.35):
        Line(circle=(cx, base, scale * r, -45, 45), width=w, cap="round")
    _dot(cx, base + 0.05 * r, w * 1.4)
    _strike(cx, cy, r, w)


def _question(cx: float, cy: float, r: float, w: float) -> None:
    ring_r, ring_y = 0.42 * r, cy + 0.38 * r
    Line(circle=(cx, ring_y, ring_r, -80, 170), width=w * 1.2, cap="round")
    end_x = cx + ring_r * math.sin(math.radians(170))
    end_y = ring_y + ring_r * math.cos(math.radians(170))
    Line(points=[end_x, end_y, cx, end_y - 0.12 * r, cx, cy - 0.35 * r], width=w * 1.2, cap="round",
         joint="round")
    _dot(cx, cy - 0.72 * r, w * 1.5)


ICONS: dict[str, Drawer] = {
    "check": _check, "lock": _lock, "warning": _warning, "stop": _stop, "globe": _globe,
    "no_signal": _no_signal, "question": _question,
}


class LevelIcon(Widget):
    """A square icon in one colour; `kind` names a drawer in ICONS."""

    kind = StringProperty("question")
    colour = ListProperty([1.0, 1.0, 1.0, 1.0])

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.bind(pos=self.redraw, size=self.redraw, kind=self.redraw, colour=self.redraw)
        self.redraw()

    def redraw(self, *_: object) -> None:
        """Draw the icon again (only when something about it changed)."""
        self.canvas.clear()
        side = min(self.width, self.height)
        radius = side * 0.42
        with self.canvas:
            Color(*self.colour)
            ICONS.get(self.kind, _question)(self.center_x, self.center_y, radius, max(1.5, side * 0.05))

"""Every level at every screen size clinics mount, in a real Kivy window under Xvfb: the whole checklist
is on screen without scrolling, big enough to read, and nothing overlaps. The same run writes one contact
sheet per size to docs/screens/ (layout-<w>x<h>.png) when UPDATE_DOCS_SCREENS=1; look at them."""

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.status import Level
from kiosk.status.guidance import SUPPORT_PHONE, guidance_for
from kiosk.ui.layout import status_layout
from tests.fixtures.xvfb import KivyHarness
from tests.ui.conftest import MakeCtx
from tests.ui.states import LEVELS, NOW, doc, make_state, write_state
from tests.ui.test_docs_screens import EVENTS

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screens"
SIZES = [(800, 480), (720, 1280), (1280, 720), (1024, 600), (1280, 800), (1920, 1080)]
SHEET_WIDTH = 1600  # px of one contact sheet (all levels of one size, scaled down)


def window_box(widget: Any) -> tuple[float, float, float, float]:
    x, y = widget.to_window(widget.x, widget.y)
    return x, y, x + widget.width, y + widget.height


def inside(inner: tuple[float, ...], outer: tuple[float, ...], slack: float = 0.5) -> bool:
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack and inner[2] <= outer[2] + slack
            and inner[3] <= outer[3] + slack)


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5


def text_box(label: Any) -> tuple[float, float, float, float]:
    """Where the label's text is drawn (its texture), in window coordinates."""
    x, _y, _right, top = window_box(label)
    width, height = label.texture_size
    return x, top - height, x + width, top


def visible_box(label: Any) -> tuple[float, float, float, float] | None:
    """The label's text clipped to the scroll views around it (None: scrolled out of sight)."""
    from kivy.uix.scrollview import ScrollView

    box = text_box(label)
    parent = label.parent
    while parent is not None and parent is not parent.parent:
        if isinstance(parent, ScrollView):
            view = window_box(parent)
            box = (max(box[0], view[0]), max(box[1], view[1]), min(box[2], view[2]), min(box[3], view[3]))
            if box[2] <= box[0] or box[3] <= box[1]:
                return None
        parent = parent.parent
    return box


def overflows(label: Any) -> bool:
    """Whether a label of fixed size (text_size set both ways) has more wrapped lines than room: Kivy then
    drops lines or draws them over its neighbours. An ellipsis (`shorten`) is a deliberate cut, not this."""
    from kivy.core.text import Label as CoreLabel

    width, height = label.text_size
    if width is None or height is None or label.shorten or not label.text:
        return False

    def lines(box: tuple[float, float | None]) -> int:
        core = CoreLabel(text=label.text, font_size=label.font_size, bold=label.bold, text_size=box)
        core.render()
        return len(core._cached_lines)

    return lines((width, height)) < lines((width, None))


def check_status_screen(kivy: KivyHarness, size: tuple[int, int], level: str,
                        guidance: list[str] | None = None) -> None:
    """The checks of one mounted Status screen; `guidance` is the checklist expected (default: the level's)."""
    from kivy.uix.label import Label

    status = kivy.root.screens["status"]
    layout = status_layout(*size)
    window = (0.0, 0.0, float(size[0]), float(size[1]))
    view = window_box(status.todo)
    items = status.todo.items
    guidance = list(guidance_for(Level(level))) if guidance is None else guidance
    assert items, f"no checklist at {size}"
    assert [label.text.split(".  ", 1)[1] for label in items] == list(guidance), "every item, in its words"
    for label in items:
        box = text_box(label)
        assert label.texture_size[1] <= label.height + 0.5, f"{label.text!r} is taller than its label"
        assert inside(box, window), f"{label.text!r} leaves the window at {size}"
        assert inside(box, view), f"{label.text!r} is outside the checklist's visible area at {size}: {box} {view}"
        assert layout.cap_mm(label.font_size) >= 2.5 - 1e-6, f"{label.text!r} too small at {size}"
    assert status.todo.scroll_y in (0, 1) and status.todo.content.height <= status.todo.height + 1, "no scrolling"
    words = [w for w in kivy.root.walk(restrict=True) if isinstance(w, Label) and w.text and w.opacity > 0
             and w.get_root_window() is not None and w is not status.note.label]
    for word in words:
        assert not overflows(word), f"{word.text!r} needs more room than its box at {size}"
    boxes = [(w.text, visible_box(w)) for w in words]
    for word, (text, box) in zip(words, boxes, strict=True):
        assert box is None or inside(text_box(word), box), f"{text!r} is cut by its scroll view at {size}"
    boxes = [(text, box) for text, box in boxes if box is not None]
    for n, (text, box) in enumerate(boxes):
        for other, other_box in boxes[n + 1:]:
            assert not overlap(box, other_box), f"{text!r} overlaps {other!r} at {size}"
    assert status.word.texture_size[0] <= status.word.width + 1, f"the band word is cut at {size}"
    assert layout.cap_mm(status.word.font_size) >= 7.0 - 1e-6, f"the band word is too small at {size}"
    checklist = " ".join(guidance)
    if "DrFirst" in checklist:
        assert any("DrFirst" in label.text for label in items)
    if SUPPORT_PHONE in checklist:
        assert any(SUPPORT_PHONE in label.text for label in items)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_level_fits_at_every_size(size: tuple[int, int], kivy_screen: KivyHarness, make_ctx: MakeCtx,
                                        state_path: Path) -> None:
    shots: list[Path] = []
    for level in LEVELS:
        state = make_state(level, guidance=list(guidance_for(Level(level))), **EVENTS.get(level, {}))
        write_state(state_path, state)
        kivy_screen.mount(make_ctx(), size=size)
        kivy_screen.frames(4)
        assert tuple(kivy_screen.window.size) == size
        check_status_screen(kivy_screen, size, level)
        shots.append(kivy_screen.screenshot(f"layout-{size[0]}x{size[1]}-{level}"))
    sheet = contact_sheet(shots, size, kivy_screen.shots / f"layout-{size[0]}x{size[1]}.png")
    if os.environ.get("UPDATE_DOCS_SCREENS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        sheet.replace(DOCS / sheet.name)
    assert (DOCS / f"layout-{size[0]}x{size[1]}.png").exists(), "docs/screens is missing (UPDATE_DOCS_SCREENS=1)"


TWO_ALERTS = [
    {"kind": "printer", "since": "2026-11-25T14:00:00+00:00",
     "message": "Printer is out of paper: add paper, then press Resume on the Print screen"},
    {"kind": "nightly", "since": "2026-11-24T22:30:00+00:00",
     "message": "Last night's schedule did not print: the printer did not answer. Print it from the Print screen"},
]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_two_alerts_leave_the_whole_checklist_on_screen(size: tuple[int, int], kivy_screen: KivyHarness,
                                                       make_ctx: MakeCtx, state_path: Path) -> None:
    for level in ("regional_outage", "outage", "offline"):
        state = make_state(level, guidance=list(guidance_for(Level(level))), alerts=TWO_ALERTS,
                           **EVENTS.get(level, {}))
        write_state(state_path, state)
        kivy_screen.mount(make_ctx(), size=size)
        kivy_screen.frames(4)
        bar, lines = kivy_screen.root.alerts, status_layout(*size).alert_lines
        messages = [a["message"] for a in TWO_ALERTS]
        assert bar.opacity == 1 and bar.text.text.split("\n") == messages[:lines], "the first alerts, in order"
        assert bar.more.text == ("" if lines == 2 else "+1 on Info"), "and how many more there are"
        window = (0.0, 0.0, float(size[0]), float(size[1]))
        for label in (bar.text, bar.more):
            assert inside(window_box(label), window), f"the alert bar leaves the window at {size}"
            assert label.texture_size[1] <= label.height + 0.5, f"an alert line is cut at {size}"
            assert label.texture_size[0] <= label.width + 0.5, f"an alert line is cut at {size}"
        check_status_screen(kivy_screen, size, level)
    kivy_screen.screenshot(f"alerts-{size[0]}x{size[1]}")


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_a_stopped_monitor_fits_at_every_size(size: tuple[int, int], kivy_screen: KivyHarness, make_ctx: MakeCtx,
                                             state_path: Path) -> None:
    from kiosk.ui.status_view import status_view

    old = make_state("outage", now=NOW - timedelta(minutes=10), guidance=list(guidance_for(Level.OUTAGE)))
    write_state(state_path, old)
    ctx = make_ctx()
    kivy_screen.mount(ctx, size=size)
    kivy_screen.frames(4)
    stopped = status_view(doc(old), NOW, monitor_timeout=ctx.settings.monitor_timeout_seconds, stale_after=300)
    band_word = kivy_screen.root.screens["status"].word.text.replace("\n", " ")
    assert not stopped.monitor_running and band_word == stopped.look.word
    check_status_screen(kivy_screen, size, "unknown", guidance=stopped.guidance)
    kivy_screen.screenshot(f"stopped-{size[0]}x{size[1]}")


def contact_sheet(shots: list[Path], size: tuple[int, int], target: Path) -> Path:
    """All levels of one size side by side (4 across in landscape, 7 across in portrait), small PNG."""
    from PIL import Image

    across = 7 if size[1] > size[0] else 4
    rows = -(-len(shots) // across)
    scale = SHEET_WIDTH / (across * size[0])
    tile = (round(size[0] * scale), round(size[1] * scale))
    sheet = Image.new("RGB", (tile[0] * across, tile[1] * rows), (40, 40, 40))
    for n, shot in enumerate(shots):
        with Image.open(shot) as image:
            sheet.paste(image.convert("RGB").resize(tile, Image.Resampling.LANCZOS),
                        ((n % across) * tile[0], (n // across) * tile[1]))
    sheet.quantize(colors=128).save(target, optimize=True)
    return target


@pytest.mark.parametrize("size", [(800, 480), (720, 1280), (1024, 600)], ids=["800x480", "720x1280", "1024x600"])
def test_every_form_button_is_on_screen_with_an_alert_standing(size: tuple[int, int], kivy_screen: KivyHarness,
                                                               make_ctx: MakeCtx, state_path: Path,
                                                               tmp_path: Path) -> None:
    from kiosk.ui.services import ServicePrintDesk
    from kiosk.ui.widgets.fit import text_height
    from print_service.forms.catalogue import FormCatalogue
    from print_service.printing import PrintingSettings
    from print_service.printing.service import PrintService

    state = make_state("outage", alerts=[{"kind": "printer", "since": "2026-11-25T14:00:00+00:00",
                                          "message": "Printer is out of paper: add paper, then press Resume"}])
    write_state(state_path, state)
    desk = ServicePrintDesk(PrintService(PrintingSettings(output_dir=tmp_path)),
                            FormCatalogue(cache_dir=tmp_path / "forms"))
    root = kivy_screen.mount(make_ctx(print_desk=desk), size=size)
    kivy_screen.tap(root.nav.tabs["print"])
    screen = root.screens["print"]
    kivy_screen.wait_until(lambda: len(screen.rows) >= 6, what="the forms")
    kivy_screen.frames(3)
    view = window_box(screen.forms_box)
    for row in screen.rows.values():
        for widget in (row.button, row.less, row.more):
            assert inside(window_box(widget), view), f"{row.form.title} is cut at {size}"
        words = text_height(row.button.text, row.button.font_size, row.button.width, bold=True)
        assert words <= row.button.height, f"{row.form.title} words are cut at {size}"
    kivy_screen.screenshot(f"print-{size[0]}x{size[1]}")

"""Press, hold and debounce as pure logic: edges in, gestures out."""

from kiosk.button.recogniser import Gesture, PressRecogniser


def test_a_short_press_is_reported_on_release() -> None:
    r = PressRecogniser(bounce=0.05, hold=3.0)
    assert r.edge(True, 10.0) is None
    assert r.tick(11.0) is None
    assert r.edge(False, 10.4) is Gesture.PRESS


def test_chatter_within_the_bounce_time_is_one_press() -> None:
    r = PressRecogniser(bounce=0.05, hold=3.0)
    edges = [(True, 1.000), (False, 1.002), (True, 1.004), (False, 1.030), (True, 1.031),  # closing chatter
             (False, 1.500), (True, 1.503), (False, 1.510)]                               # opening chatter
    assert [r.edge(pressed, at) for pressed, at in edges].count(Gesture.PRESS) == 1


def test_without_debounce_chatter_counts_every_time() -> None:
    r = PressRecogniser(bounce=0.0, hold=3.0)
    edges = [(True, 1.000), (False, 1.002), (True, 1.004), (False, 1.030)]
    assert [r.edge(pressed, at) for pressed, at in edges].count(Gesture.PRESS) == 2


def test_a_hold_fires_once_at_the_hold_time_and_its_release_is_silent() -> None:
    r = PressRecogniser(bounce=0.05, hold=3.0)
    r.edge(True, 5.0)
    assert r.hold_deadline() == 8.0
    assert r.tick(7.99) is None
    assert r.tick(8.0) is Gesture.HOLD
    assert r.tick(9.0) is None
    assert r.hold_deadline() is None
    assert r.edge(False, 9.5) is None
    r.edge(True, 20.0)
    assert r.edge(False, 20.5) is Gesture.PRESS  # the next press is a press again

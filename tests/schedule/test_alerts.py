"""Alert files: one JSON file per kind, `since` kept while active, removed when resolved."""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from print_service.alerts import Alert, AlertStore


def test_raise_update_and_clear(tmp_path: Path) -> None:
    moments = iter([datetime(2026, 11, 27, 17, 30, tzinfo=UTC), datetime(2026, 11, 27, 17, 35, tzinfo=UTC)])
    store = AlertStore(tmp_path / "alerts", now=lambda: next(moments))
    first = store.raise_alert("nightly_print", "not printed yet")
    second = store.raise_alert("nightly_print", "still not printed")
    assert second.since == first.since == datetime(2026, 11, 27, 17, 30, tzinfo=UTC)
    assert json.loads((tmp_path / "alerts" / "nightly_print.json").read_text()) == {
        "kind": "nightly_print", "since": "2026-11-27T17:30:00+00:00", "message": "still not printed"}
    assert store.active() == [Alert("nightly_print", first.since, "still not printed")]
    assert store.clear("nightly_print") is True
    assert store.clear("nightly_print") is False
    assert store.active() == []


def test_active_is_oldest_first_and_skips_garbage(tmp_path: Path) -> None:
    now = datetime(2026, 11, 27, tzinfo=UTC)
    AlertStore(tmp_path, now=lambda: now + timedelta(hours=1)).raise_alert("b_later", "later")
    AlertStore(tmp_path, now=lambda: now).raise_alert("a_first", "first")
    (tmp_path / "broken.json").write_text("{not json")
    assert [a.kind for a in AlertStore(tmp_path).active()] == ["a_first", "b_later"]
    assert AlertStore(tmp_path / "missing").active() == []


def test_kind_must_be_a_plain_name(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"alert kind '\.\./x'"):
        AlertStore(tmp_path).raise_alert("../x", "no")

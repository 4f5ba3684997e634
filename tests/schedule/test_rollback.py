"""Someone with the card: an older cache.bin copied back, a deleted key, loose key modes.

The rollback is refused (generation and fetch time are bound into AES-GCM's associated data
and compared with generation.json); a missing or unusable key or cache is replaced by the
next fetch and stands as the `schedule_reset` alert, never silently; the key's modes are
fixed or the key refused.
"""

import os
import shutil
import stat
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from print_service.alerts import AlertStore
from print_service.errors import ScheduleError
from print_service.paths import AppPaths
from print_service.schedule.cache import RESET_ALERT, ScheduleCache
from print_service.schedule.keys import load_key
from print_service.schedule.sealed import LEGACY_MAGIC, MAGIC
from tests.fixtures.calendars import NOW, reference_ics

MakeCache = Callable[..., ScheduleCache]


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.ics"
    path.write_text(reference_ics())
    return path


def _alerts(paths: AppPaths) -> dict[str, str]:
    return {a.kind: a.message for a in AlertStore(paths.alerts_dir).active()}


def test_an_older_cache_copied_back_is_refused_and_reset_loudly(make_cache: MakeCache, feed: Path,
                                                                 schedule_paths: AppPaths, tmp_path: Path) -> None:
    cache = make_cache(feed)
    assert cache.refresh().ok
    shutil.copy(cache.cache_file, tmp_path / "old-cache.bin")
    later = make_cache(feed, now=NOW + timedelta(hours=1))
    assert later.refresh().ok
    assert later.generations.last() is not None and later.generations.last().generation == 2  # type: ignore[union-attr]
    shutil.copy(tmp_path / "old-cache.bin", later.cache_file)  # the older copy, still valid under the key
    with pytest.raises(ScheduleError, match=r"refused, its generation 1 is older than the last one this kiosk "
                                            r"wrote \(2\) \(was an older cache.bin copied back\?\)"):
        later.load()
    assert "refused" in (later.freshness().error or "")
    assert later.refresh().ok  # the next fetch replaces it …
    assert "could not be used and was reset" in _alerts(schedule_paths)[RESET_ALERT]  # … and says so
    assert later.load() is not None


def test_the_generation_in_the_header_cannot_be_edited(make_cache: MakeCache, feed: Path) -> None:
    cache = make_cache(feed)
    assert cache.refresh().ok
    blob = bytearray(cache.cache_file.read_bytes())
    assert blob.startswith(MAGIC)
    blob[len(MAGIC) + 7] = 0x7F  # generation 1 -> 127: newer than anything, if the tag did not cover it
    cache.cache_file.write_bytes(bytes(blob))
    with pytest.raises(ScheduleError, match="does not open with this key"):
        cache.load()


def test_a_first_layout_cache_opens_until_this_kiosk_writes_a_new_one(make_cache: MakeCache, feed: Path) -> None:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    cache = make_cache(feed)
    assert cache.refresh().ok
    plaintext = cache.load()
    assert plaintext is not None
    key = load_key(cache.paths.key_file, {})
    assert key is not None
    nonce = os.urandom(12)
    legacy = LEGACY_MAGIC + nonce + AESGCM(key).encrypt(nonce, plaintext.to_bytes(), LEGACY_MAGIC)
    cache.generations.path.unlink()  # as before the upgrade: no record yet
    cache.cache_file.write_bytes(legacy)
    assert cache.load() is not None
    assert cache.refresh().ok
    cache.cache_file.write_bytes(legacy)
    with pytest.raises(ScheduleError, match="first layout"):
        cache.load()


def test_a_deleted_key_is_an_alert_never_a_silent_reset(make_cache: MakeCache, feed: Path,
                                                       schedule_paths: AppPaths) -> None:
    cache = make_cache(feed)
    assert cache.refresh().ok
    schedule_paths.key_file.unlink()
    with pytest.raises(ScheduleError, match="no key to open it"):
        cache.load()
    result = cache.refresh()
    assert result.ok  # a new key and a fresh copy, so the kiosk keeps working …
    assert _alerts(schedule_paths)[RESET_ALERT] == "The schedule key is missing; the cache was reset. Call IT."
    day_later = make_cache(feed, now=NOW + timedelta(days=1, minutes=1))
    assert day_later.refresh().ok
    assert RESET_ALERT not in _alerts(schedule_paths)  # … and the alert stands a day


def test_loose_key_modes_are_fixed_or_refused(make_cache: MakeCache, feed: Path, schedule_paths: AppPaths) -> None:
    cache = make_cache(feed)
    assert cache.refresh().ok
    key_file = schedule_paths.key_file
    key_file.chmod(0o644)
    key_file.parent.chmod(0o755)
    assert cache.load() is not None
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    key_file.parent.chmod(0o777)
    with pytest.raises(ScheduleError, match=r"its folder may be written by others \(mode 0777\); expected 0700"):
        load_key(key_file, {})
    key_file.parent.chmod(0o700)
    (key_file.parent / "real.key").write_bytes(key_file.read_bytes())
    key_file.unlink()
    key_file.symlink_to(key_file.parent / "real.key")
    with pytest.raises(ScheduleError, match="expected a regular file"):
        load_key(key_file, {})

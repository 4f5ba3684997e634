"""The configuration loader: where the file comes from, and one clear line for every mistake."""

from pathlib import Path

import pytest

from kiosk.config import BUILTIN_SOURCE, load_config, parse_config
from kiosk.errors import ConfigError
from kiosk.status.settings import DEFAULT_PAGE_URL, StatusSettings
from print_service.paths import AppPaths


def test_explicit_file_wins_over_variable(tmp_path: Path) -> None:
    chosen = tmp_path / "chosen.toml"
    chosen.write_text('[status]\npoll_seconds = 30\n')
    other = tmp_path / "other.toml"
    other.write_text('[status]\npoll_seconds = 90\n')
    config = load_config(chosen, env={"DOWNTIME_KIOSK_CONFIG": str(other)})
    assert config.get(StatusSettings).poll_seconds == 30
    assert config.source == str(chosen)


def test_variable_used_when_no_explicit_file(tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_text('[status]\npoll_seconds = 90\n')
    assert load_config(None, env={"DOWNTIME_KIOSK_CONFIG": str(other)}).get(StatusSettings).poll_seconds == 90


def test_named_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"missing\.toml: file not found"):
        load_config(tmp_path / "missing.toml", env={})


def test_builtin_defaults_watch_the_real_icanotes() -> None:
    config = parse_config({}, BUILTIN_SOURCE, env={})
    status = config.get(StatusSettings)
    assert status.page_url == DEFAULT_PAGE_URL == "https://icanotes.instatus.com"
    assert status.ehr_url == "https://ehr.icanotes.com"
    assert status.upload_url == "https://upload.icanotes.com"
    assert len(status.internet_urls) == 2


def test_paths_follow_systemd_directories() -> None:
    env = {"STATE_DIRECTORY": "/var/lib/dk:/var/lib/other", "RUNTIME_DIRECTORY": "/run/dk"}
    paths = parse_config({}, "x", env=env).get(AppPaths)
    assert paths.state_dir == Path("/var/lib/dk")
    assert paths.runtime_dir == Path("/run/dk")
    assert paths.state_file == Path("/run/dk/state.json")


def test_paths_in_file_win_over_systemd() -> None:
    paths = parse_config({"paths": {"state_dir": "/srv/state"}}, "x", env={"STATE_DIRECTORY": "/var/lib/dk"})
    assert paths.get(AppPaths).state_dir == Path("/srv/state")


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"status": {"poll_seconds": "60"}}, "status.poll_seconds: expected a number greater than 0, got '60'"),
        ({"status": {"poll_seconds": -1}}, "status.poll_seconds: expected a number greater than 0, got -1"),
        ({"status": {"confirm_polls": 0}}, "status.confirm_polls: expected a whole number from 1 to 10, got 0"),
        ({"status": {"page_url": "icanotes.instatus.com"}}, "status.page_url: expected an absolute http"),
        ({"status": {"ehr_url": "ftp://x"}}, "status.ehr_url: expected an absolute http or https URL or \"\""),
        ({"status": {"internet_urls": ["https://ok.test", 5]}}, "status.internet_urls: expected a list of"),
        ({"status": {"provider": "pingdom"}}, 'status.provider: expected one of "auto", "instatus"'),
        ({"status": {"poll_second": 5}}, "status.poll_second: unknown key"),
        ({"statuss": {}}, "[statuss]: unknown section"),
        ({"status": 5}, "status: expected a [status] table"),
        ({"paths": {"state_dir": "relative/dir"}}, "paths.state_dir: expected an absolute path"),
        ({"status": {"watch_components": "EHR"}}, "status.watch_components: expected a list of strings"),
        ({"status": {"confirm_polls": True}}, "status.confirm_polls: expected a whole number"),
    ],
)
def test_each_mistake_is_one_line_naming_file_and_key(document: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(document, "/etc/downtime-kiosk/config.toml", env={})
    text = str(caught.value)
    assert text.startswith("/etc/downtime-kiosk/config.toml: ")
    assert message in text
    assert "\n" not in text


def test_empty_probe_urls_switch_probes_off() -> None:
    status = parse_config({"status": {"ehr_url": "", "upload_url": ""}}, "x", env={}).get(StatusSettings)
    assert (status.ehr_url, status.upload_url) == ("", "")


def test_invalid_toml_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("[status]\npoll_seconds = = 3\n")
    with pytest.raises(ConfigError, match=r"broken\.toml: not valid TOML: .*line 2"):
        load_config(path, env={})


def test_non_utf8_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'[status]\nwatch_components = ["Caf\xe9"]\n')
    with pytest.raises(ConfigError, match=r"latin1\.toml: not valid TOML"):
        load_config(path, env={})

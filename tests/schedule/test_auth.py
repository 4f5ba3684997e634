"""URL authentication: none, basic and bearer, with the secret from a systemd credential or a file."""

import base64
from collections.abc import Callable
from pathlib import Path

import pytest

from print_service.schedule.cache import ScheduleCache
from tests.fixtures.calendars import reference_ics
from tests.fixtures.http_server import LocalHTTPServer, Reply, Request

MakeCache = Callable[..., ScheduleCache]


def _guarded(expected: str) -> Callable[[Request], Reply]:
    def answer(request: Request) -> Reply:
        if request.headers.get("Authorization") != expected:
            return Reply(status=401, body="no")
        return Reply(body=reference_ics(), content_type="text/calendar")

    return answer




def test_bearer_token_from_systemd_credential(make_cache: MakeCache, http_server: LocalHTTPServer,
                                              tmp_path: Path) -> None:
    http_server.route("/feed.ics", _guarded("Bearer tok-fictional-42"))
    credentials = tmp_path / "credentials"
    credentials.mkdir()
    (credentials / "schedule.secret").write_text("tok-fictional-42\n")
    cache = make_cache(http_server.url + "/feed.ics", auth="bearer", secret_file=tmp_path / "absent")
    cache._env = {"CREDENTIALS_DIRECTORY": str(credentials)}
    assert cache.refresh().ok


def test_basic_auth_from_secret_file(make_cache: MakeCache, http_server: LocalHTTPServer, tmp_path: Path) -> None:
    token = base64.b64encode(b"frontdesk:pa:ss").decode()
    http_server.route("/feed.ics", _guarded(f"Basic {token}"))
    secret = tmp_path / "schedule.secret"
    secret.write_text("frontdesk:pa:ss\n")
    cache = make_cache(http_server.url + "/feed.ics", auth="basic", secret_file=secret)
    assert cache.refresh().ok


def test_wrong_secret_is_401_with_clear_error(make_cache: MakeCache, http_server: LocalHTTPServer,
                                              tmp_path: Path) -> None:
    http_server.route("/feed.ics", _guarded("Bearer right"))
    secret = tmp_path / "schedule.secret"
    secret.write_text("wrong")
    result = make_cache(http_server.url + "/feed.ics", auth="bearer", secret_file=secret).refresh()
    assert result.error == (f"schedule source http://127.0.0.1:{http_server.port}: access refused (HTTP 401); "
                            "check schedule.auth and the secret")


@pytest.mark.parametrize(("content", "expected"), [
    (None, "schedule.auth needs a secret: none found in"),
    ("", "the file is empty"),
    ("no-colon", 'needs the secret as "user:password"'),
])
def test_missing_or_bad_secret(make_cache: MakeCache, http_server: LocalHTTPServer, tmp_path: Path,
                               content: str | None, expected: str) -> None:
    secret = tmp_path / "schedule.secret"
    if content is not None:
        secret.write_text(content)
    result = make_cache(http_server.url + "/feed.ics", auth="basic", secret_file=secret).refresh()
    assert result.error is not None and expected in result.error
    assert http_server.requests == []


def test_no_auth_sends_no_authorization_header(make_cache: MakeCache, http_server: LocalHTTPServer) -> None:
    http_server.route("/feed.ics", Reply(body=reference_ics(), content_type="text/calendar"))
    assert make_cache(http_server.url + "/feed.ics").refresh().ok
    assert "Authorization" not in http_server.requests[0].headers

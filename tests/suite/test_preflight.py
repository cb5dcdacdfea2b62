"""The preflight: every unfit target is one PreflightError line, checked before any browser starts."""

import http.server
import threading

import pytest

from mattermost_suite.config import load
from mattermost_suite.errors import ConfigError, PreflightError
from mattermost_suite.secrets import Secret
from mattermost_suite.server.api import MattermostApi
from mattermost_suite.server.preflight import check_grid, check_server
from tests.support.constants import ADMIN_PASSWORD

pytestmark = pytest.mark.contract


def target(url, **settings):
    config = load({"base_url": url, "admin_password": ADMIN_PASSWORD, "request_timeout": "3", **settings}, {}, env={})
    return config, MattermostApi(config.base_url, timeout=config.request_timeout)


def test_the_standin_passes_and_its_generation_is_detected(standin):
    info = check_server(*target(standin.url))
    assert info.ui == standin.ui and standin.version.startswith(info.version_text)
    assert info.team_name == "ad-1"


def test_ui_setting_overrides_detection(standin):
    other = "legacy" if standin.ui == "current" else "current"
    assert check_server(*target(standin.url, ui=other)).ui == other


def test_wrong_admin_password(standin):
    with pytest.raises(PreflightError, match="admin 'sysadmin' cannot log in to .*invalid_credentials"):
        check_server(*target(standin.url, admin_password="wrong-password"))


def test_admin_without_manage_system(standin):
    admin = MattermostApi(standin.url)
    admin.log_in("sysadmin", Secret(ADMIN_PASSWORD))
    user = admin.create_user(
        "mmt940-plain-" + standin.ui[:3], f"plain-{standin.ui}@example.com", Secret("Pl@in-user-1")
    )
    try:
        with pytest.raises(PreflightError, match="lacks the manage_system permission .*system_user"):
            check_server(*target(standin.url, admin_username=user["username"], admin_password="Pl@in-user-1"))
    finally:
        admin.delete_user(user["id"], permanent=True)


def test_unreachable_server():
    with pytest.raises(PreflightError, match=r"^cannot reach http://127.0.0.1:9: connection refused$"):
        check_server(*target("http://127.0.0.1:9"))


def test_a_web_server_that_is_not_mattermost():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with pytest.raises(PreflightError, match="is not a Mattermost server: .* without an X-Version-Id header"):
            check_server(*target(f"http://127.0.0.1:{server.server_address[1]}"))
    finally:
        server.shutdown()
        server.server_close()


def test_a_real_revoke_on_a_remote_server_without_allow_revoke_all_is_refused_before_any_request():
    """A remote server is a rehearsal by default (config.rehearsal_reason); only rehearsal=false asks for more."""
    config, api = target("https://chat.example.com", rehearsal="false")
    with pytest.raises(ConfigError, match="refusing rehearsal=false on chat.example.com"):
        check_server(config, api)


def test_an_external_grid_that_does_not_answer_is_one_line():
    config = load({"grid_url": "http://127.0.0.1:9", "request_timeout": "3"}, {}, env={})
    with pytest.raises(PreflightError) as caught:
        check_grid(config)
    assert str(caught.value) == (
        "the Selenium Grid at http://127.0.0.1:9 does not answer: connection refused (grid_url / SELENIUM_GRID_URL)"
    )

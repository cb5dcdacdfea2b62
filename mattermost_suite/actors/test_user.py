"""The test user of MM-T940: logged in on several devices at once (browsers and mobile apps), which it keeps
visible and never touches; or, in the permissions scenario, a user on one browser who may not revoke sessions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor

from mattermost_suite.actors.apps import MobileApps
from mattermost_suite.actors.browsers import Browsers
from mattermost_suite.config import Config, never_in_a_rehearsal
from mattermost_suite.domain import TEST_USER, Person, ServerAnswer, Site
from mattermost_suite.fleet import Device, Fleet
from mattermost_suite.lifecycle.device_table import Row, chosen_rows, wanted_devices
from mattermost_suite.pages import SystemUsersPage, WaitTimeout
from mattermost_suite.server.api import MattermostApi
from mattermost_suite.server.settings import open_sign_in_method
from mattermost_suite.story.events import DevicesChosen, EventBus, SentAway
from mattermost_suite.story.presenter import REFUSED_STILL_LOGGED_IN

PERMISSIONS = "api.context.permissions.app_error"  # the server's error id for "You do not have the appropriate ..."


class TestUser:
    __test__ = False  # not a pytest test class

    def __init__(
        self, person: Person, fleet: Fleet, site: Site, config: Config, bus: EventBus, client_config: Mapping[str, str]
    ):
        self.person, self.fleet, self.site, self.config, self.bus = person, fleet, site, config, bus
        self.client_config = client_config
        self.browsers = Browsers(bus, config.deadlines)
        self.apps = MobileApps(fleet, config, bus)
        self._revoke_answer: ServerAnswer | None = None

    @property
    def devices(self) -> list[Device]:
        return [*self.browsers.devices, *self.apps.devices]

    def logs_in_on(self, rows: Sequence[Row]) -> None:
        """Browsers start and log in through the login page while the apps (and extra app sessions) log in through
        the REST API, all at the same time."""
        wanted = wanted_devices(chosen_rows(rows, self.config.devices), TEST_USER)
        self.bus.publish(DevicesChosen(tuple(record for _, record in wanted)))
        browser_rows = [(profile, record) for profile, record in wanted if profile.starts_a_browser]
        app_rows = [(profile, record) for profile, record in wanted if not profile.starts_a_browser]
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="apps-log-in") as pool:
            apps_done = pool.submit(self.apps.log_in, self.person, app_rows)
            if browser_rows:
                self.browsers.start_and_log_in(self.fleet, browser_rows, self.person)
            apps_done.result()
        self.apps.announce_logins()

    def logs_in_on_one_browser(self, name: str) -> None:
        """Through the login page, by email or, on a server with sign-in by email off, by username (the feature
        does not say which); then its own session shows that it holds no system admin role."""
        wanted = wanted_devices([(name, open_sign_in_method(self.client_config))], TEST_USER)
        self.bus.publish(DevicesChosen(tuple(record for _, record in wanted)))
        self.browsers.devices = self.fleet.start(wanted)
        self.browsers.log_in(self.person)
        roles = self._as_myself("GET", "/users/me").json().get("roles", "")
        assert "system_admin" not in roles.split(), f"the test user is a system admin (roles {roles!r})"

    # -- a user who is not a system admin, in System Console > Users -----------------------------------------
    @property
    def browser(self) -> Device:
        [device] = self.browsers.devices
        return device

    def goes_to_users_page(self) -> None:
        self.browser.on(SystemUsersPage).visit()

    def is_sent_away_from_users_page(self) -> None:
        """The real console redirects a user without an admin role (to their team) in every era; a console page
        that offers the button has settled too, and fails here by name."""
        page = self.browser.on(SystemUsersPage)
        try:
            page.wait_until_left_or_offered(self.config.deadlines.page_load)
        except WaitTimeout as timeout:
            raise AssertionError(f"the test user was not sent away from System Console > Users: {timeout}") from None
        offered = ', which offers "Revoke All Sessions"' if page.offers_revoke_all_sessions() else ""
        assert not page.in_console(), f"the test user stays on System Console > Users at {page.where()}{offered}"
        self.browser.record.sent_to = page.where()
        self.bus.publish(SentAway(self.browser, page.where()))

    def is_not_offered(self, label: str) -> None:
        page = self.browser.on(SystemUsersPage)
        assert label == page.revoke_all_label, f"the suite knows the button as {page.revoke_all_label!r}, not {label!r}"
        assert not page.offers_revoke_all_sessions(), f'the test user is offered "{label}" at {page.where()}'

    def asks_server_to_revoke_all_sessions(self) -> None:
        """With its own browser's session, as any script of theirs could."""
        never_in_a_rehearsal(self.config, "ask the server to revoke all sessions as the test user")
        response = self._as_myself("POST", "/users/sessions/revoke/all")
        try:
            body = response.json()
        except ValueError:
            body = {}
        body = body if isinstance(body, dict) else {}
        self._revoke_answer = ServerAnswer(response.status_code, body.get("id", ""), body.get("message", ""))

    def is_refused_saying(self, message: str) -> None:
        answer = self._revoke_answer
        assert answer is not None, "the test user has not asked the server yet"
        assert answer.status >= 400, (
            f"the server revoked all sessions for the test user, who is not a system admin (HTTP {answer.status})"
        )
        expected = (403, PERMISSIONS, message)
        assert (answer.status, answer.error_id, answer.message) == expected, (
            f"the server answered HTTP {answer.status} {answer.error_id} {answer.message!r}, expected "
            f"HTTP 403 {PERMISSIONS} {message!r}"
        )

    def is_still_logged_in_after_the_refusal(self) -> None:
        for device in self.browsers.devices:
            device.record.still_logged_in = REFUSED_STILL_LOGGED_IN

    def _as_myself(self, method: str, path: str):
        api = MattermostApi(self.site.base_url, timeout=self.config.request_timeout)
        try:
            return api.call_with_token(method, path, self.browser.session_token)
        finally:
            api.close()

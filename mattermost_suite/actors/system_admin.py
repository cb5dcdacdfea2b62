"""The system admin of MM-T940: its own browser in System Console > Users, and its REST identity, with which it
asks the server about everyone's sessions. It keeps the revoke's own facts: when it was confirmed, and the REST
token that the revoke must have ended."""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime

from mattermost_suite.actors import session_checks
from mattermost_suite.actors.browsers import note_logged_in, publish_logouts, reach_login_page, sign_in
from mattermost_suite.actors.test_user import TestUser
from mattermost_suite.actors.together import blamed_on_browser, on_every_device, results_or_fail
from mattermost_suite.config import Config, never_in_a_rehearsal
from mattermost_suite.domain import SYSTEM_ADMIN, Person, Site, now
from mattermost_suite.fleet import Device, Fleet
from mattermost_suite.lifecycle.device_table import wanted_devices
from mattermost_suite.pages import ConfirmModal, FirstLoginScreens, LoginPage, SystemUsersPage, WaitTimeout, where
from mattermost_suite.secrets import Secret
from mattermost_suite.server.api import MattermostApi
from mattermost_suite.server.mfa import admin_totp
from mattermost_suite.story.events import (
    ConfirmationShown,
    DevicesChosen,
    EventBus,
    ExtraAppsChecked,
    LoggedIn,
    RevokeCancelled,
    RevokeConfirmed,
    SessionsListed,
)
from mattermost_suite.story.presenter import REHEARSAL_STILL_LOGGED_IN

# The suite's own REST session of the system admin (seeding, checks): a session like any other, so revoked too.
REST_SESSION = "the system admin's REST session"


class SystemAdmin:
    def __init__(self, person: Person, api: MattermostApi, fleet: Fleet, site: Site, config: Config, bus: EventBus):
        self.person, self.api, self.fleet, self.site, self.config, self.bus = person, api, fleet, site, config, bus
        self.browser: Device | None = None
        self.revoke_confirmed_at: datetime | None = None
        self._rest_token_at_revoke: Secret | None = None
        self._logout_watch: Future | None = None

    # -- its browser -------------------------------------------------------------------------------------------
    def logs_in_on(self, name: str) -> None:
        """Through the login page (with its MFA code if it has MFA on), until the browser has left it. The admin
        needs only the console: the login leads there (the web app's `redirect_to`, as from a bookmark), so the web
        app is not loaded a second time to go there. Wherever a first login lands instead (a tour, the
        preparing-workspace page), the next step finds it."""
        wanted = wanted_devices([(name, "username")], SYSTEM_ADMIN)
        self.bus.publish(DevicesChosen(tuple(record for _, record in wanted)))
        [self.browser] = self.fleet.start(wanted)

        def log_in(device: Device) -> str:
            login = sign_in(device, self.person, admin_totp(self.config), then=SystemUsersPage.path)
            login.wait_until_left(self.config.deadlines.login)
            note_logged_in(device)
            return where(device.driver)  # the page may still be rendering: its address only, no element

        [landed] = results_or_fail(on_every_device([self.browser], log_in), f"log in as the {self.person.role}")
        self.bus.publish(LoggedIn((self.browser,), {self.browser.record.label: landed}))

    @property
    def users_page(self) -> SystemUsersPage:
        return self.browser.on(SystemUsersPage)

    @property
    def confirmation(self) -> ConfirmModal:
        return self.users_page.confirm_modal

    @blamed_on_browser
    def goes_to_users_page(self) -> None:
        """To System Console > Users (where the login has led, else by its address); a first-login screen in the way
        fails in one line naming it."""
        try:
            self.users_page.open()
        except WaitTimeout as timeout:
            screen = self.browser.on(FirstLoginScreens).showing()
            if screen:
                raise AssertionError(
                    f"{self.browser.name} (system admin): System Console > Users does not show, "
                    f"{screen} is in its way (a first-login screen)"
                ) from None
            raise AssertionError(f"{self.browser.name} (system admin): {timeout}") from None

    @blamed_on_browser
    def clicks_revoke_all_sessions(self, label: str) -> None:
        page = self.users_page
        assert page.revoke_all_sessions_label() == label, f"the button reads {page.revoke_all_sessions_label()!r}"
        page.click_revoke_all_sessions()

    @blamed_on_browser
    def sees_confirmation_titled(self, title: str) -> None:
        shown = self.confirmation.title()
        assert shown == title, f"the confirmation is titled {shown!r}"
        self.bus.publish(ConfirmationShown(self.browser))

    @blamed_on_browser
    def sees_confirmation_message(self, message: str) -> None:
        shown = self.confirmation.message()
        assert shown == message, f"the confirmation reads {shown!r}"

    @blamed_on_browser
    def sees_confirmation_offering(self, cancel: str, confirm: str) -> None:
        modal = self.confirmation
        assert (modal.cancel_label(), modal.confirm_label()) == (cancel, confirm), (
            f"the buttons read {modal.cancel_label()!r} and {modal.confirm_label()!r}"
        )

    @blamed_on_browser
    def cancels_the_confirmation(self) -> None:
        self.confirmation.cancel()
        self.bus.publish(RevokeCancelled(self.browser))

    @blamed_on_browser
    def sees_confirmation_closed(self) -> None:
        assert not self.confirmation.is_open(), "the confirmation is still open"

    @blamed_on_browser
    def is_still_on_users_page(self) -> None:
        page = self.users_page
        assert page.is_shown(), f"the system admin's browser is at {page.where()}"

    @blamed_on_browser
    def confirms_revoke_all_sessions(self, label: str) -> None:
        """The moment of the click is when every logout latency starts; the admin's own browser is watched from
        then on, as the web app logs it out at once. The moment is taken as the click is sent, not once it has
        returned: the server may revoke, and an unlocked app be refused, before the driver answers the click."""
        never_in_a_rehearsal(self.config, "confirm Revoke All Sessions")
        modal = self.confirmation
        assert modal.confirm_label() == label, f"the confirm button reads {modal.confirm_label()!r}"
        self._rest_token_at_revoke = self.api.token
        self.revoke_confirmed_at = now()
        modal.confirm()
        self._logout_watch = _watch_in_background(self.browser, self.config.deadlines.logout)
        self.bus.publish(RevokeConfirmed(self.browser, self.revoke_confirmed_at))

    @blamed_on_browser
    def is_redirected_to_login_page(self) -> None:
        deadlines = self.config.deadlines
        assert self._logout_watch is not None, "the system admin has not confirmed the revoke"
        problem = self._logout_watch.result(timeout=deadlines.logout + deadlines.element)
        publish_logouts(self.bus, [(self.browser, None, problem)])
        assert not problem, problem

    @blamed_on_browser
    def sees_no_session_expired_message(self) -> None:
        assert not self.browser.on(LoginPage).shows_expired_banner(), (
            "the system admin's login page shows the session-expired message"
        )

    # -- what the server says, through its REST identity -------------------------------------------------------
    def finds_every_session_still_active(self, test_user: TestUser) -> None:
        """After Cancel: every session of the test user (browsers, apps, extras) is listed and accepted."""
        with self._sessions_listed("Sessions of the test user before the revoke", test_user.person):
            started = time.monotonic()
            self._finds_active(test_user, "although the revoke was cancelled")
            seconds = time.monotonic() - started  # the check alone, not the evidence's own listing
        self._extra_apps_checked(test_user, "accepted", seconds)

    def finds_sessions_kept_after_refusal(self, test_user: TestUser) -> None:
        with self._sessions_listed("Sessions of the test user after the refused request", test_user.person):
            self._finds_active(test_user, "although the server refused to revoke them", browsers_only=True)

    def finds_no_session_of(self, test_user: TestUser) -> None:
        with self._sessions_listed("Sessions of the test user after the revoke", test_user.person):
            session_checks.no_sessions_left(self.api, test_user.person)

    def finds_old_sessions_refused(self, test_user: TestUser) -> None:
        """Everyone's old sessions, the admin's own browser and REST session included."""
        started = time.monotonic()
        session_checks.old_sessions_refused(
            self.api,
            [*test_user.devices, self.browser],
            test_user.apps.extras,
            self.config.app_requests_at_once,
            [(REST_SESSION, self._rest_token_at_revoke)],
        )
        self._extra_apps_checked(test_user, "refused", time.monotonic() - started)

    def finds_nothing_revoked(self, test_user: TestUser) -> int:
        """Where a rehearsal stops: every session it opened is still active. Returns how many were checked."""
        because = "in a rehearsal, which revokes nothing"
        self._finds_active(test_user, because)
        mine = [self.browser] if self.browser is not None else []
        session_checks.tokens_still_accepted(self.api, mine, because)
        for device in [*test_user.devices, *mine]:
            device.record.still_logged_in = REHEARSAL_STILL_LOGGED_IN
        return len(test_user.devices) + len(test_user.apps.extras) + len(mine) + 1

    def _finds_active(self, test_user: TestUser, because: str, browsers_only: bool = False) -> None:
        """The test user's sessions (all of them, or only its browsers') are listed and accepted."""
        devices, extras = (
            (test_user.browsers.devices, []) if browsers_only else (test_user.devices, test_user.apps.extras)
        )
        session_checks.sessions_still_active(
            self.api, test_user.person, devices, extras, self.config.app_requests_at_once, because
        )

    @contextmanager
    def _sessions_listed(self, title: str, person: Person):
        """Run a check, then publish what the server lists for the person (also when the check failed)."""
        try:
            yield
        finally:
            try:
                self.bus.publish(SessionsListed(title, person.username, self.api.sessions(person.user_id)))
            except Exception as error:  # evidence never hides the check's own verdict
                self.bus.publish(SessionsListed(title, person.username, None, f"{type(error).__name__}: {error}"))

    def _extra_apps_checked(self, test_user: TestUser, verdict: str, seconds: float) -> None:
        if test_user.apps.extras:
            self.bus.publish(ExtraAppsChecked(len(test_user.apps.extras), verdict, seconds=seconds))


def _watch_in_background(device: Device, deadline: float) -> Future:
    """Watch one browser for the login page from now on; the Future's result is "" or what it showed instead."""

    def watch() -> str:
        try:
            reach_login_page(device, deadline)
            return ""
        except AssertionError as error:
            return str(error)

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"watch-{device.name}")
    try:
        return pool.submit(watch)
    finally:
        pool.shutdown(wait=False)  # the watch runs on; its own deadline ends it

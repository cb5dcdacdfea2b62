"""behave fixtures: the only code below the steps that owns lifetimes. Each releases its resource in `finally`,
so the stand-in, browsers and seeded users are cleaned up after failures and on Ctrl-C as well."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from behave import fixture

from mattermost_suite.actors import SystemAdmin, TestUser
from mattermost_suite.config import Config
from mattermost_suite.domain import Site
from mattermost_suite.errors import ConfigError, SuiteError
from mattermost_suite.evidence.listener import ScenarioEvidence
from mattermost_suite.fleet import DeviceProfile, Fleet
from mattermost_suite.lifecycle.suite_run import SuiteRun
from mattermost_suite.server import admin_profile
from mattermost_suite.server.api import MattermostApi
from mattermost_suite.server.seeding import remove_test_user, renew_admin_session, seed_test_user
from mattermost_suite.server.settings import landing_page_for
from mattermost_suite.story.events import EventBus
from mattermost_suite.story.narration import Console, say
from mattermost_suite.story.narrator import Narrator, Story


@fixture
def run_watchdog(context):
    """First of all: the watchdog process (watchdog.py) that ends every process of the run if behave dies without
    cleaning up (SIGKILL). From here on every child of behave carries the run's token and the run's temporary folder
    as TMPDIR. The watchdog leaves by itself once behave has exited, and finds nothing left after a normal end."""
    from mattermost_suite.lifecycle.watchdog import WatchdogError, start

    try:
        guard = start()
    except (WatchdogError, OSError) as error:
        raise SuiteError(f"no watchdog for the run's processes: {error}") from None
    try:
        yield guard
    finally:
        guard.remove_folder()  # the last clean-up: every process that used the run's TMPDIR has ended


@fixture
def embedded_standin(context, config: Config, calls_file: Path | None = None):
    """The in-process Mattermost stand-in, when no base_url is given. At its end, every API call it answered
    (method, path, status: tab-separated, in order) is written to `calls_file`: what a web app asked of it."""
    try:
        from mattermost_standin import StandinError, StandinServer, UnknownFault
    except ImportError as error:
        raise SuiteError(f"the embedded stand-in is not available ({error}): set base_url / MM_BASE_URL") from None
    try:
        server = StandinServer(
            host="127.0.0.1",
            port=0,
            # A real web app build, or a version, decides the generation itself.
            ui=None if config.standin_webapp or config.standin_version else config.standin_ui,
            status_poll_seconds=config.standin_status_poll,
            faults=config.standin_faults,
            webapp=config.standin_webapp or None,
            version=config.standin_version or None,
        )
    except UnknownFault as error:
        raise ConfigError(f"standin_faults: {error}") from None
    except StandinError as error:
        setting = "standin_webapp" if config.standin_webapp else "standin_version"
        raise ConfigError(f"{setting}: {error}") from None
    try:
        server.start()
    except StandinError as error:
        raise SuiteError(f"the embedded stand-in did not start: {error}") from None
    try:
        yield server
    finally:
        server.stop()
        if calls_file is not None and server.api_calls is not None:
            calls_file.parent.mkdir(parents=True, exist_ok=True)
            calls_file.write_text("".join(f"{m}\t{p}\t{s}\n" for m, p, s in server.api_calls.log))


@fixture
def embedded_grid(context, browsers: tuple[str, ...], log_dir: Path | None, chromium_binary: str):
    """The embedded Selenium Grid 4 (mattermost_suite.grid) with slots for the browsers the devices need, its logs in
    `log_dir` (None: reports/grid), its Chromium the run's (config.chromium_binary). Started in the background: its
    Java start-up takes seconds, the stand-in and the preflight meanwhile. Yields a Future of the grid's URL
    (SuiteError if it did not start). At the end, a start still running gives up at its next step, and everything
    the grid started is stopped."""
    from mattermost_suite.grid import EmbeddedGrid, GridError
    from mattermost_suite.grid.embedded import LOG_DIR

    grid = EmbeddedGrid(browsers=browsers, log_dir=log_dir or LOG_DIR, chromium_binary=chromium_binary)

    def start() -> str:
        try:
            return grid.start()
        except GridError as error:
            raise SuiteError(f"the embedded Selenium Grid did not start: {error}") from None

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="grid-start")
    started = pool.submit(start)
    pool.shutdown(wait=False)
    try:
        yield started
    finally:
        grid.stop()
        wait([started])
        grid.stop()  # whatever a start cut short had spawned meanwhile


@fixture
def admin_rest_identity(context, config: Config):
    api = MattermostApi(config.base_url, timeout=config.request_timeout, calls_at_once=config.app_requests_at_once)
    try:
        yield api
    finally:
        try:
            api.log_out()
        except SuiteError:
            pass  # the server may be gone already; nothing of ours is left on it then
        api.close()


@fixture
def admin_left_as_found(context, api: MattermostApi):
    """Before any browser: record the admin's preferences and locale, switch a non-English admin to English for the
    run; at the end (after a failure or Ctrl-C too) put both back exactly. The revoke ended the admin's REST
    session, hence the new login first."""
    found = admin_profile.record(api)
    try:
        line = admin_profile.speak_english(api, found)
        if line:
            say(line)
        yield found
    finally:
        renew_admin_session(api)
        admin_profile.restore(api, found)


@dataclass(frozen=True)
class Cast:
    """One scenario's actors, and the listeners that report what they do."""

    test_user: TestUser
    admin: SystemAdmin
    evidence: ScenarioEvidence


@fixture
def scenario_cast(context, run: SuiteRun, scenario_name: str, browsers: Sequence[DeviceProfile] = ()):
    """A fresh test user (unique to this run) and the system admin, with a fleet whose `browsers` (those the steps
    will ask for) start while the user is seeded; afterwards: every device's outcome said, browsers quit, the user
    removed."""
    landing = landing_page_for(run.server.client_config, run.server.version)
    site = Site(run.config.base_url, run.server.ui, run.config.deadlines, landing)
    fleet = Fleet(run.config, site)
    fleet.warm_up(browsers)
    run.scenarios_seeded += 1
    try:
        person = seed_test_user(
            run.admin_api, run.run_id, run.scenarios_seeded, run.server.team_id, run.config.first_login_seeding
        )
    except BaseException:
        fleet.quit_all()
        raise
    story = Story()
    evidence = ScenarioEvidence(fleet, story, key_moments=run.config.screenshots == "key_moments")
    bus, narrator = EventBus(), Narrator(story, Console(), evidence)
    bus.subscribe(narrator.on_event)
    try:
        yield Cast(
            TestUser(person, fleet, site, run.config, bus, run.server.client_config),
            SystemAdmin(run.admin, run.admin_api, fleet, site, run.config, bus),
            evidence,
        )
    finally:
        run.device_records += narrator.story.records
        for line in narrator.story.summary():  # every device by name, also when the scenario failed midway
            say(line)
        try:
            fleet.quit_all()
        finally:
            outcome = remove_test_user(run.admin_api, person)
            if not outcome.startswith("removed"):
                say(outcome)

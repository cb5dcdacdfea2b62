"""behave fixtures: the only code below the steps that owns lifetimes. Each releases its resource in `finally`,
so the stand-in, browsers and seeded users are cleaned up after failures and on Ctrl-C as well."""
from __future__ import annotations

from behave import fixture

from . import admin_profile
from .api import MattermostApi
from .config import Config
from .errors import ConfigError, SuiteError
from .fleet import Fleet
from .narrate import say
from .record import ScenarioRecord
from .run import SuiteRun
from .seeding import remove_test_user, renew_admin_session, seed_test_user
from .tasks.scene import Scene, Site


@fixture
def embedded_standin(context, config: Config):
    """The in-process Mattermost stand-in, when no base_url is given."""
    try:
        from mattermost_standin import StandinError, StandinServer, UnknownFault
    except ImportError as error:
        raise SuiteError(f"the embedded stand-in is not available ({error}): set base_url / MM_BASE_URL") from None
    try:
        server = StandinServer(host="127.0.0.1", port=0, ui=config.standin_ui,
                               status_poll_seconds=config.standin_status_poll, faults=config.standin_faults)
    except UnknownFault as error:
        raise ConfigError(f"standin_faults: {error}") from None
    try:
        server.start()
    except StandinError as error:
        raise SuiteError(f"the embedded stand-in did not start: {error}") from None
    try:
        yield server
    finally:
        server.stop()


@fixture
def embedded_grid(context, browsers: tuple[str, ...]):
    """The embedded Selenium Grid 4 (mattermost_suite.grid) with slots for the browsers the devices need."""
    from .grid import EmbeddedGrid, GridError
    grid = EmbeddedGrid(browsers=browsers)
    try:
        url = grid.start()
    except GridError as error:
        raise SuiteError(f"the embedded Selenium Grid did not start: {error}") from None
    try:
        yield url
    finally:
        grid.stop()


@fixture
def admin_rest_identity(context, config: Config):
    api = MattermostApi(config.base_url, timeout=config.request_timeout)
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


@fixture
def scenario_scene(context, run: SuiteRun, scenario_name: str):
    """A fresh test user (unique to this run) and an empty fleet; afterwards: browsers quit, user removed."""
    run.scenarios_seeded += 1
    record = ScenarioRecord(scenario_name, run.server.ui)
    run.record.scenarios.append(record)
    test_user = seed_test_user(run.admin_api, run.run_id, run.scenarios_seeded, run.server.team_id,
                               run.config.first_login_seeding)
    fleet = Fleet(run.config)
    site = Site(run.config.base_url, run.server.ui, run.config.deadlines)
    try:
        yield Scene(run.config, site, run.admin_api, run.admin, test_user, fleet, record)
    finally:
        for line in record.outcome_lines():  # every device by name, also when the scenario failed midway
            say(f"outcome: {line}")
        try:
            fleet.quit_all()
        finally:
            outcome = remove_test_user(run.admin_api, test_user)
            if not outcome.startswith("removed"):
                say(outcome)

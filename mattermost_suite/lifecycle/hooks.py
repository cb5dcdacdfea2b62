"""What environment.py's hooks do. Lifetimes go through behave fixtures (fixtures.py) so they are always released.

A bad setting or an unfit server refuses the run in before_all, before any browser starts (or in before_scenario,
before anything is seeded): ONE line on stderr, every feature and scenario skipped, behave's cleanups release what was
started (the stand-in stops), and the run ends with exit code 2 (configuration) or 3 (preflight) (runner.py).
A rehearsal (rehearsal.py) runs every step but those that would end sessions on the server, and says at the end
whether it passed.
"""

from __future__ import annotations

from pathlib import Path

from behave import use_fixture
from behave.tag_matcher import ActiveTagMatcher

from mattermost_suite.config import rehearsal_reason
from mattermost_suite.errors import ConfigError, PreflightError, SuiteError
from mattermost_suite.evidence import run_report
from mattermost_suite.evidence.outcomes import ScenarioOutcomes
from mattermost_suite.fleet.profiles import grid_browsers
from mattermost_suite.lifecycle.browser_check import check_browsers
from mattermost_suite.lifecycle.device_table import browsers_to_start, check_device_table, table_rows
from mattermost_suite.lifecycle.fixtures import (
    admin_left_as_found,
    admin_rest_identity,
    embedded_grid,
    embedded_standin,
    run_watchdog,
    scenario_cast,
)
from mattermost_suite.lifecycle.rehearsal import Rehearsal
from mattermost_suite.lifecycle.runner import EXIT_CONFIG, EXIT_PREFLIGHT, RUNNER, Refusal, SuiteRunner
from mattermost_suite.lifecycle.suite_run import SuiteRun, config_from_behave, new_run_id
from mattermost_suite.secrets import mask
from mattermost_suite.server.preflight import check_grid, check_server
from mattermost_suite.server.settings import sign_in_methods_refusal
from mattermost_suite.story.narration import say


def before_all(context) -> None:
    context.on_cleanup_error = _one_line_cleanup_error
    context.mm_refusals = []  # in the root layer: a scenario's own attributes go with it
    context.add_cleanup(_say_where_the_results_are, context)  # the first cleanup added runs last
    if not SuiteRunner.in_use:  # its exit codes are the only thing that tells a refused run from a passed one
        context.abort(reason=f"MM-T940 configuration error: behave.ini must keep runner = {RUNNER}")
        return
    run_report.clean_earlier_results(context.config)
    try:
        config, info, api, reason = _start_run(context)
    except ConfigError as error:
        return refuse(context, f"MM-T940 configuration error: {error}", EXIT_CONFIG)
    except PreflightError as error:
        return refuse(context, f"MM-T940 preflight failed: {error}", EXIT_PREFLIGHT)
    except SuiteError as error:
        return refuse(context, f"MM-T940 cannot start: {error}", EXIT_PREFLIGHT)
    run_id = new_run_id()
    context.mm_run = SuiteRun(config, info, api, run_id)
    context.mm_ui_tags = ActiveTagMatcher({"ui": info.ui, "wording": info.wording})
    context.mm_rehearsal = Rehearsal(reason) if reason else None  # the revoking steps read it: always set
    context.mm_outcomes = ScenarioOutcomes().start()  # skip reasons, and BROKEN outside the steps
    browsers = f"browsers on the grid at {config.grid_url}" if config.grid_url else "local browsers"
    say(
        f"run {run_id} on {info.url}: Mattermost {info.version_text}, {info.ui} web app with the {info.wording} "
        f"wording, {browsers}"
    )
    if reason:
        say(f"REHEARSAL ({reason}): every step up to Cancel runs; nothing that ends sessions on the server does")


def _start_run(context):
    """The run's settings, the grid and stand-in it starts (behave fixtures), the server it has checked, and why it
    is a rehearsal (None: it is not)."""
    use_fixture(run_watchdog, context)  # before anything is started: every child must carry the run's token
    config = config_from_behave(context.config.userdata, context.config.userdata_defines)
    reason = rehearsal_reason(config)
    check_browsers(config)
    grid_started = None
    if config.grid == "embedded" and not config.grid_url:  # no browser yet: the preflight comes before any
        logs = run_report.grid_log_dir(context.config)
        grid_started = use_fixture(embedded_grid, context, grid_browsers(config.devices), logs, config.chromium_binary)
    if config.embedded:
        server = use_fixture(embedded_standin, context, config, run_report.api_calls_file(context.config))
        config = config.with_base_url(server.url)
    api = use_fixture(admin_rest_identity, context, config)
    info = check_server(config, api)
    use_fixture(admin_left_as_found, context, api)  # the admin's preferences and locale, restored at the end
    for note in info.notes:
        say(note)
    if config.grid_url:  # the user's own grid: checked like the server, before any browser is asked for
        check_grid(config)
    if grid_started is not None:  # started while the stand-in started and the server was checked
        config = config.with_embedded_grid(grid_started.result())
    return config, info, api, reason


def before_feature(context, feature) -> None:
    if context.mm_refusals:
        feature.skip(context.mm_refusals[0].line)


def before_scenario(context, scenario) -> None:
    if context.mm_refusals:
        scenario.skip(context.mm_refusals[0].line)
        return
    run = context.mm_run
    run_report.label(scenario, context.config.userdata)
    if context.mm_ui_tags.should_skip(scenario, use_inherited=True):
        scenario.skip(
            f"not for this server: its web app (Mattermost {run.server.version_text}) is the {run.server.ui} "
            f"generation with the {run.server.wording} wording"
        )
        return
    try:
        check_device_table(scenario.steps, run.config.devices)
    except ConfigError as error:
        return refuse(context, f"MM-T940 configuration error: {error}", EXIT_CONFIG, scenario)
    refusal = sign_in_methods_refusal(
        run.server.client_config, table_rows(scenario.steps, run.config.devices), run.config.extra_app_sessions
    )
    if refusal:  # before anything is seeded: the server would refuse these logins, not the product fail them
        return refuse(context, f"MM-T940 preflight failed: {refusal}", EXIT_PREFLIGHT, scenario)
    # The device tables' browsers start while the user is seeded; a browser that a step names starts when it runs.
    browsers = browsers_to_start(scenario.steps, run.config.devices)
    cast = use_fixture(scenario_cast, context, run, scenario.name, browsers)
    context.test_user, context.admin, context.mm_evidence = cast.test_user, cast.admin, cast.evidence


def refuse(context, line: str, code: int, scenario=None) -> None:
    """Test nothing more: the rest of the run is skipped, behave's cleanups release what was started, and the runner
    (runner.py) says `line` as the run's last line and ends it with `code`."""
    context.mm_refusals.append(Refusal(mask(line), code))
    context.config.show_skipped = False  # the refused run's skipped scenarios are not news
    if scenario is not None:
        scenario.skip(line)


def after_scenario(context, scenario) -> None:
    """Runs before the scenario's cleanups, and before allure-behave writes its result."""
    outcomes = getattr(context, "mm_outcomes", None)
    if outcomes is not None:
        outcomes.note(scenario)
    rehearsal = getattr(context, "mm_rehearsal", None)
    if rehearsal is not None and scenario.status.has_failed():
        failed = next((step for step in scenario.all_steps if step.status.has_failed()), None)
        rehearsal.failures.append(
            f"{scenario.name}: " + (f'step "{failed.name}" {failed.status.name}' if failed else "a hook failed")
        )


def after_step(context, step) -> None:
    """Failure evidence while the browsers still live (fixture cleanups run after after_scenario)."""
    evidence = getattr(context, "mm_evidence", None)
    if evidence is not None:
        scenario = getattr(context, "scenario", None)
        evidence.after_step(step, last=scenario is not None and step is scenario.steps[-1])


def after_all(context) -> None:
    """Run files for the report; a scenario whose clean-up failed (e.g. its test user could not be removed) fails
    the run."""
    run = getattr(context, "mm_run", None)
    if run is not None:
        run_report.write_report_files(context.config, run)
    outcomes = getattr(context, "mm_outcomes", None)
    if outcomes is not None:
        outcomes.stop()
        outcomes.write_junit(context.config)
    failures = getattr(context, "mm_cleanup_failures", [])
    rehearsal = getattr(context, "mm_rehearsal", None)
    if rehearsal is not None:
        rehearsal.failures += [f"clean-up failed: {line}" for line in failures]
        say(rehearsal.summary())
    if failures:
        raise SuiteError(f"{len(failures)} clean-up(s) failed: " + "; ".join(failures))


def _say_where_the_results_are(context) -> None:
    """The run's last line: where its results are, and how to make the report of them (a refused run has none)."""
    if context.mm_refusals:
        return
    results = run_report.results_dir(context.config)
    if results is not None and results.is_dir() and any(results.iterdir()):
        shown = results.relative_to(Path.cwd()) if results.is_relative_to(Path.cwd()) else results
        say(f"results: {shown} (the Allure report of the newest run: bash scripts/report)")


def _one_line_cleanup_error(context, cleanup_func, error) -> None:
    """behave prints a traceback for a failing cleanup; a tester needs one line, and the run must fail."""
    # Masked here: the line is also raised again by after_all, which behave prints as it is.
    line = mask(f"{getattr(cleanup_func, '__name__', 'clean-up')}: {type(error).__name__}: {error}")
    say(f"clean-up failed: {line}")
    context.mm_cleanup_failures = [*getattr(context, "mm_cleanup_failures", []), line]
    outcomes = getattr(context, "mm_outcomes", None)
    if outcomes is not None:  # a scenario's clean-up: its result becomes BROKEN with this line
        outcomes.cleanup_failed(line)

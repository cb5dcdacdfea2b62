"""What environment.py's hooks do. Lifetimes go through behave fixtures (fixtures.py) so they are always released.

A bad setting or an unfit server ends the run in before_all, before any browser starts: ONE line on stderr, the
fixtures' cleanups run (the stand-in stops), and the process exits with 2 (configuration) or 3 (preflight).
behave's own abort would print a misleading "1 feature passed" summary, hence the explicit exit.
A rehearsal (rehearsal.py) runs every step but those that would end sessions on the server, and says at the end
whether it passed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from behave import use_fixture
from behave.step_registry import registry
from behave.tag_matcher import ActiveTagMatcher

from .browser_check import check_browsers
from .config import rehearsal_reason
from .device_table import browsers_to_start, check_device_table, table_rows
from .errors import ConfigError, PreflightError, SuiteError
from .evidence import run_report
from .evidence.formatter import second_allure_formatter
from .evidence.outcomes import ScenarioOutcomes
from .fixtures import (
    admin_left_as_found,
    admin_rest_identity,
    embedded_grid,
    embedded_standin,
    run_watchdog,
    scenario_cast,
)
from .fleet.profiles import grid_browsers
from .narration import say
from .preflight import check_grid, check_server
from .rehearsal import Rehearsal
from .run import SuiteRun, config_from_behave, new_run_id
from .secrets import mask
from .server_settings import sign_in_methods_refusal


def before_all(context) -> None:
    context.on_cleanup_error = _one_line_cleanup_error
    context.add_cleanup(_say_where_the_results_are, context.config)  # the first cleanup added runs last
    refusal = second_allure_formatter(context.config.format)
    if refusal:
        _end_run(context, f"MM-T940 configuration error: {refusal}", EXIT_CONFIG)
    run_report.clean_earlier_results(context.config)
    try:
        use_fixture(run_watchdog, context)  # before anything is started: every child must carry the run's token
        config = config_from_behave(context.config.userdata, context.config.userdata_defines)
        reason = rehearsal_reason(config)
        check_browsers(config)
        grid_started = None
        if config.grid == "embedded" and not config.grid_url:  # no browser yet: the preflight comes before any
            logs = run_report.grid_log_dir(context.config)
            grid_started = use_fixture(
                embedded_grid, context, grid_browsers(config.devices), logs, config.chromium_binary
            )
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
    except ConfigError as error:
        _end_run(context, f"MM-T940 configuration error: {error}", EXIT_CONFIG)
    except PreflightError as error:
        _end_run(context, f"MM-T940 preflight failed: {error}", EXIT_PREFLIGHT)
    except SuiteError as error:
        _end_run(context, f"MM-T940 cannot start: {error}", EXIT_PREFLIGHT)
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


def before_scenario(context, scenario) -> None:
    run = getattr(context, "mm_run", None)
    if run is None:
        return
    run_report.label(scenario, context.config.userdata)
    if context.mm_ui_tags.should_skip(scenario, use_inherited=True):
        scenario.skip(
            f"not for this server: its web app (Mattermost {run.server.version_text}) is the {run.server.ui} "
            f"generation with the {run.server.wording} wording"
        )
        return
    try:
        check_device_table(scenario.steps, run.config.devices)
        browsers = browsers_to_start(scenario.steps, run.config.devices, _step_arguments)
    except ConfigError as error:
        _end_run(context, f"MM-T940 configuration error: {error}", EXIT_CONFIG)
    refusal = sign_in_methods_refusal(
        run.server.client_config, table_rows(scenario.steps, run.config.devices), run.config.extra_app_sessions
    )
    if refusal:  # before anything is seeded: the server would refuse these logins, not the product fail them
        _end_run(context, f"MM-T940 preflight failed: {refusal}", EXIT_PREFLIGHT)
    cast = use_fixture(scenario_cast, context, run, scenario.name, browsers)
    context.test_user, context.admin, context.mm_evidence = cast.test_user, cast.admin, cast.evidence


def _step_arguments(step) -> list[tuple[str, object]]:
    """A step's named arguments as its step definition parses them (none for an undefined step)."""
    match = registry.find_match(step)
    return [(argument.name, argument.value) for argument in (match.arguments or [])] if match else []


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


EXIT_CONFIG = 2
EXIT_PREFLIGHT = 3


def _end_run(context, line: str, code: int) -> None:
    """Release what before_all has started (behave 1.3.3 cleanups), say why in one line, and exit."""
    try:
        context._do_remaining_cleanups()
    finally:
        # The real streams: inside a scenario behave captures sys.stdout/sys.stderr, and os._exit drops captures.
        sys.__stdout__.flush()
        print(mask(line), file=sys.__stderr__, flush=True)
        os._exit(code)


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


def _say_where_the_results_are(behave_config) -> None:
    """The run's last line: where its results are, and how to make the report of them."""
    results = run_report.results_dir(behave_config)
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

"""What environment.py's hooks do. Lifetimes go through behave fixtures (fixtures.py) so they are always released.

A bad setting or an unfit server ends the run in before_all, before any browser starts: ONE line on stderr, the
fixtures' cleanups run (the stand-in stops), and the process exits with 2 (configuration) or 3 (preflight).
behave's own abort would print a misleading "1 feature passed" summary, hence the explicit exit.
"""
from __future__ import annotations

import dataclasses
import os
import sys

from behave import use_fixture
from behave.tag_matcher import ActiveTagMatcher

from . import evidence_hooks
from .browser_check import check_browsers
from .errors import ConfigError, PreflightError, SuiteError
from .fixtures import admin_rest_identity, embedded_grid, embedded_standin, scenario_scene
from .fleet.profiles import grid_browsers
from .narrate import say
from .secrets import mask
from .tasks.matrix import check_device_table
from .preflight import check_grid, check_server
from .record import RunRecord
from .run import SuiteRun, config_from_behave, new_run_id


def before_all(context) -> None:
    context.on_cleanup_error = _one_line_cleanup_error
    evidence_hooks.clean_earlier_results(context.config)
    try:
        config = config_from_behave(context.config.userdata, context.config.userdata_defines)
        check_browsers(config)
        if config.embedded:
            server = use_fixture(embedded_standin, context, config)
            config = config.with_base_url(server.url)
        api = use_fixture(admin_rest_identity, context, config)
        info = check_server(config, api)
        if config.grid_url:  # the user's own grid: checked like the server, before any browser is asked for
            check_grid(config)
        if config.grid == "embedded" and not config.grid_url:  # started only once the server is known fit
            grid_url = use_fixture(embedded_grid, context, grid_browsers(config.devices))
            config = dataclasses.replace(config, grid_url=grid_url)
    except ConfigError as error:
        _end_run(context, f"MM-T940 configuration error: {error}", EXIT_CONFIG)
    except PreflightError as error:
        _end_run(context, f"MM-T940 preflight failed: {error}", EXIT_PREFLIGHT)
    except SuiteError as error:
        _end_run(context, f"MM-T940 cannot start: {error}", EXIT_PREFLIGHT)
    run_id = new_run_id()
    context.mm_run = SuiteRun(config, info, api, run_id, RunRecord(run_id, info.url, info.version_id, info.ui))
    context.mm_ui_tags = ActiveTagMatcher({"ui": info.ui})
    browsers = f"browsers on the grid at {config.grid_url}" if config.grid_url else "local browsers"
    say(f"run {run_id} on {info.url}: Mattermost {info.version_text}, {info.ui} web app, {browsers}")


def before_scenario(context, scenario) -> None:
    run = getattr(context, "mm_run", None)
    if run is None:
        return
    evidence_hooks.label(scenario, context.config.userdata)
    if context.mm_ui_tags.should_skip(scenario, use_inherited=True):
        scenario.skip(f"not for this server: its web app is the {run.server.ui} generation")
        return
    try:
        check_device_table(scenario.steps, run.config.devices)
    except ConfigError as error:
        _end_run(context, f"MM-T940 configuration error: {error}", EXIT_CONFIG)
    context.mm_scene = use_fixture(scenario_scene, context, run, scenario.name)
    context.mm_evidence = evidence_hooks.ScenarioEvidence(context.mm_scene)
    context.add_cleanup(context.mm_evidence.close)


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
        evidence_hooks.write_report_files(context.config, run)
    failures = getattr(context, "mm_cleanup_failures", [])
    if failures:
        raise SuiteError(f"{len(failures)} clean-up(s) failed: " + "; ".join(failures))


def _one_line_cleanup_error(context, cleanup_func, error) -> None:
    """behave prints a traceback for a failing cleanup; a tester needs one line, and the run must fail."""
    # Masked here: the line is also raised again by after_all, which behave prints as it is.
    line = mask(f"{getattr(cleanup_func, '__name__', 'clean-up')}: {type(error).__name__}: {error}")
    say(f"clean-up failed: {line}")
    context.mm_cleanup_failures = [*getattr(context, "mm_cleanup_failures", []), line]

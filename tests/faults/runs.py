"""One MM-T940 run against an in-process stand-in (optionally with a fault), read back from behave's JSON report."""

from __future__ import annotations

import json
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from mattermost_standin import StandinServer
from tests.support.behave_runs import run_behave
from tests.support.constants import ADMIN_ENV, ROOT

FEATURES = ROOT / "features"

# Short poll so "automatic" logout is quick; the logout deadline stays many polls above it.
STATUS_POLL = 0.5
LOGOUT_DEADLINE = 8
RUN_TIMEOUT = 240
# A run on the real web app goes through the whole scenario for the faults it catches late (the woken computer, the
# apps): two of its 60 s status polls, on a CPU shared with the other workers.
REAL_APP_RUN_TIMEOUT = 480
# The fewest rows of the feature's device table that leave no step without a device to check (a step with none
# is reported as skipped, and the baselines require every step to pass): an awake browser (logout, banner, idle
# page, wrong page), an asleep computer, and a mobile app with its screen locked and one unlocked (device_id).
# Local drivers: a grid per run would only cost time. The whole matrix runs on the faultless stand-in in tests/matrix.
DEVICES = "Desktop Chromium,Desktop app,iOS app,Android app"
# The stand-in's own pages load in a second or two, also on a busy CI machine: a fault caught by a wait running out
# (the landing page coming back, the banner missing) is caught sooner with deadlines that fit them. The faultless
# baselines run with the same deadlines, so none is too short for the pages.
OWN_PAGE_DEADLINES = ("-D", "page_load_deadline=15", "-D", "login_deadline=15", "-D", "element_deadline=6")
# A verdict reads the steps only: screenshots at a failure, not at every key moment (tests/evidence checks those).
SUITE_OPTIONS = (
    "-D",
    f"devices={DEVICES}",
    "-D",
    "grid=off",
    "-D",
    f"logout_deadline={LOGOUT_DEADLINE}",
    "-D",
    "screenshots=failures",
)


# The real web app polls statuses every 60 s: a logout is noticed within that, and the deadline stays above it. Its
# pages (about 10 MB of JavaScript each) need longer than the defaults on a 2-core machine busy with other tests.
REAL_APP_LOGOUT_DEADLINE = 75
REAL_APP_PAGE_DEADLINES = ("-D", "page_load_deadline=120", "-D", "login_deadline=120", "-D", "element_deadline=30")


@dataclass(frozen=True)
class Case:
    ui: str  # a generation of the stand-in's own pages, or REAL_APP
    fault: str | None  # None: the faithful stand-in
    webapp: str | None = field(default=None, compare=False)  # the real web app build the stand-in serves

    @property
    def id(self) -> str:
        return f"{self.ui}-{self.fault or 'faultless'}"


REAL_APP = "realapp"  # a Case's ui when the stand-in serves a real web app build
# The real app's fault runs are on a server with its landing page switched off (a setting since 10.2): a server fault
# has nothing to do with that page, and each fresh browser then loads the app's 10 MB once less before its login.
# The default matrix on the real app meets the page on every browser (tests/realapp), as a default server shows it.
REAL_APP_SERVER_CONFIG = {"ServiceSettings.EnableDesktopLandingPage": False}


@dataclass
class Outcome:
    case: Case
    returncode: int
    output: str  # behave's plain output and stderr, for the failure report
    steps: list[tuple[str, str, str]] = field(default_factory=list)  # (name, status, error) of the scenario run
    leftovers: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def first_failure(self) -> tuple[str, str, str] | None:
        return next((step for step in self.steps if step[1] in ("failed", "error", "undefined")), None)


def run_case(case: Case, status_poll: float = STATUS_POLL, guarding_step: str | None = None) -> Outcome:
    """A fault run needs only its first failing step: it runs the feature that holds `guarding_step` and --stop
    ends it there. The baselines run every step of every feature."""
    started = time.monotonic()
    faults = (case.fault,) if case.fault else ()
    stop = ("--stop",) if case.fault else ()
    features = (str(feature_with(guarding_step).relative_to(ROOT)),) if guarding_step else ()
    serve = {"webapp": case.webapp, "config": REAL_APP_SERVER_CONFIG} if case.webapp else {"ui": case.ui}
    deadline = (
        ("-D", f"logout_deadline={REAL_APP_LOGOUT_DEADLINE}", *REAL_APP_PAGE_DEADLINES)
        if case.webapp
        else OWN_PAGE_DEADLINES
    )
    with (
        tempfile.TemporaryDirectory(prefix="mmt940-fault-") as tmp,
        StandinServer(status_poll_seconds=status_poll, faults=faults, **serve) as server,
    ):
        report = Path(tmp) / "result.json"
        run = run_behave(
            # run_behave's plain output stays on stdout (behave pairs formats and outfiles by position, after the
            # ones behave.ini names); no JUnit: it would swallow the run's stderr and share reports/junit.
            "-o",
            "/dev/stdout",
            "-f",
            "json",
            "-o",
            str(report),
            "--no-junit",
            *stop,
            *features,
            "-D",
            f"base_url={server.url}",
            *SUITE_OPTIONS,
            *deadline,
            env={**ADMIN_ENV, "MM_ALLURE_RESULTS": str(Path(tmp) / "allure-results")},
            timeout=REAL_APP_RUN_TIMEOUT if case.webapp else RUN_TIMEOUT,
        )
        steps = _scenario_steps(report) if report.exists() and report.stat().st_size else []
    return Outcome(case, run.returncode, run.stdout + run.stderr, steps, run.leftovers, time.monotonic() - started)


def _scenario_steps(report: Path) -> list[tuple[str, str, str]]:
    """Steps of the scenarios that ran (the other UI generation's example is skipped as a whole)."""
    steps = []
    for feature in json.loads(report.read_text()):
        for scenario in feature.get("elements", []):
            if scenario.get("status") == "skipped":
                continue
            for step in scenario.get("steps", []):
                result = step.get("result", {})
                error = result.get("error_message", "")
                steps.append(
                    (
                        step["name"],
                        result.get("status", "untested"),
                        "\n".join(error) if isinstance(error, list) else str(error),
                    )
                )
    return steps


def step_matches(name: str, template: str) -> bool:
    """A run's step name against a feature step text whose <placeholders> stand for any value."""
    parts = re.split(r"<[^<>]+>", template)
    return re.fullmatch(".+".join(re.escape(part) for part in parts), name) is not None


def feature_step_texts(features: list[Path] | None = None) -> list[str]:
    """Every step of every feature (or of the ones given), in behave's order (files sorted by name)."""
    keywords = r"^\s*(?:Given|When|Then|And|But|\*)\s+(.*\S)\s*$"
    return [
        match.group(1)
        for feature in features or sorted(FEATURES.glob("*.feature"))
        for line in feature.read_text().splitlines()
        if (match := re.match(keywords, line))
    ]


def feature_with(step: str) -> Path:
    """The feature file that has the step (its text as written, <placeholders> included)."""
    [feature] = [feature for feature in sorted(FEATURES.glob("*.feature")) if step in feature_step_texts([feature])]
    return feature

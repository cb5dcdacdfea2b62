"""A scenario's outcome told in full, where allure-behave and behave's JUnit reporter would say too little:

- skipped: allure-behave writes a skipped scenario and its steps without any message, and behave's JUnit reporter an
  empty <skipped/>; the reason (not for this web app, a rehearsal's steps) is put back in both.
- broken before or between the steps (before_scenario, a fixture's set-up such as seeding the test user,
  after_scenario, a clean-up): allure-behave takes a scenario's status from its steps alone, so it would show
  "skipped" (no step ran) or "passed" (every step had passed), without a message, and behave's JUnit has no message
  for a failed clean-up. The result becomes BROKEN with a one-line reason, in Allure and JUnit, and the console
  says it once. A scenario whose step failed keeps its status; a failed clean-up is added to its message.

Wiring (hooks.py): start() in before_all, note(scenario) first thing in after_scenario (behave runs the clean-ups
after it, and allure-behave writes the result after those), cleanup_failed(line) from the clean-up error handler,
and stop() + write_junit(config) in after_all (behave has written every feature's JUnit file by then).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import allure_commons
from allure_commons.model2 import Status, StatusDetails

from mattermost_suite.secrets import mask
from mattermost_suite.story.narration import say as say_on_console

_HOOK_ERROR = re.compile(r"^HOOK-ERROR in (\w+)(?:\(tag=[^)]*\))?: (.*)$")


@dataclass(frozen=True)
class Outcome:
    kind: str  # "skipped", "broken" (the scenario broke outside its steps) or "also" (a step failed, then this)
    reason: str  # one line


def broken_where(scenario, cleanup_errors: list[str]) -> str | None:
    """Where and why the scenario broke outside its steps, as one line ("before its steps ran (before_scenario):
    SuiteError: ..."; a hook's error first, then each clean-up's); None if nothing did."""
    hook_failed = getattr(scenario, "hook_failed", False)
    reasons = []
    for line in (scenario.error_message or "").splitlines() if hook_failed else ():
        match = _HOOK_ERROR.match(line.strip())
        if match:
            hook, error = match.groups()
            where = "before its steps ran" if hook.startswith("before") else "after its steps"
            reasons.append(f"{where} ({hook}): {error}")
    if hook_failed and not reasons:
        reasons.append("in a hook (see the console)")
    reasons += [f"in its clean-up: {line}" for line in cleanup_errors]
    if not reasons and getattr(scenario.status, "name", "") == "cleanup_error":
        reasons.append("in its clean-up (see the console)")
    return mask("; ".join(reasons)) if reasons else None


class ScenarioOutcomes:
    def __init__(self, say: Callable[[str], None] = say_on_console):
        self.say = say
        self.scenario = None  # noted in after_scenario; its Allure result is written next
        self.cleanup_errors: list[str] = []
        self.by_scenario: dict[tuple[str, str], Outcome] = {}  # (feature, scenario) -> what JUnit must say

    def start(self) -> ScenarioOutcomes:
        allure_commons.plugin_manager.register(self)
        return self

    def stop(self) -> None:
        if allure_commons.plugin_manager.is_registered(self):
            allure_commons.plugin_manager.unregister(self)

    def note(self, scenario) -> None:
        """after_scenario: allure-behave writes this scenario's result right after it (and its cleanups) ended."""
        self.scenario, self.cleanup_errors = scenario, []

    def cleanup_failed(self, line: str) -> None:
        """A clean-up of the noted scenario failed (a run's own clean-ups come after every result: not recorded)."""
        if self.scenario is not None:
            self.cleanup_errors.append(line)

    @allure_commons.hookimpl(tryfirst=True)  # before allure's file logger writes the result
    def report_result(self, result) -> None:
        scenario, self.scenario = self.scenario, None
        errors, self.cleanup_errors = self.cleanup_errors, []
        if scenario is None:
            return
        key = (scenario.feature.name, scenario.name)
        where = broken_where(scenario, errors)
        if where is None:
            if result.status == Status.SKIPPED and scenario.skip_reason:
                self._tell(result, scenario.skip_reason)
                self.by_scenario[key] = Outcome("skipped", scenario.skip_reason)
            return
        line = f"Broken {where}"
        if result.status in (Status.FAILED, Status.BROKEN):  # a step failed: that stays the headline
            message = (result.statusDetails.message or "").rstrip() if result.statusDetails else ""
            trace = result.statusDetails.trace if result.statusDetails else None
            result.statusDetails = StatusDetails(message=f"{message}\nAlso: {line}".lstrip(), trace=trace)
            self.by_scenario[key] = Outcome("also", line)
        else:
            result.status = Status.BROKEN
            self._tell(result, line, steps_note=f"Not run: the scenario broke {where}")
            self.by_scenario[key] = Outcome("broken", line)
        self.say(f"BROKEN: {scenario.name}: {line}")

    @staticmethod
    def _tell(result, message: str, steps_note: str | None = None) -> None:
        result.statusDetails = StatusDetails(message=message)
        for step in result.steps:
            if step.status == Status.SKIPPED:
                step.statusDetails = StatusDetails(message=steps_note or message)

    def write_junit(self, config) -> None:
        """after_all (behave has written every feature's file): the reason on <skipped>, <error> or <failure>."""
        folder = Path(config.junit_directory) if config.junit and self.by_scenario else None
        for path in sorted(folder.glob("*.xml")) if folder and folder.is_dir() else ():
            tree = ElementTree.parse(path)
            changed = False
            for case in tree.iter("testcase"):
                outcome = next(
                    (
                        outcome
                        for (feature, name), outcome in self.by_scenario.items()
                        if case.get("name") == name and case.get("classname", "").endswith(f".{feature}")
                    ),
                    None,
                )
                if outcome is not None:
                    changed |= _junit_outcome(case, outcome)
            if changed:
                tree.write(path, encoding="utf-8")


def _junit_outcome(case, outcome: Outcome) -> bool:
    if outcome.kind == "skipped":
        skipped = case.find("skipped")
        if skipped is not None:
            skipped.set("message", outcome.reason)
        return skipped is not None
    problem = case.find("error")
    problem = problem if problem is not None else case.find("failure")
    if outcome.kind == "also" and problem is not None:
        problem.set("message", f"{problem.get('message', '').rstrip()}\nAlso: {outcome.reason}".lstrip())
        return True
    if problem is None:  # behave marked no error: add one, in the place of a <skipped/>
        for skipped in case.findall("skipped"):
            case.remove(skipped)
        problem = ElementTree.Element("error", {"type": "Broken"})
        case.insert(0, problem)
    problem.set("message", outcome.reason)
    return True

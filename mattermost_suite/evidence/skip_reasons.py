"""Skip reasons kept: allure-behave writes a skipped scenario and its steps without any message, and behave's JUnit
reporter an empty <skipped/>; this puts the reason (not for this web app, or a rehearsal's steps) back in both."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import allure_commons
from allure_commons.model2 import StatusDetails


class SkipReasons:
    """allure-behave writes a skipped scenario and its steps without any message, and behave's JUnit reporter an
    empty <skipped/>: the reason (why a step did not run) would be lost. This puts it back in both."""

    def __init__(self):
        self.next_reason: str | None = None  # for the scenario whose Allure result is written next
        self.by_scenario: dict[tuple[str, str], str] = {}

    def start(self) -> SkipReasons:
        allure_commons.plugin_manager.register(self)
        return self

    def stop(self) -> None:
        if allure_commons.plugin_manager.is_registered(self):
            allure_commons.plugin_manager.unregister(self)

    def note(self, scenario) -> None:
        """after_scenario: allure-behave writes this scenario's result right after it (and its cleanups) ended."""
        skipped = scenario.status.name == "skipped" and scenario.skip_reason
        self.next_reason = scenario.skip_reason if skipped else None
        if skipped:
            self.by_scenario[(scenario.feature.name, scenario.name)] = scenario.skip_reason

    @allure_commons.hookimpl(tryfirst=True)  # before allure's file logger writes the result
    def report_result(self, result) -> None:
        reason, self.next_reason = self.next_reason, None
        if reason and result.status == "skipped":
            result.statusDetails = StatusDetails(message=reason)
            for step in result.steps:
                if step.status == "skipped":
                    step.statusDetails = StatusDetails(message=reason)

    def write_junit(self, config) -> None:
        """after_all (behave has written every feature's file): <skipped message="reason"/>."""
        folder = Path(config.junit_directory) if config.junit and self.by_scenario else None
        for path in sorted(folder.glob("*.xml")) if folder and folder.is_dir() else ():
            tree = ElementTree.parse(path)
            changed = False
            for case in tree.iter("testcase"):
                reason = next(
                    (
                        why
                        for (feature, name), why in self.by_scenario.items()
                        if case.get("name") == name and case.get("classname", "").endswith(f".{feature}")
                    ),
                    None,
                )
                skipped = case.find("skipped")
                if reason and skipped is not None:
                    skipped.set("message", reason)
                    changed = True
            if changed:
                tree.write(path, encoding="utf-8")

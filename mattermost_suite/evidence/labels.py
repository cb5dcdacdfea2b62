"""Scenario labels and links that allure-behave 2.16.2 cannot produce from tags alone.

- Test-case (TMS) links: it applies userdata patterns only to issue and plain links
  (AllureFormatter.issue_pattern / AllureFormatter.link_pattern), so @MM-T940 becomes a tms link here.
- Readable behaviour labels: tags cannot hold spaces, so "System_Console" is shown as "System Console".
- One feature label: it always adds the Gherkin feature's title as a second "feature" label, which lists the
  test twice in the Behaviors tree; when a @allure.label.feature tag is given, that duplicate is dropped.
Call label_scenario() from before_scenario: the Allure test is already started there. No-op without Allure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import allure
from allure_commons.types import LabelType, LinkType

from mattermost_suite.evidence.later import allure_listener

TEST_CASE_KEY = re.compile(r"^MM-T\d+$")
# Zephyr Scale (TM4J) test-case page in Mattermost's Jira; override with userdata `tms_pattern`.
DEFAULT_TMS_PATTERN = (
    "https://mattermost.atlassian.net/projects/MM?selectedItem=com.atlassian.plugins."
    "atlassian-connect-plugin:com.kanoah.test-manager__main-project-page#!/testCase/{}"
)
_READABLE = (LabelType.EPIC, LabelType.FEATURE, LabelType.STORY, "owner")


def tms_keys(tags: Iterable[str]) -> list[str]:
    """The test-case keys among tags, in order, without duplicates (e.g. ["MM-T940"])."""
    keys: list[str] = []
    for tag in tags:
        tag = tag.lstrip("@")
        if TEST_CASE_KEY.match(tag) and tag not in keys:
            keys.append(tag)
    return keys


def _running_test():
    listener = allure_listener()
    return listener.logger.get_test(None) if listener is not None else None


def tidy_labels(labels: list, feature_title: str) -> None:
    """Underscores to spaces in behaviour labels; drop the automatic feature label if a tag gave one."""
    tagged = [label for label in labels if label.name == LabelType.FEATURE and label.value != feature_title]
    if tagged:
        labels[:] = [
            label for label in labels if not (label.name == LabelType.FEATURE and label.value == feature_title)
        ]
    for label in labels:
        if label.name in _READABLE and isinstance(label.value, str):
            label.value = label.value.replace("_", " ")


def label_scenario(feature_title: str, tags: Iterable[str], tms_pattern: str | None = None) -> list[str]:
    """Tidy the running test's labels and add a "tms" link per @MM-T<n> tag; returns the keys linked."""
    test = _running_test()
    if test is not None:
        tidy_labels(test.labels, feature_title)
    pattern = tms_pattern or DEFAULT_TMS_PATTERN
    keys = tms_keys(tags)
    for key in keys:
        allure.dynamic.link(pattern.format(key), link_type=LinkType.TEST_CASE, name=key)
    return keys

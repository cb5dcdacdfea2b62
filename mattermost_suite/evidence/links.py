"""Test-case (TMS) links from plain key tags such as @MM-T940.

allure-behave 2.16.2 applies a userdata pattern only to issue and plain links (AllureFormatter.issue_pattern,
AllureFormatter.link_pattern); it has no tms pattern, so a scenario's test-case link is added here at run time.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import allure
from allure_commons.types import LinkType

TEST_CASE_KEY = re.compile(r"^MM-T\d+$")
# Zephyr Scale (TM4J) test-case page in Mattermost's Jira; override with userdata `tms_pattern`.
DEFAULT_TMS_PATTERN = ("https://mattermost.atlassian.net/projects/MM?selectedItem=com.atlassian.plugins."
                       "atlassian-connect-plugin:com.kanoah.test-manager__main-project-page#!/testCase/{}")


def tms_keys(tags: Iterable[str]) -> list[str]:
    """The test-case keys among tags, in order, without duplicates (e.g. ["MM-T940"])."""
    keys: list[str] = []
    for tag in tags:
        tag = tag.lstrip("@")
        if TEST_CASE_KEY.match(tag) and tag not in keys:
            keys.append(tag)
    return keys


def link_test_cases(tags: Iterable[str], tms_pattern: str | None = None) -> list[str]:
    """Add a "tms" link named after each key tag to the running Allure test; returns the keys linked.

    Call it from before_scenario with feature.tags + scenario.tags (no-op without the Allure formatter).
    """
    pattern = tms_pattern or DEFAULT_TMS_PATTERN
    keys = tms_keys(tags)
    for key in keys:
        allure.dynamic.link(pattern.format(key), link_type=LinkType.TEST_CASE, name=key)
    return keys

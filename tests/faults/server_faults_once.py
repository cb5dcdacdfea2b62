"""A server fault runs once in a test session, against the newest web app the session has: Mattermost's own
(tests/realapp/test_server_faults_on_the_real_app.py), when MM_REAL_WEBAPP names a build and that fault's run on it is
selected; else the stand-in's own `current` pages (tests/faults). Its catch reads the server or the browser's address,
never a page through the locators, so a second run against other pages is caught the same way
(catalogue.generations_of). A pytest plugin of the root conftest.py."""

from __future__ import annotations

import pytest

from mattermost_standin import FAULTS
from tests.support.fixtures import real_webapp_given

REAL_APP_MODULE = "tests/realapp/test_server_faults_on_the_real_app.py"


def run_on_the_real_app_instead(items: list) -> list:
    """The own pages' server-fault cases among `items` whose fault also runs on the real app among them."""
    on_the_real_app = {
        item.callspec.params["fault"]
        for item in items
        if item.nodeid.startswith(REAL_APP_MODULE + "::") and hasattr(item, "callspec")
    }
    own_pages = [(item, getattr(getattr(item, "callspec", None), "params", {}).get("case")) for item in items]
    return [
        item
        for item, case in own_pages
        if case is not None
        and getattr(case, "webapp", None) is None
        and FAULTS.get(case.fault or "", ("",))[0] == "server"
        and case.fault in on_the_real_app
    ]


@pytest.hookimpl(trylast=True)  # after -m, -k and --deselect: only what is still selected counts
def pytest_collection_modifyitems(config, items):
    if not real_webapp_given():  # the real app's runs would be skipped: the own pages' runs are the only ones
        return
    twice = run_on_the_real_app_instead(items)
    if twice:
        config.hook.pytest_deselected(items=twice)
        items[:] = [item for item in items if item not in twice]

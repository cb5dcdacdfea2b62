"""The real Mattermost web app tier: a production build of Mattermost's own web app, served unchanged by the
stand-in, is the oracle of the stand-in's newest generation and of the suite.

A build is not part of the repository (docs/real-webapp.md says how to make one): MM_REAL_WEBAPP names it for the
tests (not the suite's MM_STANDIN_WEBAPP, which would turn every other test's run into a run on the real app).
Without one these tests are skipped with one line naming the variable; in CI (CI=true) a missing build fails them
instead, so that a CI that lost its build cannot pass quietly.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.faults.conftest import record_kill  # noqa: F401  (the kill ratio counts the real app's fault runs too)

SETTING = "MM_REAL_WEBAPP"


@pytest.fixture(scope="session")
def webapp_build() -> str:
    build = os.environ.get(SETTING, "")
    if build and Path(build).exists():
        return build
    why = f"{SETTING} names no web app build ({build!r})" if build else f"{SETTING} is not set"
    message = f"{why}: the real web app tier needs a production build of Mattermost's web app (docs/real-webapp.md)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)

"""The stand-in tests' shared server; `make_standin` and `chrome` come from tests/support/fixtures.py."""

from __future__ import annotations

import pytest

from mattermost_standin import StandinServer


@pytest.fixture(scope="module")
def standin():
    """A shared current-UI server for tests that do not revoke everyone's sessions."""
    with StandinServer(ui="current") as server:
        yield server

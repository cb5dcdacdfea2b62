"""The real Mattermost web app tier: a production build of Mattermost's own web app, served unchanged by the
stand-in, is the oracle of the stand-in's newest generation and of the suite. The build comes from the shared
`webapp_build` fixture (tests/support/fixtures.py: MM_REAL_WEBAPP); the stand-in's browser checks run on it too
(tests/standin/test_standin_browser.py)."""

from __future__ import annotations

from tests.faults.conftest import record_kill  # noqa: F401  (the kill ratio counts the real app's fault runs too)

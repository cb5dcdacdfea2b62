"""The tests' own temporary folder: every process a test starts (browsers, drivers, behave runs, grids) gets it as
TMPDIR, so whatever a browser leaves there is removed when the tests end, not left in /tmp run after run.

- A copy of the Firefox profile template (`mm-firefox-profile-*`) is the suite's own: `quit_driver` removes it with
  its browser. One left behind is a test that quit a Firefox with driver.quit() instead: it fails the session.
- Chromium's own folders (its profile, its singleton socket) go when the browser exits; a browser killed rather than
  quit leaves them: by a test on purpose, or by ChromeDriver when a browser on a loaded machine takes too long to
  close. Those are listed, not failed on.
Everything else is removed silently (a behave run's folder is its watchdog's; the test-run folders go at exit).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile

import pytest

FOLDER = pytest.StashKey[str]()  # the controller's folder
OURS = re.compile(r"^mm-firefox-profile-")  # firefox_profile.COPY_PREFIX
BROWSERS_OWN = re.compile(r"^\.?(org\.chromium\.Chromium\.|rust_mozprofile)")


def pytest_configure(config):
    if hasattr(config, "workerinput"):
        return  # an xdist worker: it inherited the controller's folder
    tempfile.gettempdir()  # pytest's own folders (tmp_path) stay where they always are
    folder = tempfile.mkdtemp(prefix="mmt940-tests-")
    config.stash[FOLDER] = folder
    os.environ["TMPDIR"] = folder


@pytest.hookimpl(trylast=True)  # after xdist has ended its workers
def pytest_sessionfinish(session):
    folder = session.config.stash.get(FOLDER, None)
    if folder is None:
        return
    names = sorted(os.listdir(folder))
    shutil.rmtree(folder, ignore_errors=True)
    ours = [name for name in names if OURS.match(name)]
    killed = [name for name in names if BROWSERS_OWN.match(name)]
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and (ours or killed):
        reporter.write("\n")
        if killed:
            reporter.write_line(f"removed what killed browsers left: {', '.join(killed)}")
        if ours:
            reporter.write_line(f"Firefox profile copies that a test did not remove: {', '.join(ours)}", red=True)
    if ours:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED

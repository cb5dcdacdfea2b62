"""The tests' own temporary folder: every process a test starts (browsers, drivers, behave runs, grids) gets it as
TMPDIR, so what a browser leaves there (a profile, a Firefox profile copy) is found and removed when the tests end.

A browser quit the proper way removes its profile; one killed, or quit with driver.quit() where the suite's
quit_driver belongs, leaves it behind, tens of megabytes each. Those are reported by name and fail the session:
each is a test that did not clean up after itself. Everything else left in the folder is removed silently (a behave
run's watchdog folder is removed by the watchdog; the test-run folders by their own atexit).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile

import pytest

FOLDER = pytest.StashKey[str]()  # the controller's folder
# What Chromium (its user-data-dir and its own scratch folder), chromedriver and a Firefox session leave.
BROWSER_LEFTOVERS = re.compile(r"^\.?(org\.chromium\.Chromium\.|mm-firefox-profile-|rust_mozprofile)")


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
    left = sorted(name for name in os.listdir(folder) if BROWSER_LEFTOVERS.match(name))
    shutil.rmtree(folder, ignore_errors=True)
    if left:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write("\n")
            reporter.write_line(f"browser files left behind by the tests (removed now): {', '.join(left)}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED

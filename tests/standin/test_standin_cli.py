"""Contract: `python -m mattermost_standin` prints one ready line, stops cleanly, refuses bad values in one line."""

from __future__ import annotations

import os
import re
import selectors
import signal
import subprocess
import sys
import time

import pytest
import requests

from tests.support.constants import ADMIN_PASSWORD

from .helpers import login

pytestmark = pytest.mark.contract

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _run(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "mattermost_standin", *args],
        cwd=ROOT,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _first_line(proc: subprocess.Popen, deadline_s: float = 20.0) -> str:
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    try:
        if not selector.select(timeout=deadline_s):
            raise AssertionError("no ready line before the deadline")
        return proc.stdout.readline()
    finally:
        selector.close()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_cli_announces_the_url_and_stops_cleanly(tmp_path, sig):
    proc = _run(
        "--host", "127.0.0.1", "--port", "0", "--ui", "legacy", "--status-poll", "5", "--data-dir", str(tmp_path)
    )
    try:
        line = _first_line(proc)
        found = re.fullmatch(
            r"Mattermost stand-in \(legacy, (5\.[^)]+)\) listening on (http://127\.0\.0\.1:\d+)\n", line
        )
        assert found, line
        ping = requests.get(found.group(2) + "/api/v4/system/ping", timeout=10)
        assert ping.headers["X-Version-Id"] == found.group(1)
        token = login(found.group(2)).headers["Token"]
        requests.get(found.group(2) + "/api/v4/users/me?access_token=" + token, timeout=10)
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "stopped" in out
    assert token not in out + err and ADMIN_PASSWORD not in out + err  # no access log, no secrets
    assert (tmp_path / "standin.sqlite3").exists()


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--port", "abc"], "invalid int value"),
        (["--port", "70000"], "port must be"),
        (["--ui", "modern"], "invalid choice"),
        (["--status-poll", "-1"], "status poll"),
        (["--fault", "nope"], "valid faults: revoke_all_noop"),
        (["--host", "0.0.0.0"], "loopback"),
        (["--set", "ServiceSettings.NoSuchThing=true"], "unknown config key"),
        (["--set", "ServiceSettings.EnableTutorial"], "KEY=VALUE"),
        (["--set", "ServiceSettings.EnableTutorial=perhaps"], "true or false"),
        (["--admin-mfa-secret", "not base32"], "base32"),
        (["--admin-locale", "nowhere"], "locale"),
    ],
)
def test_cli_rejects_bad_values_with_one_line_and_exit_2(args, fragment):
    proc = _run(*args, "--port", "0") if args[0] != "--port" else _run(*args)
    try:
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 2
    assert err.count("\n") == 1 and fragment in err and "Traceback" not in err, err
    assert out == ""


def test_cli_reports_a_busy_port_in_one_line(make_standin):
    busy = make_standin()
    started = time.monotonic()
    proc = _run("--port", str(busy.port))
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 2 and err.count("\n") == 1 and "cannot listen" in err, err
    assert time.monotonic() - started < 20


def test_cli_starts_the_transitional_generation_with_settings_and_admin_options(tmp_path):
    proc = _run(
        "--port",
        "0",
        "--ui",
        "transitional",
        "--set",
        "ServiceSettings.EnableTutorial=false",
        "--set",
        "TeamSettings.EnableOpenServer=false",
        "--admin-mfa-secret",
        "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
        "--admin-locale",
        "de",
        "--fresh-workspace",
        "--data-dir",
        str(tmp_path),
    )
    try:
        line = _first_line(proc)
        found = re.fullmatch(r"Mattermost stand-in \(transitional, (8\.1\.0\.[^)]+)\) listening on (\S+)\n", line)
        assert found, line
        config = requests.get(found.group(2) + "/api/v4/config/client?format=old", timeout=10).json()
        assert config["EnableOpenServer"] == "false" and config["EnableMultifactorAuthentication"] == "true"
        refused = login(found.group(2))  # the admin now needs an MFA code
        assert refused.status_code == 401 and refused.json()["id"] == "mfa.validate_token.authenticate.app_error"
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0 and "Traceback" not in err
    assert "JBSWY3DPEHPK3PXP" not in out + err  # the secret is never printed

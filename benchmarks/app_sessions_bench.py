"""Benchmark (not a test): MM-T940 with many extra mobile-app sessions, each phase timed, against a plain baseline.

Run from the repository root:  .venv/bin/python benchmarks/app_sessions_bench.py [--sessions 1000] [-- behave args]
1. `behave -D extra_app_sessions=N -D standin_status_poll=1` (the embedded stand-in and grid, every device of the
   feature); the suite prints each phase's time: the extras' logins, the check of every session before the revoke
   (after Cancel: listed as mobile, every token accepted) and after it (every token refused with 401).
2. The baseline, measured in the same run: the same number of plain requests against the same stand-in (in-process,
   as the suite runs it), from one keep-alive requests.Session, as many at once as the suite sends
   (app_requests_at_once): N app logins (POST users/login with a device_id), N GET users/me with those tokens, and
   after revoke-all N GET users/me again (all 401).
Target: the suite verifies all sessions after the revoke within 10 s.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import secrets
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
import requests.adapters

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]  # when run as a script

from mattermost_standin import StandinServer  # noqa: E402
from mattermost_standin.seed import ADMIN_PASSWORD, ADMIN_USERNAME  # noqa: E402
from mattermost_suite.config import BY_NAME  # noqa: E402

TARGET_SECONDS = 10.0
APPS = [  # (device_id prefix, user agent): the extras alternate between the two apps, as in the suite
    ("apple_rn-v2", "Mattermost Mobile/2.24.0+654 (iOS; 17.5; iPhone15,3)"),
    ("android_rn-v2", "Mattermost Mobile/2.24.0+654 (Android; 14; Pixel 7)"),
]
PHASES = {  # the suite's console lines (presenter.extra_apps_logged_in_line / extra_apps_line)
    "login": re.compile(r"(\d+) extra app sessions: logged in in ([\d.]+) s"),
    "before": re.compile(
        r"(\d+) extra app sessions: all listed as mobile and accepted \(sessions checked in ([\d.]+) s"
    ),
    "after": re.compile(r"(\d+) extra app sessions: all \d+ refused with 401 \S+ \(sessions checked in ([\d.]+) s"),
}


def suite_phases(sessions: int, behave_args: list[str]) -> tuple[dict[str, float], float, int, str]:
    command = [sys.executable, "-m", "behave", "-f", "plain", "--no-color", "-D", f"extra_app_sessions={sessions}"]
    command += ["-D", "standin_status_poll=1", *behave_args]
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=dict(os.environ))
    wall = time.monotonic() - started
    phases = {}
    for name, pattern in PHASES.items():
        found = pattern.search(done.stderr)
        if found and int(found.group(1)) == sessions:
            phases[name] = float(found.group(2))
    return phases, wall, done.returncode, done.stdout[-2000:] + done.stderr[-2000:]


def baseline(sessions: int, at_once: int) -> dict[str, float]:
    """The same number of plain requests against an in-process stand-in, `at_once` at a time."""
    with StandinServer(status_poll_seconds=1) as standin:
        http = requests.Session()
        http.mount("http://", requests.adapters.HTTPAdapter(pool_maxsize=at_once))
        url = standin.url + "/api/v4"
        admin = {"login_id": ADMIN_USERNAME, "password": ADMIN_PASSWORD}

        def log_in(app) -> str:
            prefix, agent = app
            body = {**admin, "device_id": f"{prefix}:{secrets.token_hex(32)}"}
            return http.post(f"{url}/users/login", json=body, headers={"User-Agent": agent}, timeout=15).headers[
                "Token"
            ]

        def me(token: str) -> int:
            return http.get(f"{url}/users/me", headers={"Authorization": f"Bearer {token}"}, timeout=15).status_code

        result = {}
        with ThreadPoolExecutor(at_once) as pool:
            started = time.monotonic()
            tokens = list(pool.map(log_in, itertools.islice(itertools.cycle(APPS), sessions)))
            result["login"] = time.monotonic() - started
            started = time.monotonic()
            assert set(pool.map(me, tokens)) == {200}
            result["before"] = time.monotonic() - started
            admin_token = log_in(APPS[0])
            http.post(f"{url}/users/sessions/revoke/all", headers={"Authorization": f"Bearer {admin_token}"})
            started = time.monotonic()
            assert set(pool.map(me, tokens)) == {401}
            result["after"] = time.monotonic() - started
        http.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("behave_args", nargs="*", help="more behave arguments, e.g. -D app_requests_at_once=8")
    args = parser.parse_args()
    at_once = int(next((a.split("=", 1)[1] for a in args.behave_args if a.startswith("app_requests_at_once=")), 0))
    at_once = at_once or int(BY_NAME["app_requests_at_once"].default)
    print(f"load before: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} cores", flush=True)
    phases, wall, code, tail = suite_phases(args.sessions, args.behave_args)
    plain = baseline(args.sessions, at_once)
    print(f"MM-T940 with {args.sessions} extra app sessions: exit code {code}, {wall:.1f} s in all")
    if set(phases) != set(PHASES):
        print(f"the run did not report every phase (found {sorted(phases)}):\n{tail}")
        return 1
    labels = {
        "login": "log in the extras",
        "before": "check every session after Cancel (accepted)",
        "after": "check every session after the revoke (refused)",
    }
    print(f"{'phase':48} {'suite':>8} {'plain':>8} {'ratio':>6}   ({at_once} requests at once)")
    for key, label in labels.items():
        print(f"{label:48} {phases[key]:7.2f}s {plain[key]:7.2f}s {phases[key] / plain[key]:6.2f}")
    verdict = "meets" if phases["after"] <= TARGET_SECONDS else "MISSES"
    print(f"verification after the revoke: {phases['after']:.2f} s ({verdict} <= {TARGET_SECONDS:g} s)")
    print(f"load after: {os.getloadavg()[0]:.2f} (1 min)")
    return 0 if code == 0 and verdict == "meets" else 1


if __name__ == "__main__":
    sys.exit(main())

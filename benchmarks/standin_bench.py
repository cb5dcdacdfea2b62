"""Benchmark (not a test): stand-in latency over loopback and the cost of revoking 1,000 sessions at once.

Run: .venv/bin/python benchmarks/standin_bench.py [--logins 200] [--reads 1000] [--sessions 1000]
The server runs as its own process (the CLI) so the client does not share its GIL.
Targets: login and users/me p50 < 10 ms; revoke-all of 1,000 sessions < 100 ms.
"""

from __future__ import annotations

import argparse
import os
import re
import selectors
import signal
import statistics
import subprocess
import sys
import tempfile
import time

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [ROOT]  # when run as a script

from mattermost_standin.seed import ADMIN_PASSWORD, ADMIN_USERNAME  # noqa: E402

ADMIN = {"login_id": ADMIN_USERNAME, "password": ADMIN_PASSWORD}


def start_server(data_dir: str) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "mattermost_standin", "--port", "0", "--data-dir", data_dir],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    if not selector.select(timeout=20):
        proc.kill()
        raise SystemExit("the stand-in did not start within 20 s")
    found = re.search(r"listening on (http://\S+)", proc.stdout.readline())
    if not found:
        proc.kill()
        raise SystemExit("the stand-in did not announce its URL")
    return proc, found.group(1)


def timed(call, n: int) -> list[float]:
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        response = call()
        samples.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    return samples


def summary(name: str, samples: list[float], target_ms: float) -> str:
    p50 = statistics.median(samples)
    p95 = statistics.quantiles(samples, n=20)[18]
    verdict = "meets" if p50 < target_ms else "MISSES"
    return f"{name:<10} n={len(samples):<5} p50={p50:6.2f} ms  p95={p95:6.2f} ms  ({verdict} p50 < {target_ms:g} ms)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logins", type=int, default=200)
    parser.add_argument("--reads", type=int, default=1000)
    parser.add_argument("--sessions", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mm-standin-bench-") as data_dir:
        proc, url = start_server(data_dir)
        try:
            http = requests.Session()  # keep-alive, like a browser
            login = lambda: http.post(f"{url}/api/v4/users/login", json=ADMIN)  # noqa: E731
            print(summary("login", timed(login, args.logins), 10))
            token = login().headers["Token"]
            me = lambda: http.get(f"{url}/api/v4/users/me", headers={"Authorization": f"Bearer {token}"})  # noqa: E731
            print(summary("users/me", timed(me, args.reads), 10))
            while True:  # top up to exactly --sessions live sessions (all the logins above are still alive)
                count = len(
                    http.get(f"{url}/api/v4/users/me/sessions", headers={"Authorization": f"Bearer {token}"}).json()
                )
                if count >= args.sessions:
                    break
                for _ in range(args.sessions - count):
                    login()
            started = time.perf_counter()
            revoke = http.post(f"{url}/api/v4/users/sessions/revoke/all", headers={"Authorization": f"Bearer {token}"})
            elapsed = (time.perf_counter() - started) * 1000
            revoke.raise_for_status()
            after = http.get(f"{url}/api/v4/users/me", headers={"Authorization": f"Bearer {token}"}).status_code
            verdict = "meets" if elapsed < 100 and after == 401 else "MISSES"
            print(
                f"revoke-all {count} sessions in one call: {elapsed:.2f} ms round trip ({verdict} < 100 ms; "
                f"users/me afterwards: {after})"
            )
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=15)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark of the embedded grid (not a test): start time, concurrent session start, memory, stop time.

Run from the repository root:  .venv/bin/python benchmarks/grid_bench.py [--rounds 3]
Memory is the sum over every process the grid started (Java, Xvfb, drivers, browsers): RSS double-counts
shared pages, PSS (proportional set size, /proc/<pid>/smaps_rollup) does not; the peak is sampled every 0.1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]  # the repository root, when run as a script

from selenium import webdriver  # noqa: E402

from mattermost_suite.grid import EmbeddedGrid, capabilities_for, installed_browsers  # noqa: E402
from tests.support.grid_watch import process_tree  # noqa: E402

PAGE = "data:text/html,<title>bench</title>"
# The default device matrix's browser sessions: 5 Chromium-based, 1 Firefox, 1 WebKit.
MATRIX = {"chromium": 5, "firefox": 1, "webkit": 1}


def _kib(pid: int, field: str, name: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class MemorySampler:
    """Peak summed RSS and PSS of a grid's processes, sampled in the background."""

    def __init__(self, grid: EmbeddedGrid):
        self.grid, self.peak_rss, self.peak_pss = grid, 0, 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._done.wait(0.1):
            pids = list(process_tree(self.grid.pids))
            self.peak_rss = max(self.peak_rss, sum(_kib(p, "VmRSS", "status") for p in pids))
            self.peak_pss = max(self.peak_pss, sum(_kib(p, "Pss", "smaps_rollup") for p in pids))

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._done.set()
        self._thread.join()


def _sessions(url: str, browsers: list[str]) -> float:
    """Seconds until every session in `browsers` is open (all requested at once); then quit them."""

    def open_one(browser):
        driver = webdriver.Remote(url, options=capabilities_for(browser))
        driver.get(PAGE)
        return driver

    started = time.monotonic()
    with ThreadPoolExecutor(len(browsers)) as pool:
        drivers = list(pool.map(open_one, browsers))
    seconds = time.monotonic() - started
    for driver in drivers:
        driver.quit()
    return seconds


def _round(browsers, log_dir: Path) -> dict:
    grid = EmbeddedGrid(browsers=browsers, log_dir=log_dir)
    started = time.monotonic()
    grid.start()
    result = {"start": time.monotonic() - started}
    try:
        result["idle_pss_mib"] = sum(_kib(p, "Pss", "smaps_rollup") for p in process_tree(grid.pids)) / 1024
        with MemorySampler(grid) as memory:
            result["one_each"] = _sessions(grid.url, list(browsers))
        result["rss_mib"], result["pss_mib"] = memory.peak_rss / 1024, memory.peak_pss / 1024
        matrix = [b for b, n in MATRIX.items() if b in browsers for _ in range(n)]
        result["matrix"] = _sessions(grid.url, matrix)
    finally:
        started = time.monotonic()
        grid.stop()
        result["stop"] = time.monotonic() - started
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    browsers = installed_browsers()
    grid = EmbeddedGrid(browsers=browsers)
    print(f"browsers: {grid.served}")
    results = []
    with tempfile.TemporaryDirectory(prefix="grid-bench-") as tmp:
        for i in range(rounds):
            results.append(_round(browsers, Path(tmp) / str(i)))
            print(f"round {i + 1}: " + ", ".join(f"{k} {v:.2f}" for k, v in results[-1].items()), flush=True)
    labels = {
        "start": "grid start to ready (s)",
        "one_each": f"{len(browsers)} sessions at once, one per browser (s)",
        "matrix": "default matrix: 5 chromium + 1 firefox + 1 webkit at once (s)",
        "stop": "grid stop (s)",
        "idle_pss_mib": "PSS of the idle grid (Java, Xvfb, WebKitWebDriver) (MiB)",
        "rss_mib": "peak RSS, grid + one session per browser (MiB)",
        "pss_mib": "peak PSS, grid + one session per browser (MiB)",
    }
    for key, label in labels.items():
        values = [r[key] for r in results]
        print(f"{label:62} median {statistics.median(values):7.2f}  min {min(values):7.2f}  max {max(values):7.2f}")


if __name__ == "__main__":
    main()

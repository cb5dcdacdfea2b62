"""Benchmark of one MM-T940 matrix run (not a test): wall time and peak memory of the whole run.

Run from the repository root:  .venv/bin/python benchmarks/matrix_bench.py [--ui current] [-- extra behave args]
/usr/bin/time -v on behave would miss the grid's Java, Xvfb, drivers and browsers (separate process trees), so
every process carrying this run's marker in its environment (all of them inherit it) is sampled from /proc every
0.1 s: peak summed RSS (double-counts shared pages) and PSS (/proc/<pid>/smaps_rollup, shares them out).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from the repository root

from mattermost_standin import generations as standin_generations  # noqa: E402


def _kib(pid: str, name: str, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:  # the process ended between the scan and the read
        pass
    return 0


def marked_pids(marker: bytes) -> list[str]:
    pids = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and marker in (proc / "environ").read_bytes():
                pids.append(proc.name)
        except OSError:
            continue
    return pids


class Sampler(threading.Thread):
    def __init__(self, marker: bytes):
        super().__init__(daemon=True)
        self.marker, self.done = marker, threading.Event()
        self.peak_rss = self.peak_pss = self.peak_processes = 0

    def run(self) -> None:
        while not self.done.wait(0.1):
            pids = marked_pids(self.marker)
            self.peak_processes = max(self.peak_processes, len(pids))
            self.peak_rss = max(self.peak_rss, sum(_kib(p, "status", "VmRSS") for p in pids))
            self.peak_pss = max(self.peak_pss, sum(_kib(p, "smaps_rollup", "Pss") for p in pids))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    generations = standin_generations.names()  # the stand-in's own pages, newest by default
    parser.add_argument("--ui", default=generations[-1], choices=generations)
    parser.add_argument("behave_args", nargs="*", help="more behave arguments, e.g. -D devices=...")
    args = parser.parse_args()
    token = uuid.uuid4().hex
    env = {**os.environ, "MMT940_BENCH_RUN": token}
    sampler = Sampler(f"MMT940_BENCH_RUN={token}".encode())
    command = [
        sys.executable,
        "-m",
        "behave",
        "-f",
        "plain",
        "--no-color",
        "-D",
        f"standin_ui={args.ui}",
        "-D",
        "standin_status_poll=1",
        *args.behave_args,
    ]
    started = time.monotonic()
    sampler.start()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.monotonic() - started
    sampler.done.set()
    sampler.join()
    outcomes = [line for line in done.stderr.splitlines() if "MM-T940: outcome:" in line]
    print(f"MM-T940 matrix run ({args.ui} web app, {len(outcomes)} device outcomes), exit code {done.returncode}")
    print(f"  wall time        {wall:6.1f} s")
    print(f"  peak memory PSS  {sampler.peak_pss / 1024:6.0f} MiB  (RSS {sampler.peak_rss / 1024:.0f} MiB)")
    print(f"  peak processes   {sampler.peak_processes:6d}")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())

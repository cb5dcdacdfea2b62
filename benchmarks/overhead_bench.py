"""Benchmark (not a test): the suite's overhead against a bare script doing the same work (benchmarks/floor.py).

Run from the repository root:  .venv/bin/python benchmarks/overhead_bench.py [--pairs 3] [--modes local,grid]
                                 [--screenshots key_moments|failures] [--warm-up 1]
For each mode it runs `behave` (the defaults a tester uses, Allure results and screenshots included, into a
temporary folder) and floor.py alternately, several pairs, the order flipped every pair; both against the embedded
stand-in with the same short status poll (1 s, so that the logout wait does not dominate), both starting their own
stand-in, grid and browsers. Wall time of each whole process; reported: each pair's suite/floor ratio and the
median ratio per mode. One untimed run of each comes first (--warm-up): otherwise the first timed run, after a pause,
pays for reading its files from disk and the other does not.
  local  -D grid=off: local drivers; WebKitGTK cannot run without the grid's display, so both leave its row out
  grid   the embedded Selenium Grid (Java), all eight devices
With --screenshots failures the suite leaves out the key moments' pictures (the report then has no screenshot of a
passing run): the difference between the two is what the pictures cost.
Targets: median suite/floor at most 1.05 with local drivers, 1.15 through the embedded grid. On a busy machine wall
times swing from pair to pair; the fastest run of each against the other's fastest, and the CPU time of each whole
process tree (its own and every browser's, driver's and the grid's, reaped through it), say more then.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLL = "1"
LOCAL_DEVICES = "Desktop Chromium,Desktop Firefox ESR,Android phone,iPhone,Desktop app,iOS app,Android app"
MODES = {
    "local": (["-D", "grid=off", "-D", f"devices={LOCAL_DEVICES}"], ["--grid", "off"]),
    "grid": ([], ["--grid", "embedded"]),
}
TARGETS = {"local": 1.05, "grid": 1.15}
# A timed run counts only if it did the work: exit code 0 can also mean every scenario was skipped.
SUITE_PASSED = re.compile(r"^([2-9]|\d{2,}) scenarios passed, 0 failed", re.MULTILINE)  # MM-T940 + its guard
FLOOR_PASSED = re.compile(r"^floor: passed", re.MULTILINE)


@dataclass(frozen=True)
class Run:
    wall: float  # seconds from start to exit
    cpu: float  # user + system seconds of the process and every descendant it waited for (browsers, grid, drivers)
    code: int
    tail: str
    did_the_work: bool


def timed(command: list[str], env: dict[str, str], done_when: re.Pattern, cwd: Path = ROOT) -> Run:
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.monotonic()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    wall, after = time.monotonic() - started, resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    output = done.stdout + done.stderr
    return Run(wall, cpu, done.returncode, output[-3000:], bool(done_when.search(output)))


def suite(mode: str, folder: Path, root: Path, screenshots: str) -> Run:
    env = {**os.environ, "MM_ALLURE_RESULTS": str(folder / "allure-results")}
    command = [sys.executable, "-m", "behave", "--no-color", "-D", f"standin_status_poll={POLL}", *MODES[mode][0]]
    return timed([*command, "-D", f"screenshots={screenshots}"], env, SUITE_PASSED, root)


def floor(mode: str) -> Run:
    command = [sys.executable, str(ROOT / "benchmarks" / "floor.py"), "--status-poll", POLL, *MODES[mode][1]]
    return timed(command, dict(os.environ), FLOOR_PASSED)


def succeeded(run: Run, name: str) -> bool:
    if run.code == 0 and run.did_the_work:
        return True
    print(f"{name} failed (exit code {run.code}, summary {'seen' if run.did_the_work else 'missing'}):\n{run.tail}")
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--modes", default="local,grid", help="comma-separated: local, grid")
    parser.add_argument(
        "--suite-root", type=Path, default=ROOT, help="the checkout whose suite runs (e.g. an older one)"
    )
    parser.add_argument(
        "--screenshots",
        choices=("key_moments", "failures"),
        default="key_moments",
        help="the suite's screenshots setting: failures leaves out the key moments' pictures, to see what they cost",
    )
    parser.add_argument(
        "--warm-up",
        type=int,
        default=1,
        help="untimed runs of each script per mode first: the first run after a pause reads its files from disk",
    )
    args = parser.parse_args()
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    print(f"load before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (uptime 1/5/15 min), {os.cpu_count()} cores")
    print(f"suite screenshots={args.screenshots}")
    results, failed = {}, False
    with tempfile.TemporaryDirectory(prefix="mm-overhead-") as tmp:
        for mode in modes:
            pairs = results[mode] = []
            for _ in range(args.warm_up):
                for warm in (
                    suite(mode, Path(tmp) / f"{mode}-warm-up", args.suite_root, args.screenshots),
                    floor(mode),
                ):
                    failed |= not succeeded(warm, f"{mode} warm-up")
            for pair in range(args.pairs):
                runs = {}
                order = ("suite", "floor") if pair % 2 == 0 else ("floor", "suite")
                for which in order:
                    folder = Path(tmp) / f"{mode}-{pair}"
                    run_suite = which == "suite"
                    runs[which] = suite(mode, folder, args.suite_root, args.screenshots) if run_suite else floor(mode)
                    failed |= not succeeded(runs[which], f"{mode} {which}")
                s, f = runs["suite"], runs["floor"]
                pairs.append((s, f))
                print(
                    f"{mode} pair {pair + 1}: suite {s.wall:6.1f} s (cpu {s.cpu:5.1f} s)  floor {f.wall:6.1f} s "
                    f"(cpu {f.cpu:5.1f} s)  ratio {s.wall / f.wall:5.2f} (cpu {s.cpu / f.cpu:4.2f})  "
                    f"load {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
    for mode, pairs in results.items():
        wall = statistics.median(s.wall / f.wall for s, f in pairs)
        cpu = statistics.median(s.cpu / f.cpu for s, f in pairs)
        fastest = min(s.wall for s, _ in pairs) / min(f.wall for _, f in pairs)
        verdict = "meets" if wall <= TARGETS[mode] else "MISSES"
        print(
            f"{mode:6} median suite/floor {wall:5.2f} ({verdict} <= {TARGETS[mode]:.2f}); "
            f"fastest/fastest {fastest:5.2f}; median cpu ratio {cpu:5.2f}"
        )
    print(f"load after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

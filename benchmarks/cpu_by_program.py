"""Benchmark tool (not a test): where a command's CPU goes, by program and over time.

Run from the repository root, e.g.:
  .venv/bin/python benchmarks/cpu_by_program.py -- .venv/bin/behave -D standin_webapp=BUILD
  .venv/bin/python benchmarks/cpu_by_program.py --every 1 -- bash .ci/run
The command runs with its output in a file (--output, default /tmp/cpu_by_program.out); every --every seconds the
tool reads /proc for each process below the command and charges the CPU it used since the last look to its program
(Chromium split by process type: browser, renderer, gpu-process...). It prints the command's exit code, its wall
time, the CPU of each program, and the CPU of the whole tree per 10 s. A process that starts and ends between two
looks is missed, and so is each process's last interval: the programs' figures are a little low, the proportions
right. The kernel's own account of the whole tree (every process that its parent waited for) is printed beside them.
A process that leaves the tree (a daemon that reparents itself to init) is not followed.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")
# comm names (as the kernel truncates them, 15 characters) -> the program they belong to
PROGRAMS = (
    (
        re.compile(r"^(firefox|Web Content|WebExtensions|Isolated |Privileged|RDD Process|Socket Process|Utility)"),
        "firefox",
    ),
    (re.compile(r"^(WebKit|MiniBrowser)"), "webkit"),
    (re.compile(r"^(python|behave)"), "python"),
)


def processes() -> dict[int, tuple[int, float, str, str]]:
    """pid -> (parent pid, CPU seconds so far, start time, comm) of every process readable now."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat.rsplit(")", 1)[1].split()
        found[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS, fields[19], comm)
    return found


def program_of(pid: int, comm: str) -> str:
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:
        argv = b""
    if b"chromedriver" in argv:
        return "chromedriver"
    if b"chrom" in argv:
        kind = re.search(rb"--type=([a-z-]+)", argv)
        return "chromium " + (kind.group(1).decode() if kind else "browser")
    return next((name for pattern, name in PROGRAMS if pattern.match(comm)), comm)


def below(pid: int, root: int, table: dict) -> bool:
    for _ in range(64):  # a chain that deep is not ours
        if pid == root:
            return True
        if pid not in table:
            return False
        pid = table[pid][0]
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=float, default=0.5, help="seconds between two looks at /proc")
    parser.add_argument("--output", default="/tmp/cpu_by_program.out", help="where the command's output goes")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- then the command")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to measure after --")

    used: dict[tuple[int, str], float] = {}  # (pid, start time) -> CPU seconds seen
    program: dict[tuple[int, str], str] = {}
    per_program: collections.Counter[str] = collections.Counter()
    per_slice: collections.Counter[int] = collections.Counter()
    started = time.monotonic()
    with open(args.output, "w") as output:
        child = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        while True:
            running = child.poll() is None
            table = processes()
            slice_ = int((time.monotonic() - started) // 10)
            for pid, (_, cpu, start, comm) in table.items():
                if not below(pid, child.pid, table):
                    continue
                key = (pid, start)
                if key not in program:
                    program[key] = program_of(pid, comm)
                delta = cpu - used.get(key, 0.0)
                used[key] = cpu
                per_program[program[key]] += delta
                per_slice[slice_] += delta
            if not running:
                break
            time.sleep(args.every)
    wall = time.monotonic() - started
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"exit code {child.returncode}, {wall:.0f} s wall, {sum(per_program.values()):.1f} CPU-seconds seen by "
        f"program, {reaped.ru_utime + reaped.ru_stime:.1f} by the kernel's account of the tree"
    )
    for name, seconds in per_program.most_common():
        if seconds >= 0.05:
            print(f"  {seconds:7.1f}  {name}")
    slices = range(max(per_slice, default=-1) + 1)
    print("per 10 s:", " ".join(f"{per_slice[i]:.1f}" for i in slices))
    return 0


if __name__ == "__main__":
    sys.exit(main())

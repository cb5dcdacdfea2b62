"""Run behave as a subprocess from the repository root and read its summary and leftovers."""

from __future__ import annotations

import atexit
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from .constants import ROOT

BEHAVE = [sys.executable, "-m", "behave"]
# What the embedded stand-in serves is each test's own choice: a tester's MM_STANDIN_WEBAPP (or version) in the
# environment must not turn every run into a run on another web app.
WHAT_A_TEST_SERVES = ("MM_STANDIN_WEBAPP", "MM_STANDIN_VERSION")
CATEGORIES = ("passed", "failed", "error", "skipped", "undefined", "untested")


@dataclass
class BehaveRun:
    returncode: int
    stdout: str
    stderr: str
    leftovers: list[str]

    def summary(self, kind: str) -> dict[str, int]:
        """Counts of one summary line ("feature", "scenario", "step"); a category behave omits counts 0."""
        line = next((line for line in self.stdout.splitlines() if re.match(rf"^\d+ {kind}s? passed", line)), "")
        counts = {name: int(number) for number, name in re.findall(r"(\d+) (\w+)", line)}
        counts = {("error" if name == "errors" else name): value for name, value in counts.items()}
        counts.pop(kind, None), counts.pop(kind + "s", None)
        return {name: counts.get(name, 0) for name in CATEGORIES} | {"passed": _passed(line)}


def _passed(line: str) -> int:
    match = re.match(r"^(\d+) ", line)
    return int(match.group(1)) if match else -1


def run_behave(
    *args: str, env: dict[str, str] | None = None, timeout: float = 300, inside: tuple[str, ...] = ()
) -> BehaveRun:
    """Every process the run starts inherits a unique marker, so anything left behind can be found.
    `inside`: a command prefix that runs the behave command after it (e.g. in a mount namespace of its own)."""
    marker = f"MMT940_TEST_RUN={uuid.uuid4().hex}"
    name, value = marker.split("=")
    inherited = {key: value for key, value in os.environ.items() if key not in WHAT_A_TEST_SERVES}
    full_env = {**inherited, **own_run_folder(env), name: value}
    done = run_to_the_end(
        [*inside, *BEHAVE, "-f", "plain", "--no-color", *args], cwd=ROOT, env=full_env, timeout=timeout
    )
    return BehaveRun(done.returncode, done.stdout, done.stderr, processes_with(marker) + watchdog_lines(done.stderr))


def own_run_folder(env: dict[str, str] | None) -> dict[str, str]:
    """A test's behave run writes its results into a folder of its own, not into the checkout's reports/runs (a
    tester's report must not pick up a test's run, and tests running side by side must not prune each other's),
    unless the test names the folder itself."""
    env = dict(env or {})
    if not {"MM_RUN_DIR", "MM_ALLURE_RESULTS"} & env.keys():
        env["MM_RUN_DIR"] = tempfile.mkdtemp(prefix="run-", dir=_test_runs())
    return env


def _test_runs() -> str:
    global _TEST_RUNS
    if _TEST_RUNS is None:
        _TEST_RUNS = tempfile.mkdtemp(prefix="mmt940-test-runs-")
        atexit.register(shutil.rmtree, _TEST_RUNS, True)
    return _TEST_RUNS


_TEST_RUNS: str | None = None


def watchdog_lines(output: str) -> list[str]:
    """What the run's watchdog (mattermost_suite/lifecycle/watchdog.py) had to end after behave exited: after a run that
    was not killed, anything it names is a leftover of the run's own clean-up."""
    return [line for line in output.splitlines() if line.startswith(WATCHDOG)]


WATCHDOG = "MM-T940: watchdog:"


def run_to_the_end(command, cwd, env, timeout: float, cleanup_deadline: float = 60) -> subprocess.CompletedProcess:
    """subprocess.run, except on Ctrl-C of the test run: behave got the same SIGINT, so give its clean-up time
    (subprocess.run would SIGKILL it after 0.25 s and leave its browsers behind)."""
    with subprocess.Popen(
        command, cwd=cwd, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except KeyboardInterrupt:
            process.communicate(timeout=cleanup_deadline)
            raise
        except subprocess.TimeoutExpired:
            if command[: len(BEHAVE)] == BEHAVE:
                process.send_signal(signal.SIGUSR1)  # the suite's runner prints every thread's stack: where it is stuck
            process.send_signal(signal.SIGINT)  # behave's own clean-up first, then the hard stop
            try:
                stdout, stderr = process.communicate(timeout=cleanup_deadline)
            except subprocess.TimeoutExpired:
                process.kill()
                stdout, stderr = process.communicate()
            raise AssertionError(f"behave ran over {timeout:g} s; its stderr ends:\n{stderr[-8000:]}") from None
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def start_behave(
    *args: str, env: dict[str, str] | None = None, inside: tuple[str, ...] = ()
) -> tuple[subprocess.Popen, str]:
    """behave in its own process group with SIGINT at its default (as in a terminal), output unbuffered (stderr into
    stdout). `inside`: a command prefix, as for run_behave; the process returned is then the prefix's."""
    marker = f"MMT940_TEST_RUN={uuid.uuid4().hex}"
    name, value = marker.split("=")
    full_env = {**os.environ, **own_run_folder(env), name: value, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [*inside, *BEHAVE, "-f", "plain", "--no-color", *args],
        cwd=ROOT,
        env=full_env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=sigint_as_in_a_terminal,
    )
    return process, marker


def sigint_as_in_a_terminal() -> None:
    """For a child's preexec_fn: Ctrl-C at its default even when the tests run in the background of a
    non-interactive shell (CI, nohup), which ignores SIGINT; Python keeps an inherited SIG_IGN, and the child
    would then never see a Ctrl-C that a test sends it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def processes_with(marker: str, grace: float = 10.0) -> list[str]:
    """Live (non-zombie) processes carrying the marker in their environment, after at most `grace` seconds for
    the ones still shutting down (e.g. a browser that got the terminal's Ctrl-C itself)."""
    deadline = time.monotonic() + grace
    for pid in [int(entry.split()[0]) for entry in _marked(marker)]:
        _wait_gone(pid, deadline)
    return _marked(marker)


def _wait_gone(pid: int, deadline: float) -> None:
    """Block until the process ends or the deadline passes (pidfd: woken by the exit itself, no polling)."""
    try:
        fd = os.pidfd_open(pid)
    except OSError:
        return
    try:
        select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
    finally:
        os.close(fd)


def _marked(marker: str) -> list[str]:
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            if marker.encode() not in (proc / "environ").read_bytes():
                continue
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
            if state != "Z":
                command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                found.append(f"{proc.name} {command[:120]}")
        except OSError:
            continue
    return found

"""scripts/setup on a system it cannot set up stops in one line, before it changes anything, naming what to install
by hand (and SKIP_SYSTEM_PACKAGES=1). The systems are simulated: a copy of the script in an empty folder, with fake
`dpkg-query` (nothing installed), `dpkg`, `id` and `sudo` first on PATH and another os-release file."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.support.constants import ROOT

pytestmark = pytest.mark.contract

DEBIAN = 'ID=debian\nVERSION_ID="12"\n'


def _fake(bin_dir, name: str, script: str) -> None:
    path = bin_dir / name
    path.write_text("#!/bin/sh\n" + script + "\n")
    path.chmod(0o755)


def _setup_on(tmp_path, os_release: str, arch: str = "amd64", uid: int = 0, sudo: bool = True, env=None):
    checkout = tmp_path / "checkout"
    (checkout / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "setup", checkout / "scripts" / "setup")
    fakes = tmp_path / "bin"
    fakes.mkdir()
    _fake(fakes, "dpkg-query", "exit 1")  # nothing is installed
    _fake(fakes, "dpkg", f'[ "$1" = --print-architecture ] && echo {arch}')
    _fake(fakes, "id", f'[ "$1" = -u ] && echo {uid}')
    _fake(fakes, "apt-get", "echo apt-get ran >&2; exit 99")  # must never be reached
    _fake(fakes, "sudo", "exit 0" if sudo else "exit 1")
    (tmp_path / "os-release").write_text(os_release)
    run = subprocess.run(
        ["bash", str(checkout / "scripts" / "setup")],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PATH": f"{fakes}:{os.environ['PATH']}", "OS_RELEASE": str(tmp_path / "os-release")}
        | (env or {}),
    )
    return run, sorted(path.name for path in checkout.iterdir())


@pytest.mark.parametrize(
    "system, kwargs, says",
    [
        ("Ubuntu", {"os_release": "ID=ubuntu\nID_LIKE=debian\n"}, "Ubuntu's chromium and firefox packages are snaps"),
        ("Fedora", {"os_release": 'ID=fedora\nID_LIKE="rhel centos fedora"\n'}, "fedora is not Debian"),
        ("riscv64", {"os_release": DEBIAN, "arch": "riscv64"}, "Debian does not ship every package"),
        ("no root, no sudo", {"os_release": DEBIAN, "uid": 1000, "sudo": False}, "needs root or sudo"),
    ],
)
def test_an_unsupported_system_stops_in_one_line_before_changing_anything(tmp_path, system, kwargs, says):
    run, left = _setup_on(tmp_path, **kwargs)
    assert run.returncode == 1, (system, run.stdout, run.stderr)
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("setup: ") and says in lines[0], (system, run.stderr)
    assert "SKIP_SYSTEM_PACKAGES=1" in lines[0] and "Chromium and ChromeDriver" in lines[0]
    assert run.stdout == "" and left == ["scripts"], f"{system}: set-up changed {left}"


def test_skip_system_packages_names_a_missing_tool_in_one_line(tmp_path):
    run, left = _setup_on(tmp_path, DEBIAN, env={"SKIP_SYSTEM_PACKAGES": "1", "PYTHON": "no-such-python3"})
    assert run.returncode == 1 and run.stderr.strip().count("\n") == 0
    assert "no-such-python3 is not on PATH" in run.stderr and left == ["scripts"]

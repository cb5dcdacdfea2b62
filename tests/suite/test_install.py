"""The project installs like a Python project (pyproject.toml): in a new virtualenv, `pip install -e .` brings the
pinned dependencies and the suite's packages, and plain `behave` then works from the checkout with the suite's own
Allure formatter (behave.ini). Behave's standard Allure formatter beside it is refused in one line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support.behave_runs import run_behave
from tests.support.constants import ROOT

INSTALL_TIMEOUT = 600  # a new virtualenv's packages, from the package index or pip's cache


@pytest.mark.acceptance
def test_pip_install_e_in_a_new_virtualenv_makes_plain_behave_work(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    # --no-compile: this virtualenv serves one import and one dry run; compiling every package would cost more
    install = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check", "--no-compile", "-e", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=INSTALL_TIMEOUT,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    # From anywhere but the checkout, the packages come from the install, not from the working directory.
    imported = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import mattermost_suite.evidence.formatter, mattermost_standin"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert imported.returncode == 0, imported.stderr
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    dry = subprocess.run(
        [str(venv / "bin" / "behave"), "--dry-run", "--no-color"], cwd=ROOT, capture_output=True, text=True, env=env
    )
    assert dry.returncode == 0, dry.stdout[-2000:] + dry.stderr[-2000:]
    assert "67 untested" in dry.stdout, dry.stdout[-1000:]


@pytest.mark.acceptance
def test_behaves_standard_allure_formatter_beside_the_suites_own_is_refused_in_one_line(tmp_path):
    # run_behave's plain formatter keeps stdout (behave pairs formats and outfiles by position).
    allure = ("-f", "allure_behave.formatter:AllureFormatter", "-o", str(tmp_path / "allure"))
    run = run_behave("-o", "/dev/stdout", *allure, timeout=120)
    assert run.returncode == 2, run.stdout[-2000:] + run.stderr[-2000:]
    refusal = [line for line in run.stderr.splitlines() if line.startswith("MM-T940 configuration error:")]
    assert len(refusal) == 1 and "allure_behave.formatter:AllureFormatter is not needed" in refusal[0], run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert not list((tmp_path / "allure").glob("*-result.json")), "a result was written twice"
    assert run.leftovers == []

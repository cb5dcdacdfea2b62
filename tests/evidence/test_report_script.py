import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

REPORT = Path(__file__).resolve().parents[2] / "scripts" / "report"


def run_report(*args, env=None):
    return subprocess.run(
        ["bash", str(REPORT), *map(str, args)], capture_output=True, text=True, timeout=60, env=env or os.environ.copy()
    )


def test_no_results_is_a_one_line_error(tmp_path):
    done = run_report(tmp_path / "empty", tmp_path / "report")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == f"report: no Allure results in {tmp_path / 'empty'} (run the suite first)\n"


def test_missing_java_is_a_one_line_error(tmp_path):
    (tmp_path / "results").mkdir()
    (tmp_path / "results" / "x-result.json").write_text("{}")
    bin_dir = tmp_path / "bin"  # a PATH with bash tools and node but no java
    bin_dir.mkdir()
    for tool in ("node", "dirname", "bash"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    env = {k: v for k, v in os.environ.items() if k != "JAVA_HOME"} | {"PATH": str(bin_dir)}
    done = run_report(tmp_path / "results", tmp_path / "report", env=env)
    assert done.returncode == 1 and done.stderr.startswith("report: Java is missing")
    assert len(done.stderr.splitlines()) == 1

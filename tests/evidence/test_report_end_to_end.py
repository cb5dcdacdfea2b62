"""End to end: a tiny behave project using the evidence API -> Allure results -> single-file report -> a
screenshot of the report's test page with the combined device image expanded (reports/report-screenshot.png)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import uuid
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from mattermost_suite.evidence import write_run_files
from mattermost_suite.secrets import register
from tests.support.browser import new_chromium
from tests.support.constants import ROOT
from tests.support.suite_runs import run_report_script

from . import checks
from .tiny_project import demo_page, write_tiny_project

pytestmark = pytest.mark.browser

SCREENSHOT = ROOT / "reports" / "report-screenshot.png"
PASSING = "MM-T940 Every device shows its state in the report"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the demo page's requests are not evidence
        pass


@pytest.fixture
def demo_site(tmp_path):
    """The demo page (with the fake secret in it) served on 127.0.0.1; yields (url, secret)."""
    secret = f"FAKE-{uuid.uuid4().hex}"
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(demo_page(secret))
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/index.html", secret
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def built_report(tmp_path, demo_site):
    url, secret = demo_site
    register(secret)  # this process writes the run files, which must mask it too
    features = write_tiny_project(tmp_path / "project")
    results, junit, report = tmp_path / "allure-results", tmp_path / "junit", tmp_path / "allure-report"
    env = os.environ | {
        "PYTHONPATH": str(ROOT),
        "EVIDENCE_FAKE_SECRET": secret,
        "SE_OFFLINE": "true",
        "SE_AVOID_STATS": "true",
    }
    behave = subprocess.run(
        [
            sys.executable,
            "-m",
            "behave",
            str(features),
            "--no-capture",
            "-f",
            "plain",
            "-o",
            str(tmp_path / "plain.txt"),
            "-f",
            "allure_behave.formatter:AllureFormatter",
            "-o",
            str(results),
            "--junit",
            "--junit-directory",
            str(junit),
            "-D",
            f"page_url={url}",
            "-D",
            "AllureFormatter.issue_pattern=https://mattermost.atlassian.net/browse/{}",
        ],
        cwd=tmp_path / "project",
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert behave.returncode == 1, behave.stdout[-2000:] + behave.stderr[-2000:]  # two scenarios fail on purpose
    write_run_files(
        results,
        {
            "Server.URL": f"http://sysadmin:{secret}@127.0.0.1:8065",
            "Server.Version": "10.5.0",
            "UI.Generation": "current",
            "Browsers": "Chromium (desktop, Pixel 7 emulation)",
            "Grid": "off",
        },
        {"name": "pytest", "type": "local", "buildName": "evidence end-to-end"},
    )
    done = run_report_script(results, report)
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith(f"report: build #1 from {results}, trend of 1 run\nreport: {report}/index.html\n")
    return results, junit, report, secret


def test_report_holds_all_evidence_and_no_secret(built_report):
    results, junit, report, secret = built_report
    statuses = {r["name"]: r["status"] for r in checks.check_results_present(results, minimum=3)}
    assert sorted(statuses.values()) == ["broken", "failed", "passed"]
    assert checks.check_attachments_exist(results) >= 20
    index = checks.check_single_file_report(report)
    assert list(junit.glob("*.xml")), "behave wrote no JUnit XML"
    checks.check_no_secret([results, report, junit], [secret])

    data = checks.report_entries(index)
    categories = {
        c["name"]: [t["name"] for t in c["children"]] for c in json.loads(data["data/categories.json"])["children"]
    }
    assert sorted(categories) == ["Product defect", "Test infrastructure"]
    passing = next(
        json.loads(body)
        for name, body in data.items()
        if name.startswith("data/test-cases/") and json.loads(body)["name"] == PASSING
    )
    assert checks.links_of(passing) == checks.MM_T940_LINKS
    labels = checks.labels_of(passing)
    assert checks.MM_T940_LABELS <= labels
    assert [n for n, _ in labels].count("feature") == 1, "the test would be listed twice under Behaviors"

    driver = new_chromium(1400, 1300)
    try:
        checks.screenshot_report_test(driver, index, PASSING, "Logged in before the revoke - all devices", SCREENSHOT)
    finally:
        driver.quit()
    assert SCREENSHOT.stat().st_size > 50_000

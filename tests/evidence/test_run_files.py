import json
import re
import uuid

import pytest

from mattermost_suite.evidence import write_run_files
from mattermost_suite.secrets import register

pytestmark = pytest.mark.unit


def parse_properties(text: str) -> dict[str, str]:
    """Enough of java.util.Properties to read back what write_run_files escapes."""
    unescape = {"n": "\n", "t": "\t", "r": "\r", "f": "\f"}

    def undo(s: str) -> str:
        return re.sub(
            r"\\(u[0-9a-f]{4}|.)",
            lambda m: chr(int(m.group(1)[1:], 16)) if len(m.group(1)) == 5 else unescape.get(m.group(1), m.group(1)),
            s,
        )

    found = {}
    for line in text.splitlines():
        key, value = re.split(r"(?<!\\)=", line, maxsplit=1)
        found[undo(key)] = undo(value)
    return found


@pytest.fixture
def run_files(tmp_path):
    secret = f"FAKE-{uuid.uuid4().hex}"
    register(secret)
    environment = {
        "Server.URL": f"http://sysadmin:{secret}@127.0.0.1:8065",
        "Server.Version": "10.5.0",
        "UI.Generation": "current",
        "Browsers": "Chromium 156, Firefox ESR 153, WebKitGTK 2.48",
        "Grid": "embedded 4.48 (http://127.0.0.1:4444)",
        "Owner name": "Zoë = QA",
    }
    executor = {
        "name": "CI",
        "type": "jenkins",
        "buildName": "MM-T940 #12",
        "buildUrl": f"http://ci.local/job/1?token={secret}",
        "reportName": "MM-T940",
    }
    write_run_files(tmp_path / "results", environment, executor)
    return tmp_path / "results", secret


def test_environment_properties_round_trip_and_masked(run_files):
    folder, secret = run_files
    text = (folder / "environment.properties").read_text()
    assert secret not in text and text.isascii()
    values = parse_properties(text)
    assert values["Server.URL"] == "http://sysadmin:******@127.0.0.1:8065"
    assert values["Owner name"] == "Zoë = QA" and values["Grid"].startswith("embedded 4.48")


def test_executor_json_is_masked(run_files):
    folder, secret = run_files
    executor = json.loads((folder / "executor.json").read_text())
    assert executor["buildName"] == "MM-T940 #12" and secret not in executor["buildUrl"]


def categories_of(folder, status: str, message: str) -> list[str]:
    """Allure's rule: status in matchedStatuses and the whole message matches messageRegex."""
    return [
        c["name"]
        for c in json.loads((folder / "categories.json").read_text())
        if status in c["matchedStatuses"] and re.fullmatch(c["messageRegex"], message)
    ]


@pytest.mark.parametrize(
    "status, message, category",
    [
        ("failed", "AssertionError: iPhone did not reach the login page within 75 s\n", "Product defect"),
        ("broken", "selenium.common.exceptions.TimeoutException: Message: \n", "Test infrastructure"),
        ("broken", "requests.exceptions.ConnectionError: HTTPConnectionPool(host='127.0.0.1')", "Test infrastructure"),
        (
            "broken",
            "selenium.common.exceptions.WebDriverException: Message: chrome not reachable",
            "Test infrastructure",
        ),
        ("broken", "KeyError: 'device'\n", "Test code defect"),
        (
            "broken",
            "Broken before its steps ran (before_scenario): SuiteError: the system admin cannot create the test user",
            "Test infrastructure",
        ),
    ],
)
def test_each_result_falls_in_exactly_one_category(run_files, status, message, category):
    assert categories_of(run_files[0], status, message) == [category]

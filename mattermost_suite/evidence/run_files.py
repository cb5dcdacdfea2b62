"""Files Allure reads from the results folder (allure-behave writes none of them): environment, executor,
categories. Everything is masked: a server URL or executor field may carry a credential."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from mattermost_suite.evidence.masking import mask_text, masked_json

# Any of these in a broken test's message means the browser, grid, server or network failed,
# not the product and not the suite's own logic. SuiteError: the suite's one-line error for what the server or the
# machine refused it (e.g. the server would not create the test user before the steps ran).
INFRASTRUCTURE_SIGNS = (
    r"WebDriverException|TimeoutException|SessionNotCreated|InvalidSessionId|NoSuchWindow|"
    r"selenium\.common|urllib3|requests\.exceptions|ConnectionError|ConnectTimeout|ReadTimeout|"
    r"MaxRetryError|NewConnectionError|Connection refused|ConnectionRefused|TimeoutError|timed out|"
    r"ConfigError|SuiteError|Grid|grid|stand-in server|not reachable"
)

# Allure puts a result in every category it matches, so the categories are mutually exclusive by status
# and, among broken results, by a positive and a negative (lookahead) match of the same signs.
CATEGORIES = [
    {
        "name": "Product defect",
        "description": "An expected result of the test case was not met (assertion failed).",
        "matchedStatuses": ["failed"],
        "messageRegex": "(?s).*",
    },
    {
        "name": "Test infrastructure",
        "description": "Browser, WebDriver, grid, server or network trouble: the product was not judged.",
        "matchedStatuses": ["broken"],
        "messageRegex": f"(?s).*({INFRASTRUCTURE_SIGNS}).*",
    },
    {
        "name": "Test code defect",
        "description": "The suite itself raised an unexpected error (or a step is undefined).",
        "matchedStatuses": ["broken"],
        "messageRegex": f"(?s)^(?!.*({INFRASTRUCTURE_SIGNS})).*",
    },
]


def _escape(text: str, is_key: bool) -> str:
    """java.util.Properties escaping, ASCII only (Allure reads the file as ISO-8859-1)."""
    out = []
    for i, char in enumerate(text):
        if char == "\\":
            out.append("\\\\")
        elif char in "\n\r\t\f":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t", "\f": "\\f"}[char])
        elif char in "=:#!" or (char == " " and (is_key or i == 0)):
            out.append("\\" + char)
        elif ord(char) > 126 or ord(char) < 32:
            out.append(f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else "?")
        else:
            out.append(char)
    return "".join(out)


def environment_properties(environment: Mapping[str, object]) -> str:
    lines = []
    for key, value in environment.items():
        lines.append(f"{_escape(str(key), True)}={_escape(mask_text(str(value)), False)}")
    return "\n".join(lines) + "\n"


def write_run_files(
    results_dir: str | Path, environment: Mapping[str, object], executor: Mapping[str, object]
) -> list[Path]:
    """Write environment.properties, executor.json and categories.json into results_dir; return their paths."""
    folder = Path(results_dir)
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "environment.properties": environment_properties(environment),
        "executor.json": masked_json(dict(executor)),
        "categories.json": json.dumps(CATEGORIES, indent=2),  # constants: nothing to mask
    }
    written = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written

"""The report's history, as Allure 2 keeps it: the previous report's history/ folder, copied into the results before
`allure generate`, gives the Overview's Trend (pass/fail/skip per run, duration, categories, retries) and each test's
History tab; Allure adds the new run at the head of every list and keeps at most 20 runs
(allure-generator HistoryPlugin and HistoryTrendPlugin: `.limit(20)`).

MM_REPORT_HISTORY (1-20, default 20) keeps fewer: the earlier runs are trimmed to one less before the report is
built, and each test's statistic (its success rate) is counted again over the runs kept. buildOrder numbers the
Trend's points: the next one is the highest in the history, plus one.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Mapping
from pathlib import Path

ENV = "MM_REPORT_HISTORY"
ALLURE_LIMIT = 20
HISTORY = "history.json"  # per test (historyId): {"statistic": {...}, "items": [newest first]}
TRENDS = ("history-trend.json", "duration-trend.json", "categories-trend.json", "retry-trend.json")  # newest first
FILES = (HISTORY, *TRENDS)
STATUSES = ("failed", "broken", "skipped", "passed", "unknown")
# The single-file report embeds every file it would have written as d('<path>','<base64>').
_EMBEDDED = re.compile(r"d\('(history/[^']+)','([A-Za-z0-9+/=]*)'\)")


class HistoryError(ValueError):
    """A one-line problem with the history setting."""


def runs_to_keep(environ: Mapping[str, str]) -> int:
    value = environ.get(ENV, "").strip()
    if not value:
        return ALLURE_LIMIT
    if not value.isdigit() or not 1 <= int(value) <= ALLURE_LIMIT:
        raise HistoryError(
            f"{ENV} must be a whole number of runs from 1 to {ALLURE_LIMIT} (Allure 2 keeps at most "
            f"{ALLURE_LIMIT}), got {value!r}"
        )
    return int(value)


def read(folder: Path) -> dict[str, object]:
    """The history files in folder (a missing or unreadable one is left out: the report starts its history anew)."""
    history = {}
    for name in FILES:
        try:
            history[name] = json.loads((Path(folder) / name).read_text())
        except (OSError, ValueError):
            continue
    return history


def write(folder: Path, history: Mapping[str, object]) -> None:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in history.items():
        (folder / name).write_text(json.dumps(data))


def from_single_file_report(index_html: Path) -> dict[str, object]:
    """The history files a single-file report embeds (it writes no history/ folder of its own)."""
    found = {}
    for path, body in _EMBEDDED.findall(Path(index_html).read_text(encoding="utf-8")):
        name = path.removeprefix("history/")
        if name in FILES:
            found[name] = json.loads(base64.b64decode(body))
    return found


def trimmed(history: Mapping[str, object], runs: int) -> dict[str, object]:
    """Only the newest `runs` runs of every list; each test's statistic counted over the items kept."""
    kept: dict[str, object] = {}
    for name in TRENDS:
        if isinstance(history.get(name), list):
            kept[name] = history[name][:runs]
    tests = history.get(HISTORY)
    if isinstance(tests, dict):
        kept[HISTORY] = {}
        for history_id, data in tests.items():
            items = [item for item in (data or {}).get("items", []) if isinstance(item, dict)][:runs]
            if items:
                kept[HISTORY][history_id] = {"statistic": _statistic(items), "items": items}
    return kept


def _statistic(items: list[dict]) -> dict[str, int]:
    counts = {status: sum(1 for item in items if item.get("status") == status) for status in STATUSES}
    return {**counts, "total": len(items)}


def next_build_order(history: Mapping[str, object]) -> int:
    orders = [
        item["buildOrder"]
        for item in history.get("history-trend.json") or []
        if isinstance(item, dict) and isinstance(item.get("buildOrder"), int)
    ]
    return max(orders) + 1 if orders else len(history.get("history-trend.json") or []) + 1


def runs_in(history: Mapping[str, object]) -> int:
    """How many runs the Trend shows."""
    return len(history.get("history-trend.json") or [])

"""The report's history: MM_REPORT_HISTORY, trimming every list, the next buildOrder, reading a single-file report."""

from __future__ import annotations

import base64
import json

import pytest

from mattermost_suite.evidence import history

pytestmark = pytest.mark.unit


def trend(order: int, passed: int = 1) -> dict:
    return {"buildOrder": order, "reportName": "MM-T940", "data": {"passed": passed, "failed": 0, "total": passed}}


def item(status: str, start: int) -> dict:
    return {"uid": f"u{start}", "status": status, "time": {"start": start, "stop": start + 1, "duration": 1}}


HISTORY = {
    "history-trend.json": [trend(5), trend(4), trend(3)],
    "duration-trend.json": [{"data": {"duration": 3}}, {"data": {"duration": 2}}, {"data": {"duration": 1}}],
    "history.json": {
        "mm-t940": {
            "statistic": {"passed": 40, "failed": 9, "broken": 0, "skipped": 0, "unknown": 0, "total": 49},
            "items": [item("failed", 3), item("passed", 2), item("passed", 1)],
        }
    },
}


@pytest.mark.parametrize("value, runs", [(None, 20), ("", 20), ("1", 1), ("7", 7), ("20", 20)])
def test_the_setting_defaults_to_allures_own_limit(value, runs):
    assert history.runs_to_keep({} if value is None else {"MM_REPORT_HISTORY": value}) == runs


@pytest.mark.parametrize("value", ["0", "21", "ten", "-3", "2.5"])
def test_a_bad_setting_is_one_line(value):
    with pytest.raises(history.HistoryError) as error:
        history.runs_to_keep({"MM_REPORT_HISTORY": value})
    assert str(error.value) == (
        f"MM_REPORT_HISTORY must be a whole number of runs from 1 to 20 (Allure 2 keeps at most 20), got {value!r}"
    )


def test_trimming_keeps_the_newest_runs_of_every_list_and_recounts_each_tests_statistic():
    kept = history.trimmed(HISTORY, 2)
    assert [point["buildOrder"] for point in kept["history-trend.json"]] == [5, 4]
    assert len(kept["duration-trend.json"]) == 2
    test = kept["history.json"]["mm-t940"]
    assert [entry["status"] for entry in test["items"]] == ["failed", "passed"]
    assert test["statistic"] == {"failed": 1, "broken": 0, "skipped": 0, "passed": 1, "unknown": 0, "total": 2}


def test_trimming_to_no_earlier_run_leaves_empty_lists():
    assert history.trimmed(HISTORY, 0) == {"history-trend.json": [], "duration-trend.json": [], "history.json": {}}


def test_the_next_build_order_follows_the_highest_one():
    assert history.next_build_order(HISTORY) == 6
    assert history.next_build_order({}) == 1
    assert history.next_build_order({"history-trend.json": [{"data": {}}, {"data": {}}]}) == 3  # none numbered yet


def test_history_is_read_back_from_a_single_file_report(tmp_path):
    def embedded(path: str, data) -> str:
        return f"d('{path}','{base64.b64encode(json.dumps(data).encode()).decode()}')"

    index = tmp_path / "index.html"
    index.write_text(
        "<script>"
        + embedded("history/history-trend.json", [trend(2)])
        + embedded("widgets/history-trend.json", [trend(99)])
        + embedded("history/history.json", HISTORY["history.json"])
        + "</script>"
    )
    found = history.from_single_file_report(index)
    assert found == {"history-trend.json": [trend(2)], "history.json": HISTORY["history.json"]}
    history.write(tmp_path / "history", found)
    assert history.read(tmp_path / "history") == found

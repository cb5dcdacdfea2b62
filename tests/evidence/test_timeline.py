from datetime import UTC, datetime, timedelta

import pytest

from mattermost_suite.evidence import TimelineRow, attach_timeline
from mattermost_suite.evidence.timeline import timeline_csv

pytestmark = pytest.mark.unit

START = datetime(2026, 11, 27, 12, 0, 0, tzinfo=UTC)
REVOKE = START + timedelta(seconds=30)
ROWS = [
    TimelineRow("Desktop <Chromium>", START, REVOKE, REVOKE + timedelta(seconds=1.5), "login page, banner"),
    TimelineRow("iOS app (locked)", START, REVOKE, None, "still logged in"),
]


def test_latency_is_logout_minus_revoke_confirmation():
    assert ROWS[0].latency_seconds == 1.5 and ROWS[1].latency_seconds is None
    assert TimelineRow("x", None, None, START, "?").latency_seconds is None


def test_csv_has_one_row_per_device_with_iso_times():
    lines = timeline_csv(ROWS).splitlines()
    assert lines[0] == "Device,Logged in at,Revoke confirmed at,Logged out at,Latency (s),Outcome"
    assert lines[1] == (
        "Desktop <Chromium>,2026-11-27T12:00:00.000+00:00,2026-11-27T12:00:30.000+00:00,"
        '2026-11-27T12:00:31.500+00:00,1.500,"login page, banner"'
    )
    assert lines[2].endswith(",,,still logged in")


def test_html_table_and_csv_are_attached(attached):
    attach_timeline(ROWS)
    assert attached.names() == ["Per-device timeline", "Per-device timeline (CSV)"]
    page = attached.body("Per-device timeline")
    assert "<th>Latency (s)</th>" in page and "Desktop &lt;Chromium&gt;" in page
    assert "<td>12:00:31.500</td>" in page and "Times of day on 2026-11-27 (UTC)" in page
    assert '<tr class="out">' in page and '<tr class="in">' in page and '<td class="num">1.500</td>' in page
    assert attached.calls[0][2].mime_type == "text/html" and attached.calls[1][2].mime_type == "text/csv"

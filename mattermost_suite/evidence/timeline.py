"""The per-device timeline: when each device was logged in, when the revoke was confirmed, when it logged out."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import allure
from allure_commons.types import AttachmentType

from mattermost_suite.evidence.masking import mask_text

COLUMNS = ("Device", "Logged in at", "Revoke confirmed at", "Logged out at", "Latency (s)", "Outcome")


@dataclass(frozen=True)
class TimelineRow:
    """One device's story; logged_out_at stays None for a device that never reached the login page."""

    device: str
    logged_in_at: datetime | None
    revoke_confirmed_at: datetime | None
    logged_out_at: datetime | None
    outcome: str

    @property
    def latency_seconds(self) -> float | None:
        if self.logged_out_at is None or self.revoke_confirmed_at is None:
            return None
        return (self.logged_out_at - self.revoke_confirmed_at).total_seconds()

    @property
    def logged_out(self) -> bool:
        return self.logged_out_at is not None

    def times(self) -> list[datetime | None]:
        return [self.logged_in_at, self.revoke_confirmed_at, self.logged_out_at]

    def cells(self, time_of_day: bool = False) -> list[str]:
        """Full ISO times (CSV) or, for the narrow report pane, times of day (the date is in the caption)."""

        def when(moment: datetime | None) -> str:
            if moment is None:
                return ""
            return moment.strftime("%H:%M:%S.%f")[:-3] if time_of_day else moment.isoformat(timespec="milliseconds")

        latency = self.latency_seconds
        return [
            self.device,
            when(self.logged_in_at),
            when(self.revoke_confirmed_at),
            when(self.logged_out_at),
            "" if latency is None else f"{latency:.3f}",
            self.outcome,
        ]


def timeline_csv(rows: Sequence[TimelineRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(row.cells() for row in rows)
    return mask_text(out.getvalue())


_STYLE = """
body{font-family:sans-serif;font-size:13px;margin:8px}table{border-collapse:collapse}
th,td{border:1px solid #c8ccd0;padding:3px 8px;text-align:left;white-space:nowrap}h3{margin:0 0 4px}
p{margin:0 0 8px;color:#555}
th{background:#eef0f3}tr.out td:last-child{color:#1a7f37;font-weight:bold}
tr.in td:last-child{color:#cf222e;font-weight:bold}td.num{text-align:right}
"""


def timeline_html(rows: Sequence[TimelineRow], title: str = "Per-device timeline") -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in COLUMNS)
    body = []
    for row in rows:
        cells = [html.escape(c) for c in row.cells(time_of_day=True)]
        tds = "".join(f'<td class="num">{c}</td>' if i == 4 else f"<td>{c}</td>" for i, c in enumerate(cells))
        body.append(f'<tr class="{"out" if row.logged_out else "in"}">{tds}</tr>')
    page = (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{_STYLE}</style></head><body><h3>{html.escape(title)}</h3><p>{html.escape(_caption(rows))}</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></body></html>"
    )
    return mask_text(page)


def _caption(rows: Sequence[TimelineRow]) -> str:
    moments = [m for row in rows for m in row.times() if m is not None]
    if not moments:
        return "No times recorded."
    first = min(moments, key=lambda m: m.timestamp())
    zone = first.strftime("%Z") or first.strftime("%z") or "local time"
    return f"Times of day on {first:%Y-%m-%d} ({zone}); latency = logged out minus revoke confirmed."


def attach_timeline(rows: Sequence[TimelineRow], name: str = "Per-device timeline") -> None:
    """The timeline as an HTML table (readable in the report) and as CSV (for spreadsheets)."""
    allure.attach(timeline_html(rows, name), name=name, attachment_type=AttachmentType.HTML)
    allure.attach(timeline_csv(rows), name=f"{name} (CSV)", attachment_type=AttachmentType.CSV)

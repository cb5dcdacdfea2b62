"""What happened to each device, kept per scenario so that reports (Allure evidence, issue 5) can read it.

Times are timezone-aware UTC datetimes, the shape of evidence.TimelineRow; `revoke_confirmed_at` lets a report
compute each device's logout latency.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone


def now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class DeviceRecord:
    name: str
    role: str                    # "test user" or "system admin"
    login_with: str              # "email" or "username"
    browser: str = ""            # e.g. "chrome 156.0.8078.108"
    driver: str = ""             # "local chromium driver" or "remote <grid url>"
    logged_in_at: datetime | None = None
    logged_out_at: datetime | None = None
    outcome: str = ""            # one line for reports: "logged out 1.2 s after the confirm"


@dataclass
class ScenarioRecord:
    name: str
    ui: str
    devices: list[DeviceRecord] = field(default_factory=list)
    revoke_confirmed_at: datetime | None = None

    def latency(self, device: DeviceRecord) -> float | None:
        if device.logged_out_at is None or self.revoke_confirmed_at is None:
            return None
        return (device.logged_out_at - self.revoke_confirmed_at).total_seconds()


@dataclass
class RunRecord:
    run_id: str
    server_url: str = ""
    server_version: str = ""
    ui: str = ""
    scenarios: list[ScenarioRecord] = field(default_factory=list)

"""What happened to each device, kept per scenario so that reports (the Allure evidence) can read it.

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
    state: str = "awake"         # during the revoke: "awake"/"asleep" (computers), "screen (un)locked" (apps)
    kind: str = "browser"        # "browser" (WebDriver session) or "app" (mobile app's REST session)
    browser: str = ""            # e.g. "chrome 156.0.8078.108"
    driver: str = ""             # "local chromium driver" or "remote <grid url>"
    logged_in_at: datetime | None = None
    logged_out_at: datetime | None = None   # apps: when the server first refused them (401)
    slept_at: datetime | None = None        # asleep computers / locked apps: when they went to sleep / locked
    woke_at: datetime | None = None         # ... and when they woke up / were unlocked
    outcome: str = ""            # one line for reports: "logged out 1.2 s after the confirm"


@dataclass
class ScenarioRecord:
    name: str
    ui: str
    devices: list[DeviceRecord] = field(default_factory=list)
    revoke_confirmed_at: datetime | None = None
    extra_app_sessions: str = ""  # one summary line for -D extra_app_sessions=N (too many for the timeline)

    def latency(self, device: DeviceRecord) -> float | None:
        if device.logged_out_at is None or self.revoke_confirmed_at is None:
            return None
        return (device.logged_out_at - self.revoke_confirmed_at).total_seconds()

    def outcome_lines(self) -> list[str]:
        """Every device's outcome by name, plus the extra app sessions' summary: what the run prints."""
        lines = [f"{d.name} ({d.role}, {d.state}): {d.outcome or 'no outcome'}" for d in self.devices]
        return lines + ([self.extra_app_sessions] if self.extra_app_sessions else [])


@dataclass
class RunRecord:
    run_id: str
    server_url: str = ""
    server_version: str = ""
    ui: str = ""
    scenarios: list[ScenarioRecord] = field(default_factory=list)

"""Every sentence the suite says about what happened, built from structured records and events: the console
narration, the timeline's outcome column and the end-of-scenario summary all read from here."""

from __future__ import annotations

from datetime import datetime

from mattermost_suite.domain import APP, BROWSER, SESSION_EXPIRED, DeviceRecord


def clock(at: datetime) -> str:
    """09:41:07.123 (UTC, milliseconds)."""
    return f"{at:%H:%M:%S.%f}"[:-3]


def seconds_between(start: datetime | None, end: datetime | None) -> float | None:
    return None if start is None or end is None else (end - start).total_seconds()


def outcome(record: DeviceRecord, confirmed_at: datetime | None) -> str:
    """One line: how (and when) the device learnt of the revoke, or what it did instead."""
    if record.problem:
        woken = record.woke_at is not None and record.kind.starts_a_browser  # an app's unlock is no wake-up
        return f"NOT logged out{' after waking' if woken else ''}: {record.problem}"
    if record.sent_to:
        return f"sent away from System Console > Users to {record.sent_to}"
    if record.logged_out_at is not None:
        return _logged_out(record, seconds_between(confirmed_at, record.logged_out_at))
    if record.still_logged_in:
        return f"still logged in {record.still_logged_in}"
    return ""


def _logged_out(record: DeviceRecord, latency: float | None) -> str:
    at = f"at {clock(record.logged_out_at)} UTC"
    after = f", {latency:.1f} s after the confirm" if latency is not None else ""
    return _LOGGED_OUT[record.kind](record, at, after)


def _app_logged_out(record: DeviceRecord, at: str, after: str) -> str:
    how = "first request after unlocking" if record.woke_at else "poll"
    return f"its {how} refused with 401 {SESSION_EXPIRED} {at}{after}"


def _browser_logged_out(record: DeviceRecord, at: str, after: str) -> str:
    if record.woke_at is not None:
        after_wake = seconds_between(record.woke_at, record.logged_out_at)
        return f"woke at {clock(record.woke_at)} UTC, logged out {after_wake:.1f} s after waking{after}"
    return f"logged out {at}{after}"


_LOGGED_OUT = {BROWSER: _browser_logged_out, APP: _app_logged_out}  # how each kind of device learns of it


def device_line(record: DeviceRecord, confirmed_at: datetime | None) -> str:
    return f"{record.label}: {outcome(record, confirmed_at)}"


def summary_line(record: DeviceRecord, confirmed_at: datetime | None) -> str:
    """The end-of-scenario line for every device, also after a failure midway."""
    return f"outcome: {record.name} ({record.role}, {record.state}): {outcome(record, confirmed_at) or 'no outcome'}"


def timeline_outcome(record: DeviceRecord, confirmed_at: datetime | None) -> str:
    return outcome(record, confirmed_at) or ("not confirmed yet" if confirmed_at is None else "")


def timeline_name(record: DeviceRecord) -> str:
    """e.g. "Desktop app (asleep)": a device's state during the revoke explains its logout time."""
    return record.label + ("" if record.state == "awake" else f" ({record.state})")


def logged_in_line(record: DeviceRecord, landed: str) -> str:
    return f"{record.label}: logged in, the web app shows {landed}"


def went_to_sleep_line(record: DeviceRecord) -> str:
    return f"{record.name}: {record.kind.put_away} at {clock(record.slept_at)}"


def extra_apps_line(count: int, verdict: str, seconds: float | None = None) -> str:
    took = "" if seconds is None else f" (sessions checked in {seconds:.1f} s)"
    if verdict == "refused":
        return f"{count} extra app sessions: all {count} refused with 401 {SESSION_EXPIRED}{took}"
    return f"{count} extra app sessions: all listed as mobile and accepted{took}"


def extra_apps_logged_in_line(count: int, seconds: float, at_once: int) -> str:
    return f"{count} extra app sessions: logged in in {seconds:.1f} s, {at_once} at a time"


REHEARSAL_STILL_LOGGED_IN = "(rehearsal: the revoke was not run, the server accepts its session)"
REFUSED_STILL_LOGGED_IN = "after its request to revoke all sessions was refused"


def awaiting_line(records: list[DeviceRecord], what: str, until: datetime | None) -> str:
    """e.g. "waiting for 5 browsers to reach the login page by themselves within 90 s (until 13:03:26 UTC)"."""
    noun = "browser" if len(records) == 1 else "browsers"
    return f"waiting for {len(records)} {noun} to {what}" + (f" (until {clock(until)} UTC)" if until else "")


def still_awaited_line(records: list[DeviceRecord]) -> str:
    return "still waiting for " + ", ".join(record.name for record in records)

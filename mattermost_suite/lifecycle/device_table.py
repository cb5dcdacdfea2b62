"""The feature's device table: which rows run (the `devices` setting narrows them) and what each row starts.

The hooks check a scenario's table before anything is seeded; the table is found by its headings, not by the
wording of the step that carries it.
"""

from __future__ import annotations

from collections.abc import Sequence

from mattermost_suite.domain import APP, BROWSER, LOGIN_METHODS, DeviceRecord
from mattermost_suite.errors import ConfigError
from mattermost_suite.fleet import DeviceProfile, profile_named

HEADINGS = ("device", "logs in with", "state")
Row = tuple[str, str, str]

# What the MM-T940 steps check, by kind of device: a narrowed table must keep one of each, or those steps would
# pass having checked nothing ("every asleep computer ..." with no asleep computer).
NEEDED = {
    "an awake browser": lambda profile, state: profile.kind is BROWSER and state == "awake",
    "an asleep computer": lambda profile, state: profile.kind is BROWSER and state == "asleep",
    "a mobile app": lambda profile, state: profile.kind is APP,
}


def rows_of(table) -> list[Row]:
    """A behave table with the device headings as (device, logs in with, state) rows."""
    return [tuple(row[heading] for heading in HEADINGS) for row in table]


def chosen_rows(rows: Sequence[Row], subset: tuple[str, ...]) -> list[Row]:
    """The table's rows, or only those named by the `devices` setting (each name must be in the table)."""
    if not subset:
        return list(rows)
    in_table = {row[0].lower(): row for row in rows}
    unknown = [name for name in subset if name.lower() not in in_table]
    if unknown:
        raise ConfigError(
            f"devices: {unknown[0]!r} is not in the feature's device table ({', '.join(row[0] for row in rows)})"
        )
    return [in_table[name.lower()] for name in subset]


def table_rows(steps, subset: tuple[str, ...]) -> list[Row]:
    """A scenario's device table, narrowed by `devices`; [] when the scenario has none."""
    table = next((step.table for step in steps if step.table and tuple(step.table.headings) == HEADINGS), None)
    return chosen_rows(rows_of(table), subset) if table is not None else []


def check_device_table(steps, subset: tuple[str, ...]) -> None:
    """Before a scenario starts anything: its device table, narrowed by `devices`, leaves no step unchecked."""
    rows = table_rows(steps, subset)
    if not rows:
        return
    chosen = [(profile_named(name), state) for name, _, state in rows]
    missing = [kind for kind, fits in NEEDED.items() if not any(fits(p, s) for p, s in chosen)]
    if missing:
        kinds = " and no ".join(kind.split(" ", 1)[1] for kind in missing)
        raise ConfigError(
            f"devices={','.join(subset)} leaves no {kinds}: "
            "some MM-T940 steps would check nothing; keep at least "
            f"{', '.join(NEEDED)} (e.g. Desktop Chromium, Desktop app, Android app)"
        )


def browsers_to_start(steps, subset: tuple[str, ...]) -> list[DeviceProfile]:
    """The browsers of a scenario's device tables (narrowed by `devices`), each as often as a table names it."""
    names = [name for name, _, _ in table_rows(steps, subset)]
    return [profile for profile in map(profile_named, names) if profile.starts_a_browser]


def wanted_devices(rows: Sequence[tuple[str, ...]], role: str) -> list[tuple[DeviceProfile, DeviceRecord]]:
    """(device name, logs in with[, state]) rows -> the profiles to start and their records."""
    wanted = []
    for name, login_with, *state in rows:
        if login_with not in LOGIN_METHODS:
            raise ConfigError(f"device {name!r} logs in with {login_with!r}: use one of {', '.join(LOGIN_METHODS)}")
        profile = profile_named(name)
        state = profile.check_state(state[0] if state else profile.kind.states[0])
        wanted.append((profile, DeviceRecord(name, role, login_with, state, profile.kind)))
    return wanted

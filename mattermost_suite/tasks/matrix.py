"""The device matrix: the feature's table (optionally narrowed by -D devices=...), logged in all at once."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Sequence

from ..errors import ConfigError
from ..fleet import Device, profile_named
from . import apps, devices
from .scene import Scene


def chosen_rows(rows: Sequence[tuple[str, str, str]], subset: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """The table's rows, or only those named by the `devices` setting (each name must be in the table)."""
    if not subset:
        return list(rows)
    in_table = {row[0].lower(): row for row in rows}
    unknown = [name for name in subset if name.lower() not in in_table]
    if unknown:
        raise ConfigError(f"devices: {unknown[0]!r} is not in the feature's device table "
                          f"({', '.join(row[0] for row in rows)})")
    return [in_table[name.lower()] for name in subset]


def log_in_everywhere(scene: Scene, rows: Sequence[tuple[str, str, str]]) -> tuple[list[Device], list[Device]]:
    """Browsers start and log in through the login page while the apps (and extra app sessions) log in through
    the REST API, all at the same time. Returns (browser devices, app devices); every record is kept."""
    wanted = devices.wanted_devices(rows, "test user")
    scene.record.devices += [record for _, record in wanted]
    browser_rows = [(profile, record) for profile, record in wanted if not profile.is_app]
    app_rows = [(profile, record) for profile, record in wanted if profile.is_app]
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="apps-log-in") as pool:
        apps_done = pool.submit(apps.log_in_apps, scene, app_rows)
        browsers = scene.fleet.start(browser_rows) if browser_rows else []
        if browsers:
            devices.log_in_through_form(browsers, scene.test_user, scene.site)
        app_devices = apps_done.result()
    return browsers, app_devices


# What the MM-T940 steps check, by kind of device: a narrowed table must keep one of each, or those steps would
# pass having checked nothing ("every asleep computer ..." with no asleep computer).
NEEDED = {"an awake browser": lambda profile, state: not profile.is_app and state == "awake",
          "an asleep computer": lambda profile, state: not profile.is_app and state == "asleep",
          "a mobile app": lambda profile, state: profile.is_app}
TABLE_STEP = "the test user is logged in on these devices:"


def table_rows(steps, subset: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """A scenario's device table as (device, logs in with, state), narrowed by `devices`; [] without a table."""
    table = next((step.table for step in steps if step.name == TABLE_STEP and step.table), None)
    if table is None:
        return []
    return chosen_rows([(row["device"], row["logs in with"], row["state"]) for row in table], subset)


def check_device_table(steps, subset: tuple[str, ...]) -> None:
    """Before a scenario starts anything: its device table, narrowed by `devices`, leaves no step unchecked."""
    rows = table_rows(steps, subset)
    if not rows:
        return
    chosen = [(profile_named(name), state) for name, _, state in rows]
    missing = [kind for kind, fits in NEEDED.items() if not any(fits(p, s) for p, s in chosen)]
    if missing:
        raise ConfigError(f"devices={','.join(subset)} leaves no {' and no '.join(k.split(' ', 1)[1] for k in missing)}: "
                          "some MM-T940 steps would check nothing; keep at least "
                          f"{', '.join(NEEDED)} (e.g. Desktop Chromium, Desktop app, Android app)")

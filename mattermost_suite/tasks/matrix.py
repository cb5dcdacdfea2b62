"""The device matrix: the feature's table (optionally narrowed by -D devices=...), logged in all at once."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Sequence

from ..errors import ConfigError
from ..fleet import Device
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

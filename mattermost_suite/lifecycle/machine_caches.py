"""What scripts/setup makes once per machine so that every later run starts sooner on less CPU. Each is only an
optimisation: without it the suite runs exactly as before.

- the grid's class archive (grid/class_archive.py): every embedded grid's JVM maps its classes ready-made;
- the Firefox profile template (fleet/firefox_profile.py): every Firefox starts from a copy of a profile that has
  started once.

    python -m mattermost_suite.lifecycle.machine_caches
        one line for what it made, one line for what it could not; exit 0
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

from mattermost_suite.fleet import firefox_profile
from mattermost_suite.grid import class_archive
from mattermost_suite.grid.session_errors import GridError


def main() -> int:
    """Both at once (one trains a grid with Chromium, the other starts Firefox), each saying its own line."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        lines = list(pool.map(lambda make: make(), (_class_archive, _firefox_profile)))
    for line, to_stderr in lines:
        if line:
            print(line, file=sys.stderr if to_stderr else sys.stdout)
    return 0


def _class_archive() -> tuple[str, bool]:
    try:
        path, made = class_archive.make()
    except GridError as error:
        return f"setup: {error}; grids start without it (about a second slower)", True
    return (f"setup: made the grid's class archive {path.name}" if made else ""), False


def _firefox_profile() -> tuple[str, bool]:
    try:
        path, made = firefox_profile.make()
    except firefox_profile.ProfileError as error:
        return f"setup: {error}; Firefox starts from a new profile (about 2 s slower)", True
    return (f"setup: made the Firefox profile template {path.name}" if made else ""), False


if __name__ == "__main__":
    sys.exit(main())

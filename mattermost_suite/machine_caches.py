"""What scripts/setup makes once per machine so that every later run starts sooner on less CPU. Each is only an
optimisation: without it the suite runs exactly as before.

- the grid's class archive (grid/class_archive.py): every embedded grid's JVM maps its classes ready-made;
- the Firefox profile template (fleet/firefox_profile.py): every Firefox starts from a copy of a profile that has
  started once.

    python -m mattermost_suite.machine_caches   one line for what it made, one line for what it could not; exit 0
"""

from __future__ import annotations

import sys

from .fleet import firefox_profile
from .grid import class_archive
from .grid.errors import GridError


def main() -> int:
    try:
        path, made = class_archive.make()
        if made:
            print(f"setup: made the grid's class archive {path.name}")
    except GridError as error:
        print(f"setup: {error}; grids start without it (about a second slower)", file=sys.stderr)
    try:
        path, made = firefox_profile.make()
        if made:
            print(f"setup: made the Firefox profile template {path.name}")
    except firefox_profile.ProfileError as error:
        print(f"setup: {error}; Firefox starts from a new profile (about 2 s slower)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

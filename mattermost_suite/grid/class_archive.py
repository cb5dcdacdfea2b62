"""The embedded grid's Java classes, archived once so that every later grid starts faster (the JDK's class data
sharing: an archive written by -XX:ArchiveClassesAtExit, mapped by -XX:SharedArchiveFile).

The Selenium server loads and verifies several thousand classes at every start; from the archive it maps them
ready-made. Measured on 2 cores: a grid that starts, serves two Chromium sessions and stops takes about 2.0 instead
of 3.4 CPU-s of Java, and is ready about a second sooner. scripts/setup makes the archive (bash scripts/setup, or
python -m mattermost_suite.lifecycle.machine_caches). Without it a grid starts exactly as before, and an archive from
another Java or jar is never used: its name is derived from both, and the JVM itself refuses one that does not
match (it then starts without it and says so in the grid's log).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import tempfile
from pathlib import Path

from selenium import webdriver

from mattermost_suite.engines import capabilities_for
from mattermost_suite.grid.embedded import EmbeddedGrid, java_and_jar
from mattermost_suite.grid.session_errors import GridError

CACHE = Path(__file__).resolve().parents[2] / "node_modules/.cache/selenium-grid"
# The archive is made from a grid serving one Chromium session: the classes of a session's path through the grid
# are archived too, not only those of the start.
TRAINING_BROWSER = "chromium"
CHECK_TIMEOUT = 60  # seconds for `java -Xshare:on -version` (same class path), which only maps the archive
# Seconds the JVM has to write the archive as it exits (about 1 s on an idle machine; a grid's usual 5 s before
# SIGKILL can pass on a busy one, and a JVM killed while writing leaves a file it cannot map).
WRITE_DEADLINE = 60.0


def archive_path(java: str, jar: Path) -> Path:
    """Where the archive for this Java and this jar lives (another JDK build or jar: another name)."""
    real = Path(java).resolve()
    jvm = real.parents[1] / "lib/server/libjvm.so"
    built = (jvm if jvm.is_file() else real).stat()
    jar_stat = jar.stat()
    key = f"{real}:{built.st_size}:{built.st_mtime_ns}:{jar.resolve()}:{jar_stat.st_size}:{jar_stat.st_mtime_ns}"
    return CACHE / f"{jar.stem}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.jsa"


def jvm_args(java: str, jar: Path) -> list[str]:
    """The JVM option that maps the archive, if there is one for this Java and jar; else none."""
    path = archive_path(java, jar)
    return [f"-XX:SharedArchiveFile={path}"] if path.is_file() else []


def make() -> tuple[Path, bool]:
    """The archive for this machine's Java and jar: (path, True) if made now, (path, False) if it was there.
    GridError if it cannot be made (the grid still works without it)."""
    java, jar = java_and_jar()
    final = archive_path(java, jar)
    if final.is_file():
        return final, False
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = final.with_name(f".{final.name}.{os.getpid()}")  # two set-ups at once each write their own
    try:
        with tempfile.TemporaryDirectory(prefix="mm-grid-archive-") as logs:
            grid = EmbeddedGrid(
                browsers=(TRAINING_BROWSER,), log_dir=logs, archive_classes_to=partial, stop_grace=WRITE_DEADLINE
            )
            with grid:
                driver = webdriver.Remote(command_executor=grid.url, options=capabilities_for(TRAINING_BROWSER))
                try:
                    driver.get("about:blank")
                finally:
                    driver.quit()
            # The JVM writes the archive as it exits; a JVM cut short leaves a file it cannot map: check it.
            check = subprocess.run(
                [java, f"-XX:SharedArchiveFile={partial}", "-Xshare:on", "-cp", str(jar), "-version"],
                capture_output=True,
                text=True,
                timeout=CHECK_TIMEOUT,
            )
            if check.returncode != 0:
                said = [line for line in (check.stdout + check.stderr).splitlines() if line.strip()]
                raise GridError(f"the JVM cannot map the new archive: {' '.join(said) or 'no reason given'}")
        os.replace(partial, final)
        return final, True
    except Exception as error:
        raise GridError(f"the grid's class archive was not made: {error}") from None
    finally:
        partial.unlink(missing_ok=True)

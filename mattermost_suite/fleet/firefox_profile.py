"""A Firefox profile that has started once, copied afresh for every Firefox session the suite starts on this machine.

In a new profile Firefox creates its databases and compiles the scripts of its own user interface before it shows
a page; it keeps the compiled scripts in the profile (startupCache/) for the next start. geckodriver makes a new
profile for every session, so every session paid that again. Measured on 2 cores: about 6.5 CPU-s and 4 s to start
Firefox ESR with a new profile; about 3 CPU-s and 2 s from a copy of one that has started once.

- The template is a Firefox that opened about:blank and quit, without what a session leaves behind: no cookies, no
  site storage, no cache, no session history, no prefs of its own (geckodriver and the suite set every pref at each
  start). Each session gets its own copy, so sessions share nothing and the template never changes.
- Made by scripts/setup (python -m mattermost_suite.lifecycle.machine_caches), once per Firefox build: its name comes
  from the binary's real path, size and time. Without one, Firefox starts from geckodriver's new profile as before.
  Firefox itself discards the compiled scripts of another build (compatibility.ini), so a stale template is slow,
  never wrong.
- Used where the browser starts on this machine: local drivers and the embedded grid. An external grid's nodes have
  file systems of their own.
- A copy lives in the run's temporary folder (TMPDIR, watchdog.py) and is removed when its browser quits; the
  watchdog removes the folder if the run is killed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import WebDriverException

from mattermost_suite.engines import FIREFOX, FIREFOX_PREFS, geckodriver

CACHE = Path(__file__).resolve().parents[2] / "node_modules/.cache/firefox-profile"
COPY_PREFIX = "mm-firefox-profile-"  # the only folders remove_copy ever removes
# What a session leaves in its profile: never part of the template (its own lock, site data, history, prefs).
SESSION_STATE = (
    "lock",
    ".parentlock",
    "cookies.sqlite",
    "cookies.sqlite-wal",
    "cookies.sqlite-shm",
    "sessionstore.jsonlz4",
    "sessionstore-backups",
    "sessionCheckpoints.json",
    "cache2",
    "storage/default",
    "thumbnails",
    "datareporting",
    "crashes",
    "minidumps",
    "prefs.js",
    "user.js",
)


class ProfileError(RuntimeError):
    """The template could not be made (one line); Firefox still starts without it."""


def template_path(binary: str = FIREFOX) -> Path:
    """Where the template for this Firefox build lives (another build: another name)."""
    real = Path(binary).resolve()
    built = real.stat()
    key = f"{real}:{built.st_size}:{built.st_mtime_ns}"
    return CACHE / f"{real.name}-{hashlib.sha256(key.encode()).hexdigest()[:16]}"


def template_for(binary: str) -> Path | None:
    try:
        path = template_path(binary)
    except OSError:  # no such binary: the browser check says so in one line
        return None
    return path if path.is_dir() else None


def session_copy(binary: str) -> Path | None:
    """A fresh copy of the template for one session, in the run's temporary folder; None without a template."""
    template = template_for(binary)
    if template is None:
        return None
    copy = Path(tempfile.mkdtemp(prefix=COPY_PREFIX, dir=os.environ.get("TMPDIR")))
    shutil.copytree(template, copy, dirs_exist_ok=True)
    return copy


def remove_copy(path: str | os.PathLike | None) -> None:
    """Remove a session's copy once its browser has quit; anything that is not one of ours is left alone."""
    if path and Path(path).name.startswith(COPY_PREFIX):
        shutil.rmtree(path, ignore_errors=True)


def without_session_state(profile: Path) -> None:
    for name in SESSION_STATE:
        target = profile / name
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        elif target.exists() or target.is_symlink():  # Firefox's lock is a dangling symlink
            target.unlink()


def make(binary: str = FIREFOX) -> tuple[Path, bool]:
    """The template for this Firefox: (path, True) if made now, (path, False) if it was there.
    ProfileError if it cannot be made."""
    driver_path = geckodriver()
    if driver_path is None:
        raise ProfileError("no geckodriver")
    try:
        final = template_path(binary)
    except OSError as error:
        raise ProfileError(f"no Firefox at {binary}: {error.strerror}") from None
    if final.is_dir():
        return final, False
    CACHE.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=CACHE))  # two set-ups at once each make their own
    try:
        profile = work / "profile"
        profile.mkdir()
        options = webdriver.FirefoxOptions()
        options.binary_location = binary
        options.add_argument("-headless")
        options.add_argument("-profile")
        options.add_argument(str(profile))
        for pref, value in FIREFOX_PREFS.items():
            options.set_preference(pref, value)
        driver = webdriver.Firefox(options=options, service=webdriver.FirefoxService(driver_path))
        try:
            driver.get("about:blank")
        finally:
            driver.quit()  # Firefox writes the compiled scripts as it exits
        if not (profile / "startupCache").is_dir():
            raise ProfileError("Firefox wrote no startup cache")
        without_session_state(profile)
        try:
            profile.rename(final)
        except OSError:
            if final.is_dir():  # another set-up finished first: same build, same template
                return final, False
            raise
        return final, True
    except (OSError, WebDriverException) as error:  # a ProfileError raised above passes through unchanged
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ProfileError(f"the Firefox profile template was not made: {first}") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)

"""Firefox starts from a copy of a profile that has started once (mattermost_suite/fleet/firefox_profile.py): one
template per Firefox build, a fresh copy per session in the run's temporary folder, removed when the browser quits;
used only where the browser starts on this machine."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from mattermost_suite.config import load
from mattermost_suite.engines import FIREFOX, geckodriver
from mattermost_suite.fleet import drivers, firefox_profile
from mattermost_suite.fleet.drivers import new_driver, quit_driver
from mattermost_suite.fleet.profiles import profile_named
from mattermost_suite.grid import class_archive
from mattermost_suite.lifecycle import machine_caches


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setattr(firefox_profile, "CACHE", folder)
    return folder


@pytest.fixture
def run_folder(tmp_path, monkeypatch) -> Path:
    """The run's temporary folder, as the watchdog sets it (TMPDIR)."""
    folder = tmp_path / "run"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


def a_binary(folder: Path, name: str = "firefox-esr") -> str:
    folder.mkdir(parents=True, exist_ok=True)
    binary = folder / name
    binary.write_text("#!/bin/sh\n")
    return str(binary)


@pytest.mark.unit
def test_one_template_per_build_and_a_fresh_copy_per_session(cache, run_folder, tmp_path):
    binary = a_binary(tmp_path / "bin")
    assert firefox_profile.template_for(binary) is None and firefox_profile.session_copy(binary) is None
    template = firefox_profile.template_path(binary)
    (template / "startupCache").mkdir(parents=True)
    (template / "startupCache" / "scriptCache.bin").write_bytes(b"compiled")
    assert firefox_profile.template_path(a_binary(tmp_path / "other")) != template  # another build, another name

    first, second = firefox_profile.session_copy(binary), firefox_profile.session_copy(binary)
    assert first != second and first.parent == second.parent == run_folder
    assert (first / "startupCache" / "scriptCache.bin").read_bytes() == b"compiled"
    (first / "cookies.sqlite").write_text("a session's own")
    assert not (template / "cookies.sqlite").exists() and not (second / "cookies.sqlite").exists()

    firefox_profile.remove_copy(first)
    assert not first.exists() and second.exists() and template.exists()


@pytest.mark.unit
def test_only_a_sessions_copy_is_ever_removed(tmp_path):
    someone_elses = tmp_path / "profile"
    someone_elses.mkdir()
    for path in (someone_elses, None, ""):
        firefox_profile.remove_copy(path)
    assert someone_elses.exists()


@pytest.mark.unit
def test_the_template_keeps_no_session_state(tmp_path):
    profile = tmp_path / "profile"
    (profile / "storage/default/http+++127.0.0.1").mkdir(parents=True)
    (profile / "storage/permanent").mkdir(parents=True)
    (profile / "startupCache").mkdir()
    for name in ("cookies.sqlite", "sessionstore.jsonlz4", "prefs.js", "user.js", "places.sqlite"):
        (profile / name).write_text("x")
    (profile / "lock").symlink_to("127.0.0.1:+4242")  # Firefox's lock: a symlink to nowhere
    firefox_profile.without_session_state(profile)
    left = sorted(str(path.relative_to(profile)) for path in profile.rglob("*"))
    assert left == ["places.sqlite", "startupCache", "storage", "storage/permanent"]


@pytest.mark.unit
def test_a_copy_only_where_the_browser_starts_on_this_machine(cache, run_folder, tmp_path):
    binary = a_binary(tmp_path / "bin")
    firefox_profile.template_path(binary).mkdir(parents=True)
    firefox_profile.template_path(FIREFOX).mkdir(parents=True)
    local = load({}, {"grid": "off", "firefox_binary": binary}, {})
    external = load({}, {"grid_url": "http://127.0.0.1:4444"}, {})
    embedded = load({}, {}, {}).with_embedded_grid("http://127.0.0.1:4444")
    firefox, chromium = profile_named("Desktop Firefox ESR"), profile_named("Desktop Chromium")

    assert drivers._firefox_profile_copy(firefox, local).parent == run_folder
    assert drivers._firefox_profile_copy(firefox, embedded).parent == run_folder
    assert drivers._firefox_profile_copy(firefox, external) is None  # its nodes have file systems of their own
    assert drivers._firefox_profile_copy(chromium, local) is None
    other = dataclasses.replace(local, firefox_binary=a_binary(tmp_path / "elsewhere"))
    assert drivers._firefox_profile_copy(firefox, other) is None  # no template for that build


@pytest.mark.browser
def test_firefox_runs_on_its_own_copy_which_goes_when_it_quits(cache, run_folder):
    if geckodriver() is None or not os.access(FIREFOX, os.X_OK):
        pytest.skip("Firefox ESR or geckodriver not installed (scripts/setup installs them)")
    template, made = firefox_profile.make()
    assert made and firefox_profile.make() == (template, False)
    assert (template / "startupCache").is_dir() and not (template / "prefs.js").exists()
    assert [path.name for path in cache.iterdir()] == [template.name], "nothing half-made is left"
    before = sorted(path.name for path in template.rglob("*"))

    driver = new_driver(profile_named("Desktop Firefox ESR"), load({}, {"grid": "off"}, {}))
    try:
        copy = Path(driver.capabilities["moz:profile"])
        driver.get("about:blank")
        assert copy.parent == run_folder and copy.name.startswith(firefox_profile.COPY_PREFIX)
        assert (copy / "startupCache").is_dir()
    finally:
        quit_driver(driver)
    assert not copy.exists(), "the session's copy was left behind"
    assert sorted(path.name for path in template.rglob("*")) == before, "a session changed the template"


@pytest.mark.unit
def test_a_template_that_cannot_be_made_is_one_line_and_firefox_does_without(cache, monkeypatch, capsys):
    monkeypatch.setattr(firefox_profile, "geckodriver", lambda: None)
    monkeypatch.setattr(class_archive, "make", lambda: (Path("made-before"), False))
    assert machine_caches.main() == 0
    captured = capsys.readouterr()
    assert captured.err == "setup: no geckodriver; Firefox starts from a new profile (about 2 s slower)\n"
    assert captured.out == "" and not cache.exists(), "nothing half-made is left"

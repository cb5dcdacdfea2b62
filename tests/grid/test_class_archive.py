"""The grid's class archive: one per Java and jar, made once, and mapped by the JVM of every grid started after it
(checked in the JVM's own memory map, not in its command line: a JVM that refuses an archive still starts)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mattermost_suite.fleet import firefox_profile
from mattermost_suite.grid import EmbeddedGrid, GridError, class_archive
from mattermost_suite.grid.embedded import java_and_jar
from mattermost_suite.lifecycle import machine_caches


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setattr(class_archive, "CACHE", folder)
    return folder


@pytest.mark.unit
def test_no_archive_no_option_and_another_jar_another_archive(cache, tmp_path):
    java, jar = java_and_jar()
    assert class_archive.jvm_args(java, jar) == []
    path = class_archive.archive_path(java, jar)
    assert path.parent == cache and path.name.startswith(jar.stem) and path.suffix == ".jsa"
    cache.mkdir()
    path.write_bytes(b"")
    assert class_archive.jvm_args(java, jar) == [f"-XX:SharedArchiveFile={path}"]
    other = tmp_path / jar.name
    other.write_bytes(b"another build of the same name")
    assert class_archive.archive_path(java, other) != path


@pytest.mark.browser
def test_made_once_then_mapped_by_every_grid(cache, tmp_path):
    path, made = class_archive.make()
    assert made and path.is_file() and path.parent == cache
    assert class_archive.make() == (path, False)
    assert [p.name for p in cache.iterdir()] == [path.name], "no partial archive left"
    with EmbeddedGrid(browsers=("chromium",), log_dir=tmp_path / "grid") as grid:
        [java] = grid.pids
        maps = Path(f"/proc/{java}/maps").read_text()
    assert str(path) in maps, "the grid's JVM did not map the archive"


@pytest.mark.unit
def test_an_archive_that_cannot_be_made_is_one_line_and_the_grid_does_without(cache, monkeypatch, capsys):
    monkeypatch.setattr(class_archive, "EmbeddedGrid", _GridThatCannotStart)
    monkeypatch.setattr(firefox_profile, "make", lambda: (Path("made-before"), False))
    assert machine_caches.main() == 0
    err = capsys.readouterr().err.strip()
    assert err == (
        "setup: the grid's class archive was not made: Java exited at start; grids start without it "
        "(about a second slower)"
    )
    assert not [name for name in os.listdir(cache)], "nothing half-written is left"


class _GridThatCannotStart:
    def __init__(self, **_):
        pass

    def __enter__(self):
        raise GridError("Java exited at start")

    def __exit__(self, *exc):
        return False

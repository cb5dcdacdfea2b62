"""The stand-in serves a real web app build the way the real server does: every file byte for byte, the app's
page for every route, the real cache headers, and the build's version."""

from __future__ import annotations

import hashlib
import http.client
import tarfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import requests

from mattermost_standin import StandinServer
from mattermost_standin.config import NEWEST_VERSION, generation_of
from mattermost_standin.webapp import load

pytestmark = pytest.mark.realapp


@pytest.fixture(scope="module")
def served(webapp_build, tmp_path_factory):
    cache = tmp_path_factory.mktemp("webapps")
    with StandinServer(webapp=webapp_build, webapp_cache=str(cache)) as server:
        yield server, load(webapp_build, cache)


def _archive_files(build: str) -> dict[str, str]:
    """name under dist/ -> sha256, read from the build itself (the archive, or the folder)."""
    if Path(build).is_dir():
        dist = load(build).dist
        return {
            str(p.relative_to(dist)): hashlib.sha256(p.read_bytes()).hexdigest() for p in dist.rglob("*") if p.is_file()
        }
    found = {}
    with tarfile.open(build) as tar:
        for member in tar:
            if member.isfile():
                name = member.name.split("dist/", 1)[-1]
                found[name] = hashlib.sha256(tar.extractfile(member).read()).hexdigest()
    return found


def test_every_file_of_the_build_is_served_byte_for_byte(served, webapp_build):
    server, _ = served
    expected = _archive_files(webapp_build)
    assert "root.html" in expected and len(expected) > 100
    names = sorted(expected)
    # Four keep-alive connections of the standard library, each fetching a quarter of the files: some 4,000 requests,
    # so a lighter client than requests' leaves more of the CPU to the server being checked.
    shares = [names[i::4] for i in range(4)]

    def fetch(share: list[str]) -> list[tuple[str, int, str]]:
        connection = http.client.HTTPConnection(urlsplit(server.url).netloc, timeout=30)
        try:
            got = []
            for name in share:
                connection.request("GET", f"/static/{quote(name)}")
                response = connection.getresponse()
                got.append((name, response.status, hashlib.sha256(response.read()).hexdigest()))
            return got
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(shares)) as pool:
        got = [answer for answers in pool.map(fetch, shares) for answer in answers]
    assert len(got) == len(names)
    wrong = [(name, status) for name, status, digest in got if status != 200 or digest != expected[name]]
    assert not wrong, f"{len(wrong)} of {len(got)} files differ, e.g. {wrong[:3]}"


@pytest.mark.parametrize("path", ["/", "/login", "/landing", "/ad-1/channels/town-square", "/admin_console/users"])
def test_every_app_route_is_the_builds_root_html_uncached(served, path):
    server, build = served
    response = requests.get(server.url + path, timeout=10)
    assert response.status_code == 200
    assert response.content == build.root_html, "a default server serves root.html unchanged"
    assert response.headers["Cache-Control"] == "no-cache, max-age=31556926, public"


def test_static_files_carry_the_real_cache_headers(served):
    server, _ = served
    static = requests.get(server.url + "/static/manifest.json", timeout=10)
    remote_entry = requests.get(server.url + "/static/remote_entry.js", timeout=10)
    missing = requests.get(server.url + "/static/no-such-file.js", timeout=10)
    folder = requests.get(server.url + "/static/", timeout=10)
    assert static.headers["Cache-Control"] == "max-age=31556926, public"
    assert remote_entry.headers["Cache-Control"] == "no-cache, max-age=31556926, public"
    assert (missing.status_code, missing.headers["Cache-Control"]) == (404, "no-cache, public")
    assert folder.status_code == 404


def test_the_server_reports_the_builds_version(served):
    server, build = served
    version = build.version_from_name() or NEWEST_VERSION  # the shared 11.2 build's name carries none
    response = requests.get(server.url + "/api/v4/system/ping", timeout=10)
    assert response.headers["X-Version-Id"].startswith(f"{version}.{version}.")
    assert server.ui == generation_of(version)
    config = requests.get(server.url + "/api/v4/config/client?format=old", timeout=10).json()
    assert config["Version"] == version


def test_the_newest_client_config_switches_on_what_a_default_server_does(served):
    server, _ = served
    if server.ui != "current":
        pytest.skip("the full client config of a default server is the newest generation's")
    config = requests.get(server.url + "/api/v4/config/client", timeout=10).json()
    assert (config["EnableDesktopLandingPage"], config["EnableUserStatuses"]) == ("true", "true")
    assert config["AppDownloadLink"], "a default server has the download links that switch the landing page on"

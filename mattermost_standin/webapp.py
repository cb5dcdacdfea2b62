"""A production build of Mattermost's own web app, served the way the real server serves it.

A build is a webpack `dist/` folder (root.html, the hashed JS/CSS chunks, remote_entry.js, images) or an archive of
one (`.tar.gz`), unpacked once into a cache folder keyed by the archive's SHA-256. The files are served byte for
byte (server/channels/web/static.go):
- `GET /static/<file>` is `dist/<file>`: `Cache-Control: max-age=31556926, public` (remote_entry.js: `no-cache,
  max-age=31556926, public`); a path ending in `/` and a missing file are `404 page not found` with
  `Cache-Control: no-cache, public`.
- every other GET/HEAD path outside `/api/` is `root.html` with `Cache-Control: no-cache, max-age=31556926, public`.
  The real `root` handler swaps `<title>Mattermost</title>` for the site name and description only when they differ
  from the defaults; the stand-in does the same, so a default server serves root.html unchanged.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route

ROOT_HTML = "root.html"
DEFAULT_TITLE = "<title>Mattermost</title>"  # model.TeamSettingsDefaultSiteName, no default description
STATIC_CACHE = "max-age=31556926, public"
ROOT_CACHE = "no-cache, max-age=31556926, public"
# A build named like Mattermost's release artefacts, "mattermost-webapp-9.5-dist.tar.gz", carries its version.
_VERSION_IN_NAME = re.compile(r"-(\d+)\.(\d+)(?:\.(\d+))?(?:-dist)?(?:\.tar\.gz|\.tgz)?$")


class WebappError(ValueError):
    """One-line problem with a web app build (missing, not a build, unreadable archive)."""


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mattermost-standin" / "webapps"


@dataclass(frozen=True)
class WebappBuild:
    dist: Path  # the folder that holds root.html
    source: str  # what the user named (folder or archive)

    @property
    def root_html(self) -> bytes:
        return (self.dist / ROOT_HTML).read_bytes()

    def version_from_name(self) -> str | None:
        """'mattermost-webapp-9.5-dist.tar.gz' -> '9.5.0'; None when the name does not say."""
        match = _VERSION_IN_NAME.search(Path(self.source.rstrip("/")).name)
        if not match:
            return None
        major, minor, patch = match.groups()
        return f"{major}.{minor}.{patch or 0}"


def load(path: str, cache_dir: Path | None = None) -> WebappBuild:
    """The build at `path`: a dist folder (or a folder holding dist/), or a .tar.gz of one."""
    source = Path(path).expanduser()
    if not source.exists():
        raise WebappError(f"web app build {path!r} does not exist")
    if source.is_dir():
        return WebappBuild(_dist_in(source, path), str(source))
    if not tarfile.is_tarfile(source):
        raise WebappError(f"web app build {path!r} is neither a folder nor a .tar.gz archive")
    return WebappBuild(_unpacked(source, cache_dir or default_cache_dir(), path), str(source))


def _dist_in(folder: Path, named: str) -> Path:
    for candidate in (folder, folder / "dist"):
        if (candidate / ROOT_HTML).is_file():
            return candidate.resolve()
    raise WebappError(f"web app build {named!r} has no root.html (expected a webpack dist/ folder)")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _unpacked(archive: Path, cache_dir: Path, named: str) -> Path:
    """Unpack once per archive content: a finished folder is renamed into place, so a run killed while
    unpacking leaves no half-made build behind for the next one to trust."""
    target = cache_dir / _sha256(archive)[:32]
    if not target.is_dir():
        cache_dir.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=cache_dir))
        try:
            with tarfile.open(archive) as tar:
                tar.extractall(work, filter="data")  # refuses absolute paths, links out of the folder, devices
            os.replace(work, target)
        except (tarfile.TarError, OSError) as exc:
            shutil.rmtree(work, ignore_errors=True)
            if not target.is_dir():  # another run may have won the rename
                raise WebappError(f"cannot unpack web app build {named!r}: {exc}") from None
        shutil.rmtree(work, ignore_errors=True)
    return _dist_in(target, named)


def routes(build: WebappBuild, site_name: str) -> list[Route]:
    """`/static/...` and the app shell for every other path, as the real server's InitStatic registers them."""
    dist = build.dist
    shell = build.root_html
    title = f"<title>{html.escape(site_name)}</title>"
    if title != DEFAULT_TITLE:
        shell = shell.replace(DEFAULT_TITLE.encode(), title.encode())

    def not_found() -> Response:
        return PlainTextResponse("404 page not found\n", 404, headers={"Cache-Control": "no-cache, public"})

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if not name or name.endswith("/"):
            return not_found()
        file = (dist / name).resolve()
        if not file.is_relative_to(dist) or not file.is_file():
            return not_found()
        cache = ("no-cache, " + STATIC_CACHE) if file.name == "remote_entry.js" else STATIC_CACHE
        return FileResponse(file, headers={"Cache-Control": cache})

    async def root(request: Request) -> Response:
        return Response(shell, 200, media_type="text/html", headers={"Cache-Control": ROOT_CACHE})

    async def robots(request: Request) -> Response:
        return PlainTextResponse("User-agent: *\nDisallow: /\n")

    return [
        Route("/static/{name:path}", static, methods=["GET", "HEAD"]),
        Route("/robots.txt", robots, methods=["GET", "HEAD"]),
        Route("/{path:path}", root, methods=["GET", "HEAD"]),
    ]

"""StandinServer: the stand-in run by uvicorn in a background thread (in-process use by hooks and tests)."""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn

from .api_preferences import initial_preferences
from .app import VERSIONS, Settings, build_app
from .config import (
    GENERATIONS,
    NEWEST_VERSION,
    ConfigError,
    generation_of,
    parse_semver,
    validate_locale,
    validate_mfa_secret,
)
from .faults import page_faults, validate
from .store import SeedOptions, Store
from .webapp import WebappError
from .webapp import load as load_webapp

DB_FILE = "standin.sqlite3"


class StandinError(RuntimeError):
    """One-line start-up problem (bad option, port in use, no answer in time)."""


class StandinServer:
    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        ui: str | None = None,
        status_poll_seconds: float = 60.0,
        data_dir: str | None = None,
        faults=(),
        api_user_deletion: bool = True,
        start_timeout: float = 15.0,
        config: dict[str, object] | None = None,
        admin_mfa_secret: str = "",
        admin_locale: str = "en",
        fresh_workspace: bool = False,
        webapp: str | None = None,
        version: str | None = None,
        webapp_cache: str | None = None,
    ):
        build = self._webapp(webapp, webapp_cache)
        if build is not None and not version:
            version = build.version_from_name() or NEWEST_VERSION
        ui = self._generation(ui, version)
        if ui not in VERSIONS:
            raise StandinError(f"unknown ui {ui!r}; valid: {', '.join(VERSIONS)}")
        if not 0 < float(status_poll_seconds) <= 3600:
            raise StandinError(f"status poll must be in (0, 3600] seconds, got {status_poll_seconds!r}")
        if host == "localhost":
            host = "127.0.0.1"
        if not host.startswith("127."):
            raise StandinError(f"host must be a loopback address (127.x.x.x), got {host!r}")
        if not 0 <= int(port) <= 65535:
            raise StandinError(f"port must be 0..65535, got {port!r}")
        self.host, self.port = host, int(port)
        self.faults = validate(faults)
        if build is not None and page_faults(self.faults):
            raise StandinError(
                f"fault {page_faults(self.faults)[0]} changes the stand-in's own pages; "
                "a real web app build is served unchanged"
            )
        if config is not None and not isinstance(config, dict):
            raise StandinError(f"config must be a dict of Mattermost settings, got {type(config).__name__}")
        try:
            self.settings = Settings(
                ui=ui,
                status_poll_seconds=float(status_poll_seconds),
                api_user_deletion=api_user_deletion,
                config=dict(config or {}),
                admin_mfa_secret=validate_mfa_secret(admin_mfa_secret or ""),
                admin_locale=validate_locale(admin_locale),
                fresh_workspace=bool(fresh_workspace),
                release=version or "",
                webapp=build,
            )
        except ConfigError as exc:
            raise StandinError(str(exc)) from None
        self._data_dir_arg = data_dir
        self._start_timeout = start_timeout
        self._temp_dir: str | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.store: Store | None = None
        self.data_dir: str | None = None
        self.api_calls = None  # app.ApiCalls once started: every API call answered

    @staticmethod
    def _webapp(path: str | None, cache: str | None):
        if not path:
            return None
        try:
            return load_webapp(path, Path(cache) if cache else None)
        except WebappError as exc:
            raise StandinError(str(exc)) from None

    @staticmethod
    def _generation(ui: str | None, version: str | None) -> str:
        """The generation asked for, else the version's; a version from another generation is refused."""
        if not version:
            return ui or GENERATIONS[-1]  # the newest
        try:
            parse_semver(version)
        except ConfigError as exc:
            raise StandinError(str(exc)) from None
        implied = generation_of(version)
        if ui and ui != implied:
            raise StandinError(f"ui {ui!r} does not match version {version} (a {implied} web app)")
        return implied

    @property
    def ui(self) -> str:
        return self.settings.ui

    @property
    def version(self) -> str:
        return self.settings.version

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> StandinServer:
        if self._thread is not None:
            return self
        if self._data_dir_arg:
            Path(self._data_dir_arg).mkdir(parents=True, exist_ok=True)
            self.data_dir = self._data_dir_arg
        else:
            self.data_dir = self._temp_dir = tempfile.mkdtemp(prefix="mm-standin-")
        try:
            seed = SeedOptions(
                lambda user_id: initial_preferences(self.settings.ui, user_id),
                fresh_workspace=self.settings.fresh_workspace,
            )
            self.store = Store(str(Path(self.data_dir) / DB_FILE), seed)
            self.store.configure_admin(self.settings.admin_mfa_secret, self.settings.admin_locale)
            sock = self._bind()
            config = uvicorn.Config(
                build_app(self.store, self.settings, self.faults),
                log_level="warning",
                access_log=False,
                lifespan="off",
                server_header=False,
                timeout_graceful_shutdown=2,
            )
            self._server = uvicorn.Server(config)
            self.api_calls = config.app.calls
            self._thread = threading.Thread(
                target=self._server.run, kwargs={"sockets": [sock]}, name=f"standin-{self.port}", daemon=True
            )
            self._thread.start()
            self._wait_started()
        except BaseException:
            self.stop()
            raise
        return self

    def _bind(self) -> socket.socket:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Accepted connections inherit this; without it Nagle + delayed ACK add ~40 ms to every response.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            sock.bind((self.host, self.port))
        except OSError as exc:
            sock.close()
            raise StandinError(f"cannot listen on {self.host}:{self.port}: {exc.strerror}") from None
        self.port = sock.getsockname()[1]
        return sock

    def _wait_started(self) -> None:
        deadline = time.monotonic() + self._start_timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise StandinError(f"the stand-in did not start on {self.url}")
            self._thread.join(0.01)  # returns early if uvicorn's thread dies while starting

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = self._thread = None
        if self.store is not None:
            self.store.close()
            self.store = None
        if self._temp_dir:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None

    def __enter__(self) -> StandinServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

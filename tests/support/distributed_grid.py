"""A Selenium Grid in distributed mode, started the way another team would start theirs: `java -jar <jar> hub` and
one `java -jar <jar> node --config <toml>` per engine, each its own process, wired by the hub's event bus; the
WebKit node relays a WebKitWebDriver on an Xvfb display. Everything on 127.0.0.1. The suite only gets its URL
(`-D grid_url=...`), exactly as for a grid on other machines.

The nodes' TOML comes from mattermost_suite.grid.node_config (what each engine's driver and stereotype are); processes
are started and ended with mattermost_suite.grid.processes: each child leads its own session and carries an owner
tag, so stop() ends every process it started, and everything those started, by PID (session id) and tag.
"""

from __future__ import annotations

import json
import os
import select
import urllib.request
from pathlib import Path

from mattermost_suite import poll
from mattermost_suite.engines import CHROMEDRIVER, WEBKIT_DRIVER, XVFB, geckodriver
from mattermost_suite.grid import node_config
from mattermost_suite.grid.embedded import JAR, JAVA, JVM_ARGS
from mattermost_suite.grid.processes import end_all, free_ports, new_owner_token, spawn

HOST = "127.0.0.1"
SESSION_REQUEST_TIMEOUT = 60  # seconds a new-session request may wait in the hub's queue for a free slot
XVFB_DEADLINE = 30.0  # seconds for Xvfb to name its display: its own wait, not the grid's readiness deadline
# One node per engine; the Chromium node serves the default matrix's five Chromium devices and the admin's.
NODES = {
    "chromium": lambda: node_config.NodeSpec(drivers={"chromium": (CHROMEDRIVER, 6)}),
    "firefox": lambda: node_config.NodeSpec(drivers={"firefox": (geckodriver(), 2)}),
}


class DistributedGrid:
    def __init__(self, log_dir: Path, ready_deadline: float = 90.0):
        self.log_dir, self.ready_deadline = Path(log_dir), ready_deadline
        self.url = ""
        self.children: list = []  # Popen objects still to stop: hub, nodes, Xvfb, WebKitWebDriver
        self.pids: list[int] = []  # every process started directly, kept after stop() (each leads its session)
        self._owner = new_owner_token()

    def start(self) -> str:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        try:
            hub, publish, subscribe, chromium, firefox, webkit_node, webkit_driver = free_ports(7, HOST)
            events = ["--publish-events", f"tcp://{HOST}:{publish}", "--subscribe-events", f"tcp://{HOST}:{subscribe}"]
            self.url = f"http://{HOST}:{hub}"
            self._java("hub", node_config.hub_toml(HOST, hub, SESSION_REQUEST_TIMEOUT), events)
            self._java("node-chromium", node_config.node_toml(HOST, chromium, NODES["chromium"](), self.url), events)
            self._java("node-firefox", node_config.node_toml(HOST, firefox, NODES["firefox"](), self.url), events)
            relay = self._webkit_driver(webkit_driver)
            spec = node_config.NodeSpec(relay_url=relay)
            self._java("node-webkit", node_config.node_toml(HOST, webkit_node, spec, self.url), events)
            poll.until(self._ready, self.ready_deadline, 0.2, "the distributed grid: hub and three nodes up")
        except BaseException:
            self.stop()
            raise
        return self.url

    def stop(self) -> None:
        children, self.children = self.children, []
        end_all(children, self._owner)

    def __enter__(self) -> DistributedGrid:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def status(self) -> dict:
        with urllib.request.urlopen(f"{self.url}/status", timeout=5) as reply:
            return json.load(reply)["value"]

    # -- start-up ---------------------------------------------------------------------------------------------
    def _spawn(self, name: str, argv: list[str], env: dict | None = None, pass_fds=()):
        env = {**os.environ, **(env or {}), "SE_OFFLINE": "true", "SE_AVOID_STATS": "true"}
        child = spawn(argv, self.log_dir / f"{name}.log", self._owner, env=env, pass_fds=pass_fds)
        self.children.append(child)
        self.pids.append(child.pid)
        return child

    def _java(self, name: str, toml: str, events: list[str]) -> None:
        path = self.log_dir / f"{name}.toml"
        path.write_text(toml)
        role = "hub" if name == "hub" else "node"
        self._spawn(name, [JAVA, *JVM_ARGS, "-jar", str(JAR), role, "--config", str(path), *events])

    def _webkit_driver(self, port: int) -> str:
        """Xvfb on a display of its own choosing, and WebKitWebDriver on it (WebKitGTK has no headless mode)."""
        read_end, write_end = os.pipe()
        try:
            argv = [XVFB, "-displayfd", str(write_end), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"]
            self._spawn("xvfb", argv, pass_fds=(write_end,))
            os.close(write_end)
            write_end = -1
            display = b""
            while not display.endswith(b"\n"):
                if not select.select([read_end], [], [], XVFB_DEADLINE)[0]:
                    raise RuntimeError(f"Xvfb gave no display within {XVFB_DEADLINE:g} s")
                chunk = os.read(read_end, 64)
                if not chunk:
                    raise RuntimeError("Xvfb exited at start")
                display += chunk
        finally:
            os.close(read_end)
            if write_end >= 0:
                os.close(write_end)
        env = {"DISPLAY": ":" + display.decode().strip()}
        self._spawn("webkitwebdriver", [WEBKIT_DRIVER, "-p", str(port), f"--host={HOST}"], env=env)
        return f"http://{HOST}:{port}"

    def _ready(self) -> bool:
        for child in self.children:
            if child.poll() is not None:
                raise RuntimeError(f"a grid process exited at start (code {child.returncode}); see {self.log_dir}")
        try:
            status = self.status()
        except (OSError, ValueError, KeyError):
            return False
        up = [node for node in status.get("nodes", []) if node.get("availability") == "UP"]
        return bool(status.get("ready")) and len(up) == 3

"""TOML configs for the grid's Java processes: a standalone, or a hub and its nodes.

Every role binds the given host only, never detects drivers or runs Selenium Manager (both would search the
machine or the network), and the hub side rejects browsers no node offers instead of queueing them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from mattermost_suite.engines import CHROMIUM, stereotype

SESSION_TIMEOUT = 300  # seconds of inactivity after which a node ends a forgotten session


@dataclass
class NodeSpec:
    """What one node serves: driver slots per browser, and at most one relayed WebKitWebDriver."""

    drivers: dict[str, tuple[str, int]] = field(default_factory=dict)  # browser -> (driver path, slots)
    relay_url: str | None = None
    chromium_binary: str = CHROMIUM  # the headless shell; the full browser when the run shows windows

    @property
    def slots(self) -> int:
        return sum(n for _, n in self.drivers.values()) + (1 if self.relay_url else 0)


def _value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    return json.dumps(str(v))  # a JSON string is a valid TOML basic string


def _table(header: str, values: dict) -> str:
    return "\n".join([header] + [f"{k} = {_value(v)}" for k, v in values.items()]) + "\n"


def _server(host: str, port: int) -> str:
    return _table("[server]", {"host": host, "port": port}) + _table(
        "[logging]", {"tracing": False}
    )  # span dumps only add noise to the log


def _distributor(session_request_timeout: int) -> str:
    return _table("[distributor]", {"reject-unsupported-caps": True}) + _table(
        "[sessionqueue]", {"session-request-timeout": session_request_timeout}
    )


def _node(spec: NodeSpec, grid_url: str | None) -> str:
    node = {
        "detect-drivers": False,
        "selenium-manager": False,
        "max-sessions": spec.slots,
        "override-max-sessions": True,
        "session-timeout": SESSION_TIMEOUT,
    }
    if grid_url:
        node["grid-url"] = grid_url
    parts = [_table("[node]", node)]
    for browser, (driver, slots) in spec.drivers.items():
        parts.append(
            _table(
                "[[node.driver-configuration]]",
                {
                    "display-name": browser,
                    "webdriver-executable": driver,
                    "max-sessions": slots,
                    "stereotype": json.dumps(stereotype(browser, spec.chromium_binary)),
                },
            )
        )
    if spec.relay_url:  # WebKitWebDriver serves one session at a time
        parts.append(
            _table(
                "[relay]",
                {
                    "url": spec.relay_url,
                    "status-endpoint": "/status",
                    "configs": ["1", json.dumps(stereotype("webkit"))],
                },
            )
        )
    return "".join(parts)


def standalone_toml(host: str, port: int, spec: NodeSpec, session_request_timeout: int) -> str:
    return _server(host, port) + _node(spec, None) + _distributor(session_request_timeout)


def hub_toml(host: str, port: int, session_request_timeout: int) -> str:
    return _server(host, port) + _distributor(session_request_timeout)


def node_toml(host: str, port: int, spec: NodeSpec, grid_url: str) -> str:
    return _server(host, port) + _node(spec, grid_url)

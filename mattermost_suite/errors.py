"""The suite's own errors: each one prints as a single clear line, never as a traceback."""

from __future__ import annotations


class SuiteError(Exception):
    """A failure the suite explains in one line (a REST error carries the server's error id)."""

    def __init__(self, message: str, error_id: str = "", status: int = 0):
        super().__init__(message)
        self.error_id = error_id
        self.status = status


class ConfigError(SuiteError):
    """A bad setting: names the key and lists what is valid."""


class PreflightError(SuiteError):
    """The target server is not fit for MM-T940 (unreachable, not Mattermost, bad admin...)."""

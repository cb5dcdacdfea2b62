"""One-line errors for the suite to show: a grid that cannot start, or a browser it cannot serve."""

from __future__ import annotations

from selenium.common.exceptions import WebDriverException


class GridError(RuntimeError):
    """A grid problem, already phrased as one line for the user (no traceback needed)."""


def session_error(exc: WebDriverException, browser: str, grid_url: str) -> GridError:
    """Turn a failed `webdriver.Remote(grid_url, ...)` into one line naming the browser and the grid."""
    text = (getattr(exc, "msg", None) or str(exc) or type(exc).__name__).strip()
    first = text.splitlines()[0].strip() if text else type(exc).__name__
    if "No nodes support the capabilities" in text:
        return GridError(f"the grid at {grid_url} cannot serve browser {browser!r}: no node offers it")
    if "timed out" in text.lower() and "session" in text.lower():
        return GridError(f"the grid at {grid_url} had no free slot for browser {browser!r} in time: {first}")
    return GridError(f"the grid at {grid_url} could not start browser {browser!r}: {first}")

"""A faithful Mattermost stand-in for MM-T940 (System Console > Users > Revoke All Sessions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .faults import FAULTS, UnknownFault

if TYPE_CHECKING:
    from .server import StandinError, StandinServer

__all__ = ["FAULTS", "StandinError", "StandinServer", "UnknownFault"]


def __getattr__(name: str):
    """The server (uvicorn, starlette) loads on first use, so a light import such as mattermost_standin.seed (the
    e2e admin's password, read by the suite's config) does not load it."""
    if name in ("StandinError", "StandinServer"):
        from . import server

        return getattr(server, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

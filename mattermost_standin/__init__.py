"""A faithful Mattermost stand-in for MM-T940 (System Console > Users > Revoke All Sessions)."""
from .faults import FAULTS, UnknownFault
from .server import StandinError, StandinServer

__all__ = ["FAULTS", "StandinError", "StandinServer", "UnknownFault"]

"""A grid's ports (grid/processes.py free_ports) come from below the kernel's range for the local ports of outgoing
connections, so that none can turn into a connection's own port in the second or two before the grid's Java binds it."""

import socket

import pytest

from mattermost_suite.grid import processes
from mattermost_suite.grid.processes import free_ports

pytestmark = pytest.mark.unit


def test_the_ports_are_distinct_free_and_below_the_range_for_outgoing_connections():
    low = int(processes.EPHEMERAL_RANGE.read_text().split()[0])
    ports = free_ports(6)
    assert len(set(ports)) == 6 and all(processes.PORTS_FROM <= port < low for port in ports), (ports, low)
    for port in ports:
        with socket.socket() as s:
            s.bind(("127.0.0.1", port))


def _three_free_in_a_row() -> int:
    for first in range(processes.PORTS_FROM, processes.PORTS_FROM + 2000, 3):
        socks = [socket.socket() for _ in range(3)]
        try:
            for offset, s in enumerate(socks):
                s.bind(("127.0.0.1", first + offset))
            return first
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
    pytest.fail("no three free ports in a row")


def test_a_taken_port_is_passed_over_and_the_kernel_chooses_once_none_is_left_below(tmp_path, monkeypatch):
    first = _three_free_in_a_row()
    monkeypatch.setattr(processes, "PORTS_FROM", first)
    (tmp_path / "range").write_text(f"{first + 3}\t60999\n")  # room for three ports below, one of them taken
    monkeypatch.setattr(processes, "EPHEMERAL_RANGE", tmp_path / "range")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", first + 1))
        ports = free_ports(3)
    assert sorted(ports)[:2] == [first, first + 2], ports
    assert sorted(ports)[2] >= first + 3, ports  # the kernel's choice

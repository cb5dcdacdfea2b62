"""A server fault runs once in a session: against the real web app when its run there is selected, else against the
stand-in's own pages (tests/faults/server_faults_once.py)."""

from types import SimpleNamespace

import pytest

from .runs import Case
from .server_faults_once import REAL_APP_MODULE, run_on_the_real_app_instead

pytestmark = pytest.mark.unit
OWN = "tests/faults/test_mm_t940_catches_every_fault.py::test_the_fault_fails_mm_t940_at_its_guarding_step"


def own_pages(ui: str, fault: str | None):
    case = Case(ui, fault)
    return SimpleNamespace(nodeid=f"{OWN}[{case.id}]", callspec=SimpleNamespace(params={"case": case}))


def real_app(fault: str):
    return SimpleNamespace(
        nodeid=f"{REAL_APP_MODULE}::test_x[{fault}]", callspec=SimpleNamespace(params={"fault": fault})
    )


def test_a_server_fault_selected_on_the_real_app_leaves_its_own_page_run_out():
    noop, spares = own_pages("current", "revoke_all_noop"), own_pages("current", "revoke_all_spares_caller")
    items = [
        noop,
        spares,
        own_pages("current", None),
        own_pages("legacy", "no_expired_banner"),
        real_app("revoke_all_noop"),
    ]
    assert run_on_the_real_app_instead(items) == [noop]  # spares_caller's real-app run is not selected: it stays


def test_page_faults_and_the_baselines_always_stay():
    items = [own_pages("current", "cancel_revokes"), own_pages("current", None), real_app("cancel_revokes")]
    assert run_on_the_real_app_instead(items) == []


def test_without_the_real_app_runs_every_server_fault_stays_on_the_own_pages():
    assert run_on_the_real_app_instead([own_pages("current", "revoke_all_noop")]) == []

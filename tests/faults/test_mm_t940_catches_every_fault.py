"""MM-T940 against every named stand-in fault: a page fault once per set of the suite's locators among the UI
generations that have the broken screen (once in all if its failure is read off the page), a server fault once
(catalogue.generations_of says why). Each run must fail at the step that guards the broken behaviour, with a message
naming what is wrong; the faultless stand-in must pass every step in every generation that runs faults."""

from __future__ import annotations

import re

import pytest

from mattermost_standin import FAULTS
from mattermost_standin.faults import applies
from mattermost_suite.generations import locators_of

from .catalogue import CATCHES, PROPOSED, UIS, generations_of, generations_with_faults
from .runs import Case, feature_step_texts
from .verdicts import OUTPUT_TAIL, escape_reasons, report

FAULT_CASES = [Case(ui, fault) for ui in UIS for fault in FAULTS if ui in generations_of(fault)]
BASELINES = [Case(ui, None) for ui in generations_with_faults()]  # the control of each generation's fault runs


def _ids(case: Case) -> str:
    return case.id


@pytest.mark.unit
def test_every_fault_has_one_catch_and_every_known_step_is_in_the_feature():
    assert set(CATCHES) == set(FAULTS)
    assert all(generations_of(fault) for fault in FAULTS), "a fault that no generation runs"
    page_faults = [fault for fault, (kind, _) in FAULTS.items() if kind == "page"]
    views = {locators_of(ui) for ui in UIS}
    assert {locators_of(ui) for f in page_faults for ui in generations_of(f)} == views, "locators without faults"
    steps = feature_step_texts()
    stale = [c.step for c in CATCHES.values() if not c.step.startswith(PROPOSED) and c.step not in steps]
    assert not stale, f"update tests/faults/catalogue.py: these steps are no longer in the feature: {stale}"


@pytest.mark.unit
def test_a_generation_left_out_of_a_page_fault_is_read_exactly_like_one_that_runs_it():
    for fault, (kind, _) in FAULTS.items():
        ran = generations_of(fault)
        if kind == "server" or not CATCHES[fault].reads_the_page:
            assert ran == tuple(ui for ui in UIS if applies(fault, ui))[:1], fault
            continue
        left_out = [ui for ui in UIS if applies(fault, ui) and ui not in ran]
        assert all(any(locators_of(ui) == locators_of(r) for r in ran) for ui in left_out), (fault, left_out)
        assert len({locators_of(r) for r in ran}) == len(ran), f"{fault}: two runs read the pages alike"
    # The suite reads transitional's pages (7.0-9.5) with current's locators: its page faults run in current.
    assert locators_of("transitional") == locators_of("current") and "transitional" not in generations_with_faults()


@pytest.mark.unit
def test_a_catch_read_without_the_locators_names_an_address_or_a_rest_answer():
    """Only a failure read from the browser's address or the REST API may run in one generation for all."""
    off_the_page = {fault: catch for fault, catch in CATCHES.items() if not catch.reads_the_page}
    assert off_the_page, "no page fault is read off the page"
    for fault, catch in off_the_page.items():
        assert FAULTS[fault][0] == "page", fault
        assert catch.message.startswith("the browser is at /") or re.search(r"HTTP \d{3}", catch.message), fault


@pytest.mark.faults
@pytest.mark.parametrize("case", BASELINES, ids=_ids)
def test_the_faultless_standin_passes_every_step(case, fault_runs):
    outcome = fault_runs.get(case)
    tail = "\n".join(outcome.output.splitlines()[-OUTPUT_TAIL:])
    assert outcome.returncode == 0, tail
    statuses = [status for _, status, _ in outcome.steps]  # the outline's example that ran, then the other scenarios
    assert statuses == ["passed"] * len(feature_step_texts()), f"step statuses {statuses}\n{tail}"
    assert outcome.leftovers == []


@pytest.mark.faults
@pytest.mark.parametrize("case", FAULT_CASES, ids=_ids)
def test_the_fault_fails_mm_t940_at_its_guarding_step(case, fault_runs, record_kill):
    outcome = fault_runs.get(case)
    catch = CATCHES[case.fault]
    reasons = escape_reasons(outcome, catch)
    record_kill(
        case, not reasons, outcome.first_failure[0] if outcome.first_failure else "no step failed", outcome.seconds
    )
    assert not reasons, report(outcome, catch, reasons)
    assert outcome.leftovers == [], f"processes left behind: {outcome.leftovers}"

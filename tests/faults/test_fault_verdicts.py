"""Fast checks of how a run's result becomes a verdict and a kill ratio (no browser, no server)."""

import pytest

from .catalogue import Catch
from .kill_ratio import Kill, kill_ratio_lines
from .runs import Case, Outcome, step_matches
from .verdicts import escape_reasons

pytestmark = pytest.mark.unit

BANNER = Catch('the confirmation message reads "<confirmation message>"', "the confirmation reads")


def outcome(returncode, *steps):
    return Outcome(Case("current", "confirm_wording"), returncode, "", list(steps))


def test_an_outline_placeholder_matches_any_value_and_nothing_else_does():
    assert step_matches('the confirmation message reads "All gone?"', BANNER.step)
    assert not step_matches('the confirmation offers "Cancel"', BANNER.step)
    assert step_matches("the confirmation is closed", "the confirmation is closed")


def test_a_run_that_passes_or_fails_elsewhere_or_vaguely_is_an_escape():
    assert escape_reasons(outcome(0), BANNER) == ["the run PASSED against the faulty server"]
    at_title = outcome(1, ("a confirmation titled", "failed", "the confirmation reads 'x'"))
    assert "not 'the confirmation message" in escape_reasons(at_title, BANNER)[0]
    vague = outcome(1, ('the confirmation message reads "y"', "failed", "AssertionError"))
    assert escape_reasons(vague, BANNER) == ["its message does not contain 'the confirmation reads'"]


def test_the_expected_step_failing_with_the_expected_message_is_a_catch():
    caught = outcome(
        1,
        ("the system admin goes to System Console > Users", "passed", ""),
        ('the confirmation message reads "y"', "failed", "ASSERT FAILED: the confirmation reads 'z'"),
    )
    assert escape_reasons(caught, BANNER) == []


def test_the_kill_ratio_is_per_generation_and_in_total_and_names_escapes():
    kills = [
        Kill("current", "a", True, "s", 1.0),
        Kill("current", "b", False, "no step failed", 1.0),
        Kill("legacy", "a", True, "s", 1.0),
        Kill("legacy", "b", True, "s", 1.0),
    ]
    assert kill_ratio_lines(kills) == [
        "current: 1/2 faults caught (50 %)",
        "legacy: 2/2 faults caught (100 %)",
        "total: 3/4 faults caught (75 %)",
        "escaped: current/b",
    ]

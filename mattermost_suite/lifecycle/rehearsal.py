"""A rehearsal: MM-T940 against a server whose users must not be logged out. Every step runs up to and including
Cancel; a step that would (or could) end sessions on the server does not run, nor does any step after it. Those
steps are reported as skipped with the reason, never as passed, and the run ends with "rehearsal passed" or with
where it failed.

Why a wrapper on the step and not a before_step hook: behave 1.3.3 runs a step's function even when before_step has
skipped the scenario (it only reports the step as skipped). Here the revoking function is never called.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from mattermost_suite.story.narration import say


@dataclass
class Rehearsal:
    """One rehearsal run: why it is one, how many steps each scenario left unrun, and what failed."""

    reason: str
    not_run_steps: int = 0
    stopped_scenarios: int = 0
    failures: list[str] = field(default_factory=list)

    def not_run(self, why: str) -> str:
        """The one line reported for every step that does not run (console, JUnit, Allure)."""
        return f"NOT RUN in a rehearsal ({self.reason}): {why}"

    def summary(self) -> str:
        if self.failures:
            return "rehearsal FAILED at " + "; ".join(self.failures)
        return (
            f"rehearsal passed: {self.stopped_scenarios} scenario(s) ran every step before the revoke, "
            f"{self.not_run_steps} step(s) NOT RUN, nothing revoked"
        )


def revokes_all_sessions(why: str):
    """Mark a step function that ends (or, if the product is broken, could end) every session on the server.

    `why` says so in product terms; in a rehearsal it is the reason every step from here on is not run.
    """

    def mark(step_function):
        @functools.wraps(step_function)  # behave reports the wrapped function's location
        def step(context, *args, **kwargs):
            rehearsal: Rehearsal | None = context.mm_rehearsal  # set by the hooks; missing -> an error, no revoke
            if rehearsal is None:
                return step_function(context, *args, **kwargs)
            stop_here(context, rehearsal, why)
            return None

        step.revokes_all_sessions = why
        return step

    return mark


def stop_here(context, rehearsal: Rehearsal, why: str) -> None:
    """Check once more that every session is still active, then skip this step and the rest of the scenario."""
    scenario = context.scenario
    steps = list(scenario.all_steps)
    remaining = [step for step in steps if step.status.name in ("untested", "skipped")]  # this one included
    sessions = context.admin.finds_nothing_revoked(context.test_user)
    reason = rehearsal.not_run(why)
    scenario.skip(reason)
    rehearsal.stopped_scenarios += 1
    rehearsal.not_run_steps += len(remaining)
    say(f"{reason}; the last {len(remaining)} of {len(steps)} steps, from: {remaining[0].keyword} {remaining[0].name}")
    say(f"rehearsal: all {sessions} sessions it opened are still active (the test user's and the system admin's)")

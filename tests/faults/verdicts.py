"""Whether a fault run counts as a catch, and the failure report when it does not."""

from __future__ import annotations

from mattermost_standin import FAULTS

from .catalogue import PROPOSED, Catch
from .runs import Outcome, step_matches

OUTPUT_TAIL = 15


def escape_reasons(outcome: Outcome, catch: Catch) -> list[str]:
    """Why the run does not count as catching the fault; empty when it does."""
    if outcome.returncode == 0:
        return ["the run PASSED against the faulty server"]
    failure = outcome.first_failure
    if failure is None:
        return [f"the run failed (exit {outcome.returncode}) before any step failed"]
    name, status, error = failure
    reasons = []
    if catch.step.startswith(PROPOSED):
        reasons.append(f"the feature has no step guarding this yet ({catch.step})")
    elif not step_matches(name, catch.step):
        reasons.append(f"the first failing step is {name!r}, not {catch.step!r}")
    if catch.message not in error:
        reasons.append(f"its message does not contain {catch.message!r}")
    return reasons


def report(outcome: Outcome, catch: Catch, reasons: list[str]) -> str:
    name, status, error = outcome.first_failure or ("no step failed", "", "")
    lines = outcome.output.splitlines()
    tail = "\n".join(lines[-OUTPUT_TAIL:])
    # A step that errored without a message (a hook's error, a crash) is explained earlier in the output.
    hook_errors = [line for line in lines[:-OUTPUT_TAIL] if "HOOK-ERROR" in line or "Error:" in line][:10]
    return (
        f"fault {outcome.case.fault!r} ({FAULTS[outcome.case.fault][1]}) ESCAPED in {outcome.case.ui}:\n"
        + "".join(f"  - {reason}\n" for reason in reasons)
        + f"expected: {catch.step!r} failing with {catch.message!r}\n"
        + f"actual:   {name!r} {status}: {error}\n"
        + "(docs/faults.md says which check the suite lacks)\n"
        + (f"processes left behind: {outcome.leftovers}\n" if outcome.leftovers else "")
        + ("errors earlier in its output:\n" + "\n".join(hook_errors) + "\n" if hook_errors else "")
        + f"--- behave (exit {outcome.returncode}, {outcome.seconds:.0f} s), last {OUTPUT_TAIL} lines ---\n{tail}"
    )

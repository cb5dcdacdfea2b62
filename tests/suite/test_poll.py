"""mattermost_suite.poll on a fake clock: the value comes back, a timeout names what was awaited, no pause after
success, and no pause past the deadline."""

from __future__ import annotations

import pytest

from mattermost_suite import poll

pytestmark = pytest.mark.unit


class FakeClock:
    """A clock that only moves when the code under test pauses; records every pause."""

    def __init__(self, start: float = 100.0):
        self.now, self.pauses = start, []

    def __call__(self) -> float:
        return self.now

    def wait(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.now += seconds


def answers(*values):
    """A condition answering `values` in turn (then the last one again), counting its calls."""
    calls = []

    def condition():
        calls.append(None)
        return values[min(len(calls), len(values)) - 1]

    condition.calls = calls
    return condition


def test_until_returns_the_first_truthy_answer_after_pausing_between_checks():
    clock, condition = FakeClock(), answers(None, [], {"ready": True})
    assert poll.until(condition, 10, 0.5, "the grid", clock=clock, wait=clock.wait) == {"ready": True}
    assert clock.pauses == [0.5, 0.5] and len(condition.calls) == 3


def test_until_does_not_pause_after_success():
    clock, condition = FakeClock(), answers("done")
    assert poll.until(condition, 10, 0.5, "anything", clock=clock, wait=clock.wait) == "done"
    assert clock.pauses == [] and len(condition.calls) == 1


def test_until_times_out_naming_what_it_waited_for_and_never_pauses_past_the_deadline():
    clock, condition = FakeClock(), answers(False)
    with pytest.raises(poll.PollTimeout) as timeout:
        poll.until(condition, 1.2, 0.5, "grid processes to end", clock=clock, wait=clock.wait)
    assert str(timeout.value) == "grid processes to end: not within 1.2 s"
    assert timeout.value.what == "grid processes to end" and isinstance(timeout.value, TimeoutError)
    assert clock.pauses == pytest.approx([0.5, 0.5, 0.2]) and clock.now == pytest.approx(101.2)
    assert len(condition.calls) == 4, "checked once more at the deadline"


def test_until_checks_once_even_with_no_time_left():
    clock = FakeClock()
    assert poll.until(answers(7), 0, 0.5, "x", clock=clock, wait=clock.wait) == 7
    with pytest.raises(poll.PollTimeout):
        poll.until(answers(0), 0, 0.5, "x", clock=clock, wait=clock.wait)
    assert clock.pauses == []


def test_an_error_from_the_condition_ends_the_polling_at_once():
    clock = FakeClock()

    def exits():
        raise RuntimeError("grid process grid exited at start")

    with pytest.raises(RuntimeError, match="exited at start"):
        poll.until(exits, 10, 0.5, "x", clock=clock, wait=clock.wait)
    assert clock.pauses == []


def test_try_until_returns_the_last_falsy_answer_at_the_deadline_without_raising():
    clock, condition = FakeClock(), answers([], (), "", 0)
    assert poll.try_until(condition, 1.0, 0.5, clock=clock, wait=clock.wait) == ""
    assert clock.pauses == [0.5, 0.5] and len(condition.calls) == 3
    assert poll.try_until(answers([], [4]), 1.0, 0.5, clock=clock, wait=clock.wait) == [4]


def test_until_clock_reaches_pauses_the_difference_and_not_at_all_when_the_moment_has_passed():
    clock = FakeClock(start=30029.5)
    poll.until_clock_reaches(30030, clock=clock, wait=clock.wait)
    assert clock.pauses == [0.5] and clock.now == 30030
    poll.until_clock_reaches(30000, clock=clock, wait=clock.wait)
    assert clock.pauses == [0.5]


def test_until_clock_reaches_pauses_again_when_a_pause_ends_early():
    clock, pauses = FakeClock(start=0.0), []

    def wait_ending_a_second_early_once(seconds):
        pauses.append(seconds)
        clock.now += seconds - 1 if len(pauses) == 1 else seconds

    poll.until_clock_reaches(4.0, clock=clock, wait=wait_ending_a_second_early_once)
    assert pauses == [4.0, 1.0] and clock.now == 4.0


def test_the_real_pause_returns_after_about_the_seconds_given():
    import time

    start = time.monotonic()
    poll.pause(0.05)
    assert 0.04 <= time.monotonic() - start < 1.0

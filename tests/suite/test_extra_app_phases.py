"""Extra app sessions at scale: each phase's time is an event the narrator prints (never the actors themselves);
the outcome line at the end stays the verdict alone."""

import pytest

from mattermost_suite.story import presenter
from mattermost_suite.story.events import EventBus, ExtraAppsChecked, ExtraAppsLoggedIn
from mattermost_suite.story.narration import Console
from mattermost_suite.story.narrator import Narrator, Story

pytestmark = pytest.mark.unit

EXPIRED = "api.context.session_expired.app_error"


def test_every_phase_is_said_with_its_time_and_the_outcome_without_it(capfd):
    bus, narrator = EventBus(), Narrator(Story(), Console())
    bus.subscribe(narrator.on_event)
    bus.publish(ExtraAppsLoggedIn(1000, 7.25, 16))
    bus.publish(ExtraAppsChecked(1000, "accepted", seconds=2.04))
    bus.publish(ExtraAppsChecked(1000, "refused", seconds=1.96))
    said = capfd.readouterr().err.splitlines()
    assert said == [
        "MM-T940: 1000 extra app sessions: logged in in 7.2 s, 16 at a time",
        "MM-T940: 1000 extra app sessions: all listed as mobile and accepted (sessions checked in 2.0 s)",
        f"MM-T940: 1000 extra app sessions: all 1000 refused with 401 {EXPIRED} (sessions checked in 2.0 s)",
    ]
    assert narrator.story.summary() == [f"outcome: 1000 extra app sessions: all 1000 refused with 401 {EXPIRED}"]


def test_a_check_without_a_time_reads_as_before():
    assert presenter.extra_apps_line(3, "accepted") == "3 extra app sessions: all listed as mobile and accepted"

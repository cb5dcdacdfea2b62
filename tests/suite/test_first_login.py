"""First login on a real server: every user the suite logs in gets Mattermost's e2e first-login preferences, and
the system admin's own preferences and locale end the run exactly as they were found, also after a failure."""

import re

import pytest

from mattermost_suite.lifecycle.fixtures import admin_left_as_found
from mattermost_suite.secrets import Secret
from mattermost_suite.server import admin_profile
from mattermost_suite.server.admin_profile import admin_state
from mattermost_suite.server.api import MattermostApi
from mattermost_suite.server.first_login import E2E_FIRST_LOGIN_PREFERENCES, first_login_preferences
from mattermost_suite.server.seeding import remove_test_user, seed_test_user
from tests.support.constants import ADMIN_PASSWORD
from tests.support.generations import UIS

PASSWORD = Secret(ADMIN_PASSWORD)
UI_GENERATIONS = list(UIS)

# What Mattermost's Cypress helpers save (e2e-tests/cypress/tests/support/api/user.ts apiCreateUser and
# preference.ts apiDisableTutorials), written out once more so that a change to the data is a visible decision.
E2E_SET = {
    ("recommended_next_steps", "skip", "true"),
    ("recommended_next_steps", "hide", "true"),
    ("onboarding_task_list", "onboarding_task_list_open", "false"),
    ("onboarding_task_list", "onboarding_task_list_show", "false"),
    ("whats_new_modal", "has_seen_sidebar_whats_new_modal", "true"),
    ("actions_menu", "actions_menu_tutorial_state", '{"actions_menu_modal_viewed":true}'),
    ("tutorial_step", "<id>", "999"),
    ("crt_thread_pane_step", "<id>", "999"),
    ("crt_tutorial_triggered", "<id>", "999"),
    ("playbook_edit", "<id>", "999"),
    ("playbook_preview", "<id>", "999"),
    ("tutorial_pb_run_details", "<id>", "999"),
    ("drafts", "drafts_tour_tip_showed", '{"drafts_tour_tip_showed":true}'),
    ("app_bar", "channel_with_board_tip_showed", '{"channel_with_board_tip_showed":true}'),
}


def rows(preferences, user_id):
    return {(p["category"], p["name"].replace(user_id, "<id>"), p["value"]) for p in preferences}


# -- the data (no server) -------------------------------------------------------------------------------------------
@pytest.mark.unit
def test_the_set_is_the_e2e_helpers_set_for_that_user():
    preferences = first_login_preferences("u1d" * 8 + "ab")
    assert rows(preferences, "u1d" * 8 + "ab") == E2E_SET and len(preferences) == len(E2E_SET)
    assert {p["user_id"] for p in preferences} == {"u1d" * 8 + "ab"}


@pytest.mark.unit
def test_every_row_is_one_the_server_accepts():
    """model/preference.go: category and name at most 32 characters; the GET routes match [A-Za-z0-9_]+."""
    for pref in first_login_preferences("a" * 26):
        assert re.fullmatch(r"[A-Za-z0-9_]{1,32}", pref["category"]) and re.fullmatch(
            r"[A-Za-z0-9_]{1,32}", pref["name"]
        ), pref
    assert all(pref.why for pref in E2E_FIRST_LOGIN_PREFERENCES), "each row says which e2e helper saves it"


# -- against the stand-in ---------------------------------------------------------------------------------------------
def standin(**options):
    from mattermost_standin import StandinServer

    return StandinServer(status_poll_seconds=1.0, **options)


def admin_of(server) -> MattermostApi:
    api = MattermostApi(server.url)
    api.log_in("sysadmin", PASSWORD)
    return api


@pytest.fixture(scope="module", params=UI_GENERATIONS)
def server(request):
    with standin(ui=request.param) as running:
        yield running


@pytest.mark.contract
def test_a_seeded_test_user_gets_exactly_the_e2e_set_on_top_of_what_the_server_records(server):
    admin = admin_of(server)
    team = admin.my_teams()[0]["id"]
    bare = seed_test_user(admin, "fl" + server.ui[:3], 1, team, first_login_seeding=False)
    seeded = seed_test_user(admin, "fl" + server.ui[:3], 2, team)
    try:
        recorded = {
            (p["category"], p["name"].replace(bare.user_id, "<id>")): p["value"]
            for p in admin.preferences(bare.user_id)
        }  # what this generation records for a new user
        expected = {**recorded, **{(category, name): value for category, name, value in E2E_SET}}
        got = {
            (p["category"], p["name"].replace(seeded.user_id, "<id>")): p["value"]
            for p in admin.preferences(seeded.user_id)
        }
        assert got == expected
    finally:
        for person in (bare, seeded):
            remove_test_user(admin, person)


@pytest.mark.contract
def test_the_admins_preferences_and_locale_end_as_found_even_when_the_run_fails_midway(server):
    admin = admin_of(server)
    me = admin.user["id"]
    admin.save_preferences(
        me, [{"user_id": me, "category": "display_settings", "name": "use_military_time", "value": "true"}]
    )  # a preference the admin had before the run
    before = admin_state(admin)
    run = admin_left_as_found(None, admin)
    next(run)
    # What a run may leave behind: the web app saves tips, changes one of the admin's, removes another ...
    admin.save_preferences(
        me,
        [
            {"user_id": me, "category": "recommended_next_steps", "name": "hide", "value": "true"},
            {"user_id": me, "category": "display_settings", "name": "use_military_time", "value": "false"},
        ],
    )
    admin.patch_user(me, {"locale": "fr"})
    admin.revoke_all_sessions()  # ... and the revoke ends the admin's REST session
    with pytest.raises(AssertionError, match="a step failed"):
        run.throw(AssertionError("a step failed"))
    assert admin_state(admin) == before
    admin.delete_preferences(
        me, [{"user_id": me, "category": "display_settings", "name": "use_military_time", "value": "true"}]
    )


@pytest.mark.contract
def test_a_removed_preference_of_the_admin_is_put_back():
    with standin() as server:
        admin = admin_of(server)
        me = admin.user["id"]
        admin.save_preferences(
            me, [{"user_id": me, "category": "display_settings", "name": "message_display", "value": "compact"}]
        )
        before = admin_state(admin)
        run = admin_left_as_found(None, admin)
        next(run)
        admin.delete_preferences(
            me, [{"user_id": me, "category": "display_settings", "name": "message_display", "value": "compact"}]
        )
        with pytest.raises(StopIteration):
            next(run)  # the run ended normally
        assert admin_state(admin) == before


@pytest.mark.contract
def test_a_non_english_admin_is_switched_to_english_for_the_run_and_back(capfd):
    with standin(admin_locale="de") as server:
        admin = admin_of(server)
        assert admin_state(admin)[1] == "de"
        run = admin_left_as_found(None, admin)
        found = next(run)
        assert found.locale == "de" and admin.me()["locale"] == "en"
        said = capfd.readouterr().err
        assert (
            "MM-T940: the system admin's language is 'de': switched to English ('en') for the run, so the "
            "console shows the product's English words; it is restored at the end"
        ) in said
        with pytest.raises(StopIteration):
            next(run)
        assert admin_state(admin)[1] == "de"


@pytest.mark.contract
def test_an_english_admin_is_left_alone(capfd):
    with standin() as server:
        admin = admin_of(server)
        found = admin_profile.record(admin)
        assert admin_profile.speak_english(admin, found) is None and admin.me()["locale"] == "en"

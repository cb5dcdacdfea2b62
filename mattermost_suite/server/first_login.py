"""What a brand-new user meets at first login, kept out of MM-T940's way the way Mattermost's own e2e tests do it.

Mattermost's Cypress support saves these preferences for every user it creates, right after POST /api/v4/users
(e2e-tests/cypress/tests/support/api/user.ts `apiCreateUser` with its defaults bypassTutorial, hideOnboarding,
bypassWhatsNewModal and, in earlier versions, hideActionsMenu and hideWhatsNewModal; and preference.ts
`apiDisableTutorials`). Categories, names and values are copied from those files (one value chosen where versions
differ, see below); USER_ID stands for the new user's id.

One set for every generation: the union of what the e2e helpers have saved across their history. A preference the
server's web app does not know is stored and never read (preferences are free-form rows), so the v5.x web app
ignores the tour rows and v9+ ignores the v5 tutorial step, while each finds the ones it reads. Saving the union
keeps the suite from having to know which tip arrived in which release.
"""

from __future__ import annotations

from typing import NamedTuple

from mattermost_suite.server.api import MattermostApi

USER_ID = "{user_id}"


class FirstLoginPreference(NamedTuple):
    category: str
    name: str
    value: str
    why: str  # what it keeps away, as the e2e helper that saves it names it


E2E_FIRST_LOGIN_PREFERENCES: tuple[FirstLoginPreference, ...] = (
    # apiCreateUser, always: the onboarding task list and the "recommended next steps"
    FirstLoginPreference("recommended_next_steps", "skip", "true", "apiSaveSkipStepsPreference"),
    FirstLoginPreference(
        "onboarding_task_list", "onboarding_task_list_open", "false", "apiSaveOnboardingTaskListPreference"
    ),
    FirstLoginPreference(
        "onboarding_task_list", "onboarding_task_list_show", "false", "apiSaveOnboardingTaskListPreference"
    ),
    # apiCreateUser hideOnboarding (default true)
    FirstLoginPreference("recommended_next_steps", "hide", "true", "apiSaveOnboardingPreference"),
    # apiCreateUser hideWhatsNewModal (v5.x era) saved "true", what the web app itself saves when the modal is closed
    # (its Sidebar opens the modal while this is not "true"); later versions' bypassWhatsNewModal save "false", after
    # the modal was gone. The union keeps the value that hides it where it exists.
    FirstLoginPreference(
        "whats_new_modal", "has_seen_sidebar_whats_new_modal", "true", "apiHideSidebarWhatsNewModalPreference"
    ),
    # apiCreateUser hideActionsMenu (earlier versions, default true)
    FirstLoginPreference(
        "actions_menu",
        "actions_menu_tutorial_state",
        '{"actions_menu_modal_viewed":true}',
        "apiSaveActionsMenuPreference",
    ),
    # apiDisableTutorials (bypassTutorial, default true; earlier versions saved only tutorial_step = 999)
    FirstLoginPreference("tutorial_step", USER_ID, "999", "apiDisableTutorials / apiSaveTutorialStep"),
    FirstLoginPreference("crt_thread_pane_step", USER_ID, "999", "apiDisableTutorials"),
    FirstLoginPreference("crt_tutorial_triggered", USER_ID, "999", "apiDisableTutorials"),
    FirstLoginPreference("playbook_edit", USER_ID, "999", "apiDisableTutorials"),
    FirstLoginPreference("playbook_preview", USER_ID, "999", "apiDisableTutorials"),
    FirstLoginPreference("tutorial_pb_run_details", USER_ID, "999", "apiDisableTutorials"),
    FirstLoginPreference(
        "drafts",
        "drafts_tour_tip_showed",
        '{"drafts_tour_tip_showed":true}',
        "apiDisableTutorials / apiSaveDraftsTourTipPreference",
    ),
    FirstLoginPreference(
        "app_bar", "channel_with_board_tip_showed", '{"channel_with_board_tip_showed":true}', "apiDisableTutorials"
    ),
)


def first_login_preferences(user_id: str) -> list[dict[str, str]]:
    """The e2e set for one user, in the body format of PUT /api/v4/users/{user_id}/preferences."""
    return [
        {
            "user_id": user_id,
            "category": pref.category,
            "name": pref.name.replace(USER_ID, user_id),
            "value": pref.value,
        }
        for pref in E2E_FIRST_LOGIN_PREFERENCES
    ]


def seed_first_login(api: MattermostApi, user_id: str) -> None:
    """Right after creating a user the suite will log in: one PUT with the whole set."""
    api.save_preferences(user_id, first_login_preferences(user_id))

"""Browser tests (headless Chromium) of what a first login shows in each generation: the v5 tutorial (instead of
the channel) and what's-new modal, the v7+ onboarding task list and tour tip over the channel, the first admin's
preparing-workspace page, and EnableTutorial / EnableOnboardingFlow switching them off as in the real web app.
The v7+ checks run on the real web app too (tier realapp)."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from mattermost_standin import StandinServer
from mattermost_suite.pages.locator import Locator
from tests.support.constants import ADMIN_LOGIN, ADMIN_PASSWORD
from tests.support.generations import UIS

from .browser import Page, fresh_page, served, serving
from .helpers import USER_PASSWORD, api, skip_first_login, team_member, token_of

CHANNEL = "/ad-1/channels/town-square"
HEADER = (By.ID, "channelHeaderTitle")
TUTORIAL = (By.ID, "tutorialIntroContent")
WHATS_NEW = (By.XPATH, "//h1[@id='genericModalLabel' and normalize-space(.)=\"What's new\"]")
TASK_LIST = (By.CSS_SELECTOR, "[data-cy='onboarding-task-list-overlay']")
TOUR_TIP = (By.CSS_SELECTOR, ".tour-tip__box")
# The real task list is styled-components without stable classes (components/onboarding_tasklist/): its open panel
# is the element classed `open` with the welcome heading, a task is a div around its label.
TASK_ITEMS = (
    By.XPATH,
    "//div[contains(concat(' ', @class, ' '), ' open ')][h1[normalize-space()='Welcome to Mattermost']]",
)
TOUR_TASK = (By.XPATH, "//div[span[normalize-space()='Take a tour of Channels.']]")


@pytest.fixture(scope="module")
def v5_server():
    with StandinServer(ui="legacy") as started:
        yield started


@pytest.fixture(scope="module", params=served("transitional", "current", real_app=True))
def v7_server(request):
    with StandinServer(**serving(request.param, request)) as started:
        yield started


@pytest.fixture
def v5_page(chrome, v5_server):
    return fresh_page(chrome, v5_server)


@pytest.fixture
def v7_page(chrome, v7_server):
    return fresh_page(chrome, v7_server)


def _fresh_member(server) -> dict:
    """A user created through the API, as Mattermost's own tests do, without any first-login preferences saved."""
    return team_member(server.url, first_login_done=False)


def _preference(server, user: dict, category: str, name: str) -> str | None:
    token = token_of(server.url, user["username"], USER_PASSWORD)
    response = api("GET", server.url, f"/users/me/preferences/{category}/name/{name}", token)
    return response.json()["value"] if response.status_code == 200 else None


def _log_in_fresh(page: Page) -> dict:
    user = _fresh_member(page.server)
    page.form_login(user["username"], USER_PASSWORD, path="/login?redirect_to=%2Fad-1%2Fchannels%2Ftown-square")
    page.wait_path(lambda p: p == CHANNEL, "the fresh user was not sent to the channel")
    page.visible((By.ID, "channel_view"))
    return user


def _shown(page: Page, locator) -> bool:
    """Right now, in one look: the real app re-renders its screens, and an element found in one command could go
    stale before the next asked whether it shows."""
    return Locator(str(locator), *locator).first_visible(page.driver) is not None


# -- legacy: the v5 tutorial replaces the channel -----------------------------------------------------------------


@pytest.mark.browser
def test_v5_fresh_user_gets_the_tutorial_instead_of_the_channel_header(v5_page):
    page = v5_page
    user = _log_in_fresh(page)
    page.visible(TUTORIAL)
    assert page.visible((By.ID, "tutorialIntroOne")).text.startswith("Welcome to:\nMattermost")
    assert page.driver.find_elements(*HEADER) == []  # the header is not rendered at all, as in channel_view.jsx
    assert page.visible((By.ID, "tutorialNextButton")).text == "Next"
    assert page.visible((By.ID, "tutorialSkipLink")).text == "Skip Tutorial"
    page.visible((By.XPATH, "//button[normalize-space()='Got it']")).click()  # the sidebar's what's new modal
    page.wait(lambda d: not _shown(page, WHATS_NEW), "the what's new modal did not close")
    page.visible((By.ID, "tutorialSkipLink")).click()
    assert page.visible(HEADER).text == "Town Square"
    page.wait(lambda d: _preference(page.server, user, "tutorial_step", user["id"]) == "999", "Skip saved nothing")
    assert _preference(page.server, user, "whats_new_modal", "has_seen_sidebar_whats_new_modal") == "true"
    page.driver.refresh()  # saved on the server: a reload shows the channel straight away
    assert page.visible(HEADER).text == "Town Square"
    assert not _shown(page, TUTORIAL) and not _shown(page, WHATS_NEW)


@pytest.mark.browser
def test_v5_next_through_the_intro_leaves_the_first_tip_by_the_message_box(v5_page):
    page = v5_page
    user = _log_in_fresh(page)
    page.visible((By.XPATH, "//button[normalize-space()='Got it']")).click()  # the what's new modal is on top
    for screen in ("tutorialIntroOne", "tutorialIntroTwo", "tutorialIntroThree"):
        page.visible((By.ID, screen))
        page.visible((By.ID, "tutorialNextButton")).click()
    assert page.visible(HEADER).text == "Town Square"
    page.wait(lambda d: _preference(page.server, user, "tutorial_step", user["id"]) == "1", "Next saved nothing")
    page.visible((By.CSS_SELECTOR, "#post-create #tipButton.tip-div")).click()
    assert page.visible((By.CSS_SELECTOR, ".tip-overlay h4")).text == "Sending Messages"
    page.visible((By.ID, "tipNextButton")).click()
    page.wait(lambda d: _preference(page.server, user, "tutorial_step", user["id"]) == "2", "Okay saved nothing")


# -- transitional / current: the onboarding task list over the channel --------------------------------------------


def test_v7_fresh_user_gets_the_open_task_list_over_the_channel(v7_page):
    page = v7_page
    user = _log_in_fresh(page)
    page.visible(TASK_LIST)
    assert page.visible(HEADER).text == "Town Square"  # still rendered, but covered by the overlay
    assert page.visible(TASK_ITEMS).find_element(By.TAG_NAME, "p").text == "Let's get up and running."
    page.wait(
        lambda d: _preference(page.server, user, "onboarding_task_list", "onboarding_task_list_open") == "true",
        "initOnboardingPrefs saved nothing",
    )
    assert _preference(page.server, user, "onboarding_task_list", "onboarding_task_list_show") == "true"
    assert _preference(page.server, user, "recommended_next_steps", "hide") == "true"
    page.visible(
        (By.XPATH, "//span[@class='link' and normalize-space()='No thanks, I’ll figure it out myself']")
    ).click()
    page.wait(lambda d: not _shown(page, TASK_LIST), "the task list did not go")
    page.wait(
        lambda d: _preference(page.server, user, "onboarding_task_list", "onboarding_task_list_show") == "false",
        "dismissing saved nothing",
    )
    page.driver.refresh()
    assert page.visible(HEADER).text == "Town Square"
    assert page.driver.find_elements(By.CSS_SELECTOR, "[data-cy='onboarding-task-list-action-button']") == []


def test_v7_taking_the_tour_shows_the_first_tour_tip_until_opted_out(v7_page):
    page = v7_page
    user = _log_in_fresh(page)
    page.visible(TOUR_TASK).click()
    assert (
        page.visible((By.CSS_SELECTOR, ".tour-tip__box .tour-tip__header__title")).text
        == "Channels and direct messages"
    )
    # The real app closes the task list's overlay as it opens the tour, a moment after the tip can be shown.
    page.wait(lambda d: not _shown(page, TASK_LIST), "the task list stayed over the tour")
    page.wait(
        lambda d: _preference(page.server, user, "onboarding_task_list", "channels_tour") == "1", "no trigger saved"
    )
    page.visible((By.XPATH, "//div[@class='tour-tip__opt']/a")).click()
    page.wait(lambda d: not _shown(page, TOUR_TIP), "the tour tip did not go")
    page.wait(
        lambda d: _preference(page.server, user, "tutorial_step", user["id"]) == "999", "opting out saved nothing"
    )


@pytest.mark.parametrize("ui", served(*UIS, real_app=True))
def test_finished_preferences_show_the_channel_and_nothing_else(chrome, make_standin, ui, request):
    page = Page(chrome, make_standin(**serving(ui, request)))
    page.reset()
    user = _fresh_member(page.server)
    skip_first_login(page.server.url, token_of(page.server.url), user["id"])
    page.form_login(user["username"], USER_PASSWORD, path="/login?redirect_to=%2Fad-1%2Fchannels%2Ftown-square")
    assert page.visible(HEADER).text == "Town Square"
    for screen in (TUTORIAL, WHATS_NEW, TASK_LIST, TOUR_TIP):
        assert not _shown(page, screen)


# -- config switches and the first admin ----------------------------------------------------------------------------


@pytest.mark.parametrize("ui", served(*UIS, real_app=True))
def test_enable_tutorial_false_switches_off_the_tutorial_but_not_the_task_list(chrome, make_standin, ui, request):
    """As in the real web app: EnableTutorial gates the v5 tutorial and the tour tips; the v7+ task list is gated by
    EnableOnboardingFlow only (components/onboarding_tasklist/onboarding_tasklist.tsx)."""
    page = Page(chrome, make_standin(config={"ServiceSettings.EnableTutorial": False}, **serving(ui, request)))
    page.reset()
    _log_in_fresh(page)
    assert page.visible(HEADER).text == "Town Square"
    assert not _shown(page, TUTORIAL)
    if ui != "legacy":
        page.visible(TASK_LIST)


@pytest.mark.parametrize("ui", served("transitional", "current", real_app=True))
def test_enable_onboarding_flow_false_shows_no_task_list(chrome, make_standin, ui, request):
    page = Page(chrome, make_standin(config={"ServiceSettings.EnableOnboardingFlow": False}, **serving(ui, request)))
    page.reset()
    _log_in_fresh(page)
    assert page.visible(HEADER).text == "Town Square"
    assert not _shown(page, TASK_LIST)


ORGANIZATION = (By.CSS_SELECTOR, ".PreparingWorkspace input.Organization__input")
CONTINUE = (By.CSS_SELECTOR, ".PreparingWorkspace button.primary-button[data-testid='continue']")


def _first_admin_on_preparing_workspace(page: Page) -> None:
    page.reset()
    page.form_login(ADMIN_LOGIN, ADMIN_PASSWORD)
    page.wait_path(lambda p: p == "/preparing-workspace", "the first admin was not sent to /preparing-workspace")
    title = page.visible((By.CSS_SELECTOR, ".PreparingWorkspace h1"))
    assert title.text == "What’s the name of your organization?"
    assert not page.visible(CONTINUE).is_enabled(), "Continue is enabled before a name is typed"
    page.visible(ORGANIZATION).send_keys("AD 2")
    page.wait(lambda d: page.visible(CONTINUE).is_enabled(), "Continue stayed disabled with a name typed")


@pytest.mark.parametrize("ui", served("transitional", "current", real_app=True))
def test_fresh_workspace_sends_the_first_admin_to_preparing_workspace(chrome, make_standin, ui, request):
    _first_admin_on_preparing_workspace(Page(chrome, make_standin(fresh_workspace=True, **serving(ui, request))))


@pytest.mark.parametrize("ui", served("transitional", "current"))
def test_finishing_preparing_workspace_completes_the_onboarding(chrome, make_standin, ui):
    """The stand-in's wizard ends after its first step (the real one goes on through plugins and invitations to
    "launching", which the suite never needs: it completes the onboarding through the API)."""
    page = Page(chrome, make_standin(ui=ui, fresh_workspace=True))
    _first_admin_on_preparing_workspace(page)
    page.visible(CONTINUE).click()
    page.wait_path(lambda p: p != "/preparing-workspace", "finishing the onboarding did not leave the page")
    value = api("GET", page.server.url, "/system/onboarding/complete", token_of(page.server.url)).json()["value"]
    assert value == "true"


@pytest.mark.browser
def test_legacy_fresh_workspace_has_no_preparing_workspace(chrome, make_standin):
    page = Page(chrome, make_standin(ui="legacy", fresh_workspace=True))
    page.reset()
    page.form_login(ADMIN_LOGIN, ADMIN_PASSWORD)
    page.wait_path(
        lambda p: p not in ("/", "/login") and not p.startswith("/login?"), "the admin stayed on the login page"
    )
    assert page.path() != "/preparing-workspace"


# -- the admin's own task list over the System Console ---------------------------------------------------------------

CONSOLE = "/admin_console/user_management/users"
REVOKE_ALL = (By.XPATH, "//button[normalize-space()='Revoke All Sessions']")
DISMISS = (By.XPATH, "//span[@class='link' and normalize-space()='No thanks, I’ll figure it out myself']")


@pytest.mark.parametrize("ui", served("transitional", "current", real_app=True))
def test_a_new_admin_meets_the_task_list_over_the_console_until_dismissed(chrome, make_standin, ui, request):
    """The task list is part of the app's frame: a new admin (only the preferences user creation saves) opening
    System Console > Users finds it open over the page, the admin console tasks included, until "No thanks"."""
    page = Page(chrome, make_standin(**serving(ui, request)))
    page.reset()
    page.form_login(ADMIN_LOGIN, ADMIN_PASSWORD, path="/login?redirect_to=%2Fadmin_console%2Fuser_management%2Fusers")
    page.wait_path(lambda p: p == CONSOLE, "the admin never reached the console")
    items = page.visible(TASK_ITEMS)
    assert "Visit the System Console to configure your workspace." in items.text
    # The overview video was removed in 10.5: the transitional pages (8.1) have it, 11.2 has not.
    assert ("Watch overview" in items.text) == (page.server.ui == "transitional")
    page.visible(TASK_LIST)
    page.visible(DISMISS).click()
    page.wait(lambda d: not _shown(page, TASK_LIST), "the task list did not go")
    page.visible(REVOKE_ALL).click()
    page.visible((By.ID, "confirmModal"))
    saved = api(
        "GET",
        page.server.url,
        "/users/me/preferences/onboarding_task_list/name/onboarding_task_list_show",
        token_of(page.server.url),
    )
    assert saved.json()["value"] == "false"

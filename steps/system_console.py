"""Steps in System Console > Users: the system admin with its confirmation dialog, and a user who may not use it."""
from behave import given, then, when

from mattermost_suite.moments import Moment, announce
from mattermost_suite.narrate import say
from mattermost_suite.rehearsal import revokes_all_sessions
from mattermost_suite.tasks import console, non_admin


@given('the system admin is logged in on another browser, "{device}"')
def step_admin_logged_in(context, device):
    scene = context.mm_scene
    say(console.log_in_admin(scene, device))
    announce(Moment.LOGGED_IN, [*scene.victims, scene.admin_device])


@when("the system admin goes to System Console > Users")
def step_admin_opens_users(context):
    console.open_users_page(context.mm_scene)


@when('the system admin clicks "{label}" on the Users page')
def step_admin_clicks_revoke_all(context, label):
    page = console.users_page(context.mm_scene)
    assert page.revoke_all_sessions_label() == label, f"the button reads {page.revoke_all_sessions_label()!r}"
    page.click_revoke_all_sessions()


@then('a confirmation titled "{title}" is displayed')
def step_confirmation_title(context, title):
    shown = console.confirmation(context.mm_scene).title()
    assert shown == title, f"the confirmation is titled {shown!r}"
    announce(Moment.CONFIRMATION_SHOWN, [context.mm_scene.admin_device])


@then('the confirmation message reads "{message}"')
def step_confirmation_message(context, message):
    shown = console.confirmation(context.mm_scene).message()
    assert shown == message, f"the confirmation reads {shown!r}"


@then('the confirmation offers "{cancel}" and "{confirm}"')
def step_confirmation_buttons(context, cancel, confirm):
    modal = console.confirmation(context.mm_scene)
    assert (modal.cancel_label(), modal.confirm_label()) == (cancel, confirm), \
        f"the buttons read {modal.cancel_label()!r} and {modal.confirm_label()!r}"


@when('the system admin clicks "Cancel" in the confirmation')
def step_admin_cancels(context):
    console.confirmation(context.mm_scene).cancel()
    announce(Moment.AFTER_CANCEL, [context.mm_scene.admin_device, *context.mm_scene.victims])


@then("the confirmation is closed")
def step_confirmation_closed(context):
    assert not console.confirmation(context.mm_scene).is_open(), "the confirmation is still open"


@then("the system admin is still on the Users page")
def step_admin_still_on_users(context):
    page = console.users_page(context.mm_scene)
    assert page.is_shown(), f"the system admin's browser is at {page.where()}"


@when('the system admin clicks "{label}" again and confirms with "{confirm}"')
@revokes_all_sessions("confirming would log out every user of the server")
def step_admin_confirms(context, label, confirm):
    console.revoke_all_sessions_and_confirm(context.mm_scene, label, confirm)


@then("the system admin's browser is redirected to the login page")
def step_admin_on_login_page(context):
    scene = context.mm_scene
    say(console.admin_reaches_login_page(scene))
    announce(Moment.AFTER_CONFIRM, [*scene.victims, scene.admin_device])


@then("the system admin's login page shows no session-expired message, as the admin ended the session")
def step_admin_without_banner(context):
    assert not console.admin_login_page(context.mm_scene).shows_expired_banner(), \
        "the system admin's login page shows the session-expired message"


@when("the test user goes to System Console > Users")
def step_test_user_opens_users(context):
    non_admin.users_page(context.mm_scene).visit()


@then("the test user is sent away from System Console > Users")
def step_test_user_sent_away(context):
    say(f"the test user is at {non_admin.sent_away(context.mm_scene)}")
    announce(Moment.SENT_AWAY, context.mm_scene.victims)


@then('the test user is not offered "{label}"')
def step_test_user_not_offered(context, label):
    non_admin.not_offered(context.mm_scene, label)

"""Steps in System Console > Users: the system admin with its confirmation dialog, and a user who may not use it."""

from behave import given, then, when

from mattermost_suite.lifecycle.rehearsal import revokes_all_sessions


@given('the system admin is logged in on another browser, "{device}"')
def step_admin_logged_in(context, device):
    context.admin.logs_in_on(device)


@when("the system admin goes to System Console > Users")
def step_admin_opens_users(context):
    context.admin.goes_to_users_page()


@when('the system admin clicks "{label}" on the Users page')
@when('the system admin clicks "{label}" on the Users page again')
def step_admin_clicks_revoke_all(context, label):
    context.admin.clicks_revoke_all_sessions(label)


@then('a confirmation titled "{title}" is displayed')
def step_confirmation_title(context, title):
    context.admin.sees_confirmation_titled(title)


@then('the confirmation message reads "{message}"')
def step_confirmation_message(context, message):
    context.admin.sees_confirmation_message(message)


@then('the confirmation offers "{cancel}" and "{confirm}"')
def step_confirmation_buttons(context, cancel, confirm):
    context.admin.sees_confirmation_offering(cancel, confirm)


@when('the system admin clicks "Cancel" in the confirmation')
def step_admin_cancels(context):
    context.admin.cancels_the_confirmation()


@then("the confirmation is closed")
def step_confirmation_closed(context):
    context.admin.sees_confirmation_closed()


@then("the system admin is still on the Users page")
def step_admin_still_on_users(context):
    context.admin.is_still_on_users_page()


@when('the system admin confirms with "{label}"')
@revokes_all_sessions("confirming would log out every user of the server")
def step_admin_confirms(context, label):
    context.admin.confirms_revoke_all_sessions(label)


@then("the system admin's browser is redirected to the login page")
def step_admin_on_login_page(context):
    context.admin.is_redirected_to_login_page()


@then("the system admin's login page shows no session-expired message, as the admin ended the session")
def step_admin_without_banner(context):
    context.admin.sees_no_session_expired_message()


@when("the test user goes to System Console > Users")
def step_test_user_opens_users(context):
    context.test_user.goes_to_users_page()


@then("the test user is sent away from System Console > Users")
def step_test_user_sent_away(context):
    context.test_user.is_sent_away_from_users_page()


@then('the test user is not offered "{label}"')
def step_test_user_not_offered(context, label):
    context.test_user.is_not_offered(label)
